//! Codex knows every model Switchboard sets up, with the real Codex CLI 0.171: for a
//! direct Responses provider, a hand-written provider and a bridged one, each with a
//! slug Codex does not know, `codex exec` uses the model's real window (95% of it),
//! offers apply_patch where the path takes it, and prints no "metadata not found".
//! A provider that refuses custom tools is never sent one after its Test. With
//! OpenAI active again, Codex's own list is untouched and config.toml is as before.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::bridge::{StopBridge, free_port};
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::*;

const WARNING: &str = "Model metadata for";

/// A Codex home with its own cache (Codex's list), runtime folder and bridge port.
struct Env {
    home: Home,
    cache: tempfile::TempDir,
    runtime: PathBuf,
    port: u16,
    _stop: StopBridge,
}

impl Env {
    fn new() -> Env {
        let port = free_port();
        let runtime = tempfile::tempdir().unwrap().keep();
        Env { home: Home::new(), cache: tempfile::tempdir().unwrap(), runtime: runtime.clone(), port, _stop: StopBridge(port, runtime) }
    }

    fn envs(&self, cmd: &mut Command) {
        cmd.env("XDG_CACHE_HOME", self.cache.path())
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("SWITCHBOARD_BRIDGE_PORT", self.port.to_string())
            .env("SWITCHBOARD_CODEX", codex_bin());
    }

    fn sb(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self.home.path()).args(args);
        self.envs(&mut cmd);
        run(cmd, None)
    }

    /// `codex exec` (not ephemeral, so the session records its window), in a fresh folder.
    fn codex(&self, extra_env: &[(&str, &str)]) -> (Run, Option<u64>) {
        let work = tempfile::tempdir().unwrap();
        let mut cmd = codex_command(self.home.path(), work.path());
        cmd.args(["exec", "--skip-git-repo-check", "--strict-config", "Reply OK"]);
        self.envs(&mut cmd);
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let out = run_with_timeout(cmd, Duration::from_secs(90));
        let window = newest_rollout(&self.home.path().join("sessions")).and_then(|p| {
            std::fs::read_to_string(p).ok()?.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()).find_map(|v| v["payload"]["model_context_window"].as_u64())
        });
        (out, window)
    }
}

fn newest_rollout(dir: &Path) -> Option<PathBuf> {
    let mut all = Vec::new();
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                walk(&e.path(), out);
            } else if e.file_name().to_string_lossy().starts_with("rollout-") {
                out.push(e.path());
            }
        }
    }
    walk(dir, &mut all);
    all.into_iter().max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
}

/// The names of the tools in a Responses request body, `custom` ones marked.
fn tools(body: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(body).unwrap();
    v["tools"].as_array().into_iter().flatten().map(|t| format!("{}:{}", t["type"].as_str().unwrap_or(""), t["name"].as_str().unwrap_or(""))).collect()
}

fn ninety_five(w: u64) -> u64 {
    w * 95 / 100
}

#[test]
fn a_direct_provider_after_its_test_gets_its_window_and_apply_patch() {
    let e = Env::new();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    e.sb(&["add", "custom", "--id", "qwen", "--base-url", &server.base_url(), "--model", "qwen3-coder-plus", "--no-key"]).ok();
    // Before the Test: the family table's window, and no apply_patch (not known to be taken).
    let v: Value = serde_json::from_str(&e.sb(&["list", "--json"]).stdout).unwrap();
    let p = v["providers"].as_array().unwrap().iter().find(|p| p["id"] == "qwen").unwrap().clone();
    assert_eq!(p["model_info"]["context_window"], 262_144, "{p}");
    assert_eq!(p["model_info"]["window_source"], "family");
    assert_eq!(p["model_info"]["apply_patch"], false);
    // The Test finds the provider takes a custom tool, and says both.
    let t: Value = serde_json::from_str(&e.sb(&["test", "qwen", "--json"]).stdout).unwrap();
    assert_eq!(t["diagnosis"], "ok", "{t}");
    assert_eq!(t["facts"]["custom_tools"], true, "{t}");
    assert_eq!(t["model_info"]["apply_patch"], true, "{t}");
    assert!(e.sb(&["test", "qwen"]).stdout.contains("262,144-token context window (Qwen3-Coder (Qwen))"));
    // Reached directly (the router's /models is tests/router.rs's): Codex's catalog file.
    e.sb(&["route", "qwen", "direct"]).ok();
    e.sb(&["use", "qwen"]).ok();
    assert!(e.home.config_text().contains("model_catalog_json = \"switchboard-models.json\""), "{}", e.home.config_text());
    let before = server.responses_posts().len();
    let (out, window) = e.codex(&[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!out.all().contains(WARNING), "{}", out.all());
    assert_eq!(window, Some(ninety_five(262_144)));
    let posts = &server.responses_posts()[before..];
    let names = tools(&posts[0].body);
    assert!(names.contains(&"custom:apply_patch".to_owned()), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("tool_search")), "no hosted search for a third party: {names:?}");
    assert!(names.contains(&"web_search:".to_owned()), "web search where the Test saw Codex's tools taken: {names:?}");
}

#[test]
fn a_provider_that_refuses_custom_tools_is_never_sent_one() {
    let e = Env::new();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::NoCustomTools, Duration::ZERO);
    e.sb(&["add", "custom", "--id", "strict", "--base-url", &server.base_url(), "--model", "mimo-v2-pro", "--no-key"]).ok();
    let t: Value = serde_json::from_str(&e.sb(&["test", "strict", "--json"]).stdout).unwrap();
    assert_eq!(t["diagnosis"], "ok", "{t}");
    assert_eq!(t["facts"]["custom_tools"], false, "{t}");
    assert_eq!(t["model_info"]["patch_reason"], "refused", "{t}");
    assert_eq!(t["model_info"]["window_source"], "default");
    assert!(e.sb(&["test", "strict"]).stdout.contains("context window unknown; assuming 128k"));
    e.sb(&["use", "strict"]).ok();
    let before = server.responses_posts().len();
    let (out, window) = e.codex(&[]);
    assert_eq!(out.code, Some(0), "the run succeeds: {}", out.all());
    assert!(!out.all().contains(WARNING), "{}", out.all());
    assert_eq!(window, Some(ninety_five(128_000)));
    for p in &server.responses_posts()[before..] {
        assert!(!tools(&p.body).iter().any(|n| n.starts_with("custom:")), "a custom tool was sent: {:?}", tools(&p.body));
        // Nor Codex's hosted web search, which such a provider may refuse too (the entry says search_mcp).
        assert!(!tools(&p.body).iter().any(|n| n.starts_with("web_search")), "web search was sent: {:?}", tools(&p.body));
        assert!(tools(&p.body).contains(&"function:exec_command".to_owned()), "{:?}", tools(&p.body));
    }
}

#[test]
fn a_hand_written_provider_gets_the_window_its_user_gives() {
    let e = Env::new();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    e.home.write_config(
        format!("# mine\nmodel = \"corp-coder-7\"\n\n[model_providers.corp]\nname = \"Corp\"\nbase_url = \"{}\"\nwire_api = \"responses\"\n", server.base_url()).as_bytes(),
    );
    e.sb(&["edit", "corp", "--context-window", "100k"]).ok();
    e.sb(&["use", "corp"]).ok();
    let (out, window) = e.codex(&[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!out.all().contains(WARNING), "{}", out.all());
    assert_eq!(window, Some(95_000));
    // Untested: no apply_patch until the Test shows it is taken.
    let names = tools(&server.responses_posts().last().unwrap().body);
    assert!(!names.contains(&"custom:apply_patch".to_owned()), "{names:?}");
    // Back to what Switchboard finds: the default, and the Test names it.
    e.sb(&["edit", "corp", "--context-window", "auto"]).ok();
    let v: Value = serde_json::from_str(&e.sb(&["list", "--json"]).stdout).unwrap();
    let p = v["providers"].as_array().unwrap().iter().find(|p| p["id"] == "corp").unwrap().clone();
    assert_eq!(p["model_info"]["window_source"], "default", "{p}");
}

#[test]
fn a_bridged_provider_gets_its_window_and_apply_patch_as_a_function() {
    let e = Env::new();
    let chat = ChatServer::start("/v1", Script::Burst { deltas: 3 });
    e.sb(&["add", "kimi", "--base-url", &chat.base_url(), "--env-key", "KIMI_TEST_KEY"]).ok();
    e.sb(&["use", "kimi"]).ok();
    let (out, window) = e.codex(&[("KIMI_TEST_KEY", "sk-kimi-catalog")]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!out.all().contains(WARNING), "{}", out.all());
    assert_eq!(window, Some(ninety_five(262_144)));
    let req = chat.requests().last().cloned().unwrap();
    assert_eq!(req["model"], "kimi-k2.6");
    let names: Vec<&str> = req["tools"].as_array().unwrap().iter().filter_map(|t| t["function"]["name"].as_str()).collect();
    assert!(names.contains(&"apply_patch"), "{names:?}");
}

#[test]
fn with_openai_again_codexs_own_list_is_untouched_and_config_is_as_before() {
    let e = Env::new();
    let chat = ChatServer::start("/v1", Script::Burst { deltas: 3 });
    e.home.write_config(EVERYDAY.as_bytes());
    let before = e.home.read_config();
    e.sb(&["add", "glm", "--base-url", &chat.base_url(), "--env-key", "GLM_TEST_KEY"]).ok();
    let after_add = e.home.read_config();
    e.sb(&["route", "glm", "direct"]).ok();
    e.sb(&["use", "glm"]).ok();
    assert!(e.home.config_text().contains("model_catalog_json"), "{}", e.home.config_text());
    // While GLM is active, Codex lists its own models too, and GLM's.
    let debug = |args: &[&str]| -> Vec<String> {
        let mut cmd = Command::new(codex_bin());
        cmd.args(["debug", "models"]).args(args).env("CODEX_HOME", e.home.path());
        e.envs(&mut cmd);
        let out = run(cmd, None);
        let start = out.stdout.find('{').unwrap_or_else(|| panic!("{}", out.all()));
        let v: Value = serde_json::from_str(&out.stdout[start..]).unwrap();
        v["models"].as_array().unwrap().iter().map(|m| m.to_string()).collect()
    };
    let bundled = debug(&["--bundled"]);
    let with_glm = debug(&[]);
    assert_eq!(with_glm.len(), bundled.len() + 1);
    assert!(bundled.iter().all(|m| with_glm.contains(m)), "every bundled model, unchanged");
    // Doctor names the file config.toml points at, and a missing one as the
    // reason Codex will not start, with the fix; `use` writes it again.
    let doctor_catalog = || -> Option<Value> {
        let out = e.sb(&["doctor", "--json", "--timeout", "3"]);
        let v: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}", out.all()));
        v["checks"].as_array().unwrap().iter().find(|c| c["name"] == "model_catalog").cloned()
    };
    let catalog_check = || doctor_catalog().expect("a model_catalog check while config.toml names the file");
    assert_eq!(catalog_check()["status"], "ok");
    std::fs::remove_file(e.home.path().join("switchboard-models.json")).unwrap();
    let missing = catalog_check();
    assert_eq!(missing["status"], "fail", "{missing}");
    assert!(missing["hint"].as_str().unwrap().contains("switchboard use"), "{missing}");
    e.sb(&["use", "glm"]).ok();
    assert_eq!(catalog_check()["status"], "ok");
    assert_eq!(debug(&[]), with_glm, "the same list as before it went missing");
    e.sb(&["use", "openai"]).ok();
    assert_eq!(doctor_catalog(), None, "no check while config.toml names no catalog");
    assert_eq!(debug(&[]), bundled, "codex debug models == --bundled");
    assert_eq!(e.home.read_config(), after_add, "use glm then use openai: byte-identical");
    e.sb(&["remove", "glm"]).ok();
    assert_eq!(e.home.read_config(), before);
}

#[test]
fn a_codex_update_is_picked_up_at_its_first_run() {
    let e = Env::new();
    let chat = ChatServer::start("/v1", Script::Burst { deltas: 3 });
    e.sb(&["add", "deepseek", "--base-url", &chat.base_url(), "--env-key", "DS_TEST_KEY"]).ok();
    e.sb(&["use", "deepseek"]).ok();
    // Pretend Switchboard last saw an older Codex, with one model fewer.
    let cache = e.cache.path().join("switchboard/codex-models.json");
    let mut c: Value = serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
    let all = c["models"].as_array().unwrap().len();
    c["models"].as_array_mut().unwrap().remove(0);
    c["exe_id"] = "0-0".into();
    c["exe"] = "/old/codex".into();
    std::fs::write(&cache, c.to_string()).unwrap();
    e.sb(&["edit", "deepseek", "--context-window", "500k"]).ok();
    let file = e.home.path().join("switchboard-models.json");
    let count = || serde_json::from_slice::<Value>(&std::fs::read(&file).unwrap()).unwrap()["models"].as_array().unwrap().len();
    assert_eq!(count(), all, "older list plus DeepSeek's entry");
    // Codex runs the auth command; it sees a Codex it has not read, and reads it.
    let (out, window) = e.codex(&[("DS_TEST_KEY", "sk-ds-catalog")]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert_eq!(window, Some(475_000));
    assert_eq!(count(), all + 1, "the new Codex's whole list, then DeepSeek's entry");
}

/// An Azure deployment has a name of its own (`gpt5-prod`); the answer names the
/// model behind it. After the Test, Codex gets that model's figures from its own
/// list, and runs with its window and no metadata warning.
#[test]
fn an_azure_deployment_gets_the_window_of_the_model_it_serves() {
    let e = Env::new();
    let served = "gpt-6.1-sol-2026-10-01";
    let server = ResponsesServer::start_full("127.0.0.1", "/openai/v1", Some("az-test-key"), Behavior::Serves(served), Duration::ZERO);
    e.sb(&["add", "azure", "--id", "az", "--deployment", "gpt5-prod", "--base-url", &server.base_url(), "--token-command", "/bin/echo", "--token-arg", "az-test-key"]).ok();
    let t: Value = serde_json::from_str(&e.sb(&["test", "az", "--json"]).stdout).unwrap();
    assert_eq!(t["diagnosis"], "ok", "{t}");
    assert_eq!(t["facts"]["served_as"], served, "{t}");
    // Codex's own entry for the model served, found the way Codex matches slugs.
    let mut cmd = Command::new(codex_bin());
    cmd.args(["debug", "models", "--bundled"]);
    let out = run(cmd, None);
    let list: Value = serde_json::from_str(&out.stdout[out.stdout.find('{').unwrap()..]).unwrap();
    let entry = list["models"].as_array().unwrap().iter().filter(|m| served.starts_with(m["slug"].as_str().unwrap())).max_by_key(|m| m["slug"].as_str().unwrap().len()).unwrap().clone();
    let window = entry["context_window"].as_u64().unwrap();
    assert_eq!(t["model_info"]["window_source"], "codex", "{t}");
    assert_eq!(t["model_info"]["context_window"], window, "{t}");
    e.sb(&["route", "az", "direct"]).ok();
    e.sb(&["use", "az"]).ok();
    assert!(e.home.config_text().contains("model_catalog_json"), "gpt5-prod is a slug Codex does not know");
    let (out, seen) = e.codex(&[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!out.all().contains(WARNING), "{}", out.all());
    assert_eq!(seen, Some(ninety_five(window)));
}
