//! The `switchboard` binary end to end, against the real Secret Service
//! (gnome-keyring on a private D-Bus session, started by scripts/test). What becomes
//! of config.toml itself (refusals, CRLF, symlinks, backups, parallel writers) is in
//! config_file.rs.

use std::fs;
use std::process::Command;

use serde_json::Value;
use switchboard_e2e::*;

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
}

fn provider<'a>(list: &'a Value, id: &str) -> &'a Value {
    list["providers"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap_or_else(|| panic!("{id} not listed"))
}

#[test]
fn presets_lists_every_preset_with_defaults() {
    let home = Home::new();
    let out = home.sb(&["presets", "--json"], None);
    out.ok();
    let v = json(&out);
    let names: Vec<&str> = v.as_array().unwrap().iter().map(|p| p["preset"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "azure", "vercel", "openrouter", "ollama", "lmstudio", "kimi", "kimi-coding", "glm", "glm-coding", "zai", "zai-coding", "deepseek", "qwen",
            "qwen-intl", "ark", "minimax", "minimax-intl", "mimo", "hunyuan", "stepfun", "qianfan", "xai", "groq", "mistral", "chat-gateway", "custom"
        ]
    );
    let ollama = &v[3];
    assert_eq!(ollama["default_id"], "ollama-local");
    assert_eq!(ollama["base_url"], "http://localhost:11434/v1");
    assert_eq!(ollama["key"], "none");
    home.sb(&["presets"], None).ok();
}

#[test]
fn add_keeps_the_key_only_in_the_keychain() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let id = unique_id("or");
    let key = "sk-or-v1-SECRET-add-1";
    let out = home.sb(&["add", "openrouter", "--id", &id, "--key-stdin"], Some(&format!("{key}\n")));
    out.ok();
    assert!(!out.all().contains(key));

    let text = home.config_text();
    let helper = fs::canonicalize(bin()).unwrap();
    let expected_table = format!(
        "\n[model_providers.{id}]\nname = \"OpenRouter\"\nbase_url = \"https://openrouter.ai/api/v1\"\nwire_api = \"responses\"\n\n[model_providers.{id}.auth]\ncommand = {}\nargs = [\"token\", \"{id}\"]\n",
        serde_json::to_string(helper.to_str().unwrap()).unwrap()
    );
    assert!(text.contains(&expected_table), "{text}");
    // Everything the user wrote is still there, byte for byte.
    assert_eq!(text.replacen(&expected_table, "", 1), EVERYDAY);

    // The profile file records the model, and `codex -p` can use it.
    let profile = fs::read_to_string(home.path().join(format!("{id}.config.toml"))).unwrap();
    assert!(profile.contains(&format!("model_provider = \"{id}\"")), "{profile}");
    assert!(profile.contains("model = \"openai/gpt-5.3-codex\""), "{profile}");

    let tok = home.sb(&["token", &id], None);
    tok.ok();
    assert_eq!(tok.stdout.trim(), key);

    let list = home.sb(&["list", "--json"], None);
    list.ok();
    assert!(!list.all().contains(key));
    let v = json(&list);
    let p = provider(&v, &id);
    assert_eq!(p["key_stored"], true);
    assert_eq!(p["auth"], "keychain");
    assert_eq!(p["source"], "switchboard");
    assert_eq!(provider(&v, "company_gateway")["source"], "config");
    assert_eq!(provider(&v, "company_gateway")["auth"], "env");
    assert_eq!(provider(&v, "openai")["active"], true);
    let human = home.sb(&["list"], None);
    human.ok();
    assert!(human.stdout.contains("key stored: yes"), "{}", human.stdout);

    home.sb(&["use", &id], None).ok();
    assert!(!home.all_bytes().contains(key), "the key reached a file (config, profile or backup)");
    home.sb(&["remove", &id, "--force"], None).ok();
    home.sb(&["token", &id], None).fails(1, "no key is stored");
}

#[test]
fn use_sets_provider_and_model_and_use_openai_goes_back() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let id = unique_id("ol");
    home.sb(&["add", "ollama", "--id", &id, "--model", "qwen3-coder:30b", "--api", "responses"], None).ok();
    // Through the router (the default): Codex's provider is `switchboard`, its model follows Use.
    let out = home.sb(&["use", &id], None);
    out.ok();
    assert!(out.stdout.contains("qwen3-coder:30b") && out.stdout.contains("through Switchboard"), "{}", out.stdout);
    let text = home.config_text();
    assert!(text.starts_with(
        "# Codex settings, edited by hand over many months.\n# Keep the comments: they explain why things are the way they are.\n\nmodel = \"switchboard/current\"          # what I use most days\nmodel_reasoning_effort = \"high\"\napproval_policy = \"on-request\"\nsandbox_mode = \"workspace-write\"\nmodel_provider = \"switchboard\"\n\n# Projects I have marked as trusted."
    ), "{text}");
    assert!(text.contains("[model_providers.switchboard]\nname = \"Switchboard\"\nbase_url = \"http://127.0.0.1:"), "{text}");
    assert!(text.contains("args = [\"token\", \"--router\", \""), "{text}");
    assert!(!text.contains("model_catalog_json"), "Codex asks the router for every model: {text}");
    assert!(!text.contains("profile"), "never a legacy profile key");
    let state: Value = serde_json::from_str(&fs::read_to_string(home.path().join("switchboard-router.json")).unwrap()).unwrap();
    assert_eq!(state["current"], serde_json::json!({"provider": id, "model": "qwen3-coder:30b"}));
    // Everything else the user wrote is still there, byte for byte.
    // (Switchboard's two tables go among the other providers, before [shell_environment_policy].)
    let everyday_rest = EVERYDAY.split_once("# Projects I have marked as trusted.").unwrap().1;
    let (ours, theirs) = (text.find(&format!("[model_providers.{id}]")).unwrap(), text.find("[shell_environment_policy]").unwrap());
    let without_ours = format!("{}{}", &text[..ours], &text[theirs..]);
    assert!(without_ours.contains(everyday_rest.trim_end()), "{without_ours}");

    // doctor says what Codex's model goes to, and never tests the router's table as a provider.
    let doctor: Value = serde_json::from_str(&home.sb(&["doctor", "--json", "--timeout", "2"], None).stdout).unwrap();
    let router: Vec<&Value> = doctor["checks"].as_array().unwrap().iter().filter(|c| c["name"] == "router").collect();
    assert!(router.iter().any(|c| c["status"] == "ok" && c["message"].as_str().unwrap().contains(&format!("`switchboard/current` goes to `{id}`, model qwen3-coder:30b"))), "{doctor}");
    assert!(!doctor["providers"].as_array().unwrap().iter().any(|p| p["provider"] == "switchboard"), "{doctor}");

    home.sb(&["use", &id, "--model", "llama3"], None).ok();
    assert!(home.config_text().contains("model = \"switchboard/current\"          # what I use most days"));
    let state: Value = serde_json::from_str(&fs::read_to_string(home.path().join("switchboard-router.json")).unwrap()).unwrap();
    assert_eq!(state["current"]["model"], "llama3", "running sessions that follow move to it");
    // Idempotent: the same switch again writes nothing and takes no backup.
    let before = home.sb(&["backups", "--json"], None);
    home.sb(&["use", &id, "--model", "llama3"], None).ok();
    assert_eq!(home.sb(&["backups", "--json"], None).stdout, before.stdout);

    home.sb(&["use", "openai"], None).ok();
    let text = home.config_text();
    assert!(!text.contains("model_provider ="), "{text}");
    assert!(!text.contains("model_catalog_json"), "{text}");
    // openai gets back the model it had before the first switch (issue 9), comment and all.
    assert!(text.contains("\nmodel = \"gpt-5-codex\"          # what I use most days"), "back to the user's own model: {text}");
    assert!(!text.contains("[model_providers.switchboard]"), "no session used the router's table: nothing is left behind: {text}");

    // Set to be reached directly: its own provider, and Codex's catalog file where Codex does not know the model.
    home.sb(&["route", &id, "direct"], None).ok();
    home.sb(&["use", &id], None).ok();
    let text = home.config_text();
    assert!(text.contains(&format!("model = \"llama3\"          # what I use most days")), "{text}");
    assert!(text.contains(&format!("model_provider = \"{id}\"\nmodel_catalog_json = \"switchboard-models.json\"")), "{text}");
    assert!(text.contains("stream_idle_timeout_ms = 600000"));
    assert!(!text.contains(&format!("[model_providers.{id}.auth]")) && !text.contains("env_key = \"\""));
    // Built-ins can be chosen too.
    home.sb(&["use", "lmstudio", "--model", "qwen"], None).ok();
    assert!(home.config_text().contains("model_provider = \"lmstudio\""));
    home.sb(&["use", "nope"], None).fails(1, "no provider with the id `nope`");
}

#[test]
fn codex_home_comes_from_flag_then_env_which_must_exist() {
    let env_home = Home::new();
    let mut cmd = Command::new(bin());
    cmd.args(["add", "ollama"]).env("CODEX_HOME", env_home.path());
    run(cmd, None).ok();
    assert!(env_home.config().is_file());

    let missing = env_home.path().join("does-not-exist");
    let mut cmd = Command::new(bin());
    cmd.arg("list").env("CODEX_HOME", &missing);
    run(cmd, None).fails(1, "does not exist");
    assert!(!missing.exists());

    let fake_home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin());
    cmd.arg("list").env_remove("CODEX_HOME").env("HOME", fake_home.path());
    run(cmd, None).ok();
    assert!(fake_home.path().join(".codex").is_dir(), "~/.codex is created");
}

#[test]
fn remove_refuses_the_active_provider_unless_forced_and_deletes_its_key() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let id = unique_id("rm");
    home.sb(&["add", "vercel", "--id", &id, "--key-stdin"], Some("vck-remove-me")).ok();
    home.sb(&["use", &id], None).ok();
    let before = home.read_config();
    home.sb(&["remove", &id], None).fails(1, "active provider");
    assert_eq!(home.read_config(), before);
    home.sb(&["token", &id], None).ok();
    let out = home.sb(&["remove", &id, "--force"], None);
    out.ok();
    assert!(out.stdout.contains("default provider"));
    let text = home.config_text();
    assert!(!text.contains(&id), "{text}");
    assert!(!text.contains("model_provider ="), "{text}");
    home.sb(&["token", &id], None).fails(1, "no key is stored");
    assert!(!home.path().join(format!("{id}.config.toml")).exists());
}

/// Removing a provider that holds saved sessions would leave Codex unable to resume
/// them ("This chat uses model provider ..., which is no longer configured"): the CLI
/// says how many, writes nothing and exits 1; `--force` removes it and says they stay.
#[test]
fn remove_of_a_provider_with_sessions_says_how_many_and_needs_force() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    home.sb(&["add", "custom", "--id", "kept", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"], None).ok();
    home.sb(&["add", "custom", "--id", "bare", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"], None).ok();
    rollout(home.path(), 1, "0aa1-kept", "kept", "first");
    rollout(home.path(), 2, "0aa2-kept", "kept", "second");
    rollout(home.path(), 3, "0bb3-other", "company_gateway", "not kept's");
    let before = home.read_config();
    let out = home.sb(&["remove", "kept"], None);
    out.fails(1, "holds 2 saved Codex sessions");
    assert!(out.stderr.contains("--force") && out.stderr.contains("switchboard sessions --provider kept"), "{}", out.stderr);
    assert_eq!(home.read_config(), before, "a refused remove writes nothing");
    assert!(home.path().join("kept.config.toml").exists(), "nor removes the profile");
    // A provider without sessions goes as before.
    home.sb(&["remove", "bare"], None).ok();
    let out = home.sb(&["remove", "kept", "--force"], None);
    out.ok();
    assert!(out.stdout.contains("Its 2 sessions stay on disk"), "{}", out.stdout);
    assert!(!home.config_text().contains("[model_providers.kept]"));
    let sessions = home.sb(&["sessions", "--json"], None);
    assert_eq!(json(&sessions).as_array().unwrap().len(), 3, "the sessions themselves are never touched");
}

#[test]
fn token_without_a_key_fails_with_one_line() {
    let home = Home::new();
    let out = home.sb(&["token", &unique_id("none")], None);
    out.fails(1, "no key is stored");
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr.lines().count(), 2);
}

#[test]
fn key_set_stores_and_switches_a_hand_written_provider_to_the_keychain() {
    let home = Home::new();
    let id = unique_id("gw");
    let text = EVERYDAY.replace("company_gateway", &id);
    home.write_config(text.as_bytes());
    home.sb(&["key", "set", &id], Some("")).fails(1, "key is empty");
    home.sb(&["key", "set", &id], Some("\n")).fails(1, "key is empty");
    assert_eq!(home.read_config(), text.as_bytes());
    home.sb(&["key", "set", &id], Some("gw-key-123\n")).ok();
    let new = home.config_text();
    assert!(!new.contains("env_key = \"COMPANY_LLM_KEY\""), "{new}");
    assert!(new.contains(&format!("[model_providers.{id}.auth]")), "{new}");
    assert!(new.contains("env_http_headers = { \"X-Team\" = \"CODEX_TEAM\" }   # team routing"));
    assert_eq!(home.sb(&["token", &id], None).stdout.trim(), "gw-key-123");
    // Replacing the key touches no file.
    let before = home.read_config();
    home.sb(&["key", "set", &id], Some("gw-key-456")).ok();
    assert_eq!(home.read_config(), before);
    assert_eq!(home.sb(&["token", &id], None).stdout.trim(), "gw-key-456");
    home.sb(&["key", "delete", &id], None).ok();
    home.sb(&["token", &id], None).fails(1, "no key");
    assert!(!home.all_bytes().contains("gw-key"));
}

#[test]
fn edit_changes_only_what_it_is_given() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let id = unique_id("az");
    home.sb(&["add", "azure", "--id", &id, "--resource", "contoso", "--deployment", "gpt5-prod", "--key-stdin"], Some("az-key")).ok();
    let text = home.config_text();
    assert!(text.contains("base_url = \"https://contoso.openai.azure.com/openai/v1\""));
    assert!(!text.contains("query_params"), "api-version only when given");
    home.sb(&["use", &id], None).ok();
    home.sb(&["edit", &id, "--api-version", "2025-04-01-preview", "--deployment", "gpt5-canary"], None).ok();
    let text = home.config_text();
    assert!(text.contains("query_params = { api-version = \"2025-04-01-preview\" }"), "{text}");
    let state: Value = serde_json::from_str(&fs::read_to_string(home.path().join("switchboard-router.json")).unwrap()).unwrap();
    assert_eq!(state["current"]["model"], "gpt5-canary", "the model Use chose follows: {state}");
    assert!(text.contains("name = \"Azure AI Foundry\""));
    // Switch to a token command (Entra ID): the keychain auth is replaced.
    home.sb(
        &["edit", &id, "--token-command", "az", "--token-arg", "account", "--token-arg", "get-access-token", "--refresh-interval-ms", "600000"],
        None,
    )
    .ok();
    let text = home.config_text();
    assert!(text.contains("command = \"az\"\nargs = [\"account\", \"get-access-token\"]\nrefresh_interval_ms = 600000\n"), "{text}");
    home.sb(&["edit", &id, "--env-key", "AZURE_OPENAI_API_KEY"], None).ok();
    let text = home.config_text();
    assert!(text.contains("env_key = \"AZURE_OPENAI_API_KEY\""));
    assert!(!text.contains(&format!("[model_providers.{id}.auth]")), "{text}");
    home.sb(&["edit", "openai", "--name", "x"], None).fails(1, "built into codex");
    home.sb(&["remove", &id, "--force"], None).ok();
    // Back on openai with the model it had before the switch: the file is as it started.
    assert_eq!(home.config_text(), EVERYDAY);
}

#[test]
fn without_a_secret_service_the_error_says_how_to_start_one() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let mut cmd = Command::new(bin());
    cmd.args(["--codex-home", home.path().to_str().unwrap(), "add", "openrouter", "--key-stdin"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let out = run(cmd, Some("sk-nowhere-to-go"));
    out.fails(1, "no secret service");
    assert!(out.stderr.contains("gnome-keyring-daemon"), "{}", out.stderr);
    assert!(!out.all().contains("sk-nowhere"));
    assert_eq!(home.read_config(), EVERYDAY.as_bytes(), "nothing written, no file fallback");
    let mut cmd = Command::new(bin());
    cmd.args(["token", "x"]).env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    run(cmd, None).fails(1, "no secret service");
}

#[test]
fn bad_usage_exits_two() {
    let home = Home::new();
    assert_eq!(home.sb(&["frobnicate"], None).code, Some(2));
    assert_eq!(home.sb(&["add"], None).code, Some(2));
    assert_eq!(home.sb(&["add", "custom", "--key-stdin", "--env-key", "X"], None).code, Some(2));
    assert_eq!(home.sb(&["add", "custom", "--header", "novalue"], None).code, Some(2));
    assert!(!home.config().exists());
}

#[test]
fn removing_an_env_key_provider_never_asks_the_keychain() {
    // No Secret Service at all: a provider that never used the keychain is removed without a warning.
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let mut cmd = Command::new(bin());
    cmd.args(["--codex-home", home.path().to_str().unwrap(), "remove", "company_gateway"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let out = run(cmd, None);
    out.ok();
    assert!(!out.stderr.contains("keychain"), "{}", out.stderr);
    assert!(!home.config_text().contains("company_gateway"));
}

/// The CLI speaks English unless LANG asks for one of the other languages; then
/// a refusal is in that language, while `--json`, the exit code and the
/// `error:`/`hint:` labels stay as they are (issue 18).
#[test]
fn a_refusal_follows_lang_and_json_does_not() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let before = home.read_config();
    let sb = |lang: &str, args: &[&str]| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(args).env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", lang);
        run(cmd, None)
    };
    let en = sb("en_US.UTF-8", &["add", "custom", "--id", "bad id!", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"]);
    assert_eq!(en.code, Some(1));
    assert!(en.stderr.starts_with("error: `bad id!` is not a valid provider id.\nhint: "), "{}", en.stderr);
    for (lang, script) in [("ja_JP.UTF-8", '\u{3040}'..='\u{30ff}'), ("zh_CN.UTF-8", '\u{4e00}'..='\u{9fff}'), ("zh_TW.UTF-8", '\u{4e00}'..='\u{9fff}')] {
        let out = sb(lang, &["add", "custom", "--id", "bad id!", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"]);
        assert_eq!(out.code, Some(1), "{lang}");
        assert!(out.stderr.starts_with("error: ") && out.stderr.contains("\nhint: "), "{lang}: {}", out.stderr);
        assert!(out.stderr.contains("bad id!"), "{lang}: names the id: {}", out.stderr);
        assert!(out.stderr.chars().any(|c| script.contains(&c)), "{lang}: not in its language: {}", out.stderr);
        assert_ne!(out.stderr, en.stderr, "{lang}");
    }
    // C and languages Switchboard does not speak: English.
    for lang in ["C", "fr_FR.UTF-8", ""] {
        assert_eq!(sb(lang, &["add", "custom", "--id", "bad id!", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"]).stderr, en.stderr, "{lang:?}");
    }
    assert_eq!(home.read_config(), before, "nothing written by a refusal");
    // --json is the same bytes in every language, refusals included.
    home.sb(&["add", "ollama", "--id", "ol-json", "--model", "qwen3-coder:30b"], None).ok();
    for args in [&["list", "--json"][..], &["presets", "--json"][..], &["use", "nope", "--json"][..]] {
        let en = sb("en_US.UTF-8", args);
        let ja = sb("ja_JP.UTF-8", args);
        assert_eq!((ja.code, &ja.stdout), (en.code, &en.stdout), "{args:?}");
    }
    // What an operation did, in LANG's language too.
    let out = sb("zh_TW.UTF-8", &["use", "ol-json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout.lines().next(), Some("Codex 現在透過 Switchboard 使用 `ol-json`，模型為 qwen3-coder:30b：跟隨 Switchboard 選擇的工作階段會在下一輪切換過去。"), "{}", out.stdout);
    assert!(sb("en_US.UTF-8", &["use", "openai"]).stdout.starts_with("Codex now uses `openai`"));
    // A refusal's reason is in the language too, not English inside a translated sentence.
    let url = sb("ja_JP.UTF-8", &["add", "custom", "--id", "ok-id", "--base-url", "ftp://x", "--model", "m", "--no-key"]);
    assert_eq!(url.code, Some(1));
    assert!(url.stderr.contains("ftp://x") && !url.stderr.contains("must start") && !url.stderr.contains("base URL:"), "{}", url.stderr);
    // doctor and list speak it; doctor --json is the same in every language (but for timings).
    let doctor = sb("ja_JP.UTF-8", &["doctor", "--timeout", "2"]);
    let first = doctor.stdout.lines().next().unwrap_or("");
    assert!(first.contains("config.toml") && first.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)), "{}", doctor.stdout);
    assert!(!doctor.stdout.contains("no legacy profile settings") && !doctor.stdout.contains("Fix: "), "{}", doctor.stdout);
    let list = sb("zh_CN.UTF-8", &["list"]);
    assert!(!list.stdout.contains("Codex home:") && !list.stdout.contains("no key"), "{}", list.stdout);
    let timeless = |out: &str| {
        fn strip(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    m.remove("ms");
                    m.remove("ttfb_ms");
                    m.values_mut().for_each(strip);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
                _ => {}
            }
        }
        let mut v: serde_json::Value = serde_json::from_str(out).unwrap();
        strip(&mut v);
        v
    };
    let (en, ja) = (sb("en_US.UTF-8", &["doctor", "--json", "--timeout", "2"]), sb("ja_JP.UTF-8", &["doctor", "--json", "--timeout", "2"]));
    assert_eq!(timeless(&ja.stdout), timeless(&en.stdout));
    assert!(en.stdout.contains("no legacy profile settings"), "{}", en.stdout);
}
