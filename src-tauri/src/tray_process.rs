//! The tray process on Linux (`switchboard-tray`, installed beside the app): the
//! window process starts it, and falls back to a tray of its own when it is missing.

use std::process::Stdio;

use switchboard_core::codex::helper;

/// Starts the tray process beside this binary; it exits at once if a tray runs already.
/// The tray outlives this process, so it gets no handle on our output: whoever ran us
/// and reads our output to its end (a launcher, a script) is not held open by the tray.
/// False when there is no tray binary beside the app, or it cannot be started.
pub fn start() -> bool {
    let Some(tray) = helper::sibling("switchboard-tray") else { return false };
    match std::process::Command::new(tray).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}
