use std::time::{Duration, Instant};

use super::*;
use crate::usage::clock::now_ms;
use crate::usage::record::Tokens;

fn record(n: u64) -> Record {
    Record {
        at_ms: now_ms(),
        session: None,
        asked: "switchboard/current".into(),
        provider: "kimi".into(),
        model: "kimi-k2.6".into(),
        status: 200,
        completed: true,
        tokens: Tokens { input_tokens: n, cached_input_tokens: 0, output_tokens: 1, reasoning_output_tokens: 0, total_tokens: n + 1 },
        first_token_ms: Some(5),
        total_ms: 10,
        failovers: Vec::new(),
    }
}

fn home_str(dir: &tempfile::TempDir) -> String {
    dir.path().to_str().unwrap().to_owned()
}

#[test]
fn fifty_threads_recording_at_once_are_counted_exactly() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let sink = Sink::default();
    let threads: Vec<_> = (0..50u64)
        .map(|t| {
            let (sink, home) = (sink.clone(), if t % 2 == 0 { home_str(&a) } else { home_str(&b) });
            std::thread::spawn(move || {
                for i in 0..40 {
                    sink.record(&home, record(t * 1000 + i));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert!(sink.flush(Duration::from_secs(30)));
    assert_eq!(sink.stats(), Stats { written: 2000, dropped: 0, failed: 0 });
    for (dir, parity) in [(&a, 0), (&b, 1)] {
        let s = Store::open_existing(dir.path()).unwrap().unwrap();
        assert_eq!(s.len().unwrap(), 1000);
        let input: u64 = s.buckets(0, None).unwrap().iter().map(|b| b.tokens.input_tokens).sum();
        let want: u64 = (0..50u64).filter(|t| t % 2 == parity).flat_map(|t| (0..40).map(move |i| t * 1000 + i)).sum();
        assert_eq!(input, want, "every record's tokens, once");
    }
    assert!(sink.close(Duration::from_secs(10)));
    sink.record(&home_str(&a), record(1));
    assert_eq!(sink.stats().dropped, 1, "after close, a record is dropped and counted");
}

#[test]
fn a_full_queue_drops_without_waiting_and_the_store_learns_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let home = home_str(&dir);
    drop(Store::open(dir.path()).unwrap());
    // Another process holds the store's write lock: the writer waits on its first batch.
    let holder = rusqlite::Connection::open(crate::usage::store::path(dir.path())).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let sink = Sink::with(Bounds::default(), 4);
    sink.record(&home, record(1));
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    for i in 2..=10 {
        sink.record(&home, record(i));
    }
    assert!(started.elapsed() < Duration::from_secs(1), "record never waits for the disk");
    assert_eq!(sink.stats().dropped, 5, "four queued behind the one being written, five dropped");
    holder.execute_batch("COMMIT").unwrap();
    assert!(sink.flush(Duration::from_secs(30)));
    sink.record(&home, record(11));
    assert!(sink.flush(Duration::from_secs(30)));
    assert_eq!(sink.stats(), Stats { written: 6, dropped: 5, failed: 0 });
    let s = Store::open_existing(dir.path()).unwrap().unwrap();
    assert_eq!((s.len().unwrap(), s.not_counted().unwrap()), (6, 5));
}

#[test]
fn a_home_that_cannot_hold_a_store_fails_its_records_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::default();
    sink.record("/nonexistent/switchboard/home", record(1));
    sink.record("", record(2));
    sink.record(&home_str(&dir), record(3));
    assert!(sink.flush(Duration::from_secs(30)));
    assert_eq!(sink.stats(), Stats { written: 1, dropped: 1, failed: 1 });
    assert!(Sink::default().flush(Duration::from_millis(1)), "a sink never used has nothing to flush");
}
