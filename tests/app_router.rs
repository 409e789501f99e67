//! The router in the real app, through tauri-driver and WebKitWebDriver under Xvfb:
//! the header says Codex uses a provider through Switchboard; a provider's models
//! panel offers the provider's own list, lists one more in Codex's picker and Uses
//! it; the real Codex's session shows among the running ones, following
//! Switchboard's choice; the tray has a submenu of the models and switches from it;
//! a provider set to be reached directly leaves the router. Light and dark, with
//! screenshots.

use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::responses::{Behavior, ResponsesServer};
use switchboard_e2e::tray::{TrayGuard, tray_click_label, tray_menu};
use switchboard_e2e::webdriver::{Driver, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

fn router_state(home: &Home) -> Value {
    serde_json::from_str(&std::fs::read_to_string(home.path().join("switchboard-router.json")).unwrap_or_default()).unwrap_or_default()
}

#[test]
fn models_running_sessions_and_the_route_from_the_window_and_the_tray() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    home.write_config(b"# mine\nmodel = \"gpt-5.5\"\n");
    let alpha = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    let beta = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    for (id, server) in [("alpha", &alpha), ("beta", &beta)] {
        home.sb(&["add", "custom", "--id", id, "--name", &format!("{}{} Cloud", id[..1].to_uppercase(), &id[1..]), "--base-url", &server.base_url(), "--model", "m1", "--no-key", "--api", "responses"], None).ok();
    }
    home.sb(&["use", "alpha"], None).ok();
    // A real Codex turn through the router: the window lists its session as running.
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(alpha.responses_posts().iter().any(|p| p.from_codex()), "Codex reached alpha through the router");

    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = TrayGuard(rt.path().to_owned());
    let env = [("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref())];
    let driver = Driver::start(&env);
    let s = driver.session(&app_bin());
    s.set_size(1000, 760);

    // 1. The header says Codex uses alpha through Switchboard, with its model.
    let header = s.wait_text("[data-testid=active-provider]", "through Switchboard", T);
    assert!(header.contains("Alpha Cloud") && header.contains("m1"), "{header}");
    // The session Codex just ran follows Switchboard's choice.
    let running = s.wait_text("[data-testid=running-sessions]", "follows Switchboard's choice", T);
    assert!(running.contains("codex exec") && running.contains("alpha · m1"), "{running}");

    // 2. alpha's models: its own, and the provider's list to pick from; m2 is listed.
    s.find("[data-testid=models-button-alpha]").click();
    s.find("[data-testid=model-alpha-m1]");
    s.wait_text("[data-testid=models-offered-alpha]", "serves one more model", T);
    shot(&s, "26-router-models");
    s.find("[data-testid=list-model-alpha-m2]").click();
    s.find("[data-testid=model-alpha-m2]");
    assert_eq!(router_state(&home)["listed"]["alpha"], serde_json::json!(["m2"]), "{}", router_state(&home));
    let listed: Value = serde_json::from_str(&home.sb(&["models", "alpha", "--json"], None).ok().stdout).unwrap();
    assert_eq!(listed["providers"][0]["slugs"], serde_json::json!(["alpha/m1", "alpha/m2"]));
    // Use m2 from the panel: the header follows, Codex's file does not change.
    let before = home.config_text();
    s.find("[data-testid=use-model-alpha-m2]").click();
    s.wait_text("[data-testid=active-provider]", "m2", T);
    s.find("[data-testid=model-in-use-alpha-m2]");
    assert_eq!(router_state(&home)["current"], serde_json::json!({"provider": "alpha", "model": "m2"}));
    assert_eq!(home.config_text(), before, "a switch through the router leaves config.toml as it was");
    // The real Codex follows: its next run goes to m2.
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    let last = alpha.responses_posts().into_iter().filter(|p| p.from_codex()).last().unwrap();
    assert!(last.body.contains("\"model\":\"m2\""), "{}", last.body);

    // 3. The tray: alpha's models in a submenu, m1 back from there; then beta.
    wait_for(|| tray_menu().filter(|(_, items)| items.iter().any(|(_, l, c)| l == "m2" && *c)));
    tray_click_label("m1");
    wait_for(|| (router_state(&home)["current"]["model"] == "m1").then_some(()));
    s.wait_text("[data-testid=active-provider]", "m1", T);
    tray_click_label("(beta)");
    wait_for(|| (home.using().as_deref() == Some("beta")).then_some(()));
    s.find("[data-testid=provider-beta] [data-testid=active-badge]");

    // 4. Reached directly: beta leaves the router (Codex's provider becomes beta itself).
    s.find("[data-testid=models-button-beta]").click();
    s.find("[data-testid=route-direct-beta]").click();
    wait_for(|| home.config_text().contains("model_provider = \"beta\"").then_some(()));
    s.find("[data-testid=direct-beta]");
    let header = s.wait_text("[data-testid=active-provider]", "Beta Cloud", T);
    assert!(!header.contains("through Switchboard"), "{header}");
    assert!(home.config_text().starts_with("# mine\n"), "{}", home.config_text());
    shot(&s, "27-router-direct");
    // And back through the router.
    s.find("[data-testid=route-direct-beta]").click();
    wait_for(|| home.config_text().contains("model_provider = \"switchboard\"").then_some(()));
    s.wait_text("[data-testid=active-provider]", "through Switchboard", T);
    s.close();
    drop(driver);

    // 5. Dark theme, Japanese: the same panel and the running sessions.
    let (lang, dark) = ("ja_JP.UTF-8", "Adwaita:dark");
    let env = [
        ("CODEX_HOME", home.path().as_os_str()),
        ("XDG_RUNTIME_DIR", rt.path().as_os_str()),
        ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()),
        ("LANG", lang.as_ref()),
        ("GTK_THEME", dark.as_ref()),
    ];
    let driver = Driver::start(&env);
    let s = driver.session(&app_bin());
    s.set_size(1000, 760);
    s.wait_text("[data-testid=active-provider]", "Switchboard 経由", T);
    s.find("[data-testid=models-button-alpha]").click();
    s.wait_text("[data-testid=models-lead-alpha]", "/model", T);
    s.wait_text("[data-testid=running-sessions]", "Switchboard の選択に従う", T);
    shot(&s, "28-router-models-ja-dark");
    s.close();
}
