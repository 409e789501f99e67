//! The real Codex CLI through Switchboard's bridge against a stand-in for each chat
//! provider (`support/providers.rs`): each stand-in refuses what its provider
//! refuses, with the provider's own status and body, and streams the way the
//! provider does. Codex runs one tool task (two parallel shell calls, then a patch,
//! then an answer); the files must be on disk, Codex must count the usage each
//! stand-in sent, and no stand-in may have refused anything. The last test checks
//! the stand-ins themselves: each refuses the breaches of its provider's rules, with
//! that provider's status and body, and takes a request that keeps them.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};
use switchboard_e2e::bridge::{StopBridge, free_port};
use switchboard_e2e::providers::{Behaviour, FRAMING_B_BREAK, ProviderServer, final_answer};
use switchboard_e2e::*;

/// The preset a behaviour is added with, and the flags that go with it.
fn preset(b: Behaviour) -> (&'static str, &'static [&'static str]) {
    match b {
        Behaviour::DeepSeek => ("deepseek", &[]),
        Behaviour::Kimi => ("kimi", &[]),
        Behaviour::Glm => ("glm", &[]),
        Behaviour::Mistral => ("mistral", &[]),
        Behaviour::Ollama => ("ollama", &[]),
        Behaviour::Azure => ("azure", &["--query", "api-version=2025-04-01-preview"]),
        Behaviour::OpenRouter => ("openrouter", &[]),
        Behaviour::Gemini | Behaviour::FramingA | Behaviour::FramingB | Behaviour::RefusesStreamOptions => ("chat-gateway", &[]),
    }
}

/// The key a behaviour's provider is added with (Ollama takes none).
fn key(b: Behaviour) -> Option<String> {
    (b != Behaviour::Ollama).then(|| format!("sk-{}-e2e-0123456789", b.name().to_lowercase()))
}

/// One finished task: the stand-in, what Codex printed, and the folders it used.
struct Task {
    server: ProviderServer,
    out: Run,
    work: tempfile::TempDir,
    state: tempfile::TempDir,
    key: Option<String>,
    id: String,
    port: u16,
    runtime: std::path::PathBuf,
    _home: Home,
    _stop: StopBridge,
}

impl Task {
    /// `switchboard test <id> --json` with this task's folders.
    fn test_json(&self) -> Value {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self._home.path()).args(["test", &self.id, "--json", "--timeout", "20"]);
        cmd.env("SWITCHBOARD_BRIDGE_PORT", self.port.to_string()).env("XDG_RUNTIME_DIR", &self.runtime).env("XDG_STATE_HOME", self.state.path());
        codex_env(&mut cmd);
        let out = run(cmd, None);
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.all()))
    }
}

/// Adds `b`'s stand-in with the real CLI, bridged, switches to it, and runs the real
/// Codex task in a fresh folder; nothing touches the real home (the runtime, state
/// and cache folders are the test's own).
fn run_task(b: Behaviour) -> Task {
    run_task_with(b, &[])
}

/// `run_task`, with more arguments for `codex exec`.
fn run_task_with(b: Behaviour, codex_args: &[&str]) -> Task {
    let server = ProviderServer::start(b);
    let home = Home::new();
    let port = free_port();
    let runtime = tempfile::tempdir().unwrap().keep();
    let stop = StopBridge(port, runtime.clone());
    let state = tempfile::tempdir().unwrap();
    let id = unique_id(&format!("prov-{}", b.name().to_lowercase()));
    let (preset, extra) = preset(b);
    let key = key(b);
    let sb = |args: &[&str], stdin: Option<&str>| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(args);
        cmd.env("SWITCHBOARD_BRIDGE_PORT", port.to_string()).env("XDG_RUNTIME_DIR", &runtime).env("XDG_STATE_HOME", state.path());
        codex_env(&mut cmd);
        run(cmd, stdin)
    };
    let base = server.base_url();
    let mut add = vec!["add", preset, "--id", &id, "--base-url", &base, "--model", b.model(), "--api", "chat"];
    add.extend_from_slice(extra);
    add.push(if key.is_some() { "--key-stdin" } else { "--no-key" });
    sb(&add, key.as_deref()).ok();
    sb(&["use", &id], None).ok();
    let work = tempfile::tempdir().unwrap();
    let out = codex_task(&home, work.path(), &runtime, state.path(), codex_args);
    Task { server, out, work, state, key, id, port, runtime, _home: home, _stop: stop }
}

/// `codex exec` with the sandbox off, in `work`, with this test's runtime and state folders.
fn codex_task(home: &Home, work: &Path, runtime: &Path, state: &Path, extra: &[&str]) -> Run {
    let mut cmd = codex_command(home.path(), work);
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "--strict-config", "--dangerously-bypass-approvals-and-sandbox"])
        .args(extra)
        .arg("Create one.txt, two.txt and three.txt, then say done.")
        .env("XDG_RUNTIME_DIR", runtime)
        .env("XDG_STATE_HOME", state);
    codex_env(&mut cmd);
    run_with_timeout(cmd, Duration::from_secs(90))
}

/// A request as a person reads it: each message's role and fields (system text left out).
fn summary(req: &Value) -> String {
    let mut out = String::new();
    let top: Vec<&str> = req.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    out.push_str(&format!("  fields: {top:?}\n"));
    for (i, m) in req["messages"].as_array().into_iter().flatten().enumerate() {
        let mut m = m.clone();
        if m["role"] == "system" {
            m["content"] = json!(format!("<{} chars>", m["content"].as_str().map_or(0, str::len)));
        }
        if m["role"] == "user" {
            if let Some(c) = m["content"].as_str().filter(|c| c.len() > 200) {
                m["content"] = json!(format!("{}… <{} chars>", c.chars().take(80).collect::<String>(), c.len()));
            }
        }
        out.push_str(&format!("  [{i}] {m}\n"));
    }
    out
}

impl Task {
    /// What went wrong, for a failed assertion.
    fn evidence(&self) -> String {
        let reqs = self.server.requests();
        let mut s = format!("codex exit: {:?}\nstdout: {}\nstderr (tail): {}\n", self.out.code, self.out.stdout, tail(&self.out.stderr, 3000));
        s.push_str(&format!("refusals: {:#?}\n{} chat requests:\n", self.server.refusals(), reqs.len()));
        for (i, r) in reqs.iter().enumerate() {
            s.push_str(&format!("request {i}:\n{}", summary(r)));
        }
        s
    }

    /// Codex finished the task: the three files hold what the calls wrote, the answer is
    /// in stdout, at least three chat requests went up, each with the key, and the
    /// stand-in refused nothing but `expected`.
    fn assert_done(&self, expected: &[(u16, &str)]) {
        let b = self.server.behaviour;
        let why = self.evidence();
        assert_eq!(self.out.code, Some(0), "{} : codex failed\n{why}", b.name());
        let file = |name: &str| std::fs::read_to_string(self.work.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}\n{why}"));
        assert_eq!(file("one.txt"), "one\n", "{why}");
        assert_eq!(file("two.txt"), "two\n", "{why}");
        assert_eq!(file("three.txt"), "three ✓\n", "{why}");
        assert!(self.out.stdout.contains(&final_answer(b)), "the answer is not in stdout\n{why}");
        let refusals = self.server.refusals();
        assert_eq!(refusals.len(), expected.len(), "{} refused what it should not have\n{why}", b.name());
        for ((status, body), (want_status, want_body)) in refusals.iter().zip(expected) {
            assert_eq!((*status, body.as_str()), (*want_status, *want_body), "{why}");
        }
        assert!(self.server.requests().len() >= 3, "{why}");
        // The usage of every answer was read, wherever the provider put it.
        let used = self.out.stderr.split("tokens used").nth(1).and_then(|t| t.split_whitespace().next()).map(|n| n.replace(',', ""));
        assert_eq!(used.and_then(|n| n.parse::<u64>().ok()), Some(self.server.tokens_sent()), "tokens used\n{why}");
        let chats: Vec<Seen> = self.server.seen().into_iter().filter(|s| s.path().ends_with("/chat/completions")).collect();
        for s in &chats {
            let want = self.key.as_ref().map(|k| format!("Bearer {k}"));
            assert_eq!(s.header("authorization").map(str::to_owned), want, "{why}");
        }
        if let Some(k) = &self.key {
            assert!(!self.out.all().contains(k.as_str()), "the key is in Codex's output");
        }
    }
}

fn tail(s: &str, n: usize) -> &str {
    let start = s.len().saturating_sub(n);
    let start = (start..s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
    &s[start..]
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_deepseek() {
    run_task(Behaviour::DeepSeek).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_kimi() {
    run_task(Behaviour::Kimi).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_glm() {
    run_task(Behaviour::Glm).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_mistral() {
    run_task(Behaviour::Mistral).assert_done(&[]);
}

/// Codex's `xhigh` effort reaches Ollama in its own levels (§5.5: `xhigh` is a 400).
#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_ollama() {
    let t = run_task_with(Behaviour::Ollama, &["-c", "model_reasoning_effort=\"xhigh\""]);
    t.assert_done(&[]);
    for r in t.server.requests() {
        assert_eq!(r["reasoning_effort"], "high", "{}", t.evidence());
    }
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_azure() {
    run_task(Behaviour::Azure).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_openrouter() {
    run_task(Behaviour::OpenRouter).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_gemini() {
    run_task(Behaviour::Gemini).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_crlf_framing_without_done() {
    run_task(Behaviour::FramingA).assert_done(&[]);
}

#[test]
fn codex_runs_a_tool_task_through_the_bridge_against_litellm_ollama_chat_framing_after_a_broken_first_stream() {
    let t = run_task(Behaviour::FramingB);
    t.assert_done(&[(200, FRAMING_B_BREAK)]);
    // The broken stream was asked again: the same first step, twice.
    let reqs = t.server.requests();
    let tools = |r: &Value| r["messages"].as_array().unwrap().iter().filter(|m| m["role"] == "tool").count();
    assert_eq!((tools(&reqs[0]), tools(&reqs[1])), (0, 0), "{}", t.evidence());
}

/// A provider that refuses `stream_options`: the bridge asks again without it, and
/// remembers that for the provider, so no later request carries it.
#[test]
fn the_bridge_learns_that_a_provider_refuses_stream_options_and_remembers_it() {
    let t = run_task(Behaviour::RefusesStreamOptions);
    let first = t.server.requests().first().map(|r| r["stream_options"].clone()).unwrap_or_default();
    let refused = json!({"detail": [{"type": "extra_forbidden", "loc": ["body", "stream_options"], "msg": "Extra inputs are not permitted", "input": first}]}).to_string();
    t.assert_done(&[(422, &refused)]);
    let reqs = t.server.requests();
    let with: Vec<usize> = reqs.iter().enumerate().filter(|(_, r)| r.get("stream_options").is_some()).map(|(i, _)| i).collect();
    assert_eq!(with, vec![0], "only the first request carries stream_options\n{}", t.evidence());
    assert_eq!(reqs[0]["stream_options"], json!({"include_usage": true}));
    let path = t.state.path().join("switchboard/bridge-lessons.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lessons: Value = serde_json::from_str(&text).unwrap();
    let mine = &lessons["upstreams"][t.server.base_url()];
    assert!(mine.as_array().is_some_and(|l| l.contains(&json!("no_stream_options"))), "{text}");
    // The Test names what the bridge learnt, and its own request through the bridge sends no stream_options.
    let before = t.server.requests().len();
    let report = t.test_json();
    assert_eq!(report["diagnosis"], "ok", "{report}");
    assert_eq!(report["path"]["learnt"], json!(["no_stream_options"]), "{report}");
    assert!(report["path"]["learnt_words"][0].as_str().unwrap().contains("`stream_options`"), "{report}");
    let after = t.server.requests();
    assert!(after.len() > before && after[before..].iter().all(|r| r.get("stream_options").is_none()), "{after:?}");
}

// ---------------------------------------------------------------------------
// The stand-ins themselves.
// ---------------------------------------------------------------------------

fn post(server: &ProviderServer, query: &str, body: &Value) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let url = format!("{}/chat/completions{query}", server.base_url());
    let mut r = agent.post(&url).header("content-type", "application/json").send(body.to_string()).unwrap();
    (r.status().as_u16(), r.body_mut().read_to_string().unwrap_or_default())
}

fn exec_tool() -> Value {
    json!({"type": "function", "function": {"name": "exec_command", "description": "Runs a command.", "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}, "required": ["cmd"]}}})
}

/// A first request: a system and a user message, one function tool.
fn first(b: Behaviour) -> Value {
    json!({"model": b.model(), "messages": [{"role": "system", "content": "You are a coding agent."}, {"role": "user", "content": "Create the files."}], "stream": true, "tools": [exec_tool()]})
}

/// A second request: the first, the assistant's two calls (`call` is that message,
/// extended by the caller), and their results.
fn second(b: Behaviour, call: Value, ids: [&str; 2]) -> Value {
    let mut r = first(b);
    let msgs = r["messages"].as_array_mut().unwrap();
    msgs.push(call);
    for (id, out) in ids.iter().zip(["ok one", "ok two"]) {
        msgs.push(json!({"role": "tool", "tool_call_id": id, "content": out}));
    }
    r
}

fn assistant(ids: [&str; 2]) -> Value {
    let call = |id: &str, f: &str| json!({"id": id, "type": "function", "function": {"name": "exec_command", "arguments": json!({"cmd": format!("echo {f} > {f}.txt")}).to_string()}});
    json!({"role": "assistant", "content": "Writing.", "tool_calls": [call(ids[0], "one"), call(ids[1], "two")]})
}

fn with(mut v: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        Value::Object(o) => {
            o.insert(key.to_owned(), value);
        }
        Value::Array(a) => a.insert(key.parse().unwrap(), value),
        _ => panic!("{pointer}"),
    }
    v
}

fn without(mut v: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        Value::Object(o) => {
            o.remove(key);
        }
        Value::Array(a) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}"),
    }
    v
}

/// Each stand-in takes a request that keeps its provider's rules, and refuses each
/// breach with the status and words provider-quirks.md gives: what makes the tests
/// above fail if the bridge ever sends such a request.
#[test]
fn each_stand_in_refuses_what_its_provider_refuses() {
    use Behaviour::*;
    // (behaviour, what is wrong, the request, the query, the status, words the body holds)
    let ds_ids = ["call_00_abcdefghijklmnopqrstuvwx", "call_01_abcdefghijklmnopqrstuvwx"];
    let ds_ok = second(DeepSeek, with(assistant(ds_ids), "/reasoning_content", json!("I will write both.")), ds_ids);
    let kimi_ids = ["functions.exec_command:0", "functions.exec_command:1"];
    let kimi_ok = second(Kimi, with(assistant(kimi_ids), "/reasoning_content", json!("I will write both.")), kimi_ids);
    let m_ids = ["D681PevKs", "a1B2c3D4e"];
    let m_ok = second(Mistral, assistant(m_ids), m_ids);
    let plain_ids = ["call_a", "call_b"];
    type Case = (Behaviour, &'static str, Value, &'static str, u16, &'static str);
    let mut cases: Vec<Case> = vec![
        (DeepSeek, "a first request", first(DeepSeek), "", 200, "data: "),
        (DeepSeek, "a tool loop with its reasoning", ds_ok.clone(), "", 200, "data: "),
        (DeepSeek, "reasoning \"\" (§1.4)", with(ds_ok.clone(), "/messages/2/reasoning_content", json!("")), "", 200, "data: "),
        (DeepSeek, "the developer role (§1.6)", with(first(DeepSeek), "/messages/1/role", json!("developer")), "", 400, "messages[1].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`, `latest_reminder` at line 1 column"),
        (DeepSeek, "a tool loop without reasoning (§1.3)", without(ds_ok.clone(), "/messages/2/reasoning_content"), "", 400, r#""message":"The `reasoning_content` in the thinking mode must be passed back to the API.","param":null,"type":"invalid_request_error""#),
        (DeepSeek, "a result missing (§1.7)", without(ds_ok.clone(), "/messages/4"), "", 400, "(insufficient tool messages following tool_calls message)"),
        (DeepSeek, "a user message between calls and results (§1.7)", with(ds_ok.clone(), "/messages/3", json!({"role": "user", "content": "wait"})), "", 400, "insufficient tool messages"),
        (DeepSeek, "a stray result (§1.7)", with(first(DeepSeek), "/messages/2", json!({"role": "tool", "tool_call_id": "x", "content": "?"})), "", 400, "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'"),
        (DeepSeek, "a custom tool (§1.8)", with(first(DeepSeek), "/tools/1", json!({"type": "custom", "name": "apply_patch"})), "", 400, "tools[1]: missing field `function`"),
        (DeepSeek, "a schema that is no object (§1.8)", without(first(DeepSeek), "/tools/0/function/parameters/type"), "", 400, "Invalid schema for function 'exec_command': schema must be a JSON Schema of 'type: \\\"object\\\"', got 'type: null'."),
        (Kimi, "a tool loop with its reasoning", kimi_ok.clone(), "", 200, "data: "),
        (Kimi, "no reasoning on a call message (§2.2)", without(kimi_ok.clone(), "/messages/2/reasoning_content"), "", 400, r#"{"error":{"message":"thinking is enabled but reasoning_content is missing in assistant tool call message at index 2","type":"invalid_request_error"}}"#),
        (Kimi, "empty reasoning on a call message (§2.3)", with(kimi_ok.clone(), "/messages/2/reasoning_content", json!("")), "", 400, "reasoning_content is missing in assistant tool call message at index 2"),
        (Kimi, "an empty assistant message (§2.8)", with(first(Kimi), "/messages/2", json!({"role": "assistant", "content": ""})), "", 400, "the message at position 2 with role 'assistant' must not be empty"),
        (Kimi, "a forced tool (§2.5)", with(first(Kimi), "/tool_choice", json!("required")), "", 400, "tool_choice 'required' is incompatible with thinking enabled"),
        (Kimi, "a named tool (§2.5)", with(first(Kimi), "/tool_choice", json!({"type": "function", "function": {"name": "exec_command"}})), "", 400, "tool_choice 'specified' is incompatible"),
        (Kimi, "temperature 0.2 while thinking (§2.4)", with(first(Kimi), "/temperature", json!(0.2)), "", 400, "only 1 is allowed"),
        (Glm, "a tool loop", second(Glm, assistant(plain_ids), plain_ids), "", 200, "data: "),
        (Glm, "tool_choice auto", with(first(Glm), "/tool_choice", json!("auto")), "", 200, "data: "),
        (Glm, "stream_options (§3.7)", with(first(Glm), "/stream_options", json!({"include_usage": true})), "", 400, r#"{"error":{"code":"1210","message":"API 调用参数有误，请检查文档。"}}"#),
        (Glm, "a strict function (§3.7)", with(first(Glm), "/tools/0/function/strict", json!(true)), "", 400, r#""code":"1210""#),
        (Glm, "tool_choice required (§3.7)", with(first(Glm), "/tool_choice", json!("required")), "", 400, r#""code":"1210""#),
        (Glm, "no user message (§3.6)", without(first(Glm), "/messages/1"), "", 400, r#"{"error":{"code":"1214","message":"messages 参数非法。请检查文档。"}}"#),
        (Glm, "an empty assistant message (§3.5)", with(second(Glm, assistant(plain_ids), plain_ids), "/messages/5", json!({"role": "assistant", "content": ""})), "", 400, "messages[5]:content和tool_calls 字段不能同时为空"),
        (Mistral, "a tool loop with 9-character ids", m_ok.clone(), "", 200, "data: "),
        (Mistral, "thinking blocks, parallel_tool_calls", with(with(m_ok.clone(), "/messages/2/content", json!([{"type": "thinking", "thinking": [{"type": "text", "text": "hm"}]}])), "/parallel_tool_calls", json!(true)), "", 200, "data: "),
        (Mistral, "stream_options (§4.2)", with(first(Mistral), "/stream_options", json!({"include_usage": true})), "", 422, r#"{"detail":[{"input":{"include_usage":true},"loc":["body","stream_options"],"msg":"Extra inputs are not permitted","type":"extra_forbidden"}]}"#),
        (Mistral, "reasoning_content on an assistant message (§4.2, §4.7)", with(m_ok.clone(), "/messages/2/reasoning_content", json!("hm")), "", 422, r#""loc":["body","messages",2,"assistant","reasoning_content"]"#),
        (Mistral, "a name on a tool call (§4.2)", with(m_ok.clone(), "/messages/2/tool_calls/0/name", json!("exec_command")), "", 422, r#""loc":["body","messages",2,"assistant","tool_calls",0,"name"]"#),
        (Mistral, "a name on a user message (§4.2)", with(first(Mistral), "/messages/1/name", json!("me")), "", 422, r#""loc":["body","messages",1,"user","name"]"#),
        (Mistral, "store and max_completion_tokens (§4.2)", with(with(first(Mistral), "/store", json!(false)), "/max_completion_tokens", json!(8192)), "", 422, r#"{"detail":[{"input":8192,"loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted","type":"extra_forbidden"},{"input":false,"loc":["body","store"],"msg":"Extra inputs are not permitted","type":"extra_forbidden"}]}"#),
        (Mistral, "an id of another shape (§4.1)", second(Mistral, assistant(["call_0fypS1hVX", "a1B2c3D4e"]), ["call_0fypS1hVX", "a1B2c3D4e"]), "", 400, r#"{"code":"3280","message":"Tool call id was call_0fypS1hVX but must be a-z, A-Z, 0-9, with a length of 9.","object":"error","param":null,"raw_status_code":400,"type":"invalid_function_call"}"#),
        (Mistral, "a user message right after a result (§4.3)", with(m_ok.clone(), "/messages/5", json!({"role": "user", "content": "and?"})), "", 400, r#"{"code":"3230","message":"Unexpected role 'user' after role 'tool'","object":"error","param":null,"type":"invalid_request_message_order"}"#),
        (Mistral, "a result missing (§4.4)", without(m_ok.clone(), "/messages/4"), "", 400, "Not the same number of function calls and responses"),
        (Ollama, "a tool loop", with(second(Ollama, assistant(plain_ids), plain_ids), "/reasoning_effort", json!("medium")), "", 200, "data: "),
        (Ollama, "reasoning_effort xhigh (§5.5)", with(first(Ollama), "/reasoning_effort", json!("xhigh")), "", 400, r#"invalid reasoning value: 'xhigh' (must be \"high\", \"medium\", \"low\", or \"none\")"#),
        (Ollama, "arguments as an object (§5.6)", with(second(Ollama, assistant(plain_ids), plain_ids), "/messages/2/tool_calls/0/function/arguments", json!({"cmd": "ls"})), "", 400, "json: cannot unmarshal object into Go struct field"),
        (Ollama, "arguments that are no JSON (§5.6)", with(second(Ollama, assistant(plain_ids), plain_ids), "/messages/2/tool_calls/0/function/arguments", json!("{\"cmd\":")), "", 400, "invalid tool call arguments"),
        (Ollama, "null content without calls (§5.6)", with(first(Ollama), "/messages/1/content", Value::Null), "", 400, "invalid message content type: <nil>"),
        (Azure, "api-version given", second(Azure, assistant(plain_ids), plain_ids), "?api-version=2025-04-01-preview", 200, "prompt_filter_results"),
        (Azure, "no api-version (§6.3)", first(Azure), "", 404, r#"{"error":{"code":"404","message":"Resource not found"}}"#),
        (Azure, "a stray result (§6.6)", with(first(Azure), "/messages/2", json!({"role": "tool", "tool_call_id": "x", "content": "?"})), "?api-version=2025-04-01-preview", 400, "messages with role 'tool' must be a response to a preceeding message with 'tool_calls'."),
        (Azure, "a result missing (§6.6)", without(second(Azure, assistant(plain_ids), plain_ids), "/messages/4"), "?api-version=2025-04-01-preview", 400, "The following tool_call_ids did not have response messages: call_b"),
        (RefusesStreamOptions, "no stream_options", first(RefusesStreamOptions), "", 200, "data: "),
        (RefusesStreamOptions, "stream_options", with(first(RefusesStreamOptions), "/stream_options", json!({"include_usage": true})), "", 422, r#"{"detail":[{"input":{"include_usage":true},"loc":["body","stream_options"],"msg":"Extra inputs are not permitted","type":"extra_forbidden"}]}"#),
        (FramingA, "a stray result", with(first(FramingA), "/messages/2", json!({"role": "tool", "tool_call_id": "x", "content": "?"})), "", 400, "preceeding message with 'tool_calls'"),
    ];
    // The providers whose rules hang on what they sent: ask them for a first step.
    let gemini = ProviderServer::start(Gemini);
    let router = ProviderServer::start(OpenRouter);
    assert_eq!(post(&gemini, "", &first(Gemini)).0, 200);
    assert_eq!(post(&router, "", &first(OpenRouter)).0, 200);
    let signatures = gemini.signatures_sent();
    let (sig_id, sig) = signatures.iter().next().unwrap();
    let details = router.details_sent();
    let (det_id, det) = details.iter().next().unwrap();
    let g_ids = [sig_id.as_str(), "call_000002"];
    let g_call = assistant(g_ids);
    let g_ok = second(Gemini, with(g_call.clone(), "/tool_calls/0/extra_content", json!({"google": {"thought_signature": sig}})), g_ids);
    let r_ids = [det_id.as_str(), "tool_exec_command_2"];
    let r_ok = second(OpenRouter, with(assistant(r_ids), "/reasoning_details", det.clone()), r_ids);
    let mut altered = det.clone();
    altered[0]["text"] = json!("something else");
    let stateful: Vec<(&ProviderServer, &str, Value, u16, &str)> = vec![
        (&gemini, "the signature back (§8.3)", g_ok.clone(), 200, "data: "),
        (&gemini, "no signature back (§8.3)", second(Gemini, g_call, g_ids), 400, r#"[{"error":{"code":400,"message":"Function call is missing a thought_signature in functionCall parts."#),
        (&gemini, "a result missing (§8.5)", without(g_ok.clone(), "/messages/4"), 400, "Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn."),
        (&router, "the details back (§7.4)", r_ok.clone(), 200, ": OPENROUTER PROCESSING"),
        (&router, "no details back (§7.4)", without(r_ok.clone(), "/messages/2/reasoning_details"), 400, r#"{"error":{"code":400,"message":"Provider returned error","metadata":{"provider_name":"Google AI Studio","raw":"[{\"error\":{\"code\":400,\"message\":\"Function call is missing a thought_signature"#),
        (&router, "altered details (§7.4)", with(r_ok.clone(), "/messages/2/reasoning_details", altered), 400, "Provider returned error"),
    ];
    let mut failures = Vec::new();
    let mut servers: Vec<ProviderServer> = Vec::new();
    for (b, what, body, query, status, words) in cases.drain(..) {
        let server = match servers.iter().position(|s| s.behaviour == b) {
            Some(i) => &servers[i],
            None => {
                servers.push(ProviderServer::start(b));
                servers.last().unwrap()
            }
        };
        let got = post(server, query, &body);
        if got.0 != status || !got.1.contains(words) {
            failures.push(format!("{b:?}, {what}: want {status} with {words}\n  got {} {}", got.0, tail(&got.1, 600)));
        }
    }
    for (server, what, body, status, words) in stateful {
        let got = post(server, "", &body);
        if got.0 != status || !got.1.contains(words) {
            failures.push(format!("{:?}, {what}: want {status} with {words}\n  got {} {}", server.behaviour, got.0, tail(&got.1, 600)));
        }
    }
    // FramingB's very first answer breaks inside a 200 stream; the next one streams.
    let lite = ProviderServer::start(FramingB);
    let (status, text) = post(&lite, "", &first(FramingB));
    assert_eq!((status, text.contains("Ollama_chatException")), (200, true), "{text}");
    let (status, text) = post(&lite, "", &first(FramingB));
    assert!(status == 200 && text.contains("\"arguments\":{\"cmd\":\"echo one > one.txt\""), "{text}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
