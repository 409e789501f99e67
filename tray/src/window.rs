//! The window process (`switchboard-app`, installed beside this binary): started on
//! demand, told to go on Quit.

use std::process::{Command, Stdio};

/// Starts the window process. If one runs already, its single-instance plugin hands
/// the request to it (the window comes forward) and the new one exits.
pub fn open() -> std::io::Result<()> {
    let app = switchboard_core::codex::helper::sibling("switchboard-app")
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "switchboard-app is not installed beside the tray"))?;
    let mut child = Command::new(app)
        .arg("--from-tray")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()?;
    // Reaped when it exits, so no zombie waits for the tray to end.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Asks the window process to end (Quit in the tray quits everything).
#[cfg(target_os = "linux")]
pub fn close(pid: u32) {
    use rustix::process::{Pid, Signal, kill_process};
    if let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) {
        let _ = kill_process(pid, Signal::TERM);
    }
}
