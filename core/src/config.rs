//! A TOML file on disk (config.toml or a profile file): read, edit with
//! `ConfigDoc`, and write back atomically.
//!
//! Writing: a temporary file in the target's directory, fsync, rename.
//! Symlinks are followed so the link stays a link; the file's mode is kept
//! (0600 for a new file). Before a write, the bytes on disk are compared with
//! the bytes the edit was made from: if someone else changed the file in the
//! meantime, the edit is re-applied to their version, so their edit survives.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::backup::Backups;
use crate::document::ConfigDoc;
use crate::error::{Error, Result};

/// Larger files are refused: no Codex config is this big, and reading it would hang the UI.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
const RETRIES: usize = 8;

#[derive(Debug, Clone)]
pub struct TomlFile {
    path: PathBuf,
    backups: Option<Backups>,
    lock_dir: PathBuf,
}

/// What one write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub changed: bool,
    pub backup: Option<String>,
}

impl TomlFile {
    /// `$CODEX_HOME/config.toml`, backed up before every write.
    pub fn config(codex_home: &Path) -> Self {
        let backups = Backups::new(codex_home);
        TomlFile { path: codex_home.join("config.toml"), lock_dir: backups.dir().to_owned(), backups: Some(backups) }
    }

    /// A file written without backups (a profile file).
    pub fn plain(path: PathBuf, lock_dir: PathBuf) -> Self {
        TomlFile { path, backups: None, lock_dir }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn backups(&self) -> Option<&Backups> {
        self.backups.as_ref()
    }

    /// The real file behind any chain of symlinks (the path itself if it is none).
    pub fn target(&self) -> Result<PathBuf> {
        let mut p = self.path.clone();
        for _ in 0..40 {
            match fs::symlink_metadata(&p) {
                Ok(m) if m.file_type().is_symlink() => {
                    let link = fs::read_link(&p).map_err(Error::io("read", &p))?;
                    p = if link.is_absolute() { link } else { p.parent().unwrap_or(Path::new("/")).join(link) };
                }
                _ => return Ok(p),
            }
        }
        Err(Error::Io {
            action: "follow",
            path: self.path.clone(),
            source: std::io::Error::other("too many levels of symbolic links"),
        })
    }

    /// The file's bytes, or `None` when it does not exist yet.
    pub fn read_bytes(&self) -> Result<Option<Vec<u8>>> {
        let target = self.target()?;
        match fs::metadata(&target) {
            Ok(m) if m.len() as usize > MAX_BYTES => {
                return Err(Error::InvalidInput(format!(
                    "{} is {} MB, far larger than any Codex config; Switchboard will not edit it.",
                    self.path.display(),
                    m.len() / 1_000_000
                )));
            }
            Ok(m) if m.is_dir() => {
                return Err(Error::InvalidInput(format!("{} is a folder, not a file.", self.path.display())));
            }
            _ => {}
        }
        match fs::read(&target) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("read", &self.path)(e)),
        }
    }

    pub fn parse(&self, bytes: Option<&[u8]>) -> Result<ConfigDoc> {
        let text = match bytes {
            None => String::new(),
            Some(b) => String::from_utf8(b.to_vec()).map_err(|e| {
                let offset = e.utf8_error().valid_up_to();
                let before = &b[..offset];
                Error::InvalidToml {
                    path: self.path.clone(),
                    line: before.iter().filter(|&&c| c == b'\n').count() + 1,
                    column: before.rsplit(|&c| c == b'\n').next().map_or(0, |l| l.len()) + 1,
                    reason: "the file is not UTF-8 text".into(),
                }
            })?,
        };
        ConfigDoc::parse(text, &self.path)
    }

    pub fn load(&self) -> Result<ConfigDoc> {
        self.parse(self.read_bytes()?.as_deref())
    }

    /// Applies `edit` to the current file and writes the result if it changed.
    /// `edit` may run more than once (when the file changes underneath us), so it
    /// must be a pure function of the document it is given.
    pub fn update(&self, mut edit: impl FnMut(&mut ConfigDoc) -> Result<()>) -> Result<Written> {
        self.write_with(|bytes| {
            let mut doc = self.parse(bytes)?;
            edit(&mut doc)?;
            Ok(doc.into_text().into_bytes())
        })
    }

    /// Replaces the whole file with `bytes` (used by restore), with the same
    /// backup, lock and atomic write as any edit.
    pub fn replace(&self, bytes: &[u8]) -> Result<Written> {
        self.write_with(|_| Ok(bytes.to_vec()))
    }

    fn write_with(&self, mut produce: impl FnMut(Option<&[u8]>) -> Result<Vec<u8>>) -> Result<Written> {
        let _lock = self.lock()?;
        let target = self.target()?;
        let mut current = self.read_bytes()?;
        for _ in 0..RETRIES {
            let new = produce(current.as_deref())?;
            if current.as_deref() == Some(new.as_slice()) || (current.is_none() && new.is_empty()) {
                return Ok(Written::default());
            }
            let tmp = self.stage(&target, &new, current.is_some())?;
            // Someone else may have written while we worked: never overwrite them.
            let now = self.read_bytes()?;
            if now != current {
                current = now;
                continue;
            }
            let backup = match (&self.backups, &current) {
                (Some(b), Some(old)) => Some(b.save(old)?),
                _ => None,
            };
            tmp.persist(&target).map_err(|e| Error::io("replace", &target)(e.error))?;
            if let Some(dir) = target.parent() {
                if let Ok(d) = fs::File::open(dir) {
                    let _ = d.sync_all();
                }
            }
            return Ok(Written { changed: true, backup });
        }
        Err(Error::ConcurrentEdit)
    }

    /// Writes `bytes` to a synced temporary file beside `target`, with the target's mode.
    fn stage(&self, target: &Path, bytes: &[u8], exists: bool) -> Result<tempfile::NamedTempFile> {
        let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(Error::io("create", dir))?;
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(Error::io("write into", dir))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = if exists { fs::metadata(target).map(|m| m.permissions().mode() & 0o7777).unwrap_or(0o600) } else { 0o600 };
            fs::set_permissions(tmp.path(), fs::Permissions::from_mode(mode)).map_err(Error::io("write", tmp.path()))?;
        }
        let _ = exists;
        tmp.write_all(bytes).map_err(Error::io("write", tmp.path()))?;
        tmp.as_file().sync_all().map_err(Error::io("write", tmp.path()))?;
        Ok(tmp)
    }

    /// Serialises Switchboard's own writers (the app and the CLI) on one file lock.
    fn lock(&self) -> Result<fs::File> {
        fs::create_dir_all(&self.lock_dir).map_err(Error::io("create", &self.lock_dir))?;
        let path = self.lock_dir.join(".lock");
        let f = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(Error::io("open", &path))?;
        f.lock().map_err(Error::io("lock", &path))?;
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Want;

    fn set_model(doc: &mut ConfigDoc) -> Result<()> {
        doc.set_top_level("model", Some("m2")).map(|_| ())
    }

    #[test]
    fn new_file_gets_0600_and_no_backup() {
        let tmp = tempfile::tempdir().unwrap();
        let f = TomlFile::config(tmp.path());
        let w = f.update(set_model).unwrap();
        assert_eq!(w, Written { changed: true, backup: None });
        assert_eq!(fs::read_to_string(f.path()).unwrap(), "model = \"m2\"\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(f.path()).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn keeps_mode_and_symlink_and_backs_up() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dotfiles = tmp.path().join("dotfiles/codex");
        fs::create_dir_all(&dotfiles).unwrap();
        let real = dotfiles.join("config.toml");
        fs::write(&real, "model = \"m1\"\n").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let home = tmp.path().join("home");
        fs::create_dir(&home).unwrap();
        std::os::unix::fs::symlink("../dotfiles/codex/config.toml", home.join("config.toml")).unwrap();
        let f = TomlFile::config(&home);
        let w = f.update(set_model).unwrap();
        assert!(w.changed);
        assert!(fs::symlink_metadata(home.join("config.toml")).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "model = \"m2\"\n");
        assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        let b = f.backups().unwrap();
        assert_eq!(b.read(&w.backup.unwrap()).unwrap(), b"model = \"m1\"\n");
        let leftovers: Vec<_> = fs::read_dir(&dotfiles).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
    }

    #[test]
    fn an_edit_made_meanwhile_is_kept_and_ours_reapplied() {
        let tmp = tempfile::tempdir().unwrap();
        let f = TomlFile::config(tmp.path());
        fs::write(f.path(), "model = \"m1\"\n").unwrap();
        let mut runs = 0;
        let w = f
            .update(|doc| {
                runs += 1;
                if runs == 1 {
                    // Another editor saves while our first attempt is in flight.
                    fs::write(tmp.path().join("config.toml"), "# theirs\nmodel = \"m1\"\n[tui]\nx = 1\n").unwrap();
                }
                doc.upsert_provider("p", &[("name".into(), Want::Set("P".into()))])?;
                Ok(())
            })
            .unwrap();
        assert!(w.changed);
        assert_eq!(runs, 2);
        let text = fs::read_to_string(f.path()).unwrap();
        assert!(text.starts_with("# theirs\nmodel = \"m1\"\n[tui]\nx = 1\n"), "{text}");
        assert!(text.contains("[model_providers.p]"), "{text}");
    }

    #[test]
    fn no_change_means_no_write_and_no_backup() {
        let tmp = tempfile::tempdir().unwrap();
        let f = TomlFile::config(tmp.path());
        fs::write(f.path(), "model = \"m2\"\n").unwrap();
        assert_eq!(f.update(set_model).unwrap(), Written::default());
        assert!(f.backups().unwrap().list().unwrap().is_empty());
    }

    #[test]
    fn refuses_non_utf8_and_huge_files_without_writing() {
        let tmp = tempfile::tempdir().unwrap();
        let f = TomlFile::config(tmp.path());
        let bad = b"model = \"a\"\n\xff\xfe = 1\n".to_vec();
        fs::write(f.path(), &bad).unwrap();
        let e = f.update(set_model).unwrap_err();
        assert_eq!(e.code(), "invalid_toml");
        assert!(e.to_string().contains("line 2"), "{e}");
        assert_eq!(fs::read(f.path()).unwrap(), bad);
        let huge = vec![b'#'; MAX_BYTES + 1];
        fs::write(f.path(), &huge).unwrap();
        assert_eq!(f.update(set_model).unwrap_err().code(), "invalid_input");
        assert_eq!(fs::read(f.path()).unwrap().len(), huge.len());
    }
}
