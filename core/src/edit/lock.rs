//! The one lock that serialises Switchboard's writers (every CLI process and
//! the app) over a Codex home: a `Lock` is the proof an operation holds it.

use std::fs;
use std::path::Path;

use super::atomic;
use crate::error::{Error, Result};

/// Proof that Switchboard's lock is held: the operations that take a `&Lock`
/// can only run inside one transaction. Released on drop.
#[derive(Debug)]
pub struct Lock {
    _file: fs::File,
}

/// Takes the one lock that serialises Switchboard's writers (every CLI process
/// and the app) over a Codex home. `dir` is created 0700 if missing.
pub fn lock(dir: &Path) -> Result<Lock> {
    atomic::create_private_dir(dir)?;
    let path = dir.join(".lock");
    let mut opts = fs::OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let f = opts.open(&path).map_err(Error::io("open", &path))?;
    f.lock().map_err(Error::io("lock", &path))?;
    Ok(Lock { _file: f })
}

