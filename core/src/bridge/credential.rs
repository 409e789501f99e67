//! A bridged provider's own key, fetched by the auth command Codex runs, which
//! hands it to the bridge with each request (behind the bridge's token). The
//! bridge itself keeps no key: it cannot be made to spend one it was not sent.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::locale::Args;
use crate::error::{Error, Result};
use crate::provider::secret;

/// Where the key comes from, as the auth command's arguments say (`provider::api`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Keychain,
    Env(String),
    Command(Vec<String>),
    None,
}

/// How long the user's own token command may take.
const COMMAND_LIMIT: Duration = Duration::from_secs(30);

/// The provider's key for `id`, or none when it takes none.
pub fn fetch(id: &str, source: &Source) -> Result<Option<String>> {
    match source {
        Source::None => Ok(None),
        Source::Keychain => secret::get(id)?.map(|k| Some(k.expose().to_owned())).ok_or_else(|| Error::NoKey(id.into())),
        Source::Env(var) => match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => Ok(Some(v.trim().to_owned())),
            _ => Err(Error::EnvUnset { id: id.into(), var: var.clone() }),
        },
        Source::Command(argv) => run(id, argv).map(Some),
    }
}

/// Runs the user's token command (no shell), its standard output trimmed being the
/// key; its standard error goes where ours goes (Codex's log).
fn run(id: &str, argv: &[String]) -> Result<String> {
    let Some((program, args)) = argv.split_first() else { return Err(Error::invalid(crate::provider::field::Field::TokenCommand, "reason-token-command-empty", Args::new())) };
    let failed = |why: &'static str, detail: String| Error::input(why, Args::new().text("id", id).text("program", program).text("detail", detail));
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| failed("reason-token-command-not-started", e.to_string()))?;
    let mut out = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut out).take(64 * 1024).read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| failed("reason-token-command-lost", e.to_string()))? {
            break s;
        }
        if start.elapsed() > COMMAND_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed("reason-token-command-timeout", COMMAND_LIMIT.as_secs().to_string()));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let bytes = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(failed("reason-token-command-failed", status.to_string()));
    }
    let key = String::from_utf8(bytes).map_err(|_| failed("reason-token-command-not-text", String::new()))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(failed("reason-token-command-silent", String::new()));
    }
    Ok(key.to_owned())
}

// Its one test runs Unix programs (printf, false, true).
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn each_source_gives_the_key_or_says_why_not() {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(fetch("p", &Source::None).unwrap(), None);
        assert_eq!(fetch("p", &Source::Command(s(&["printf", "  tok-1\\n"]))).unwrap().as_deref(), Some("tok-1"));
        assert_eq!(fetch("p", &Source::Command(s(&["false"]))).unwrap_err().code(), "invalid_input");
        assert_eq!(fetch("p", &Source::Command(s(&["true"]))).unwrap_err().code(), "invalid_input");
        assert_eq!(fetch("p", &Source::Command(s(&["/no/such/program"]))).unwrap_err().code(), "invalid_input");
        assert_eq!(fetch("p", &Source::Env("SB_SURELY_UNSET_VAR_123".into())).unwrap_err().code(), "env_unset");
        assert_eq!(fetch("p", &Source::Env("PATH".into())).unwrap().unwrap(), std::env::var("PATH").unwrap().trim());
    }
}
