//! File mechanics that know nothing of TOML: bounded reads that refuse
//! anything but a regular file, synced temporary files, the atomic swap that
//! hands back the file it displaced, and sweeping our own crash debris.
//!
//! Temporary files are named `.<target name>.<random>.sbtmp`, beside their
//! target, so a crash can only leave names that [`sweep`] recognises.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// Larger files are refused: no Codex config is this big, and reading it would hang the UI.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// Our temporary files end with this.
pub const TEMP_SUFFIX: &str = ".sbtmp";
/// A temporary file of ours older than this was left by a crash.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// Reads a regular file, following symlinks; `None` when it does not exist.
///
/// A FIFO, socket or device is refused before it is opened for reading (and the
/// open itself never blocks), and at most [`MAX_BYTES`] are read whatever the
/// file claims its size is.
pub fn read_regular(path: &Path, shown: &Path) -> Result<Option<Vec<u8>>> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(Error::NotAFile { path: shown.to_owned(), kind: "kind-folder" }),
        Ok(m) if !m.is_file() => return Err(Error::NotAFile { path: shown.to_owned(), kind: special_kind(&m) }),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("io-read", shown)(e)),
    }
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Swapped for a FIFO since the check above: the open must not wait for a writer.
        opts.custom_flags(libc_nonblock());
    }
    let file = match opts.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("io-read", shown)(e)),
    };
    let meta = file.metadata().map_err(Error::io("io-read", shown))?;
    if !meta.is_file() {
        return Err(Error::NotAFile { path: shown.to_owned(), kind: special_kind(&meta) });
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_BYTES) as usize);
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(Error::io("io-read", shown))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::TooLarge { path: shown.to_owned(), limit_mb: MAX_BYTES / 1024 / 1024 });
    }
    Ok(Some(bytes))
}

#[cfg(unix)]
fn libc_nonblock() -> i32 {
    rustix::fs::OFlags::NONBLOCK.bits() as i32
}

fn special_kind(m: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "kind-fifo";
        }
        if t.is_socket() {
            return "kind-socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "kind-device";
        }
    }
    let _ = m;
    "kind-special"
}

/// A synced temporary file beside its target, removed on drop unless swapped in.
pub struct Staged {
    /// The file is closed once written and synced (Windows cannot rename or replace with
    /// a file still open for writing); the path is removed when dropped.
    tmp: tempfile::TempPath,
}

impl Staged {
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Renames the staged file over `target` (no swap, no check): for files only
    /// Switchboard writes, under its lock.
    pub fn replace(self, target: &Path) -> Result<()> {
        self.tmp.persist(target).map_err(|e| Error::io("io-write", target)(e.error))?;
        sync_dir(parent(target));
        Ok(())
    }
}

/// Writes `bytes` to a synced temporary file in `target`'s folder with `mode`
/// (unix permission bits). `shown` names the file in errors.
pub fn stage(target: &Path, bytes: &[u8], mode: Option<u32>, shown: &Path) -> Result<Staged> {
    let dir = parent(target);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(Error::io("io-write", shown))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = mode.unwrap_or(0o600);
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode)).map_err(Error::io("io-write", shown))?;
    }
    let _ = mode;
    tmp.write_all(bytes).map_err(Error::io("io-write", shown))?;
    tmp.as_file().sync_all().map_err(Error::io("io-write", shown))?;
    Ok(Staged { tmp: tmp.into_temp_path() })
}

/// What putting a staged file in place did.
pub enum Swap {
    /// The target was swapped atomically; `displaced` is what it held the instant
    /// before, and `leftover` holds that file until dropped (or swapped back).
    Exchanged { displaced: Vec<u8>, leftover: Staged },
    /// Replaced by a plain rename (no atomic swap on this system or file system);
    /// what it held the instant before is unknown.
    Renamed,
    /// The target did not exist and now holds the staged bytes.
    Created,
}

/// Puts `staged` at `target`.
///
/// With `expect_existing`, the target is swapped with the staged file in one
/// step where the OS allows it (Linux `renameat2(RENAME_EXCHANGE)`, macOS
/// `renamex_np(RENAME_SWAP)`; on Windows `ReplaceFileW`, in two), and the displaced file is handed back so the
/// caller can tell whether someone wrote in between. Without it, the target is
/// created only if it still does not exist; `Ok(None)` means someone created it.
pub fn put(staged: Staged, target: &Path, expect_existing: bool, shown: &Path) -> Result<Option<Swap>> {
    let swap = if expect_existing {
        match exchange(staged.path(), target) {
            Ok(()) => {
                // The temporary name now holds the displaced file; dropping `staged` removes it.
                let displaced = fs::read(staged.path()).map_err(Error::io("io-read", shown))?;
                Swap::Exchanged { displaced, leftover: staged }
            }
            Err(ExchangeError::Unsupported) => {
                rename_over(staged, target).map_err(Error::io("io-replace", shown))?;
                Swap::Renamed
            }
            Err(ExchangeError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(ExchangeError::Io(e)) => return Err(Error::io("io-replace", shown)(e)),
        }
    } else {
        match staged.tmp.persist_noclobber(target) {
            Ok(()) => Swap::Created,
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => return Ok(None),
            Err(e) => return Err(Error::io("io-write", shown)(e.error)),
        }
    };
    sync_dir(parent(target));
    Ok(Some(swap))
}

/// Renames `staged` over `target`. On Windows the rename (MoveFileEx) fails while
/// another program holds the target open without delete sharing (an editor, a
/// virus scanner, Codex reading it): that is retried briefly before giving up.
fn rename_over(staged: Staged, target: &Path) -> std::io::Result<()> {
    let mut tmp = staged.tmp;
    for wait in RETRY_WAITS_MS.iter().copied().map(Some).chain([None]) {
        match tmp.persist(target) {
            Ok(_) => return Ok(()),
            Err(e) => match wait.filter(|_| held_open(&e.error)) {
                Some(ms) => {
                    std::thread::sleep(Duration::from_millis(ms));
                    tmp = e.path;
                }
                None => return Err(e.error),
            },
        }
    }
    unreachable!("the last attempt returns")
}

/// Waits between attempts to replace a file held open (about 1.3 s in all).
pub const RETRY_WAITS_MS: [u64; 6] = [10, 30, 60, 120, 300, 800];

/// Whether a failed rename means "someone has the file open" (Windows
/// ERROR_ACCESS_DENIED 5, ERROR_SHARING_VIOLATION 32, ERROR_LOCK_VIOLATION 33).
/// Elsewhere a rename never fails for that reason, so nothing is retried.
pub fn held_open(e: &std::io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

enum ExchangeError {
    Unsupported,
    /// Only systems with a swap meet an error from one.
    #[cfg_attr(not(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios", windows)), allow(dead_code))]
    Io(std::io::Error),
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios"))]
fn exchange(a: &Path, b: &Path) -> std::result::Result<(), ExchangeError> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP || e == Errno::NOTSUP => {
            Err(ExchangeError::Unsupported)
        }
        Err(e) => Err(ExchangeError::Io(e.into())),
    }
}

/// Windows has no one-step swap, but `ReplaceFileW` puts `a` at `b` and keeps what
/// `b` held under a second name; renaming that to `a` gives the swap's result in two
/// steps. What `b` held the instant before is never lost, so a write that lands just
/// before is handed back like anywhere else. A target held open is retried briefly.
#[cfg(windows)]
fn exchange(a: &Path, b: &Path) -> std::result::Result<(), ExchangeError> {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::Storage::FileSystem::{REPLACEFILE_IGNORE_MERGE_ERRORS, ReplaceFileW};
    let wide = |p: &Path| p.as_os_str().encode_wide().chain([0]).collect::<Vec<u16>>();
    let name = a.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let held = a.with_file_name(name.replace(TEMP_SUFFIX, &format!("-was{TEMP_SUFFIX}")));
    let (wa, wb, wheld) = (wide(a), wide(b), wide(&held));
    for wait in RETRY_WAITS_MS.iter().copied().map(Some).chain([None]) {
        // SAFETY: three NUL-terminated UTF-16 paths that outlive the call; the two
        // optional pointers are null, as the API allows.
        let done = unsafe {
            ReplaceFileW(wb.as_ptr(), wa.as_ptr(), wheld.as_ptr(), REPLACEFILE_IGNORE_MERGE_ERRORS, std::ptr::null(), std::ptr::null())
        };
        if done != 0 {
            return fs::rename(&held, a).map_err(ExchangeError::Io);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            // ERROR_INVALID_FUNCTION, ERROR_NOT_SUPPORTED: a file system without it.
            Some(1 | 50) => return Err(ExchangeError::Unsupported),
            // ERROR_UNABLE_TO_MOVE_REPLACEMENT_2: `b` was moved to `held` but `a` not to `b`.
            Some(1177) => {
                let _ = fs::rename(&held, b);
                return Err(ExchangeError::Io(e));
            }
            _ => match wait.filter(|_| held_open(&e)) {
                Some(ms) => std::thread::sleep(Duration::from_millis(ms)),
                None => return Err(ExchangeError::Io(e)),
            },
        }
    }
    unreachable!("the last attempt returns")
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios", windows)))]
fn exchange(_: &Path, _: &Path) -> std::result::Result<(), ExchangeError> {
    Err(ExchangeError::Unsupported)
}

/// Undoes a swap that displaced someone else's write: `leftover` (holding their
/// file) is swapped back into place, and our own `ours` is discarded. If yet
/// another write landed in between, that one is put back instead.
pub fn swap_back(leftover: Staged, target: &Path, ours: &[u8], shown: &Path) -> Result<()> {
    for _ in 0..2 {
        match exchange(leftover.path(), target) {
            Ok(()) => {}
            Err(ExchangeError::Io(e)) => {
                // Keep their file rather than delete it with the temporary name.
                let _ = leftover.tmp.keep();
                return Err(Error::io("io-replace", shown)(e));
            }
            Err(ExchangeError::Unsupported) => unreachable!("a swap just worked on this file system"),
        }
        if fs::read(leftover.path()).map_err(Error::io("io-read", shown))? == ours {
            break;
        }
    }
    sync_dir(parent(target));
    Ok(())
}

pub fn parent(p: &Path) -> &Path {
    p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    let _ = dir;
}

/// Whether `name` is one of our temporary files (for `target_name`, or any when `None`).
pub fn is_temp_name(name: &str, target_name: Option<&str>) -> bool {
    name.starts_with('.')
        && name.ends_with(TEMP_SUFFIX)
        && target_name.is_none_or(|t| name.starts_with(&format!(".{t}.")))
}

/// Removes our temporary files in `dir` older than [`STALE_AFTER`]: what a crash
/// (kill -9, power loss) left behind. Returns how many were removed.
pub fn sweep(dir: &Path) -> usize {
    sweep_older_than(dir, STALE_AFTER)
}

/// [`sweep`] with another age. Zero is for a caller that holds the lock after a crash:
/// every file of ours is then debris (a displaced config.toml may hold a key being moved).
pub fn sweep_older_than(dir: &Path, stale_after: Duration) -> usize {
    let Ok(rd) = fs::read_dir(dir) else { return 0 };
    let now = SystemTime::now();
    let mut removed = 0;
    for e in rd.flatten() {
        let Ok(name) = e.file_name().into_string() else { continue };
        if !is_temp_name(&name, None) {
            continue;
        }
        let Ok(meta) = e.metadata() else { continue };
        let old = meta.modified().ok().and_then(|m| now.duration_since(m).ok()).is_some_and(|age| age >= stale_after);
        if meta.is_file() && old && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Creates `dir` (and its parents) with mode 0700 from the start, never wider.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).map_err(Error::io("io-create", dir))
}

/// The path with every symlink in its last component followed (the path itself if none).
pub fn follow(path: &Path) -> Result<PathBuf> {
    let mut p = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&p).map_err(Error::io("io-read", &p))?;
                p = if link.is_absolute() { link } else { parent(&p).join(link) };
            }
            _ => return Ok(p),
        }
    }
    Err(Error::Io { action: "io-follow", path: path.to_owned(), source: std::io::Error::other("too many levels of symbolic links") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_windows_sharing_errors_are_retried() {
        let cases = [(5, cfg!(windows)), (32, cfg!(windows)), (33, cfg!(windows)), (2, false), (13, false)];
        for (code, want) in cases {
            assert_eq!(held_open(&std::io::Error::from_raw_os_error(code)), want, "os error {code}");
        }
        assert!(RETRY_WAITS_MS.iter().sum::<u64>() < 2000, "a held file fails within two seconds");
        assert!(RETRY_WAITS_MS.windows(2).all(|w| w[0] < w[1]), "waits grow");
    }

    #[cfg(unix)]
    #[test]
    fn fifo_and_devices_are_refused_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("config.toml");
        // mkfifo(1): rustix has no mkfifoat on macOS, and the test runs there too.
        assert!(std::process::Command::new("mkfifo").arg("-m").arg("600").arg(&fifo).status().unwrap().success());
        let e = read_regular(&fifo, &fifo).unwrap_err();
        assert_eq!(e.code(), "not_a_file", "{e}");
        assert!(e.to_string().contains("FIFO"), "{e}");
        let e = read_regular(Path::new("/dev/zero"), Path::new("/dev/zero")).unwrap_err();
        assert!(e.to_string().contains("device"), "{e}");
    }

    #[test]
    fn exchange_hands_back_the_displaced_file() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("config.toml");
        fs::write(&target, "old").unwrap();
        let staged = stage(&target, b"new", None, &target).unwrap();
        match put(staged, &target, true, &target).unwrap().unwrap() {
            Swap::Exchanged { displaced, leftover } => {
                assert_eq!(displaced, b"old");
                drop(leftover);
            }
            Swap::Renamed => eprintln!("this file system has no atomic exchange"),
            Swap::Created => panic!("the file existed"),
        }
        assert_eq!(fs::read(&target).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn create_never_overwrites() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("config.toml");
        let staged = stage(&target, b"ours", None, &target).unwrap();
        fs::write(&target, "theirs").unwrap();
        assert!(put(staged, &target, false, &target).unwrap().is_none());
        assert_eq!(fs::read(&target).unwrap(), b"theirs");
    }

    #[test]
    fn sweep_removes_only_our_stale_temporaries() {
        let tmp = tempfile::tempdir().unwrap();
        let old = tmp.path().join(".config.toml.abc123.sbtmp");
        let fresh = tmp.path().join(".config.toml.def456.sbtmp");
        let theirs = tmp.path().join(".config.toml.swp");
        for p in [&old, &fresh, &theirs] {
            fs::write(p, "x").unwrap();
        }
        for p in [&old, &theirs] {
            // Closed again at once: Windows cannot delete a file that is still open.
            let f = fs::File::options().write(true).open(p).unwrap();
            f.set_modified(SystemTime::now() - Duration::from_secs(120)).unwrap();
        }
        assert_eq!(sweep(tmp.path()), 1);
        assert!(!old.exists() && fresh.exists() && theirs.exists());
    }
}
