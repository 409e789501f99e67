//! Codex reaches Switchboard's providers through the router, as one provider:
//! `use` of a routed provider makes `switchboard` Codex's provider and
//! `switchboard/current` its model, and says in the router's state what that slug
//! stands for now, so a running session that follows it moves at its next turn.
//! The first such `use` moves an existing setup over, in one transaction: the
//! provider tables stay as they were (sessions made before keep resuming with their
//! own provider), and one table is added. Also: which models of a provider Codex
//! lists, and which providers Codex reaches directly instead.

use std::cell::RefCell;

use toml_edit::{Array, Value};

use super::switchboard::{Outcome, Switchboard};
use crate::codex::managed::{self, Override};
use crate::codex::sessions;
use crate::edit::config_doc::ConfigDoc;
use crate::edit::file::Written;
use crate::edit::lock::Lock;
use crate::edit::toml::Want;
use crate::error::{Error, Result};
use crate::locale::{Args, Words};
use crate::provider::profile;
use crate::provider::table::{self, active_provider, read_entry};
use crate::router::routes::{CURRENT, PROVIDER_ID};
use crate::router::state::{self, Current, RouterState};

/// How often Codex runs the router's auth command again: every request after a
/// second, so a router that was stopped is back before Codex's retry reaches for it.
pub const ROUTER_REFRESH_MS: i64 = 1000;
/// How long Codex waits between two events of the router's answer: as long as the
/// slowest provider behind it may think (a local model).
pub const ROUTER_IDLE_MS: i64 = 600_000;

impl Switchboard {
    /// The router's table: its URL for this Codex home (by the home's id), and the auth
    /// command that keeps it running and hands it the credentials.
    pub fn router_wants(&self, port: u16, home_id: &str) -> Vec<(String, Want)> {
        let s = |v: &str| Want::Set(Value::from(v));
        let args: Array = ["token", "--router", &port.to_string()].iter().copied().collect();
        vec![
            ("name".into(), s("Switchboard")),
            ("base_url".into(), s(&crate::bridge::route::router_url(port, home_id))),
            ("wire_api".into(), s("responses")),
            ("env_key".into(), Want::Remove),
            ("experimental_bearer_token".into(), Want::Remove),
            ("requires_openai_auth".into(), Want::Remove),
            ("stream_idle_timeout_ms".into(), Want::Set(Value::from(ROUTER_IDLE_MS))),
            (
                "auth".into(),
                Want::Table(vec![
                    ("command".into(), s(&self.helper.to_string_lossy())),
                    ("args".into(), Want::Set(Value::Array(args))),
                    ("timeout_ms".into(), Want::Remove),
                    ("refresh_interval_ms".into(), Want::Set(Value::from(ROUTER_REFRESH_MS))),
                ]),
            ),
        ]
    }

    /// Whether Codex reaches `id` through the router: a provider Switchboard made, not set to be reached directly.
    pub fn routed(&self, id: &str) -> bool {
        !table::is_built_in(id) && id != PROVIDER_ID && profile::is_ours(&self.home, id) && state::load(&self.home).routed(id)
    }

    /// `use` of a routed provider: Codex's provider becomes `switchboard` and its
    /// model `switchboard/current`, which now stands for `id` and its model.
    pub(crate) fn use_routed(&self, id: &str, model: Option<&str>) -> Result<Outcome> {
        let pick = match model {
            Some(m) => m.to_owned(),
            None => profile::model(&self.home, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?,
        };
        let port = crate::bridge::route::port_from_env();
        let left = RefCell::new(None::<(String, Option<String>)>);
        let first = RefCell::new(false);
        let above = RefCell::new(Vec::<Override>::new());
        let root = managed::root();
        let edit = |doc: &mut ConfigDoc| -> Result<()> {
            let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
            if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
                return Err(Error::WireApi(w.into()));
            }
            let before = active_provider(doc)?;
            let current = doc.top_level_str("model")?;
            let known = table::is_built_in(&before) || read_entry(doc, &before)?.is_some();
            *left.borrow_mut() = (before != PROVIDER_ID && known).then_some((before, current));
            let router = read_entry(doc, PROVIDER_ID)?;
            *first.borrow_mut() = router.is_none();
            // The home keeps the id it was given, moved or copied.
            let home_id = router
                .and_then(|e| e.base_url)
                .and_then(|u| crate::bridge::route::router_id_of(&u))
                .map_or_else(|| crate::bridge::route::home_id(&self.home), |(_, id)| id);
            doc.upsert_provider(PROVIDER_ID, &self.router_wants(port, &home_id))?;
            doc.set_top_levels(&[("model_provider", Some(PROVIDER_ID)), ("model", Some(CURRENT))])?;
            // Codex asks the router for every model: no catalog file of Switchboard's.
            super::switch::forget_pointer(doc)?;
            *above.borrow_mut() = managed::overrides(&root, doc);
            Ok(())
        };
        let decided = self.config.decide(&edit)?;
        let written = self.transaction(|lock| {
            let mut st = state::load(&self.home);
            st.current = Some(Current { provider: id.to_owned(), model: pick.clone() });
            if model.is_some() {
                // Another model becomes the provider's own: the one it had stays in Codex's picker.
                if let Some(old) = profile::model(&self.home, id)?.filter(|o| *o != pick) {
                    let listed = st.listed.entry(id.to_owned()).or_default();
                    listed.retain(|m| *m != pick && *m != old);
                    listed.insert(0, old);
                }
            }
            // What running sessions follow: written first, so a crash before config.toml
            // leaves Codex as it was, and the choice made.
            state::write(&self.home, &st)?;
            if model.is_some() {
                profile::remember(lock, &self.home, id, Some(&pick))?;
            }
            let written: Written = self.config.commit(lock, &edit, Some(decided))?;
            if let Some((prev, had)) = left.borrow().as_ref().filter(|_| written.changed) {
                if prev != id && (had.is_some() || !profile::is_ours(&self.home, prev)) {
                    profile::remember(lock, &self.home, prev, had.as_deref())?;
                }
            }
            Ok(written)
        })?;
        let mut words = Words::new("op-switched-routed", Args::new().text("id", id).text("model", &pick));
        if *first.borrow() {
            words = words.then("\n", "op-routed-first", Args::new());
        }
        if let Some((prev, _)) = left.into_inner().filter(|(p, _)| written.changed && p != id && !table::is_built_in(p)) {
            if sessions::any(&self.home, &prev) {
                words = words.then("\n", "op-sessions-kept", Args::new().text("prev", prev));
            }
        }
        let warnings = above.into_inner().into_iter().map(|o| o.words);
        Ok(Outcome { backup: written.backup, ..Outcome::said(words).warned(warnings) })
    }

    /// The models of `id` Codex lists besides its own: `models`, in that order.
    pub fn set_listed(&self, id: &str, models: &[String]) -> Result<Outcome> {
        for m in models {
            if m.trim().is_empty() || m.chars().any(char::is_control) || m.len() > 200 {
                return Err(Error::input("reason-model-name", Args::new().text("model", m.escape_debug())));
            }
        }
        self.with_state(id, |st| {
            let own = profile::model(&self.home, id).ok().flatten();
            let mut kept: Vec<String> = Vec::new();
            for m in models {
                if Some(m) != own.as_ref() && !kept.contains(m) {
                    kept.push(m.clone());
                }
            }
            if kept.is_empty() {
                st.listed.remove(id);
            } else {
                st.listed.insert(id.to_owned(), kept);
            }
        })?;
        let shown = state::load(&self.home).models_of(id, profile::model(&self.home, id)?.as_deref()).join(", ");
        Ok(Outcome::said(Words::new("op-models-listed", Args::new().text("id", id).text("models", shown))))
    }

    /// Whether Codex reaches `id` directly (its own `model_provider`) rather than through the router.
    pub fn set_direct(&self, id: &str, direct: bool) -> Result<Outcome> {
        self.with_state(id, |st| {
            if direct {
                st.direct.insert(id.to_owned());
            } else {
                st.direct.remove(id);
            }
        })?;
        Ok(Outcome::said(Words::new(if direct { "op-route-direct" } else { "op-route-router" }, Args::new().text("id", id))))
    }

    /// The Codex sessions the router saw lately for this home: which follow Use and
    /// which are pinned, and where their last turn went. Empty when no router runs.
    pub fn running(&self) -> Vec<crate::router::sessions::SeenSession> {
        // The router's port and the home's id, as the table says them (a home keeps its id when moved).
        let table = self.config.load().ok().and_then(|doc| read_entry(&doc, PROVIDER_ID).ok().flatten());
        let (port, id) = table
            .and_then(|e| e.base_url)
            .and_then(|u| crate::bridge::route::router_id_of(&u))
            .unwrap_or_else(|| (crate::bridge::route::port_from_env(), crate::bridge::route::home_id(&self.home)));
        crate::bridge::lifecycle::look(port, &format!("/codex/{id}/sessions"))
            .and_then(|v| serde_json::from_value(v.get("sessions")?.clone()).ok())
            .unwrap_or_default()
    }

    /// Changes the router's state for a provider Switchboard made, under the lock.
    fn with_state(&self, id: &str, change: impl FnOnce(&mut RouterState)) -> Result<()> {
        let doc = self.config.load()?;
        if read_entry(&doc, id)?.is_none() || !profile::is_ours(&self.home, id) {
            return Err(if table::is_built_in(id) { Error::BuiltIn(id.into()) } else { Error::UnknownProvider(id.into()) });
        }
        self.transaction(|_| {
            let mut st = state::load(&self.home);
            change(&mut st);
            state::write(&self.home, &st)
        })
    }

    /// A key changed: the router reads the credentials again (best effort; the router
    /// also reads one again when the provider refuses it).
    pub(crate) fn keys_changed(&self, _lock: &Lock) {
        let mut st = state::load(&self.home);
        st.epoch += 1;
        let _ = state::write(&self.home, &st);
    }

    /// Forgets a removed provider in the router's state.
    pub(crate) fn router_forgets(&self, _lock: &Lock, id: &str) -> Result<()> {
        let mut st = state::load(&self.home);
        if st.listed.contains_key(id) || st.direct.contains(id) || st.current.as_ref().is_some_and(|c| c.provider == id) {
            st.forget(id);
            state::write(&self.home, &st)?;
        }
        Ok(())
    }
}
