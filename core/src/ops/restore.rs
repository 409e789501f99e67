//! Backups of config.toml: the list, and putting one back.

use super::switchboard::{Outcome, Switchboard};
use crate::edit::backup::BackupInfo;
use crate::error::Result;

impl Switchboard {
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        self.config.backups().expect("config has backups").list()
    }

    /// Puts a backup back; the current file is backed up first. A backup that is
    /// empty or not valid TOML is refused, and nothing changes.
    pub fn restore(&self, name: &str) -> Result<Outcome> {
        let bytes = self.config.backups().expect("config has backups").read_valid(name)?;
        let written = self.config.replace(&bytes)?;
        let id = if written.changed { "op-restored" } else { "op-restore-same" };
        let words = crate::locale::Words::new(id, crate::locale::Args::new().text("name", name));
        Ok(Outcome { backup: written.backup, ..Outcome::said(words) })
    }
}
