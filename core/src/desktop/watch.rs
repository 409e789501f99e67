//! Watching what the window and the tray show: config.toml and the profile files
//! in the Codex home (and a symlinked config's real folder), the session folder
//! where test reports are kept, and the file of the chosen language. Inotify or the platform's equivalent, no
//! polling; the burst of events one save makes is one call of `on_change`.

use std::path::Path;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// Starts watching; `on_change` runs on a thread of its own after each burst.
/// Stops when the returned watcher is dropped (or `on_change` returns false).
pub fn start(home: &Path, session: &Path, on_change: impl Fn() -> bool + Send + 'static) -> notify::Result<RecommendedWatcher> {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if !ev.kind.is_access() && ev.paths.iter().any(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(relevant)) {
                let _ = tx.send(());
            }
        }
    })?;
    watcher.watch(home, RecursiveMode::NonRecursive)?;
    if let Some(dir) = std::fs::canonicalize(home.join("config.toml")).ok().and_then(|r| r.parent().map(Path::to_owned)) {
        if dir != home {
            let _ = watcher.watch(&dir, RecursiveMode::NonRecursive);
        }
    }
    let _ = watcher.watch(session, RecursiveMode::NonRecursive);
    // The window's choice of language, which the tray follows.
    if let Some(dir) = super::chosen_language::path().as_deref().and_then(Path::parent) {
        if std::fs::create_dir_all(dir).is_ok() {
            let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
        }
    }
    let writers = crate::edit::backup::Backups::new(home).dir().to_owned();
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            settle(&rx, &writers);
            if !on_change() {
                break;
            }
        }
    });
    Ok(watcher)
}

/// Coalesces the burst of events one save makes: waits until the files have been
/// quiet for a moment and no Switchboard writer is inside a transaction (a `use`
/// writes config.toml and then a profile file under one lock, and on a slow disk
/// the two can be far apart), so one operation is one call. Bounded, so a file
/// written without end still gets its refreshes.
fn settle(rx: &std::sync::mpsc::Receiver<()>, writers: &Path) {
    const QUIET: Duration = Duration::from_millis(80);
    let until = std::time::Instant::now() + Duration::from_secs(2);
    loop {
        while rx.recv_timeout(QUIET).is_ok() {
            if std::time::Instant::now() >= until {
                return;
            }
        }
        crate::edit::lock::wait_for_writers(writers, until.saturating_duration_since(std::time::Instant::now()));
        if rx.try_recv().is_err() || std::time::Instant::now() >= until {
            while rx.try_recv().is_ok() {}
            return;
        }
    }
}

/// config.toml, a profile file, the router's state (which provider Codex uses
/// through it), a kept test report, or the chosen language.
fn relevant(name: &str) -> bool {
    name == "config.toml"
        || name == crate::router::state::FILE
        || name.ends_with(".config.toml")
        || (name.starts_with("tests-") && name.ends_with(".json"))
        || name == super::chosen_language::CHOICE_FILE
}
