//! The usage store with real processes: one killed with SIGKILL at random points while
//! it writes leaves a store that opens, passes SQLite's integrity check and holds every
//! row it had committed, intact and once; fifty processes writing one home's store at
//! once, each through its own `Sink`, are counted exactly.
//!
//! The writers are this test binary run again (`USAGE_CHILD`), so they are real
//! processes with their own SQLite connections.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use switchboard_core::usage::store::Store;
use switchboard_core::usage::{Failover, Record, Sink, Tokens};

/// The `i`th record a writer makes: every field follows from `i` (and the run's start,
/// `USAGE_BASE`), so a row read back can be checked whole.
fn nth(i: u64) -> Record {
    static BASE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let base = *BASE.get_or_init(|| std::env::var("USAGE_BASE").ok().and_then(|b| b.parse().ok()).unwrap_or_else(switchboard_core::usage::clock::now_ms));
    Record {
        at_ms: base + i,
        session: (i % 3 != 0).then(|| format!("session-{}", i / 7)),
        asked: if i % 2 == 0 { "switchboard/current".into() } else { format!("p{}/m{}", i % 5, i % 4) },
        provider: format!("p{}", i % 5),
        model: format!("m{}", i % 4),
        status: if i % 11 == 0 { 503 } else { 200 },
        completed: i % 11 != 0,
        tokens: Tokens { input_tokens: 1000 + i, cached_input_tokens: i % 1000, output_tokens: 10 + i % 97, reasoning_output_tokens: i % 13, total_tokens: 1010 + i + i % 97 },
        first_token_ms: (i % 11 != 0).then_some(100 + i % 50),
        total_ms: 500 + i % 300,
        failovers: if i % 17 == 0 { vec![Failover { from_provider: "p9".into(), from_model: format!("m{i}"), reason: "rate_limited".into(), status: Some(429) }] } else { Vec::new() },
    }
}

fn child(test: &str, envs: &[(&str, String)]) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads", "1"]).env("USAGE_BASE", nth(0).at_ms.to_string());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

/// The writer killed in `the_store_survives_kill_9_at_any_point`: writes batches of 1 to
/// 40 records from where the store ends, printing `committed <rows>` after each commit.
#[test]
fn writer_child() {
    let Ok(home) = std::env::var("USAGE_CHILD_HOME") else { return };
    let mut store = Store::open(Path::new(&home)).unwrap();
    let mut next = store.len().unwrap();
    let mut batch = 1;
    loop {
        let records: Vec<Record> = (next..next + batch).map(nth).collect();
        store.insert(&records).unwrap();
        next += batch;
        println!("committed {next}");
        batch = batch % 40 + 1;
    }
}

#[test]
fn the_store_survives_kill_9_at_any_point() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_string_lossy().into_owned();
    // A different point in the writing each round: 1 to 250 ms after the start.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15 ^ std::process::id() as u64;
    let mut rounds = Vec::new();
    for round in 0..25 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let after = Duration::from_millis(1 + seed % 250);
        let mut c = child("writer_child", &[("USAGE_CHILD_HOME", home.clone())]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let out = c.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = 0u64;
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("committed ").and_then(|n| n.parse().ok()) {
                    last = n;
                }
            }
            last
        });
        std::thread::sleep(after);
        // SIGKILL: no destructor, no rollback, no checkpoint.
        c.kill().unwrap();
        c.wait().unwrap();
        // Killed before its first announcement: it had at least what the last round left.
        let said = reader.join().unwrap().max(rounds.last().map_or(0, |r: &(u128, u64, u64)| r.2));
        let store = Store::open_existing(dir.path()).unwrap().expect("the store is there");
        assert_eq!(store.integrity().unwrap(), "ok", "round {round}");
        let rows = store.len().unwrap();
        // Every commit it announced is there; at most the batch it was killed after announcing more.
        assert!(rows >= said && rows <= said + 40, "round {round}: {rows} rows, {said} announced");
        // The newest rows whole (up to the most `last` gives), and every row's tokens in the sums.
        let mut back = store.last(rows as usize, false).unwrap();
        back.reverse();
        let want: Vec<Record> = (rows - back.len() as u64..rows).map(nth).collect();
        assert!(back == want, "round {round}: a row differs from what was written");
        let (mut got, mut all) = (Tokens::default(), Tokens::default());
        store.buckets(0, None).unwrap().iter().for_each(|b| got.add(&b.tokens));
        (0..rows).for_each(|i| all.add(&nth(i).tokens));
        assert_eq!(got, all, "round {round}: every row's tokens, once");
        rounds.push((after.as_millis(), said, rows));
    }
    eprintln!("kill -9 rounds (ms after start, rows announced, rows found): {rounds:?}");
    let total = rounds.last().unwrap().2;
    assert!(total > 100, "the writers wrote too little to test anything: {total}");
}

/// One of fifty writers in `fifty_processes_writing_at_once_are_counted_exactly`: 40
/// records through its own Sink, then a flush.
#[test]
fn sink_child() {
    let (Ok(home), Ok(n)) = (std::env::var("USAGE_CHILD_HOME"), std::env::var("USAGE_CHILD_N")) else { return };
    let n: u64 = n.parse().unwrap();
    let sink = Sink::default();
    for i in 0..40 {
        sink.record(&home, nth(n * 1000 + i));
    }
    assert!(sink.flush(Duration::from_secs(60)), "flushed");
    let stats = sink.stats();
    assert_eq!((stats.written, stats.dropped, stats.failed), (40, 0, 0), "{stats:?}");
}

#[test]
fn fifty_processes_writing_at_once_are_counted_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_string_lossy().into_owned();
    let started = Instant::now();
    let children: Vec<_> = (0..50u64)
        .map(|n| child("sink_child", &[("USAGE_CHILD_HOME", home.clone()), ("USAGE_CHILD_N", n.to_string())]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap())
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "a writer failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let store = Store::open_existing(dir.path()).unwrap().unwrap();
    assert_eq!(store.len().unwrap(), 2000);
    let mut got = Tokens::default();
    for b in store.buckets(0, None).unwrap() {
        got.add(&b.tokens);
    }
    let mut want = Tokens::default();
    for n in 0..50u64 {
        for i in 0..40 {
            want.add(&nth(n * 1000 + i).tokens);
        }
    }
    assert_eq!(got, want, "every token of every record, once");
    assert_eq!(store.integrity().unwrap(), "ok");
    eprintln!("50 processes × 40 records: {:?}", started.elapsed());
}
