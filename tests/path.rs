//! The way Codex reaches a provider is found out, not assumed: a provider that
//! serves the Responses API and takes Codex's tools is set up directly; one whose
//! Responses API breaks Codex's tools stays on the bridge, and the Test says why; a
//! bridged provider that gained a working Responses API is offered the direct way,
//! in one command. With the real `switchboard`, the real keychain and the real Codex.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::bridge::{StopBridge, free_port};
use switchboard_e2e::*;

const KEY: &str = "sk-path-SECRET-7731";

/// A provider added with the real CLI, its bridge port and runtime folder set for this test.
struct Setup {
    home: Home,
    id: String,
    port: u16,
    runtime: std::path::PathBuf,
    _stop: StopBridge,
}

impl Setup {
    fn new() -> Setup {
        let port = free_port();
        let runtime = tempfile::tempdir().unwrap().keep();
        Setup { home: Home::new(), id: unique_id("path"), port, runtime: runtime.clone(), _stop: StopBridge(port, runtime) }
    }

    fn sb(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self.home.path()).args(args);
        codex_env(&mut cmd);
        cmd.env("SWITCHBOARD_BRIDGE_PORT", self.port.to_string()).env("XDG_RUNTIME_DIR", &self.runtime).env("XDG_STATE_HOME", &self.runtime);
        run(cmd, stdin)
    }

    fn add(&self, preset: &str, base: &str, extra: &[&str]) -> Run {
        let mut args = vec!["add", preset, "--id", &self.id, "--base-url", base, "--model", "m1", "--key-stdin"];
        args.extend_from_slice(extra);
        let out = self.sb(&args, Some(&format!("{KEY}\n")));
        out.ok();
        out
    }

    fn test_json(&self) -> (Value, Run) {
        let run = self.sb(&["test", &self.id, "--json", "--timeout", "20"], None);
        let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
        (json, run)
    }

    /// The provider's table as Codex reads it.
    fn table(&self) -> toml::Value {
        let doc: toml::Value = toml::from_str(&self.home.config_text()).unwrap();
        doc["model_providers"][self.id.as_str()].clone()
    }

    fn codex(&self, work: &Path) -> Run {
        self.sb(&["use", &self.id], None).ok();
        let mut cmd = Command::new(codex_bin());
        cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "--strict-config", "--dangerously-bypass-approvals-and-sandbox", "Say OK."])
            .current_dir(work)
            .env("CODEX_HOME", self.home.path())
            .env("HOME", work)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("XDG_STATE_HOME", &self.runtime)
            .env_remove("OPENAI_API_KEY")
            .env("RUST_LOG", "error");
        run_with_timeout(cmd, Duration::from_secs(90))
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        let _ = self.sb(&["key", "delete", &self.id], None);
    }
}

fn no_key_in(s: &Setup, outputs: &[&Run]) {
    for o in outputs {
        assert!(!o.all().contains(KEY), "the key reached an output");
    }
    assert!(!s.home.all_bytes().contains(KEY), "the key reached a file");
}

#[test]
fn a_provider_serving_the_responses_api_with_codexs_tools_is_set_up_directly() {
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), Behavior::Dual { refuse_custom: false }, Duration::ZERO);
    let s = Setup::new();
    // The Chat Completions gateway preset would put it on the bridge; its answers say otherwise.
    let add = s.add("chat-gateway", &server.base_url(), &[]);
    assert!(add.stdout.contains("serves the Responses API and took the tools Codex sends"), "{}", add.stdout);
    let table = s.table();
    assert_eq!(table["base_url"].as_str(), Some(server.base_url().as_str()), "directly: {table}");
    // What it was asked carried Codex's own tools, the key as Codex sends it.
    let asked = server.responses_posts();
    let first: Value = serde_json::from_str(&asked[0].body).unwrap();
    let types: Vec<&str> = first["tools"].as_array().unwrap().iter().map(|t| t["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["function", "custom", "web_search"]);
    assert_eq!(asked[0].header("authorization"), Some(format!("Bearer {KEY}").as_str()));

    let (report, test) = s.test_json();
    assert_eq!(report["diagnosis"], "ok", "{report}");
    assert_eq!(report["path"]["api"], "responses", "{report}");
    assert!(report["path"]["why"].as_str().unwrap().starts_with("Directly:"), "{report}");
    assert!(report["path"].get("offer").is_none(), "{report}");
    let work = tempfile::tempdir().unwrap();
    let codex = s.codex(work.path());
    assert_eq!(codex.code, Some(0), "{}\n{}", codex.stdout, codex.stderr);
    no_key_in(&s, &[&add, &test, &codex]);
}

#[test]
fn a_provider_whose_responses_api_breaks_codexs_tools_stays_on_the_bridge_and_the_test_says_why() {
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), Behavior::Dual { refuse_custom: true }, Duration::ZERO);
    let s = Setup::new();
    // The custom preset would reach it directly; Codex's apply_patch is refused there.
    let add = s.add("custom", &server.base_url(), &[]);
    assert!(add.stdout.contains("refused the tools Codex sends"), "{}", add.stdout);
    assert!(add.stdout.contains("through Switchboard's bridge"), "{}", add.stdout);
    let table = s.table();
    let url = table["base_url"].as_str().unwrap();
    assert!(url.starts_with(&format!("http://127.0.0.1:{}/", s.port)), "through the bridge: {table}");
    let (report, test) = s.test_json();
    assert_eq!(report["diagnosis"], "ok", "{report}");
    assert_eq!(report["path"]["api"], "chat", "{report}");
    let why = report["path"]["why"].as_str().unwrap();
    assert!(why.contains("refused the tools Codex sends") && why.contains("Invalid value: 'custom'"), "the Test says why: {why}");
    assert!(test.stdout.contains("\"path\""));
    // The words in another language, with the provider's own words inside.
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(s.home.path()).args(["test", &s.id, "--timeout", "20"]);
    codex_env(&mut cmd);
    cmd.env("SWITCHBOARD_BRIDGE_PORT", s.port.to_string()).env("XDG_RUNTIME_DIR", &s.runtime).env("XDG_STATE_HOME", &s.runtime).env("LANG", "ja_JP.UTF-8");
    let ja = run(cmd, None);
    assert!(ja.stdout.contains("ブリッジ"), "{}", ja.stdout);
    let work = tempfile::tempdir().unwrap();
    let codex = s.codex(work.path());
    assert_eq!(codex.code, Some(0), "{}\n{}", codex.stdout, codex.stderr);
    no_key_in(&s, &[&add, &test, &codex, &ja]);
}

#[test]
fn a_bridged_provider_that_gained_a_working_responses_api_is_offered_the_direct_way_in_one_command() {
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), Behavior::Dual { refuse_custom: false }, Duration::ZERO);
    let s = Setup::new();
    // Set up on the bridge when it spoke only Chat Completions (--api chat: chosen, not asked).
    let add = s.add("chat-gateway", &server.base_url(), &["--api", "chat"]);
    assert!(!add.stdout.contains("Responses API"), "the user chose the way: nothing asked: {}", add.stdout);
    assert!(server.responses_posts().is_empty(), "nothing asked when --api says which");
    let (report, _) = s.test_json();
    assert_eq!(report["diagnosis"], "ok", "{report}");
    assert_eq!(report["path"]["api"], "chat");
    let offer = &report["path"]["offer"];
    assert_eq!(offer["api"], "responses", "{report}");
    let command = offer["command"].as_str().unwrap();
    assert_eq!(command, format!("switchboard edit {} --api responses", s.id));
    assert!(offer["why"].as_str().unwrap().contains("now serves the Responses API"), "{offer}");
    // The one command.
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    s.sb(&args, None).ok();
    assert_eq!(s.table()["base_url"].as_str(), Some(server.base_url().as_str()));
    let (report, _) = s.test_json();
    assert_eq!(report["path"]["api"], "responses", "{report}");
    assert!(report["path"].get("offer").is_none());
}

#[test]
fn a_direct_provider_whose_tools_are_refused_fails_the_test_with_the_bridge_as_the_fix() {
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), Behavior::DualNoTools, Duration::ZERO);
    let s = Setup::new();
    s.add("custom", &server.base_url(), &["--api", "responses"]);
    let (report, test) = s.test_json();
    assert_eq!(report["diagnosis"], "tools_refused", "{report}");
    assert_eq!(report["offers_bridge"], true);
    assert!(report["hint"].as_str().unwrap().contains(&format!("switchboard edit {} --api chat", s.id)), "{report}");
    assert_eq!(test.code, Some(1));
    // The fix, then the Test passes through the bridge.
    s.sb(&["edit", &s.id, "--api", "chat"], None).ok();
    let (report, _) = s.test_json();
    assert_eq!(report["diagnosis"], "ok", "{report}");
    assert_eq!(report["path"]["api"], "chat");
}

#[test]
fn a_direct_provider_refusing_only_apply_patch_passes_with_the_bridge_offered_for_it() {
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), Behavior::Dual { refuse_custom: true }, Duration::ZERO);
    let s = Setup::new();
    s.add("custom", &server.base_url(), &["--api", "responses"]);
    let (report, test) = s.test_json();
    // Codex works there: the catalog leaves apply_patch out, so it sends functions alone.
    assert_eq!(report["diagnosis"], "ok", "{report}");
    assert_eq!(test.code, Some(0));
    assert_eq!(report["model_info"]["apply_patch"], false, "{report}");
    assert!(report["path"]["why"].as_str().unwrap().starts_with("Directly, without apply_patch"), "{report}");
    let offer = &report["path"]["offer"];
    assert_eq!(offer["api"], "chat", "{report}");
    assert_eq!(offer["command"], format!("switchboard edit {} --api chat", s.id));
    assert!(offer["why"].as_str().unwrap().contains("apply_patch"), "{offer}");
}

#[test]
fn a_provider_quoting_the_key_in_its_refusal_never_gets_it_printed() {
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), Behavior::DualEchoKey, Duration::ZERO);
    let s = Setup::new();
    let add = s.add("custom", &server.base_url(), &[]);
    assert!(add.stdout.contains("refused the tools Codex sends"), "the way was chosen and said: {}", add.stdout);
    assert!(add.stdout.contains("[redacted]"), "{}", add.stdout);
    let (report, test) = s.test_json();
    assert_eq!(report["path"]["api"], "chat", "{report}");
    // In the window's language too.
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(s.home.path()).args(["add", "custom", "--id", "again", "--base-url", &server.base_url(), "--model", "m1", "--key-stdin"]);
    codex_env(&mut cmd);
    cmd.env("SWITCHBOARD_BRIDGE_PORT", s.port.to_string()).env("XDG_RUNTIME_DIR", &s.runtime).env("XDG_STATE_HOME", &s.runtime).env("LANG", "zh_CN.UTF-8");
    let zh = run(cmd, Some(&format!("{KEY}\n")));
    zh.ok();
    s.sb(&["key", "delete", "again"], None).ok();
    no_key_in(&s, &[&add, &test, &zh]);
}
