//! `doctor`: one pass over the whole setup. The config loads, no reserved ids,
//! no legacy profile keys, the active provider exists, and every provider is
//! tested concurrently under one time limit (not the sum of the providers').

use std::time::Duration;

use serde::Serialize;

use crate::probe::{self, Redactor, Report, StepName, StepStatus};
use crate::provider;
use crate::switchboard::{active_provider, read_entry};
use crate::{Error, Switchboard};

/// The checks doctor makes before testing providers. Serialises to the `--json` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckName {
    Config,
    ReservedIds,
    LegacyProfile,
    ActiveProvider,
    ProviderTable,
}

impl CheckName {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckName::Config => "config",
            CheckName::ReservedIds => "reserved_ids",
            CheckName::LegacyProfile => "legacy_profile",
            CheckName::ActiveProvider => "active_provider",
            CheckName::ProviderTable => "provider_table",
        }
    }
}

impl std::fmt::Display for CheckName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: CheckName,
    pub status: StepStatus,
    pub message: String,
    pub hint: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub ok: bool,
    pub checks: Vec<Check>,
    pub providers: Vec<Report>,
}

fn check(name: CheckName, status: StepStatus, message: impl Into<String>, hint: impl Into<String>) -> Check {
    Check { name, status, message: message.into(), hint: hint.into() }
}

pub async fn run(sb: &Switchboard, timeout: Duration) -> DoctorReport {
    let mut checks = Vec::new();
    let doc = match sb.config_file().load() {
        Ok(d) => {
            checks.push(check(CheckName::Config, StepStatus::Ok, format!("{} loads", sb.config_file().path().display()), ""));
            d
        }
        Err(e) => {
            checks.push(check(CheckName::Config, StepStatus::Fail, e.to_string(), e.hint()));
            return DoctorReport { ok: false, checks, providers: Vec::new() }.redacted(&Redactor::default());
        }
    };
    let ids = doc.provider_ids().unwrap_or_default();
    let reserved: Vec<&String> = ids.iter().filter(|id| provider::RESERVED_IDS.contains(&id.as_str())).collect();
    if reserved.is_empty() {
        checks.push(check(CheckName::ReservedIds, StepStatus::Ok, "no provider uses a reserved id", ""));
    } else {
        let list = reserved.iter().map(|s| format!("[model_providers.{s}]")).collect::<Vec<_>>().join(", ");
        checks.push(check(
            CheckName::ReservedIds,
            StepStatus::Fail,
            format!("{list} uses an id built into Codex, so Codex refuses to load the whole file."),
            "Rename the table (for example to ollama-local) and update model_provider to match.",
        ));
    }
    if doc.has_top_level("profile") {
        checks.push(check(
            CheckName::LegacyProfile,
            StepStatus::Fail,
            "config.toml has a top-level `profile = ...`, which current Codex treats as an error.",
            "Delete that line; use `codex -p NAME` with a NAME.config.toml file instead.",
        ));
    } else if doc.has_top_level("profiles") {
        checks.push(check(
            CheckName::LegacyProfile,
            StepStatus::Warn,
            "config.toml has legacy [profiles.*] tables, which current Codex ignores.",
            "Move each into its own $CODEX_HOME/NAME.config.toml and run `codex -p NAME`.",
        ));
    } else {
        checks.push(check(CheckName::LegacyProfile, StepStatus::Ok, "no legacy profile settings", ""));
    }
    let active = active_provider(&doc).unwrap_or_else(|_| "openai".into());
    if provider::is_built_in(&active) || ids.contains(&active) {
        checks.push(check(CheckName::ActiveProvider, StepStatus::Ok, format!("the active provider `{active}` is defined"), ""));
    } else {
        checks.push(check(
            CheckName::ActiveProvider,
            StepStatus::Fail,
            format!("model_provider is `{active}`, but there is no [model_providers.{active}] table: Codex will not start."),
            "Pick an existing provider with `switchboard use <id>`.",
        ));
    }

    let mut set = tokio::task::JoinSet::new();
    let mut order = Vec::new();
    for id in ids.iter().filter(|id| !provider::RESERVED_IDS.contains(&id.as_str())) {
        let entry = match read_entry(&doc, id) {
            Ok(Some(e)) => e,
            Ok(None) => continue,
            Err(e) => {
                checks.push(check(CheckName::ProviderTable, StepStatus::Fail, e.to_string(), e.hint()));
                continue;
            }
        };
        let model = sb.model_for(&doc, id, &active);
        let opts = probe::Options { model, timeout, codex: None, progress: None };
        order.push(id.clone());
        set.spawn(async move { probe::test_redacting(&entry, &opts).await });
    }
    let mut providers: Vec<Report> = Vec::new();
    let mut redactor = Redactor::default();
    while let Some(r) = set.join_next().await {
        if let Ok((report, r)) = r {
            providers.push(report);
            redactor.extend(&r);
        }
    }
    providers.sort_by_key(|r| order.iter().position(|id| *id == r.provider));
    let ok = checks.iter().all(|c| c.status != StepStatus::Fail) && providers.iter().all(|p| p.ok);
    DoctorReport { ok, checks, providers }.redacted(&redactor)
}

impl DoctorReport {
    /// Every text with every provider's credentials removed: one provider's
    /// server may quote anything, and the checks quote the config file.
    fn redacted(self, r: &Redactor) -> DoctorReport {
        let checks = self.checks.into_iter().map(|c| Check { message: r.text(&c.message), hint: r.text(&c.hint), ..c }).collect();
        let providers = self.providers.into_iter().map(|p| p.redacted(r)).collect();
        DoctorReport { ok: self.ok, checks, providers }
    }
}

/// Tests one provider, with the model `use` would pick unless one is given.
pub async fn test_one(sb: &Switchboard, id: &str, model: Option<&str>, timeout: Duration, with_codex: bool) -> Result<Report, Error> {
    test_one_with(sb, id, model, timeout, with_codex, None).await
}

/// `test_one`, reporting each step to `progress` as it finishes.
pub async fn test_one_with(
    sb: &Switchboard,
    id: &str,
    model: Option<&str>,
    timeout: Duration,
    with_codex: bool,
    progress: Option<probe::Progress>,
) -> Result<Report, Error> {
    let doc = sb.config_file().load()?;
    let entry = read_entry(&doc, id)?
        .ok_or_else(|| if provider::is_built_in(id) { Error::BuiltIn(id.into()) } else { Error::UnknownProvider(id.into()) })?;
    let active = active_provider(&doc)?;
    let model = model.map(str::to_owned).unwrap_or_else(|| sb.model_for(&doc, id, &active));
    let codex = if with_codex { probe::codex_run(sb.home()) } else { None };
    let mut report = probe::test(&entry, &probe::Options { model, timeout, codex: codex.clone(), progress }).await;
    if with_codex && codex.is_none() {
        report.steps.retain(|s| s.name != StepName::Codex);
        report.steps.push(probe::Step::new(StepName::Codex, StepStatus::Skipped, "no `codex` binary on PATH", 0));
    }
    Ok(report)
}
