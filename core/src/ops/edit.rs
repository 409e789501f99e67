//! `edit`, and keys: change a provider (its table, its key, its model) in one
//! transaction, store or delete its key.

use crate::locale::{Args, Words};
use std::cell::RefCell;

use super::switchboard::{Outcome, Switchboard};
use crate::edit::config_doc::ConfigDoc;
use crate::error::{Error, Result};
use crate::edit::pending::{self, Pending};
use crate::provider::field::Field;
use crate::provider::build::{self, Inputs, KeySource};
use crate::provider::table::{self, Auth, ProviderSpec, active_provider, read_entry};
use crate::catalog::known::ProviderModel;
use crate::provider::api::Api;
use crate::provider::{profile, secret};

impl Switchboard {
    /// Changes an existing provider. Options not given keep their current value.
    /// The table, the key and (for the active provider) the model are decided
    /// from one read under the lock and committed once.
    pub fn edit(&self, id: &str, inputs: &Inputs, key: Option<&str>) -> Result<Outcome> {
        if table::is_built_in(id) {
            return Err(Error::BuiltIn(id.into()));
        }
        if inputs.id.as_deref().is_some_and(|new| new != id) {
            return Err(Error::input("reason-id-fixed", Args::new()));
        }
        let model = inputs.deployment.clone().or_else(|| inputs.model.clone());
        let key = key.map(secret::clean_key).transpose()?;
        if let Some(n) = inputs.context_window {
            build::validate_context_window(n)?;
        }
        let helper = &self.helper;
        let spec_seen: RefCell<Option<ProviderSpec>> = RefCell::new(None);
        // What Codex will know of the model, when the model, the window or the path may change.
        let cat = (model.is_some() || inputs.context_window.is_some() || inputs.api.is_some()).then(|| self.catalog());
        let kept_model = profile::model(&self.home, id)?;
        let noted = RefCell::new(None::<ProviderModel>);
        let mut edit = |doc: &mut ConfigDoc| -> Result<()> {
            let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
            if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
                return Err(Error::WireApi(w.into()));
            }
            let mut spec = entry.to_spec();
            build::apply_edit(&mut spec, inputs)?;
            if key.is_some() && spec.auth != Auth::Keychain {
                return Err(Error::invalid(Field::Key, "reason-key-not-keychain", Args::new()));
            }
            // A form saved as it was opened changes nothing: not even the keys
            // Switchboard would add to a hand-written table.
            if spec != entry.to_spec() || key.is_some() {
                doc.upsert_provider(id, &spec.wants(helper))?;
            }
            let active = active_provider(doc)? == id;
            if let Some(m) = &model {
                if active {
                    doc.set_top_level("model", Some(m))?;
                }
            }
            // The model `use` would pick: the one given, the one kept, else config.toml's.
            let serves = model.clone().or(kept_model.clone()).or_else(|| doc.top_level_str("model").ok().flatten());
            if let (Some(cat), Some(m)) = (&cat, serves) {
                let mut pm = cat.serving(id, &m, &spec.name, spec.api == Api::Chat);
                if let Some(n) = inputs.context_window {
                    pm.context_window = (n > 0).then_some(n);
                }
                if active {
                    cat.point(doc, &cat.with(id, Some(pm.clone())), Some(id))?;
                }
                *noted.borrow_mut() = Some(pm);
            }
            *spec_seen.borrow_mut() = Some(spec);
            Ok(())
        };
        let decided = self.config.decide(&mut edit)?;
        let spec = spec_seen.borrow().clone().expect("decided");
        if spec.auth == Auth::Keychain && inputs.key == KeySource::Keychain && key.is_none() && !secret::has(id).unwrap_or(false) {
            return Err(Error::NoKey(id.into()));
        }
        let written = self.transaction(|lock| {
            // What lives outside config.toml follows its commit, under a record that
            // lets the next run finish it after a crash (and only if the commit happened):
            // a new key waits under its staged name, a new model goes into the profile.
            let record = if model.is_some() || key.is_some() {
                let intent = Pending {
                    id: id.into(),
                    model_if_present: model.clone(),
                    edited_table: Some(pending::digest(&spec)),
                    staged_key: key.is_some(),
                    ..Default::default()
                };
                Some(intent.save(lock, self.lock_dir())?)
            } else {
                None
            };
            // The catalog file is in place before config.toml can name it.
            let write_catalog = |lock| match (&cat, noted.borrow().clone()) {
                (Some(cat), Some(pm)) => self.write_catalog(lock, cat, &cat.with(id, Some(pm)), Some(id)),
                _ => Ok(()),
            };
            write_catalog(lock)?;
            let seen = noted.borrow().clone();
            let committed = key.as_ref().map_or(Ok(()), |k| secret::set(&secret::staged(id), k)).and_then(|()| self.config.commit(lock, &mut edit, Some(decided)));
            if committed.is_ok() && *noted.borrow() != seen {
                write_catalog(lock)?;
            }
            let written = match committed {
                Ok(w) => w,
                Err(e) => {
                    if key.is_some() {
                        let _ = secret::drop_staged(id);
                    }
                    record.map(pending::Record::clear);
                    return Err(e);
                }
            };
            // Past the commit a failure leaves the record, so the next run finishes the job.
            if let Some(k) = &key {
                secret::set(id, k)?;
                secret::drop_staged(id)?;
            }
            if let Some(m) = &model {
                profile::write(lock, &self.home, id, m)?;
                // Through the router, sessions that follow Use move to the new model too.
                let mut st = crate::router::state::load(&self.home);
                if let Some(c) = st.current.as_mut().filter(|c| c.provider == id && c.model != *m) {
                    c.model = m.clone();
                    crate::router::state::write(&self.home, &st)?;
                }
            }
            record.map(pending::Record::clear);
            // Its key or where it comes from may have changed: the router asks again.
            self.keys_changed(lock);
            Ok(written)
        })?;
        let spec = spec_seen.into_inner().unwrap_or(spec);
        let words = Words::new("op-updated", Args::new().text("id", id));
        Ok(Outcome { backup: written.backup, ..Outcome::said(words).warned(self.missing_key_warning(&spec, key.is_some())) })
    }

    /// The key to store, checked: only for keychain auth.
    pub(crate) fn key_for(&self, spec: &ProviderSpec, key: Option<&str>) -> Result<Option<String>> {
        match key {
            Some(k) if spec.auth == Auth::Keychain => Ok(Some(secret::clean_key(k)?)),
            Some(_) => Err(Error::input("reason-key-not-keychain", Args::new())),
            None => Ok(None),
        }
    }

    pub(crate) fn missing_key_warning(&self, spec: &ProviderSpec, key_given: bool) -> Vec<Words> {
        if spec.auth == Auth::Keychain && !key_given && secret::has(&spec.id) == Some(false) {
            vec![Words::new("op-warn-no-key", Args::new().text("id", &spec.id))]
        } else {
            Vec::new()
        }
    }

    /// Stores a key and switches the provider to keychain auth if it was not.
    pub fn set_key(&self, id: &str, key: &str) -> Result<Outcome> {
        let key = secret::clean_key(key)?;
        let doc = self.config.load()?;
        let entry = read_entry(&doc, id)?.ok_or_else(|| {
            if table::is_built_in(id) { Error::BuiltIn(id.into()) } else { Error::UnknownProvider(id.into()) }
        })?;
        if entry.auth == Auth::Keychain {
            secret::set(id, &key)?;
            self.transaction(|lock| {
                self.keys_changed(lock);
                Ok(())
            })?;
            return Ok(Outcome::said(Words::new("op-key-stored", Args::new().text("id", id))));
        }
        let inputs = Inputs { key: KeySource::Keychain, ..Default::default() };
        let out = self.edit(id, &inputs, Some(&key))?;
        Ok(Outcome { backup: out.backup, ..Outcome::said(Words::new("op-key-stored-switched", Args::new().text("id", id))).warned(out.warning_words) })
    }

    pub fn delete_key(&self, id: &str) -> Result<Outcome> {
        let deleted = secret::delete(id)?;
        self.transaction(|lock| {
            self.keys_changed(lock);
            Ok(())
        })?;
        Ok(Outcome::said(Words::new(if deleted { "op-key-deleted" } else { "op-key-none" }, Args::new().text("id", id))))
    }
}
