//! What Switchboard keeps of the router in the Codex home
//! (`switchboard-router.json`): which provider and model the `switchboard/current`
//! slug stands for (what Use chose), which models of each provider Codex lists,
//! the providers Codex reaches directly instead, a counter that tells the
//! router its credentials are stale (a key was stored, replaced or deleted), and
//! the failover settings: each model's fallbacks, a provider's deadline, the cool-down.
//! Written whole, atomically, under the operation's lock; read by the router at
//! each request when the file changed. No secret in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// The file's name in the Codex home.
pub const FILE: &str = "switchboard-router.json";

pub fn path(home: &Path) -> PathBuf {
    home.join(FILE)
}

/// The provider and model Use chose: what `switchboard/current` stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Current {
    pub provider: String,
    pub model: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouterState {
    #[serde(default)]
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Current>,
    /// Models of each provider Codex lists besides its own (the one its profile keeps).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub listed: BTreeMap<String, Vec<String>>,
    /// Providers Codex reaches directly, as their own `model_provider`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub direct: BTreeSet<String>,
    /// Bumped whenever a key changes: the router asks for credentials again.
    #[serde(default)]
    pub epoch: u64,
    /// Each model's fallbacks, in order: `<id>/<model>` → `<id>/<model>`s.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fallbacks: BTreeMap<String, Vec<String>>,
    /// A provider's deadline for its headers, in seconds, when not the default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deadlines: BTreeMap<String, u64>,
    /// How long an upstream that keeps failing is first skipped, in seconds, when not the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cool_down: Option<u64>,
}

impl RouterState {
    /// The models of `id` Codex lists: its own first, then the ones chosen, once each.
    pub fn models_of(&self, id: &str, own: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = own.map(str::to_owned).into_iter().collect();
        for m in self.listed.get(id).into_iter().flatten() {
            if !out.contains(m) {
                out.push(m.clone());
            }
        }
        out
    }

    /// Whether Codex reaches `id` through the router (the default).
    pub fn routed(&self, id: &str) -> bool {
        !self.direct.contains(id)
    }

    /// Forgets a provider that was removed: its models' fallbacks, and its models
    /// wherever they were a fallback.
    pub fn forget(&mut self, id: &str) {
        self.listed.remove(id);
        self.direct.remove(id);
        self.deadlines.remove(id);
        if self.current.as_ref().is_some_and(|c| c.provider == id) {
            self.current = None;
        }
        let its = |slug: &str| slug.split_once('/').is_some_and(|(p, _)| p == id);
        self.fallbacks.retain(|slug, list| {
            list.retain(|f| !its(f));
            !its(slug) && !list.is_empty()
        });
    }

    /// Whether forgetting `id` would change anything.
    pub fn mentions(&self, id: &str) -> bool {
        let its = |slug: &str| slug.split_once('/').is_some_and(|(p, _)| p == id);
        self.listed.contains_key(id)
            || self.direct.contains(id)
            || self.deadlines.contains_key(id)
            || self.current.as_ref().is_some_and(|c| c.provider == id)
            || self.fallbacks.iter().any(|(s, l)| its(s) || l.iter().any(|f| its(f)))
    }
}

/// The state as the file holds it (the default when there is none, or it cannot be read).
pub fn load(home: &Path) -> RouterState {
    let Ok(Some(bytes)) = crate::edit::atomic::read_regular(&path(home), Path::new(FILE)) else { return RouterState::default() };
    serde_json::from_slice(&bytes).unwrap_or_default()
}

/// Writes `state` whole (skipped when the file already holds exactly that).
pub fn write(home: &Path, state: &RouterState) -> Result<()> {
    let target = path(home);
    let mut s = state.clone();
    s.version = 1;
    let body = serde_json::to_vec_pretty(&s).expect("the state serialises");
    if crate::edit::atomic::read_regular(&target, Path::new(FILE)).ok().flatten().as_deref() == Some(&body[..]) {
        return Ok(());
    }
    crate::edit::atomic::stage(&target, &body, Some(0o600), Path::new(FILE))?.replace(&target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_round_trips_and_lists_each_model_once() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), RouterState::default(), "no file: the default");
        let mut s = RouterState { current: Some(Current { provider: "kimi".into(), model: "kimi-k2.6".into() }), ..Default::default() };
        s.listed.insert("kimi".into(), vec!["kimi-k2-thinking".into(), "kimi-k2.6".into()]);
        s.direct.insert("azure".into());
        write(dir.path(), &s).unwrap();
        let back = load(dir.path());
        assert_eq!(back.current, s.current);
        assert_eq!(back.version, 1);
        assert_eq!(back.models_of("kimi", Some("kimi-k2.6")), ["kimi-k2.6", "kimi-k2-thinking"]);
        assert_eq!(back.models_of("other", None), Vec::<String>::new());
        assert!(!back.routed("azure") && back.routed("kimi"));
        let mut gone = back.clone();
        gone.forget("kimi");
        assert_eq!(gone.current, None);
        assert!(gone.listed.is_empty());
        assert!(!gone.mentions("kimi"));
        std::fs::write(path(dir.path()), "{broken").unwrap();
        assert_eq!(load(dir.path()), RouterState::default(), "a broken file reads as nothing");
    }

    #[test]
    fn a_removed_provider_leaves_no_fallback_behind() {
        let mut s = RouterState::default();
        let list = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        s.fallbacks.insert("kimi/kimi-k2.6".into(), list(&["openrouter/moonshotai/kimi-k2.6", "kimi2/k", "glm/glm-4.6"]));
        s.fallbacks.insert("glm/glm-4.6".into(), list(&["kimi/kimi-k2.6"]));
        s.fallbacks.insert("kimi2/k".into(), list(&["openrouter/x"]));
        s.fallbacks.insert("openrouter/x".into(), list(&["glm/glm-4.6", "kimi/kimi-k2.6"]));
        s.deadlines.insert("kimi".into(), 5);
        s.deadlines.insert("glm".into(), 9);
        assert!(s.mentions("kimi") && s.mentions("glm") && !s.mentions("kim"));
        s.forget("kimi");
        assert!(!s.mentions("kimi"));
        // (model, its fallbacks now): `kimi2` is another provider; a list left empty goes.
        let want: BTreeMap<String, Vec<String>> = [("kimi2/k", list(&["openrouter/x"])), ("openrouter/x", list(&["glm/glm-4.6"]))].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        assert_eq!(s.fallbacks, want);
        assert_eq!(s.deadlines.keys().collect::<Vec<_>>(), ["glm"]);
        let dir = tempfile::tempdir().unwrap();
        s.cool_down = Some(2);
        write(dir.path(), &s).unwrap();
        assert_eq!(load(dir.path()).fallbacks, s.fallbacks);
        assert_eq!(load(dir.path()).cool_down, Some(2));
    }
}
