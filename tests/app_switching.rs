//! The real app: the Sessions view, session counts, the organisation's layer on
//! the header line, models coming back from the window and the tray, and the
//! tray's test of OpenAI. Runs after tests/app.rs (cargo runs test binaries one
//! at a time; the app is single-instance).


use switchboard_e2e::webdriver::{Driver, Session, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

/// A rollout file shaped like Codex 0.169's head (the real Codex run is in tests/switching.rs).
fn rows(s: &Session) -> usize {
    s.script("return document.querySelectorAll('[data-testid^=session-]').length").as_u64().unwrap() as usize
}

#[test]
fn sessions_view_managed_header_and_models_back_from_window_and_tray() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    home.write_config(b"model = \"gpt-5.1-codex\"\n\n[model_providers.alpha]\nname = \"Alpha Gateway\"\nbase_url = \"https://alpha.example.com/v1\"\nenv_key = \"ALPHA_KEY\"\n\n[model_providers.beta]\nname = \"Beta Cloud\"\nbase_url = \"https://beta.example.com/v1\"\nenv_key = \"BETA_KEY\"\n");
    rollout(home.path(), 1, "0aa1-alpha-old", "alpha", "Refactor the payment client");
    rollout(home.path(), 3, "0aa3-alpha-new", "alpha", "Why does the nightly build fail?\nLogs attached");
    rollout(home.path(), 2, "0bb2-beta", "beta", "Write tests for the parser");
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("etc/codex")).unwrap();
    std::fs::write(root.path().join("etc/codex/managed_config.toml"), "model = \"corp-approved\"\n").unwrap();
    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = switchboard_e2e::tray::TrayGuard(rt.path().to_owned());
    let driver = Driver::start(&[("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("CODEX_HOME", home.path().as_os_str()), ("SWITCHBOARD_SYSTEM_ROOT", root.path().as_os_str())]);
    let s = driver.session(&app_bin());
    s.set_size(1000, 720);

    // Counts per provider, and the organisation's layer named on the header line.
    s.wait_text("[data-testid=sessions-alpha]", "2 sessions", T);
    assert_eq!(s.text("[data-testid=sessions-beta]"), "1 session");
    let managed = s.find("[data-testid=managed]");
    assert_eq!(managed.text(), "managed by your organisation");
    assert!(managed.attr("title").unwrap_or_default().contains("managed_config.toml"));
    // From the keyboard too: it is a button that says which file and key.
    managed.click();
    s.wait_text("[data-testid=notice]", "managed_config.toml sets `model`", T);
    s.find("[data-testid=notice] button").click();
    shot(&s, "11-session-counts-managed");

    // The count opens the Sessions view filtered to that provider, newest first.
    s.find("[data-testid=sessions-alpha]").click();
    s.find("[data-testid=session-0aa3-alpha-new]");
    assert_eq!(rows(&s), 2);
    let first = s.script("return document.querySelector('[data-testid^=session-]').dataset.testid");
    assert_eq!(first, "session-0aa3-alpha-new");
    // textContent: WebDriver's visible text leaves out the ellipsised lines.
    let row = s.script("return document.querySelector('[data-testid=session-0aa3-alpha-new]').textContent").as_str().unwrap().to_owned();
    assert!(row.contains("Why does the nightly build fail? Logs attached"), "{row}");
    assert!(row.contains("codex -c 'model_provider=\"alpha\"' resume 0aa3-alpha-new"), "{row}");
    s.find("[data-testid=copy-0aa3-alpha-new]").click();
    s.wait_text("[data-testid=copy-0aa3-alpha-new]", "Copied", T);
    shot(&s, "12-sessions");
    s.script("const f = document.querySelector('[data-testid=sessions-filter]'); f.value = ''; f.dispatchEvent(new Event('change'));");
    wait_for(|| (rows(&s) == 3).then_some(()));
    s.script("const f = document.querySelector('[data-testid=sessions-filter]'); f.value = 'openai'; f.dispatchEvent(new Event('change'));");
    s.wait_text("[data-testid=sessions-empty]", "No saved sessions for openai", T);

    // The window: leaving openai remembers its model; Use brings it back.
    s.find("[data-testid=nav-providers]").click();
    home.sb(&["use", "alpha", "--model", "alpha-large"], None).ok();
    s.wait_text("[data-testid=active-provider]", "alpha-large", T);
    assert!(s.text("[data-testid=provider-alpha]").contains("from your config"), "a remembered model keeps a hand-written provider the user's");
    s.find("[data-testid=use-openai]").click();
    s.wait_text("[data-testid=active-provider]", "gpt-5.1-codex", T);
    let notice = s.text("[data-testid=notice]");
    assert!(notice.contains("Your `alpha` sessions stay on disk"), "{notice}");
    assert!(notice.contains("organisation"), "the managed model is named: {notice}");
    assert!(home.config_text().starts_with("model = \"gpt-5.1-codex\"\n"), "{}", home.config_text());

    // The tray: alpha gets its model back, and openai its own again. Each click waits
    // for the menu to show the last change (it is rebuilt, with new item ids, after each).
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("OpenAI") && *c)));
    tray_click_label("(alpha)");
    wait_for(|| home.config_text().contains("model_provider = \"alpha\"").then_some(()));
    assert!(home.config_text().contains("model = \"alpha-large\""), "{}", home.config_text());
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("(alpha)") && *c)));
    tray_click_label("OpenAI (default)");
    wait_for(|| (!home.config_text().contains("model_provider =")).then_some(()));
    assert!(home.config_text().contains("model = \"gpt-5.1-codex\""), "{}", home.config_text());
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("OpenAI") && *c)));

    // The tray's test of OpenAI says whether Codex is signed in, without reading the token.
    tray_click_label("Test active provider");
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, _)| l.contains("not signed in to OpenAI"))));
    std::fs::write(home.path().join("auth.json"), "{\"OPENAI_API_KEY\":\"sk-app-never-shown\"}").unwrap();
    tray_click_label("Test active provider");
    let (_, items) = wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, _)| l.starts_with('✔') && l.contains("signed in to OpenAI"))));
    assert!(!format!("{items:?}").contains("sk-app"), "{items:?}");
    shot(&s, "13-openai-signed-in");
    s.close();
    drop(driver);

    // Dark theme, Sessions view.
    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = switchboard_e2e::tray::TrayGuard(rt.path().to_owned());
    let driver = Driver::start(&[("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("CODEX_HOME", home.path().as_os_str()), ("GTK_THEME", "Adwaita:dark".as_ref())]);
    let s = driver.session(&app_bin());
    s.set_size(1000, 720);
    s.find("[data-testid=nav-sessions]").click();
    s.find("[data-testid=session-0bb2-beta]");
    shot(&s, "14-sessions-dark");
    s.close();
}
