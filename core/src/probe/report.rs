//! What a test reports: its steps, each with a status and a time, and the verdict.
//! Serialises to the `--json` contract.

use serde::{Deserialize, Serialize};

use super::diagnosis::Diagnosis;
use super::redact::Redactor;

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

    pub(super) fn redacted(&self, r: &Redactor) -> Step {
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
    /// The fix, as the CLI words it (its commands and flags).
    pub hint: String,
    /// The fix as the window words it (its buttons and fields), where that differs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fix: String,
    pub steps: Vec<Step>,
    pub models: Vec<String>,
    /// Time to the first byte of the `/responses` answer, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttfb_ms: Option<u64>,
    /// The provider answers Chat Completions but not Responses: Switchboard's bridge is the fix.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub offers_bridge: bool,
    /// What the Test learnt of the model (its window, custom tools), after a good answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<super::model_facts::ModelFacts>,
    /// What Codex will know of the model there: its window and apply_patch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_info: Option<crate::catalog::known::Known>,
    /// Which way Codex reaches the provider, why, and a better way when the Test found one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathNote>,
}

/// Which way Codex reaches a provider: directly (`responses`) or through the bridge (`chat`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PathNote {
    /// The way it is set up now.
    pub api: crate::provider::api::Api,
    /// Why that way, or what the Test saw of it, in the report's language.
    pub why: String,
    /// A better way the Test found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<PathOffer>,
    /// What the bridge learnt of the provider from its refusals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learnt: Vec<crate::bridge::dialect::Lesson>,
    /// The same, worded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learnt_words: Vec<String>,
}

/// Another way to reach the provider, which the Test found better.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PathOffer {
    pub api: crate::provider::api::Api,
    /// The base URL that way, when it is not the provider's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Why it is better, in the report's language.
    pub why: String,
    /// The CLI's command that takes it.
    pub command: String,
}

impl Report {
    /// The same report with every credential `r` knows removed from every text.
    pub fn redacted(self, r: &Redactor) -> Report {
        Report {
            provider: r.text(&self.provider),
            message: r.text(&self.message),
            hint: r.text(&self.hint),
            fix: r.text(&self.fix),
            steps: self.steps.iter().map(|s| s.redacted(r)).collect(),
            models: self.models.iter().map(|m| r.text(m)).collect(),
            facts: self.facts.map(|f| f.redacted(r)),
            path: self.path.map(|p| PathNote {
                why: r.text(&p.why),
                offer: p.offer.map(|o| PathOffer { why: r.text(&o.why), ..o }),
                learnt_words: p.learnt_words.iter().map(|l| r.text(l)).collect(),
                ..p
            }),
            ..self
        }
    }
}
