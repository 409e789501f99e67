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
    let f = opts.open(&path).map_err(Error::io("io-open", &path))?;
    f.lock().map_err(Error::io("io-lock", &path))?;
    Ok(Lock { _file: f })
}


/// Waits, up to `at_most`, until no writer holds the lock in `dir`, without
/// taking it for writing or creating anything: a watcher calls this so that one
/// transaction's writes (config.toml, then a profile file) are seen as one change.
/// Returns at once when there is no lock file.
pub fn wait_for_writers(dir: &Path, at_most: std::time::Duration) {
    let Ok(f) = fs::File::open(dir.join(".lock")) else { return };
    let until = std::time::Instant::now() + at_most;
    loop {
        match f.try_lock_shared() {
            Ok(()) => {
                let _ = f.unlock();
                return;
            }
            Err(fs::TryLockError::WouldBlock) if std::time::Instant::now() < until => {
                std::thread::sleep(std::time::Duration::from_millis(15));
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_watcher_waits_for_the_writer_and_never_creates_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let start = Instant::now();
        wait_for_writers(dir.path(), Duration::from_secs(5));
        assert!(start.elapsed() < Duration::from_millis(100));
        assert!(!dir.path().join(".lock").exists(), "waiting creates nothing");

        let held = lock(dir.path()).unwrap();
        let released = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(held);
            Instant::now()
        });
        wait_for_writers(dir.path(), Duration::from_secs(5));
        let done = Instant::now();
        let at = released.join().unwrap();
        assert!(done >= at, "returned only once the writer let go");

        let _again = lock(dir.path()).unwrap();
        let start = Instant::now();
        wait_for_writers(dir.path(), Duration::from_millis(200));
        assert!(start.elapsed() >= Duration::from_millis(200), "a writer that never lets go is waited for only so long");
    }
}
