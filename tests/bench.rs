//! Whole-process timings on a realistic 5,000-line config, as medians:
//! `switchboard use` (parse, edit, backup, atomic write) and `switchboard token`
//! (read the key from the real Secret Service); `doctor` and `test` against slow
//! stand-ins; `sessions` over 10,000 saved Codex sessions. Run with `scripts/bench`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_e2e::*;

const RUNS: usize = 60;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(mut make: impl FnMut(usize) -> Command) -> (Duration, Duration) {
    let mut all = Vec::new();
    for i in 0..RUNS + 5 {
        let mut cmd = make(i);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        let start = Instant::now();
        let status = cmd.status().unwrap();
        let took = start.elapsed();
        assert!(status.success(), "{cmd:?} failed");
        if i >= 5 {
            all.push(took);
        }
    }
    let p90 = {
        let mut s = all.clone();
        s.sort();
        s[s.len() * 9 / 10]
    };
    (median(all), p90)
}

fn main() {
    let home = Home::new();
    let big = big_config(5000);
    home.write_config(big.as_bytes());
    let a = unique_id("bench-a");
    let b = unique_id("bench-b");
    home.sb(&["add", "ollama", "--id", &a], None).ok();
    home.sb(&["add", "openrouter", "--id", &b, "--key-stdin"], Some("sk-bench-key")).ok();
    let lines = home.config_text().lines().count();

    let sb = bin();
    let h = home.path().to_owned();
    let (use_med, use_p90) = time(|i| {
        let mut c = Command::new(&sb);
        c.arg("--codex-home").arg(&h).args(["use", if i % 2 == 0 { &a } else { &b }]);
        c
    });
    let (tok_med, tok_p90) = time(|_| {
        let mut c = Command::new(&sb);
        c.args(["token", &b]);
        c
    });
    home.sb(&["remove", &b, "--force"], None).ok();

    let (doctor_med, test_med) = probe_bench();
    let sessions = sessions_bench();

    println!("config: {lines} lines, {} KB; {RUNS} runs each, whole process", big.len() / 1024);
    println!("switchboard use    median {:6.2} ms   p90 {:6.2} ms   (target < 10 ms)", ms(use_med), ms(use_p90));
    println!("switchboard token  median {:6.2} ms   p90 {:6.2} ms   (target < 10 ms)", ms(tok_med), ms(tok_p90));
    println!("switchboard doctor, 10 providers answering after 200 ms: median {:6.1} ms   (target < 400 ms)", ms(doctor_med));
    println!(
        "switchboard test, one provider answering after 200 ms: median {:6.1} ms, our overhead {:5.1} ms   (target <= 20 ms)",
        ms(test_med),
        ms(test_med) - 200.0
    );
    for (what, med, p90, target) in sessions {
        println!("{what:<58} median {:6.1} ms   p90 {:6.1} ms   (target < {target} ms)", ms(med), ms(p90));
    }
}

/// 10,000 rollout files shaped like Codex 0.169's (a 21 KB first line: the
/// session_meta record carries the full instructions), over 200 days and three
/// providers, the rarest of which has only the 50 oldest sessions.
fn sessions_bench() -> Vec<(&'static str, Duration, Duration, u32)> {
    let home = Home::new();
    let instructions = "You are Codex. ".repeat(1440);
    for n in 0..10_000u32 {
        let day = n / 50;
        let dir = home.path().join(format!("sessions/2026/{:02}/{:02}", 1 + day / 28, 1 + day % 28));
        if n % 50 == 0 {
            std::fs::create_dir_all(&dir).unwrap();
        }
        let provider = if n < 50 { "rare" } else if n % 2 == 0 { "alpha" } else { "beta" };
        let id = format!("0199{n:04}-0000-7000-8000-{n:012}");
        let meta = format!(
            r#"{{"timestamp":"t","type":"session_meta","payload":{{"id":"{id}","timestamp":"2026-01-01T00:00:00Z","cwd":"/home/dev/src/p{n}","originator":"codex_cli_rs","cli_version":"0.169.0","source":"cli","model_provider":"{provider}","base_instructions":"{instructions}"}}}}"#
        );
        let user = format!(r#"{{"type":"response_item","payload":{{"type":"message","role":"user","content":[{{"type":"input_text","text":"Task number {n}"}}]}}}}"#);
        let name = format!("rollout-2026-01-01T{:02}-{:02}-{:02}-{id}.jsonl", n / 3600 % 24, n / 60 % 60, n % 60);
        std::fs::write(dir.join(name), format!("{meta}\n{user}\n")).unwrap();
    }
    home.write_config(b"model_provider = \"alpha\"\n[model_providers.alpha]\nname = \"A\"\nbase_url = \"http://127.0.0.1:9/v1\"\n[model_providers.rare]\nname = \"R\"\nbase_url = \"http://127.0.0.1:9/v1\"\n");
    let sb = bin();
    let h = home.path().to_owned();
    let run = |args: &'static [&'static str]| {
        time(|_| {
            let mut c = Command::new(&sb);
            c.arg("--codex-home").arg(&h).args(args);
            c
        })
    };
    let (newest, newest90) = run(&["sessions", "--json", "--limit", "50"]);
    let (rare, rare90) = run(&["sessions", "--provider", "rare", "--json", "--limit", "50"]);
    let (list, list90) = run(&["list", "--json"]);
    vec![
        ("sessions --json --limit 50 (10,000 on disk)", newest, newest90, 300),
        ("sessions --provider rare --json (its 50 are the oldest)", rare, rare90, 300),
        ("list --json (counts all 10,000 per provider)", list, list90, 300),
    ]
}

/// `doctor` over 10 stand-ins that each answer after 200 ms, and `test` of one.
fn probe_bench() -> (Duration, Duration) {
    let home = Home::new();
    let delay = Duration::from_millis(200);
    let servers: Vec<ResponsesServer> =
        (0..10).map(|_| ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, delay)).collect();
    let mut ids = Vec::new();
    for s in &servers {
        let id = unique_id("bench-probe");
        home.sb(&["add", "custom", "--id", &id, "--base-url", &s.base_url(), "--model", "m1", "--no-key"], None).ok();
        ids.push(id);
    }
    let sb = bin();
    let h = home.path().to_owned();
    let runs = 15;
    let mut doctor = Vec::new();
    let mut test = Vec::new();
    for i in 0..runs + 2 {
        let start = Instant::now();
        let st = Command::new(&sb).arg("--codex-home").arg(&h).arg("doctor").stdout(Stdio::null()).status().unwrap();
        assert!(st.success());
        if i >= 2 {
            doctor.push(start.elapsed());
        }
        let start = Instant::now();
        let st = Command::new(&sb).arg("--codex-home").arg(&h).args(["test", &ids[0]]).stdout(Stdio::null()).status().unwrap();
        assert!(st.success());
        if i >= 2 {
            test.push(start.elapsed());
        }
    }
    (median(doctor), median(test))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
