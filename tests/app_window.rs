//! The window as a person sees it: a header that stays on one line and a footer that
//! stays in view at the default size and at 800×600, in both themes; and a window
//! process that survives Test, Edit and Back on a provider whose environment variable
//! is unset, 20 times, each in a fresh D-Bus session, with its tray process ending on
//! its own once that session's bus is gone. One test: the app is single-instance.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_e2e::webdriver::{Driver, T, app_bin, page_layout, shot};
use switchboard_e2e::*;

/// A private D-Bus session bus (`dbus-daemon --session`), ended on drop.
struct Bus {
    child: Child,
    address: String,
}

impl Bus {
    fn start() -> Bus {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (Debian's dbus package)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        Bus { child, address: line.trim().to_owned() }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
}

fn pid_in(rt: &Path, file: &str) -> Option<u32> {
    std::fs::read_to_string(rt.join("switchboard").join(file)).ok()?.split_whitespace().next()?.parse().ok()
}

#[test]
fn the_window_keeps_its_layout_and_survives_tests_in_fresh_sessions() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    let (rt, port_s) = (home.run(), home.port.to_string());
    let state = tempfile::tempdir().unwrap();
    let _cleanup = TrayGuard(rt.path().to_owned());
    // A provider whose name and model are far too long for the header, active; and one
    // whose key comes from an environment variable that is not set.
    let long = "A Company Gateway With A Very Long Name For Its Many Teams";
    home.sb(
        &["add", "custom", "--id", "long", "--name", long, "--base-url", "http://127.0.0.1:9/v1", "--model", "anthropic/claude-sonnet-4.5-with-a-long-suffix", "--no-key"],
        None,
    )
    .ok();
    home.sb(&["use", "long"], None).ok();
    home.sb(&["add", "custom", "--id", "envgw", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--env-key", "SB_NEVER_SET_KEY"], None).ok();
    let envs = [("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("XDG_STATE_HOME", state.path().as_os_str())];

    // 1. The header on one line and the footer in view, at 980×700 and 800×600, light and dark.
    for (theme, extra) in [("light", None), ("dark", Some(("GTK_THEME", "Adwaita:dark".as_ref())))] {
        let mut env = envs.to_vec();
        env.extend(extra);
        let driver = Driver::start(&env);
        let s = driver.session(&app_bin());
        s.wait_text("[data-testid=active-provider]", "Company Gateway", T);
        for (w, h) in [(980, 700), (800, 600)] {
            s.set_size(w, h);
            std::thread::sleep(Duration::from_millis(400));
            let l = page_layout(&s);
            assert_eq!(l["nowLines"], 1, "{theme} {w}×{h}: the provider and model wrap: {l}");
            assert_eq!(l["ellipsised"], true, "{theme} {w}×{h}: a long name is ellipsised: {l}");
            assert!(l["header"].as_f64().unwrap() < 60.0, "{theme} {w}×{h}: the header is one line: {l}");
            assert!(l["footerBottom"].as_f64().unwrap() <= l["height"].as_f64().unwrap() + 0.5, "{theme} {w}×{h}: the footer is cut: {l}");
            assert!(l["footerTop"].as_f64().unwrap() < l["height"].as_f64().unwrap() - 10.0, "{theme} {w}×{h}: the footer is below the window: {l}");
            assert_eq!(l["width"], 0, "{theme} {w}×{h}: the page scrolls sideways: {l}");
            shot(&s, &format!("17-header-{w}x{h}-{theme}"));
        }
        s.close();
        drop(driver);
        wait_gone(rt.path());
    }
    // That tray process lives on the test's own bus: end it, so each round starts its own.
    if let Some(tray) = pid_in(rt.path(), "tray.lock").filter(|p| alive(*p)) {
        let _ = Command::new("kill").arg(tray.to_string()).status();
        let start = Instant::now();
        while alive(tray) && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    // 2. Test, Edit and Back on the provider without its variable, 20 times, each in a
    // fresh D-Bus session (a new bus, a new window process, a new tray process).
    for round in 1..=20 {
        let bus = Bus::start();
        let mut env = envs.to_vec();
        env.push(("DBUS_SESSION_BUS_ADDRESS", bus.address.as_ref()));
        let driver = Driver::start(&env);
        let s = driver.session(&app_bin());
        s.find("[data-testid=test-envgw]");
        let window = wait_pid(rt.path(), "window");
        s.find("[data-testid=test-envgw]").click();
        let pressed = Instant::now();
        s.wait_text("[data-testid=provider-envgw] [data-testid=test-result]", "SB_NEVER_SET_KEY", T);
        // It vanished within 4 s of pressing Test, when it did.
        while pressed.elapsed() < Duration::from_secs(4) {
            assert!(alive(window), "round {round}: the window process is gone after Test; log:\n{}", log(state.path()));
            std::thread::sleep(Duration::from_millis(100));
        }
        s.find("[data-testid=edit-envgw]").click();
        s.find("[data-testid=provider-form]");
        s.find("[data-testid=cancel]").click();
        s.find("[data-testid=test-envgw]");
        assert!(alive(window), "round {round}: the window process is gone; log:\n{}", log(state.path()));
        let tray = wait_pid(rt.path(), "tray.lock");
        s.close();
        drop(driver);
        wait_gone(rt.path());
        // The session ends: the tray registered on its bus follows within a few seconds.
        drop(bus);
        let start = Instant::now();
        while alive(tray) {
            assert!(start.elapsed() < Duration::from_secs(5), "round {round}: the tray outlived its session bus");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let text = log(state.path());
    assert!(!text.contains("switchboard-app") || !text.lines().any(|l| l.contains("switchboard-app") && (l.contains("ended by") || l.contains("panicked"))), "{text}");
    assert!(text.contains("switchboard-tray") && text.contains("session bus it registered on has ended"), "the tray logs why it ends:\n{text}");
}

fn log(state: &Path) -> String {
    std::fs::read_to_string(state.join("switchboard/switchboard.log")).unwrap_or_default()
}

/// The window process's id, once it has written it.
fn wait_pid(rt: &Path, file: &str) -> u32 {
    let start = Instant::now();
    loop {
        if let Some(p) = pid_in(rt, file).filter(|p| alive(*p)) {
            return p;
        }
        assert!(start.elapsed() < T, "no {file} pid");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits for the window process of the last session to end (closing the session ends it).
fn wait_gone(rt: &Path) {
    let start = Instant::now();
    while let Some(p) = pid_in(rt, "window").filter(|p| alive(*p)) {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = Command::new("kill").arg(p.to_string()).status();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
