//! The bridge is there whenever Codex runs, and holds under attack: killed with -9
//! mid-stream (Codex's retry reaches a new one), two Codex processes starting at once
//! (one bridge), an older build left running (replaced), another program on the port
//! (one clear line in Codex's log), an endless answer, 50 streams at once, and a 429
//! that Codex retries because the bridge tells it when.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_e2e::bridge::{bridges, free_port, kill_bridges};
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::*;

/// One bridged provider over a stand-in, in its own Codex home, runtime folder and port.
struct Setup {
    home: Home,
    chat: ChatServer,
    port: u16,
    runtime: PathBuf,
    work: tempfile::TempDir,
}

impl Setup {
    fn new(script: Script) -> Setup {
        let s = Setup { home: Home::new(), chat: ChatServer::start("/v1", script), port: free_port(), runtime: tempfile::tempdir().unwrap().keep(), work: tempfile::tempdir().unwrap() };
        // --api chat: the way is chosen, so adding asks the provider nothing.
        s.sb(&["add", "chat-gateway", "--id", "gw", "--base-url", &s.chat.base_url(), "--model", "gpt-5.5", "--no-key", "--api", "chat"]).ok();
        s.sb(&["use", "gw"]).ok();
        s
    }

    fn sb(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self.home.path()).args(args).env("SWITCHBOARD_BRIDGE_PORT", self.port.to_string()).env("XDG_RUNTIME_DIR", &self.runtime);
        run(cmd, None)
    }

    fn codex(&self) -> Command {
        let mut cmd = Command::new(codex_bin());
        cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "--strict-config", "Reply OK"])
            .current_dir(self.work.path())
            .env("CODEX_HOME", self.home.path())
            .env("HOME", self.work.path())
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env_remove("OPENAI_API_KEY")
            .env("RUST_LOG", "error");
        cmd
    }

    fn spawn_codex(&self, name: &str) -> (Child, PathBuf) {
        let log = self.work.path().join(format!("{name}.log"));
        let child = self.codex().stdin(Stdio::null()).stdout(std::fs::File::create(&log).unwrap()).stderr(Stdio::from(std::fs::File::create(log.with_extension("err")).unwrap())).spawn().unwrap();
        (child, log)
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        kill_bridges(self.port);
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

#[test]
fn a_bridge_killed_mid_stream_is_back_for_codexs_retry() {
    let s = Setup::new(Script::Slow { chunks: 20, gap: Duration::from_millis(150) });
    let (mut codex, log) = s.spawn_codex("killed");
    // Wait until the answer is streaming, then kill the bridge.
    let start = Instant::now();
    while s.chat.requests().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(30), "no request reached the provider");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(900));
    let first = bridges(s.port);
    assert_eq!(first.len(), 1);
    Command::new("kill").arg("-9").arg(first[0].to_string()).status().unwrap();
    let code = wait_exit(&mut codex, Duration::from_secs(90));
    assert_eq!(code, Some(0), "codex did not finish after the bridge was killed\n{}\n{}", read(&log), read(&log.with_extension("err")));
    assert!(read(&log).contains("part 19"), "{}", read(&log));
    let now = bridges(s.port);
    assert_eq!(now.len(), 1, "a new bridge serves");
    assert_ne!(now[0], first[0]);
    assert!(s.chat.requests().len() >= 2, "Codex retried the stream");
}

#[test]
fn two_codex_processes_starting_at_once_share_one_bridge() {
    let s = Setup::new(Script::Burst { deltas: 5 });
    assert!(bridges(s.port).is_empty());
    let (mut a, la) = s.spawn_codex("a");
    let (mut b, lb) = s.spawn_codex("b");
    assert_eq!(wait_exit(&mut a, Duration::from_secs(90)), Some(0), "{}", read(&la.with_extension("err")));
    assert_eq!(wait_exit(&mut b, Duration::from_secs(90)), Some(0), "{}", read(&lb.with_extension("err")));
    assert_eq!(bridges(s.port).len(), 1, "one bridge serves both");
    assert!(s.chat.requests().len() >= 2);
}

#[test]
fn an_older_bridge_left_running_is_replaced() {
    let s = Setup::new(Script::Burst { deltas: 5 });
    // An "older build": the same program from another file, as an update leaves it.
    let old_dir = tempfile::tempdir().unwrap();
    let old = old_dir.path().join("switchboard");
    std::fs::copy(bin(), &old).unwrap();
    let mut old_bridge = Command::new(&old)
        .args(["bridge", "serve", "--port", &s.port.to_string()])
        .env("XDG_RUNTIME_DIR", &s.runtime)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while bridges(s.port).is_empty() {
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = s.codex().output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(wait_exit(&mut old_bridge, Duration::from_secs(10)), Some(0), "the old bridge was asked to end and did");
    let now = bridges(s.port);
    assert_eq!(now.len(), 1);
    let exe = std::fs::read_link(format!("/proc/{}/exe", now[0])).unwrap();
    assert_eq!(std::fs::canonicalize(exe).unwrap(), std::fs::canonicalize(bin()).unwrap(), "this build's bridge serves now");
}

#[test]
fn another_program_on_the_port_is_one_clear_line_in_codexs_log() {
    let s = Setup::new(Script::Burst { deltas: 5 });
    // Something else answers on the bridge's port.
    let squatter = std::net::TcpListener::bind(("127.0.0.1", s.port)).unwrap();
    std::thread::spawn(move || {
        for c in squatter.incoming().flatten() {
            use std::io::Write;
            let mut c = c;
            let _ = c.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello");
        }
    });
    let out = run_with_timeout(s.codex(), Duration::from_secs(90));
    assert_ne!(out.code, Some(0));
    let line = format!("port {} on 127.0.0.1 is used by another program", s.port);
    assert!(out.stderr.contains(&line), "{}", out.stderr);
    assert!(s.chat.requests().is_empty(), "nothing reached the provider");
}

#[test]
fn a_429_reaches_codex_with_a_retry_after_so_it_retries() {
    let s = Setup::new(Script::Status { status: 429, body: r#"{"error":{"message":"Rate limit reached, please try again in 1s"}}"#.into(), retry_after: None });
    let out = run_with_timeout(s.codex(), Duration::from_secs(90));
    assert_ne!(out.code, Some(0));
    assert!(s.chat.requests().len() >= 2, "Codex retried after the bridge's Retry-After: {} requests\n{}", s.chat.requests().len(), out.stderr);
}

/// POSTs one request to the bridge; the whole answer.
fn post(port: u16, upstream_port: u16, token: &str) -> String {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(60))).build().into();
    let mut r = agent
        .post(&format!("http://127.0.0.1:{port}/http/127.0.0.1:{upstream_port}/v1/responses"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .send(r#"{"model":"m","input":"hi","stream":true}"#)
        .unwrap();
    r.body_mut().with_config().limit(256 << 20).read_to_string().unwrap_or_default()
}

/// POSTs one request to the bridge and reads the answer as it streams; its last 4 KB.
fn post_tail(port: u16, upstream_port: u16, token: &str) -> String {
    use std::io::{Read, Write};
    let body = r#"{"model":"m","input":"hi","stream":true}"#;
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "POST /http/127.0.0.1:{upstream_port}/v1/responses HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut tail: Vec<u8> = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 8192 {
                    tail.drain(..tail.len() - 4096);
                }
            }
        }
    }
    String::from_utf8_lossy(&tail).into_owned()
}

fn token(s: &Setup) -> String {
    let mut cmd = Command::new(bin());
    cmd.args(["token", "gw", "--bridge", &s.port.to_string(), "--no-key"]).env("XDG_RUNTIME_DIR", &s.runtime);
    let out = run(cmd, None);
    out.ok();
    out.stdout.trim().to_owned()
}

fn rss_kb(pid: u32) -> u64 {
    read(Path::new(&format!("/proc/{pid}/status"))).lines().find_map(|l| l.strip_prefix("VmRSS:").map(|v| v.trim().trim_end_matches(" kB").trim().parse().unwrap_or(0))).unwrap_or(0)
}

#[test]
fn an_endless_answer_is_cut_off_and_fifty_streams_at_once_all_finish() {
    let endless = Setup::new(Script::Endless);
    let t = token(&endless);
    let pid = bridges(endless.port)[0];
    let watcher = std::thread::spawn(move || {
        let mut peak = 0;
        for _ in 0..200 {
            peak = peak.max(rss_kb(pid));
            std::thread::sleep(Duration::from_millis(50));
        }
        peak
    });
    let started = Instant::now();
    let answer = post_tail(endless.port, endless.chat.port, &t);
    assert!(answer.contains("response.failed") && answer.contains("went past"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(30));
    let peak = watcher.join().unwrap();
    assert!(peak < 150 * 1024, "the bridge grew to {peak} kB on an endless answer");

    let many = Setup::new(Script::Slow { chunks: 5, gap: Duration::from_millis(100) });
    let t = token(&many);
    let (port, up) = (many.port, many.chat.port);
    let threads: Vec<_> = (0..50).map(|_| {
        let t = t.clone();
        std::thread::spawn(move || post(port, up, &t))
    }).collect();
    let done = threads.into_iter().map(|h| h.join().unwrap()).filter(|a| a.contains("response.completed") && a.contains("part 4")).count();
    assert_eq!(done, 50, "every one of 50 streams at once finished");
}

#[test]
fn doctor_reports_the_bridges_state() {
    let s = Setup::new(Script::Burst { deltas: 3 });
    let bridge = |s: &Setup| -> serde_json::Value {
        let out = s.sb(&["doctor", "--json", "--timeout", "10"]);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}", out.all()));
        v["checks"].as_array().unwrap().iter().find(|c| c["name"] == "bridge").cloned().unwrap_or_else(|| panic!("no bridge check: {v}"))
    };
    // Nothing runs yet: doctor reads the bridge's state before its Test of gw starts it.
    assert!(bridges(s.port).is_empty());
    let c = bridge(&s);
    assert_eq!(c["status"], "ok", "{c}");
    assert!(c["message"].as_str().unwrap().contains("is not running; Codex starts it when it needs it"), "{c}");
    assert!(c["message"].as_str().unwrap().contains("`gw`"), "{c}");

    token(&s);
    let c = bridge(&s);
    assert_eq!(c["status"], "ok", "{c}");
    assert!(c["message"].as_str().unwrap().contains(&format!("runs on 127.0.0.1:{} (pid", s.port)), "{c}");

    kill_bridges(s.port);
    std::thread::sleep(Duration::from_millis(200));
    let squatter = std::net::TcpListener::bind(("127.0.0.1", s.port)).unwrap();
    std::thread::spawn(move || {
        for c in squatter.incoming().flatten() {
            use std::io::Write;
            let mut c = c;
            let _ = c.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello");
        }
    });
    let c = bridge(&s);
    assert_eq!(c["status"], "fail", "{c}");
    assert!(c["message"].as_str().unwrap().contains("Another program holds"), "{c}");
    assert!(c["hint"].as_str().unwrap().contains("SWITCHBOARD_BRIDGE_PORT"), "{c}");
}
