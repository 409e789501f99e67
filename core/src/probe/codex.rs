//! Observing Codex itself: one real `codex exec` against the provider.

use tokio::time::timeout_at;

use super::options::CodexRun;
use super::judge::clip;
use crate::provider::table::ProviderEntry;

/// Runs `codex exec "Reply OK"`; `Err` holds the line of its output that explains the failure.
pub async fn run(codex: &CodexRun, entry: &ProviderEntry, model: &str, deadline: tokio::time::Instant) -> Result<(), String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut cmd = tokio::process::Command::new(&codex.binary);
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "-c"])
        .arg(format!("model_provider=\"{}\"", entry.id))
        .arg("-c")
        .arg(format!("model={}", toml_edit::Value::from(model).to_string().trim()))
        .arg("Reply OK")
        .current_dir(work.path())
        .env("CODEX_HOME", &codex.codex_home)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    match timeout_at(deadline, cmd.output()).await {
        Err(_) => Err("codex did not finish before the time limit".into()),
        Ok(Err(e)) => Err(format!("codex could not be started: {e}")),
        Ok(Ok(out)) if out.status.success() => Ok(()),
        Ok(Ok(out)) => {
            let err = String::from_utf8_lossy(&out.stderr);
            let line = err
                .lines()
                .rev()
                .map(str::trim)
                .find(|l| l.to_lowercase().contains("error"))
                .or_else(|| err.lines().rev().map(str::trim).find(|l| !l.is_empty()))
                .unwrap_or("codex exited with an error");
            Err(clip(line))
        }
    }
}
