//! The app without its tray process beside it (a plain `cargo build --bin
//! switchboard-app`, or a broken install): it logs one line, keeps a tray inside the
//! window process, and closing the window hides it instead of ending everything. The
//! tray inside switches, opens the window again and quits. Real binaries under Xvfb.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_e2e::*;

#[track_caller]
fn wait_for<R>(what: &str, mut f: impl FnMut() -> Option<R>) -> R {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
}

fn built(name: &str) -> PathBuf {
    let app = std::env::var_os("SWITCHBOARD_APP").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target/debug/switchboard-app"));
    app.with_file_name(name)
}

fn log(state: &Path) -> String {
    std::fs::read_to_string(state.join("switchboard/switchboard.log")).unwrap_or_default()
}

#[test]
fn without_its_tray_process_the_app_keeps_a_tray_of_its_own() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    // The app and the CLI, and no switchboard-tray beside them.
    let bin = tempfile::tempdir().unwrap();
    for name in ["switchboard-app", "switchboard"] {
        std::fs::copy(built(name), bin.path().join(name)).unwrap();
    }
    assert!(!bin.path().join("switchboard-tray").exists());
    let home = Home::new();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    for id in ["inside-a", "inside-b"] {
        home.sb(&["add", "ollama", "--id", id, "--base-url", &server.base_url()], None).ok();
    }
    home.sb(&["use", "inside-a"], None).ok();
    let dirs = tempfile::tempdir().unwrap();
    let (rt, state, port) = (home.runtime(), dirs.path().join("state"), home.port.to_string());
    let _cleanup = TrayGuard(rt.clone());
    let envs: [(&str, &std::ffi::OsStr); 4] = [
        ("CODEX_HOME", home.path().as_os_str()),
        ("XDG_RUNTIME_DIR", rt.as_os_str()),
        ("XDG_STATE_HOME", state.as_os_str()),
        ("SWITCHBOARD_BRIDGE_PORT", port.as_ref()),
    ];
    let launch = || Command::new(bin.path().join("switchboard-app")).envs(envs).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();

    // 1. The window opens, one line says why the tray is inside, and that tray shows the providers.
    let mut app = launch();
    let pid = app.id();
    wait_for("the window", || x11::window_shown("Switchboard").then_some(()));
    let text = wait_for("the log line", || Some(log(&state)).filter(|t| t.contains("switchboard-tray is not installed")));
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    assert!(text.contains(&format!("switchboard-app[{pid}]")), "{text}");
    wait_for("the tray menu", || tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("(inside-a)") && *c)));

    // 2. Closing the window hides it: the process, and with it the tray, stays.
    assert!(x11::close_window("Switchboard"));
    wait_for("the window to hide", || (!x11::window_shown("Switchboard")).then_some(()));
    std::thread::sleep(Duration::from_millis(500));
    assert!(alive(pid), "closing the window ended the app");
    assert!(tray_menu().is_some(), "the tray went with the window");

    // 3. The tray inside switches providers, and opens the window again.
    tray_click_label("(inside-b)");
    wait_for("the switch", || (home.using().as_deref() == Some("inside-b")).then_some(()));
    tray_click_label("Open Switchboard");
    wait_for("the window again", || x11::window_shown("Switchboard").then_some(()));
    // A second launch hands over to it, and leaves nothing running.
    let mut second = launch();
    let code = wait_for("the second launch to hand over", || second.try_wait().unwrap());
    assert_eq!(code.code(), Some(0));

    // 4. Quit ends the process, by the user's choice: nothing more in the log.
    tray_click_label("Quit");
    wait_for("the app to quit", || app.try_wait().unwrap());
    assert!(!alive(pid));
    assert_eq!(log(&state).lines().count(), 1, "a chosen end is not logged: {}", log(&state));
}
