//! How long a launch takes, phase by phase, for `scripts/bench-app`: with
//! `SWITCHBOARD_STARTUP_TRACE` set, each phase prints `startup <phase> <unix ns>`
//! to stderr, once. Without it, nothing is printed.

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

static SEEN: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// Marks `phase` (the first time only).
pub fn mark(phase: &'static str) {
    if std::env::var_os("SWITCHBOARD_STARTUP_TRACE").is_none() {
        return;
    }
    let mut seen = SEEN.lock().unwrap();
    if seen.contains(&phase) {
        return;
    }
    seen.push(phase);
    let ns = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    eprintln!("startup {phase} {ns}");
}

/// Once a page has loaded, keeps the files this process and WebKit's read, for the
/// next cold launch and the tray to read ahead (`desktop::warm`). Once per process,
/// off the main thread.
pub fn keep_read_list() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = std::thread::Builder::new().name("keep-read-list".into()).spawn(|| {
            // WebKit's web process loads its graphics driver as it first paints.
            std::thread::sleep(std::time::Duration::from_secs(2));
            let files = switchboard_core::desktop::warm::mapped_with_children();
            switchboard_core::desktop::warm::save_list(&files);
        });
    });
}
