//! The desktop processes' log: one line whenever the window or the tray process
//! ends other than by the user's choice (a signal, a crash, a lost session bus),
//! or changes how it runs (the tray inside the window). Nothing here is a secret:
//! lines name processes, signals and files, never a key.
//!
//! The file is `$XDG_STATE_HOME/switchboard/switchboard.log` (`~/.local/state`
//! when unset) on Linux, and the platform's local data folder elsewhere; it is
//! cut to its newest half when it passes 256 KB. Each line also goes to stderr.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Past this size the log keeps its newest half.
const MAX_BYTES: u64 = 256 * 1024;

/// The log file for this user.
pub fn path() -> Option<PathBuf> {
    crate::places::state_dir().map(|d| d.join("switchboard.log"))
}

/// Appends `<time> <process>[<pid>]: <text>` to the log, and writes it to stderr.
pub fn line(process: &str, text: &str) {
    let line = format!("{} {process}[{}]: {text}\n", now(), std::process::id());
    eprint!("{line}");
    if let Some(p) = path() {
        let _ = append(&p, &line);
    }
}

fn append(p: &Path, line: &str) -> std::io::Result<()> {
    if let Some(dir) = p.parent() {
        fs::create_dir_all(dir)?;
    }
    if fs::metadata(p).is_ok_and(|m| m.len() > MAX_BYTES) {
        let old = fs::read(p)?;
        let keep = &old[old.len() / 2..];
        let start = keep.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
        fs::write(p, &keep[start..])?;
    }
    let mut opts = OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(p)?.write_all(line.as_bytes())
}

/// `YYYY-MM-DD HH:MM:SS` UTC.
fn now() -> String {
    let t = time::OffsetDateTime::now_utc();
    format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", t.year(), t.month() as u8, t.day(), t.hour(), t.minute(), t.second())
}

/// Logs a line whenever this process ends by a signal, a panic or an `exit()`
/// it did not choose (a library calling `exit`, as GTK does when the display
/// goes away), unless [`chosen`] was called first, or the file `chosen_if`
/// exists by then (another process that ends this one at the user's request,
/// as the tray's Quit does, creates it first). `process` names it in the log.
pub fn watch_exits(process: &'static str, chosen_if: Option<&Path>) {
    static NAME: OnceLock<&'static str> = OnceLock::new();
    if NAME.set(process).is_err() {
        return;
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned());
        line(process, &format!("panicked{place}: {}", what.unwrap_or_default()));
        hook(info);
    }));
    #[cfg(unix)]
    if let Some(p) = path() {
        signals::install(process, &p, chosen_if);
    }
    #[cfg(not(unix))]
    let _ = chosen_if;
}

/// The user chose to end this process (closed its window, pressed Quit): its end is not logged.
pub fn chosen() {
    #[cfg(unix)]
    signals::CHOSEN.store(true, std::sync::atomic::Ordering::SeqCst);
}

#[cfg(unix)]
mod signals {
    //! Signal handlers write a line prepared in advance to a file opened in
    //! advance (only `write` and `raise` run inside them, both safe there), then
    //! let the signal do what it would have done.

    use std::os::fd::IntoRawFd;
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

    pub static CHOSEN: AtomicBool = AtomicBool::new(false);
    /// A file whose presence makes the end chosen, as a C string for access(2).
    static CHOSEN_IF: OnceLock<std::ffi::CString> = OnceLock::new();
    static FD: AtomicI32 = AtomicI32::new(-1);
    /// One prepared line per signal, and one for an unchosen `exit()`.
    static LINES: OnceLock<Vec<(i32, Vec<u8>)>> = OnceLock::new();
    const EXIT: i32 = 0;

    const WATCHED: &[(i32, &str)] = &[
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGQUIT, "SIGQUIT"),
        (libc::SIGABRT, "SIGABRT (an abort, often a library's fatal error)"),
        (libc::SIGSEGV, "SIGSEGV (a crash)"),
        (libc::SIGBUS, "SIGBUS (a crash)"),
        (libc::SIGILL, "SIGILL (a crash)"),
        (libc::SIGFPE, "SIGFPE (a crash)"),
    ];

    pub fn install(process: &str, path: &std::path::Path, chosen_if: Option<&std::path::Path>) {
        if let Some(c) = chosen_if.and_then(|p| std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).ok()) {
            let _ = CHOSEN_IF.set(c);
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.create(true).append(true);
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let Ok(file) = opts.open(path) else { return };
        FD.store(file.into_raw_fd(), Ordering::SeqCst);
        let pid = std::process::id();
        // The time is written in front by the handler, as seconds since 1970 (formatting a
        // date there would allocate).
        let mut lines: Vec<(i32, Vec<u8>)> =
            WATCHED.iter().map(|(sig, name)| (*sig, format!(" {process}[{pid}]: ended by {name}, not by the user\n").into_bytes())).collect();
        lines.push((EXIT, format!(" {process}[{pid}]: exited without the user closing it (exit() was called)\n").into_bytes()));
        let _ = LINES.set(lines);
        for (sig, _) in WATCHED {
            let sig = *sig;
            // SAFETY: the action only calls async-signal-safe functions (write, signal, raise).
            let _ = unsafe { signal_hook_registry::register_signal_unchecked(sig, move || on_signal(sig)) };
        }
        // SAFETY: `at_exit` is a plain extern "C" function with no arguments.
        unsafe { libc::atexit(at_exit) };
    }

    fn write_line(key: i32) {
        let fd = FD.load(Ordering::SeqCst);
        if fd < 0 || CHOSEN.load(Ordering::SeqCst) {
            return;
        }
        // SAFETY: access(2) is async-signal-safe; the path was prepared in advance.
        if CHOSEN_IF.get().is_some_and(|p| unsafe { libc::access(p.as_ptr(), libc::F_OK) } == 0) {
            return;
        }
        if let Some((_, line)) = LINES.get().and_then(|l| l.iter().find(|(k, _)| *k == key)) {
            // "unix:<seconds>", built on the stack.
            let mut stamp = [0u8; 32];
            // SAFETY: time(2) is async-signal-safe.
            let mut secs = unsafe { libc::time(std::ptr::null_mut()) }.max(0) as u64;
            let mut digits = [0u8; 20];
            let mut n = 0;
            loop {
                digits[n] = b'0' + (secs % 10) as u8;
                n += 1;
                secs /= 10;
                if secs == 0 {
                    break;
                }
            }
            stamp[..5].copy_from_slice(b"unix:");
            for i in 0..n {
                stamp[5 + i] = digits[n - 1 - i];
            }
            let len = 5 + n;
            for out in [fd, 2] {
                // SAFETY: writing prepared buffers to open descriptors.
                unsafe {
                    libc::write(out, stamp.as_ptr().cast(), len);
                    libc::write(out, line.as_ptr().cast(), line.len());
                }
            }
        }
    }

    fn on_signal(sig: i32) {
        write_line(sig);
        // Logged once: the exit that follows is the signal's, not an unchosen exit().
        CHOSEN.store(true, Ordering::SeqCst);
        // SAFETY: both are async-signal-safe; the signal then does what it would have done.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
    }

    extern "C" fn at_exit() {
        write_line(EXIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_goes_to_the_state_folder_and_the_file_stays_bounded() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("switchboard/switchboard.log");
        for i in 0..3000 {
            append(&p, &format!("line {i} {}\n", "x".repeat(100))).unwrap();
        }
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.len() as u64 <= MAX_BYTES + 200, "{}", text.len());
        assert!(text.ends_with(&format!("line 2999 {}\n", "x".repeat(100))));
        assert!(text.starts_with("line "), "the file is cut at a line break");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}
