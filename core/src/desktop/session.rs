//! What the tray process and the window process share while they run, in a
//! private runtime folder (`$XDG_RUNTIME_DIR/switchboard`, mode 0700; the temp
//! folder elsewhere): the last test of each provider, whether a window is open
//! and focused, and the lock that keeps one tray per user.
//!
//! Nothing here is a secret: reports are redacted by the probe. Nothing here is
//! written into the Codex home.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::probe::Report;

#[derive(Debug, Clone)]
pub struct Session {
    dir: PathBuf,
    /// Reports are kept per Codex home: two homes may name providers alike.
    tests: PathBuf,
}

/// The window process as it last described itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub pid: u32,
    pub focused: bool,
}

/// The folder for `runtime` (`$XDG_RUNTIME_DIR`) or, without one, the temp folder.
pub fn dir_for(runtime: Option<&Path>, temp: &Path, user: &str) -> PathBuf {
    match runtime.filter(|p| p.is_absolute()) {
        Some(r) => r.join("switchboard"),
        None => temp.join(format!("switchboard-{user}")),
    }
}

impl Session {
    /// The session of this user, for the Codex home `home`.
    pub fn for_home(home: &Path) -> Session {
        let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
        let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "user".into());
        Session::at(&dir_for(runtime.as_deref(), &std::env::temp_dir(), &user), home)
    }

    pub fn at(dir: &Path, home: &Path) -> Session {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        home.hash(&mut h);
        Session { dir: dir.to_owned(), tests: dir.join(format!("tests-{:016x}.json", h.finish())) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates the folder (0700) if it is missing.
    pub fn ensure(&self) -> std::io::Result<()> {
        let mut b = fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(&self.dir)
    }

    /// The last test of each provider; empty when none was kept or the file is unreadable.
    pub fn tests(&self) -> HashMap<String, Report> {
        fs::read(&self.tests).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    /// Keeps `report` as the last test of its provider.
    pub fn record_test(&self, id: &str, report: &Report) -> std::io::Result<()> {
        let mut all = self.tests();
        all.insert(id.to_owned(), report.clone());
        self.write_tests(&all)
    }

    pub fn forget_test(&self, id: &str) -> std::io::Result<()> {
        let mut all = self.tests();
        if all.remove(id).is_some() { self.write_tests(&all) } else { Ok(()) }
    }

    fn write_tests(&self, all: &HashMap<String, Report>) -> std::io::Result<()> {
        self.replace(&self.tests, &serde_json::to_vec(all).map_err(std::io::Error::other)?)
    }

    /// Whole-file replace by rename, so a reader never sees half a file.
    fn replace(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.ensure()?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        tmp.write_all(bytes)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    fn window_file(&self) -> PathBuf {
        self.dir.join("window")
    }

    /// The window process says it is running, and whether it has the focus.
    pub fn set_window(&self, w: Window) -> std::io::Result<()> {
        self.replace(&self.window_file(), format!("{} {}\n", w.pid, if w.focused { "focused" } else { "open" }).as_bytes())
    }

    /// The file whose presence says that window process `pid` is being ended at the
    /// user's request (the tray's Quit), so its end is not logged as unchosen.
    pub fn quit_marker(&self, pid: u32) -> PathBuf {
        self.dir.join(format!("quit-{pid}"))
    }

    /// Says that the window process `pid` is about to be ended at the user's request.
    pub fn ask_to_quit(&self, pid: u32) -> std::io::Result<()> {
        fs::write(self.quit_marker(pid), b"")
    }

    /// Removes the quit markers of window processes that are gone.
    pub fn sweep_quit_markers(&self) {
        let Ok(rd) = fs::read_dir(&self.dir) else { return };
        for e in rd.flatten() {
            let name = e.file_name();
            let pid = name.to_str().and_then(|n| n.strip_prefix("quit-")).and_then(|p| p.parse::<u32>().ok());
            if pid.is_some_and(|p| !alive(p)) {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    /// The window process is gone.
    pub fn clear_window(&self, pid: u32) {
        if self.window().is_some_and(|w| w.pid == pid) {
            let _ = fs::remove_file(self.window_file());
        }
    }

    /// The running window process, if one says so and it is still alive.
    pub fn window(&self) -> Option<Window> {
        let text = fs::read_to_string(self.window_file()).ok()?;
        let w = parse_window(&text)?;
        alive(w.pid).then_some(w)
    }

    /// Takes the one-tray-per-user lock; `None` when another tray holds it. The lock
    /// lasts as long as the returned file is open (the OS drops it if the tray dies).
    /// The file holds the tray's process id.
    pub fn tray_lock(&self) -> std::io::Result<Option<fs::File>> {
        self.ensure()?;
        let mut f = fs::OpenOptions::new().create(true).truncate(false).write(true).open(self.tray_lock_file())?;
        match f.try_lock() {
            Ok(()) => {
                f.set_len(0)?;
                writeln!(f, "{}", std::process::id())?;
                Ok(Some(f))
            }
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }

    pub fn tray_lock_file(&self) -> PathBuf {
        self.dir.join("tray.lock")
    }
}

pub fn parse_window(text: &str) -> Option<Window> {
    let mut it = text.split_whitespace();
    let pid = it.next()?.parse().ok()?;
    let focused = match it.next()? {
        "focused" => true,
        "open" => false,
        _ => return None,
    };
    Some(Window { pid, focused })
}

#[cfg(target_os = "linux")]
fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn alive(_pid: u32) -> bool {
    // The window process removes its file when it exits; without /proc, trust it.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_is_the_runtime_dir_else_a_per_user_temp_folder() {
        let (runtime, temp) = if cfg!(windows) { (r"C:\run", r"C:\Temp") } else { ("/run/user/1000", "/tmp") };
        let per_user = Path::new(temp).join("switchboard-ana");
        let cases = [(Some(runtime), Path::new(runtime).join("switchboard")), (None, per_user.clone()), (Some("relative/dir"), per_user)];
        for (runtime, want) in cases {
            assert_eq!(dir_for(runtime.map(Path::new), Path::new(temp), "ana"), want, "{runtime:?}");
        }
    }

    #[test]
    fn window_file_round_trips_and_refuses_garbage() {
        assert_eq!(parse_window("42 focused\n"), Some(Window { pid: 42, focused: true }));
        assert_eq!(parse_window("42 open"), Some(Window { pid: 42, focused: false }));
        for bad in ["", "42", "x focused", "42 minimised"] {
            assert_eq!(parse_window(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tests_are_kept_per_home_and_the_lock_is_exclusive() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("rt");
        let a = Session::at(&dir, Path::new("/home/a/.codex"));
        let b = Session::at(&dir, Path::new("/home/b/.codex"));
        let json = r#"{"provider":"or","ok":true,"diagnosis":"ok","message":"Ready","hint":"","steps":[],"models":[]}"#;
        let r: Report = serde_json::from_str(json).unwrap();
        a.record_test("or", &r).unwrap();
        assert_eq!(a.tests()["or"].message, "Ready");
        assert!(b.tests().is_empty(), "another home's reports stay apart");
        a.forget_test("or").unwrap();
        assert!(a.tests().is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
        }
        let held = a.tray_lock().unwrap();
        assert!(held.is_some());
        assert!(b.tray_lock().unwrap().is_none(), "one tray per user");
        drop(held);
        assert!(b.tray_lock().unwrap().is_some(), "free again once the first tray is gone");
        a.set_window(Window { pid: std::process::id(), focused: true }).unwrap();
        assert_eq!(a.window(), Some(Window { pid: std::process::id(), focused: true }));
        a.clear_window(std::process::id());
        assert_eq!(a.window(), None);
    }
}
