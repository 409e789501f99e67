//! Cold launches. After a reboot the window process's libraries (WebKitGTK, its
//! JavaScript engine, ICU, GTK: well over 100 MB) are not in the page cache, and
//! reading them one page fault at a time, in the order the code happens to touch
//! them, is what made a cold launch take seconds. Here the same files are read
//! ahead in the background, whole and in large sequential reads, while the
//! process starts: `posix_fadvise(WILLNEED)`, which only asks the kernel to read,
//! costs no memory of ours, and changes nothing if they are cached already.
//!
//! The window process reads ahead what it maps and WebKit's helper programs, and
//! keeps that list; the tray process, which starts at login, reads the same list
//! ahead a little later, so the first window after a reboot opens warm.

use std::path::{Path, PathBuf};

/// How many files a list may name (a process maps a few hundred).
const MAX_FILES: usize = 2000;

/// The files this process has mapped (its program and every shared library),
/// in the order they were mapped, and WebKit's helper programs beside its library.
#[cfg(target_os = "linux")]
pub fn mapped_files() -> Vec<PathBuf> {
    let mut out = maps_of("self");
    // WebKit starts its web and network processes from programs beside its library.
    let helpers: Vec<PathBuf> = out
        .iter()
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("libwebkit2gtk-")))
        .filter_map(|lib| {
            let dir = lib.parent()?.join(lib.file_name()?.to_str()?.trim_start_matches("lib").split(".so").next()?);
            std::fs::read_dir(dir).ok()
        })
        .flat_map(|rd| rd.flatten().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    for h in helpers {
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out.truncate(MAX_FILES);
    out
}

/// The files this process and its children (WebKit's web and network processes) have
/// mapped by now: what a launch reads, the graphics drivers WebKit loads late included.
#[cfg(target_os = "linux")]
pub fn mapped_with_children() -> Vec<PathBuf> {
    let mut out = mapped_files();
    let me = std::process::id().to_string();
    let children = std::fs::read_to_string(format!("/proc/self/task/{me}/children")).unwrap_or_default();
    for child in children.split_whitespace() {
        for f in maps_of(child) {
            if out.len() < MAX_FILES && !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

#[cfg(not(target_os = "linux"))]
pub fn mapped_with_children() -> Vec<PathBuf> {
    Vec::new()
}

/// The regular files a process (`self` or a pid) has mapped, in order, each once.
#[cfg(target_os = "linux")]
fn maps_of(pid: &str) -> Vec<PathBuf> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
    let mut out: Vec<PathBuf> = Vec::new();
    for line in maps.lines() {
        // address perms offset dev inode path
        let path = line.splitn(6, ' ').nth(5).map(str::trim).unwrap_or("");
        if !path.starts_with('/') || path.ends_with(" (deleted)") {
            continue;
        }
        let p = PathBuf::from(path);
        if !out.contains(&p) && !p.starts_with("/dev") && !p.starts_with("/memfd:") {
            out.push(p);
        }
    }
    out
}

#[cfg(not(target_os = "linux"))]
pub fn mapped_files() -> Vec<PathBuf> {
    Vec::new()
}

/// Asks the kernel to read every file this process maps into the page cache, at
/// once, from the calling thread. The asks return before the reads finish, so this
/// costs a few milliseconds; meant for the very start of a process (the window's
/// `.preinit_array`, which runs before any library's own initialisers, themselves
/// the first to touch WebKit's pages).
pub fn advise_mapped() {
    let now = mapped_files();
    for f in &now {
        advise(f);
    }
    // What the last launch read on top (WebKit's processes, the graphics drivers they load).
    for f in load_list() {
        if !now.contains(&f) {
            advise(&f);
        }
    }
}

/// Asks the kernel to read `files` into the page cache, in a background thread.
pub fn read_ahead(files: Vec<PathBuf>) {
    if files.is_empty() {
        return;
    }
    let _ = std::thread::Builder::new().name("read-ahead".into()).spawn(move || {
        for f in &files {
            advise(f);
        }
    });
}

// posix_fadvise is Linux's (macOS has none, and its launches are not what this is for).
#[cfg(target_os = "linux")]
fn advise(path: &Path) {
    use rustix::fs::{Advice, fadvise};
    if let Ok(file) = std::fs::File::open(path) {
        let _ = fadvise(&file, 0, None, Advice::WillNeed);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_path: &Path) {}

/// Where the window process keeps the list for the tray (`$XDG_CACHE_HOME/switchboard/`).
pub fn list_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()).map(PathBuf::from).or_else(|| directories::BaseDirs::new().map(|b| b.cache_dir().to_owned()))?;
    Some(base.join("switchboard/window-files"))
}

/// Keeps `files` for the tray (one path a line), if they changed.
pub fn save_list(files: &[PathBuf]) {
    let Some(p) = list_path() else { return };
    let text: String = files.iter().filter_map(|f| f.to_str()).map(|f| format!("{f}\n")).collect();
    if std::fs::read_to_string(&p).is_ok_and(|old| old == text) {
        return;
    }
    if let Some(dir) = p.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(&p, text);
}

/// The list the window process kept, absolute paths only, bounded.
pub fn load_list() -> Vec<PathBuf> {
    let Some(p) = list_path() else { return Vec::new() };
    let Ok(meta) = std::fs::metadata(&p) else { return Vec::new() };
    if meta.len() > 1 << 20 {
        return Vec::new();
    }
    std::fs::read_to_string(&p)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with('/'))
        .take(MAX_FILES)
        .map(PathBuf::from)
        .collect()
}

// What is read ahead is Linux's (/proc/<pid>/maps).
#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn the_files_a_process_maps_are_found_once_each() {
        let files = mapped_files();
        let me = std::fs::canonicalize(std::env::current_exe().unwrap()).unwrap();
        assert!(files.iter().any(|f| std::fs::canonicalize(f).ok().as_deref() == Some(me.as_path())), "{files:?}");
        assert!(files.iter().any(|f| f.to_string_lossy().contains("libc.so")), "{files:?}");
        let mut sorted = files.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), files.len());
    }
}
