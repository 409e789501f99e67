//! Adding providers: one provider (`add`), or several at once for an import, as
//! one transaction either way.
//!
//! Every table goes into config.toml in one commit. Before it, under the same
//! lock, each provider gets an intent record (`pending`) and its key is stored;
//! after it, each gets its profile file. A refusal or a failed commit deletes
//! the keys this operation stored first; a crash is finished or undone by the
//! next operation, judged by whether the table exists.

use crate::edit::file::Written;
use crate::edit::config_doc::ConfigDoc;
use crate::error::{Error, Result};
use crate::edit::pending::{Pending, Record};
use crate::provider::build::Inputs;
use crate::provider::preset;
use crate::provider::table::ProviderSpec;
use crate::ops::switchboard::{Outcome, Switchboard};
use crate::provider::table::read_entry;
use crate::provider::{profile, secret};

/// A provider to add, already built from its preset.
pub(crate) struct NewProvider {
    pub spec: ProviderSpec,
    pub model: String,
    /// The key to store (keychain auth only).
    pub key: Option<secret::Key>,
    /// The context window the user gave.
    pub context_window: Option<u64>,
}

impl Switchboard {
    /// Adds a provider from a preset. `key` is the key to store when the key
    /// source is the keychain.
    pub fn add(&self, preset_name: &str, inputs: &Inputs, key: Option<&str>) -> Result<Outcome> {
        let (spec, model, key) = self.built(preset_name, inputs, key)?;
        let (id, name) = (spec.id.clone(), spec.name.clone());
        let warnings = self.missing_key_warning(&spec, key.is_some());
        let written = self.add_all(vec![NewProvider { spec, model: model.clone(), key: key.map(secret::Key::new), context_window: inputs.context_window.filter(|n| *n > 0) }])?;
        let words = crate::locale::Words::new("op-added", crate::locale::Args::new().text("name", name).text("id", id).text("model", model));
        Ok(Outcome { backup: written.backup, ..Outcome::said(words).warned(warnings) })
    }

    /// What `add` would refuse, found before anything is asked of the provider: an
    /// unknown preset, a bad context window, input the preset refuses, a key that is
    /// not one, or an id that already has a table. Gives the key as it will be stored.
    pub fn check_add(&self, preset_name: &str, inputs: &Inputs, key: Option<&str>) -> Result<Option<String>> {
        let (spec, _, key) = self.built(preset_name, inputs, key)?;
        if read_entry(&self.config_file().load()?, &spec.id)?.is_some() {
            return Err(Error::DuplicateId(spec.id));
        }
        Ok(key)
    }

    fn built(&self, preset_name: &str, inputs: &Inputs, key: Option<&str>) -> Result<(ProviderSpec, String, Option<String>)> {
        let preset = preset::find(preset_name)?;
        if let Some(n) = inputs.context_window {
            crate::provider::build::validate_context_window(n)?;
        }
        let (spec, model) = preset.build(inputs)?;
        let key = self.key_for(&spec, key)?;
        Ok((spec, model, key))
    }

    /// Adds every provider of `new` in one transaction (see the module comment).
    /// An id given twice, or one that already has a table, writes nothing.
    pub(crate) fn add_all(&self, new: Vec<NewProvider>) -> Result<Written> {
        for (i, n) in new.iter().enumerate() {
            if new[..i].iter().any(|m| m.spec.id == n.spec.id) {
                return Err(Error::DuplicateId(n.spec.id.clone()));
            }
        }
        let wants: Vec<_> = new.iter().map(|n| (n.spec.id.as_str(), n.spec.wants(&self.helper))).collect();
        let edit = |doc: &mut ConfigDoc| -> Result<()> {
            for (id, w) in &wants {
                if read_entry(doc, id)?.is_some() {
                    return Err(Error::DuplicateId((*id).to_owned()));
                }
                doc.upsert_provider(id, w)?;
            }
            Ok(())
        };
        let decided = self.config_file().decide(edit)?;
        self.transaction(|lock| {
            // What Codex will know of each model, for when the provider is used.
            let cat = self.catalog();
            let mut store = cat.store.clone();
            for n in &new {
                let mut pm = cat.serving(&n.spec.id, &n.model, &n.spec.name, n.spec.api == crate::provider::api::Api::Chat);
                pm.context_window = n.context_window;
                store.providers.insert(n.spec.id.clone(), pm);
            }
            // Written first: a full disk stops the add before anything else changed,
            // and an entry for a provider that did not land is never read.
            self.write_catalog(lock, &cat, &store, None)?;
            // The records written so far, and whether each stored the provider's first key.
            let mut staged: Vec<(&str, bool, Record)> = Vec::new();
            let committed = (|| {
                for n in &new {
                    let id = n.spec.id.as_str();
                    let new_key = n.key.is_some() && secret::get(id)?.is_none();
                    let intent = Pending { id: id.to_owned(), drop_key_if_absent: new_key, model_if_present: Some(n.model.clone()), ..Default::default() };
                    staged.push((id, new_key, intent.save(lock, self.lock_dir())?));
                    if let Some(k) = &n.key {
                        secret::set(id, k.expose())?;
                    }
                }
                self.config_file().commit(lock, edit, Some(decided))
            })();
            let written = match committed {
                Ok(w) => w,
                Err(e) => {
                    for (id, new_key, record) in staged {
                        if new_key {
                            let _ = secret::delete(id);
                        }
                        record.clear();
                    }
                    return Err(e);
                }
            };
            for n in &new {
                profile::write(lock, self.home(), &n.spec.id, &n.model)?;
            }
            for (_, _, record) in staged {
                record.clear();
            }
            Ok(written)
        })
    }
}
