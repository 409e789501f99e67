//! The bridge with real parts: the real Codex CLI runs a task against a provider that
//! speaks only Chat Completions, through `switchboard`'s bridge, which the auth
//! command starts when Codex needs it; and the bridge's locks, against local attackers.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::bridge::{StopBridge, bridges, free_port};
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::drip::{self, shown_without, sse_events};
use switchboard_e2e::*;

/// `codex exec` with the sandbox off, in `work`, with this test's runtime folder.
fn codex_task(home: &Home, work: &Path, runtime: &Path, prompt: &str) -> Run {
    let mut cmd = Command::new(codex_bin());
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "--strict-config", "--dangerously-bypass-approvals-and-sandbox", prompt])
        .current_dir(work)
        .env("CODEX_HOME", home.path())
        .env("HOME", work)
        .env("XDG_RUNTIME_DIR", runtime)
        .env_remove("OPENAI_API_KEY")
        .env("RUST_LOG", "error");
    run_with_timeout(cmd, Duration::from_secs(120))
}

const PATCH: &str = "*** Begin Patch\n*** Add File: hello.txt\n+héllo from the bridge ✓\n*** End Patch";

#[test]
fn codex_runs_a_shell_command_and_an_apply_patch_through_the_bridge_with_nothing_running_before() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let chat = ChatServer::start("/v1", Script::Task { command: "echo ran-through-bridge > made-by-shell.txt".into(), patch: PATCH.into(), done: "All done: 你好 ✓".into() });
    // One process is the bridge and the router: the home's port.
    let (port, runtime) = (home.port, home.runtime());
    let key = "sk-kimi-bridge-e2e-secret";
    let id = unique_id("kimi");
    let add = {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(["add", "kimi", "--id", &id, "--base-url", &chat.base_url(), "--model", "gpt-5.5", "--key-stdin"]);
        cmd.env("SWITCHBOARD_BRIDGE_PORT", port.to_string());
        run(cmd, Some(key))
    };
    add.ok();
    home.sb(&["use", &id], None).ok();
    let text = home.config_text();
    // The bridge URL names the preset the user chose: the bridge speaks to it as Kimi requires.
    assert!(text.contains(&format!("base_url = \"http://127.0.0.1:{port}/kimi/http/127.0.0.1:{}/v1\"", chat.port)), "{text}");
    assert!(text.contains(&format!("args = [\"token\", \"{id}\", \"--bridge\", \"{port}\"]")), "{text}");
    assert!(!text.contains(key));
    let listed: Value = serde_json::from_str(&home.sb(&["list", "--json"], None).stdout).unwrap();
    let me = listed["providers"].as_array().unwrap().iter().find(|p| p["id"] == id.as_str()).unwrap();
    assert_eq!(me["entry"]["api"], "chat");
    assert_eq!(me["base_url"], chat.base_url(), "the listing shows the provider behind the bridge");
    assert!(bridges(port).is_empty(), "no bridge runs before Codex needs one");

    let work = tempfile::tempdir().unwrap();
    let out = codex_task(&home, work.path(), &runtime, "Create the files, then say done.");
    assert_eq!(out.code, Some(0), "codex failed\nstdout: {}\nstderr: {}", out.stdout, out.stderr);
    assert!(out.stdout.contains("All done: 你好 ✓"), "{}", out.stdout);
    // The shell command and the patch really ran, on disk.
    assert_eq!(std::fs::read_to_string(work.path().join("made-by-shell.txt")).unwrap().trim(), "ran-through-bridge");
    assert_eq!(std::fs::read_to_string(work.path().join("hello.txt")).unwrap(), "héllo from the bridge ✓\n");
    // The bridge started on its own, and stays for the next run.
    assert_eq!(bridges(port).len(), 1);

    // What went upstream: the provider's key as Bearer; Codex's own metadata stayed home;
    // apply_patch was offered as a function; the reasoning came back on its message.
    // (Adding asked first which API it serves: after /responses gave 404, one small chat request.)
    let all = chat.requests();
    assert_eq!(all[0]["messages"][0]["content"], "Reply with the single word OK.", "the add's question came first");
    let reqs: Vec<Value> = all.into_iter().skip(1).collect();
    assert_eq!(reqs.len(), 3, "{reqs:?}");
    for s in chat.seen().iter().filter(|s| s.path().ends_with("/chat/completions")) {
        assert_eq!(s.header("authorization"), Some(format!("Bearer {key}").as_str()));
        assert!(s.header("x-codex-turn-metadata").is_none() && s.header("session-id").is_none(), "{:?}", s.headers);
    }
    let tools: Vec<&str> = reqs[0]["tools"].as_array().unwrap().iter().map(|t| t["function"]["name"].as_str().unwrap()).collect();
    assert!(tools.contains(&"apply_patch") && tools.contains(&"exec_command"), "{tools:?}");
    let assistant = reqs[1]["messages"].as_array().unwrap().iter().find(|m| m["role"] == "assistant").unwrap();
    assert_eq!(assistant["reasoning_content"], "I will run the command first.");
    assert_eq!(assistant["tool_calls"][0]["function"]["name"], "exec_command");
    assert!(reqs[2]["messages"].as_array().unwrap().iter().any(|m| m["role"] == "tool" && m["tool_call_id"] == "call_patch_2"));
    assert!(!home.all_bytes().contains(key), "the key is in no file of the Codex home");
    assert!(!out.all().contains(key), "nor in Codex's output");
}

#[test]
fn the_bridge_opens_only_for_its_own_token_and_host() {
    let port = free_port();
    let runtime = tempfile::tempdir().unwrap().keep();
    let _stop = StopBridge(port, runtime.clone());
    let chat = ChatServer::start("/v1", Script::Burst { deltas: 3 });
    // The auth command starts the bridge and prints its token.
    let mut cmd = Command::new(bin());
    cmd.args(["token", "lock", "--bridge", &port.to_string(), "--no-key"]).env("XDG_RUNTIME_DIR", &runtime);
    let out = run(cmd, None);
    out.ok();
    let token = out.stdout.trim().to_owned();
    assert_eq!(token.len(), 43);
    let path = format!("/http/127.0.0.1:{}/v1/responses", chat.port);
    let body = r#"{"model":"m","input":"hi","stream":true}"#;
    let send = |headers: &[(&str, String)]| -> (u16, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        let mut req = agent.post(&format!("http://127.0.0.1:{port}{path}"));
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        let mut r = req.header("content-type", "application/json").send(body).unwrap();
        (r.status().as_u16(), r.body_mut().read_to_string().unwrap_or_default())
    };
    let bearer = |t: &str| ("authorization", format!("Bearer {t}"));
    let cases: Vec<(&str, Vec<(&str, String)>, u16)> = vec![
        ("no token", vec![], 401),
        ("a wrong token", vec![bearer(&"A".repeat(43))], 401),
        ("a key but no token", vec![bearer("sk-some-key")], 401),
        ("an Origin", vec![bearer(&token), ("origin", "http://evil.example".into())], 403),
        ("a foreign Host", vec![bearer(&token), ("host", format!("evil.example:{port}"))], 403),
        ("the token", vec![bearer(&token)], 200),
    ];
    for (what, headers, want) in cases {
        let before = chat.requests().len();
        let (status, text) = send(&headers);
        assert_eq!(status, want, "{what}: {text}");
        if want != 200 {
            assert_eq!(chat.requests().len(), before, "{what}: a refused request went upstream");
        } else {
            assert!(text.contains("response.completed"), "{text}");
        }
    }
    // A browser's preflight is refused too.
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "OPTIONS {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    assert!(!answer.to_lowercase().contains("access-control-allow"), "{answer}");
    // The token file is private.
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(runtime.join(format!("switchboard/bridge-{port}.token"))).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    // The bridge's arguments and environment hold no key, and nothing of the caller's.
    let pid = bridges(port)[0];
    let env = String::from_utf8_lossy(&std::fs::read(format!("/proc/{pid}/environ")).unwrap()).into_owned();
    assert!(!env.contains("CARGO") && !env.contains(&token), "{env}");
}

/// A provider that quotes the key it was sent a few characters per delta, in its
/// reasoning, its answer and a call's arguments: no event the bridge sends Codex holds
/// the key, and each text's deltas add up to its final, redacted text.
#[test]
fn a_key_a_provider_streams_in_pieces_is_in_no_event_the_bridge_sends() {
    let port = free_port();
    let runtime = tempfile::tempdir().unwrap().keep();
    let _stop = StopBridge(port, runtime.clone());
    let upstream = drip::chat();
    let mut cmd = Command::new(bin());
    cmd.args(["token", "drip", "--bridge", &port.to_string(), "--no-key"]).env("XDG_RUNTIME_DIR", &runtime);
    let out = run(cmd, None);
    out.ok();
    let (token, key) = (out.stdout.trim().to_owned(), "sk-bridge-drip-5f0c2e9a");
    let url = format!("http://127.0.0.1:{port}/http/127.0.0.1:{upstream}/v1/responses");
    let body = r#"{"model":"m","input":"hi","stream":true}"#;
    let mut answer = ureq::post(&url).header("authorization", &format!("Bearer {token}:{key}")).header("content-type", "application/json").send(body).unwrap();
    let text = answer.body_mut().read_to_string().unwrap();
    assert!(text.contains("response.completed"), "{text}");
    shown_without("the bridge", &sse_events(&text), key, &["response.reasoning_summary_text", "response.output_text", "response.function_call_arguments"]);
}

/// The Test of a provider behind the bridge checks the whole path and names the
/// provider's problems with the usual codes; a chat-only provider set up directly is
/// told to use the bridge, and then passes.
#[test]
fn the_test_names_upstream_problems_through_the_bridge_and_offers_it() {
    let port = free_port();
    let runtime = tempfile::tempdir().unwrap().keep();
    let _stop = StopBridge(port, runtime.clone());
    let sb = |home: &Home, args: &[&str], stdin: Option<&str>| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(args).env("SWITCHBOARD_BRIDGE_PORT", port.to_string()).env("XDG_RUNTIME_DIR", &runtime);
        run(cmd, stdin)
    };
    let key = "sk-probe-through-bridge-77";
    let cases: Vec<(Script, &str)> = vec![
        (Script::Burst { deltas: 3 }, "ok"),
        (Script::Status { status: 401, body: r#"{"error":{"message":"Invalid Authentication"}}"#.into(), retry_after: None }, "unauthorized"),
        (Script::Status { status: 429, body: r#"{"error":{"message":"rate limit, try again in 3s"}}"#.into(), retry_after: None }, "rate_limited"),
        (Script::Status { status: 404, body: r#"{"error":{"message":"Model not exist"}}"#.into(), retry_after: None }, "model_not_found"),
        (Script::Status { status: 404, body: "404 page not found".into(), retry_after: None }, "wrong_base_url"),
        (Script::Status { status: 503, body: r#"{"error":{"message":"overloaded"}}"#.into(), retry_after: None }, "provider_error"),
        (Script::EchoKey, "unauthorized"),
    ];
    for (script, want) in cases {
        let home = Home::new();
        let chat = ChatServer::start("/v1", script);
        let id = unique_id("probe");
        sb(&home, &["add", "deepseek", "--id", &id, "--base-url", &chat.base_url(), "--key-stdin", "--api", "chat"], Some(key)).ok();
        let out = sb(&home, &["test", &id, "--json"], None);
        let v: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{want}: {}", out.all()));
        assert_eq!(v["diagnosis"], want, "{v}");
        assert!(!out.all().contains(key), "{want}: the key reached the output: {}", out.all());
        if want == "ok" {
            assert!(v["message"].as_str().unwrap().contains("bridge"), "{v}");
            let connect = v["steps"].as_array().unwrap().iter().find(|s| s["name"] == "connect").unwrap();
            assert!(connect["message"].as_str().unwrap().contains(&format!("bridge answers on 127.0.0.1:{port}")), "{connect}");
        }
    }
    // A chat-only gateway set up to be reached directly: the fix is the bridge, in one command.
    let home = Home::new();
    let chat = ChatServer::start("/v1", Script::Burst { deltas: 3 });
    sb(&home, &["add", "custom", "--id", "gw", "--base-url", &chat.base_url(), "--model", "m", "--no-key", "--api", "responses"], None).ok();
    let v: Value = serde_json::from_str(&sb(&home, &["test", "gw", "--json"], None).stdout).unwrap();
    assert_eq!(v["diagnosis"], "no_responses_api", "{v}");
    assert!(v["hint"].as_str().unwrap().contains("switchboard edit gw --api chat"), "{v}");
    sb(&home, &["edit", "gw", "--api", "chat"], None).ok();
    let v: Value = serde_json::from_str(&sb(&home, &["test", "gw", "--json"], None).stdout).unwrap();
    assert_eq!(v["diagnosis"], "ok", "{v}");
    // And back to direct: the table is the user's again, byte for byte.
    let bridged = home.config_text();
    assert!(bridged.contains("--no-key"), "{bridged}");
    sb(&home, &["edit", "gw", "--api", "responses"], None).ok();
    assert!(home.config_text().contains(&format!("base_url = \"{}\"", chat.base_url())), "{}", home.config_text());
}

/// A chat server nobody here wrote: LiteLLM answering /chat/completions with its mock
/// response, streamed; the real Codex reaches it through the bridge.
#[test]
fn codex_reaches_a_litellm_chat_gateway_through_the_bridge() {
    use switchboard_e2e::litellm;
    let gw = litellm::start("  - model_name: mock-model\n    litellm_params:\n      model: openai/mock-model\n      mock_response: \"Hello from LiteLLM's mock, 你好\"\n");
    let home = Home::new();
    let (port, runtime) = (home.port, home.runtime());
    let base = format!("http://127.0.0.1:{}/v1", gw.port);
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(["add", "chat-gateway", "--id", "lite", "--base-url", &base, "--model", "mock-model", "--key-stdin"]);
    cmd.env("SWITCHBOARD_BRIDGE_PORT", port.to_string()).env("XDG_RUNTIME_DIR", &runtime);
    run(cmd, Some(litellm::MASTER_KEY)).ok();
    home.sb(&["use", "lite"], None).ok();
    let work = tempfile::tempdir().unwrap();
    let out = codex_task(&home, work.path(), &runtime, "Say hello.");
    assert_eq!(out.code, Some(0), "stdout: {}\nstderr: {}", out.stdout, out.stderr);
    assert!(out.stdout.contains("Hello from LiteLLM's mock, 你好"), "{}", out.stdout);
    assert!(!out.all().contains(litellm::MASTER_KEY));
}
