//! `$CODEX_HOME/switchboard-models.json`: the catalog Codex reads while the active
//! provider's model is one it does not know (config.toml's top-level
//! `model_catalog_json` then names it), and what Switchboard knows of each
//! provider's model, under a `switchboard` key Codex ignores.
//!
//! A catalog file replaces Codex's built-in list, so the file holds that whole
//! list (from the Codex installed, see `bundled`) followed by Switchboard's
//! entries. With OpenAI active, or a model Codex knows, config.toml does not name
//! it and Codex reads its own list. Switchboard only ever writes this file whole,
//! through a synced temporary file and a rename, under the operation's lock.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::bundled::Bundled;
use super::entry::{self, Described};
use super::known::{ProviderModel, resolve};
use crate::locale::Args;
use crate::error::{Error, Result};

/// The file's name in the Codex home, as config.toml's `model_catalog_json` names it.
pub const FILE: &str = "switchboard-models.json";

pub fn path(home: &Path) -> PathBuf {
    home.join(FILE)
}

/// What Switchboard keeps of each provider's model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    #[serde(default)]
    pub providers: BTreeMap<String, ProviderModel>,
    /// The Codex version whose list the file holds.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub codex_version: String,
}

#[derive(Deserialize)]
struct OnDisk {
    #[serde(default)]
    switchboard: Store,
}

/// The store as the file holds it (empty when there is none or it cannot be read).
pub fn load(home: &Path) -> Store {
    let Ok(Some(bytes)) = crate::edit::atomic::read_regular(&path(home), Path::new(FILE)) else { return Store::default() };
    serde_json::from_slice::<OnDisk>(&bytes).map(|d| d.switchboard).unwrap_or_default()
}

/// The catalog for `store`, with `active`'s entry first: Codex's list, minus any
/// slug Switchboard describes itself, then Switchboard's entries. `None` when
/// there is no Codex list to start from.
pub fn render(store: &Store, codex: &Bundled, active: Option<&str>) -> Option<Vec<Value>> {
    let template = entry::template(&codex.models)?;
    let mut ours: Vec<Value> = Vec::new();
    let order = active.into_iter().chain(store.providers.keys().map(String::as_str).filter(|id| Some(*id) != active));
    for id in order {
        let Some(pm) = store.providers.get(id) else { continue };
        let known = resolve(pm, Some(&codex.models));
        if !known.described || ours.iter().any(|e| e["slug"] == pm.model.as_str()) {
            continue;
        }
        // Web search where apply_patch is offered: the bridge drops it, and directly the Test saw Codex's whole tool set taken.
        let d = Described { model: &pm.model, provider: &pm.name, context_window: known.context_window, apply_patch: known.apply_patch, web_search: known.apply_patch, priority: 0 };
        ours.push(entry::entry(template, &d));
    }
    let mut models: Vec<Value> = codex.models.iter().filter(|m| !ours.iter().any(|e| e["slug"] == m["slug"])).cloned().collect();
    models.extend(ours);
    Some(models)
}

/// Whether config.toml should name the file while `id` is active: Codex does not
/// know its model, and there is a Codex list to build the file from.
pub fn wanted(store: &Store, codex: Option<&Bundled>, id: &str) -> bool {
    let (Some(pm), Some(codex)) = (store.providers.get(id), codex) else { return false };
    entry::template(&codex.models).is_some() && resolve(pm, Some(&codex.models)).described
}

/// Writes the file for `store` (skipped when it already holds exactly that).
/// Without a Codex list it keeps the store only, with Codex's list as it was.
pub fn write(home: &Path, store: &Store, codex: Option<&Bundled>, active: Option<&str>) -> Result<()> {
    let target = path(home);
    let models = match codex.and_then(|c| render(store, c, active)) {
        Some(m) => m,
        None => previous_models(&target),
    };
    let mut store = store.clone();
    if let Some(c) = codex {
        store.codex_version = c.version.clone();
    }
    let body = serde_json::to_vec(&json!({"models": models, "switchboard": store})).map_err(|e| Error::input("reason-detail", Args::new().text("detail", e)))?;
    if crate::edit::atomic::read_regular(&target, Path::new(FILE)).ok().flatten().as_deref() == Some(&body[..]) {
        return Ok(());
    }
    let staged = crate::edit::atomic::stage(&target, &body, Some(0o600), Path::new(FILE))?;
    staged.replace(&target)
}

fn previous_models(target: &Path) -> Vec<Value> {
    #[derive(Deserialize)]
    struct Models {
        #[serde(default)]
        models: Vec<Value>,
    }
    crate::edit::atomic::read_regular(target, Path::new(FILE))
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_slice::<Models>(&b).ok())
        .map(|m| m.models)
        .unwrap_or_default()
}

/// Whether the file exists and Codex can read it as a catalog (at least one model).
pub fn usable(home: &Path) -> bool {
    !previous_models(&path(home)).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codex() -> Bundled {
        let m = |slug: &str| json!({"slug": slug, "display_name": slug, "context_window": 272000, "apply_patch_tool_type": "freeform", "visibility": "list", "base_instructions": "x"});
        Bundled { version: "0.171.0".into(), models: vec![m("gpt-6"), m("gpt-5.5")], ..Default::default() }
    }

    fn pm(model: &str, bridged: bool) -> ProviderModel {
        ProviderModel { model: model.into(), name: "P".into(), bridged, ..Default::default() }
    }

    #[test]
    fn the_file_keeps_codexs_list_and_adds_the_models_it_does_not_know() {
        let mut store = Store::default();
        store.providers.insert("kimi".into(), pm("kimi-k2.6", true));
        store.providers.insert("or".into(), pm("openai/gpt-5.5", false));
        store.providers.insert("glm".into(), pm("glm-5.1", true));
        let models = render(&store, &codex(), Some("kimi")).unwrap();
        let slugs: Vec<&str> = models.iter().map(|m| m["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, ["gpt-6", "gpt-5.5", "kimi-k2.6", "glm-5.1"], "Codex's own first, the active provider's next");
        assert!(wanted(&store, Some(&codex()), "kimi"));
        assert!(!wanted(&store, Some(&codex()), "or"), "Codex knows gpt-5.5 under a namespace");
        assert!(!wanted(&store, None, "kimi"), "no Codex list: no file to name");
        assert!(!wanted(&store, Some(&codex()), "absent"));
    }

    #[test]
    fn written_whole_read_back_and_not_rewritten_when_unchanged() {
        let home = tempfile::tempdir().unwrap();
        let mut store = Store::default();
        store.providers.insert("kimi".into(), pm("kimi-k2.6", true));
        write(home.path(), &store, Some(&codex()), Some("kimi")).unwrap();
        let mut back = load(home.path());
        assert_eq!(back.codex_version, "0.171.0");
        back.codex_version.clear();
        assert_eq!(back, store);
        assert!(usable(home.path()));
        let before = std::fs::metadata(path(home.path())).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(home.path(), &load(home.path()), Some(&codex()), Some("kimi")).unwrap();
        assert_eq!(std::fs::metadata(path(home.path())).unwrap().modified().unwrap(), before);
        // Without a Codex list, the store changes and Codex's list stays as it was.
        store.providers.insert("glm".into(), pm("glm-5.1", true));
        write(home.path(), &store, None, Some("kimi")).unwrap();
        assert!(usable(home.path()));
        assert!(load(home.path()).providers.contains_key("glm"));
    }
}
