//! `remove`: a provider, its key and its profile file go, in one transaction.

use crate::locale::{Args, Words};
use std::cell::RefCell;

use super::switchboard::{Outcome, Switchboard};
use crate::edit::config_doc::ConfigDoc;
use crate::error::{Error, Result};
use crate::edit::pending::Pending;
use crate::provider::table::{self, Auth, active_provider, read_entry};
use crate::codex::sessions;
use crate::provider::{profile, secret};

impl Switchboard {
    /// Removes a provider, its stored key and its profile file. Without `force` the
    /// active provider, and one that holds saved sessions, are refused.
    pub fn remove(&self, id: &str, force: bool) -> Result<Outcome> {
        if table::is_built_in(id) {
            return Err(Error::BuiltIn(id.into()));
        }
        let seen: RefCell<Option<(bool, Auth)>> = RefCell::new(None);
        let orphaned = RefCell::new(0u32);
        // Removing the active provider goes back to openai, with the model openai had.
        let openai_model = profile::model(&self.home, "openai")?;
        let mut edit = |doc: &mut ConfigDoc| -> Result<()> {
            let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
            // Through the router, the one Use chose is the active one.
            let chosen = crate::router::state::load(&self.home).current.is_some_and(|c| c.provider == id);
            let active = active_provider(doc)? == id || (active_provider(doc)? == crate::router::routes::PROVIDER_ID && chosen);
            if active && !force {
                return Err(Error::ActiveProvider(id.into()));
            }
            // Codex could no longer resume them: said first, and done only when asked twice.
            let sessions = sessions::counts(&self.home).get(id).copied().unwrap_or(0);
            if sessions > 0 && !force {
                return Err(Error::HasSessions { id: id.into(), count: sessions });
            }
            *orphaned.borrow_mut() = sessions;
            doc.remove_provider(id)?;
            if active {
                doc.set_top_levels(&[("model_provider", None), ("model", openai_model.as_deref())])?;
                if !sessions::counts(&self.home).contains_key(crate::router::routes::PROVIDER_ID) {
                    doc.remove_provider(crate::router::routes::PROVIDER_ID)?;
                }
                super::switch::forget_pointer(doc)?;
            }
            *seen.borrow_mut() = Some((active, entry.auth));
            Ok(())
        };
        let decided = self.config.decide(&mut edit)?;
        let keyed = seen.borrow().as_ref().is_some_and(|(_, auth)| *auth == Auth::Keychain) || secret::has(id) == Some(true);
        let (written, warnings) = self.transaction(|lock| {
            let intent = Pending { id: id.into(), drop_key_if_absent: keyed, drop_profile_if_absent: true, ..Default::default() };
            let record = intent.save(lock, self.lock_dir())?;
            let written = match self.config.commit(lock, &mut edit, Some(decided)) {
                Ok(w) => w,
                Err(e) => {
                    record.clear();
                    return Err(e);
                }
            };
            profile::remove(&self.home, id)?;
            self.router_forgets(lock, id)?;
            let cat = self.catalog_store_only();
            if cat.store.providers.contains_key(id) {
                self.write_catalog(lock, &cat, &cat.with(id, None), None)?;
            }
            let mut warnings = Vec::new();
            // The keychain is asked only when the provider used it, or a key is known to be there.
            if keyed {
                if let Err(e) = secret::delete(id) {
                    warnings.push(Words::new("op-warn-key-not-deleted", Args::new().words("error", e.as_words())));
                    // The record stays: the next run retries the deletion.
                    return Ok((written, warnings));
                }
            }
            record.clear();
            Ok((written, warnings))
        })?;
        let mut words = Words::new("op-removed", Args::new().text("id", id));
        if seen.into_inner().is_some_and(|(active, _)| active) {
            words = words.then(" ", "op-removed-active", Args::new());
        }
        match orphaned.into_inner() {
            0 => {}
            n => words = words.then(" ", "op-removed-sessions", Args::new().text("id", id).number("count", n as u32)),
        }
        Ok(Outcome { backup: written.backup, ..Outcome::said(words).warned(warnings) })
    }
}
