//! The language the window's picker chose, kept for the next start and for the
//! tray, which follows it: `$XDG_STATE_HOME/switchboard/language`, beside the log.

use std::path::{Path, PathBuf};

use crate::locale::Language;

/// The window's and the tray's language: the one chosen in the picker, else the system's.
pub fn current() -> Language {
    chosen().unwrap_or_else(Language::of_system)
}

/// Where the choice is kept (`~/.local/state/switchboard/language` on Linux).
pub fn path() -> Option<PathBuf> {
    super::log::path().map(|p| p.with_file_name(CHOICE_FILE))
}

/// The name of that file (the tray watches for it).
pub const CHOICE_FILE: &str = "language";

/// The language chosen in the picker, if one was.
pub fn chosen() -> Option<Language> {
    let text = std::fs::read_to_string(path()?).ok()?;
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).ok()
}

/// Keeps `lang` as the choice (written whole, atomically).
pub fn choose(lang: Language) -> crate::error::Result<()> {
    let Some(path) = path() else { return Err(crate::error::Error::NoHomeDir) };
    let dir = crate::edit::atomic::parent(&path).to_owned();
    std::fs::create_dir_all(&dir).map_err(crate::error::Error::io("io-create", &dir))?;
    let code = serde_json::to_value(lang).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let staged = crate::edit::atomic::stage(&path, format!("{code}\n").as_bytes(), Some(0o600), Path::new(CHOICE_FILE))?;
    staged.replace(&path)
}

