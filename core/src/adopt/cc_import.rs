//! Importing CC Switch's Codex providers: a preview (each candidate judged,
//! with the id it would get), then one transaction that adds the chosen ones
//! with their keys in the keychain. CC Switch's database is only read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::adopt::cc_switch::{self, Row, Status};
use crate::error::{Error, Result};
use crate::ops::add::NewProvider;
use crate::provider::build::{Inputs, KeySource};
use crate::provider::preset::{self, PresetId};
use crate::provider::table::{self, ProviderSpec};
use crate::provider::table::{active_provider, read_entry};
use crate::ops::switchboard::Switchboard;
use crate::locale::{Args, Language, Words};

/// One CC Switch provider, judged. Never carries the key.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Candidate {
    /// CC Switch's own id for it (what `--only` and the window's checkboxes name).
    pub source_id: String,
    pub name: String,
    /// The Switchboard id it would get.
    pub id: String,
    pub base_url: Option<String>,
    pub model: Option<String>,
    pub preset: PresetId,
    pub has_key: bool,
    pub status: Status,
    /// For `duplicate`: the existing provider with the same base URL and model.
    pub duplicate_of: Option<String>,
    /// For `unusable`: core's sentence (never quotes a key): in English for `--json`, in the window's language in the window.
    pub problem: Option<String>,
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    problem_words: Option<Words>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CcPreview {
    pub path: PathBuf,
    /// CC Switch's `PRAGMA user_version`.
    pub version: u32,
    pub candidates: Vec<Candidate>,
}

impl CcPreview {
    /// The same preview with each candidate's problem in `lang`.
    pub fn worded(mut self, lang: Language) -> CcPreview {
        for c in &mut self.candidates {
            c.problem = c.problem_words.as_ref().map(|w| w.in_language(lang));
        }
        self
    }
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Imported {
    /// The Switchboard ids added.
    pub added: Vec<String>,
    pub backup: Option<String>,
    /// In English for `--json`; in the window's language when it reaches the window.
    pub message: String,
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub words: Words,
}

impl Imported {
    fn said(words: Words) -> Imported {
        Imported { message: words.in_language(Language::English), words, ..Default::default() }
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Language) -> String {
        self.words.in_language(lang)
    }
}

impl Switchboard {
    /// Reads CC Switch's database (`db`, else its default path) and judges each Codex provider.
    /// Problems are in English; `CcPreview::worded` puts them in another language.
    pub fn cc_switch_preview(&self, db: Option<&Path>) -> Result<CcPreview> {
        Ok(self.judge(db)?.0.worded(Language::English))
    }

    /// Adds the `ready` candidates named in `only` (CC Switch ids), or all of
    /// them, in one transaction. A named candidate that is not ready is refused,
    /// and nothing is written.
    pub fn import_cc_switch(&self, db: Option<&Path>, only: Option<&[String]>) -> Result<Imported> {
        let (preview, rows) = self.judge(db)?;
        let mut chosen = Vec::new();
        if let Some(only) = only {
            for want in only {
                let c = preview.candidates.iter().find(|c| &c.source_id == want).ok_or_else(|| {
                    Error::input("reason-cc-no-provider", Args::new().text("id", want.escape_debug()))
                })?;
                if c.status != Status::Ready {
                    return Err(Error::input("reason-cc-not-importable", Args::new().text("name", c.name.escape_debug()).words("why", status_words(c))));
                }
            }
        }
        for (c, row) in preview.candidates.iter().zip(&rows) {
            if c.status == Status::Ready && only.is_none_or(|o| o.contains(&c.source_id)) {
                let (spec, model) = build(c)?;
                chosen.push(NewProvider { spec, model, key: row.key.clone(), context_window: None });
            }
        }
        if chosen.is_empty() {
            return Ok(Imported::said(Words::new("op-cc-nothing", Args::new())));
        }
        let added: Vec<String> = chosen.iter().map(|r| r.spec.id.clone()).collect();
        let keyed = chosen.iter().filter(|r| r.key.is_some()).count();
        let written = self.add_all(chosen)?;
        let list = added.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ");
        let said = Imported::said(Words::new("op-cc-imported", Args::new().number("count", added.len() as u32).text("list", list).number("keys", keyed as u32)));
        Ok(Imported { added, backup: written.backup, ..said })
    }

    fn judge(&self, db: Option<&Path>) -> Result<(CcPreview, Vec<Row>)> {
        self.recover_if_needed()?;
        let path = match db {
            Some(p) => p.to_owned(),
            None => cc_switch::default_path().ok_or(Error::NoHomeDir)?,
        };
        let database = cc_switch::read(&path)?;
        let doc = self.config_file().load()?;
        let active = active_provider(&doc)?;
        let mut taken: BTreeSet<String> = doc.provider_ids()?.into_iter().collect();
        // Base URL and model of every provider already here.
        let mut seen: Vec<(String, String, String)> = Vec::new();
        for id in &taken {
            if let Ok(Some(e)) = read_entry(&doc, id) {
                let model = self.model_for(&doc, id, &active);
                seen.push((same_url(e.base_url.as_deref().unwrap_or("")), model, id.clone()));
            }
        }
        let mut candidates = Vec::new();
        for row in &database.rows {
            let mut c = Candidate {
                source_id: row.source_id.clone(),
                name: row.name.clone(),
                id: String::new(),
                base_url: row.base_url.clone(),
                model: row.model.clone(),
                preset: row.base_url.as_deref().map_or(PresetId::Custom, preset::detect_id),
                has_key: row.key.is_some(),
                status: Status::Ready,
                duplicate_of: None,
                problem: None,
                problem_words: None,
            };
            let dup = row.base_url.as_deref().zip(row.model.as_deref()).and_then(|(u, m)| {
                let u = same_url(u);
                seen.iter().find(|(su, sm, _)| *su == u && sm == m).map(|(_, _, id)| id.clone())
            });
            if let Some(why) = &row.unreadable {
                c.status = Status::Unusable;
                c.problem_words = Some(Words::new("reason-cc-unreadable", Args::new().message("why", why)));
            } else if row.base_url.is_none() || row.sign_in {
                c.status = Status::Official;
            } else if row.api_format.as_deref().is_some_and(|f| f != "openai_responses") || row.wire_api.as_deref().is_some_and(|w| w != "responses") {
                c.status = Status::NotResponses;
            } else if let Some(of) = dup {
                c.status = Status::Duplicate;
                c.duplicate_of = Some(of);
            }
            if c.status == Status::Ready {
                c.id = free_id(&cc_switch::slug(&row.name), &taken);
                if let Err(e) = build(&c) {
                    c.status = Status::Unusable;
                    c.problem_words = Some(e.as_words());
                    c.id = String::new();
                } else {
                    taken.insert(c.id.clone());
                    seen.push((same_url(row.base_url.as_deref().unwrap_or("")), row.model.clone().unwrap_or_default(), c.id.clone()));
                }
            }
            candidates.push(c);
        }
        Ok((CcPreview { path: database.path, version: database.version as u32, candidates }, database.rows))
    }
}

/// The spec and model for a candidate, through the preset its host matches.
fn build(c: &Candidate) -> Result<(ProviderSpec, String)> {
    let preset = preset::get(c.preset).or_else(|| preset::get(PresetId::Custom)).expect("custom preset exists");
    let inputs = Inputs {
        id: Some(c.id.clone()),
        name: Some(c.name.trim().to_owned()).filter(|n| !n.is_empty()),
        base_url: c.base_url.clone(),
        model: c.model.clone(),
        key: if c.has_key { KeySource::Keychain } else { KeySource::None },
        ..Default::default()
    };
    preset.build(&inputs)
}

/// A candidate's status in words (for refusals).
fn status_words(c: &Candidate) -> Words {
    match c.status {
        Status::Ready => Words::new("reason-cc-ready", Args::new()),
        Status::Duplicate => Words::new("reason-cc-duplicate", Args::new().text("id", c.duplicate_of.as_deref().unwrap_or(""))),
        Status::Official => Words::new("reason-cc-official", Args::new()),
        Status::NotResponses => Words::new("reason-cc-not-responses", Args::new()),
        Status::Unusable => c.problem_words.clone().unwrap_or_else(|| Words::new("reason-cc-unusable", Args::new())),
    }
}

/// `base` or `base-2`, `base-3`, ... : the first id not taken and not reserved.
fn free_id(base: &str, taken: &BTreeSet<String>) -> String {
    let free = |id: &str| !taken.contains(id) && table::validate_id(id).is_ok();
    if free(base) {
        return base.to_owned();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| free(id)).expect("some id is free")
}

/// A base URL compared without its trailing slashes or letter case of the host.
fn same_url(u: &str) -> String {
    u.trim().trim_end_matches('/').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_never_collide_or_use_reserved_names() {
        let taken: BTreeSet<String> = ["openrouter", "openrouter-2"].iter().map(|s| s.to_string()).collect();
        for (base, want) in [("openrouter", "openrouter-3"), ("openai", "openai-2"), ("ollama", "ollama-2"), ("mine", "mine")] {
            assert_eq!(free_id(base, &taken), want);
        }
        assert_eq!(same_url("https://API.x/v1/"), same_url("https://api.x/v1"));
    }
}
