//! What a provider needs back on the next request of a turn, beyond its reasoning
//! text: OpenRouter's `reasoning_details` (sent back unchanged) and Gemini's thought
//! signatures (`extra_content.google.thought_signature`, per tool call). Codex keeps
//! nothing of a chat provider's own fields, but it sends every reasoning item back
//! as it got it, `encrypted_content` included; so the stream puts these in a
//! reasoning item of its own, after the bridge's marker for that upstream, and the
//! next request reads them from there (only for the same upstream). Pure.

use std::collections::{BTreeMap, HashMap};

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Carry {
    /// OpenRouter's `reasoning_details`, merged by index as they streamed.
    #[serde(default, rename = "d", skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Value>,
    /// Gemini's thought signature of each tool call, by call id.
    #[serde(default, rename = "s", skip_serializing_if = "BTreeMap::is_empty")]
    pub signatures: BTreeMap<String, String>,
    /// Where each (index, type) of `details` is, so a piece finds its entry at once.
    #[serde(skip)]
    at: HashMap<(u64, String), usize>,
}

/// Two carries are equal when they carry the same (the index map is how, not what).
impl PartialEq for Carry {
    fn eq(&self, other: &Self) -> bool {
        self.details == other.details && self.signatures == other.signatures
    }
}

/// The most `reasoning_details` entries and signatures one response may carry.
pub const MAX_ENTRIES: usize = 256;

impl Carry {
    pub fn is_empty(&self) -> bool {
        self.details.is_empty() && self.signatures.is_empty()
    }

    /// `<marker>:<base64url of the JSON>`, for a reasoning item's `encrypted_content`.
    pub fn encode(&self, marker: &str) -> String {
        self.encode_with(marker, |json| json)
    }

    /// `encode`, the JSON passed through `clean` first (the server's redaction: what a
    /// provider put here must not carry a key into Codex's session files, encoded or not).
    pub fn encode_with(&self, marker: &str, clean: impl Fn(String) -> String) -> String {
        let json = clean(serde_json::to_string(self).unwrap_or_default());
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
        self.at.clear();
    }

    /// One streamed piece of `reasoning_details`: text joins the entry of the same
    /// index and type; other fields (a signature, an id, the format) take the last value.
    /// Past `MAX_ENTRIES` entries, a new one is dropped.
    pub fn merge_detail(&mut self, piece: &Value) {
        let Some(obj) = piece.as_object() else { return };
        let index = piece.get("index").and_then(Value::as_u64);
        let kind = piece.get("type").and_then(Value::as_str).unwrap_or("").to_owned();
        let Some(at) = index.and_then(|i| self.at.get(&(i, kind.clone())).copied()) else {
            if self.details.len() < MAX_ENTRIES {
                if let Some(i) = index {
                    self.at.insert((i, kind), self.details.len());
                }
                self.details.push(piece.clone());
            }
            return;
        };
        let existing = &mut self.details[at];
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
