//! The router holds as the bridge does: it answers only its own token, its own
//! loopback Host and the Codex homes its auth command named, never a web page; no
//! key reaches a file, an argument, its environment or an output, even from a
//! provider that echoes it back; keys from an environment variable or a token
//! command are handed over by the auth command; killed with -9 mid-stream it is back
//! for Codex's retry; 50 streams at once hold in bounded memory.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_e2e::bridge::bridges;
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::drip::{self, shown_without, sse_events};
use switchboard_e2e::router::*;
use switchboard_e2e::scripted::{Plan, Scripted, Wire};
use switchboard_e2e::*;

/// What `switchboard token --router <port>` prints for `home` (it starts the router,
/// tells it the home and hands the credentials over).
fn router_token(home: &Home, envs: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(bin());
    cmd.args(["token", "--router", &home.port.to_string()]).env("CODEX_HOME", home.path());
    home.router_env(&mut cmd);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = run(cmd, None);
    out.ok();
    out.stdout.trim().to_owned()
}

/// The home id in the router's URL of `home`'s config.toml.
fn home_id(home: &Home) -> String {
    let text = home.config_text();
    let at = text.find("/codex/").expect("the router's table") + "/codex/".len();
    text[at..at + 16].to_owned()
}

/// The router's pid: the one process serving `home`'s port.
fn router_pid(home: &Home) -> u32 {
    let pids = bridges(home.port);
    assert_eq!(pids.len(), 1, "{pids:?}");
    pids[0]
}

/// `/proc/<pid>/cmdline` and `environ` of the router, as text.
fn proc_text(pid: u32) -> String {
    let read = |f: &str| String::from_utf8_lossy(&std::fs::read(format!("/proc/{pid}/{f}")).unwrap_or_default()).replace('\0', " ");
    format!("{} {}", read("cmdline"), read("environ"))
}

/// Every file under `dir`, as one string.
fn bytes_under(dir: &std::path::Path) -> String {
    let mut out = String::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.push_str(&bytes_under(&p));
        } else {
            out.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default()));
        }
    }
    out
}

/// One raw HTTP/1.1 request to the router; its status and whole answer.
fn raw(port: u16, head: &str, body: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "{head}Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    let status = answer.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, answer)
}

const ASK: &str = r#"{"model":"switchboard/current","input":"hi","stream":true}"#;

#[test]
fn the_router_opens_only_for_its_token_its_host_and_homes_it_was_told_of() {
    let home = Home::new();
    let key = "sk-router-lock-63d1a9";
    let up = Scripted::start(Plan::new("L", Wire::Responses).key(key));
    let id = unique_id("lock");
    add(&home, "custom", &id, &up.base_url(), "m", "responses", key);
    home.sb(&["use", &id], None).ok();
    let token = router_token(&home, &[]);
    assert_eq!(token.len(), 43, "the router's token alone: no key behind it");
    let (port, hid) = (home.port, home_id(&home));
    let path = format!("/codex/{hid}/v1/responses");
    let other_home = if hid.starts_with('0') { "1".repeat(16) } else { "0".repeat(16) };
    let post = |path: &str, lines: &str| raw(port, &format!("POST {path} HTTP/1.1\r\nContent-Type: application/json\r\n{lines}"), ASK);
    let host = format!("Host: 127.0.0.1:{port}\r\n");
    let bearer = |t: &str| format!("Authorization: Bearer {t}\r\n");
    let cases: Vec<(&str, String, String, u16)> = vec![
        ("no token", path.clone(), host.clone(), 401),
        ("a wrong token", path.clone(), format!("{host}{}", bearer(&"A".repeat(43))), 401),
        ("the provider's key", path.clone(), format!("{host}{}", bearer(key)), 401),
        ("an Origin", path.clone(), format!("{host}{}Origin: http://evil.example\r\n", bearer(&token)), 403),
        ("a null Origin", path.clone(), format!("{host}{}Origin: null\r\n", bearer(&token)), 403),
        ("a foreign Host", path.clone(), format!("Host: evil.example:{port}\r\n{}", bearer(&token)), 403),
        ("no Host", path.clone(), bearer(&token), 403),
        ("a home it was not told of", format!("/codex/{other_home}/v1/responses"), format!("{host}{}", bearer(&token)), 401),
        ("the token", path.clone(), format!("{host}{}", bearer(&token)), 200),
    ];
    for (what, path, lines, want) in cases {
        let before = up.requests().len();
        let (status, answer) = post(&path, &lines);
        assert_eq!(status, want, "{what}: {answer}");
        assert!(!answer.to_lowercase().contains("access-control-allow"), "{what}: {answer}");
        if want == 200 {
            assert!(answer.contains("response.completed") && answer.contains("Done on L."), "{answer}");
            assert_eq!(up.requests().len(), before + 1);
        } else {
            assert_eq!(up.requests().len(), before, "{what}: a refused request went upstream");
        }
    }
    // Codex's model list and the sessions seen: the same locks.
    for op in ["v1/models", "sessions"] {
        let get = |lines: &str| raw(port, &format!("GET /codex/{hid}/{op} HTTP/1.1\r\n{lines}"), "");
        assert_eq!(get(&host).0, 401, "{op} without the token");
        assert_eq!(get(&format!("{host}{}Origin: http://evil.example\r\n", bearer(&token))).0, 403, "{op} from a web page");
        assert_eq!(get(&format!("{host}{}", bearer(&token))).0, 200, "{op}");
    }
    // A browser's preflight, on each of the router's paths.
    for p in [path.clone(), format!("/codex/{hid}/v1/models"), format!("/codex/{hid}/sessions")] {
        let (status, answer) = raw(port, &format!("OPTIONS {p} HTTP/1.1\r\n{host}Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization\r\n"), "");
        assert_eq!(status, 403, "{p}: {answer}");
        assert!(!answer.to_lowercase().contains("access-control-allow"), "{answer}");
    }
    // The token file is private; the router's arguments and environment hold no key, no token.
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(home.runtime().join(format!("switchboard/bridge-{port}.token"))).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let proc = proc_text(router_pid(&home));
    assert!(!proc.contains(key) && !proc.contains(&token) && !proc.contains("CARGO"), "{proc}");
    assert!(!bytes_under(home.path()).contains(key) && !bytes_under(&home.runtime()).contains(key));
}

/// Each way a provider can quote the key back, through the router: the key is in no
/// output of Codex's, no file, and not in the router's arguments or environment.
#[test]
fn no_key_gets_out_even_when_a_provider_echoes_it_back() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let mut keep: Vec<Box<dyn std::any::Any>> = Vec::new();
    // (id, model, key, the stand-in's base URL)
    let mut providers: Vec<(String, String, String)> = Vec::new();
    let mut add_one = |name: &str, url: String, api: &str, keep_it: Box<dyn std::any::Any>| {
        let id = unique_id(name);
        let key = format!("sk-echo-{name}-{}", &id[id.len() - 4..]).replace('-', "x") + "-5f0c2e9a";
        let preset = if api == "chat" { "chat-gateway" } else { "custom" };
        add(&home, preset, &id, &url, "m", api, &key);
        providers.push((id, key, name.to_owned()));
        keep.push(keep_it);
    };
    for (name, how) in [("e401", Echo::Unauthorized), ("e400", Echo::BadRequest), ("efail", Echo::ResponseFailed), ("emodel", Echo::ServedModel)] {
        let s = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::EchoKey(how), Duration::ZERO);
        add_one(name, s.base_url(), "responses", Box::new(s));
    }
    let whole = Scripted::start(Plan::new("W", Wire::Responses).echo_key());
    add_one("ewhole", whole.base_url(), "responses", Box::new(whole));
    let split = Scripted::start(Plan::new("S", Wire::Responses).echo_key().slow(40, Duration::ZERO));
    add_one("esplit", split.base_url(), "responses", Box::new(split));
    let chat401 = ChatServer::start("/v1", Script::EchoKey);
    add_one("echat401", chat401.base_url(), "chat", Box::new(chat401));
    let chat_text = Scripted::start(Plan::new("CT", Wire::Chat).echo_key().slow(40, Duration::ZERO));
    add_one("echattext", chat_text.base_url(), "chat", Box::new(chat_text));
    home.sb(&["use", &providers[0].0], None).ok();
    let fast = ["-c", "model_providers.switchboard.stream_max_retries=0", "-c", "model_providers.switchboard.request_max_retries=0"];
    let mut outputs = String::new();
    for (id, _, name) in &providers {
        let slug = format!("{id}/m");
        let mut args = fast.to_vec();
        args.extend(["-m", slug.as_str()]);
        let out = codex(&home, work.path(), &args, "Say something.");
        if name == "ewhole" || name == "esplit" || name == "echattext" {
            assert_eq!(out.code, Some(0), "{name}: {}", out.all());
            assert!(out.stdout.contains("You sent me"), "{name}: the echo did not come through: {}", out.all());
        }
        outputs.push_str(&out.all());
    }
    let (files, runtime) = (bytes_under(home.path()), bytes_under(&home.runtime()));
    let proc = proc_text(router_pid(&home));
    for (id, key, name) in &providers {
        assert!(!outputs.contains(key.as_str()), "{name} ({id}): the key is in Codex's output");
        assert!(!files.contains(key.as_str()) && !runtime.contains(key.as_str()), "{name}: the key is in a file");
        assert!(!proc.contains(key.as_str()), "{name}: the key is in the router's arguments or environment");
    }
}

/// A provider that streams the key it was sent back a few characters per event, in
/// every text Codex's TUI, the VS Code extension and the app draw as it arrives:
/// through the router, no event Codex reads holds the key, and each text's deltas add
/// up to its final, redacted text.
#[test]
fn a_key_streamed_a_few_characters_at_a_time_is_in_no_event_codex_reads() {
    let home = Home::new();
    // (id, key, what each provider is)
    let mut providers: Vec<(String, String, &str)> = Vec::new();
    let mut add_one = |name: &'static str, url: String, api: &str| {
        let id = unique_id(name);
        let key = format!("sk-drip-{}-5f0c2e9a", &id[id.len() - 4..]);
        add(&home, if api == "chat" { "chat-gateway" } else { "custom" }, &id, &url, "m", api, &key);
        providers.push((id, key, name));
    };
    add_one("dresp", format!("http://127.0.0.1:{}/v1", drip::responses()), "responses");
    add_one("dchat", format!("http://127.0.0.1:{}/v1", drip::chat()), "chat");
    let split = Scripted::start(Plan::new("S", Wire::Responses).echo_key().slow(40, Duration::ZERO));
    add_one("dsplit", split.base_url(), "responses");
    let chat = Scripted::start(Plan::new("C", Wire::Chat).echo_key().slow(40, Duration::ZERO));
    add_one("dsplitchat", chat.base_url(), "chat");
    home.sb(&["use", &providers[0].0], None).ok();
    let token = router_token(&home, &[]);
    let url = format!("http://127.0.0.1:{}/codex/{}/v1/responses", home.port, home_id(&home));
    for (id, key, name) in &providers {
        let body = serde_json::json!({"model": format!("{id}/m"), "input": "hi", "stream": true}).to_string();
        let mut answer = ureq::post(&url).header("authorization", &format!("Bearer {token}")).header("content-type", "application/json").send(body.as_str()).unwrap();
        let text = answer.body_mut().read_to_string().unwrap();
        assert!(text.contains("response.completed"), "{name}: {text}");
        let kinds: &[&str] = match *name {
            "dresp" | "dchat" => &["response.reasoning_summary_text", "response.output_text", "response.function_call_arguments"],
            _ => &["response.output_text"],
        };
        shown_without(name, &sse_events(&text), key, kinds);
    }
}

#[test]
fn keys_from_an_environment_variable_or_a_token_command_reach_the_provider_through_the_router() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let (env_key, cmd_key) = ("sk-from-env-var-2b7d41", "tok-from-command-9e3a55");
    let e = Scripted::start(Plan::new("E", Wire::Responses).key(env_key));
    let t = Scripted::start(Plan::new("T", Wire::Chat).key(cmd_key));
    let script = work.path().join("print-token.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho {cmd_key}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (ie, it) = (unique_id("envk"), unique_id("cmdk"));
    home.sb(&["add", "custom", "--id", &ie, "--base-url", &e.base_url(), "--model", "m", "--api", "responses", "--env-key", "SB_ROUTER_TEST_KEY"], None).ok();
    home.sb(&["add", "chat-gateway", "--id", &it, "--base-url", &t.base_url(), "--model", "m", "--api", "chat", "--token-command", &script.to_string_lossy()], None).ok();
    home.sb(&["use", &ie], None).ok();
    let envs = [("SB_ROUTER_TEST_KEY", env_key)];
    let by_env = codex_with(&home, work.path(), &[], "Hello E.", &envs);
    assert_eq!(by_env.code, Some(0), "{}", by_env.all());
    assert!(by_env.stdout.contains("Done on E."));
    let by_cmd = codex_with(&home, work.path(), &["-m", &format!("{it}/m")], "Hello T.", &envs);
    assert_eq!(by_cmd.code, Some(0), "{}", by_cmd.all());
    assert!(by_cmd.stdout.contains("Done on T."));
    assert_eq!(e.requests()[0].header("authorization"), Some(format!("Bearer {env_key}").as_str()));
    assert_eq!(t.requests()[0].header("authorization"), Some(format!("Bearer {cmd_key}").as_str()));
    // Codex's environment stays Codex's: the router was started with a bare one.
    let proc = proc_text(router_pid(&home));
    assert!(!proc.contains(env_key) && !proc.contains("SB_ROUTER_TEST_KEY") && !proc.contains(cmd_key), "{proc}");
    for out in [&by_env, &by_cmd] {
        assert!(!out.all().contains(env_key) && !out.all().contains(cmd_key));
    }
    assert!(!home.all_bytes().contains(env_key) && !home.all_bytes().contains(cmd_key));
    // Each Codex's own environment: another value is that value, and none is none, never
    // the value another Codex handed over before.
    let no_retry = ["-c", "model_providers.switchboard.request_max_retries=0"];
    let before = e.seen().len();
    let other = codex_with(&home, work.path(), &no_retry, "Hello from another project.", &[("SB_ROUTER_TEST_KEY", "sk-another-project-4410")]);
    assert_ne!(other.code, Some(0), "E takes only its key: {}", other.all());
    let sent: Vec<String> = e.seen().iter().skip(before).filter_map(|s| s.header("authorization").map(str::to_owned)).collect();
    assert!(!sent.is_empty() && sent.iter().all(|a| a == "Bearer sk-another-project-4410"), "another environment's key was sent: {sent:?}");
    let before = e.seen().len();
    let without = codex(&home, work.path(), &no_retry, "Hello without the variable.");
    assert_ne!(without.code, Some(0));
    assert!(without.all().contains("SB_ROUTER_TEST_KEY"), "Codex is told which variable is missing: {}", without.all());
    assert_eq!(e.seen().len(), before, "a request went to E without its key");
    assert!(!without.all().contains(env_key) && !other.all().contains(env_key));
}

#[test]
fn a_router_killed_mid_stream_is_back_for_codexs_retry() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let up = Scripted::start(Plan::new("K", Wire::Responses).slow(20, Duration::from_millis(150)).key("sk-killed-7d0e"));
    let id = unique_id("kill");
    add(&home, "custom", &id, &up.base_url(), "m", "responses", "sk-killed-7d0e");
    home.sb(&["use", &id], None).ok();
    let log = work.path().join("codex.log");
    let mut cmd = codex_cmd(&home, work.path(), &["--ephemeral"], "Take your time.", &[]);
    let mut child = cmd.stdin(Stdio::null()).stdout(std::fs::File::create(&log).unwrap()).stderr(std::fs::File::create(log.with_extension("err")).unwrap()).spawn().unwrap();
    let start = Instant::now();
    while up.requests().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(30), "no request reached the provider");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(900));
    let first = router_pid(&home);
    Command::new("kill").arg("-9").arg(first.to_string()).status().unwrap();
    let code = wait_exit(&mut child, Duration::from_secs(90));
    let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap_or_default();
    assert_eq!(code, Some(0), "codex did not finish after the router was killed\n{}\n{}", read(&log), read(&log.with_extension("err")));
    assert!(read(&log).contains("Done on K."), "{}", read(&log));
    assert!(up.requests().len() >= 2, "Codex retried the stream");
    let now = router_pid(&home);
    assert_ne!(now, first, "a new router serves");
}

#[test]
fn fifty_streams_at_once_through_the_router_in_bounded_memory() {
    let home = Home::new();
    let up = Scripted::start(Plan::new("F", Wire::Responses).slow(5, Duration::from_millis(100)).key("sk-fifty-1c9b"));
    let id = unique_id("fifty");
    add(&home, "custom", &id, &up.base_url(), "m", "responses", "sk-fifty-1c9b");
    home.sb(&["use", &id], None).ok();
    let token = router_token(&home, &[]);
    let (port, hid) = (home.port, home_id(&home));
    let pid = router_pid(&home);
    let post = move |token: String| {
        raw(port, &format!("POST /codex/{hid}/v1/responses HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n"), ASK)
    };
    assert!(post(token.clone()).1.contains("response.completed"), "one stream first");
    let idle = status_kb(pid, "VmRSS");
    let watcher = std::thread::spawn(move || {
        let mut peak = 0;
        for _ in 0..100 {
            peak = peak.max(status_kb(pid, "VmRSS"));
            std::thread::sleep(Duration::from_millis(30));
        }
        peak
    });
    let started = Instant::now();
    let threads: Vec<_> = (0..50).map(|_| {
        let (t, post) = (token.clone(), post.clone());
        std::thread::spawn(move || post(t))
    }).collect();
    let answers: Vec<(u16, String)> = threads.into_iter().map(|h| h.join().unwrap()).collect();
    let took = started.elapsed();
    let done = answers.iter().filter(|(s, a)| *s == 200 && a.contains("response.completed") && a.contains("Done on F.")).count();
    let peak = watcher.join().unwrap();
    let hwm = status_kb(pid, "VmHWM");
    eprintln!("router memory: {idle} kB idle, {peak} kB at most while 50 streams ran (VmHWM {hwm} kB); 50 streams took {took:?}");
    assert_eq!(done, 50, "every one of 50 streams at once finished");
    assert!(hwm < 60 * 1024, "the router grew to {hwm} kB");
}
