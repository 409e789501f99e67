//! Where the Codex CLI is: `codex` on PATH.

use std::path::PathBuf;

/// Finds `codex` on PATH.
pub fn find() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join("codex")).find(|p| p.is_file())
}
