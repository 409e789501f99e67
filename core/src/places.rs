//! Switchboard's own folder for what it keeps between runs (the log, the language
//! the window chose, what the bridge learnt of each provider):
//! `$XDG_STATE_HOME/switchboard` (`~/.local/state/switchboard` when unset) on Linux,
//! and the platform's local data folder elsewhere. Imports nothing of the crate.

use std::path::PathBuf;

/// The state folder, if this user has a home.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("XDG_STATE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("switchboard"));
    }
    let base = directories::BaseDirs::new()?;
    let dir = if cfg!(target_os = "linux") { base.home_dir().join(".local/state") } else { base.data_local_dir().to_owned() };
    Some(dir.join("switchboard"))
}
