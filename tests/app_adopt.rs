//! The real app (tauri-driver + WebKitWebDriver under Xvfb, the real Secret
//! Service): the plain-text banner moves keys into the keychain, an env-only
//! provider's value is typed once, and CC Switch's providers are imported from
//! the preview list. Then the real Codex runs through the keychain. One test:
//! the app is single-instance.

use std::time::Duration;

use switchboard_e2e::cc_switch::{Shape, fixture};
use switchboard_e2e::webdriver::{Driver, T, app_bin, shot};
use switchboard_e2e::*;

#[test]
fn the_window_moves_plain_text_keys_and_imports_from_cc_switch() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let (plain_key, env_key, cc_key) = ("sk-app-plain-4e5f6a", "sk-app-env-7b8c9d", "sk-app-ccs-0a1b2c");
    let home = Home::new();
    let fake_home = tempfile::tempdir().unwrap();
    let server = ResponsesServer::start_with_key("/v1", Some(plain_key));
    let cc_server = ResponsesServer::start_with_key("/v1", Some(cc_key));
    let head = "# mine\nmodel = \"m\"\nmodel_provider = \"plain-gw\"\n\n";
    let tail = "\n[tui]\nnotifications = true\n";
    let config = format!(
        "{head}[model_providers.plain-gw]\nname = \"Plain Gateway\"\nbase_url = \"{}\"\nexperimental_bearer_token = \"{plain_key}\"\n\n\
         [model_providers.env-gw]\nname = \"Env Gateway\"\nbase_url = \"https://env.example/v1\"\nenv_key = \"ENV_GW_KEY\"\n{tail}",
        server.base_url()
    );
    home.write_config(config.as_bytes());
    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = switchboard_e2e::tray::TrayGuard(rt.path().to_owned());
    let driver = Driver::start(&[("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("CODEX_HOME", home.path().as_os_str()), ("HOME", fake_home.path().as_os_str())]);
    let s = driver.session(&app_bin());
    s.set_size(1000, 720);

    // 1. The banner counts the plain-text key and never shows it.
    let banner = s.wait_text("[data-testid=plain-keys-banner]", "1 key is stored in plain text", T);
    assert!(banner.contains("Move to keychain"), "{banner}");
    s.find("[data-testid=env-keys-banner]");
    s.find("[data-testid=plain-keys-banner] button.link").click();
    let list = s.text("[data-testid=plain-keys-list]");
    assert!(list.contains("plain-gw: experimental_bearer_token in config.toml"), "{list}");
    assert!(!s.text("body").contains(plain_key) && !s.text("body").contains("sk-app"));
    shot(&s, "11-plain-keys-banner");

    // 2. Move to keychain: the notice says our backups were scrubbed; the banner goes.
    s.find("[data-testid=move-to-keychain]").click();
    let notice = s.wait_text("[data-testid=notice]", "Moved the key", T);
    assert!(notice.contains("switchboard-backups/"), "{notice}");
    for _ in 0..50 {
        if !s.exists("[data-testid=plain-keys-banner]") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!s.exists("[data-testid=plain-keys-banner]"), "the banner is gone");
    let after = home.config_text();
    assert!(after.starts_with(head) && after.ends_with(tail), "{after}");
    assert!(!home.all_bytes().contains(plain_key), "the key is in no file");
    assert_eq!(home.sb(&["token", "plain-gw"], None).stdout.trim(), plain_key);
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}\n{after}", out.all());
    assert!(server.responses_posts().iter().any(|p| p.header("authorization") == Some(format!("Bearer {plain_key}").as_str())));

    // 3. The env-only provider: the window asks for the value (a password field).
    let field = s.find("[data-testid=env-value-env-gw]");
    assert_eq!(field.attr("type").as_deref(), Some("password"));
    field.type_text(env_key);
    s.find("[data-testid=env-move-env-gw]").click();
    s.wait_text("[data-testid=notice]", "env-gw", T);
    assert_eq!(home.sb(&["token", "env-gw"], None).stdout.trim(), env_key);
    assert!(!home.config_text().contains("ENV_GW_KEY"));
    assert!(!s.text("body").contains(env_key));

    // 4. Import from CC Switch: the default path is missing, so the window says so and asks.
    s.find("[data-testid=nav-add]").click();
    s.find("[data-testid=open-import]").click();
    let err = s.wait_text("[data-testid=import-error]", "no CC Switch database", T);
    assert!(err.contains(".cc-switch/cc-switch.db"), "{err}");
    assert!(!err.contains("--db"), "the window words its own fix: {err}");
    shot(&s, "12-import-missing");
    let db_dir = tempfile::tempdir().unwrap();
    let db = db_dir.path().join("cc-switch.db");
    fixture(&db, Shape::V17Fresh, &cc_server.base_url(), cc_key);
    let db_before = std::fs::read(&db).unwrap();
    s.find("[data-testid=import-db]").type_text(db.to_str().unwrap());
    s.find("form.path button[type=submit]").click();
    s.wait_text("[data-testid=import-source]", "schema version 17", T);
    assert!(s.text("[data-testid=why-codex-official]").contains("built into Codex"));
    assert!(s.text("[data-testid=why-p-grok]").contains("Signs in through CC Switch"));
    assert!(s.text("[data-testid=why-p-chat]").contains("Responses API"));
    assert_eq!(s.script("return document.querySelector('[data-testid=pick-p-chat]').disabled"), true);
    assert_eq!(s.script("return document.querySelector('[data-testid=pick-p-gw]').checked"), true);
    s.find("[data-testid=pick-p-tok]").click();
    // Four are ready (no duplicate here yet); one is unchecked.
    let label = s.text("[data-testid=import-selected]");
    assert!(label.contains("Import 3 providers"), "{label}");
    assert!(!s.text("body").contains("sk-"), "no key in the preview");
    shot(&s, "13-import-preview");
    s.find("[data-testid=import-selected]").click();
    s.wait_text("[data-testid=notice]", "Imported 3 providers", T);
    s.find("[data-testid=provider-my-gateway]");
    assert!(!s.exists("[data-testid=provider-token-only]"), "unchecked: not imported");
    assert_eq!(std::fs::read(&db).unwrap(), db_before, "CC Switch's database is unchanged");
    assert!(!home.all_bytes().contains(cc_key) && !home.all_bytes().contains("sk-or-v1-fixture"));
    shot(&s, "14-imported");
    s.find("[data-testid=use-my-gateway]").click();
    s.wait_text("[data-testid=active-provider]", "My Gateway", T);
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(cc_server.responses_posts().iter().all(|p| p.header("authorization") == Some(format!("Bearer {cc_key}").as_str())));
    s.close();
    drop(driver);

    // 5. The same in the dark theme: a new plain-text key, and the preview again.
    let mut text = home.config_text();
    text.push_str("\n[model_providers.hdr-gw]\nname = \"Header Gateway\"\nbase_url = \"https://h.example/v1\"\nhttp_headers = { Authorization = \"Bearer sk-app-hdr-1\", x-api-key = \"sk-app-hdr-2\" }\n");
    home.write_config(text.as_bytes());
    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = switchboard_e2e::tray::TrayGuard(rt.path().to_owned());
    let driver = Driver::start(&[("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("CODEX_HOME", home.path().as_os_str()), ("HOME", fake_home.path().as_os_str()), ("GTK_THEME", "Adwaita:dark".as_ref())]);
    let s = driver.session(&app_bin());
    s.set_size(1000, 720);
    s.wait_text("[data-testid=plain-keys-banner]", "2 keys are stored in plain text", T);
    s.find("[data-testid=plain-keys-banner] button.link").click();
    assert!(s.text("[data-testid=plain-keys-list]").contains("stays"));
    shot(&s, "15-plain-keys-dark");
    // The Authorization header moves; the x-api-key header stays, and says why.
    s.find("[data-testid=move-to-keychain]").click();
    s.wait_text("[data-testid=notice]", "hdr-gw", T);
    s.wait_text("[data-testid=plain-keys-banner]", "1 key is stored in plain text", T);
    assert!(!s.exists("[data-testid=move-to-keychain]"), "nothing left that can move");
    let text = home.config_text();
    assert!(text.contains("x-api-key = \"sk-app-hdr-2\"") && !text.contains("sk-app-hdr-1"), "{text}");
    assert_eq!(home.sb(&["token", "hdr-gw"], None).stdout.trim(), "sk-app-hdr-1");
    s.find("[data-testid=nav-add]").click();
    s.find("[data-testid=open-import]").click();
    s.find("[data-testid=import-db]").type_text(db.to_str().unwrap());
    s.find("form.path button[type=submit]").click();
    let dup = s.wait_text("[data-testid=why-p-gw]", "Already here as my-gateway", T);
    assert!(dup.contains("same address and model"), "{dup}");
    shot(&s, "16-import-dark");
    s.close();
    for id in ["plain-gw", "env-gw", "my-gateway", "openrouter", "dup-gateway", "hdr-gw"] {
        home.sb(&["key", "delete", id], None);
    }
}
