//! The presets: one data table. Adding a provider is adding a row.
//! The row also draws the window's form (`fields`), gives the CLI's
//! `presets` listing, recognises a provider's host (`hosts`), says which API
//! Codex reaches it in unless the provider's answers say otherwise (`api`, with the
//! other API's address when it differs: `other_url`), and how the bridge speaks to
//! it (`dialect`). Base URLs, models and key pages come from the vendors' own documents.

use serde::Serialize;

use crate::bridge::dialect::{self, Dialect};
use crate::error::{Error, Result};
use crate::locale::{self, Args, Language};
use crate::provider::field::{Field, Place};

pub use super::preset_row::{Host, KeyNeed, Preset, PresetId};
pub use super::presets::PRESETS;

/// A preset as a person reads it: its row, with the description and where to
/// get a key worded in a language (`locales/*/core.ftl`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresetView {
    #[serde(flatten)]
    pub preset: Preset,
    /// A one-line description for pickers.
    pub about: String,
    /// Where to get a key.
    pub key_help: String,
}

/// Every preset, worded in `lang` (English for `--json`, which never changes with the language).
pub fn worded(lang: Language) -> Vec<PresetView> {
    PRESETS.iter().map(|p| p.worded(lang)).collect()
}

impl Preset {
    pub fn worded(&self, lang: Language) -> PresetView {
        let (about, key_help) = self.preset.words();
        PresetView { preset: self.clone(), about: locale::text(lang, about, &Args::new()), key_help: locale::text(lang, key_help, &Args::new()) }
    }
}

pub fn find(preset: &str) -> Result<&'static Preset> {
    PRESETS.iter().find(|p| p.preset == preset).ok_or_else(|| Error::UnknownPreset(preset.into()))
}

pub fn get(id: PresetId) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.preset == id)
}

impl Preset {
    /// The inputs the preset asks for, in the CLI's words (`switchboard presets`).
    pub fn asks_for(&self) -> Vec<String> {
        let mut out = Vec::new();
        for ff in self.fields.iter().filter(|ff| ff.add == Place::Main) {
            out.push(if ff.required || self.default_model.is_none() { ff.field.flag().to_owned() } else { format!("{} (optional)", ff.field.flag()) });
        }
        match self.key {
            KeyNeed::Required => out.push("key".into()),
            KeyNeed::Optional => out.push("key (optional)".into()),
            KeyNeed::None => {}
        }
        for ff in self.fields.iter().filter(|ff| ff.add == Place::More) {
            out.push(format!("{} (optional)", ff.field.flag()));
        }
        out
    }

    /// Whether adding needs `field` (a required row, or a model with no default).
    pub fn needs(&self, field: Field) -> bool {
        self.fields.iter().any(|ff| ff.field == field && ff.required)
    }
}


/// Which preset a provider's base URL looks like (for display and the edit form).
pub fn detect_id(base_url: &str) -> PresetId {
    let host = base_url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
    PRESETS.iter().find(|p| p.hosts.iter().any(|h| h.matches(&host))).map_or(PresetId::Custom, |p| p.preset)
}

/// A preset by the name a bridge URL carries (`route`).
pub fn by_name(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.preset.as_str() == name)
}

/// How the bridge speaks to the provider behind `upstream`: as the preset the user
/// chose says (named in the bridge URL), else as the preset its host matches.
pub fn dialect_for(preset: Option<&str>, upstream: &str) -> Dialect {
    let row = preset.and_then(by_name).or_else(|| get(detect_id(upstream)));
    *row.map_or(&dialect::GENERIC, |p| p.dialect)
}

/// `detect_id` as the preset's name.
pub fn detect(base_url: &str) -> &'static str {
    detect_id(base_url).as_str()
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::build::{Inputs, KeySource};
    use crate::provider::table::Auth;

    fn keyed() -> Inputs {
        Inputs { key: KeySource::Keychain, ..Default::default() }
    }

    #[test]
    fn azure_builds_url_and_takes_deployment_as_model() {
        let i = Inputs { resource: Some("contoso".into()), deployment: Some("gpt5-prod".into()), ..keyed() };
        let (spec, model) = find("azure").unwrap().build(&i).unwrap();
        assert_eq!(spec.base_url, "https://contoso.openai.azure.com/openai/v1");
        assert_eq!(model, "gpt5-prod");
        assert!(spec.query_params.is_empty(), "api-version only when given");
        let i = Inputs { api_version: Some("2025-04-01-preview".into()), ..i };
        let (spec, _) = find("azure").unwrap().build(&i).unwrap();
        assert_eq!(spec.query_params.get("api-version").unwrap(), "2025-04-01-preview");
    }

    #[test]
    fn required_inputs_are_named() {
        let e = find("azure").unwrap().build(&keyed()).unwrap_err();
        assert!(e.to_string().contains("--resource"), "{e}");
        let e = find("openrouter").unwrap().build(&Inputs::default()).unwrap_err();
        assert!(e.to_string().contains("--key-stdin"), "{e}");
        let e = find("custom").unwrap().build(&Inputs { model: Some("m".into()), ..Default::default() }).unwrap_err();
        assert!(e.to_string().contains("--base-url"), "{e}");
        let e = find("nope").unwrap_err();
        assert_eq!(e.code(), "unknown_preset");
    }

    #[test]
    fn ollama_defaults() {
        let (spec, model) = find("ollama").unwrap().build(&Inputs::default()).unwrap();
        assert_eq!(spec.id, "ollama-local");
        assert_eq!(spec.auth, Auth::None);
        assert_eq!(spec.stream_idle_timeout_ms, Some(600_000));
        assert_eq!(spec.base_url, "http://localhost:11434/v1");
        assert_eq!(model, "gpt-oss:20b");
    }

    #[test]
    fn base_url_overrides_every_default() {
        for p in PRESETS {
            let i = Inputs {
                base_url: Some("http://127.0.0.1:9/x/v1".into()),
                model: Some("m".into()),
                resource: Some("r".into()),
                ..keyed()
            };
            let (spec, _) = p.build(&i).unwrap();
            assert_eq!(spec.base_url, "http://127.0.0.1:9/x/v1", "{}", p.preset);
        }
    }

    #[test]
    fn bad_inputs_are_refused() {
        let p = find("custom").unwrap();
        let base = Inputs { model: Some("m".into()), base_url: Some("http://h/v1".into()), ..Default::default() };
        let bad = [
            Inputs { id: Some("openai".into()), ..base.clone() },
            Inputs { id: Some("has space".into()), ..base.clone() },
            Inputs { base_url: Some("file:///etc/passwd".into()), ..base.clone() },
            Inputs { model: Some(" ".into()), ..base.clone() },
            Inputs { headers: vec![("Bad Header".into(), "v".into())], ..base.clone() },
            Inputs { env_headers: vec![("X-Team".into(), "not a var".into())], ..base.clone() },
            Inputs { key: KeySource::Env("1BAD".into()), ..base.clone() },
        ];
        for i in bad {
            assert!(p.build(&i).is_err(), "{i:?}");
        }
        let e = find("azure").unwrap().build(&Inputs { resource: Some("a.b".into()), ..keyed() }).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
    }
}

