//! The router (issue 22) beside Codex talking to the same stand-in directly, in one run:
//! - the time the router adds to the first event on the passed-through path (a Responses
//!   provider taking no key), over keep-alive connections (as Codex holds them) and fresh
//!   ones, with a small body and with Codex 0.171's real first request (16 KB);
//! - the real Codex (`codex exec "Reply OK"`) end to end, through the router and directly;
//! - the router's memory (VmRSS, VmHWM, PSS): at start, idle after some requests, after
//!   Codex's `GET /models` (once, then 20 times), with 50 streams open at once, and idle
//!   after the real Codex runs; and a router that holds no Codex model list;
//! - whole `switchboard use <a>` / `use <b>` alternations on the `cli` bench's 5,000-line
//!   config, through the router (config.toml unchanged, only switchboard-router.json) and,
//!   interleaved, with both providers reached directly (what `use` did before the router).
//! Every process shares one private cache folder, where `add` puts the pinned Codex's
//! model list (as on a user's machine): the router holds it, so it is in the memory figures.
//! The stand-in and the client that times the first event are in support/first_event.rs.
//! Run with `scripts/bench router`, which builds the release binary; figures go in the README.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use switchboard_e2e::bridge::bridges;
use switchboard_e2e::first_event::{Conn, SLOW_DELTAS, SLOWLY, StandIn, Target, codex_request, cold, get, small_request, warm};
use switchboard_e2e::router::status_kb;
use switchboard_e2e::*;

const RUNS: usize = 500;
const WARMUP: usize = 50;
const STREAMS: usize = 50;
const USE_RUNS: usize = 60;
const CODEX_RUNS: usize = 20;

// ---------------------------------------------------------------- figures

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v
}

fn median(v: &[f64]) -> f64 {
    sorted(v.to_vec())[v.len() / 2]
}

fn pct(v: &[f64], p: usize) -> f64 {
    let s = sorted(v.to_vec());
    s[(s.len() * p / 100).min(s.len() - 1)]
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// PSS of `pid`, in kB.
fn pss_kb(pid: u32) -> u64 {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    rollup.lines().find_map(|l| l.strip_prefix("Pss:").map(|v| v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0))).unwrap_or(0)
}

/// The threads of `pid`.
fn threads(pid: u32) -> u64 {
    status_kb(pid, "Threads")
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// A row: direct, through the router, and the paired difference (each router request
/// against the direct one sent just before it).
struct Row {
    what: &'static str,
    direct: Vec<f64>,
    router: Vec<f64>,
}

impl Row {
    fn new(what: &'static str) -> Row {
        Row { what, direct: vec![], router: vec![] }
    }

    fn print(&self) {
        let diff: Vec<f64> = self.router.iter().zip(&self.direct).map(|(r, d)| r - d).collect();
        println!(
            "  {:<26} direct {:6.0} / {:6.0} µs | router {:6.0} / {:6.0} µs | added {:+5.0} / {:+5.0} µs (paired), medians {:+5.0} µs",
            self.what,
            median(&self.direct),
            pct(&self.direct, 95),
            median(&self.router),
            pct(&self.router, 95),
            median(&diff),
            pct(&diff, 95),
            median(&self.router) - median(&self.direct),
        );
    }
}

// ---------------------------------------------------------------- the run

/// `switchboard --codex-home <home> args...` with this home's router port and runtime
/// folder, and the bench's own cache folder (not `Home::sb`'s: the router must see the
/// Codex model list the commands wrote).
fn sb(home: &Home, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(args);
    home.router_env(&mut cmd);
    run(cmd, stdin)
}

/// `switchboard token --router <port>` for `home`, as Codex runs it: what it prints.
fn auth_command(home: &Home) -> String {
    auth_command_with(home, |_| {})
}

fn auth_command_with(home: &Home, env: impl Fn(&mut Command)) -> String {
    let mut cmd = Command::new(bin());
    cmd.args(["token", "--router", &home.port.to_string()]).env("CODEX_HOME", home.path());
    home.router_env(&mut cmd);
    env(&mut cmd);
    let out = run(cmd, None);
    out.ok();
    out.stdout.trim().to_owned()
}

fn main() {
    let load_before = loadavg();
    // One cache folder for every process of the bench (the commands, the router, Codex).
    let cache = tempfile::tempdir().unwrap();
    // SAFETY: no other thread runs yet.
    unsafe {
        std::env::set_var("XDG_CACHE_HOME", cache.path());
        let codex = std::env::var_os("CODEX_BIN").map(std::path::PathBuf::from).unwrap_or_else(|| repo_root().join("tests/node_modules/.bin/codex"));
        if codex.exists() {
            std::env::set_var("SWITCHBOARD_CODEX", codex);
        }
    }
    let stand_in = StandIn::start();

    // A Codex home reaching the stand-in through the router, as `use` sets it up.
    let home = Home::new();
    sb(&home, &["add", "custom", "--id", "standin", "--base-url", &stand_in.base_url(), "--model", "m1", "--api", "responses", "--no-key"], None).ok();
    sb(&home, &["use", "standin"], None).ok();
    let codex_list = std::fs::metadata(cache.path().join("switchboard/codex-models.json")).map(|m| m.len() / 1024).ok();
    let config = home.config_text();
    let doc: toml::Table = config.parse().unwrap();
    assert_eq!(doc["model_provider"].as_str(), Some("switchboard"), "{config}");
    let base = doc["model_providers"]["switchboard"]["base_url"].as_str().unwrap().to_owned();
    let path = base.strip_prefix(&format!("http://127.0.0.1:{}", home.port)).expect("the router's URL").to_owned();

    // The auth command starts the router (timed), then finds it up (median of 21).
    let started = Instant::now();
    let token = auth_command(&home);
    let hook_cold = started.elapsed();
    let hook_warm = {
        let runs: Vec<f64> = (0..21)
            .map(|_| {
                let t = Instant::now();
                assert_eq!(auth_command(&home), token);
                ms(t.elapsed())
            })
            .collect();
        median(&runs)
    };

    let router = Target { port: home.port, path: format!("{path}/responses"), bearer: Some(token.clone()) };
    let direct = Target { port: stand_in.port, path: "/v1/responses".into(), bearer: None };

    // The router's pid, from its health endpoint.
    let pid = {
        let mut s = TcpStream::connect(("127.0.0.1", home.port)).unwrap();
        write!(s, "GET /_switchboard/health HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n", home.port).unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        let json = &answer[answer.find("\r\n\r\n").unwrap() + 4..];
        let json = json.trim_start_matches(|c: char| c.is_ascii_hexdigit() || c.is_whitespace());
        let v: serde_json::Value = serde_json::Deserializer::from_str(json).into_iter().next().unwrap().unwrap();
        v["pid"].as_u64().unwrap() as u32
    };
    assert_eq!(bridges(home.port), vec![pid], "one router, the one the health endpoint names");
    let at_start = (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid));

    // A few requests, then idle.
    let (small_d, small_r) = (small_request("m1"), small_request("switchboard/current"));
    let (codex_d, codex_r) = (codex_request("m1"), codex_request("switchboard/current"));
    {
        let mut c = Conn::open(home.port);
        for _ in 0..10 {
            warm(&mut c, &router, &small_r);
            warm(&mut c, &router, &codex_r);
        }
    }
    std::thread::sleep(Duration::from_secs(3));
    let idle = (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid));
    let idle_split = (status_kb(pid, "RssAnon"), status_kb(pid, "RssFile"), threads(pid));

    // The model list Codex asks the router for at each start: once, then 20 times more.
    let models = |n: usize| -> Vec<(Duration, usize)> { (0..n).map(|_| get(home.port, &format!("{path}/models"), &token)).collect() };
    let mut listed = models(1);
    std::thread::sleep(Duration::from_secs(3));
    let after_models = (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid));
    listed.extend(models(20));
    std::thread::sleep(Duration::from_secs(3));
    let after_models21 = (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid));
    let (models_ms, models_kb) = (median(&listed.iter().map(|r| ms(r.0)).collect::<Vec<_>>()), listed[0].1 / 1024);

    // 1. The time added to the first event, runs interleaved so drift hits each alike.
    let mut rows = [Row::new("small, keep-alive"), Row::new("small, fresh connection"), Row::new("Codex's 16 KB, keep-alive"), Row::new("Codex's 16 KB, fresh conn.")];
    let accepted_before = stand_in.accepted.load(Ordering::SeqCst);
    let (mut cd, mut cr) = (Conn::open(stand_in.port), Conn::open(home.port));
    for i in 0..WARMUP + RUNS {
        let got = [
            (warm(&mut cd, &direct, &small_d), warm(&mut cr, &router, &small_r)),
            (cold(&direct, &small_d), cold(&router, &small_r)),
            (warm(&mut cd, &direct, &codex_d), warm(&mut cr, &router, &codex_r)),
            (cold(&direct, &codex_d), cold(&router, &codex_r)),
        ];
        if i >= WARMUP {
            for (row, (d, r)) in rows.iter_mut().zip(got) {
                row.direct.push(us(d));
                row.router.push(us(r));
            }
        }
    }
    drop((cd, cr));
    // The stand-in's connections from the router: all but the direct ones (one kept alive, two fresh a round).
    let upstream_conns = stand_in.accepted.load(Ordering::SeqCst) - accepted_before - 1 - 2 * (WARMUP + RUNS);
    std::thread::sleep(Duration::from_secs(3));
    let after_runs = (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid));

    // 2. Memory with 50 streams open at once (each emits a delta every 100 ms for 8 s).
    let slow = format!(r#"{{"model":"switchboard/current","input":[{{"type":"message","role":"user","content":[{{"type":"input_text","text":"{SLOWLY}"}}]}}],"stream":true}}"#);
    let (open, done) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let clients: Vec<_> = (0..STREAMS)
        .map(|_| {
            let (t, body, open, done) = (router.clone(), slow.clone(), open.clone(), done.clone());
            std::thread::spawn(move || {
                let mut c = Conn::open(t.port);
                let (_, text) = c.post(&t, &body, Instant::now(), || {
                    open.fetch_add(1, Ordering::SeqCst);
                });
                done.fetch_add(1, Ordering::SeqCst);
                text.matches("event: response.output_text.delta").count()
            })
        })
        .collect();
    let waited = Instant::now();
    while open.load(Ordering::SeqCst) < STREAMS {
        assert!(waited.elapsed() < Duration::from_secs(30), "only {} streams opened", open.load(Ordering::SeqCst));
        std::thread::sleep(Duration::from_millis(5));
    }
    let all_open = waited.elapsed();
    let (mut peak_rss, mut peak_pss, mut samples, mut peak_split) = (0, 0, 0, (0, 0, 0));
    while done.load(Ordering::SeqCst) == 0 {
        let rss = status_kb(pid, "VmRSS");
        if rss > peak_rss {
            peak_split = (status_kb(pid, "RssAnon"), status_kb(pid, "RssFile"), threads(pid));
        }
        peak_rss = peak_rss.max(rss);
        peak_pss = peak_pss.max(pss_kb(pid));
        samples += 1;
        std::thread::sleep(Duration::from_millis(50));
    }
    let streams_hwm = status_kb(pid, "VmHWM");
    for c in clients {
        assert_eq!(c.join().unwrap(), SLOW_DELTAS + 1, "every stream came whole");
    }
    std::thread::sleep(Duration::from_secs(3));
    let after_streams = status_kb(pid, "VmRSS");

    let bare = bare_router(&stand_in);

    // 3. The real Codex, end to end: through the router, and directly (`route <id> direct`).
    let codex = codex_e2e(&stand_in);

    // 4. `switchboard use` alternations on the cli bench's 5,000-line config.
    let uses = use_bench();

    let load_after = loadavg();
    println!("router vs the same Responses stand-in directly, one run; load average before {load_before}, after {load_after}");
    println!(
        "auth command (switchboard token --router): starting the router {:.1} ms, router already up {:.1} ms (median of 21)",
        ms(hook_cold),
        hook_warm
    );
    println!("GET /models through the router (what Codex asks at its start): {models_kb} KB in {models_ms:.1} ms (median of 21)");
    println!("first event, {RUNS} requests each (after {WARMUP}), interleaved; median / p95:");
    for row in &rows {
        row.print();
    }
    println!("  the router opened {upstream_conns} connection(s) to the stand-in for its {} requests", 4 * (WARMUP + RUNS));
    match codex_list {
        Some(kb) => println!("memory of the router (pid {pid}, holding Codex's model list, {kb} KB of JSON), VmRSS / VmHWM / PSS:"),
        None => println!("memory of the router (pid {pid}, no Codex model list: no pinned Codex), VmRSS / VmHWM / PSS:"),
    }
    println!("  at start (the auth command only)   {:5.1} / {:5.1} / {:5.1} MB", mb(at_start.0), mb(at_start.1), mb(at_start.2));
    println!("  idle, after 20 requests            {:5.1} / {:5.1} / {:5.1} MB   (target < 15 MB)", mb(idle.0), mb(idle.1), mb(idle.2));
    println!("  idle, after one GET /models        {:5.1} / {:5.1} / {:5.1} MB", mb(after_models.0), mb(after_models.1), mb(after_models.2));
    println!("  idle, after 20 more GET /models    {:5.1} / {:5.1} / {:5.1} MB", mb(after_models21.0), mb(after_models21.1), mb(after_models21.2));
    println!("  idle, after {:>5} more requests    {:5.1} / {:5.1} / {:5.1} MB", (RUNS + WARMUP) * 4, mb(after_runs.0), mb(after_runs.1), mb(after_runs.2));
    println!(
        "  {STREAMS} streams open at once           peak VmRSS {:5.1} MB, VmHWM {:5.1} MB, peak PSS {:5.1} MB   (target < 40 MB; all open after {:.0} ms, {samples} samples)",
        mb(peak_rss),
        mb(streams_hwm),
        mb(peak_pss),
        ms(all_open)
    );
    println!("  idle again after the streams       VmRSS {:5.1} MB", mb(after_streams));
    println!(
        "  of VmRSS: idle {:.1} MB anonymous (heap, stacks) + {:.1} MB file-backed (the program's code), {} threads; {STREAMS} streams {:.1} + {:.1} MB, {} threads",
        mb(idle_split.0),
        mb(idle_split.1),
        idle_split.2,
        mb(peak_split.0),
        mb(peak_split.1),
        peak_split.2
    );
    println!("  another router, no Codex model list, idle after 20 requests  {:5.1} / {:5.1} / {:5.1} MB", mb(bare.0), mb(bare.1), mb(bare.2));
    match codex {
        Some((d, r, mem)) => {
            let diff: Vec<f64> = r.iter().zip(&d).map(|(r, d)| r - d).collect();
            println!(
                "codex exec \"Reply OK\", whole process, {CODEX_RUNS} runs each (interleaved), median (min): directly {:.0} ms ({:.0}) | through the router {:.0} ms ({:.0}) | medians {:+.0} ms, paired {:+.0} ms",
                median(&d),
                sorted(d.clone())[0],
                median(&r),
                sorted(r.clone())[0],
                median(&r) - median(&d),
                median(&diff)
            );
            println!(
                "  the router those {} Codex runs went through, idle after: VmRSS {:.1} MB, VmHWM {:.1} MB, PSS {:.1} MB   (target < 15 MB)",
                CODEX_RUNS + 1,
                mb(mem.0),
                mb(mem.1),
                mb(mem.2)
            );
        }
        None => println!("codex exec: skipped (no tests/node_modules/.bin/codex; `npm ci --prefix tests`)"),
    }
    let (lines, routed, direct_use, unchanged) = uses;
    println!("switchboard use <a> / use <b>, whole process, {lines}-line config, {USE_RUNS} runs (after 5); median / p90:");
    println!(
        "  through the router (config.toml {})  {:6.2} / {:6.2} ms",
        if unchanged { "unchanged" } else { "CHANGED" },
        median(&routed),
        pct(&routed, 90)
    );
    println!("  both reached directly (config.toml rewritten, as before the router), interleaved  {:6.2} / {:6.2} ms", median(&direct_use), pct(&direct_use, 90));
}

/// A router that holds no Codex model list (an empty cache folder, no Codex known):
/// its VmRSS / VmHWM / PSS in kB, idle after 20 requests.
fn bare_router(stand_in: &StandIn) -> (u64, u64, u64) {
    let empty = tempfile::tempdir().unwrap();
    let home = Home::new();
    let bare = |cmd: &mut Command| {
        cmd.env("XDG_CACHE_HOME", empty.path()).env_remove("SWITCHBOARD_CODEX").env("PATH", "/usr/bin:/bin");
    };
    for args in [&["add", "custom", "--id", "standin", "--base-url", &stand_in.base_url(), "--model", "m1", "--api", "responses", "--no-key"][..], &["use", "standin"]] {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(args);
        home.router_env(&mut cmd);
        bare(&mut cmd);
        run(cmd, None).ok();
    }
    assert!(!empty.path().join("switchboard/codex-models.json").exists(), "no Codex model list");
    let token = auth_command_with(&home, bare);
    let base = home.config_text().parse::<toml::Table>().unwrap()["model_providers"]["switchboard"]["base_url"].as_str().unwrap().to_owned();
    let path = base.strip_prefix(&format!("http://127.0.0.1:{}", home.port)).unwrap().to_owned();
    let t = Target { port: home.port, path: format!("{path}/responses"), bearer: Some(token) };
    let mut c = Conn::open(home.port);
    for _ in 0..10 {
        warm(&mut c, &t, &small_request("switchboard/current"));
        warm(&mut c, &t, &codex_request("switchboard/current"));
    }
    drop(c);
    std::thread::sleep(Duration::from_secs(3));
    let pid = bridges(home.port)[0];
    (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid))
}

/// `codex exec "Reply OK"` in a home through the router and in one reaching the same
/// stand-in directly, alternately (each first in turn): the whole process's times in ms.
fn codex_e2e(stand_in: &StandIn) -> Option<(Vec<f64>, Vec<f64>, (u64, u64, u64))> {
    if !repo_root().join("tests/node_modules/.bin/codex").exists() && std::env::var_os("CODEX_BIN").is_none() {
        return None;
    }
    let routed = Home::new();
    sb(&routed, &["add", "custom", "--id", "standin", "--base-url", &stand_in.base_url(), "--model", "m1", "--api", "responses", "--no-key"], None).ok();
    sb(&routed, &["use", "standin"], None).ok();
    let direct = Home::new();
    sb(&direct, &["add", "custom", "--id", "standin", "--base-url", &stand_in.base_url(), "--model", "m1", "--api", "responses", "--no-key"], None).ok();
    sb(&direct, &["route", "standin", "direct"], None).ok();
    sb(&direct, &["use", "standin"], None).ok();
    assert_eq!(routed.using().as_deref(), Some("standin"));
    assert!(direct.config_text().contains("model_provider = \"standin\""), "{}", direct.config_text());
    let once = |home: &Home| {
        let t = Instant::now();
        let out = codex_exec(home, &[], &[]);
        let took = ms(t.elapsed());
        out.ok();
        assert!(out.stdout.contains("OK"), "{}", out.all());
        took
    };
    let (mut d, mut r) = (vec![], vec![]);
    for i in 0..CODEX_RUNS + 1 {
        let (a, b) = if i % 2 == 0 { (once(&direct), once(&routed)) } else { let b = once(&routed); (once(&direct), b) };
        if i > 0 {
            d.push(a);
            r.push(b);
        }
    }
    // The router those Codex runs went through (each: the auth command, GET /models, a turn).
    std::thread::sleep(Duration::from_secs(3));
    let pid = bridges(routed.port)[0];
    Some((d, r, (status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM"), pss_kb(pid))))
}

/// As the `cli` bench: a 5,000-line config, `ollama` and `openrouter` (with a key in the
/// keychain) added, `use a` / `use b` alternately; in one home through the router, in
/// another with both reached directly, runs interleaved. Whether the routed home's
/// config.toml stayed byte for byte the same through its measured runs.
fn use_bench() -> (usize, Vec<f64>, Vec<f64>, bool) {
    let setup = |direct: bool| {
        let home = Home::new();
        home.write_config(big_config(5000).as_bytes());
        let (a, b) = (unique_id("bench-a"), unique_id("bench-b"));
        sb(&home, &["add", "ollama", "--id", &a], None).ok();
        sb(&home, &["add", "openrouter", "--id", &b, "--key-stdin"], Some("sk-bench-key")).ok();
        if direct {
            sb(&home, &["route", &a, "direct"], None).ok();
            sb(&home, &["route", &b, "direct"], None).ok();
        }
        (home, a, b)
    };
    let (routed, direct) = (setup(false), setup(true));
    let lines = routed.0.config_text().lines().count();
    let once = |(home, a, b): &(Home, String, String), i: usize| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(["use", if i % 2 == 0 { a } else { b }]);
        home.router_env(&mut cmd);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        let t = Instant::now();
        assert!(cmd.status().unwrap().success(), "use");
        ms(t.elapsed())
    };
    let (mut r, mut d, mut before) = (vec![], vec![], None);
    for i in 0..USE_RUNS + 5 {
        if i == 5 {
            before = Some(routed.0.read_config());
        }
        let (tr, td) = if i % 4 < 2 { (once(&routed, i), once(&direct, i)) } else { let td = once(&direct, i); (once(&routed, i), td) };
        if i >= 5 {
            r.push(tr);
            d.push(td);
        }
    }
    let unchanged = before == Some(routed.0.read_config());
    assert!(routed.0.config_text().contains("model_provider = \"switchboard\""), "through the router");
    assert!(direct.0.config_text().contains(&format!("model_provider = \"{}\"", direct.1)), "directly, ending on a (the last of 65)");
    for (home, _, b) in [&routed, &direct] {
        sb(home, &["remove", b, "--force"], None).ok();
    }
    (lines, r, d, unchanged)
}
