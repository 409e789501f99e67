//! A TOML file on disk (config.toml or a profile file): read, edit with
//! `ConfigDoc`, and commit back atomically under Switchboard's one lock.
//!
//! One commit, in order:
//! 1. read and decide without the lock: a refusal (or no change) takes no lock
//!    and creates nothing;
//! 2. take the lock; re-read; re-decide only if the bytes changed;
//! 3. stage the new bytes (temp file, fsync) and take the backup (a hard link
//!    to the current file, else a synced copy renamed into place) *before* the
//!    final re-read, so the window between that check and the replace holds
//!    nothing but the swap itself;
//! 4. swap the file in (`renameat2(RENAME_EXCHANGE)` where the OS has it) and
//!    compare what was displaced with what we decided on: if another program
//!    wrote in that window, its version is swapped straight back (one more
//!    syscall) and the edit is decided again on top of it.
//!
//! Symlinks are followed so the link stays a link; the file's mode is kept
//! (0600 for a new file).

#[cfg(any(unix, test))]
use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{self, Swap};
use super::backup::Backups;
use super::config_doc::ConfigDoc;
use super::lock::{Lock, lock};
use crate::error::{Error, Result};

pub use super::atomic::MAX_BYTES;

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

/// What an edit would write, decided without the lock (see [`TomlFile::decide`]).
#[derive(Debug, Clone)]
pub struct Decision {
    current: Option<Vec<u8>>,
    new: Vec<u8>,
}

impl Decision {
    /// Whether committing it would change the file.
    pub fn changes(&self) -> bool {
        !unchanged(self.current.as_deref(), &self.new)
    }
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

    /// Takes the lock this file's writers share.
    pub fn lock(&self) -> Result<Lock> {
        lock(&self.lock_dir)
    }

    /// The real file behind any chain of symlinks (the path itself if it is none).
    pub fn target(&self) -> Result<PathBuf> {
        atomic::follow(&self.path)
    }

    /// The file's bytes, or `None` when it does not exist yet. Anything but a
    /// regular file is refused without waiting, and reads are bounded.
    pub fn read_bytes(&self) -> Result<Option<Vec<u8>>> {
        atomic::read_regular(&self.target()?, &self.path)
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

    /// Applies `edit` to the current file and commits the result if it changed,
    /// taking the lock only when there is something to write.
    /// `edit` may run more than once (when the file changes underneath us), so it
    /// must be a pure function of the document it is given.
    pub fn update(&self, mut edit: impl FnMut(&mut ConfigDoc) -> Result<()>) -> Result<Written> {
        let decided = self.decide(&mut edit)?;
        if !decided.changes() {
            return Ok(Written::default());
        }
        let lock = self.lock()?;
        self.commit(&lock, edit, Some(decided))
    }

    /// Runs `edit` on the current file without the lock and without writing: a
    /// refusal here has touched nothing. Hand the result to [`TomlFile::commit`],
    /// which reuses it if the file is unchanged by then.
    pub fn decide(&self, mut edit: impl FnMut(&mut ConfigDoc) -> Result<()>) -> Result<Decision> {
        let current = self.read_bytes()?;
        let new = self.edited(current.as_deref(), &mut edit)?;
        Ok(Decision { current, new })
    }

    /// Commits `edit` inside a transaction that holds the lock: one read, one
    /// decision (re-made only if the file changed), one write, one backup.
    pub fn commit(&self, lock: &Lock, mut edit: impl FnMut(&mut ConfigDoc) -> Result<()>, decided: Option<Decision>) -> Result<Written> {
        self.commit_with(lock, &mut |bytes| self.edited(bytes, &mut edit), decided.map(|d| (d.current, d.new)))
    }

    /// [`TomlFile::commit`] with no decision made beforehand.
    pub fn update_locked(&self, lock: &Lock, edit: impl FnMut(&mut ConfigDoc) -> Result<()>) -> Result<Written> {
        self.commit(lock, edit, None)
    }

    /// Replaces the whole file with `bytes` (used by restore), with the same
    /// backup, lock and atomic write as any edit.
    pub fn replace(&self, bytes: &[u8]) -> Result<Written> {
        let lock = self.lock()?;
        self.commit_with(&lock, &mut |_| Ok(bytes.to_vec()), None)
    }

    fn edited(&self, bytes: Option<&[u8]>, edit: &mut impl FnMut(&mut ConfigDoc) -> Result<()>) -> Result<Vec<u8>> {
        let mut doc = self.parse(bytes)?;
        edit(&mut doc)?;
        Ok(doc.into_text().into_bytes())
    }

    /// The commit loop (see the module comment). `decided` is a decision made
    /// before the lock was taken: reused if the file has not changed since.
    fn commit_with(
        &self,
        _lock: &Lock,
        produce: &mut dyn FnMut(Option<&[u8]>) -> Result<Vec<u8>>,
        decided: Option<(Option<Vec<u8>>, Vec<u8>)>,
    ) -> Result<Written> {
        let target = self.target()?;
        let shown = self.path.as_path();
        atomic::sweep(atomic::parent(&target));
        // What we believe the file holds, and the bytes we want it to hold instead.
        let (mut on_disk, mut new) = match decided {
            Some((current, new)) => (current, Some(new)),
            None => (None, None),
        };
        let mut first = true;
        for _ in 0..RETRIES {
            let now = self.read_bytes()?;
            if now != on_disk || (first && new.is_none()) {
                // Someone else wrote (or this is the first look): decide on their version.
                on_disk = now;
                new = None;
            }
            first = false;
            let wanted = match new.take() {
                Some(n) => n,
                None => produce(on_disk.as_deref())?,
            };
            if unchanged(on_disk.as_deref(), &wanted) {
                return Ok(Written::default());
            }
            let mode = if on_disk.is_some() { file_mode(&target) } else { None };
            let staged = atomic::stage(&target, &wanted, mode, shown)?;
            // The backup is taken (and synced) before the final check, not after it.
            let backup = match (&self.backups, &on_disk) {
                (Some(b), Some(old)) if !old.is_empty() => Some(b.link_or_save(&target, old)?),
                _ => None,
            };
            if self.read_bytes()? != on_disk {
                self.drop_backup(backup);
                continue;
            }
            #[cfg(test)]
            tests::before_swap(&target);
            match atomic::put(staged, &target, on_disk.is_some(), shown)? {
                None => self.drop_backup(backup),
                Some(Swap::Created | Swap::Renamed) => return Ok(self.sealed(backup)),
                Some(Swap::Exchanged { displaced, leftover }) => {
                    if Some(&displaced) == on_disk.as_ref() {
                        drop(leftover);
                        return Ok(self.sealed(backup));
                    }
                    // Another program wrote between our final check and the swap: put
                    // its version straight back, then decide again on top of it.
                    atomic::swap_back(leftover, &target, &wanted, shown)?;
                    self.drop_backup(backup);
                }
            }
        }
        Err(Error::ConcurrentEdit)
    }

    fn sealed(&self, backup: Option<String>) -> Written {
        if let (Some(b), Some(name)) = (&self.backups, &backup) {
            b.seal(name);
        }
        Written { changed: true, backup }
    }

    fn drop_backup(&self, name: Option<String>) {
        if let (Some(b), Some(n)) = (&self.backups, name) {
            b.remove(&n);
        }
    }
}

fn unchanged(current: Option<&[u8]>, new: &[u8]) -> bool {
    current == Some(new) || (current.is_none() && new.is_empty())
}

fn file_mode(target: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(target).ok().map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = target;
        None
    }
}

#[cfg(test)]
mod tests;
