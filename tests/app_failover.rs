//! Failover in the real app, through tauri-driver and WebKitWebDriver under Xvfb: a
//! model's fallbacks set from its models panel (added, reordered with the buttons and by
//! dragging, removed) and a provider's deadline are what `switchboard fallback` lists; the real Codex's request,
//! moved off a provider that cannot be reached, is said on the page and on both
//! providers' rows; and with the window closed the tray says it in a desktop
//! notification. Then, in each language and theme, axe and a screenshot of the fallbacks.

use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::responses::{Behavior, ResponsesServer};
use switchboard_e2e::tray::{Notifications, TrayGuard};
use switchboard_e2e::webdriver::{Driver, Session, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

/// `slug`'s fallbacks, as `switchboard fallback --json` lists them.
fn fallbacks(home: &Home, slug: &str) -> Vec<String> {
    let out = home.sb(&["fallback", "--json"], None);
    out.ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout));
    let all = v["settings"]["fallbacks"].as_array().or(v["fallbacks"].as_array()).cloned().unwrap_or_default();
    all.iter()
        .find(|f| f["model"] == slug)
        .map(|f| f["fallbacks"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[track_caller]
fn wait_fallbacks(home: &Home, slug: &str, want: &[&str]) {
    let start = std::time::Instant::now();
    loop {
        let got = fallbacks(home, slug);
        if got == want {
            return;
        }
        assert!(start.elapsed() < T, "{slug}'s fallbacks: {got:?}, wanted {want:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Adds `slug` from the editor's list of models, once the last change is saved.
fn add_fallback(s: &Session, of: &str, slug: &str) {
    wait_for(|| {
        let js = format!(
            "const c = document.querySelector('[data-testid=\"fallback-choice-{of}\"]'); \
             if (!c || ![...c.options].some((o) => o.value === '{slug}')) return false; \
             c.value = '{slug}'; c.dispatchEvent(new Event('change', {{ bubbles: true }})); \
             return !document.querySelector('[data-testid=\"fallback-add-{of}\"]').disabled"
        );
        (s.script(&js) == Value::Bool(true)).then_some(())
    });
    s.find(&format!("[data-testid=\"fallback-add-{of}\"]")).click();
}

/// Drags item `from` of `of`'s list onto item `to`, as the browser's drag and drop does.
fn drag(s: &Session, of: &str, from: usize, to: usize) {
    s.script(&format!(
        "const item = (i) => document.querySelector(`[data-testid=\"fallback-{of}-${{i}}\"]`); \
         const dt = new DataTransfer(); \
         item({from}).dispatchEvent(new DragEvent('dragstart', {{ bubbles: true, dataTransfer: dt }})); \
         item({to}).dispatchEvent(new DragEvent('dragover', {{ bubbles: true, cancelable: true, dataTransfer: dt }})); \
         item({to}).dispatchEvent(new DragEvent('drop', {{ bubbles: true, cancelable: true, dataTransfer: dt }})); \
         item({from}).dispatchEvent(new DragEvent('dragend', {{ bubbles: true, dataTransfer: dt }})); return true"
    ));
}

#[test]
fn fallbacks_from_the_window_and_each_move_said_on_the_page_its_rows_and_the_desktop() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    home.write_config(b"# mine\nmodel = \"gpt-5.5\"\n");
    let b = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    let c = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    // fa cannot be reached (nothing listens on port 9).
    for (id, url) in [("fa", "http://127.0.0.1:9/v1".to_owned()), ("fb", b.base_url()), ("fc", c.base_url())] {
        home.sb(&["add", "custom", "--id", id, "--name", &format!("{} Cloud", id.to_uppercase()), "--base-url", &url, "--model", "m1", "--no-key", "--api", "responses"], None).ok();
    }
    home.sb(&["use", "fa"], None).ok();

    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = TrayGuard(rt.path().to_owned());
    let dirs = tempfile::tempdir().unwrap();
    let notes = Notifications::watch(dirs.path());
    let env = [("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("LANG", "en_US.UTF-8".as_ref())];
    let driver = Driver::start(&env);
    let s = driver.session(&app_bin());
    s.set_size(1000, 760);

    // 1. fa/m1's fallbacks from its models panel: fb then fc; reordered; one removed and back.
    s.find("[data-testid=models-button-fa]").click();
    s.find("[data-testid=fallbacks-button-fa-m1]").click();
    s.find("[data-testid=\"fallback-none-fa/m1\"]");
    add_fallback(&s, "fa/m1", "fb/m1");
    s.find("[data-testid=\"fallback-fa/m1-0\"]");
    add_fallback(&s, "fa/m1", "fc/m1");
    s.find("[data-testid=\"fallback-fa/m1-1\"]");
    wait_fallbacks(&home, "fa/m1", &["fb/m1", "fc/m1"]);
    s.wait_text("[data-testid=fallbacks-button-fa-m1]", "2 fallbacks", T);
    // The keyboard's way: fc earlier.
    s.find("[data-testid=\"fallback-up-fa/m1-1\"]").click();
    wait_fallbacks(&home, "fa/m1", &["fc/m1", "fb/m1"]);
    s.wait_text("[data-testid=\"fallback-fa/m1-0\"]", "fc/m1", T);
    // The mouse's way: fb dragged back to the top.
    drag(&s, "fa/m1", 1, 0);
    wait_fallbacks(&home, "fa/m1", &["fb/m1", "fc/m1"]);
    s.wait_text("[data-testid=\"fallback-fa/m1-0\"]", "fb/m1", T);
    shot(&s, "31-fallbacks");
    let found = switchboard_e2e::axe::audit(&s, &switchboard_e2e::axe::source(), "fallbacks");
    assert!(found.is_empty(), "{}", found.join("\n"));
    s.find("[data-testid=\"fallback-remove-fa/m1-0\"]").click();
    wait_fallbacks(&home, "fa/m1", &["fc/m1"]);
    add_fallback(&s, "fa/m1", "fb/m1");
    wait_fallbacks(&home, "fa/m1", &["fc/m1", "fb/m1"]);
    // fb's deadline: 10 s from the window; nonsense refused in core's words, nothing written.
    s.find("[data-testid=models-button-fb]").click();
    s.find("[data-testid=deadline-fb]").type_text("10");
    s.find("[data-testid=deadline-save-fb]").click();
    wait_for(|| {
        let v: Value = serde_json::from_str(&home.sb(&["fallback", "--json"], None).stdout).ok()?;
        (v["settings"]["deadlines"] == serde_json::json!([{"provider": "fb", "secs": 10}])).then_some(())
    });
    let router_file = std::fs::read(home.path().join("switchboard-router.json")).unwrap();
    s.find("[data-testid=deadline-fb]").clear();
    s.find("[data-testid=deadline-fb]").type_text("soon");
    s.find("[data-testid=deadline-save-fb]").click();
    s.wait_text("[data-testid=notice]", "3600", T);
    assert_eq!(std::fs::read(home.path().join("switchboard-router.json")).unwrap(), router_file, "a refused deadline writes nothing");
    // A change made with the CLI shows in the window.
    home.sb(&["fallback", "fa/m1", "fb/m1"], None).ok();
    s.wait_text("[data-testid=fallbacks-button-fa-m1]", "1 fallback", T);

    // 2. The real Codex, with fa in use: fa cannot be reached, fb answers; the page and
    //    both rows say so.
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(b.responses_posts().iter().any(|p| p.from_codex()), "the request reached fb");
    let said = "fa could not be reached; this request went to fb, model m1.";
    s.wait_text("[data-testid=notice]", said, T);
    assert!(s.text("[data-testid=moved-fa]").contains(said), "{}", s.text("[data-testid=moved-fa]"));
    assert!(s.text("[data-testid=moved-fb]").contains(said));
    assert!(!s.exists("[data-testid=moved-fc]"), "fc had no part in it");
    shot(&s, "32-failover-said");
    s.close();
    drop(driver);

    // 3. With the window closed the tray says the next move on the desktop.
    wait_for(|| switchboard_e2e::tray::tray_menu());
    std::thread::sleep(Duration::from_secs(4));
    let before = notes.text().matches(said).count();
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    wait_for(|| (notes.text().matches(said).count() == before + 1).then_some(()));

    // 4. The fallbacks and the row's move in each language and theme: axe and a screenshot.
    let axe = switchboard_e2e::axe::source();
    let mut found = Vec::new();
    for (theme, lang, locale) in switchboard_e2e::axe::LOOKS {
        let mut env = vec![("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("LANG", locale.as_ref())];
        if theme == "dark" {
            env.push(("GTK_THEME", "Adwaita:dark".as_ref()));
        }
        let driver = Driver::start(&env);
        let s = driver.session(&app_bin());
        s.set_size(1000, 760);
        s.wait_text("[data-testid=nav-providers]", &switchboard_e2e::axe::message(lang, "nav-providers"), T);
        s.find("[data-testid=models-button-fa]").click();
        s.find("[data-testid=fallbacks-button-fa-m1]").click();
        s.find("[data-testid=\"fallback-fa/m1-0\"]");
        // The move is worded in the window's language (core's sentence, its words between the placeables).
        let served = switchboard_e2e::axe::message_in(lang, "core", "failover-served");
        let words = served.split("{ $provider }").next().unwrap().split("{ $why }").nth(1).unwrap().trim();
        s.wait_text("[data-testid=moved-fa]", words, T);
        found.extend(switchboard_e2e::axe::audit(&s, &axe, &format!("fallbacks {theme} {lang}")));
        shot(&s, &format!("42-fallbacks-{lang}-{theme}"));
        s.close();
        drop(driver);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
