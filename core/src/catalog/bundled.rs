//! The models the installed Codex has built in (`codex debug models --bundled`),
//! kept in Switchboard's cache so each switch need not run Codex.
//!
//! The cache records which Codex it came from (its path, size and modification
//! time). The auth command Codex runs (`switchboard token`) looks at the Codex
//! that started it, and reads its list again when that Codex changed: an update
//! of Codex is picked up at its first run, and its new models are never hidden.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Codex's models, and the Codex they came from.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Bundled {
    pub exe: PathBuf,
    /// `<size>-<mtime ns>` of `exe` when it was read.
    pub exe_id: String,
    pub version: String,
    pub models: Vec<Value>,
}

/// `$XDG_CACHE_HOME/switchboard/codex-models.json` (or under `~/.cache`).
pub fn cache_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
        Some(PathBuf::from(home).join(".cache"))
    })?;
    Some(base.join("switchboard").join("codex-models.json"))
}

/// The identity of a file, to tell when it changed.
pub fn exe_id(exe: &Path) -> Option<String> {
    let m = std::fs::metadata(exe).ok()?;
    let mtime = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some(format!("{}-{mtime}", m.len()))
}

/// The cached list, if there is one.
pub fn cached() -> Option<Bundled> {
    let bytes = crate::edit::atomic::read_regular(&cache_path()?, Path::new("codex-models.json")).ok()??;
    serde_json::from_slice::<Bundled>(&bytes).ok().filter(|b| !b.models.is_empty())
}

/// Where a `codex` may be: `SWITCHBOARD_CODEX`, the one the cache came from, then
/// PATH and the places Codex's installers use ([`crate::codex::binary::find`]).
pub fn find_codex() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SWITCHBOARD_CODEX").map(PathBuf::from).filter(|p| p.is_file()) {
        return Some(p);
    }
    if let Some(b) = cached().filter(|b| b.exe.is_file()) {
        return Some(b.exe);
    }
    crate::codex::binary::find()
}

/// The cached list when it is still that of `exe`; otherwise `exe`'s, read now and cached.
pub fn of(exe: &Path) -> Option<Bundled> {
    let id = exe_id(exe)?;
    if let Some(b) = cached().filter(|b| b.exe == exe && b.exe_id == id) {
        return Some(b);
    }
    let b = read(exe, &id)?;
    store(&b);
    Some(b)
}

/// The list to use now: the cache, else that of a Codex found on this computer.
pub fn current() -> Option<Bundled> {
    cached().or_else(|| of(&find_codex()?))
}

/// Runs `exe --version` and `exe debug models --bundled`, each under a time limit.
fn read(exe: &Path, id: &str) -> Option<Bundled> {
    let version = run(exe, &["--version"])?;
    let version = String::from_utf8_lossy(&version).trim().rsplit(' ').next().unwrap_or("").to_owned();
    let out = run(exe, &["debug", "models", "--bundled"])?;
    // A line of warnings may come before the JSON.
    let start = out.iter().position(|b| *b == b'{')?;
    let v: Value = serde_json::from_slice(&out[start..]).ok()?;
    let models = v["models"].as_array()?.clone();
    (!models.is_empty()).then(|| Bundled { exe: exe.to_owned(), exe_id: id.to_owned(), version, models })
}

fn run(exe: &Path, args: &[&str]) -> Option<Vec<u8>> {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().ok()?;
    let mut child = Command::new(exe)
        .args(args)
        // Codex's own home is not needed to print its built-in list; a bare one keeps it from touching the user's.
        .env("CODEX_HOME", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take()?;
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut out = Vec::new();
        let _ = (&mut stdout).take(64 << 20).read_to_end(&mut out);
        out
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(s)) if s.success() => return reader.join().ok(),
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) if start.elapsed() > Duration::from_secs(20) => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

fn store(b: &Bundled) {
    let Some(path) = cache_path() else { return };
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(bytes) = serde_json::to_vec(b) else { return };
    if let Ok(staged) = crate::edit::atomic::stage(&path, &bytes, Some(0o600), Path::new("codex-models.json")) {
        let _ = staged.replace(&path);
    }
}

/// The Codex that started this process, when it is one (the auth command's parent).
pub fn parent_codex() -> Option<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        let ppid = std::os::unix::process::parent_id();
        let exe = std::fs::read_link(format!("/proc/{ppid}/exe")).ok()?;
        let name = exe.file_name()?.to_string_lossy().into_owned();
        name.starts_with("codex").then_some(exe)
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}
