//! The Switchboard over one Codex home: what it lists, and the transaction every
//! operation runs in (the lock, then recovery of what a crash left). The
//! operations themselves are the sibling modules.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::catalog::known::{Known, resolve};
use crate::codex::managed::{self, Override};
use crate::codex::sessions;
use crate::edit::config_doc::ConfigDoc;
use crate::edit::file::TomlFile;
use crate::edit::lock::Lock;
use crate::edit::pending;
use crate::error::{Error, Result};
use crate::probe::Report;
use crate::provider::preset::{self, PresetId};
use crate::provider::table::{Auth, AuthMode, ProviderEntry, active_provider, read_entry};
use crate::provider::{builtin, profile, secret};
use crate::locale::{Language, Words};

#[derive(Clone)]
pub struct Switchboard {
    pub(super) home: PathBuf,
    pub(super) config: TomlFile,
    pub(crate) helper: PathBuf,
}

/// What an operation did, in words for the user.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Outcome {
    /// In English for `--json`; in the window's language when it reaches the window.
    pub message: String,
    pub backup: Option<String>,
    /// In English for `--json`; in the window's language when they reach the window.
    pub warnings: Vec<String>,
    /// `message` as core decided it, for a surface that speaks another language.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub words: Words,
    /// `warnings` as core decided them.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub warning_words: Vec<Words>,
    /// Which way Codex reaches the provider an add set up, and why, when the provider was asked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub way: String,
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub way_words: Option<Words>,
}

impl Outcome {
    /// An outcome whose message is `words` (in English here).
    pub fn said(words: Words) -> Outcome {
        Outcome { message: words.in_language(Language::English), words, ..Default::default() }
    }

    /// The same outcome saying which way Codex reaches the provider, and why.
    pub fn by_way(mut self, way: Words) -> Outcome {
        self.way = way.in_language(Language::English);
        self.way_words = Some(way);
        self
    }

    /// The same outcome with `warnings` added (in English here).
    pub fn warned(mut self, warnings: impl IntoIterator<Item = Words>) -> Outcome {
        for w in warnings {
            self.warnings.push(w.in_language(Language::English));
            self.warning_words.push(w);
        }
        self
    }

    /// The message in `lang`, as the CLI says it.
    pub fn message_in(&self, lang: Language) -> String {
        self.words.in_language(lang)
    }

    /// The same outcome with its message and warnings as the window says them, in `lang`.
    pub fn for_window(self, lang: Language) -> Outcome {
        Outcome {
            message: self.words.for_window(lang),
            warnings: self.warning_words.iter().map(|w| w.for_window(lang)).collect(),
            way: self.way_words.as_ref().map(|w| w.for_window(lang)).unwrap_or_default(),
            ..self
        }
    }
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
    /// What Codex knows of the provider's model: its context window, and whether it edits with apply_patch there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_info: Option<Known>,
    /// The models Codex lists of it, through the router (its own first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listed: Vec<String>,
    /// Codex reaches it directly, as its own provider, rather than through the router.
    #[serde(default)]
    pub direct: bool,
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
    /// Codex reaches Switchboard's providers through the router (its provider is `switchboard`).
    pub routed: bool,
    /// The provider and model Codex's default stands for through the router: what Use
    /// chose (`switchboard/current`), or a model saved as the default in Codex's /model picker.
    pub current: Option<crate::router::state::Current>,
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
        let mut active = active_provider(&doc)?;
        let router = crate::router::state::load(&self.home);
        let routed = active == crate::router::routes::PROVIDER_ID;
        // Codex's default: `switchboard/current` (what Use chose), or a slug picked in
        // Codex's own /model picker and saved as the default (`<provider>/<model>`).
        let current = match doc.top_level_str("model")?.filter(|_| routed) {
            Some(m) if m != crate::router::routes::CURRENT => m
                .split_once('/')
                .filter(|(p, _)| read_entry(&doc, p).ok().flatten().is_some())
                .map(|(p, m)| crate::router::state::Current { provider: p.to_owned(), model: m.to_owned() }),
            _ => router.current.clone().filter(|_| routed),
        };
        if let Some(c) = &current {
            // Through the router, the provider Use chose is the active one.
            active = c.provider.clone();
        }
        let mut providers = Vec::new();
        let (codex, store) = (crate::catalog::bundled::cached(), crate::catalog::store::load(&self.home));
        let codex_models = codex.as_ref().map(|c| &c.models[..]);
        for id in doc.provider_ids()? {
            if id == crate::router::routes::PROVIDER_ID {
                // The router's own table: not a provider of the user's.
                continue;
            }
            let entry = read_entry(&doc, &id)?.expect("listed id exists");
            let model = profile::model(&self.home, &id).ok().flatten();
            let source = if model.is_some() && profile::is_ours(&self.home, &id) { Source::Switchboard } else { Source::Config };
            let key_stored = match entry.auth {
                Auth::Keychain => secret::has(&id),
                _ => None,
            };
            let base_url = entry.base_url.clone().unwrap_or_default();
            let name = entry.name.clone().unwrap_or_else(|| id.clone());
            let serves = model.clone().or_else(|| if active == id { doc.top_level_str("model").ok().flatten() } else { None });
            let model_info = serves.as_deref().map(|m| {
                let pm = store.providers.get(&id).cloned().unwrap_or_default().serving(m, &name, entry.api == crate::provider::api::Api::Chat);
                resolve(&pm, codex_models)
            });
            let ours = source == Source::Switchboard;
            providers.push(ProviderView {
                listed: if ours { router.models_of(&id, model.as_deref()) } else { Vec::new() },
                direct: ours && !router.routed(&id),
                model_info,
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
        for b in builtin::BUILT_IN.iter().filter(|b| b.listed) {
            let (id, name, url) = (&b.id, &b.name, &b.base_url);
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
                model_info: None,
                listed: Vec::new(),
                direct: false,
            });
        }
        let managed = managed::overrides(&managed::root(), &doc);
        let sessions = sessions::counts(&self.home);
        let model = match &current {
            Some(c) => Some(c.model.clone()),
            None => doc.top_level_str("model")?,
        };
        Ok(Listing { codex_home: self.home.clone(), active, model, providers, sessions, managed, routed, current })
    }

    /// Runs `f` as one transaction: under the one lock, after finishing or
    /// undoing whatever an interrupted operation left (see `pending`).
    pub(crate) fn transaction<T>(&self, f: impl FnOnce(&Lock) -> Result<T>) -> Result<T> {
        let lock = self.config.lock()?;
        super::recover::run(&self.home, &self.config, &lock);
        f(&lock)
    }

    pub(crate) fn lock_dir(&self) -> &Path {
        self.config.backups().expect("config has backups").dir()
    }

    /// Recovers leftovers of an interrupted operation, if any (for `list` and `doctor`).
    pub fn recover_if_needed(&self) -> Result<()> {
        if pending::any(self.lock_dir()) {
            self.transaction(|_| Ok(()))?;
        }
        Ok(())
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
