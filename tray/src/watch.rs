//! The file watcher: config.toml and the profile files in the Codex home (and a
//! symlinked config's real folder), and the session folder where the window keeps
//! its test reports. Inotify, no polling; a burst of events is one refresh.

use std::path::Path;
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use crate::run::Action;

pub fn start(home: &Path, session: &Path, tx: UnboundedSender<Action>) -> notify::Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let (raw_tx, raw_rx) = std::sync::mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            let relevant = ev.paths.iter().any(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n == "config.toml" || n.ends_with(".config.toml") || (n.starts_with("tests-") && n.ends_with(".json"))
                })
            });
            if relevant && !ev.kind.is_access() {
                let _ = raw_tx.send(());
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
    std::thread::spawn(move || {
        while raw_rx.recv().is_ok() {
            std::thread::sleep(Duration::from_millis(80));
            while raw_rx.try_recv().is_ok() {}
            if tx.send(Action::Refresh).is_err() {
                break;
            }
        }
    });
    Ok(watcher)
}
