//! What a provider needs back on the next request of a turn, beyond its reasoning
//! text: OpenRouter's `reasoning_details` (sent back unchanged) and Gemini's thought
//! signatures (`extra_content.google.thought_signature`, per tool call). Codex keeps
//! nothing of a chat provider's own fields, but it sends every reasoning item back
//! as it got it, `encrypted_content` included; so the stream puts these in a
//! reasoning item of its own, after the bridge's marker for that upstream, and the
//! next request reads them from there (only for the same upstream). Pure.

use std::collections::BTreeMap;

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Carry {
    /// OpenRouter's `reasoning_details`, merged by index as they streamed.
    #[serde(default, rename = "d", skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Value>,
    /// Gemini's thought signature of each tool call, by call id.
    #[serde(default, rename = "s", skip_serializing_if = "BTreeMap::is_empty")]
    pub signatures: BTreeMap<String, String>,
}

impl Carry {
    pub fn is_empty(&self) -> bool {
        self.details.is_empty() && self.signatures.is_empty()
    }

    /// `<marker>:<base64url of the JSON>`, for a reasoning item's `encrypted_content`.
    pub fn encode(&self, marker: &str) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        format!("{marker}:{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json))
    }

    /// What `encode` made for `marker`; `None` for any other upstream's, or anything else.
    pub fn decode(encrypted: &str, marker: &str) -> Option<Carry> {
        let rest = encrypted.strip_prefix(marker)?.strip_prefix(':')?;
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(rest).ok()?;
        serde_json::from_slice(&json).ok()
    }

    /// Adds another carry's contents.
    pub fn extend(&mut self, other: Carry) {
        self.details.extend(other.details);
        self.signatures.extend(other.signatures);
    }

    /// One streamed piece of `reasoning_details`: text joins the entry of the same
    /// index and type; other fields (a signature, an id, the format) take the last value.
    pub fn merge_detail(&mut self, piece: &Value) {
        let Some(obj) = piece.as_object() else { return };
        let key = |v: &Value| (v.get("index").and_then(Value::as_u64), v.get("type").and_then(Value::as_str).map(str::to_owned));
        let same = self.details.iter_mut().find(|d| key(d) == key(piece) && key(piece).0.is_some());
        let Some(existing) = same else {
            self.details.push(piece.clone());
            return;
        };
        for (k, v) in obj {
            match (k.as_str(), existing.get(k).and_then(Value::as_str), v.as_str()) {
                ("text" | "summary" | "data", Some(old), Some(new)) => existing[k] = Value::String(format!("{old}{new}")),
                (_, _, _) if !v.is_null() => existing[k] = v.clone(),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_carry_reads_back_only_under_its_own_marker() {
        let mut c = Carry::default();
        c.signatures.insert("call_297140".into(), "CiQBcsjafE…sig".into());
        c.merge_detail(&json!({"type": "reasoning.text", "text": "I will ", "format": "unknown", "index": 0}));
        c.merge_detail(&json!({"type": "reasoning.text", "text": "read it.", "index": 0, "signature": "s1"}));
        c.merge_detail(&json!({"type": "reasoning.encrypted", "data": "AAA", "index": 1}));
        assert_eq!(
            c.details,
            vec![json!({"type": "reasoning.text", "text": "I will read it.", "format": "unknown", "index": 0, "signature": "s1"}), json!({"type": "reasoning.encrypted", "data": "AAA", "index": 1})]
        );
        let enc = c.encode("switchboard-bridge:v1:aaaa");
        assert!(enc.starts_with("switchboard-bridge:v1:aaaa:"));
        assert_eq!(Carry::decode(&enc, "switchboard-bridge:v1:aaaa"), Some(c.clone()));
        for other in ["switchboard-bridge:v1:bbbb", "switchboard-bridge:v1:aaa", ""] {
            assert_eq!(Carry::decode(&enc, other), None, "{other}");
        }
        assert_eq!(Carry::decode("switchboard-bridge:v1:aaaa", "switchboard-bridge:v1:aaaa"), None, "a plain marker carries nothing");
        assert_eq!(Carry::decode("switchboard-bridge:v1:aaaa:!!", "switchboard-bridge:v1:aaaa"), None);
        assert!(Carry::default().is_empty());
    }
}
