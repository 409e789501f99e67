//! How the CLI answers: JSON for scripts, text made safe for a terminal, and why it exits 1.

use switchboard_core::Error;
use switchboard_core::locale::{self, Args, Language};

/// The CLI's language: LANG's (or LC_ALL's, LC_MESSAGES') when it asks for one
/// Switchboard speaks, English otherwise. `--json` is always English.
pub(crate) fn cli_language() -> Language {
    Language::of_env().unwrap_or(Language::English)
}

/// The CLI's own line `id` (a `cli-` message of core.ftl) in the CLI's language.
pub(crate) fn say(id: &str, args: Args) -> String {
    locale::text(cli_language(), id, &args)
}

/// Why the command exits 1: an error, or a test/doctor report that already said what failed.
pub(crate) enum Exit {
    Error(Error),
    Reported,
}

impl From<Error> for Exit {
    fn from(e: Error) -> Self {
        Exit::Error(e)
    }
}

pub(crate) fn print_json<T: serde::Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).expect("serializable"));
}

/// `s` with control characters escaped (`\u{1b}`), so a file's contents cannot drive the terminal.
pub(crate) fn shown(s: &str) -> String {
    if s.chars().any(char::is_control) { s.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect() } else { s.to_owned() }
}

/// A runtime for the async parts (the Test, doctor, asking providers).
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}
