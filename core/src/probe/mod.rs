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
//!   and the crate's `sse`) and [`codex`] gather them, with bounded reads;
//! - [`judge`] is a pure function from facts to steps, a diagnosis, a message
//!   and a hint, and it decides what to observe next;
//! - [`run`] drives the two under one deadline, and [`redact`] removes every
//!   credential from every text before anything leaves the probe.
//!
//! URLs go through [`endpoint`] (the `url` crate), in one place.

mod auth;
pub mod choose;
mod codex;
mod diagnosis;
mod endpoint;
pub(crate) mod http;
mod judge;
mod model_facts;
mod models;
mod net;
mod observe;
mod options;
pub mod path;
pub mod redact;
mod report;
mod run;
mod shape;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use diagnosis::Diagnosis;
pub use model_facts::ModelFacts;
pub use options::{CodexRun, Options, Progress};
pub use redact::Redactor;
pub use report::{PathNote, PathOffer, Report, Step, StepName, StepStatus};

use crate::provider::table::ProviderEntry;

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

/// Finds the Codex to run: on PATH, else where its installers put it (see
/// [`crate::codex::binary::find`]; an npm install gives its native binary).
pub fn find_codex() -> Option<PathBuf> {
    crate::codex::binary::find()
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
            fix: "paste sk-SECRET-123".into(),
            steps: vec![Step::new(StepName::Responses, StepStatus::Fail, "echo sk-SECRET-123", 3)],
            models: vec!["sk-SECRET-123".into()],
            ttfb_ms: Some(3),
            offers_bridge: false,
            facts: None,
            model_info: None,
            path: None,
        }
        .redacted(&r);
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("SECRET"), "{json}");
        assert_eq!(report.steps[0].ms, 3);
    }
}
