//! The bridge in the real app, through tauri-driver and WebKitWebDriver under Xvfb:
//! the chat-only presets, a custom provider that adding finds speaks only Chat
//! Completions (it goes through the bridge, and the notice and the Test say why), one
//! set up directly whose Test's fix is one button, a bridged one offered the direct
//! way in one button, a Kimi provider added with a typed key, and the real Codex
//! reaching it through the bridge the window started. Light and dark.

use std::time::Duration;

use switchboard_e2e::bridge::{StopBridge, free_port};
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::webdriver::{Driver, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

const KIMI_KEY: &str = "sk-kimi-APP-bridge-secret-31";

#[test]
fn a_chat_only_provider_goes_through_the_bridge_from_the_window() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    let chat = ChatServer::start("/v1", Script::Burst { deltas: 4 });
    let port = free_port();
    let rt = tempfile::tempdir().unwrap().keep();
    let _stop = StopBridge(port, rt.clone());
    let _tray = TrayGuard(rt.clone());
    let port_s = port.to_string();
    // Codex's own list comes from the pinned Codex, into a cache of this test's own.
    let cache = tempfile::tempdir().unwrap();
    let codex = codex_bin();
    let env = [
        ("CODEX_HOME", home.path().as_os_str()),
        ("XDG_RUNTIME_DIR", rt.as_os_str()),
        ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()),
        ("XDG_CACHE_HOME", cache.path().as_os_str()),
        ("SWITCHBOARD_CODEX", codex.as_os_str()),
    ];
    let driver = Driver::start(&env);
    let s = driver.session(&app_bin());
    s.set_size(980, 700);

    // The empty state names the chat-only providers too.
    let empty = s.text("[data-testid=empty-state]");
    for name in ["Kimi", "GLM", "DeepSeek", "Mistral"] {
        assert!(empty.contains(name), "the empty state lacks {name}: {empty}");
    }

    // The presets screen offers the chat-only providers and a generic gateway.
    s.find("[data-testid=nav-add]").click();
    for preset in ["kimi", "glm", "zai", "deepseek", "mistral", "chat-gateway"] {
        s.find(&format!("[data-testid=preset-{preset}]"));
    }
    shot(&s, "18-bridge-presets");
    // Many presets: a filter finds one by name, country or model, and says when none matches.
    s.find("[data-testid=preset-filter]").type_text("minimax");
    wait_for(|| (!s.exists("[data-testid=preset-kimi]")).then_some(()));
    assert!(s.exists("[data-testid=preset-minimax]") && s.exists("[data-testid=preset-minimax-intl]"));
    s.find("[data-testid=preset-filter]").clear().type_text("glm-5.3");
    wait_for(|| (!s.exists("[data-testid=preset-minimax]")).then_some(()));
    for p in ["glm", "glm-coding", "zai", "zai-coding"] {
        s.find(&format!("[data-testid=preset-{p}]"));
    }
    shot(&s, "18b-preset-filter");
    s.find("[data-testid=preset-filter]").clear().type_text("no such provider");
    s.wait_text("[data-testid=preset-none]", "no such provider", T);
    s.script("const f = document.querySelector('[data-testid=preset-filter]'); f.value = ''; f.dispatchEvent(new Event('input', { bubbles: true })); return true");
    s.find("[data-testid=preset-custom]");

    // A custom provider, added in the window: Switchboard asks it which API it serves,
    // finds Chat Completions only, and puts it on the bridge, saying why.
    s.find("[data-testid=preset-custom]").click();
    s.find("#f-id").clear().type_text("chat-gw");
    s.find("#f-baseUrl").type_text(&chat.base_url());
    s.find("#f-model").type_text("qwen3-coder-plus");
    s.find("label.radio input[value=none]").click();
    s.find("[data-testid=save]").click();
    let notice = s.wait_text("[data-testid=notice]", "bridge", T);
    assert!(notice.contains("has no Responses API"), "the notice says why: {notice}");
    assert!(s.text("[data-testid=bridged-chat-gw]").contains("through Switchboard's bridge"));
    shot(&s, "19a-bridge-chosen");
    s.find("[data-testid=test-chat-gw]").click();
    let verdict = s.wait_text("[data-testid=provider-chat-gw] [data-testid=test-result]", "Ready for Codex", T);
    let way = s.text("[data-testid=provider-chat-gw] [data-testid=test-path]");
    assert!(way.contains("has no Responses API"), "the Test says which way and why: {way}");
    assert!(verdict.contains("bridge"), "{verdict}");

    // Set up to be reached directly after all (here with the CLI, which the window follows):
    // the Test finds Chat Completions only, and offers the bridge, in one button.
    let mut cli = std::process::Command::new(bin());
    cli.arg("--codex-home").arg(home.path()).args(["edit", "chat-gw", "--api", "responses"]).env("SWITCHBOARD_BRIDGE_PORT", &port_s).env("XDG_RUNTIME_DIR", &rt);
    run(cli, None).ok();
    wait_for(|| (!s.exists("[data-testid=bridged-chat-gw]")).then_some(()));
    s.find("[data-testid=test-chat-gw]").click();
    let verdict = s.wait_text("[data-testid=provider-chat-gw] [data-testid=test-result]", "can't back Codex", T);
    assert!(verdict.contains("Chat Completions"), "{verdict}");
    assert!(!verdict.contains("switchboard edit"), "the window words its own fix (a button, not a command): {verdict}");
    shot(&s, "19-bridge-offered");

    // One click: through the bridge, tested again, and the row says so.
    s.find("[data-testid=use-bridge]").click();
    let verdict = s.wait_text("[data-testid=provider-chat-gw] [data-testid=test-result]", "Ready for Codex", T);
    assert!(verdict.contains("bridge"), "{verdict}");
    assert!(s.text("[data-testid=bridged-chat-gw]").contains("through Switchboard's bridge"));
    let text = home.config_text();
    assert!(text.contains(&format!("base_url = \"http://127.0.0.1:{port}/http/127.0.0.1:{}/v1\"", chat.port)), "{text}");
    assert!(!chat.requests().is_empty(), "the Test reached the provider through the bridge");
    shot(&s, "20-bridge-ready");

    // A bridged gateway whose endpoint has since gained a Responses API that takes Codex's
    // tools: the Test offers the direct way, and one click takes it.
    let dual = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Dual { refuse_custom: false }, Duration::ZERO);
    let mut cli = std::process::Command::new(bin());
    cli.arg("--codex-home").arg(home.path()).args(["add", "chat-gateway", "--id", "grown", "--base-url", &dual.base_url(), "--model", "m1", "--no-key", "--api", "chat"]);
    cli.env("SWITCHBOARD_BRIDGE_PORT", &port_s).env("XDG_RUNTIME_DIR", &rt);
    run(cli, None).ok();
    s.find("[data-testid=bridged-grown]");
    s.find("[data-testid=test-grown]").click();
    s.wait_text("[data-testid=provider-grown] [data-testid=test-result]", "Ready for Codex", T);
    let offer = s.text("[data-testid=provider-grown] [data-testid=test-path-offer]");
    assert!(offer.contains("now serves the Responses API"), "{offer}");
    assert!(!offer.contains("switchboard edit"), "a button, not a command: {offer}");
    s.script("document.querySelector('[data-testid=provider-grown] [data-testid=test-path]').scrollIntoView({ block: 'center' }); return true");
    shot(&s, "24-direct-offered");
    s.find("[data-testid=provider-grown] [data-testid=use-direct]").click();
    wait_for(|| (!s.exists("[data-testid=bridged-grown]")).then_some(()));
    let way = s.wait_text("[data-testid=provider-grown] [data-testid=test-path]", "Directly", T);
    assert!(way.contains("took the tools Codex sends"), "{way}");
    assert!(home.config_text().contains(&format!("base_url = \"{}\"", dual.base_url())), "{}", home.config_text());
    shot(&s, "25-direct-taken");

    // Kimi, with a typed key: its form has the bridge on by default; the key reaches
    // the provider and no file.
    s.find("[data-testid=nav-add]").click();
    s.find("[data-testid=preset-kimi]").click();
    s.find("#f-key").type_text(KIMI_KEY);
    if s.script("return document.querySelector('details').open") != true {
        s.find("summary").click();
    }
    assert_eq!(s.script("return document.querySelector('[data-testid=bridge-option] input').checked"), true, "a chat-only preset goes through the bridge");
    s.find("#f-baseUrl2").type_text(&chat.base_url());
    shot(&s, "21-bridge-kimi-form");
    s.find("[data-testid=save]").click();
    s.find("[data-testid=bridged-kimi]");
    assert!(!s.text("body").contains(KIMI_KEY), "the key is never shown after saving");
    let before = chat.requests().len();
    s.find("[data-testid=test-kimi]").click();
    s.wait_text("[data-testid=provider-kimi] [data-testid=test-result]", "Ready for Codex", T);
    let seen = chat.seen();
    let last = seen.iter().rev().find(|r| r.path().ends_with("/chat/completions")).unwrap();
    assert_eq!(last.header("authorization"), Some(format!("Bearer {KIMI_KEY}").as_str()), "the key reached the provider");
    assert!(chat.requests().len() > before);
    // The Test and the row say what Codex will know of the model.
    let info = s.text("[data-testid=provider-kimi] [data-testid=test-model-info]");
    assert!(info.contains("262,144-token context window (Kimi K2 (Moonshot AI))") && info.contains("apply_patch"), "{info}");
    assert!(s.text("[data-testid=model-info-kimi]").contains("262k context · apply_patch"));
    s.find("[data-testid=use-kimi]").click();
    s.find("[data-testid=provider-kimi] [data-testid=active-badge]");
    assert!(!home.all_bytes().contains(KIMI_KEY), "the key is in no file");
    // Through the router: Codex asks it for every model, so no catalog file is named.
    assert!(home.config_text().contains("model_provider = \"switchboard\""), "{}", home.config_text());
    assert_eq!(home.using().as_deref(), Some("kimi"));

    // The real Codex reaches Kimi through the bridge the window started.
    let before = chat.requests().len();
    let rt_s = rt.to_string_lossy().into_owned();
    let cache_s = cache.path().to_string_lossy().into_owned();
    let out = codex_exec(&home, &[], &[("XDG_RUNTIME_DIR", &rt_s), ("XDG_CACHE_HOME", &cache_s)]);
    assert_eq!(out.code, Some(0), "{}\n{}\n{}", out.stdout, out.stderr, home.config_text());
    assert!(chat.requests().len() > before, "Codex reached the provider");
    assert!(!out.stdout.contains(KIMI_KEY) && !out.stderr.contains(KIMI_KEY));
    assert!(!out.all().contains("Model metadata for"), "Codex knows kimi-k2.6: {}", out.all());
    let tools = chat.requests().last().unwrap()["tools"].to_string();
    assert!(tools.contains("\"apply_patch\""), "apply_patch goes through the bridge as a function: {tools}");

    // The window, set in the form, reaches the row.
    s.find("[data-testid=edit-kimi]").click();
    s.find("[data-testid=provider-form]");
    if s.script("return document.querySelector('details').open") != true {
        s.find("summary").click();
    }
    let placeholder = s.script("return document.querySelector('#f-contextWindow').placeholder");
    assert_eq!(placeholder.as_str(), Some("262,144 (found by Switchboard)"));
    s.find("#f-contextWindow").type_text("lots");
    s.find("[data-testid=save]").click();
    s.wait_text("[data-testid=error-contextWindow]", "not a context window", T);
    s.find("#f-contextWindow").clear().type_text("200k");
    shot(&s, "23-context-window-field");
    s.find("[data-testid=save]").click();
    s.wait_text("[data-testid=model-info-kimi]", "200k context", T);
    shot(&s, "22-bridge-rows");
    s.close();
    drop(driver);

    // Dark.
    let driver = Driver::start(&[env[0], env[1], env[2], ("GTK_THEME", "Adwaita:dark".as_ref())]);
    let s = driver.session(&app_bin());
    s.set_size(980, 700);
    s.find("[data-testid=bridged-kimi]");
    assert_eq!(s.script("return getComputedStyle(document.documentElement).backgroundColor"), "rgb(18, 20, 26)");
    shot(&s, "22-bridge-rows-dark");
    s.find("[data-testid=test-chat-gw]").click();
    s.wait_text("[data-testid=provider-chat-gw] [data-testid=test-result]", "Ready for Codex", T);
    shot(&s, "20-bridge-ready-dark");
    s.find("[data-testid=nav-add]").click();
    s.find("[data-testid=preset-kimi]");
    shot(&s, "18-bridge-presets-dark");
    s.close();
    std::thread::sleep(Duration::from_millis(200));
}
