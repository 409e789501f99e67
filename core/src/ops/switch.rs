//! `use`: make a provider the active one. The provider left keeps its model,
//! the one chosen gets its own back.

use crate::locale::{Args, Words};
use std::cell::RefCell;

use super::switchboard::{Outcome, Switchboard};
use crate::edit::config_doc::ConfigDoc;
use crate::error::{Error, Result};
use crate::codex::managed::{self, Override};
use crate::codex::sessions;
use crate::edit::file::Written;
use crate::catalog::known::ProviderModel;
use crate::provider::api::Api;
use crate::provider::profile;
use crate::provider::table::{self, active_provider, read_entry};

impl Switchboard {
    /// Makes `id` the active provider. `use openai` goes back to Codex's default.
    /// The provider being left keeps the model it had (in its profile file), and
    /// the one chosen gets its own back; `model` wins and becomes the one kept.
    /// The provider's table and its remembered model are read under the lock.
    pub fn use_provider(&self, id: &str, model: Option<&str>) -> Result<Outcome> {
        if let Some(m) = model {
            if m.trim().is_empty() || m.chars().any(char::is_control) {
                return Err(Error::input("reason-model-name", Args::new().text("model", m.escape_debug())));
            }
        }
        let custom = !table::is_built_in(id);
        // A provider Switchboard made: through the router, unless it is set to be reached directly.
        if custom && self.routed(id) {
            return self.use_routed(id, model);
        }
        let remembered = || -> Result<Option<String>> { if model.is_none() { profile::model(&self.home, id) } else { Ok(None) } };
        let chosen = RefCell::new(None::<String>);
        // What Codex will know of the model: read once, written before config.toml names the file.
        let cat = if custom { Some(self.catalog()) } else { None };
        let noted = RefCell::new(None::<ProviderModel>);
        // The provider being left and the model it had, as the committed edit saw them.
        let left = RefCell::new(None::<(String, Option<String>)>);
        let above = RefCell::new(Vec::<Override>::new());
        let root = managed::root();
        // Leaving the router: its table goes too, unless sessions were made through it
        // (Codex resumes a session only with its own provider's table).
        let router_kept = std::cell::OnceCell::new();
        let router_kept = || *router_kept.get_or_init(|| sessions::counts(&self.home).contains_key(crate::router::routes::PROVIDER_ID));
        let edit_with = |recorded: Option<String>| {
            let (chosen, left, above, root, cat, noted, router_kept) = (&chosen, &left, &above, &root, &cat, &noted, &router_kept);
            move |doc: &mut ConfigDoc| -> Result<()> {
                let current = doc.top_level_str("model")?;
                let pick = if id == "openai" {
                    model.map(str::to_owned).or(recorded.clone())
                } else if !custom {
                    model.map(str::to_owned).or(recorded.clone()).or(current.clone())
                } else {
                    let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
                    if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
                        return Err(Error::WireApi(w.into()));
                    }
                    let pick = model.map(str::to_owned).or(recorded.clone()).or(current.clone());
                    if let (Some(cat), Some(m)) = (cat, &pick) {
                        let name = entry.name.clone().unwrap_or_else(|| id.to_owned());
                        *noted.borrow_mut() = Some(cat.serving(id, m, &name, entry.api == Api::Chat));
                    }
                    pick
                };
                let before = active_provider(doc)?;
                let known = table::is_built_in(&before) || read_entry(doc, &before)?.is_some();
                *left.borrow_mut() = (before != id && known).then_some((before, current));
                let provider = if id == "openai" { None } else { Some(id) };
                doc.set_top_levels(&[("model_provider", provider), ("model", pick.as_deref())])?;
                if doc.provider_ids()?.iter().any(|p| p == crate::router::routes::PROVIDER_ID) && !router_kept() {
                    doc.remove_provider(crate::router::routes::PROVIDER_ID)?;
                }
                match cat {
                    Some(cat) => cat.point(doc, &cat.with(id, noted.borrow().clone()), Some(id))?,
                    None => forget_pointer(doc)?,
                }
                *above.borrow_mut() = managed::overrides(root, doc);
                *chosen.borrow_mut() = pick;
                Ok(())
            }
        };
        let before = remembered()?;
        let decided = self.config.decide(edit_with(before.clone()))?;
        let keep = model.is_some() && profile::model(&self.home, id)?.as_deref() != model;
        let stale = match (&cat, noted.borrow().as_ref()) {
            (Some(cat), Some(pm)) => cat.store.providers.get(id) != Some(pm) || !crate::catalog::store::usable(&self.home),
            _ => false,
        };
        let written = if decided.changes() || keep || stale {
            self.transaction(|lock| {
                let now = remembered()?;
                let reuse = (now == before).then_some(decided);
                let write_catalog = |lock| match (&cat, noted.borrow().clone()) {
                    (Some(cat), Some(pm)) => self.write_catalog(lock, cat, &cat.with(id, Some(pm)), Some(id)),
                    _ => Ok(()),
                };
                write_catalog(lock)?;
                let seen = noted.borrow().clone();
                let written = self.config.commit(lock, edit_with(now), reuse)?;
                if *noted.borrow() != seen {
                    write_catalog(lock)?;
                }
                if let Some((prev, had)) = left.borrow().as_ref().filter(|_| written.changed) {
                    // A provider Switchboard added keeps its recorded model rather than losing it to "none".
                    if had.is_some() || !profile::is_ours(&self.home, prev) {
                        profile::remember(lock, &self.home, prev, had.as_deref())?;
                    }
                }
                if let Some(m) = model {
                    // Keeps the file's header: a hand-written provider stays the user's.
                    profile::remember(lock, &self.home, id, Some(m))?;
                }
                Ok(written)
            })?
        } else {
            Written::default()
        };
        // No keychain look-up here: it costs a D-Bus session, and `use` must stay
        // instant (tray clicks). `list` and the app show a missing key instead.
        let mut words = match chosen.into_inner() {
            Some(m) => Words::new("op-switched", Args::new().text("id", id).text("model", m)),
            None => Words::new("op-switched-default", Args::new().text("id", id)),
        };
        if let Some((prev, _)) = left.into_inner().filter(|_| written.changed) {
            if sessions::any(&self.home, &prev) {
                words = words.then("\n", "op-sessions-kept", Args::new().text("prev", prev));
            }
        }
        let warnings = above.into_inner().into_iter().map(|o| o.words);
        Ok(Outcome { backup: written.backup, ..Outcome::said(words).warned(warnings) })
    }
}

/// Removes Switchboard's `model_catalog_json` (Codex's own list is back); one of the user's stays.
pub(crate) fn forget_pointer(doc: &mut ConfigDoc) -> Result<()> {
    use crate::catalog::{POINTER_KEY, store};
    if doc.has_top_level(POINTER_KEY) && doc.top_level_str(POINTER_KEY).ok().flatten().as_deref() == Some(store::FILE) {
        doc.set_top_level(POINTER_KEY, None)?;
    }
    Ok(())
}
