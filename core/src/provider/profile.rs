//! The Codex profile file `$CODEX_HOME/<id>.config.toml` that Switchboard keeps
//! per provider. It records the provider's model (Switchboard's only
//! per-provider state) in a form Codex itself reads: `codex -p <id>` runs with
//! that provider and model. Edited with the same lossless editor as config.toml.

use std::fs;
use std::path::{Path, PathBuf};

use crate::edit::file::TomlFile;
use crate::edit::lock::Lock;
use crate::error::{Error, Result};

const HEADER: &str = "# Codex profile written by Switchboard: `codex -p {id}` runs with this provider.\n";
/// The header of a file that only remembers the model a provider had when the
/// user switched away (a hand-written or built-in provider): not a provider added by Switchboard.
const REMEMBERED: &str = "# Codex profile kept by Switchboard: the model `{id}` had when you last switched away from it.\n";

pub fn path(home: &Path, id: &str) -> PathBuf {
    home.join(format!("{id}.config.toml"))
}

fn file(home: &Path, id: &str) -> TomlFile {
    TomlFile::plain(path(home, id), crate::edit::backup::Backups::new(home).dir().to_owned())
}

/// The model recorded for `id`, if its profile file names that provider.
pub fn model(home: &Path, id: &str) -> Result<Option<String>> {
    let f = file(home, id);
    let Some(bytes) = f.read_bytes()? else { return Ok(None) };
    let doc = f.parse(Some(&bytes))?;
    if doc.top_level_str("model_provider")?.as_deref() != Some(id) {
        return Ok(None);
    }
    doc.top_level_str("model")
}

/// Records `model` for `id`, keeping anything else the file holds. Runs inside
/// the caller's transaction (`lock`).
pub fn write(lock: &Lock, home: &Path, id: &str, model: &str) -> Result<()> {
    let header = HEADER.replace("{id}", id);
    file(home, id).update_locked(lock, |doc| {
        if doc.text().is_empty() {
            *doc = crate::edit::config_doc::ConfigDoc::parse(header.clone(), Path::new(""))?;
        }
        doc.set_top_levels(&[("model_provider", Some(id)), ("model", Some(model))])?;
        Ok(())
    })?;
    Ok(())
}

/// Remembers the model `id` had when the user switched away from it (`None`:
/// Codex's default), so switching back restores it. Runs inside the caller's transaction.
pub fn remember(lock: &Lock, home: &Path, id: &str, model: Option<&str>) -> Result<()> {
    let f = file(home, id);
    if model.is_none() && f.read_bytes()?.is_none() {
        return Ok(());
    }
    let header = REMEMBERED.replace("{id}", id);
    f.update_locked(lock, |doc| {
        if doc.text().is_empty() {
            *doc = crate::edit::config_doc::ConfigDoc::parse(header.clone(), Path::new(""))?;
        }
        doc.set_top_levels(&[("model_provider", Some(id)), ("model", model)])?;
        Ok(())
    })?;
    Ok(())
}

/// Whether `id`'s profile file is one `add` wrote (or the user's own), not one that only remembers a model.
pub fn is_ours(home: &Path, id: &str) -> bool {
    fs::read_to_string(path(home, id)).is_ok_and(|t| !t.starts_with(&REMEMBERED.replace("{id}", id)))
}

/// Deletes the profile file if Switchboard wrote it for `id`. Returns whether it did.
pub fn remove(home: &Path, id: &str) -> Result<bool> {
    let p = path(home, id);
    let header = HEADER.replace("{id}", id);
    let remembered = REMEMBERED.replace("{id}", id);
    match fs::read_to_string(&p) {
        Ok(text) if text.starts_with(&header) || text.starts_with(&remembered) => {
            fs::remove_file(&p).map_err(Error::io("io-remove", &p))?;
            Ok(true)
        }
        _ => Ok(false),
    }
}
