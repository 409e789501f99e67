//! Codex's model catalog, read and written as Codex 0.171 does. Pure: JSON in,
//! JSON out.
//!
//! - Matching: the longest catalog `slug` that is a prefix of the model wins,
//!   case-sensitively; with none, one leading `namespace/` is taken off and the
//!   lookup runs again (`moonshotai/kimi-k2-0905` finds `kimi-k2`).
//! - An entry for a model Codex does not know is a copy of one of Codex's own
//!   (its instructions, shell and truncation settings are what Codex was tuned
//!   with), set for a third party: its own slug, window and apply_patch, no
//!   verbosity, no reasoning summary, no hosted search, no speed tiers, no upgrade
//!   notice, text input only.

use serde_json::{Value, json};

/// The slug in `slugs` Codex would use for `model`, if any.
pub fn codex_match<'a>(slugs: impl Iterator<Item = &'a str> + Clone, model: &str) -> Option<&'a str> {
    let longest = |m: &str| slugs.clone().filter(|s| !s.is_empty() && m.starts_with(s)).max_by_key(|s| s.len());
    longest(model).or_else(|| model.split_once('/').and_then(|(_, rest)| longest(rest)))
}

/// The slugs of a catalog's models.
pub fn slugs(models: &[Value]) -> impl Iterator<Item = &str> + Clone {
    models.iter().filter_map(|m| m["slug"].as_str())
}

/// The entry a third-party model's is copied from: Codex's `gpt-5.5` (the
/// template CC Switch uses too), else the first listed model that edits with
/// the freeform apply_patch and is not a "lite" one.
pub fn template(models: &[Value]) -> Option<&Value> {
    models.iter().find(|m| m["slug"] == "gpt-5.5").or_else(|| {
        models.iter().find(|m| m["visibility"] == "list" && m["apply_patch_tool_type"] == "freeform" && m["use_responses_lite"] != true)
    })
}

/// What Switchboard tells Codex of one model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described<'a> {
    pub model: &'a str,
    /// Where the model is served, for the picker's description.
    pub provider: &'a str,
    pub context_window: u64,
    pub apply_patch: bool,
    /// Codex's hosted web search is taken there (seen with Codex's tools at the Test,
    /// or dropped by the bridge); otherwise Codex is told not to send it.
    pub web_search: bool,
    pub priority: i64,
}

/// A catalog entry for `d`, made from `template`.
pub fn entry(template: &Value, d: &Described) -> Value {
    let mut e = template.clone();
    let Some(o) = e.as_object_mut() else { return e };
    let set = |o: &mut serde_json::Map<String, Value>, k: &str, v: Value| {
        o.insert(k.to_owned(), v);
    };
    set(o, "slug", json!(d.model));
    set(o, "display_name", json!(d.model));
    set(o, "description", json!(format!("{} on {}, described to Codex by Switchboard", d.model, d.provider)));
    set(o, "context_window", json!(d.context_window));
    set(o, "max_context_window", json!(d.context_window));
    set(o, "apply_patch_tool_type", if d.apply_patch { json!("freeform") } else { Value::Null });
    set(o, "support_verbosity", json!(false));
    set(o, "default_verbosity", Value::Null);
    set(o, "default_reasoning_summary", json!("none"));
    set(o, "supports_search_tool", json!(false));
    // No `web_search` tool in the request (Codex 0.171 leaves it out for `search_mcp`).
    if d.web_search {
        o.remove("web_search_provider");
    } else {
        set(o, "web_search_provider", json!("search_mcp"));
    }
    set(o, "use_responses_lite", json!(false));
    // The request shape every provider takes: tools as tools, not Codex's code mode.
    o.remove("tool_mode");
    set(o, "service_tiers", json!([]));
    set(o, "additional_speed_tiers", json!([]));
    set(o, "upgrade", Value::Null);
    set(o, "availability_nux", Value::Null);
    set(o, "input_modalities", json!(["text"]));
    set(o, "visibility", json!("list"));
    set(o, "priority", json!(d.priority));
    o.remove("auto_compact_token_limit");
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codex_matches_the_longest_prefix_then_without_a_namespace() {
        let slugs = ["gpt-5.5", "gpt-5", "kimi-k2", "claude-sonnet-4.5", "MiniMax-M2.7"];
        let m = |model: &str| codex_match(slugs.iter().copied(), model);
        assert_eq!(m("gpt-5.5-codex"), Some("gpt-5.5"));
        assert_eq!(m("gpt-5-mini"), Some("gpt-5"));
        assert_eq!(m("moonshotai/kimi-k2-0905"), Some("kimi-k2"));
        assert_eq!(m("anthropic/claude-sonnet-4.5"), Some("claude-sonnet-4.5"));
        assert_eq!(m("open-router/gpt-5.5"), Some("gpt-5.5"));
        assert_eq!(m("minimax-m2.7"), None, "case-sensitive");
        assert_eq!(m("kimi"), None, "a prefix of a slug is not a match");
        assert_eq!(m("a/b/gpt-5.5"), None, "one namespace only");
    }

    #[test]
    fn an_entry_is_codexs_template_set_for_a_third_party() {
        let t = json!({"slug": "gpt-5.5", "display_name": "GPT-5.5", "context_window": 272000, "apply_patch_tool_type": "freeform",
            "support_verbosity": true, "default_verbosity": "low", "supports_search_tool": true, "base_instructions": "tuned",
            "shell_type": "unified_exec", "service_tiers": [{"id": "priority"}], "upgrade": {"model": "gpt-6"}, "visibility": "list"});
        let models = vec![json!({"slug": "other", "visibility": "hide"}), t.clone()];
        assert_eq!(template(&models), Some(&t));
        let d = Described { model: "kimi-k2.6", provider: "Kimi", context_window: 262_144, apply_patch: true, web_search: true, priority: 100 };
        let e = entry(&t, &d);
        assert_eq!(e["slug"], "kimi-k2.6");
        assert_eq!(e["context_window"], 262_144);
        assert_eq!(e["apply_patch_tool_type"], "freeform");
        assert_eq!(e["support_verbosity"], false);
        assert_eq!(e["supports_search_tool"], false);
        assert_eq!(e["base_instructions"], "tuned", "Codex's own instructions stay");
        assert_eq!(e["shell_type"], "unified_exec");
        assert_eq!(e["upgrade"], Value::Null);
        assert_eq!(e["service_tiers"], json!([]));
        let e = entry(&t, &Described { apply_patch: false, web_search: false, ..d });
        assert_eq!(e["web_search_provider"], "search_mcp", "no web search where it was not seen taken");
        assert_eq!(e["apply_patch_tool_type"], Value::Null, "no apply_patch: Codex sends no custom tool");
    }
}
