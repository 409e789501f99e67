//! What to test and how: the model, the time limit, the optional `codex exec`
//! step, and where live steps go.

use std::path::PathBuf;
use std::time::Duration;

use super::report::Step;

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
    /// The language of the report's sentences (its codes never change with it).
    pub lang: crate::locale::Language,
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
