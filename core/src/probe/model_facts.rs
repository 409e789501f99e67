//! What the Test learns of the model for Codex's catalog: its context window from
//! the provider's own list (`models::window_in_list`) or from Ollama, and
//! whether the provider takes a request carrying a `custom` tool (the shape of
//! Codex's apply_patch).

use reqwest::header::HeaderMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::endpoint::Endpoint;
use super::http::{BODY_CAP, read_capped};
use crate::provider::table::ProviderEntry;

/// What the Test saw. Serialises into the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModelFacts {
    /// The window the provider gives for the model, and where it said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<u64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub window_from: String,
    /// Whether a request with a `custom` tool was taken (`None`: not asked, or no clear answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_tools: Option<bool>,
    /// The model the provider said it served, when not the one asked for: an Azure
    /// deployment's model (`gpt5-prod` serving `gpt-6.1-sol-...`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub served_as: String,
}

impl ModelFacts {
    /// What the provider said it serves is its own text: one that holds a secret
    /// (a provider echoing the key) is dropped, never kept or shown.
    pub(super) fn redacted(self, r: &super::redact::Redactor) -> ModelFacts {
        let clean = r.text(&self.served_as) == self.served_as;
        ModelFacts { served_as: if clean { self.served_as } else { String::new() }, ..self }
    }
}

/// The window an Ollama server gives `model`: the one it allocated if the model is
/// loaded (`/api/ps`), else a Modelfile's `num_ctx`, else the model's own
/// (`model_info["<arch>.context_length"]` from `/api/show`). Pure parts below.
pub async fn ollama_window(client: &reqwest::Client, ep: &Endpoint, model: &str) -> Option<u64> {
    if let Ok(mut r) = client.get(ep.on_origin("/api/ps")).send().await {
        if let Ok((body, false)) = read_capped(&mut r, BODY_CAP).await {
            if let Some(n) = loaded_window(&body, model) {
                return Some(n);
            }
        }
    }
    let mut r = client.post(ep.on_origin("/api/show")).json(&serde_json::json!({"model": model})).send().await.ok()?;
    if !r.status().is_success() {
        return None;
    }
    let (body, _) = read_capped(&mut r, 16 << 20).await.ok()?;
    shown_window(&body)
}

fn loaded_window(body: &[u8], model: &str) -> Option<u64> {
    let v: Value = serde_json::from_slice(body).ok()?;
    v["models"].as_array()?.iter().find(|m| m["name"] == model || m["model"] == model)?["context_length"].as_u64()
}

fn shown_window(body: &[u8]) -> Option<u64> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let num_ctx = v["parameters"].as_str().and_then(|p| {
        p.lines().find_map(|l| {
            let mut w = l.split_whitespace();
            (w.next() == Some("num_ctx")).then(|| w.next()?.parse::<u64>().ok()).flatten()
        })
    });
    num_ctx.or_else(|| v["model_info"].as_object()?.iter().find(|(k, _)| k.ends_with(".context_length"))?.1.as_u64())
}

/// Whether the provider takes a request carrying a `custom` tool: a 2xx yes, a
/// 400 or 422 no; anything else (a 429, a 5xx, no answer) says nothing.
pub async fn takes_custom_tools(client: &reqwest::Client, ep: &Endpoint, entry: &ProviderEntry, headers: &HeaderMap, model: &str) -> Option<bool> {
    let body = serde_json::json!({
        "model": model,
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "Reply OK"}]}],
        "tools": [{"type": "custom", "name": "apply_patch", "description": "Switchboard's check that this provider takes custom tools. Do not call it."}],
        "tool_choice": "auto",
        "stream": true,
        "store": false,
        "max_output_tokens": 16,
    });
    let url = ep.route("/responses", &entry.query_params);
    let resp = client.post(&url).headers(headers.clone()).header("accept", "text/event-stream").json(&body).send().await.ok()?;
    match resp.status().as_u16() {
        200..=299 => Some(true),
        400 | 422 => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_served_model_that_holds_the_key_is_dropped() {
        let mut r = super::super::redact::Redactor::default();
        r.add("sk-live-0123456789abcdef");
        let echoed = ModelFacts { served_as: "gpt-6.1-sol-sk-live-0123456789abcdef".into(), window: Some(200_000), ..Default::default() };
        let kept = echoed.redacted(&r);
        assert_eq!(kept.served_as, "", "never kept, not even redacted");
        assert_eq!(kept.window, Some(200_000), "the rest stays");
        let clean = ModelFacts { served_as: "gpt-6.1-sol-2026-10-01".into(), ..Default::default() };
        assert_eq!(clean.redacted(&r).served_as, "gpt-6.1-sol-2026-10-01");
    }

    #[test]
    fn ollamas_window_loaded_then_modelfile_then_the_models_own() {
        assert_eq!(loaded_window(br#"{"models":[{"name":"qwen3-coder:30b","context_length":32768}]}"#, "qwen3-coder:30b"), Some(32_768));
        assert_eq!(loaded_window(br#"{"models":[]}"#, "qwen3-coder:30b"), None);
        assert_eq!(shown_window(br#"{"parameters":"temperature 0.7\nnum_ctx 65536","model_info":{"qwen3moe.context_length":262144}}"#), Some(65_536));
        assert_eq!(shown_window(br#"{"model_info":{"general.architecture":"qwen3moe","qwen3moe.context_length":262144}}"#), Some(262_144));
    }
}
