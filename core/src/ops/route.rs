//! Codex reaches Switchboard's providers through the router, as one provider:
//! `use` of a routed provider makes `switchboard` Codex's provider and
//! `switchboard/current` its model, and says in the router's state what that slug
//! stands for now, so a running session that follows it moves at its next turn.
//! The first such `use` moves an existing setup over, in one transaction: the
//! provider tables stay as they were (sessions made before keep resuming with their
//! own provider), and one table is added. Also: which models of a provider Codex
//! lists, which providers Codex reaches directly instead, and failover: each model's
//! fallbacks, a provider's deadline, the first cool-down, and the moves made lately.

use std::cell::RefCell;

use serde::Serialize;
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
use crate::router::events::Moved;
use crate::router::failover::{self, MAX_FALLBACKS, MAX_SETTING_SECS, Policy};
use crate::router::routes::{CURRENT, PROVIDER_ID, Routes};
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
        self.ask_router("sessions", "sessions")
    }

    /// The requests the router moved to a fallback lately (kept in its memory), the
    /// latest first. Empty when no router runs.
    pub fn failovers(&self) -> Vec<Moved> {
        self.ask_router("events", "failovers")
    }

    /// What the router says at `/codex/<home id>/<op>`, under `key` in its reply.
    fn ask_router<T: serde::de::DeserializeOwned + Default>(&self, op: &str, key: &str) -> T {
        // The router's port and the home's id, as the table says them (a home keeps its id when moved).
        let table = self.config.load().ok().and_then(|doc| read_entry(&doc, PROVIDER_ID).ok().flatten());
        let (port, id) = table
            .and_then(|e| e.base_url)
            .and_then(|u| crate::bridge::route::router_id_of(&u))
            .unwrap_or_else(|| (crate::bridge::route::port_from_env(), crate::bridge::route::home_id(&self.home)));
        crate::bridge::lifecycle::look(port, &format!("/codex/{id}/{op}"))
            .and_then(|v| serde_json::from_value(v.get(key)?.clone()).ok())
            .unwrap_or_default()
    }

    /// The failover settings: each model's fallbacks, the providers' deadlines, the cool-down.
    pub fn failover_settings(&self) -> FailoverSettings {
        let st = state::load(&self.home);
        FailoverSettings {
            fallbacks: st.fallbacks.into_iter().map(|(model, fallbacks)| Fallbacks { model, fallbacks }).collect(),
            deadlines: st.deadlines.into_iter().map(|(provider, secs)| Deadline { provider, secs }).collect(),
            default_deadline: failover::DEFAULT_DEADLINE.as_secs(),
            cool_down: Policy::with_base(st.cool_down).base.as_secs(),
            failures: Policy::default().threshold as u32,
            window: Policy::default().window.as_secs(),
        }
    }

    /// `slug`'s fallbacks, in order (none: it has none). Each is `<provider>/<model>`
    /// of a provider Codex reaches through the router; `switchboard/current` uses the
    /// fallbacks of the model it stands for at each request.
    pub fn set_fallbacks(&self, slug: &str, fallbacks: &[String]) -> Result<Outcome> {
        let mut kept: Vec<String> = Vec::new();
        for f in fallbacks {
            if f == slug {
                return Err(Error::input("reason-fallback-self", Args::new().text("slug", slug)));
            }
            if !kept.contains(f) {
                kept.push(f.clone());
            }
        }
        if kept.len() > MAX_FALLBACKS {
            return Err(Error::input("reason-fallback-many", Args::new().number("max", MAX_FALLBACKS as u32)));
        }
        self.transaction(|_| {
            let routes = Routes::load(&self.home);
            for s in std::iter::once(slug).chain(kept.iter().map(String::as_str)) {
                self.check_slug(&routes, s)?;
            }
            let mut st = state::load(&self.home);
            if kept.is_empty() {
                st.fallbacks.remove(slug);
            } else {
                st.fallbacks.insert(slug.to_owned(), kept.clone());
            }
            state::write(&self.home, &st)
        })?;
        Ok(Outcome::said(match kept.is_empty() {
            true => Words::new("op-fallbacks-cleared", Args::new().text("slug", slug)),
            false => Words::new("op-fallbacks-set", Args::new().text("slug", slug).text("list", kept.join(", "))),
        }))
    }

    /// A model Codex reaches through the router, as `<provider>/<model>`.
    fn check_slug(&self, routes: &Routes, slug: &str) -> Result<()> {
        if slug == CURRENT {
            return Err(Error::input("reason-fallback-current", Args::new()));
        }
        match slug.split_once('/') {
            Some((id, m)) if !id.is_empty() && !m.trim().is_empty() && m.len() <= 200 && !slug.chars().any(char::is_control) => self.check_routed(routes, id),
            _ => Err(Error::input("reason-fallback-slug", Args::new().text("slug", slug.escape_debug()))),
        }
    }

    /// A provider Switchboard made that Codex reaches through the router.
    fn check_routed(&self, routes: &Routes, id: &str) -> Result<()> {
        if routes.routes.contains_key(id) {
            return Ok(());
        }
        if table::is_built_in(id) || id == PROVIDER_ID {
            return Err(Error::BuiltIn(id.into()));
        }
        match state::load(&self.home).routed(id) {
            false if profile::is_ours(&self.home, id) => Err(Error::input("reason-fallback-direct", Args::new().text("id", id))),
            _ => Err(Error::UnknownProvider(id.into())),
        }
    }

    /// How long provider `id` has for its headers before a request moves to the model's
    /// next fallback (`None`: the default, 30 s).
    pub fn set_deadline(&self, id: &str, secs: Option<u64>) -> Result<Outcome> {
        check_secs(secs)?;
        self.transaction(|_| {
            self.check_routed(&Routes::load(&self.home), id)?;
            let mut st = state::load(&self.home);
            match secs {
                Some(s) => st.deadlines.insert(id.to_owned(), s),
                None => st.deadlines.remove(id),
            };
            state::write(&self.home, &st)
        })?;
        let shown = secs.unwrap_or(failover::DEFAULT_DEADLINE.as_secs());
        Ok(Outcome::said(Words::new(if secs.is_some() { "op-deadline-set" } else { "op-deadline-default" }, Args::new().text("id", id).number("secs", shown as u32))))
    }

    /// How long a provider that keeps failing is first skipped (`None`: the default, 60 s);
    /// each cool-down after a failed trial is twice as long, up to ten minutes (or this).
    pub fn set_cool_down(&self, secs: Option<u64>) -> Result<Outcome> {
        check_secs(secs)?;
        self.transaction(|_| {
            let mut st = state::load(&self.home);
            st.cool_down = secs;
            state::write(&self.home, &st)
        })?;
        let shown = Policy::with_base(secs).base.as_secs();
        Ok(Outcome::said(Words::new(if secs.is_some() { "op-cool-down-set" } else { "op-cool-down-default" }, Args::new().number("secs", shown as u32))))
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
        if st.mentions(id) {
            st.forget(id);
            state::write(&self.home, &st)?;
        }
        Ok(())
    }
}

/// A number of seconds a user may set (a deadline, a cool-down).
fn check_secs(secs: Option<u64>) -> Result<()> {
    match secs {
        Some(s) if s == 0 || s > MAX_SETTING_SECS => Err(Error::input("reason-seconds", Args::new().text("secs", s).number("max", MAX_SETTING_SECS as u32))),
        _ => Ok(()),
    }
}

/// The failover settings, as the window and `switchboard fallback` show them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FailoverSettings {
    /// Each model that has fallbacks.
    pub fallbacks: Vec<Fallbacks>,
    /// The providers with a deadline of their own.
    pub deadlines: Vec<Deadline>,
    /// Every other provider's deadline, in seconds.
    pub default_deadline: u64,
    /// The first cool-down, in seconds: after `failures` failures within `window` seconds.
    pub cool_down: u64,
    pub failures: u32,
    pub window: u64,
}

/// A model (`<provider>/<model>`) and its fallbacks, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Fallbacks {
    pub model: String,
    pub fallbacks: Vec<String>,
}

/// A provider's deadline for its headers, in seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Deadline {
    pub provider: String,
    pub secs: u64,
}
