//! The connection test: one provider, called exactly as Codex would call it
//! (same base URL, query parameters, static and env headers, and auth), in
//! timed steps, ending in one diagnosis code with a plain sentence and a fix.
//!
//! Steps: `config` (no network) → `connect` (DNS, TCP) → `models`
//! (`GET {base}/models`, a warning at worst) → `responses` (`POST
//! {base}/responses`, streamed) → optionally `codex` (a real `codex exec`).
//!
//! Observing is apart from judging:
//! - [`observe`] holds the facts; [`auth`], [`net`], [`http`] (with [`models`]
//!   and [`sse`]) and [`codex`] gather them, with bounded reads;
//! - [`judge`] is a pure function from facts to steps, a diagnosis, a message
//!   and a hint, and it decides what to observe next;
//! - [`run`] drives the two under one deadline, and [`redact`] removes every
//!   credential from every text before anything leaves the probe.
//!
//! URLs go through [`endpoint`] (the `url` crate), in one place.

mod auth;
mod codex;
mod diagnosis;
mod endpoint;
mod http;
mod judge;
mod models;
mod net;
mod observe;
pub mod redact;
mod run;
mod shape;
mod sse;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use diagnosis::Diagnosis;
pub use redact::Redactor;

use crate::provider::ProviderEntry;

/// The steps of a test, in the order they run. Serialises to the `--json` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StepName {
    Config,
    Connect,
    Models,
    Responses,
    Codex,
}

impl StepName {
    pub const ALL: [StepName; 5] = [StepName::Config, StepName::Connect, StepName::Models, StepName::Responses, StepName::Codex];

    pub fn as_str(self) -> &'static str {
        match self {
            StepName::Config => "config",
            StepName::Connect => "connect",
            StepName::Models => "models",
            StepName::Responses => "responses",
            StepName::Codex => "codex",
        }
    }
}

impl std::fmt::Display for StepName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq<&str> for StepName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Ok,
    Warn,
    Fail,
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Step {
    pub name: StepName,
    pub status: StepStatus,
    pub message: String,
    pub ms: u64,
}

impl Step {
    pub fn new(name: StepName, status: StepStatus, message: impl Into<String>, ms: u64) -> Step {
        Step { name, status, message: message.into(), ms }
    }

    fn redacted(&self, r: &Redactor) -> Step {
        Step { message: r.text(&self.message), ..self.clone() }
    }
}

/// The verdict on one provider. Serialises to the `--json` contract.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    pub provider: String,
    pub ok: bool,
    pub diagnosis: Diagnosis,
    pub message: String,
    pub hint: String,
    pub steps: Vec<Step>,
    pub models: Vec<String>,
    /// Time to the first byte of the `/responses` answer, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttfb_ms: Option<u64>,
}

impl Report {
    /// The same report with every credential `r` knows removed from every text.
    pub fn redacted(self, r: &Redactor) -> Report {
        Report {
            provider: r.text(&self.provider),
            message: r.text(&self.message),
            hint: r.text(&self.hint),
            steps: self.steps.iter().map(|s| s.redacted(r)).collect(),
            models: self.models.iter().map(|m| r.text(m)).collect(),
            ..self
        }
    }
}

/// What to test and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub model: String,
    /// Bounds the whole test.
    pub timeout: Duration,
    /// Run the real `codex` binary as a last step (`None`: skip).
    pub codex: Option<CodexRun>,
    /// Called as each step finishes (the app shows steps live). Steps are redacted first.
    pub progress: Option<Progress>,
}

/// A callback for finished steps.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(&Step) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

#[derive(Debug, Clone)]
pub struct CodexRun {
    pub binary: PathBuf,
    pub codex_home: PathBuf,
}

/// Tests one provider. Never fails: every problem becomes a diagnosis. Every
/// text in the report has been through one redaction of the credentials used.
pub async fn test(entry: &ProviderEntry, opts: &Options) -> Report {
    run::test(entry, opts).await.0
}

/// [`test`], also handing back the redaction it applied (doctor applies the
/// union of all providers' redactions to everything it prints).
pub async fn test_redacting(entry: &ProviderEntry, opts: &Options) -> (Report, Redactor) {
    run::test(entry, opts).await
}

/// The provider's model list for a picker (Ollama: its installed models).
/// Best effort: an empty list when there is none or the provider cannot be reached.
pub async fn list_models(entry: &ProviderEntry, limit: Duration) -> Vec<String> {
    run::list_models(entry, limit).await
}

/// Finds `codex` on PATH.
pub fn find_codex() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join("codex")).find(|p| p.is_file())
}

/// Path helper for callers that only have a Codex home.
pub fn codex_run(codex_home: &Path) -> Option<CodexRun> {
    find_codex().map(|binary| CodexRun { binary, codex_home: codex_home.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_are_the_json_contract() {
        let cases: &[(StepName, &str)] = &[
            (StepName::Config, "\"config\""),
            (StepName::Connect, "\"connect\""),
            (StepName::Models, "\"models\""),
            (StepName::Responses, "\"responses\""),
            (StepName::Codex, "\"codex\""),
        ];
        for (name, json) in cases {
            assert_eq!(serde_json::to_string(name).unwrap(), *json);
            assert_eq!(format!("\"{name}\""), *json);
        }
        assert_eq!(format!("{:<8}|", StepName::Codex), "codex   |", "Display pads, for the CLI's columns");
    }

    #[test]
    fn a_report_is_redacted_in_every_text() {
        let mut r = Redactor::default();
        r.add("sk-SECRET-123");
        let report = Report {
            provider: "p".into(),
            ok: false,
            diagnosis: Diagnosis::Unauthorized,
            message: "bad key sk-SECRET-123".into(),
            hint: "Bearer sk-SECRET-123".into(),
            steps: vec![Step::new(StepName::Responses, StepStatus::Fail, "echo sk-SECRET-123", 3)],
            models: vec!["sk-SECRET-123".into()],
            ttfb_ms: Some(3),
        }
        .redacted(&r);
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("SECRET"), "{json}");
        assert_eq!(report.steps[0].ms, 3);
    }
}
