//! The models Codex lists through the router, in Codex's own catalog format: what
//! the router answers to Codex's `GET /models` (Codex asks a provider with a
//! command-backed key, and merges the answer over its built-in list; checked with
//! Codex 0.171). One entry per slug, `<provider-id>/<model>`, with that model's
//! window and apply_patch, and first `switchboard/current`, which follows Use.
//! Codex needs no catalog file of Switchboard's, and nothing of where Codex is
//! installed: it asks. Pure.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value, json};

use super::routes::{CURRENT, Route, Routes};
use crate::catalog::entry::{self, Described};
use crate::catalog::known::{ProviderModel, resolve};
use crate::catalog::store::Store;
use crate::provider::api::Api;

/// An entry with every field Codex 0.171 requires, for when no Codex list is at hand
/// to take its own entry from (Switchboard has not yet seen the Codex that runs).
fn fallback_template() -> Value {
    json!({
        "slug": "",
        "display_name": "",
        "supported_reasoning_levels": [
            {"effort": "low", "description": "Fast responses with lighter reasoning"},
            {"effort": "medium", "description": "Balances speed and reasoning depth"},
            {"effort": "high", "description": "Greater reasoning depth for complex problems"}
        ],
        "default_reasoning_level": "medium",
        "shell_type": "shell_command",
        "visibility": "list",
        "supported_in_api": true,
        "priority": 0,
        "support_verbosity": false,
        "truncation_policy": {"mode": "bytes", "limit": 10000},
        "experimental_supported_tools": [],
        "base_instructions": "You are Codex, a coding agent. You and the user share the same workspace and collaborate to achieve the user's goals."
    })
}

/// What Codex is told of `model` on `route`: from what the Test learnt of it (`store`),
/// else from Codex's own entry for it, else the family table.
fn known_of(route: &Route, model: &str, store: &Store, codex: Option<&[Value]>) -> crate::catalog::known::Known {
    let bridged = route.api == Api::Chat;
    let pm = match store.providers.get(&route.id) {
        Some(pm) if pm.model == model => ProviderModel { bridged, ..pm.clone() },
        _ => ProviderModel { model: model.to_owned(), name: route.name.clone(), bridged, ..Default::default() },
    };
    resolve(&pm, codex)
}

/// One entry: Codex's own for a model it knows (another slug, the provider's name
/// in its description), else one made from the template.
fn entry_for(slug: &str, display: &str, route: &Route, model: &str, store: &Store, codex: Option<&[Value]>, template: &Value, priority: i64) -> Value {
    let known = known_of(route, model, store, codex);
    let own = codex.and_then(|list| {
        let s = crate::catalog::entry::codex_match(entry::slugs(list), model)?;
        list.iter().find(|m| m["slug"] == s)
    });
    // `switchboard/current` stands for another model after each switch, while Codex
    // keeps the entry it read at start: it is always one made from the template (the
    // request shape every provider takes), never Codex's own entry of a model that may
    // speak a shape of its own (code mode, "lite" requests).
    let mut e = match own.filter(|_| !known.described && slug != CURRENT) {
        Some(o) => o.clone(),
        None => entry::entry(
            template,
            &Described { model, provider: &route.name, context_window: known.context_window, apply_patch: known.apply_patch, web_search: known.apply_patch, priority },
        ),
    };
    e["slug"] = json!(slug);
    e["display_name"] = json!(display);
    e["description"] = json!(format!("{model} on {}, through Switchboard", route.name));
    e["visibility"] = json!("list");
    e["priority"] = json!(priority);
    e
}

/// Every entry Codex lists through the router: `switchboard/current` first (what Use
/// chose, with that model's figures), then each provider's listed models, then
/// Codex's own models, hidden.
pub fn catalog(routes: &Routes, store: &Store, codex: Option<&[Value]>) -> Vec<Value> {
    let mut out = listed(routes, store, codex);
    let own: Vec<Value> = hidden(codex, &out).map(|m| Hidden(m).copy()).collect();
    out.extend(own);
    out
}

/// The answer to Codex's `GET /models`, `{"models": catalog}` as bytes, byte for byte
/// what serializing `catalog`'s entries gives; but Codex's own entries (most of its
/// megabyte) are written as they are held, hidden on the way out, not copied first,
/// and the bytes go into one buffer of their exact size.
pub fn answer(routes: &Routes, store: &Store, codex: Option<&[Value]>) -> Vec<u8> {
    let listed = listed(routes, store, codex);
    let all = Answer { listed: &listed, hidden: hidden(codex, &listed).collect() };
    let mut count = Counted(0);
    serde_json::to_writer(&mut count, &all).expect("a JSON value serializes");
    let mut out = Vec::with_capacity(count.0);
    serde_json::to_writer(&mut out, &all).expect("a JSON value serializes");
    out
}

/// Codex's `switchboard/current` and each provider's listed models, as Codex gets them.
fn listed(routes: &Routes, store: &Store, codex: Option<&[Value]>) -> Vec<Value> {
    let fallback = fallback_template();
    let template = codex.and_then(entry::template).unwrap_or(&fallback);
    let mut out = Vec::new();
    if let Ok(r) = routes.resolve(CURRENT) {
        let mut e = entry_for(CURRENT, "", r.route, &r.model, store, codex, template, 0);
        // Codex reads this once per session, and a switch does not reach it: its name
        // says what it does, never which model it stood for then.
        e["display_name"] = json!("Switchboard's choice");
        e["description"] = json!("Follows what you Use in Switchboard (the tray, the window or `switchboard use`): a switch reaches this session at its next turn");
        out.push(e);
    }
    for (i, (slug, route, model)) in routes.slugs().into_iter().enumerate() {
        let display = format!("{model} · {}", route.name);
        out.push(entry_for(&slug, &display, route, &model, store, codex, template, 1 + i as i64));
    }
    out
}

/// Codex merges the answer over its own list: its built-in models (OpenAI's, which
/// the router does not serve) are hidden from the picker under their own slugs. These
/// are Codex's entries whose slug `listed` does not take.
fn hidden<'a>(codex: Option<&'a [Value]>, listed: &[Value]) -> impl Iterator<Item = &'a Value> {
    let taken: std::collections::HashSet<&str> = listed.iter().filter_map(|e| e["slug"].as_str()).collect();
    let mut seen = std::collections::HashSet::new();
    codex.unwrap_or_default().iter().filter(move |m| m["slug"].as_str().is_some_and(|s| !taken.contains(s) && seen.insert(s.to_owned())))
}

/// `{"models": [listed..., hidden...]}`, for `serde_json` to write.
struct Answer<'a> {
    listed: &'a [Value],
    hidden: Vec<&'a Value>,
}

impl Serialize for Answer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Models<'b>(&'b Answer<'b>);
        impl Serialize for Models<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.listed.len() + self.0.hidden.len()))?;
                for e in self.0.listed {
                    seq.serialize_element(e)?;
                }
                for m in &self.0.hidden {
                    seq.serialize_element(&Hidden(m))?;
                }
                seq.end()
            }
        }
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("models", &Models(self))?;
        map.end()
    }
}

/// One of Codex's own entries with `"visibility": "hide"`, written without a copy: the
/// value is swapped where the entry has the key; an entry without it (none of Codex
/// 0.171's) is copied and set, as `catalog` does.
struct Hidden<'a>(&'a Value);

impl Serialize for Hidden<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_object().filter(|o| o.contains_key("visibility")) {
            Some(o) => {
                let mut map = s.serialize_map(Some(o.len()))?;
                for (k, v) in o {
                    match k.as_str() {
                        "visibility" => map.serialize_entry(k, "hide")?,
                        _ => map.serialize_entry(k, v)?,
                    }
                }
                map.end()
            }
            None => self.copy().serialize(s),
        }
    }
}

impl Hidden<'_> {
    /// The entry, copied, with `"visibility": "hide"`.
    fn copy(&self) -> Value {
        let mut h = self.0.clone();
        h["visibility"] = json!("hide");
        h
    }
}

/// A writer that only counts: the answer's length, to size its buffer.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The window of `model` on `route`, when something knows it (not the default guess).
pub fn window_of(route: &Route, model: &str, store: &Store, codex: Option<&[Value]>) -> Option<u64> {
    let k = known_of(route, model, store, codex);
    (k.window_source != crate::catalog::known::WindowSource::Default).then_some(k.context_window)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::edit::config_doc::ConfigDoc;
    use crate::router::state::{Current, RouterState};

    fn routes() -> Routes {
        let text = r#"
[model_providers.kimi]
name = "Kimi"
base_url = "http://127.0.0.1:15721/kimi/https/api.moonshot.ai/v1"
[model_providers.kimi.auth]
command = "/usr/bin/switchboard"
args = ["token", "kimi", "--bridge", "15721"]

[model_providers.or]
name = "OpenRouter"
base_url = "https://openrouter.ai/api/v1"
[model_providers.or.auth]
command = "/usr/bin/switchboard"
args = ["token", "or"]
"#;
        let doc = ConfigDoc::parse(text.to_owned(), Path::new("config.toml")).unwrap();
        let mut state = RouterState { current: Some(Current { provider: "kimi".into(), model: "kimi-k2.6".into() }), ..Default::default() };
        state.listed.insert("or".into(), vec!["qwen/qwen3-coder-plus".into()]);
        let models: BTreeMap<&str, &str> = [("kimi", "kimi-k2.6"), ("or", "openai/gpt-5.5")].into();
        Routes::build(&doc, &state, |_| true, |id| models.get(id).map(|m| m.to_string()))
    }

    #[test]
    fn codex_gets_an_entry_per_slug_with_each_models_figures() {
        let codex = vec![json!({"slug": "gpt-5.5", "display_name": "GPT-5.5", "context_window": 272000, "apply_patch_tool_type": "freeform", "visibility": "list",
            "base_instructions": "codex's own", "supported_reasoning_levels": [], "shell_type": "unified_exec", "supported_in_api": true, "priority": 1,
            "support_verbosity": true, "truncation_policy": {"mode": "tokens", "limit": 10000}, "experimental_supported_tools": []})];
        for list in [Some(&codex[..]), None] {
            let entries = catalog(&routes(), &Store::default(), list);
            let slugs: Vec<&str> = entries.iter().filter(|e| e["visibility"] == "list").map(|e| e["slug"].as_str().unwrap()).collect();
            assert_eq!(slugs, [CURRENT, "kimi/kimi-k2.6", "or/openai/gpt-5.5", "or/qwen/qwen3-coder-plus"]);
            // Codex's own models, which the router does not serve, are hidden from its picker.
            let hidden: Vec<&str> = entries.iter().filter(|e| e["visibility"] == "hide").map(|e| e["slug"].as_str().unwrap()).collect();
            assert_eq!(hidden, if list.is_some() { vec!["gpt-5.5"] } else { vec![] });
            let by = |s: &str| entries.iter().find(|e| e["slug"] == s).unwrap().clone();
            let current = by(CURRENT);
            assert_eq!(current["display_name"], "Switchboard's choice", "never the model it stood for when Codex read it");
            assert_eq!(current["context_window"], 262_144, "the chosen model's figures (the family table: Kimi K2)");
            let kimi = by("kimi/kimi-k2.6");
            assert_eq!(kimi["display_name"], "kimi-k2.6 · Kimi");
            assert_eq!(kimi["apply_patch_tool_type"], "freeform", "through the bridge: apply_patch");
            let qwen = by("or/qwen/qwen3-coder-plus");
            assert_eq!(qwen["context_window"], 262_144);
            assert_eq!(qwen["apply_patch_tool_type"], Value::Null, "directly, not tested: no apply_patch");
            assert_eq!(qwen["web_search_provider"], "search_mcp");
            for e in &entries {
                for field in ["slug", "display_name", "supported_reasoning_levels", "shell_type", "visibility", "supported_in_api", "priority", "support_verbosity", "truncation_policy", "experimental_supported_tools", "base_instructions"] {
                    assert!(e.get(field).is_some(), "{} lacks {field}", e["slug"]);
                }
            }
            let gpt = by("or/openai/gpt-5.5");
            match list {
                // A model Codex knows keeps Codex's own entry, under the router's slug.
                Some(_) => assert_eq!((gpt["context_window"].clone(), gpt["base_instructions"].clone()), (json!(272000), json!("codex's own"))),
                None => assert_eq!(gpt["base_instructions"], fallback_template()["base_instructions"]),
            }
        }
        // Current on a model Codex speaks a shape of its own to (code mode, "lite"): the
        // entry Codex keeps for `switchboard/current` is the template's, whatever comes next.
        let mut r = routes();
        r.current = Some(crate::router::state::Current { provider: "or".into(), model: "openai/gpt-6.1".into() });
        let lite = json!({"slug": "gpt-6.1", "display_name": "GPT-6.1", "context_window": 400000, "apply_patch_tool_type": "freeform", "visibility": "list",
            "tool_mode": "code_mode_only", "use_responses_lite": true, "base_instructions": "code mode"});
        let with_lite = [codex[0].clone(), lite];
        let current = catalog(&r, &Store::default(), Some(&with_lite)).into_iter().find(|e| e["slug"] == CURRENT).unwrap();
        assert_eq!((current["use_responses_lite"].clone(), current.get("tool_mode").cloned()), (json!(false), None), "{current}");
        assert_eq!(current["base_instructions"], "codex's own", "the template (gpt-5.5), not the lite model's");
        assert_eq!(current["context_window"], 400000, "its figures still");
        let pinned = catalog(&r, &Store::default(), Some(&with_lite)).into_iter().find(|e| e["slug"] == "or/openai/gpt-5.5").unwrap();
        assert_eq!(pinned["base_instructions"], "codex's own");
        let r = routes();
        assert_eq!(window_of(&r.routes["kimi"], "kimi-k2.6", &Store::default(), None), Some(262_144));
        assert_eq!(window_of(&r.routes["kimi"], "mystery-model", &Store::default(), None), None, "not guessed");
    }

    #[test]
    fn the_answer_is_the_catalog_serialized_byte_for_byte() {
        let own = |slug: &str, extra: Value| {
            let mut e = json!({"slug": slug, "display_name": slug, "context_window": 272000, "apply_patch_tool_type": "freeform", "visibility": "list",
                "base_instructions": format!("{slug}'s \"own\" ✓"), "priority": 1, "supported_in_api": true});
            e.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            e
        };
        // Codex's gpt-5.5 (the template), one it hides, one named twice, one without a
        // visibility, and one the routes list too.
        let codex = vec![
            own("gpt-5.5", json!({})),
            own("gpt-5.4-mini", json!({"visibility": "hide", "zzz": [1, {"a": null}]})),
            own("gpt-5.4-mini", json!({"display_name": "twice"})),
            { let mut e = own("o3", json!({})); e.as_object_mut().unwrap().remove("visibility"); e },
            own("kimi/kimi-k2.6", json!({})),
        ];
        for list in [Some(&codex[..]), None] {
            let want = serde_json::to_vec(&json!({"models": catalog(&routes(), &Store::default(), list)})).unwrap();
            let got = answer(&routes(), &Store::default(), list);
            assert_eq!(String::from_utf8(got.clone()).unwrap(), String::from_utf8(want).unwrap());
            assert_eq!(got.len(), got.capacity(), "one buffer of its exact size");
        }
        let v: Value = serde_json::from_slice(&answer(&routes(), &Store::default(), Some(&codex))).unwrap();
        let hidden: Vec<(&str, &str)> = v["models"].as_array().unwrap().iter().filter(|e| e["visibility"] == "hide").map(|e| (e["slug"].as_str().unwrap(), e["display_name"].as_str().unwrap())).collect();
        assert_eq!(hidden, [("gpt-5.5", "gpt-5.5"), ("gpt-5.4-mini", "gpt-5.4-mini"), ("o3", "o3")], "each once, the first of a slug named twice");
    }
}
