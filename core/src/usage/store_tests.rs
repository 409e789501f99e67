use super::*;

pub(crate) fn record(at_ms: u64, provider: &str, model: &str, n: u64) -> Record {
    Record {
        at_ms,
        session: Some("019a-session".into()),
        asked: format!("{provider}/{model}"),
        provider: provider.into(),
        model: model.into(),
        status: 200,
        completed: true,
        tokens: Tokens { input_tokens: 100 * n, cached_input_tokens: 10 * n, output_tokens: 7 * n, reasoning_output_tokens: 3 * n, total_tokens: 107 * n },
        first_token_ms: Some(120 + n),
        total_ms: 900 + n,
        failovers: Vec::new(),
    }
}

#[test]
fn records_come_back_as_they_went_in() {
    let dir = tempfile::tempdir().unwrap();
    assert!(Store::open_existing(dir.path()).unwrap().is_none(), "reading makes no store");
    assert!(!path(dir.path()).exists());
    let now = now_ms();
    let mut s = Store::open(dir.path()).unwrap();
    let mut moved = record(now, "openrouter", "moonshotai/kimi-k2.6", 2);
    moved.failovers = vec![
        Failover { from_provider: "kimi".into(), from_model: "kimi-k2.6".into(), reason: "rate_limited".into(), status: Some(429) },
        Failover { from_provider: "glm".into(), from_model: "glm-5".into(), reason: "connect".into(), status: None },
    ];
    let mut refused = record(now + 1, "kimi", "kimi-k2.6", 0);
    (refused.status, refused.completed, refused.first_token_ms, refused.session) = (503, false, None, None);
    let all = vec![record(now - 1, "kimi", "kimi-k2.6", 1), moved.clone(), refused.clone()];
    s.insert(&all).unwrap();
    assert_eq!(s.len().unwrap(), 3);
    let mut back = s.last(10, false).unwrap();
    back.reverse();
    assert_eq!(back, all);
    assert_eq!(s.last(10, true).unwrap(), vec![moved], "the failovers, for the window's notification");
    assert_eq!(s.integrity().unwrap(), "ok");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in [FILE.to_owned(), format!("{FILE}-wal"), format!("{FILE}-shm")] {
            let mode = std::fs::metadata(dir.path().join(&f)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{f}");
        }
    }
    // Another connection (the CLI) reads what the writer committed.
    let reader = Store::open_existing(dir.path()).unwrap().unwrap();
    assert_eq!(reader.len().unwrap(), 3);
}

#[test]
fn buckets_sum_each_quarter_hour_of_each_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let q = now_ms() / BUCKET_MS * BUCKET_MS - 10 * BUCKET_MS;
    let mut moved = record(q + 5, "b", "m2", 1);
    moved.failovers = vec![Failover { from_provider: "a".into(), from_model: "m1".into(), reason: "status_5xx".into(), status: Some(500) }];
    s.insert(&[record(q, "a", "m1", 1), record(q + BUCKET_MS - 1, "a", "m1", 2), moved, record(q + BUCKET_MS, "a", "m1", 4), record(q - 1, "a", "m1", 8)]).unwrap();
    let got = s.buckets(q, None).unwrap();
    let seen: Vec<(u64, &str, &str, u64, u64, u64)> = got.iter().map(|b| (b.start_ms - q, b.provider.as_str(), b.model.as_str(), b.requests, b.failovers, b.tokens.total_tokens)).collect();
    assert_eq!(seen, [(0, "a", "m1", 2, 0, 321), (0, "b", "m2", 1, 1, 107), (BUCKET_MS, "a", "m1", 1, 0, 428)]);
    assert_eq!(got[0].tokens, Tokens { input_tokens: 300, cached_input_tokens: 30, output_tokens: 21, reasoning_output_tokens: 9, total_tokens: 321 });
    assert_eq!(s.buckets(q, Some("b")).unwrap().len(), 1);
    assert_eq!(s.buckets(0, None).unwrap().len(), 4, "since the start: the row before q too");
}

#[test]
fn the_store_keeps_no_more_than_its_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let now = now_ms();
    let mut s = Store::open_with(dir.path(), Bounds { max_age_days: 400, max_rows: 50 }).unwrap();
    let day = 86_400_000;
    let rows: Vec<Record> = (0..80).map(|i| record(now - 30 * day + i, "a", "m", i)).collect();
    s.insert(&rows).unwrap();
    s.insert(&[record(now - 401 * day, "a", "old", 1), record(now - 399 * day, "a", "kept", 1)]).unwrap();
    assert_eq!(s.prune(now).unwrap(), 32, "one too old, and the 31 oldest past 50 rows");
    assert_eq!(s.len().unwrap(), 50);
    let left = s.last(100, false).unwrap();
    assert!(left.iter().all(|r| r.model != "old"));
    assert!(left.iter().any(|r| r.model == "kept"), "within 400 days and among the newest 50 written");
    assert_eq!(left.iter().filter(|r| r.model == "m").map(|r| r.tokens.total_tokens / 107).min(), Some(31), "the oldest written went first");
}

#[test]
fn names_are_clipped_and_counts_kept_in_range() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let mut r = record(now_ms(), &"é".repeat(300), "m\u{1b}[31m", 1);
    r.tokens.input_tokens = u64::MAX;
    r.failovers = (0..40).map(|i| Failover { from_provider: format!("p{i}"), from_model: "x".repeat(1000), reason: "timeout".into(), status: None }).collect();
    s.insert(&[r]).unwrap();
    let back = &s.last(1, false).unwrap()[0];
    assert_eq!(back.provider, "é".repeat(128));
    assert_eq!(back.model, "m[31m", "no control character reaches a terminal");
    assert_eq!(back.tokens.input_tokens, 1 << 40);
    assert_eq!(back.failovers.len(), 16);
    assert_eq!(back.failovers[0].from_model.len(), 256);
}

#[test]
fn a_store_from_a_newer_switchboard_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    {
        let c = Connection::open(path(dir.path())).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    assert!(matches!(Store::open(dir.path()), Err(Error::Io { action: "io-write", .. })));
    std::fs::remove_file(path(dir.path())).unwrap();
    std::fs::create_dir(path(dir.path())).unwrap();
    assert!(matches!(Store::open(dir.path()), Err(Error::NotAFile { kind: "kind-folder", .. })));
    assert!(matches!(Store::open_existing(dir.path()), Err(Error::NotAFile { .. })));
}

#[test]
fn the_count_of_requests_not_handed_over_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    assert_eq!(s.not_counted().unwrap(), 0);
    s.add_not_counted(3).unwrap();
    s.add_not_counted(4).unwrap();
    assert_eq!(s.not_counted().unwrap(), 7);
}
