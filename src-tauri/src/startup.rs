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
