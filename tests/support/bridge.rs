//! The bridge processes a test starts, found by their command line and stopped at
//! the end, and a free port for each test's bridge (tests run side by side).

use std::path::PathBuf;
use std::process::Command;

/// A free port on 127.0.0.1 for this test's bridge.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The live (not zombie) bridge processes serving `port`.
pub fn bridges(port: u16) -> Vec<u32> {
    crate::router::pids_with(&format!("bridge serve --port {port}"))
}

/// Kills the bridges of `port`.
pub fn kill_bridges(port: u16) {
    for pid in bridges(port) {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
    }
}

/// On drop: kills the bridges of its port and removes its runtime folder.
pub struct StopBridge(pub u16, pub PathBuf);

impl Drop for StopBridge {
    fn drop(&mut self) {
        kill_bridges(self.0);
        let _ = std::fs::remove_dir_all(&self.1);
    }
}
