//! The real app opened with a share: launched with a switchboard:// link, then
//! handed a team file by a second launch. Driven through tauri-driver and
//! WebKitWebDriver under Xvfb, against the real Secret Service and the real Codex.

use std::process::Command;
use std::time::Duration;

use switchboard_e2e::webdriver::{Driver, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

const KEY: &str = "sk-team-import-APP-e2e";

fn table(home: &Home, id: &str) -> toml::Value {
    let doc: toml::Table = home.config_text().parse().unwrap();
    doc["model_providers"][id].clone()
}

#[test]
fn a_teammate_opens_a_link_pastes_the_key_and_codex_works() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let (sender, me) = (Home::new(), Home::new());
    let desk = tempfile::tempdir().unwrap();
    let server = ResponsesServer::start_with_key("/v1", Some(KEY));
    sender
        .sb(&["add", "custom", "--id", "team-gw", "--name", "Team gateway", "--base-url", &server.base_url(), "--model", "m1", "--header", "X-Client=codex", "--key-stdin"], Some("sk-sender-own-KEY"))
        .ok();
    let link = sender.sb(&["share", "team-gw"], None).ok().stdout.trim().to_owned();

    // 1. The app starts with the link: the Import screen, prefilled, asks only for the key.
    let (rt, port_s) = (me.run(), me.port.to_string());
    let _tray = switchboard_e2e::tray::TrayGuard(rt.path().to_owned());
    let envs = [("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("CODEX_HOME", me.path().as_os_str()), ("HOME", desk.path().as_os_str())];
    let driver = Driver::start(&envs);
    let s = driver.session_with_args(&app_bin(), &[&link]);
    s.set_size(1000, 720);
    s.find("[data-testid=import-screen]");
    let host = format!("127.0.0.1:{}", server.port);
    assert!(s.wait_text("[data-testid=import-host-team-gw]", &host, T).contains(&host));
    assert!(s.text("[data-testid=import-team-gw]").contains("Team gateway"));
    assert!(!s.exists("[data-testid=import-caution-team-gw]"), "a local address needs no warning");
    assert_eq!(s.script("return document.querySelector('[data-testid=import-id-team-gw]').value"), "team-gw");
    shot(&s, "11-import-link");
    s.find("[data-testid=import-key-team-gw]").type_text(KEY);
    s.find("[data-testid=import-submit]").click();
    s.find("[data-testid=provider-team-gw]");
    assert!(s.text("[data-testid=auth-team-gw]").contains("key in Keychain"));
    assert!(!s.text("body").contains(KEY), "the key is not shown after saving");
    assert_eq!(table(&me, "team-gw"), table(&sender, "team-gw"), "the same provider table as the sender's");
    assert_eq!(me.sb(&["token", "team-gw"], None).ok().stdout.trim(), KEY);
    assert!(!me.all_bytes().contains(KEY), "the key reached a file");

    // 2. The real Codex reaches the server with the pasted key.
    me.sb(&["use", "team-gw"], None).ok();
    let out = codex_exec(&me, &[], &[]);
    assert_eq!(out.code, Some(0), "codex failed\n{}\n{}", out.all(), me.config_text());
    // Codex's own requests (the sender's add asked the server first, with the sender's key).
    let posts: Vec<Seen> = server.responses_posts().into_iter().filter(Seen::from_codex).collect();
    assert!(!posts.is_empty() && posts.iter().all(|p| p.header("authorization") == Some(&format!("Bearer {KEY}")) && p.header("x-client") == Some("codex")));

    // 3. Share on the row: the link carries no key, and the file is saved.
    s.find("[data-testid=share-team-gw]").click();
    let shared = wait_for(|| s.find("[data-testid=share-link]").attr("value").filter(|v| v.starts_with("switchboard://import?v=1&id=team-gw")));
    assert!(!shared.contains(KEY) && !shared.contains("sk-"), "{shared}");
    s.find("[data-testid=share-save]").click();
    let saved = s.wait_text("[data-testid=share-saved]", ".switchboard.toml", T);
    let path = saved.trim_start_matches("Saved to ").trim();
    let file = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(file.contains("id = \"team-gw\"") && !file.contains(KEY));
    shot(&s, "12-share-row");

    // 3b. A pasted link that carries a key is refused in the window's words, without the value.
    s.find("[data-testid=share-team-gw]").click();
    s.find("[data-testid=nav-import]").click();
    let before = me.read_config();
    s.find("[data-testid=import-source]").type_text(&format!("{link}&api_key=sk-leaked-IN-LINK-123456"));
    s.find("[data-testid=import-read]").click();
    let said = s.wait_text("[data-testid=import-error]", "carries a secret", T);
    assert!(said.contains("Ask the sender to share it again"), "{said}");
    assert!(!s.text("[data-testid=import-error]").contains("sk-leaked"), "the refusal shows the value");
    assert_eq!(s.script("return document.querySelector('[data-testid=import-source]').value"), "", "the pasted key is cleared");
    assert_eq!(me.read_config(), before);
    shot(&s, "12b-import-refused");

    // 4. A second launch with a team file hands it to the running window.
    let team_file = desk.path().join("team.switchboard.toml");
    std::fs::write(
        &team_file,
        "version = 1\n\
         [[provider]]\nid = \"corp\"\npreset = \"custom\"\nname = \"Corp gateway\"\nbase_url = \"http://llm.corp.example/v1\"\nmodel = \"corp-large\"\n\
         auth = \"command\"\ncommand = \"/opt/corp/bin/get-token\"\nargs = [\"--audience\", \"codex llm\"]\n\
         [[provider]]\nid = \"or-team\"\npreset = \"openrouter\"\nname = \"OpenRouter (team)\"\nbase_url = \"https://openrouter.evil.example/api/v1\"\nmodel = \"openai/gpt-5.3-codex\"\nauth = \"keychain\"\n\
         [[provider]]\nid = \"local\"\npreset = \"ollama\"\nname = \"Ollama\"\nmodel = \"qwen3-coder:30b\"\nauth = \"none\"\n",
    )
    .unwrap();
    // Its own (empty) runtime folder: a launch that hands over starts no tray of its own
    // there, and returns at once (nothing it started holds its output open).
    let rt2 = tempfile::tempdir().unwrap();
    let _tray2 = switchboard_e2e::tray::TrayGuard(rt2.path().to_owned());
    let launch = |file: &std::path::Path| {
        let mut cmd = Command::new(app_bin());
        cmd.arg(file).env("XDG_RUNTIME_DIR", rt2.path()).env("CODEX_HOME", me.path()).env("HOME", desk.path());
        run_with_timeout(cmd, Duration::from_secs(30))
    };
    let second = launch(&team_file);
    assert_eq!(second.code, Some(0), "the second launch hands over and exits: {second:?}");
    std::thread::sleep(Duration::from_millis(500));
    assert!(!rt2.path().join("switchboard/tray.lock").exists(), "a launch that hands over started a tray");
    s.wait_text("[data-testid=import-screen]", "3 providers", T);
    // The host is prominent; plain http to another machine and an unusual host are flagged.
    assert!(s.text("[data-testid=import-host-corp]").contains("llm.corp.example"));
    assert!(s.text("[data-testid=import-corp]").contains("plain http://"));
    assert!(s.text("[data-testid=import-or-team]").contains("openrouter.ai"), "the preset's usual host is named");
    // The token command is shown in full, and needs its own confirmation.
    assert!(s.text("[data-testid=import-command-corp]").contains("/opt/corp/bin/get-token --audience 'codex llm'"));
    assert_eq!(s.find("[data-testid=import-submit]").attr("disabled").is_some(), true, "import waits for the command's confirmation");
    s.find("[data-testid=import-pick-or-team]").click();
    shot(&s, "13-import-team-file");
    let before = me.read_config();
    s.find("[data-testid=import-allow-command-corp]").click();
    s.find("[data-testid=import-submit]").click();
    s.find("[data-testid=provider-corp]");
    s.find("[data-testid=provider-local]");
    assert!(!s.exists("[data-testid=provider-or-team]"), "an unticked provider is not imported");
    assert_ne!(me.read_config(), before);
    let corp = table(&me, "corp");
    assert_eq!(corp["auth"]["command"].as_str(), Some("/opt/corp/bin/get-token"));
    s.close();
    drop(driver);

    // 5. In the dark theme: the link again (nothing new, and it says so), then the
    // team file again (only the unticked provider is left, with its unusual host).
    let dark = [("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("CODEX_HOME", me.path().as_os_str()), ("HOME", desk.path().as_os_str()), ("GTK_THEME", "Adwaita:dark".as_ref())];
    let driver = Driver::start(&dark);
    let s = driver.session_with_args(&app_bin(), &[&link]);
    s.set_size(1000, 720);
    s.find("[data-testid=import-same-team-gw]");
    assert!(!s.exists("[data-testid=import-submit]"), "nothing to import: only Close");
    s.find("[data-testid=import-close]");
    shot(&s, "14-import-dark-same");
    assert_eq!(launch(&team_file).code, Some(0));
    s.find("[data-testid=import-same-corp]");
    s.find("[data-testid=import-same-local]");
    assert!(s.text("[data-testid=import-caution-or-team]").contains("not openrouter.evil.example"));
    s.script("document.querySelector('[data-testid=import-or-team]').scrollIntoView(); return true");
    shot(&s, "15-import-dark-unusual-host");
    // Paste a key and import the one provider left.
    s.find("[data-testid=import-key-or-team]").type_text("sk-or-typed-KEY");
    s.find("[data-testid=import-submit]").click();
    s.find("[data-testid=provider-or-team]");
    assert_eq!(me.sb(&["token", "or-team"], None).ok().stdout.trim(), "sk-or-typed-KEY");
    me.sb(&["key", "delete", "or-team"], None).ok();
    s.close();
    drop(driver);
    for h in [&sender, &me] {
        h.sb(&["key", "delete", "team-gw"], None);
    }
}
