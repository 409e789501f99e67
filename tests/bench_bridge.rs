//! The bridge against LiteLLM's own Responses-to-Chat route (`use_chat_completions_api:
//! true`), side by side in one run, on the same Chat Completions stand-ins:
//! - the time each adds to the first event (the first text delta, against the same
//!   delta straight from the stand-in), with a small body and with Codex 0.171's real
//!   first request (16 KB: instructions, tools, apply_patch);
//! - events per second through each, over one long answer;
//! - memory (PSS), idle and with 50 streams at once.
//! Run with `scripts/bench`, which builds the release binary; figures go in the README.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use switchboard_e2e::bridge::{StopBridge, bridges, free_port};
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::first_event::{codex_request, small_request};
use switchboard_e2e::*;

const FIRST_RUNS: usize = 200;
const BURST: usize = 20_000;
const STREAMS: usize = 50;

/// Where a request goes: host port, path, bearer.
struct Target {
    port: u16,
    path: String,
    bearer: String,
}

/// POSTs `body` on a fresh connection; the time to the first byte of `needle`, and
/// the whole answer (read to its end).
fn post(t: &Target, body: &str, needle: &[u8]) -> (Option<Duration>, Vec<u8>, Duration) {
    let start = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", t.port)).unwrap();
    s.set_nodelay(true).unwrap();
    write!(
        s,
        "POST {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        t.path,
        t.port,
        t.bearer,
        body.len()
    )
    .unwrap();
    let mut all = Vec::with_capacity(1 << 16);
    let mut buf = vec![0u8; 1 << 16];
    let mut first = None;
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let from = all.len().saturating_sub(needle.len());
                all.extend_from_slice(&buf[..n]);
                if first.is_none() && all[from..].windows(needle.len()).any(|w| w == needle) {
                    first = Some(start.elapsed());
                }
                // The last chunk of a chunked answer: the stand-in keeps its connection open.
                if all.ends_with(b"\r\n0\r\n\r\n") {
                    break;
                }
            }
        }
    }
    (first, all, start.elapsed())
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Proportional set size of `pid` and its descendants, in MB.
fn pss_mb(pid: u32) -> f64 {
    let mut total = 0u64;
    let mut todo = vec![pid];
    while let Some(p) = todo.pop() {
        let rollup = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).unwrap_or_default();
        total += rollup.lines().find_map(|l| l.strip_prefix("Pss:").map(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().unwrap_or(0))).unwrap_or(0);
        for e in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(child) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
            let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).unwrap_or_default();
            let ppid = stat.rsplit(')').next().and_then(|r| r.split_whitespace().nth(1)).and_then(|v| v.parse::<u32>().ok());
            if ppid == Some(p) {
                todo.push(child);
            }
        }
    }
    total as f64 / 1024.0
}

/// Peak PSS of `pid` while `STREAMS` slow streams run through `t` at once; each must end
/// with `done`.
fn peak_with_streams(pid: u32, t: &Target, body: &str, done: &[u8]) -> f64 {
    let handles: Vec<_> = (0..STREAMS)
        .map(|_| {
            let t = Target { port: t.port, path: t.path.clone(), bearer: t.bearer.clone() };
            let body = body.to_owned();
            std::thread::spawn(move || post(&t, &body, b"\n").1)
        })
        .collect();
    let mut peak: f64 = 0.0;
    while handles.iter().any(|h| !h.is_finished()) {
        peak = peak.max(pss_mb(pid));
        std::thread::sleep(Duration::from_millis(50));
    }
    let finished = handles.into_iter().map(|h| h.join().unwrap()).filter(|a| count(a, done) > 0).count();
    assert_eq!(finished, STREAMS, "every stream finished");
    peak
}

fn main() {
    let first = ChatServer::start("/v1", Script::Burst { deltas: 8 });
    let burst = ChatServer::start("/v1", Script::Burst { deltas: BURST });
    let slow = ChatServer::start("/v1", Script::Slow { chunks: 40, gap: Duration::from_millis(75) });

    // The bridge, started the way Codex starts it: by the auth command.
    let port = free_port();
    let rt = tempfile::tempdir().unwrap().keep();
    let _stop = StopBridge(port, rt.clone());
    let home = Home::new();
    let sb = |args: &[&str]| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(args).env("SWITCHBOARD_BRIDGE_PORT", port.to_string()).env("XDG_RUNTIME_DIR", &rt);
        run(cmd, None)
    };
    sb(&["add", "chat-gateway", "--id", "bench", "--base-url", &first.base_url(), "--model", "bench", "--no-key"]).ok();
    let hook = Instant::now();
    let token = sb(&["token", "bench", "--bridge", &port.to_string(), "--no-key"]);
    let cold_hook = hook.elapsed();
    token.ok();
    let token = token.stdout.trim().to_owned();
    let warm_hook = median(
        (0..21)
            .map(|_| {
                let t = Instant::now();
                sb(&["token", "bench", "--bridge", &port.to_string(), "--no-key"]).ok();
                t.elapsed()
            })
            .collect(),
    );
    let pid = bridges(port)[0];
    let bridge = |up: &ChatServer| Target { port, path: format!("/http/127.0.0.1:{}/v1/responses", up.port), bearer: token.clone() };
    let direct = |up: &ChatServer| Target { port: up.port, path: "/v1/chat/completions".into(), bearer: "none".into() };

    let gw = litellm::start(&format!(
        "  - model_name: first\n    litellm_params:\n      model: openai/first\n      api_base: {}\n      api_key: none\n      use_chat_completions_api: true\n\
         \x20 - model_name: burst\n    litellm_params:\n      model: openai/burst\n      api_base: {}\n      api_key: none\n      use_chat_completions_api: true\n\
         \x20 - model_name: slow\n    litellm_params:\n      model: openai/slow\n      api_base: {}\n      api_key: none\n      use_chat_completions_api: true\n",
        first.base_url(),
        burst.base_url(),
        slow.base_url()
    ));
    let lite = |_up: &ChatServer| Target { port: gw.port, path: "/v1/responses".into(), bearer: litellm::MASTER_KEY.into() };
    let lite_pid = gw.pid();

    // Warm both up, then idle.
    let chat_needle = br#""content":"word"#;
    let delta = b"response.output_text.delta";
    for _ in 0..20 {
        assert!(post(&bridge(&first), &small_request("bench"), delta).0.is_some(), "the bridge streams");
        assert!(post(&lite(&first), &small_request("first"), delta).0.is_some(), "LiteLLM streams: {}", String::from_utf8_lossy(&post(&lite(&first), &small_request("first"), delta).1));
    }
    std::thread::sleep(Duration::from_secs(3));
    let (idle, lite_idle) = (pss_mb(pid), pss_mb(lite_pid));

    // 1. Time added to the first event, runs interleaved so drift hits each alike.
    let codex_small = codex_request("bench");
    let lite_codex_ok = post(&lite(&first), &codex_request("first"), delta).0.is_some();
    let (mut d, mut b, mut l, mut bc, mut dc, mut lc) = (vec![], vec![], vec![], vec![], vec![], vec![]);
    let direct_codex = serde_json::json!({"model": "bench", "stream": true, "messages": [{"role": "user", "content": "Say hello"}], "tools": serde_json::from_str::<serde_json::Value>(&codex_small).unwrap()["tools"].clone()}).to_string();
    for _ in 0..FIRST_RUNS {
        d.push(post(&direct(&first), r#"{"model":"bench","stream":true,"messages":[{"role":"user","content":"Say hello"}]}"#, chat_needle).0.unwrap());
        b.push(post(&bridge(&first), &small_request("bench"), delta).0.unwrap());
        l.push(post(&lite(&first), &small_request("first"), delta).0.unwrap());
        dc.push(post(&direct(&first), &direct_codex, chat_needle).0.unwrap());
        bc.push(post(&bridge(&first), &codex_small, delta).0.unwrap());
        if lite_codex_ok {
            lc.push(post(&lite(&first), &codex_request("first"), delta).0.unwrap());
        }
    }
    let (d, b, l, dc, bc) = (median(d), median(b), median(l), median(dc), median(bc));

    // 2. Events per second over one long answer (best of 3 for each).
    let rate = |t: &Target, body: &str| -> f64 {
        (0..3)
            .map(|_| {
                let (first, all, end) = post(t, body, delta);
                let n = count(&all, delta);
                assert!(n >= BURST, "{n} deltas of {BURST}: {}", String::from_utf8_lossy(&all[all.len().saturating_sub(1500)..]));
                n as f64 / (end - first.unwrap()).as_secs_f64()
            })
            .fold(0.0, f64::max)
    };
    let direct_rate = (0..3)
        .map(|_| {
            let (first, all, end) = post(&direct(&burst), r#"{"model":"bench","stream":true,"messages":[{"role":"user","content":"hi"}]}"#, chat_needle);
            count(&all, chat_needle) as f64 / (end - first.unwrap()).as_secs_f64()
        })
        .fold(0.0, f64::max);
    let bridge_rate = rate(&bridge(&burst), &small_request("bench"));
    let lite_rate = rate(&lite(&burst), &small_request("burst"));

    // 3. Memory with 50 streams at once.
    let done = b"response.completed";
    let peak = peak_with_streams(pid, &bridge(&slow), &small_request("bench"), done);
    let lite_peak = peak_with_streams(lite_pid, &lite(&slow), &small_request("slow"), done);

    println!("bridge vs LiteLLM {} (use_chat_completions_api: true), same stand-ins, one run", litellm::version());
    println!("auth hook (switchboard token --bridge): starting the bridge {:.1} ms, bridge already up {:.1} ms (median of 21)", cold_hook.as_secs_f64() * 1e3, warm_hook.as_secs_f64() * 1e3);
    println!("first event, median of {FIRST_RUNS} (fresh connection each):");
    println!("  small body:       stand-in alone {:7.0} µs | bridge {:7.0} µs (+{:.0} µs) | LiteLLM {:7.0} µs (+{:.0} µs)", us(d), us(b), us(b) - us(d), us(l), us(l) - us(d));
    let lite_codex = if lite_codex_ok { format!("LiteLLM {:7.0} µs (+{:.0} µs)", us(median(lc.clone())), us(median(lc)) - us(dc)) } else { "LiteLLM refused it".into() };
    println!("  Codex's 16 KB:    stand-in alone {:7.0} µs | bridge {:7.0} µs (+{:.0} µs) | {lite_codex}", us(dc), us(bc), us(bc) - us(dc));
    println!("events per second, {BURST} deltas, best of 3: stand-in alone {direct_rate:.0} | bridge {bridge_rate:.0} | LiteLLM {lite_rate:.0} ({:.1}x)", bridge_rate / lite_rate);
    println!("memory (PSS): bridge idle {idle:.1} MB, {STREAMS} streams {peak:.1} MB | LiteLLM idle {lite_idle:.1} MB, {STREAMS} streams {lite_peak:.1} MB");
}
