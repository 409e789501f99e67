//! Observing the key: resolved the way Codex resolves it (keychain through
//! `switchboard token`, an environment variable, a token command, or a token
//! written in config.toml). The fact goes to the judge; the key itself only to
//! the request and to the redaction.

use std::time::Duration;

use tokio::time::timeout_at;

use super::observe::AuthSeen;
use crate::provider::table::{Auth, ProviderEntry};

/// Resolves the key. The token command is bounded by its own `timeout_ms` and by `deadline`.
pub async fn resolve(entry: &ProviderEntry, deadline: tokio::time::Instant) -> (AuthSeen, Option<String>) {
    let key = |k: String| (AuthSeen::Key, Some(k));
    match &entry.auth {
        Auth::None => (AuthSeen::NoKey, None),
        Auth::FileToken => match &entry.file_token {
            Some(k) => key(k.expose().to_owned()),
            None => (AuthSeen::NoKey, None),
        },
        Auth::Keychain => {
            let id = entry.id.clone();
            match tokio::task::spawn_blocking(move || crate::provider::secret::get(&id)).await {
                Err(_) => (AuthSeen::KeychainFailed(None), None),
                Ok(Ok(Some(k))) => key(k.expose().to_owned()),
                Ok(Ok(None)) => (AuthSeen::KeychainEmpty, None),
                Ok(Err(e)) => (AuthSeen::KeychainFailed(Some(super::observe::Failure(std::sync::Arc::new(e)))), None),
            }
        }
        Auth::Env { var } => match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => key(v.trim().to_owned()),
            _ => (AuthSeen::EnvUnset { var: var.clone() }, None),
        },
        Auth::Command { command, args, timeout_ms, .. } => run_command(command, args, Duration::from_millis(timeout_ms.unwrap_or(5000)), deadline).await,
    }
}

async fn run_command(command: &str, args: &[String], limit: Duration, deadline: tokio::time::Instant) -> (AuthSeen, Option<String>) {
    let now = tokio::time::Instant::now();
    let limit_at = (now + limit).min(deadline);
    let waited = limit_at.duration_since(now);
    let mut cmd = tokio::process::Command::new(command);
    cmd.args(args).stdin(std::process::Stdio::null()).kill_on_drop(true);
    let shown = std::iter::once(command).chain(args.iter().map(String::as_str)).collect::<Vec<_>>().join(" ");
    let seen = match timeout_at(limit_at, cmd.output()).await {
        Err(_) => AuthSeen::CommandTimedOut { shown, waited_ms: waited.as_millis() as u64 },
        Ok(Err(e)) => AuthSeen::CommandNotStarted { command: command.to_owned(), error: e.to_string() },
        Ok(Ok(out)) if !out.status.success() => {
            let err = String::from_utf8_lossy(&out.stderr);
            let line = err.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no error output");
            AuthSeen::CommandFailed { shown, status: out.status.to_string(), line: line.chars().take(200).collect() }
        }
        Ok(Ok(out)) => {
            let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if token.is_empty() {
                AuthSeen::CommandPrintedNothing { shown }
            } else {
                return (AuthSeen::Key, Some(token));
            }
        }
    };
    (seen, None)
}
