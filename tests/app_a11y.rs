//! axe-core 4 (tests/node_modules/axe-core) inside the real app, through
//! tauri-driver, on every screen a person reaches: the providers (one per auth
//! mode, a hand-written one, a bridged one, a Test that passed and one that
//! failed, a plain-text key's banner), a removal's confirmation, a share panel,
//! the presets, the add form with its options open and with an error, a new preset's
//! form (MiniMax), a Test that shows the way, a better way and what the bridge learnt, the edit
//! form, sessions, import (empty and with a link read), CC Switch import,
//! backups and a restore's confirmation; in each language, light and dark, with a
//! screenshot of each (target/screenshots/40-*) and the layout checked at 800×600.
//! Every violation of every screen is listed before the test fails. Also: the Test's progress and verdict
//! reach the page's live region, and the status dots have a name.

use std::time::Duration;

use switchboard_e2e::axe::{audit, message, message_in, source as axe_source};
use switchboard_e2e::webdriver::{Driver, T, app_bin, page_layout, shot, wait_for};
use switchboard_e2e::*;

#[test]
fn every_screen_passes_axe_in_both_themes() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let axe = axe_source();
    let home = Home::new();
    // A hand-written provider with its key in plain text (the banner), then one per auth mode.
    home.write_config(
        b"model = \"gpt-5.1-codex\"\n\n[model_providers.byhand]\nname = \"Hand-written gateway\"\nbase_url = \"https://gw.example.com/v1\"\nexperimental_bearer_token = \"sk-plain-a11y-000\"\n",
    );
    let good = ResponsesServer::start_full("127.0.0.1", "/v1", Some("sk-a11y-key-1"), Behavior::Good, Duration::ZERO);
    home.sb(&["add", "openrouter", "--id", "kc", "--base-url", &good.base_url(), "--key-stdin"], Some("sk-a11y-key-1")).ok();
    home.sb(&["add", "custom", "--id", "envp", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--env-key", "SB_A11Y_NEVER_SET"], None).ok();
    home.sb(&["add", "custom", "--id", "cmdp", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--token-command", "/bin/echo", "--token-arg", "t"], None).ok();
    home.sb(&["add", "ollama", "--id", "nokey", "--base-url", "http://127.0.0.1:9/v1", "--model", "qwen3-coder:30b"], None).ok();
    home.sb(&["add", "kimi", "--id", "kimi", "--base-url", "http://127.0.0.1:9/v1", "--env-key", "SB_A11Y_KIMI"], None).ok();
    // A bridged gateway whose endpoint has since gained a Responses API that takes Codex's
    // tools, and of which the bridge learnt something: its Test shows the way, the better
    // way and what was learnt.
    let port = switchboard_e2e::bridge::free_port();
    let port_s = port.to_string();
    let dual = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Dual { refuse_custom: false }, Duration::ZERO);
    let mut add = std::process::Command::new(bin());
    add.arg("--codex-home").arg(home.path()).args(["add", "chat-gateway", "--id", "grown", "--name", "Team gateway", "--base-url", &dual.base_url(), "--model", "m1", "--no-key", "--api", "chat"]);
    add.env("SWITCHBOARD_BRIDGE_PORT", &port_s);
    run(add, None).ok();
    home.sb(&["use", "kc"], None).ok();
    rollout(home.path(), 1, "0aa1-kc", "kc", "Refactor the payment client");
    let link = home.sb(&["share", "cmdp"], None).stdout.lines().find(|l| l.starts_with("switchboard://")).expect("a share link").to_owned();
    let rt = tempfile::tempdir().unwrap();
    let _tray = switchboard_e2e::tray::TrayGuard(rt.path().to_owned());
    let _stop = switchboard_e2e::bridge::StopBridge(port, tempfile::tempdir().unwrap().keep());
    let mut all = Vec::new();

    // English light and dark, then each other language as the system's (LANG).
    let rounds = switchboard_e2e::axe::LOOKS;
    // Where the picker's choice is kept (beside the log); each round starts without one.
    let state = tempfile::tempdir().unwrap();
    let choice = state.path().join("switchboard/language");
    std::fs::create_dir_all(state.path().join("switchboard")).unwrap();
    let lessons = serde_json::json!({"version": 1, "upstreams": {dual.base_url(): ["no_stream_options"]}});
    std::fs::write(state.path().join("switchboard/bridge-lessons.json"), lessons.to_string()).unwrap();
    for (round, (theme, lang, locale)) in rounds.into_iter().enumerate() {
        let _ = std::fs::remove_file(&choice);
        let mut env = vec![
            ("XDG_RUNTIME_DIR", rt.path().as_os_str()),
            ("CODEX_HOME", home.path().as_os_str()),
            ("LANG", locale.as_ref()),
            ("XDG_STATE_HOME", state.path().as_os_str()),
            ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()),
        ];
        if theme == "dark" {
            env.push(("GTK_THEME", "Adwaita:dark".as_ref()));
        }
        let driver = Driver::start(&env);
        let s = driver.session(&app_bin());
        s.set_size(980, 700);
        let m = |id: &str| message(lang, id);
        // Each screen: axe, a screenshot at the default size, and the layout at 800×600
        // (the header on one line, the footer in view, nothing wider than the window).
        let mut check = |screen: &str| {
            std::thread::sleep(Duration::from_millis(250));
            all.extend(audit(&s, &axe, &format!("{theme} {lang} {screen}")));
            shot(&s, &format!("40-{lang}-{theme}-{}", screen.replace(' ', "-")));
            s.set_size(800, 600);
            std::thread::sleep(Duration::from_millis(400));
            let l = page_layout(&s);
            let holds = l["nowLines"] == 1
                && l["header"].as_f64().unwrap_or(99.0) < 60.0
                && l["footerBottom"].as_f64().unwrap_or(9e9) <= l["height"].as_f64().unwrap_or(0.0) + 0.5
                && l["width"] == 0
                && l["footerWidth"].as_f64().unwrap_or(1.0) <= 0.0;
            if !holds {
                all.push(format!("{theme} {lang} {screen}: at 800×600 the layout does not hold: {l}"));
            }
            s.set_size(980, 700);
            std::thread::sleep(Duration::from_millis(300));
        };
        s.wait_text("[data-testid=nav-providers]", &m("nav-providers"), T);
        assert_eq!(s.script("return document.documentElement.lang"), lang, "<html lang> follows the language");

        // Providers, before and after a Test that passes and one that fails.
        s.find("[data-testid=plain-keys-banner]");
        check("providers");
        // A provider's models in Codex's picker, and whether it is reached through the router.
        s.find("[data-testid=models-button-kc]").click();
        s.find("[data-testid=route-direct-kc]");
        check("models");
        s.find("[data-testid=models-button-kc]").click();
        let dot = s.find("[data-testid=provider-kc] .dot");
        assert_eq!(dot.attr("role").as_deref(), Some("img"), "a status dot is an image with a name");
        // The first round tested it; the report is kept for the others.
        let tested = m("dot-last-test").replace("{ $verdict }", &m("verdict-ok"));
        let untested = if round == 0 { m("dot-untested") } else { tested.clone() };
        assert_eq!(dot.attr("aria-label"), Some(untested));
        // What the live region says, as a screen reader hears it: each change of its text.
        s.script(
            "window.__said = []; const a = document.querySelector('[data-testid=announcer]'); \
             new MutationObserver(() => window.__said.push(a.textContent)).observe(a, { childList: true, characterData: true, subtree: true }); return true",
        );
        s.find("[data-testid=test-kc]").click();
        s.wait_text("[data-testid=provider-kc] [data-testid=test-result]", &m("verdict-ok"), T);
        let said = wait_for(|| {
            let v = s.script("return window.__said");
            v.as_array().filter(|a| a.len() >= 2).map(|a| a.iter().map(|x| x.as_str().unwrap_or_default().to_owned()).collect::<Vec<_>>())
        });
        assert_eq!(said[0], m("announce-testing").replace("{ $provider }", "OpenRouter"), "{said:?}");
        let verdict = m("announce-verdict").replace("{ $provider }", "OpenRouter").replace("{ $verdict }", &m("verdict-ok"));
        assert!(said[1].starts_with(verdict.split("{ $message }").next().unwrap()), "{said:?}");
        assert_eq!(s.find("[data-testid=provider-kc] .dot").attr("aria-label"), Some(tested));
        s.find("[data-testid=test-envp]").click();
        s.wait_text("[data-testid=provider-envp] [data-testid=test-result]", "SB_A11Y_NEVER_SET", T);
        // The fix is the window's (its buttons, not a command), in the window's language.
        let fix = message_in(lang, "core", "test-env-unset-fix").replace("{ $var }", "SB_A11Y_NEVER_SET");
        let result = s.wait_text("[data-testid=provider-envp] [data-testid=test-result]", &fix, T);
        assert!(!result.contains("switchboard "), "{lang}: {result}");
        check("providers with test results");
        // The way Codex reaches a provider, a better way, and what the bridge learnt, in the language.
        s.find("[data-testid=test-grown]").click();
        // The Test asks the way at two addresses: more than the usual wait on a busy machine.
        let offer = s.wait_text("[data-testid=provider-grown] [data-testid=test-path-offer]", &m("test-better"), 3 * T);
        let better = message_in(lang, "core", "path-offer-direct");
        assert!(offer.contains(better.split("{ $host }").nth(1).unwrap().trim()), "{lang}: {offer}");
        let learnt = s.text("[data-testid=provider-grown] [data-testid=test-learnt]");
        assert_eq!(learnt.trim(), message_in(lang, "core", "lesson-no-stream-options").replace("{ $name }", "Team gateway"), "{lang}");
        assert_eq!(s.text("[data-testid=provider-grown] [data-testid=use-direct]").trim(), m("test-use-direct"));
        s.script("document.querySelector('[data-testid=provider-grown] [data-testid=test-path]').scrollIntoView({block: 'center'}); return true");
        check("a test with a better way");
        s.find("[data-testid=remove-envp]").click();
        s.find("[data-testid=confirm-remove]");
        check("confirm removal");
        s.find("[data-testid=share-cmdp]").click();
        s.find("[data-testid=share-link]");
        check("share panel");

        // Adding and editing.
        s.find("[data-testid=nav-add]").click();
        s.find("[data-testid=preset-openrouter]");
        check("presets");
        s.find("[data-testid=preset-openrouter]").click();
        s.find("[data-testid=provider-form]");
        if s.script("return document.querySelector('details').open") != true {
            s.find("summary").click();
        }
        check("add form");
        s.find("#f-id").clear().type_text("bad id!");
        s.find("[data-testid=save]").click();
        std::thread::sleep(Duration::from_millis(300));
        check("add form with an error");
        // Core's refusal, worded in the window's language.
        let refusal = message_in(lang, "core", "error-invalid-id").replace("{ $id }", "bad id!");
        s.wait_text("[data-testid=provider-form]", &refusal, T);
        // So is the reason inside a refusal: no English inside a translated sentence.
        s.find("#f-id").clear().type_text("ok-id");
        s.find("#f-baseUrl2").clear().type_text("ftp://x");
        s.find("[data-testid=save]").click();
        let form = s.wait_text("[data-testid=provider-form]", &message_in(lang, "core", "url-scheme"), T);
        assert!(lang == "en" || !form.contains("must start"), "{lang}: {form}");
        shot(&s, &format!("41-{lang}-{theme}-url-refused"));
        // A new preset's form: MiniMax, through the bridge by default.
        s.find("[data-testid=nav-add]").click();
        s.find("[data-testid=preset-minimax]").click();
        s.find("[data-testid=provider-form]");
        if s.script("return document.querySelector('details').open") != true {
            s.find("summary").click();
        }
        assert_eq!(s.script("return document.querySelector('[data-testid=bridge-option] input').checked"), true);
        check("add form of minimax");
        s.find("[data-testid=nav-providers]").click();
        s.find("[data-testid=edit-nokey]").click();
        s.find("[data-testid=provider-form]");
        check("edit form");
        s.find("[data-testid=cancel]").click();

        // Sessions, import, CC Switch, backups.
        s.find("[data-testid=nav-sessions]").click();
        s.find("[data-testid=session-0aa1-kc]");
        check("sessions");
        s.find("[data-testid=nav-import]").click();
        s.find("[data-testid=import-source]");
        check("import");
        s.find("[data-testid=import-source]").type_text(&link);
        s.find("[data-testid=import-read]").click();
        s.find("[data-testid=import-cmdp]");
        check("import preview");
        s.find("[data-testid=nav-add]").click();
        s.find("[data-testid=open-import]").click();
        s.find("[data-testid=cc-switch-import]");
        check("CC Switch import");
        s.find("[data-testid=nav-backups]").click();
        s.find("[data-testid=restore-0]").click();
        s.find("[data-testid=confirm-restore]");
        check("backups with a restore to confirm");

        if lang == "ja" && theme == "light" {
            // The picker changes every string at once, without a restart, and is remembered.
            let pick = |code: &str| {
                s.script(&format!("const l = document.querySelector('[data-testid=language]'); l.value = '{code}'; l.dispatchEvent(new Event('change', {{ bubbles: true }})); return true"));
            };
            pick("en");
            s.wait_text("[data-testid=nav-providers]", &message("en", "nav-providers"), T);
            assert_eq!(s.text("[data-testid=nav-backups]"), message("en", "nav-backups"));
            assert_eq!(s.script("return document.documentElement.lang"), "en");
            pick("zh-TW");
            s.wait_text("[data-testid=nav-providers]", &message("zh-TW", "nav-providers"), T);
            assert_eq!(std::fs::read_to_string(&choice).unwrap().trim(), "zh-TW", "core keeps the choice");
            // The tray follows the window's choice, without a restart.
            let test_item = message_in("zh-TW", "core", "tray-test");
            wait_for(|| switchboard_e2e::tray::tray_menu().filter(|(_, items)| items.iter().any(|(_, label, _)| *label == test_item)));
            s.close();
            drop(driver);
            let driver = Driver::start(&env);
            let s = driver.session(&app_bin());
            s.wait_text("[data-testid=nav-providers]", &message("zh-TW", "nav-providers"), T);
            assert_eq!(s.script("return document.documentElement.lang"), "zh-TW", "the choice outlives LANG=ja");
            s.close();
            continue;
        }
        s.close();
        drop(driver);
    }
    assert!(all.is_empty(), "axe-core found {} violation(s):\n{}", all.len(), all.join("\n"));
}
