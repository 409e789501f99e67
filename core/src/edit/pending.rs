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

/// A digest of a provider table: a record names the table an edit commits
/// without holding it (a hand-written table may hold a credential header).
pub fn digest(spec: &crate::provider::table::ProviderSpec) -> String {
    use sha2::{Digest, Sha256};
    let bytes = serde_json::to_vec(spec).expect("serializable");
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
        Err(e) => Err(Error::io("remove", path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::preset::Inputs;
    use crate::ops::switchboard::Switchboard;
    use crate::provider::table::read_entry;

    /// A Codex home with one active keyless provider `p0` (model m0), and the bytes of its profile.
    fn home() -> (tempfile::TempDir, Switchboard, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let sb = Switchboard::new(dir.path().to_owned(), "switchboard".into());
        sb.add("ollama", &Inputs { id: Some("p0".into()), model: Some("m0".into()), ..Default::default() }, None).unwrap();
        sb.use_provider("p0", None).unwrap();
        let profile = fs::read(crate::provider::profile::path(dir.path(), "p0")).unwrap();
        (dir, sb, profile)
    }

    fn leave_record(sb: &Switchboard, spec: &crate::provider::table::ProviderSpec) {
        let lock = sb.config_file().lock().unwrap();
        let rec = Pending { id: "p0".into(), model_if_present: Some("m9".into()), edited_table: Some(digest(spec)), ..Default::default() };
        let _left_behind = rec.save(&lock, sb.lock_dir()).unwrap();
    }

    #[test]
    fn an_edit_killed_between_its_commit_and_the_profile_is_finished_and_one_killed_before_is_not() {
        // Killed after the commit: config.toml has the edit, the profile does not yet.
        let (dir, sb, before) = home();
        let edit = Inputs { name: Some("Renamed".into()), model: Some("m9".into()), ..Default::default() };
        sb.edit("p0", &edit, None).unwrap();
        fs::write(crate::provider::profile::path(dir.path(), "p0"), &before).unwrap();
        let spec = read_entry(&sb.config_file().load().unwrap(), "p0").unwrap().unwrap().to_spec();
        leave_record(&sb, &spec);
        sb.recover_if_needed().unwrap();
        assert_eq!(crate::provider::profile::model(dir.path(), "p0").unwrap().as_deref(), Some("m9"));
        assert!(!any(sb.lock_dir()));

        // Killed before the commit: neither config.toml nor the profile has the edit, and
        // recovery keeps it that way.
        let (dir, sb, before) = home();
        let config = fs::read(dir.path().join("config.toml")).unwrap();
        let mut spec = read_entry(&sb.config_file().load().unwrap(), "p0").unwrap().unwrap().to_spec();
        spec.name = "Renamed".into();
        leave_record(&sb, &spec);
        sb.recover_if_needed().unwrap();
        assert_eq!(fs::read(crate::provider::profile::path(dir.path(), "p0")).unwrap(), before);
        assert_eq!(fs::read(dir.path().join("config.toml")).unwrap(), config);
        assert!(!any(sb.lock_dir()));
    }
}
