//! `switchboard test` and `doctor` against stand-in servers on 127.0.0.1, each
//! acting out one failure. Each test checks the exact diagnosis code, that the
//! key never appears in the output, and that the run stays within its timeout.

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_e2e::*;

const KEY: &str = "sk-probe-SECRET-4242";

struct Verdict {
    json: Value,
    run: Run,
    took: Duration,
}

/// Adds a custom provider at `base` (keychain key unless `auth` says otherwise) and tests it.
fn verdict_for(base: &str, auth: &[&str], timeout_secs: u32, extra: &[&str]) -> Verdict {
    let home = Home::new();
    let id = unique_id("probe");
    let mut args = vec!["add", "custom", "--id", &id, "--base-url", base, "--model", "m1"];
    args.extend_from_slice(auth);
    let stdin = auth.contains(&"--key-stdin").then(|| format!("{KEY}\n"));
    home.sb(&args, stdin.as_deref()).ok();
    let t = timeout_secs.to_string();
    let mut targs = vec!["test", &id, "--json", "--timeout", &t];
    targs.extend_from_slice(extra);
    let start = Instant::now();
    let run = home.sb(&targs, None);
    let took = start.elapsed();
    let json: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    if auth.contains(&"--key-stdin") {
        home.sb(&["key", "delete", &id], None).ok();
    }
    Verdict { json, run, took }
}

#[track_caller]
fn expect(v: &Verdict, code: &str, limit_secs: u32) {
    assert_eq!(v.json["diagnosis"], code, "{}", serde_json::to_string_pretty(&v.json).unwrap());
    assert_eq!(v.json["ok"], code == "ok");
    assert_eq!(v.run.code, Some(if code == "ok" { 0 } else { 1 }), "exit 0 only when ok");
    assert!(!v.run.all().contains(KEY), "the key leaked into the output");
    assert!(!v.json["message"].as_str().unwrap().is_empty());
    if code != "ok" {
        assert!(!v.json["hint"].as_str().unwrap().is_empty(), "every failure has a fix");
        let failed: Vec<&Value> = v.json["steps"].as_array().unwrap().iter().filter(|s| s["status"] == "fail").collect();
        assert_eq!(failed.len(), 1, "exactly one failing step names where it came from: {}", v.json["steps"]);
    }
    for s in v.json["steps"].as_array().unwrap() {
        assert!(s["ms"].as_u64().is_some() && s["name"].is_string());
    }
    assert!(v.took < Duration::from_secs(limit_secs as u64) + Duration::from_millis(1500), "took {:?} with a {limit_secs}s timeout", v.took);
}

fn server(b: Behavior) -> ResponsesServer {
    ResponsesServer::start_full("127.0.0.1", "/v1", Some(KEY), b, Duration::ZERO)
}

#[test]
fn good_sse_is_ok_and_lists_models() {
    let s = server(Behavior::Good);
    let v = verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]);
    expect(&v, "ok", 10);
    assert_eq!(v.json["models"], serde_json::json!(["m1", "m2"]));
    let steps: Vec<&str> = v.json["steps"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(steps, ["config", "connect", "models", "responses"]);
    assert!(v.json["steps"].as_array().unwrap().iter().all(|s| s["status"] == "ok"));
    // Sent exactly as Codex would: the key as Bearer, streaming requested.
    let post = &s.responses_posts()[0];
    assert_eq!(post.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert!(post.body.contains("\"stream\":true"));
}

#[test]
fn rejected_key_is_unauthorized() {
    let s = server(Behavior::Unauthorized);
    expect(&verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]), "unauthorized", 10);
}

#[test]
fn chat_only_provider_is_no_responses_api() {
    let s = server(Behavior::ChatOnly);
    let v = verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]);
    expect(&v, "no_responses_api", 10);
    assert!(v.json["message"].as_str().unwrap().contains("Chat Completions"));
}

#[test]
fn a_web_page_is_wrong_base_url() {
    let s = server(Behavior::Html);
    let v = verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]);
    expect(&v, "wrong_base_url", 10);
    assert!(v.json["message"].as_str().unwrap().contains("web page"));
}

#[test]
fn nothing_at_the_path_is_wrong_base_url() {
    let s = server(Behavior::NotFound);
    expect(&verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]), "wrong_base_url", 10);
}

#[test]
fn unknown_model_lists_the_offered_ones() {
    let s = server(Behavior::UnknownModel);
    let v = verdict_for(&s.base_url(), &["--key-stdin"], 10, &["--model", "gpt-9"]);
    expect(&v, "model_not_found", 10);
    let msg = v.json["message"].as_str().unwrap();
    assert!(msg.contains("gpt-9") && msg.contains("m1, m2"), "{msg}");
}

#[test]
fn too_many_requests_is_rate_limited() {
    let s = server(Behavior::Status(429, r#"{"error":{"message":"Rate limit reached"}}"#));
    expect(&verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]), "rate_limited", 10);
}

#[test]
fn server_error_is_provider_error() {
    let s = server(Behavior::Status(503, r#"{"error":{"message":"upstream overloaded"}}"#));
    expect(&verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]), "provider_error", 10);
}

#[test]
fn azure_api_version_is_named() {
    let s = server(Behavior::Status(400, r#"{"error":{"code":"BadRequest","message":"API version not supported"}}"#));
    let v = verdict_for(&s.base_url(), &["--key-stdin", "--query", "api-version=2019-01-01"], 10, &[]);
    expect(&v, "azure_api_version", 10);
    assert_eq!(s.responses_posts()[0].query(), "api-version=2019-01-01", "query params are sent as Codex sends them");
}

#[test]
fn a_hanging_server_times_out_within_the_limit() {
    let s = server(Behavior::Hang);
    expect(&verdict_for(&s.base_url(), &["--key-stdin"], 2, &[]), "timeout", 2);
}

#[test]
fn a_redirect_to_another_host_is_reported_not_followed() {
    let other = ResponsesServer::start_full("127.0.0.2", "/v1", None, Behavior::Good, Duration::ZERO);
    let s = server(Behavior::Redirect(format!("{}/responses", other.base_url())));
    let v = verdict_for(&s.base_url(), &["--key-stdin"], 10, &[]);
    expect(&v, "wrong_base_url", 10);
    assert!(v.json["message"].as_str().unwrap().contains("127.0.0.2"), "{}", v.json["message"]);
    assert!(other.seen().iter().all(|r| r.header("authorization").is_none()), "the key went to the other host");
    assert!(other.responses_posts().is_empty());
}

#[test]
fn a_closed_port_is_unreachable() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    expect(&verdict_for(&format!("http://127.0.0.1:{port}/v1"), &["--key-stdin"], 10, &[]), "unreachable", 10);
}

#[test]
fn an_unknown_host_is_dns() {
    expect(&verdict_for("https://api.switchboard-test.invalid/v1", &["--key-stdin"], 10, &[]), "dns", 10);
}

#[test]
fn https_to_a_plain_http_port_is_tls() {
    let s = server(Behavior::Good);
    let v = verdict_for(&format!("https://127.0.0.1:{}/v1", s.port), &["--key-stdin"], 10, &[]);
    expect(&v, "tls", 10);
}

#[test]
fn a_missing_keychain_key_is_missing_key() {
    let s = server(Behavior::Good);
    let home = Home::new();
    let id = unique_id("nokey");
    home.sb(&["add", "custom", "--id", &id, "--base-url", &s.base_url(), "--model", "m1", "--key-stdin"], Some(KEY)).ok();
    home.sb(&["key", "delete", &id], None).ok();
    // (Adding asked the provider, with the key typed, which way Codex reaches it.)
    let before = s.seen().len();
    let run = home.sb(&["test", &id, "--json"], None);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["diagnosis"], "missing_key");
    assert!(v["hint"].as_str().unwrap().contains("key set"));
    assert_eq!(s.seen().len(), before, "no request without a key");
}

#[test]
fn an_unset_env_key_is_missing_key() {
    let s = server(Behavior::Good);
    let v = verdict_for(&s.base_url(), &["--env-key", "SB_SURELY_UNSET_VAR"], 10, &[]);
    expect(&v, "missing_key", 10);
    assert!(v.json["message"].as_str().unwrap().contains("SB_SURELY_UNSET_VAR"));
}

#[test]
fn a_failing_token_command_is_token_command_failed() {
    let s = server(Behavior::Good);
    let v = verdict_for(&s.base_url(), &["--token-command", "sh", "--token-arg", "-c", "--token-arg", "echo 'please run az login' >&2; exit 3"], 10, &[]);
    expect(&v, "token_command_failed", 10);
    assert!(v.json["message"].as_str().unwrap().contains("please run az login"));
}

#[test]
fn a_hanging_token_command_is_token_command_failed_within_the_limit() {
    let s = server(Behavior::Good);
    let v = verdict_for(&s.base_url(), &["--token-command", "sleep", "--token-arg", "30"], 2, &[]);
    expect(&v, "token_command_failed", 2);
}

#[test]
fn a_token_command_that_works_is_used_as_bearer() {
    let s = ResponsesServer::start_full("127.0.0.1", "/v1", Some("tok-from-cmd"), Behavior::Good, Duration::ZERO);
    let v = verdict_for(&s.base_url(), &["--token-command", "printf", "--token-arg", "tok-from-cmd"], 10, &[]);
    expect(&v, "ok", 10);
}

#[test]
fn static_url_mistakes_are_caught_before_the_network() {
    let home = Home::new();
    let id = unique_id("shape");
    home.sb(&["add", "custom", "--id", &id, "--base-url", "http://127.0.0.1:9/v1/chat/completions", "--model", "m", "--no-key"], None).ok();
    let run = home.sb(&["test", &id, "--json"], None);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["diagnosis"], "wrong_base_url");
    assert_eq!(v["steps"][0]["name"], "config");
    assert_eq!(v["steps"][0]["status"], "fail");
    assert!(v["hint"].as_str().unwrap().contains("http://127.0.0.1:9/v1"));
}

#[test]
fn with_codex_runs_the_real_codex() {
    let s = server(Behavior::Good);
    let home = Home::new();
    let id = unique_id("withcodex");
    home.sb(&["add", "custom", "--id", &id, "--base-url", &s.base_url(), "--model", "m1", "--key-stdin"], Some(KEY)).ok();
    let path = format!("{}:{}", codex_bin().parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let mut cmd = Command::new(bin());
    cmd.args(["--codex-home", home.path().to_str().unwrap(), "test", &id, "--with-codex", "--json", "--timeout", "60"]).env("PATH", path);
    let out = run(cmd, None);
    let v: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}", out.all()));
    assert_eq!(v["diagnosis"], "ok", "{v}");
    let codex = v["steps"].as_array().unwrap().iter().find(|s| s["name"] == "codex").unwrap();
    assert_eq!(codex["status"], "ok", "{v}");
    assert!(s.responses_posts().len() >= 2, "both Switchboard and Codex called /responses");
    assert!(!out.all().contains(KEY));
    // Without codex on PATH the step is skipped, not faked.
    let mut cmd = Command::new(bin());
    cmd.args(["--codex-home", home.path().to_str().unwrap(), "test", &id, "--with-codex", "--json"]).env("PATH", "/usr/bin:/bin");
    let v: Value = serde_json::from_str(&run(cmd, None).stdout).unwrap();
    let codex = v["steps"].as_array().unwrap().iter().find(|s| s["name"] == "codex").unwrap();
    assert_eq!(codex["status"], "skipped");
    home.sb(&["key", "delete", &id], None).ok();
}

#[test]
fn doctor_checks_the_setup_and_tests_providers_concurrently() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let slow: Vec<ResponsesServer> =
        (0..4).map(|_| ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::from_millis(700))).collect();
    for s in &slow {
        home.sb(&["add", "custom", "--id", &unique_id("doc"), "--base-url", &s.base_url(), "--model", "m1", "--no-key"], None).ok();
    }
    let start = Instant::now();
    let run = home.sb(&["doctor", "--json", "--timeout", "10"], None);
    let took = start.elapsed();
    let v: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{}", run.all()));
    // company_gateway from the fixture has no COMPANY_LLM_KEY in this environment.
    assert_eq!(v["ok"], false);
    assert_eq!(run.code, Some(1));
    let providers = v["providers"].as_array().unwrap();
    assert_eq!(providers.len(), 5);
    assert_eq!(providers[0]["provider"], "company_gateway");
    assert_eq!(providers[0]["diagnosis"], "missing_key");
    assert!(providers[1..].iter().all(|p| p["diagnosis"] == "ok"), "{v}");
    let names: Vec<&str> = v["checks"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["config", "reserved_ids", "legacy_profile", "active_provider", "managed_layers", "plain_text_keys", "env_only_keys"]);
    // Each good provider needs two answers of 700 ms; one after another that would be 5.6 s.
    assert!(took < Duration::from_millis(3500), "doctor took {took:?}: providers were not tested concurrently");

    let human = home.sb(&["doctor"], None);
    assert!(human.stdout.contains("company_gateway: missing_key"), "{}", human.stdout);
}

#[test]
fn doctor_flags_reserved_ids_legacy_profiles_and_a_missing_active_provider() {
    let home = Home::new();
    home.write_config(b"profile = \"work\"\nmodel_provider = \"gone\"\n\n[model_providers.ollama]\nname = \"mine\"\nbase_url = \"http://localhost:11434/v1\"\n");
    let run = home.sb(&["doctor", "--json"], None);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let status = |name: &str| v["checks"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()["status"].clone();
    assert_eq!(status("reserved_ids"), "fail");
    assert_eq!(status("legacy_profile"), "fail");
    assert_eq!(status("active_provider"), "fail");
    assert_eq!(run.code, Some(1));
    // A hand-written gcp table with a name stops Codex 0.171 whichever provider is active;
    // doctor names the table and the key. One with only the keys gcp takes passes.
    let home = Home::new();
    home.write_config(b"[model_providers.gcp]\nname = \"Vertex\"\nbase_url = \"https://vertex.example/v1\"\n");
    let run = home.sb(&["doctor", "--json"], None);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let reserved = v["checks"].as_array().unwrap().iter().find(|c| c["name"] == "reserved_ids").unwrap().clone();
    assert_eq!(reserved["status"], "fail", "{v}");
    let message = reserved["message"].as_str().unwrap();
    assert!(message.contains("[model_providers.gcp] sets `name`") && message.contains("refuses to start"), "{message}");
    assert_eq!(run.code, Some(1));
    home.write_config(b"[model_providers.gcp]\nbase_url = \"https://vertex.example/v1\"\nproject_id = \"p\"\n");
    let v: Value = serde_json::from_str(&home.sb(&["doctor", "--json"], None).stdout).unwrap();
    let reserved = v["checks"].as_array().unwrap().iter().find(|c| c["name"] == "reserved_ids").unwrap().clone();
    assert_eq!(reserved["status"], "ok", "{v}");
    let home = Home::new();
    home.write_config(b"[tui\n");
    let run = home.sb(&["doctor", "--json"], None);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["checks"][0]["status"], "fail");
    assert!(v["checks"][0]["message"].as_str().unwrap().contains("line 1"));
}

// ---- Hostile providers: the key never reaches output, memory stays bounded, blame is honest.

/// How the hostile provider's key reaches Switchboard.
#[derive(Debug, Clone, Copy)]
enum KeyFrom {
    Keychain,
    /// Stored as `Bearer <key>`, as users sometimes paste it.
    KeychainWithBearer,
    Env,
    Command,
    /// A hand-written `experimental_bearer_token`.
    FileToken,
    /// No Bearer key: an `api-key` header from an environment variable (Azure's way).
    EnvHeader,
}

/// Runs `test`, `test --json`, `doctor` and `doctor --json` against a provider at
/// `base` whose key comes `from`; returns each output with its name.
fn outputs_with_key(base: &str, from: KeyFrom) -> Vec<(String, String)> {
    let home = Home::new();
    let id = unique_id("echo");
    let var = format!("SB_ECHO_{}", id.replace('-', "_").to_uppercase());
    let mut add = vec!["add", "custom", "--id", &id, "--base-url", base, "--model", "m1"];
    match from {
        KeyFrom::Keychain => {
            home.sb(&[&add[..], &["--key-stdin"]].concat(), Some(&format!("{KEY}\n"))).ok();
        }
        KeyFrom::KeychainWithBearer => {
            home.sb(&[&add[..], &["--key-stdin"]].concat(), Some(&format!("Bearer {KEY}\n"))).ok();
        }
        KeyFrom::Env => {
            home.sb(&[&add[..], &["--env-key", &var]].concat(), None).ok();
        }
        KeyFrom::Command => {
            add.extend_from_slice(&["--token-command", "printf", "--token-arg", KEY]);
            home.sb(&add, None).ok();
        }
        KeyFrom::EnvHeader => {
            let header = format!("api-key={var}");
            home.sb(&[&add[..], &["--no-key", "--env-header", &header]].concat(), None).ok();
        }
        KeyFrom::FileToken => {
            home.write_config(
                format!("model = \"m1\"\nmodel_provider = \"{id}\"\n\n[model_providers.{id}]\nname = \"Echo\"\nbase_url = \"{base}\"\nexperimental_bearer_token = \"{KEY}\"\n").as_bytes(),
            );
            home.sb(&["list"], None).ok();
        }
    }
    let mut out = Vec::new();
    for args in [vec!["test", &id], vec!["test", &id, "--json"], vec!["doctor"], vec!["doctor", "--json"]] {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(&args).args(["--timeout", "10"]).env(&var, KEY);
        out.push((format!("{from:?} {}", args.join(" ")), run_with_timeout(cmd, Duration::from_secs(30)).all()));
    }
    // What the Test learnt of the model is kept in the catalog file: never the key.
    let catalog = std::fs::read_to_string(home.path().join("switchboard-models.json")).unwrap_or_default();
    assert!(!catalog.contains(KEY), "{from:?}: the key reached switchboard-models.json");
    if matches!(from, KeyFrom::Keychain | KeyFrom::KeychainWithBearer) {
        home.sb(&["key", "delete", &id], None).ok();
    }
    out
}

#[test]
fn a_provider_echoing_the_key_never_gets_it_printed() {
    let mut cases: Vec<(Echo, KeyFrom)> = [Echo::Unauthorized, Echo::Forbidden, Echo::BadRequest, Echo::ResponseFailed, Echo::ModelIds, Echo::PlainText, Echo::Location, Echo::ServedModel]
        .into_iter()
        .map(|e| (e, KeyFrom::Keychain))
        .collect();
    for from in [KeyFrom::KeychainWithBearer, KeyFrom::Env, KeyFrom::Command, KeyFrom::FileToken, KeyFrom::EnvHeader] {
        cases.push((Echo::Unauthorized, from));
        cases.push((Echo::ModelIds, from));
    }
    let mut total = 0;
    let mut leaks = Vec::new();
    let mut echoed = 0;
    for (echo, from) in cases {
        let s = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::EchoKey(echo), Duration::ZERO);
        for (name, text) in outputs_with_key(&s.base_url(), from) {
            total += 1;
            if text.contains(KEY) {
                leaks.push(format!("{echo:?} via {name}:\n{text}"));
            }
            echoed += usize::from(text.contains("[redacted]"));
        }
        // The server really was sent the key, so it really echoed it.
        let sent = |r: &Seen| [r.header("authorization"), r.header("api-key")].iter().flatten().any(|v| v.contains(KEY));
        assert!(s.seen().iter().any(sent), "{echo:?} {from:?}: the key was never sent");
    }
    assert_eq!(total, 72);
    assert!(leaks.is_empty(), "{} of {total} outputs print the key:\n{}", leaks.len(), leaks.join("\n---\n"));
    assert!(echoed >= total / 2, "only {echoed} of {total} outputs show a redaction: the echo servers are not quoted");
}

/// Runs `switchboard test` under a 256 MB data limit, sampling its peak RSS (kB) as it runs.
fn test_with_peak_rss(base: &str) -> (Value, u64, Duration) {
    let home = Home::new();
    let id = unique_id("endless");
    home.sb(&["add", "custom", "--id", &id, "--base-url", base, "--model", "m1", "--no-key"], None).ok();
    let mut cmd = Command::new("prlimit");
    cmd.arg("--data=268435456").arg("--").arg(bin()).arg("--codex-home").arg(home.path()).args(["test", &id, "--json", "--timeout", "10"]);
    cmd.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("prlimit");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "switchboard test did not finish");
        if let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(kb) = text.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok()) {
                peak = peak.max(kb);
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let took = start.elapsed();
    let out: Run = child.wait_with_output().unwrap().into();
    let json = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}), peak {peak} kB: {}", out.all()));
    assert!(peak > 0, "no memory sample was taken");
    (json, peak, took)
}

#[test]
fn endless_bodies_are_read_with_a_cap() {
    for (how, code) in [(Endless::Models, "ok"), (Endless::Stream, "unexpected_response"), (Endless::ErrorBody, "unexpected_response")] {
        let s = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Endless(how), Duration::ZERO);
        let (v, peak_kb, took) = test_with_peak_rss(&s.base_url());
        eprintln!("{how:?}: peak RSS {peak_kb} kB in {took:?}");
        assert_eq!(v["diagnosis"], code, "{how:?}: {v}");
        assert!(peak_kb < 64 * 1024, "{how:?}: peak RSS {peak_kb} kB");
        assert!(took < Duration::from_secs(8), "{how:?}: took {took:?}, the cap should end it long before the 10 s limit");
        if how == Endless::Models {
            let models = v["steps"].as_array().unwrap().iter().find(|s| s["name"] == "models").unwrap();
            assert_eq!(models["status"], "warn", "{v}");
        }
    }
}

#[test]
fn a_timeout_is_charged_to_the_step_that_was_running() {
    let s = server(Behavior::HangResponses);
    let v = verdict_for(&s.base_url(), &["--key-stdin"], 2, &[]);
    expect(&v, "timeout", 2);
    let step = |name: &str| v.json["steps"].as_array().unwrap().iter().find(|s| s["name"] == name).unwrap().clone();
    assert_eq!(step("models")["status"], "ok", "{}", v.json);
    assert!(step("models")["ms"].as_u64().unwrap() < 1000, "{}", v.json);
    assert_eq!(step("responses")["status"], "fail", "{}", v.json);
    assert!(step("responses")["ms"].as_u64().unwrap() >= 1500, "{}", v.json);
}

#[test]
fn a_header_that_cannot_be_sent_is_reported_not_dropped() {
    let s = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    let home = Home::new();
    let id = unique_id("hdr");
    home.write_config(
        format!("model = \"m1\"\nmodel_provider = \"{id}\"\n\n[model_providers.{id}]\nname = \"H\"\nbase_url = \"{}\"\nhttp_headers = {{ \"X;A\" = \"v\" }}\n", s.base_url()).as_bytes(),
    );
    let run = home.sb(&["test", &id, "--json"], None);
    assert_ne!(run.code, Some(0), "{}", run.all());
    assert!(run.all().contains("X;A"), "the header is not named: {}", run.all());
    if let Ok(v) = serde_json::from_str::<Value>(&run.stdout) {
        assert_eq!(v["diagnosis"], "invalid_config", "{v}");
        assert!(s.seen().is_empty(), "a request went out without the header");
    }
}

#[test]
fn a_terminal_escape_from_the_provider_is_not_printed_raw() {
    let s = server(Behavior::Status(401, r#"{"error":{"message":"bad key \u001b[2J\u001b]0;pwned\u0007"}}"#));
    let home = Home::new();
    let id = unique_id("esc");
    home.sb(&["add", "custom", "--id", &id, "--base-url", &s.base_url(), "--model", "m1", "--key-stdin"], Some(KEY)).ok();
    for args in [vec!["test", &id], vec!["doctor"]] {
        let run = home.sb(&args, None);
        assert!(run.stdout.contains("bad key"), "{args:?}: {}", run.all());
        assert!(!run.all().contains(['\u{1b}', '\u{7}']), "{args:?}: {:?}", run.all());
    }
    home.sb(&["key", "delete", &id], None).ok();
}
