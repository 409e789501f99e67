//! The operations the CLI and the app offer, over one Codex home.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::backup::BackupInfo;
use crate::config::{Lock, TomlFile, Written};
use crate::document::ConfigDoc;
use crate::error::{Error, Result};
use crate::field::Field;
use crate::pending::Pending;
use crate::preset::{self, Inputs, KeySource, PresetId};
use crate::probe::Report;
use crate::provider::{self, Auth, AuthMode, ProviderEntry, ProviderSpec};
use crate::managed::{self, Override};
use crate::{pending, profile, secret, sessions};

/// The binary name Codex runs for keychain auth (`<helper> token <id>`).
pub const HELPER_NAME: &str = "switchboard";

#[derive(Clone)]
pub struct Switchboard {
    home: PathBuf,
    config: TomlFile,
    pub(crate) helper: PathBuf,
}

/// What an operation did, in words for the user.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Outcome {
    pub message: String,
    pub backup: Option<String>,
    pub warnings: Vec<String>,
}

/// Where a listed provider comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Added by Switchboard: it has our profile file.
    Switchboard,
    /// Written by hand in config.toml.
    Config,
    /// Built into Codex.
    BuiltIn,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Switchboard => "switchboard",
            Source::Config => "config",
            Source::BuiltIn => "built_in",
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProviderView {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub source: Source,
    pub preset: PresetId,
    pub active: bool,
    pub auth: AuthMode,
    /// For keychain auth: whether a key is stored; `None` when unknown or not applicable.
    pub key_stored: Option<bool>,
    pub model: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<ProviderEntry>,
    /// The last connection test the app ran (core leaves it empty; the app fills it in).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_test: Option<Report>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Listing {
    pub codex_home: PathBuf,
    pub active: String,
    pub model: Option<String>,
    pub providers: Vec<ProviderView>,
    /// How many saved Codex sessions each provider holds (providers without any are left out).
    pub sessions: BTreeMap<String, u32>,
    /// Settings from an organisation's layers that decide the provider or model over config.toml.
    pub managed: Vec<Override>,
}

impl Switchboard {
    /// `helper` is the absolute path of the `switchboard` binary written into `[auth]`.
    pub fn new(home: PathBuf, helper: PathBuf) -> Self {
        Switchboard { config: TomlFile::config(&home), home, helper }
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    pub fn config_file(&self) -> &TomlFile {
        &self.config
    }

    pub fn list(&self) -> Result<Listing> {
        self.recover_if_needed()?;
        let doc = self.config.load()?;
        let active = active_provider(&doc)?;
        let mut providers = Vec::new();
        for id in doc.provider_ids()? {
            let entry = read_entry(&doc, &id)?.expect("listed id exists");
            let model = profile::model(&self.home, &id).ok().flatten();
            let source = if model.is_some() && profile::is_ours(&self.home, &id) { Source::Switchboard } else { Source::Config };
            let key_stored = match entry.auth {
                Auth::Keychain => secret::has(&id),
                _ => None,
            };
            let base_url = entry.base_url.clone().unwrap_or_default();
            providers.push(ProviderView {
                name: entry.name.clone().unwrap_or_else(|| id.clone()),
                preset: preset::detect_id(&base_url),
                base_url,
                source,
                active: active == id,
                auth: entry.auth.mode(),
                key_stored,
                model,
                id,
                entry: Some(entry),
                last_test: None,
            });
        }
        for (id, name, url) in provider::BUILT_IN {
            if providers.iter().any(|p| p.id == *id) {
                continue;
            }
            providers.push(ProviderView {
                id: (*id).into(),
                name: (*name).into(),
                base_url: (*url).into(),
                source: Source::BuiltIn,
                preset: PresetId::BuiltIn,
                active: active == *id,
                auth: if *id == "openai" { AuthMode::Openai } else { AuthMode::None },
                key_stored: None,
                model: profile::model(&self.home, id).ok().flatten(),
                entry: None,
                last_test: None,
            });
        }
        let managed = managed::overrides(&managed::root(), &doc);
        let sessions = sessions::counts(&self.home);
        Ok(Listing { codex_home: self.home.clone(), active, model: doc.top_level_str("model")?, providers, sessions, managed })
    }

    /// Runs `f` as one transaction: under the one lock, after finishing or
    /// undoing whatever an interrupted operation left (see `pending`).
    pub(crate) fn transaction<T>(&self, f: impl FnOnce(&Lock) -> Result<T>) -> Result<T> {
        let lock = self.config.lock()?;
        self.recover(&lock);
        f(&lock)
    }

    pub(crate) fn lock_dir(&self) -> &Path {
        self.config.backups().expect("config has backups").dir()
    }

    /// Finishes or undoes the side effects of operations a crash interrupted:
    /// a key stored for a provider whose table never got written is deleted; a
    /// profile the operation meant to write is written.
    fn recover(&self, lock: &Lock) {
        // Temporary files a crash left in our own folder (an intent record or a
        // scrubbed backup being written), once they are stale.
        crate::atomic::sweep(self.lock_dir());
        for (path, rec) in pending::all(lock, self.lock_dir()) {
            if let Some(p) = rec.as_ref().filter(|p| !p.secure_files.is_empty()) {
                // A kill just after a swap leaves the displaced file (with the plain-text
                // key) under a temporary name: under the lock, all of ours are debris now.
                let mut dirs = vec![self.home.clone()];
                for name in &p.secure_files {
                    if let Ok(real) = std::fs::canonicalize(self.home.join(name)) {
                        dirs.push(crate::atomic::parent(&real).to_owned());
                    }
                }
                dirs.sort();
                dirs.dedup();
                for dir in dirs {
                    crate::atomic::sweep_older_than(&dir, std::time::Duration::ZERO);
                }
                if !crate::secure::recover(self, lock, p) {
                    continue;
                }
            } else if let Some(p) = rec {
                let Ok(doc) = self.config.load() else { continue };
                let Ok(entry) = read_entry(&doc, &p.id) else { continue };
                let done = if let Some(entry) = entry {
                    // An edit's commit happened if the table and the active model are the edit's.
                    let committed = p.edited_table.as_ref().is_none_or(|d| {
                        *d == pending::digest(&entry.to_spec())
                            && (p.model_if_present.is_none()
                                || active_provider(&doc).ok().as_deref() != Some(p.id.as_str())
                                || doc.top_level_str("model").ok().flatten() == p.model_if_present)
                    });
                    if !committed {
                        !p.staged_key || secret::drop_staged(&p.id).is_ok()
                    } else {
                        let key = !p.staged_key || secret::promote_staged(&p.id).is_ok();
                        key && p.model_if_present.as_deref().is_none_or(|m| profile::write(lock, &self.home, &p.id, m).is_ok())
                    }
                } else {
                    let key = !p.drop_key_if_absent || secret::delete(&p.id).is_ok();
                    let file = !p.drop_profile_if_absent || profile::remove(&self.home, &p.id).is_ok();
                    let staged = !p.staged_key || secret::drop_staged(&p.id).is_ok();
                    key && file && staged
                };
                if !done {
                    continue;
                }
            }
            let _ = pending::remove(&path);
        }
    }

    /// Recovers leftovers of an interrupted operation, if any (for `list` and `doctor`).
    pub fn recover_if_needed(&self) -> Result<()> {
        if pending::any(self.lock_dir()) {
            self.transaction(|_| Ok(()))?;
        }
        Ok(())
    }

    /// Changes an existing provider. Options not given keep their current value.
    /// The table, the key and (for the active provider) the model are decided
    /// from one read under the lock and committed once.
    pub fn edit(&self, id: &str, inputs: &Inputs, key: Option<&str>) -> Result<Outcome> {
        if provider::is_built_in(id) {
            return Err(Error::BuiltIn(id.into()));
        }
        if inputs.id.as_deref().is_some_and(|new| new != id) {
            return Err(Error::InvalidInput("An id cannot be changed; add a new provider and remove this one.".into()));
        }
        let model = inputs.deployment.clone().or_else(|| inputs.model.clone());
        let key = key.map(secret::clean_key).transpose()?;
        let helper = &self.helper;
        let spec_seen: RefCell<Option<ProviderSpec>> = RefCell::new(None);
        let mut edit = |doc: &mut ConfigDoc| -> Result<()> {
            let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
            if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
                return Err(Error::WireApi(w.into()));
            }
            let mut spec = entry.to_spec();
            preset::apply_edit(&mut spec, inputs)?;
            if key.is_some() && spec.auth != Auth::Keychain {
                return Err(Error::invalid(Field::Key, "A key was given, but this provider does not use the keychain."));
            }
            // A form saved as it was opened changes nothing: not even the keys
            // Switchboard would add to a hand-written table.
            if spec != entry.to_spec() || key.is_some() {
                doc.upsert_provider(id, &spec.wants(helper))?;
            }
            if let Some(m) = &model {
                if active_provider(doc)? == id {
                    doc.set_top_level("model", Some(m))?;
                }
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
            let committed = key.as_ref().map_or(Ok(()), |k| secret::set(&secret::staged(id), k)).and_then(|()| self.config.commit(lock, &mut edit, Some(decided)));
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
            }
            record.map(pending::Record::clear);
            Ok(written)
        })?;
        let spec = spec_seen.into_inner().unwrap_or(spec);
        Ok(Outcome { message: format!("Updated `{id}`."), backup: written.backup, warnings: self.missing_key_warning(&spec, key.is_some()) })
    }

    /// The key to store, checked: only for keychain auth.
    pub(crate) fn key_for(&self, spec: &ProviderSpec, key: Option<&str>) -> Result<Option<String>> {
        match key {
            Some(k) if spec.auth == Auth::Keychain => Ok(Some(secret::clean_key(k)?)),
            Some(_) => Err(Error::InvalidInput("A key was given, but this provider does not use the keychain.".into())),
            None => Ok(None),
        }
    }

    pub(crate) fn missing_key_warning(&self, spec: &ProviderSpec, key_given: bool) -> Vec<String> {
        if spec.auth == Auth::Keychain && !key_given && secret::has(&spec.id) == Some(false) {
            vec![format!("No key is stored for `{}` yet: run `switchboard key set {}`.", spec.id, spec.id)]
        } else {
            Vec::new()
        }
    }

    /// Makes `id` the active provider. `use openai` goes back to Codex's default.
    /// The provider being left keeps the model it had (in its profile file), and
    /// the one chosen gets its own back; `model` wins and becomes the one kept.
    /// The provider's table and its remembered model are read under the lock.
    pub fn use_provider(&self, id: &str, model: Option<&str>) -> Result<Outcome> {
        if let Some(m) = model {
            if m.trim().is_empty() || m.chars().any(char::is_control) {
                return Err(Error::InvalidInput(format!("`{}` is not a usable model name.", m.escape_debug())));
            }
        }
        let custom = !provider::is_built_in(id);
        let remembered = || -> Result<Option<String>> { if model.is_none() { profile::model(&self.home, id) } else { Ok(None) } };
        let chosen = RefCell::new(None::<String>);
        // The provider being left and the model it had, as the committed edit saw them.
        let left = RefCell::new(None::<(String, Option<String>)>);
        let above = RefCell::new(Vec::<Override>::new());
        let root = managed::root();
        let edit_with = |recorded: Option<String>| {
            let (chosen, left, above, root) = (&chosen, &left, &above, &root);
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
                    model.map(str::to_owned).or(recorded.clone()).or(current.clone())
                };
                let before = active_provider(doc)?;
                let known = provider::is_built_in(&before) || read_entry(doc, &before)?.is_some();
                *left.borrow_mut() = (before != id && known).then_some((before, current));
                let provider = if id == "openai" { None } else { Some(id) };
                doc.set_top_levels(&[("model_provider", provider), ("model", pick.as_deref())])?;
                *above.borrow_mut() = managed::overrides(root, doc);
                *chosen.borrow_mut() = pick;
                Ok(())
            }
        };
        let before = remembered()?;
        let decided = self.config.decide(edit_with(before.clone()))?;
        let keep = model.is_some() && profile::model(&self.home, id)?.as_deref() != model;
        let written = if decided.changes() || keep {
            self.transaction(|lock| {
                let now = remembered()?;
                let reuse = (now == before).then_some(decided);
                let written = self.config.commit(lock, edit_with(now), reuse)?;
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
        let model_text = match chosen.into_inner() {
            Some(m) => format!("model {m}"),
            None => "Codex's default model".into(),
        };
        let mut message = format!("Codex now uses `{id}` with {model_text}.");
        if let Some((prev, _)) = left.into_inner().filter(|_| written.changed) {
            if sessions::any(&self.home, &prev) {
                message.push_str(&format!(
                    "\nYour `{prev}` sessions stay on disk: `switchboard sessions --provider {prev}` lists them, each with the command that resumes it."
                ));
            }
        }
        let warnings = above.into_inner().into_iter().map(|o| o.message).collect();
        Ok(Outcome { message, backup: written.backup, warnings })
    }

    /// Removes a provider, its stored key and its profile file.
    pub fn remove(&self, id: &str, force: bool) -> Result<Outcome> {
        if provider::is_built_in(id) {
            return Err(Error::BuiltIn(id.into()));
        }
        let seen: RefCell<Option<(bool, Auth)>> = RefCell::new(None);
        // Removing the active provider goes back to openai, with the model openai had.
        let openai_model = profile::model(&self.home, "openai")?;
        let mut edit = |doc: &mut ConfigDoc| -> Result<()> {
            let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
            let active = active_provider(doc)? == id;
            if active && !force {
                return Err(Error::ActiveProvider(id.into()));
            }
            doc.remove_provider(id)?;
            if active {
                doc.set_top_levels(&[("model_provider", None), ("model", openai_model.as_deref())])?;
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
            let mut warnings = Vec::new();
            // The keychain is asked only when the provider used it, or a key is known to be there.
            if keyed {
                if let Err(e) = secret::delete(id) {
                    warnings.push(format!("The provider is gone, but its key could not be deleted from the keychain: {e}"));
                    // The record stays: the next run retries the deletion.
                    return Ok((written, warnings));
                }
            }
            record.clear();
            Ok((written, warnings))
        })?;
        let mut message = format!("Removed `{id}`.");
        if seen.into_inner().is_some_and(|(active, _)| active) {
            message.push_str(" Codex is back on its default provider (openai).");
        }
        Ok(Outcome { message, backup: written.backup, warnings })
    }

    /// Stores a key and switches the provider to keychain auth if it was not.
    pub fn set_key(&self, id: &str, key: &str) -> Result<Outcome> {
        let key = secret::clean_key(key)?;
        let doc = self.config.load()?;
        let entry = read_entry(&doc, id)?.ok_or_else(|| {
            if provider::is_built_in(id) { Error::BuiltIn(id.into()) } else { Error::UnknownProvider(id.into()) }
        })?;
        if entry.auth == Auth::Keychain {
            secret::set(id, &key)?;
            return Ok(Outcome { message: format!("Stored the key for `{id}` in the system keychain."), ..Default::default() });
        }
        let inputs = Inputs { key: KeySource::Keychain, ..Default::default() };
        let mut out = self.edit(id, &inputs, Some(&key))?;
        out.message = format!("Stored the key for `{id}` in the system keychain; Codex now reads it from there.");
        Ok(out)
    }

    pub fn delete_key(&self, id: &str) -> Result<Outcome> {
        let message = if secret::delete(id)? {
            format!("Deleted the key for `{id}` from the system keychain.")
        } else {
            format!("No key was stored for `{id}`.")
        };
        Ok(Outcome { message, ..Default::default() })
    }

    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        self.config.backups().expect("config has backups").list()
    }

    /// Puts a backup back; the current file is backed up first. A backup that is
    /// empty or not valid TOML is refused, and nothing changes.
    pub fn restore(&self, name: &str) -> Result<Outcome> {
        let bytes = self.config.backups().expect("config has backups").read_valid(name)?;
        let written = self.config.replace(&bytes)?;
        let message = if written.changed {
            format!("Restored {name}.")
        } else {
            format!("config.toml already matches {name}; nothing to do.")
        };
        Ok(Outcome { message, backup: written.backup, warnings: Vec::new() })
    }

    /// The model a test of `id` uses: its recorded model, else the top-level
    /// model when it is active, else the preset's default.
    pub fn model_for(&self, doc: &ConfigDoc, id: &str, active: &str) -> String {
        if let Ok(Some(m)) = profile::model(&self.home, id) {
            return m;
        }
        if active == id {
            if let Ok(Some(m)) = doc.top_level_str("model") {
                return m;
            }
        }
        let url = read_entry(doc, id).ok().flatten().and_then(|e| e.base_url).unwrap_or_default();
        preset::find(preset::detect(&url)).ok().and_then(|p| p.default_model).unwrap_or("gpt-5-codex").to_owned()
    }
}

/// The token helper: the key for `id`, straight from the keychain. Reads no file.
pub fn token(id: &str) -> Result<secret::Key> {
    secret::get(id)?.ok_or_else(|| Error::NoKey(id.into()))
}

/// The active provider's id: `model_provider`, else Codex's default `openai`.
pub fn active_provider(doc: &ConfigDoc) -> Result<String> {
    Ok(doc.top_level_str("model_provider")?.unwrap_or_else(|| "openai".into()))
}

/// The provider table `id`, read with Switchboard's helper name, or `None` when absent.
pub fn read_entry(doc: &ConfigDoc, id: &str) -> Result<Option<ProviderEntry>> {
    doc.with_provider(id, |t| ProviderEntry::read(id, t, HELPER_NAME))
}
