//! The operations the CLI and the app offer, over one Codex home.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::backup::BackupInfo;
use crate::config::TomlFile;
use crate::document::ConfigDoc;
use crate::error::{Error, Result};
use crate::preset::{self, Inputs, KeySource, PresetId};
use crate::probe::Report;
use crate::provider::{self, Auth, AuthMode, ProviderEntry, ProviderSpec};
use crate::{profile, secret};

/// The binary name Codex runs for keychain auth (`<helper> token <id>`).
pub const HELPER_NAME: &str = "switchboard";

#[derive(Clone)]
pub struct Switchboard {
    home: PathBuf,
    config: TomlFile,
    helper: PathBuf,
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
        let doc = self.config.load()?;
        let active = active_provider(&doc)?;
        let mut providers = Vec::new();
        for id in doc.provider_ids()? {
            let entry = read_entry(&doc, &id)?.expect("listed id exists");
            let model = profile::model(&self.home, &id).ok().flatten();
            let source = if profile::path(&self.home, &id).is_file() && model.is_some() { Source::Switchboard } else { Source::Config };
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
                model: None,
                entry: None,
                last_test: None,
            });
        }
        Ok(Listing { codex_home: self.home.clone(), active, model: doc.top_level_str("model")?, providers })
    }

    /// Adds a provider from a preset. `key` is the key to store when the key
    /// source is the keychain.
    pub fn add(&self, preset_name: &str, inputs: &Inputs, key: Option<&str>) -> Result<Outcome> {
        let preset = preset::find(preset_name)?;
        let (spec, model) = preset.build(inputs)?;
        let id = spec.id.clone();
        let exists = |doc: &ConfigDoc| -> Result<()> {
            if read_entry(doc, &id)?.is_some() {
                return Err(Error::DuplicateId(id.clone()));
            }
            Ok(())
        };
        exists(&self.config.load()?)?;
        let mut out = self.write_provider(&spec, key, exists)?;
        profile::write(&self.home, &id, &model)?;
        out.message = format!("Added {} as `{id}` with model {model}. Switch to it with `switchboard use {id}`.", spec.name);
        Ok(out)
    }

    /// Changes an existing provider. Options not given keep their current value.
    pub fn edit(&self, id: &str, inputs: &Inputs, key: Option<&str>) -> Result<Outcome> {
        if provider::is_built_in(id) {
            return Err(Error::BuiltIn(id.into()));
        }
        if inputs.id.as_deref().is_some_and(|new| new != id) {
            return Err(Error::InvalidInput("An id cannot be changed; add a new provider and remove this one.".into()));
        }
        let doc = self.config.load()?;
        let entry = read_entry(&doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
        if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
            return Err(Error::WireApi(w.into()));
        }
        let mut spec = entry.to_spec();
        let model = preset::apply_edit(&mut spec, inputs)?;
        if inputs.key == KeySource::Keychain && key.is_none() && !secret::has(id).unwrap_or(false) {
            return Err(Error::NoKey(id.into()));
        }
        // Nothing to change (a form saved as it was opened): write nothing, not even
        // the keys Switchboard would add to a hand-written table.
        let unchanged = spec == entry.to_spec() && key.is_none();
        let mut out = if unchanged {
            Outcome::default()
        } else {
            self.write_provider(&spec, key, |doc| {
                read_entry(doc, id)?.map(|_| ()).ok_or_else(|| Error::UnknownProvider(id.into()))
            })?
        };
        if let Some(m) = &model {
            profile::write(&self.home, id, m)?;
            if active_provider(&self.config.load()?)? == id {
                let w = self.config.update(|doc| doc.set_top_level("model", Some(m)).map(|_| ()))?;
                out.backup = w.backup.or(out.backup);
            }
        }
        out.message = format!("Updated `{id}`.");
        Ok(out)
    }

    /// Validates the edit, stores the key, then writes the table. A key stored
    /// here is removed again if the config write fails.
    fn write_provider(&self, spec: &ProviderSpec, key: Option<&str>, check: impl Fn(&ConfigDoc) -> Result<()>) -> Result<Outcome> {
        spec.validate()?;
        let wants = spec.wants(&self.helper);
        // Dry run first: a refusal must come before anything touches the keychain.
        let mut dry = self.config.load()?;
        check(&dry)?;
        dry.upsert_provider(&spec.id, &wants)?;
        let key = match key {
            Some(k) if spec.auth == Auth::Keychain => Some(secret::clean_key(k)?),
            Some(_) => return Err(Error::InvalidInput("A key was given, but this provider does not use the keychain.".into())),
            None => None,
        };
        let had_key = match &key {
            Some(k) => {
                let had = secret::get(&spec.id)?.is_some();
                secret::set(&spec.id, k)?;
                Some(had)
            }
            None => None,
        };
        let written = self.config.update(|doc| {
            check(doc)?;
            doc.upsert_provider(&spec.id, &wants)?;
            Ok(())
        });
        let written = match written {
            Ok(w) => w,
            Err(e) => {
                if had_key == Some(false) {
                    let _ = secret::delete(&spec.id);
                }
                return Err(e);
            }
        };
        let mut warnings = Vec::new();
        if spec.auth == Auth::Keychain && key.is_none() && secret::has(&spec.id) == Some(false) {
            warnings.push(format!("No key is stored for `{}` yet: run `switchboard key set {}`.", spec.id, spec.id));
        }
        Ok(Outcome { message: String::new(), backup: written.backup, warnings })
    }

    /// Makes `id` the active provider. `use openai` goes back to Codex's default.
    pub fn use_provider(&self, id: &str, model: Option<&str>) -> Result<Outcome> {
        if let Some(m) = model {
            if m.trim().is_empty() || m.chars().any(char::is_control) {
                return Err(Error::InvalidInput(format!("`{}` is not a usable model name.", m.escape_debug())));
            }
        }
        let custom = !provider::is_built_in(id);
        let recorded = if custom && model.is_none() { profile::model(&self.home, id)? } else { None };
        let mut chosen: Option<String> = None;
        let written = self.config.update(|doc| {
            chosen = if id == "openai" {
                model.map(str::to_owned)
            } else if !custom {
                model.map(str::to_owned).or(doc.top_level_str("model")?)
            } else {
                let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
                if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
                    return Err(Error::WireApi(w.into()));
                }
                model.map(str::to_owned).or(recorded.clone()).or(doc.top_level_str("model")?)
            };
            let provider = if id == "openai" { None } else { Some(id) };
            doc.set_top_levels(&[("model_provider", provider), ("model", chosen.as_deref())])?;
            Ok(())
        })?;
        // No keychain look-up here: it costs a D-Bus session, and `use` must stay
        // instant (tray clicks). `list` and the app show a missing key instead.
        let model_text = match &chosen {
            Some(m) => format!("model {m}"),
            None => "Codex's default model".into(),
        };
        Ok(Outcome { message: format!("Codex now uses `{id}` with {model_text}."), backup: written.backup, warnings: Vec::new() })
    }

    /// Removes a provider, its stored key and its profile file.
    pub fn remove(&self, id: &str, force: bool) -> Result<Outcome> {
        if provider::is_built_in(id) {
            return Err(Error::BuiltIn(id.into()));
        }
        let doc = self.config.load()?;
        let Some(entry) = read_entry(&doc, id)? else {
            return Err(Error::UnknownProvider(id.into()));
        };
        let was_active = active_provider(&doc)? == id;
        if was_active && !force {
            return Err(Error::ActiveProvider(id.into()));
        }
        let written = self.config.update(|doc| {
            let active = active_provider(doc)? == id;
            if active && !force {
                return Err(Error::ActiveProvider(id.into()));
            }
            doc.remove_provider(id)?;
            if active {
                doc.set_top_levels(&[("model_provider", None), ("model", None)])?;
            }
            Ok(())
        })?;
        profile::remove(&self.home, id)?;
        let mut warnings = Vec::new();
        // The keychain is asked only when the provider used it, or a key is known to be there.
        let keyed = entry.auth == Auth::Keychain || secret::has(id) == Some(true);
        if let Err(e) = if keyed { secret::delete(id) } else { Ok(false) } {
            warnings.push(format!("The provider is gone, but its key could not be deleted from the keychain: {e}"));
        }
        let mut message = format!("Removed `{id}`.");
        if was_active {
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
        let mut spec = entry.to_spec();
        spec.auth = Auth::Keychain;
        let mut out = self.write_provider(&spec, Some(&key), |doc| {
            read_entry(doc, id)?.map(|_| ()).ok_or_else(|| Error::UnknownProvider(id.into()))
        })?;
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

    /// Puts a backup back; the current file is backed up first.
    pub fn restore(&self, name: &str) -> Result<Outcome> {
        let bytes = self.config.backups().expect("config has backups").read(name)?;
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
