//! Timestamped copies of config.toml, taken before every write. The newest 20 are kept.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::edit::atomic;
use crate::error::{Error, Result};
use crate::locale::{Args, Words};

pub const KEEP: usize = 20;
const PREFIX: &str = "config-";
const SUFFIX: &str = ".toml";

#[derive(Debug, Clone)]
pub struct Backups {
    dir: PathBuf,
}

/// What replaces a key in a scrubbed backup: clearly not a key.
pub const SCRUBBED: &str = "moved-to-the-system-keychain-by-switchboard";

/// The backups [`Backups::scrub`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scrubbed {
    pub rewritten: Vec<String>,
    pub removed: Vec<String>,
}

impl Scrubbed {
    pub fn count(&self) -> usize {
        self.rewritten.len() + self.removed.len()
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupInfo {
    pub name: String,
    pub size: u64,
    /// UTC, `YYYY-MM-DD HH:MM:SS`.
    pub taken: String,
}

impl Backups {
    pub fn new(codex_home: &Path) -> Self {
        Backups { dir: codex_home.join("switchboard-backups") }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves `bytes` as a new backup (mode 0600) and prunes old ones. Returns its name.
    ///
    /// The copy is written to a temporary name, synced, then renamed: a crash or
    /// a full disk never leaves an empty or partial backup under a backup's name.
    pub fn save(&self, bytes: &[u8]) -> Result<String> {
        atomic::create_private_dir(&self.dir)?;
        atomic::sweep(&self.dir);
        let stamp = stamp();
        let first = self.dir.join(numbered(&stamp, 0));
        let mut staged = Some(atomic::stage(&first, bytes, Some(0o600), &first)?);
        for n in 0..1000 {
            let name = numbered(&stamp, n);
            let path = self.dir.join(&name);
            match atomic::put(staged.take().expect("staged"), &path, false, &path)? {
                Some(_) => {
                    self.prune()?;
                    return Ok(name);
                }
                // Another writer took this name in the same millisecond: take the next.
                None => staged = Some(atomic::stage(&first, bytes, Some(0o600), &first)?),
            }
        }
        Err(Error::io("io-write", &first)(std::io::Error::other("no free backup name")))
    }

    /// Backs up the file at `target`, whose bytes are `bytes`, by a hard link
    /// when it can: atomic, no copy and no fsync, since the file's data is
    /// already on disk. The caller must check afterwards that `target` still
    /// holds `bytes` (an in-place write would change the backup too) and call
    /// [`Backups::seal`] once `target` has been replaced. Falls back to
    /// [`Backups::save`] (across file systems, or where links are refused).
    pub(crate) fn link_or_save(&self, target: &Path, bytes: &[u8]) -> Result<String> {
        atomic::create_private_dir(&self.dir)?;
        let stamp = stamp();
        for n in 0..1000 {
            let name = numbered(&stamp, n);
            match fs::hard_link(target, self.dir.join(&name)) {
                Ok(()) => {
                    self.prune()?;
                    return Ok(name);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(_) => break,
            }
        }
        self.save(bytes)
    }

    /// Makes a linked backup private (0600) once it is no longer config.toml's inode.
    pub(crate) fn seal(&self, name: &str) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(self.dir.join(name), fs::Permissions::from_mode(0o600));
        }
        let _ = name;
    }

    /// Removes one backup (a copy taken for a write that did not happen).
    pub(crate) fn remove(&self, name: &str) {
        let _ = fs::remove_file(self.dir.join(name));
    }

    /// Removes `secret` from every backup that holds it, under Switchboard's
    /// lock: each occurrence is replaced by [`SCRUBBED`], written to a temporary
    /// file in this folder, synced and renamed over the backup, so a crash
    /// leaves either the old or the new copy. A backup that still holds the
    /// secret in another spelling (a TOML escape) is deleted. Only our own
    /// backup files (`config-*.toml`, regular files) are read or changed.
    pub fn scrub(&self, _lock: &crate::edit::lock::Lock, secret: &str) -> Result<Scrubbed> {
        let mut done = Scrubbed::default();
        if secret.is_empty() {
            return Ok(done);
        }
        for name in self.names()? {
            let path = self.dir.join(&name);
            if !fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file()) {
                continue;
            }
            let Some(bytes) = atomic::read_regular(&path, &path)? else { continue };
            let text = String::from_utf8_lossy(&bytes);
            let cleaned = text.replace(secret, SCRUBBED);
            let still = holds_string(&cleaned, secret);
            if still {
                fs::remove_file(&path).map_err(Error::io("io-remove", &path))?;
                atomic::sync_dir(&self.dir);
                done.removed.push(name);
            } else if cleaned != text {
                atomic::stage(&path, cleaned.as_bytes(), Some(0o600), &path)?.replace(&path)?;
                done.rewritten.push(name);
            }
        }
        Ok(done)
    }

    /// Backups, newest first.
    pub fn list(&self) -> Result<Vec<BackupInfo>> {
        let mut names = self.names()?;
        names.reverse();
        names
            .into_iter()
            .map(|name| {
                let meta = fs::metadata(self.dir.join(&name)).map_err(Error::io("io-read", self.dir.join(&name)))?;
                let taken = taken_from_name(&name);
                Ok(BackupInfo { name, size: meta.len(), taken })
            })
            .collect()
    }

    /// The bytes of one backup, checked to be a whole config: not empty, UTF-8,
    /// valid TOML. Only plain names from `list` are accepted.
    pub fn read_valid(&self, name: &str) -> Result<Vec<u8>> {
        let bytes = self.read(name)?;
        let bad = |id: &'static str, args: Args| Error::BadBackup { name: name.into(), why: Words::new(id, args) };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(bad("reason-backup-empty", Args::new()));
        }
        let text = String::from_utf8(bytes).map_err(|_| bad("reason-backup-not-utf8", Args::new()))?;
        crate::edit::config_doc::ConfigDoc::parse(text.clone(), Path::new(name)).map_err(|e| match e {
            Error::InvalidToml { line, column, .. } => bad("reason-backup-not-toml", Args::new().text("line", line).text("column", column)),
            other => bad("reason-backup-unusable", Args::new().words("error", other.as_words())),
        })?;
        Ok(text.into_bytes())
    }

    /// The bytes of one backup. Only plain names from `list` are accepted.
    pub fn read(&self, name: &str) -> Result<Vec<u8>> {
        let valid = name.starts_with(PREFIX)
            && name.ends_with(SUFFIX)
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
            && !name.contains("..");
        let path = self.dir.join(name);
        if !valid || !path.is_file() {
            return Err(Error::UnknownBackup(name.into()));
        }
        atomic::read_regular(&path, &path)?.ok_or_else(|| Error::UnknownBackup(name.into()))
    }

    /// Names, oldest first (the timestamp makes names sort by time).
    fn names(&self) -> Result<Vec<String>> {
        let rd = match fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("io-read", &self.dir)(e)),
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX) && n.len() >= PREFIX.len() + SUFFIX.len())
            .collect();
        names.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        Ok(names)
    }

    /// Keeps the newest [`KEEP`]. Empty copies (left by versions before backups
    /// were atomic) go first, so a good backup is never dropped to keep a bad one.
    fn prune(&self) -> Result<()> {
        let mut names = self.names()?;
        names.retain(|name| {
            let path = self.dir.join(name);
            let empty = fs::metadata(&path).is_ok_and(|m| m.len() == 0);
            if empty {
                let _ = fs::remove_file(&path);
            }
            !empty
        });
        if names.len() > KEEP {
            for name in &names[..names.len() - KEEP] {
                let _ = fs::remove_file(self.dir.join(name));
            }
        }
        Ok(())
    }
}

/// Whether any string (value or key) of the TOML `text` contains `needle` once
/// escapes are decoded. Text that does not parse is searched as it is.
fn holds_string(text: &str, needle: &str) -> bool {
    fn item(i: &toml_edit::Item, n: &str) -> bool {
        match i {
            toml_edit::Item::Value(v) => value(v, n),
            toml_edit::Item::Table(t) => t.iter().any(|(k, v)| k.contains(n) || item(v, n)),
            toml_edit::Item::ArrayOfTables(a) => a.iter().any(|t| t.iter().any(|(k, v)| k.contains(n) || item(v, n))),
            toml_edit::Item::None => false,
        }
    }
    fn value(v: &toml_edit::Value, n: &str) -> bool {
        match v {
            toml_edit::Value::String(s) => s.value().contains(n),
            toml_edit::Value::Array(a) => a.iter().any(|v| value(v, n)),
            toml_edit::Value::InlineTable(t) => t.iter().any(|(k, v)| k.contains(n) || value(v, n)),
            _ => false,
        }
    }
    match text.parse::<toml_edit::DocumentMut>() {
        Ok(doc) => item(doc.as_item(), needle),
        Err(_) => text.contains(needle),
    }
}

/// `YYYYMMDD-HHMMSS-mmm` in UTC.
fn stamp() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}-{:03}",
        now.year(),
        now.month() as u8,
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.millisecond()
    )
}

fn numbered(stamp: &str, n: u32) -> String {
    if n == 0 { format!("{PREFIX}{stamp}{SUFFIX}") } else { format!("{PREFIX}{stamp}-{n}{SUFFIX}") }
}

/// `config-20261121-215211-123-2.toml` sorts after `...-123-1.toml` and `...-123.toml`.
fn sort_key(name: &str) -> (String, u32) {
    let core = &name[PREFIX.len()..name.len() - SUFFIX.len()];
    let parts: Vec<&str> = core.split('-').collect();
    let n = if parts.len() > 3 { parts[3].parse().unwrap_or(0) } else { 0 };
    (parts.iter().take(3).copied().collect::<Vec<_>>().join("-"), n)
}

fn taken_from_name(name: &str) -> String {
    let core = &name[PREFIX.len()..name.len() - SUFFIX.len()];
    let b = core.as_bytes();
    if b.len() >= 15 && core.is_ascii() {
        format!("{}-{}-{} {}:{}:{}", &core[0..4], &core[4..6], &core[6..8], &core[9..11], &core[11..13], &core[13..15])
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_twenty_in_order() {
        let tmp = tempfile::tempdir().unwrap();
        let b = Backups::new(tmp.path());
        let mut saved = Vec::new();
        for i in 0..25 {
            saved.push(b.save(format!("v{i}").as_bytes()).unwrap());
        }
        let list = b.list().unwrap();
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0].name, saved[24], "newest first");
        assert_eq!(b.read(&list[0].name).unwrap(), b"v24");
        assert_eq!(b.read(&list[KEEP - 1].name).unwrap(), b"v5");
        assert!(list[0].taken.len() == 19, "{}", list[0].taken);
    }

    #[test]
    fn empty_leftovers_never_push_out_good_backups() {
        let tmp = tempfile::tempdir().unwrap();
        let b = Backups::new(tmp.path());
        b.save(b"model = \"good\"\n").unwrap();
        for i in 0..25 {
            fs::write(b.dir().join(format!("config-20990101-000000-{i:03}.toml")), "").unwrap();
        }
        b.save(b"model = \"newer\"\n").unwrap();
        let list = b.list().unwrap();
        assert_eq!(list.len(), 2, "{list:?}");
        assert!(list.iter().all(|i| i.size > 0));
        let names: Vec<_> = fs::read_dir(b.dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert!(names.iter().all(|n| !n.ends_with(".sbtmp")), "{names:?}");
    }

    #[test]
    fn restore_reads_only_whole_configs() {
        let tmp = tempfile::tempdir().unwrap();
        let b = Backups::new(tmp.path());
        atomic::create_private_dir(b.dir()).unwrap();
        for (name, body, why) in [
            ("config-20260101-000000-001.toml", "", "empty"),
            ("config-20260101-000000-002.toml", "model = \"trunc", "not valid TOML"),
            ("config-20260101-000000-003.toml", "\u{0}\u{0}", "not valid TOML"),
        ] {
            fs::write(b.dir().join(name), body).unwrap();
            let e = b.read_valid(name).unwrap_err();
            assert_eq!(e.code(), "bad_backup");
            assert!(e.to_string().contains(why), "{e}");
        }
        fs::write(b.dir().join("config-20260101-000000-004.toml"), [0xff, 0xfe]).unwrap();
        assert!(b.read_valid("config-20260101-000000-004.toml").unwrap_err().to_string().contains("UTF-8"));
    }

    #[test]
    fn scrub_rewrites_our_backups_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let b = Backups::new(tmp.path());
        let lock = crate::edit::lock::lock(b.dir()).unwrap();
        let plain = b.save(b"[model_providers.a]\nexperimental_bearer_token = \"sk-scrub-1\"\n# keep me\n").unwrap();
        let escaped = b.save(b"[model_providers.a]\nexperimental_bearer_token = \"sk-scrub-\\u0031\"\n").unwrap();
        let clean = b.save(b"model = \"m\"\n").unwrap();
        let other = b.dir().join("notes.txt");
        fs::write(&other, "sk-scrub-1").unwrap();
        let done = b.scrub(&lock, "sk-scrub-1").unwrap();
        assert_eq!(done.rewritten, vec![plain.clone()]);
        assert_eq!(done.removed, vec![escaped.clone()]);
        let text = String::from_utf8(b.read(&plain).unwrap()).unwrap();
        assert_eq!(text, format!("[model_providers.a]\nexperimental_bearer_token = \"{SCRUBBED}\"\n# keep me\n"));
        assert_eq!(b.read(&clean).unwrap(), b"model = \"m\"\n");
        assert!(b.read(&escaped).is_err());
        assert_eq!(fs::read_to_string(&other).unwrap(), "sk-scrub-1", "not our file: untouched");
        assert_eq!(b.scrub(&lock, "sk-scrub-1").unwrap().count(), 0, "a second pass finds nothing");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(b.dir().join(&plain)).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn refuses_names_outside_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let b = Backups::new(tmp.path());
        b.save(b"x").unwrap();
        for bad in ["../config.toml", "config-../../x.toml", "nope", "/etc/passwd"] {
            assert_eq!(b.read(bad).unwrap_err().code(), "unknown_backup", "{bad}");
        }
    }
}
