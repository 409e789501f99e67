//! Intent records for the side effects of an operation that live outside
//! config.toml: the key in the keychain and the profile file.
//!
//! config.toml is committed in one atomic step, but a key stored before that
//! commit (or a key and profile to delete after it) could be left behind by a
//! kill -9 between the two. So an operation first writes what it is about to do
//! to `switchboard-backups/.pending-<id>.json`, and clears it when done. The next
//! operation, `list` or `doctor` finds a leftover record under the lock and
//! finishes or undoes it, judged by whether the provider's table exists: the
//! one fact config.toml's atomic commit makes true or false.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edit::atomic;
use crate::edit::lock::Lock;
use crate::error::{Error, Result};

const PREFIX: &str = ".pending-";
const SUFFIX: &str = ".json";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Pending {
    pub id: String,
    /// When the table is absent afterwards: delete the key (stored by this operation, or left by a removal).
    #[serde(default)]
    pub drop_key_if_absent: bool,
    /// When the table is absent afterwards: delete Switchboard's profile file.
    #[serde(default)]
    pub drop_profile_if_absent: bool,
    /// When the table exists afterwards: record this model in the profile file.
    #[serde(default)]
    pub model_if_present: Option<String>,
    /// `secure`: the files (names in the Codex home) whose table moves to the
    /// keychain. When one of them uses the keychain afterwards the key is in use:
    /// keep it and scrub our backups of it. Otherwise the commit never happened:
    /// delete the key if this operation stored the first one (`drop_key_if_absent`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secure_files: Vec<String>,
    /// `edit`: the [`digest`] of the provider's table as the edit commits it. The
    /// model is recorded in the profile only if the table is that one and, for
    /// the active provider, config.toml's `model` is the edit's; otherwise the
    /// commit never happened, and the record is dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_table: Option<String>,
    /// `edit`: a new key waits under [`crate::provider::secret::staged`]: it becomes the provider's
    /// key if the commit happened, and is deleted otherwise.
    #[serde(default)]
    pub staged_key: bool,
}

/// A digest of what an edit commits (a provider's table): a record names it
/// without holding it (a hand-written table may hold a credential header).
pub fn digest<T: Serialize>(value: &T) -> String {
    use sha2::{Digest, Sha256};
    let bytes = serde_json::to_vec(value).expect("serializable");
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A record written for one operation; cleared by [`Record::clear`].
pub struct Record {
    path: PathBuf,
}

impl Pending {
    /// Writes the record (synced, atomically) before the operation's first side effect.
    pub fn save(&self, _lock: &Lock, dir: &Path) -> Result<Record> {
        atomic::create_private_dir(dir)?;
        let path = dir.join(format!("{PREFIX}{}{SUFFIX}", self.id));
        let bytes = serde_json::to_vec(self).expect("serializable");
        atomic::stage(&path, &bytes, Some(0o600), &path)?.replace(&path)?;
        Ok(Record { path })
    }
}

impl Record {
    pub fn clear(self) {
        let _ = fs::remove_file(&self.path);
        atomic::sync_dir(atomic::parent(&self.path));
    }
}

/// Whether any record is left in `dir` (a cheap look, without the lock).
pub fn any(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|rd| rd.flatten().any(|e| is_record(&e.file_name().to_string_lossy())))
}

/// Every record left in `dir`, with its path. Unreadable ones are returned as `None`.
pub fn all(_lock: &Lock, dir: &Path) -> Vec<(PathBuf, Option<Pending>)> {
    let Ok(rd) = fs::read_dir(dir) else { return Vec::new() };
    rd.flatten()
        .filter(|e| is_record(&e.file_name().to_string_lossy()))
        .map(|e| {
            let p = e.path();
            let rec = atomic::read_regular(&p, &p).ok().flatten().and_then(|b| serde_json::from_slice(&b).ok());
            (p, rec)
        })
        .collect()
}

fn is_record(name: &str) -> bool {
    name.starts_with(PREFIX) && name.ends_with(SUFFIX)
}

impl From<Record> for PathBuf {
    fn from(r: Record) -> PathBuf {
        r.path
    }
}

/// Removes a record once it has been acted on.
pub fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("io-remove", path)(e)),
    }
}
