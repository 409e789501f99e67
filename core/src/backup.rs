//! Timestamped copies of config.toml, taken before every write. The newest 20 are kept.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

pub const KEEP: usize = 20;
const PREFIX: &str = "config-";
const SUFFIX: &str = ".toml";

#[derive(Debug, Clone)]
pub struct Backups {
    dir: PathBuf,
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

    pub(crate) fn ensure_dir(&self) -> Result<()> {
        if !self.dir.is_dir() {
            fs::create_dir_all(&self.dir).map_err(Error::io("create", &self.dir))?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700));
            }
        }
        Ok(())
    }

    /// Saves `bytes` as a new backup (mode 0600) and prunes old ones. Returns its name.
    pub fn save(&self, bytes: &[u8]) -> Result<String> {
        self.ensure_dir()?;
        let now = time::OffsetDateTime::now_utc();
        let stamp = format!(
            "{:04}{:02}{:02}-{:02}{:02}{:02}-{:03}",
            now.year(),
            now.month() as u8,
            now.day(),
            now.hour(),
            now.minute(),
            now.second(),
            now.millisecond()
        );
        let mut n = 0;
        loop {
            let name = if n == 0 { format!("{PREFIX}{stamp}{SUFFIX}") } else { format!("{PREFIX}{stamp}-{n}{SUFFIX}") };
            let path = self.dir.join(&name);
            let mut opts = fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            match opts.open(&path) {
                Ok(mut f) => {
                    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(Error::io("write", &path))?;
                    self.prune()?;
                    return Ok(name);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(Error::io("write", &path)(e)),
            }
        }
    }

    /// Backups, newest first.
    pub fn list(&self) -> Result<Vec<BackupInfo>> {
        let mut names = self.names()?;
        names.reverse();
        names
            .into_iter()
            .map(|name| {
                let meta = fs::metadata(self.dir.join(&name)).map_err(Error::io("read", self.dir.join(&name)))?;
                let taken = taken_from_name(&name);
                Ok(BackupInfo { name, size: meta.len(), taken })
            })
            .collect()
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
        fs::read(&path).map_err(Error::io("read", &path))
    }

    /// Names, oldest first (the timestamp makes names sort by time).
    fn names(&self) -> Result<Vec<String>> {
        let rd = match fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read", &self.dir)(e)),
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
            .collect();
        names.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        Ok(names)
    }

    fn prune(&self) -> Result<()> {
        let names = self.names()?;
        if names.len() > KEEP {
            for name in &names[..names.len() - KEEP] {
                let _ = fs::remove_file(self.dir.join(name));
            }
        }
        Ok(())
    }
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
    fn refuses_names_outside_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let b = Backups::new(tmp.path());
        b.save(b"x").unwrap();
        for bad in ["../config.toml", "config-../../x.toml", "nope", "/etc/passwd"] {
            assert_eq!(b.read(bad).unwrap_err().code(), "unknown_backup", "{bad}");
        }
    }
}
