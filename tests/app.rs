//! The real desktop app (target/debug/switchboard-app) driven through
//! tauri-driver and WebKitWebDriver under Xvfb, with the real Secret Service.
//! One test, in order: the app is single-instance, so it cannot run twice at once.

use std::time::Duration;

use switchboard_e2e::webdriver::{Driver, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

const OR_KEY: &str = "sk-or-v1-APP-e2e-secret";

#[test]
fn a_person_adds_tests_and_uses_providers_in_the_real_app() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    let good = ResponsesServer::start_full("127.0.0.1", "/api/v1", Some(OR_KEY), Behavior::Good, Duration::ZERO);
    let chat_only = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::ChatOnly, Duration::ZERO);
    // The app finds the CLI helper beside itself (target/debug/switchboard), and starts the
    // tray process beside itself too; its session folder is private to this test.
    let (rt, port_s) = (home.run(), home.port.to_string());
    let _cleanup = TrayGuard(rt.path().to_owned());
    let env = [("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref())];
    let driver = Driver::start(&env);
    let s = driver.session(&app_bin());
    s.set_size(1000, 720);

    // 1. A fresh Codex home: the empty state guides the user.
    s.find("[data-testid=empty-state]");
    s.wait_text("[data-testid=active-provider]", "OpenAI", T);
    shot(&s, "01-empty");

    // 2. A hand edit on disk shows up in the window without a reload.
    home.write_config(EVERYDAY.as_bytes());
    s.find("[data-testid=provider-company_gateway]");
    assert!(s.text("[data-testid=auth-company_gateway]").contains("from $COMPANY_LLM_KEY"));

    // 2b. Edit shows where the key comes from, and Save without changes writes nothing:
    // an env-variable provider written by hand, and a token-command provider added by the CLI.
    home.sb(
        &[
            "add", "custom", "--id", "cmd-gw", "--base-url", "https://cmd.example.com/v1", "--model", "m1",
            "--token-command", "vault", "--token-arg", "read", "--token-arg", "llm-token", "--refresh-interval-ms", "60000",
        ],
        None,
    )
    .ok();
    s.find("[data-testid=provider-cmd-gw]");
    for (id, mode, fields) in [
        ("company_gateway", "env", vec![("#f-envVar", "COMPANY_LLM_KEY")]),
        ("cmd-gw", "command", vec![("#f-tokenCommand", "vault"), ("#f-tokenArgs", "read llm-token")]),
    ] {
        let before = home.read_config();
        s.find(&format!("[data-testid=edit-{id}]")).click();
        s.find("[data-testid=provider-form]");
        for (field, want) in &fields {
            let got = wait_for(|| {
                let v = s.script(&format!("return document.querySelector('{field}')?.value ?? null"));
                (v.as_str() == Some(want)).then_some(v)
            });
            assert_eq!(got.as_str(), Some(*want), "{id}: {field}");
        }
        assert_eq!(s.script(&format!("return document.querySelector('label.radio input[value={mode}]').checked")), true, "{id}");
        shot(&s, &format!("02b-edit-{mode}"));
        s.find("[data-testid=save]").click();
        s.wait_text("[data-testid=notice]", "Updated", T);
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(home.read_config(), before, "{id}: Save without changes leaves config.toml byte-identical");
    }

    // 3. Add OpenRouter (pointed at the stand-in), typing the key.
    s.find("[data-testid=nav-add]").click();
    s.find("[data-testid=preset-openrouter]");
    shot(&s, "02-presets");
    s.find("[data-testid=preset-openrouter]").click();
    s.find("#f-id").clear().type_text("or-app");
    s.find("#f-key").type_text(OR_KEY);
    if !s.find("details").attr("open").is_some_and(|o| o == "true" || o.is_empty()) {
        s.find("summary").click();
    }
    s.find("#f-baseUrl2").type_text(&good.base_url());
    shot(&s, "03-add-openrouter");
    s.find("[data-testid=save]").click();
    s.find("[data-testid=provider-or-app]");
    assert!(s.text("[data-testid=auth-or-app]").contains("key in Keychain"));
    assert!(!s.text("body").contains(OR_KEY), "the key is never shown after saving");

    // 4. Press Test and see the verdict, with per-step timings.
    s.find("[data-testid=test-or-app]").click();
    let verdict = s.wait_text("[data-testid=provider-or-app] [data-testid=test-result]", "Ready for Codex", T);
    assert!(verdict.contains("Responses API"), "{verdict}");
    shot(&s, "04-test-ok");

    // 5. Press Use: config.toml and the keychain say the same, and the window lists once
    // (it lists on each `config-changed`, and on nothing else after it has started).
    s.script(
        "window.__changes = 0; const i = window.__TAURI_INTERNALS__; \
         i.invoke('plugin:event|listen', { event: 'config-changed', target: { kind: 'Any' }, \
           handler: i.transformCallback(() => window.__changes++) }); return true",
    );
    std::thread::sleep(Duration::from_millis(300));
    // What the Test's report stirred up has been counted by now: only the Use counts.
    s.script("window.__changes = 0; return true");
    s.find("[data-testid=use-or-app]").click();
    s.wait_text("[data-testid=active-provider]", "OpenRouter", T);
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(s.script("return window.__changes"), 1, "one change, one refresh of the list");
    s.find("[data-testid=provider-or-app] [data-testid=active-badge]");
    let text = home.config_text();
    assert!(text.contains("model_provider = \"switchboard\""), "Codex reaches it through the router: {text}");
    assert_eq!(home.using().as_deref(), Some("or-app"));
    assert!(text.contains("[model_providers.or-app.auth]"), "{text}");
    assert!(text.contains(&format!("base_url = \"{}\"", good.base_url())));
    assert!(text.starts_with("# Codex settings, edited by hand over many months."), "the user's file is kept");
    assert_eq!(home.sb(&["token", "or-app"], None).stdout.trim(), OR_KEY, "the key is in the keychain");
    assert!(!home.all_bytes().contains(OR_KEY), "the key is in no file");
    shot(&s, "05-active");

    // The key is never shown again: the edit form says it is stored, with Replace and Remove.
    s.find("[data-testid=edit-or-app]").click();
    let stored = s.wait_text("[data-testid=key-stored]", "Key stored in your keychain", T);
    assert!(stored.contains("Replace") && stored.contains("Remove"), "{stored}");
    assert!(!s.exists("#f-key"), "no key field until Replace is pressed");
    assert_eq!(s.script(&format!("return document.body.innerHTML.includes('{OR_KEY}')")), false);
    shot(&s, "05b-edit-key-stored");
    s.find("[data-testid=cancel]").click();

    // 6. A custom provider that only speaks Chat Completions: the verdict explains it.
    s.find("[data-testid=nav-add]").click();
    s.find("[data-testid=preset-custom]").click();
    s.find("#f-id").clear().type_text("chat-gw");
    // A bad URL gets an inline error and nothing is written.
    let before = home.read_config();
    s.find("#f-baseUrl").type_text("llm.example.com/v1");
    s.find("#f-model").type_text("m1");
    s.find("[data-testid=save]").click();
    // Pressing save shows every problem and moves focus to the first one.
    s.wait_text("[data-testid=provider-form]", "choose No key", T);
    let err = s.wait_text("[data-testid=error-baseUrl]", "http", T);
    assert_eq!(s.script("return document.activeElement.id"), "f-baseUrl");
    assert!(err.contains("http://"), "{err}");
    shot(&s, "06-bad-url");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(home.read_config(), before, "a refused form writes nothing");
    s.find("#f-baseUrl").clear().type_text(&chat_only.base_url());
    s.find("label.radio input[value=none]").click();
    s.find("[data-testid=save]").click();
    s.find("[data-testid=test-chat-gw]").click();
    let verdict = s.wait_text("[data-testid=provider-chat-gw] [data-testid=test-result]", "can't back Codex", T);
    assert!(verdict.contains("Chat Completions"), "{verdict}");
    shot(&s, "07-test-chat-only");

    // 7. Switching from the CLI shows in the window at once.
    home.sb(&["use", "chat-gw"], None).ok();
    s.find("[data-testid=provider-chat-gw] [data-testid=active-badge]");

    // The edit form of a provider without a key says so.
    s.find("[data-testid=edit-chat-gw]").click();
    s.find("[data-testid=provider-form]");
    assert_eq!(s.script("return document.querySelector('label.radio input[value=none]').checked"), true);
    shot(&s, "07b-edit-no-key");
    s.find("[data-testid=cancel]").click();

    // 8. Backups: listed, and a restore asks first.
    s.find("[data-testid=nav-backups]").click();
    s.find("[data-testid=restore-0]");
    shot(&s, "08-backups");
    s.find("[data-testid=restore-0]").click();
    s.find("[data-testid=confirm-restore]").click();
    s.find("[data-testid=notice]");
    assert!(s.text("[data-testid=notice]").contains("Restored"));

    // 9. The other presets, each added in the window, tested, used, and then used by a real Codex.
    let mut servers = Vec::new();
    for (preset, id, key, prefix, fields) in [
        ("azure", "azure-app", Some("azure-app-key-1"), "/openai/v1", vec![("#f-deployment", "gpt5-prod")]),
        ("vercel", "vercel-app", Some("vck-app-key-2"), "/v1", vec![]),
        ("ollama", "ollama-app", None, "/v1", vec![("#f-model", "qwen3-coder:30b")]),
    ] {
        let server = ResponsesServer::start_full("127.0.0.1", prefix, key, Behavior::Good, Duration::ZERO);
        s.find("[data-testid=nav-add]").click();
        s.find(&format!("[data-testid=preset-{preset}]")).click();
        s.find("#f-id").clear().type_text(id);
        for (field, value) in &fields {
            s.find(field).clear().type_text(value);
        }
        if let Some(k) = key {
            s.find("#f-key").type_text(k);
        }
        if s.script("return document.querySelector('details').open") != true {
            s.find("summary").click();
        }
        s.find("#f-baseUrl2").type_text(&server.base_url());
        s.find("[data-testid=save]").click();
        s.find(&format!("[data-testid=test-{id}]")).click();
        s.wait_text(&format!("[data-testid=provider-{id}] [data-testid=test-result]"), "Ready for Codex", T);
        s.find(&format!("[data-testid=use-{id}]")).click();
        s.find(&format!("[data-testid=provider-{id}] [data-testid=active-badge]"));
        let before = server.responses_posts().len();
        let out = codex_exec(&home, &[], &[]);
        assert_eq!(out.code, Some(0), "codex with {preset}: {}\n{}\n{}", out.stdout, out.stderr, home.config_text());
        let posts = &server.responses_posts()[before..];
        assert!(!posts.is_empty(), "codex did not reach the {preset} stand-in");
        match key {
            Some(k) => assert_eq!(posts[0].header("authorization"), Some(format!("Bearer {k}").as_str())),
            None => assert!(posts[0].header("authorization").is_none()),
        }
        if preset == "ollama" {
            assert!(posts[0].body.contains("qwen3-coder:30b"), "the model picked in the window reached Codex");
        }
        servers.push(server);
    }
    shot(&s, "09-all-presets");

    // 10. The tray, driven over D-Bus exactly as a tray host drives it.
    let (_, items) = wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("ollama-app") && *c)));
    let labels: Vec<&str> = items.iter().map(|(_, l, _)| l.as_str()).collect();
    for want in ["OpenAI (default)", "OpenRouter (or-app)", "Vercel AI Gateway (vercel-app)", "Test active provider", "Open Switchboard", "Quit"] {
        assert!(labels.contains(&want), "tray lacks {want}: {labels:?}");
    }
    tray_click_label("(vercel-app)");
    s.find("[data-testid=provider-vercel-app] [data-testid=active-badge]");
    assert_eq!(home.using().as_deref(), Some("vercel-app"));
    let start = std::time::Instant::now();
    while !tray_menu().is_some_and(|(_, items)| items.iter().any(|(_, l, c)| l.contains("vercel-app") && *c)) {
        assert!(start.elapsed() < T, "the tray's check did not move to vercel-app: {:?}", tray_menu());
        std::thread::sleep(Duration::from_millis(200));
    }
    tray_click_label("Test active provider");
    let (_, items) = wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, _)| l.starts_with('✔'))));
    let note = items.iter().find(|(_, l, _)| l.starts_with('✔')).unwrap();
    assert!(note.1.contains("Responses API"), "{note:?}");

    // A test started from the tray shows in the window too: the report lives in the app, not the page.
    let tray_server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    home.sb(&["add", "ollama", "--id", "tray-ol", "--base-url", &tray_server.base_url()], None).ok();
    s.find("[data-testid=provider-tray-ol]");
    assert!(!s.exists("[data-testid=provider-tray-ol] [data-testid=test-result]"), "not tested yet");
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, _)| l.contains("(tray-ol)"))));
    tray_click_label("(tray-ol)");
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l.contains("(tray-ol)") && *c)));
    tray_click_label("Test active provider");
    s.wait_text("[data-testid=provider-tray-ol] [data-testid=test-result]", "Ready for Codex", T);
    shot(&s, "09b-tray-test-in-window");

    s.close();
    drop(driver);

    // 11. Dark mode follows the desktop's theme.
    let driver = Driver::start(&[env[0], env[1], ("GTK_THEME", "Adwaita:dark".as_ref())]);
    let s = driver.session(&app_bin());
    s.set_size(1000, 720);
    s.find("[data-testid=provider-or-app]");
    let bg = s.script("return getComputedStyle(document.documentElement).backgroundColor");
    assert_eq!(bg, "rgb(18, 20, 26)", "the dark palette is in use");
    shot(&s, "10-dark");
    // Quit in the tray ends the tray and this window's process.
    let window = std::fs::read_to_string(rt.path().join("switchboard/window")).unwrap();
    let pid = window.split_whitespace().next().unwrap().to_owned();
    tray_click_label("Quit");
    wait_for(|| {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        (stat.is_empty() || stat.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z')).then_some(())
    });
    drop(s);
    for id in ["or-app", "azure-app", "vercel-app"] {
        home.sb(&["key", "delete", id], None);
    }
}
