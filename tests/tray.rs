//! The tray process on its own: started as at login (no window), it opens the window
//! on demand; closing the window ends the window process and WebKit's processes while
//! the tray keeps switching and testing; a new window shows what happened meanwhile;
//! notifications come only while the window is not focused; the login toggle writes
//! and removes the XDG autostart entry; Quit ends everything. Real binaries, under
//! Xvfb, on a private D-Bus session, with the window closed at the X level.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_e2e::tray::Notifications;
use switchboard_e2e::webdriver::Driver;
use switchboard_e2e::*;

fn beside_app(name: &str) -> PathBuf {
    let app = std::env::var_os("SWITCHBOARD_APP").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target/debug/switchboard-app"));
    let p = app.with_file_name(name);
    assert!(p.is_file(), "{} is missing: scripts/test builds it", p.display());
    p
}

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
    // A zombie has exited; only its parent has not collected it yet.
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
}

/// Live processes whose parent is `pid`, with their names.
fn children(pid: u32) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(p) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else { continue };
        let (head, tail) = stat.rsplit_once(')').unwrap_or(("", ""));
        let fields: Vec<&str> = tail.split_whitespace().collect();
        if fields.get(1).and_then(|f| f.parse::<u32>().ok()) == Some(pid) && fields.first() != Some(&"Z") {
            out.push((p, head.split_once('(').map(|(_, n)| n.to_owned()).unwrap_or_default()));
        }
    }
    out
}

/// The window process as it describes itself in the session folder.
fn window_file(rt: &Path) -> Option<(u32, bool)> {
    let text = std::fs::read_to_string(rt.join("switchboard/window")).ok()?;
    let mut it = text.split_whitespace();
    Some((it.next()?.parse().ok()?, it.next()? == "focused"))
}

#[test]
fn the_tray_works_alone_and_the_window_comes_and_goes() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    for id in ["tray-a", "tray-b", "tray-c"] {
        home.sb(&["add", "ollama", "--id", id, "--base-url", &server.base_url()], None).ok();
    }
    home.sb(&["use", "tray-a"], None).ok();
    let dirs = tempfile::tempdir().unwrap();
    // The runtime folder and port of the home's router, which `use` started.
    let (rt, cfg, port) = (home.runtime(), dirs.path().join("config"), home.port.to_string());
    let envs: [(&str, &std::ffi::OsStr); 4] = [
        ("CODEX_HOME", home.path().as_os_str()),
        ("XDG_RUNTIME_DIR", rt.as_os_str()),
        ("XDG_CONFIG_HOME", cfg.as_os_str()),
        ("SWITCHBOARD_BRIDGE_PORT", port.as_ref()),
    ];
    let notes = Notifications::watch(dirs.path());
    let _cleanup = TrayGuard(rt.clone());

    // 1. Started as at login: the tray alone, no window and no WebKit.
    let mut tray = Command::new(beside_app("switchboard-tray")).envs(envs).stdin(Stdio::null()).spawn().unwrap();
    let tray_pid = tray.id();
    wait_for("the tray menu", || tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("(tray-a)") && *c)));
    assert!(!x11::window_shown("Switchboard"), "no window at login");
    assert!(children(tray_pid).is_empty(), "the tray runs nothing else");

    // A second tray exits at once: one per user.
    let mut second = Command::new(beside_app("switchboard-tray"));
    second.envs(envs);
    assert_eq!(run_with_timeout(second, Duration::from_secs(30)).code, Some(0));
    assert_eq!(children(tray_pid).len(), 0);

    // 2. Open Switchboard: the window process starts, with WebKit's processes under it.
    tray_click_label("Open Switchboard");
    wait_for("the window", || x11::window_shown("Switchboard").then_some(()));
    let (app_pid, _) = wait_for("the window process to describe itself", || window_file(&rt));
    let webkit = wait_for("WebKit's processes", || {
        let k: Vec<_> = children(app_pid).into_iter().filter(|(_, n)| n.starts_with("WebKit")).collect();
        (k.len() >= 2).then_some(k)
    });
    assert!(webkit.iter().any(|(_, n)| n.starts_with("WebKitWebProces")), "{webkit:?}");
    assert!(webkit.iter().any(|(_, n)| n.starts_with("WebKitNetworkPr")), "{webkit:?}");

    // 3. Close it as the title bar's button does: the window process and WebKit's end,
    // the tray stays.
    assert!(x11::close_window("Switchboard"));
    wait_for("the window process and WebKit to exit", || {
        (!alive(app_pid) && webkit.iter().all(|(p, _)| !alive(*p))).then_some(())
    });
    assert!(!x11::window_shown("Switchboard"));
    assert!(alive(tray_pid), "the tray outlives the window");
    assert!(window_file(&rt).is_none(), "the window process said goodbye");

    // 4. With no window, a tray switch still rewrites config.toml, notifies, and the menu follows.
    tray_click_label("(tray-b)");
    wait_for("Codex to use tray-b", || (home.using().as_deref() == Some("tray-b")).then_some(()));
    wait_for("the check on tray-b", || tray_menu().filter(|(_, i)| i.iter().any(|(_, l, c)| l.contains("(tray-b)") && *c)));
    wait_for("the switch notification", || {
        let t = notes.text();
        (t.contains("Codex now uses") && t.contains("(tray-b)")).then_some(())
    });

    // A change made elsewhere reaches the menu through the watcher.
    home.sb(&["use", "tray-c"], None).ok();
    wait_for("the check on tray-c", || tray_menu().filter(|(_, i)| i.iter().any(|(_, l, c)| l.contains("(tray-c)") && *c)));
    tray_click_label("(tray-b)");
    wait_for("the check on tray-b", || tray_menu().filter(|(_, i)| i.iter().any(|(_, l, c)| l.contains("(tray-b)") && *c)));

    // 5. A tray test with no window: its verdict in the menu and in a one-line notification.
    tray_click_label("Test active provider");
    wait_for("the verdict in the menu", || tray_menu().filter(|(_, i)| i.iter().any(|(_, l, _)| l.starts_with('✔'))));
    wait_for("the test notification", || notes.text().contains("(tray-b): ").then_some(()));

    // 6. A new window shows what happened while none was open: tray-b in use, its tray test.
    let driver = Driver::start(&envs);
    let s = driver.session(&beside_app("switchboard-app"));
    s.set_size(1000, 720);
    s.find("[data-testid=provider-tray-b] [data-testid=active-badge]");
    s.wait_text("[data-testid=provider-tray-b] [data-testid=test-result]", "Ready for Codex", Duration::from_secs(15));
    let shots = std::env::var_os("SB_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target/screenshots"));
    s.screenshot(&shots.join("11-reopened-after-tray.png"));
    assert_eq!(children(tray_pid).len(), 0, "the window started from here did not start a second tray");

    // While the window has the focus, a tray switch notifies nobody: the window shows it.
    wait_for("the window to have the focus", || window_file(&rt).filter(|(_, f)| *f));
    tray_click_label("(tray-a)");
    s.find("[data-testid=provider-tray-a] [data-testid=active-badge]");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!notes.text().contains("(tray-a)"), "no notification over a focused window");

    // 7. Start at login: off by default; the toggle writes and removes the XDG autostart entry.
    let entry = cfg.join("autostart/switchboard.desktop");
    let toggle = s.find("[data-testid=autostart]");
    assert_eq!(s.script("return document.querySelector('[data-testid=autostart]').checked"), false, "off by default");
    assert!(!entry.exists());
    toggle.click();
    wait_for("the autostart entry", || entry.is_file().then_some(()));
    let text = std::fs::read_to_string(&entry).unwrap();
    let tray_bin = beside_app("switchboard-tray");
    assert!(text.contains(&format!("\nExec={}\n", tray_bin.display())), "the tray alone starts at login: {text}");
    s.screenshot(&shots.join("12-start-at-login.png"));
    s.find("[data-testid=autostart]").click();
    wait_for("the autostart entry to go", || (!entry.exists()).then_some(()));

    // 8. Quit in the tray ends the tray and the window.
    let (app_pid, _) = window_file(&rt).expect("the window runs");
    tray_click_label("Quit");
    let start = Instant::now();
    while tray.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "the tray did not quit");
        std::thread::sleep(Duration::from_millis(100));
    }
    wait_for("the window process to end", || (!alive(app_pid)).then_some(()));
    drop(driver);
}
