//! The usage store: one SQLite file per Codex home (`switchboard-usage.sqlite`, mode
//! 0600, WAL), one row per routed request (`Record`; its failovers as a JSON column).
//! No prompt, answer or key: the record has none, and its names are clipped.
//!
//! Crash-safe: rows are written in transactions, so a process killed at any point
//! leaves every committed row and nothing half-written (`synchronous = NORMAL` in WAL
//! mode: a power cut may lose the last commits, never the file). Bounded: rows older
//! than `Bounds::max_age_days` (400) and, past `Bounds::max_rows` (200,000), the oldest
//! are deleted. The schema is versioned (`PRAGMA user_version`); a store made by a
//! newer Switchboard is left alone.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use super::clock::{BUCKET_MS, now_ms};
use super::record::{Failover, Record, Tokens};
use super::report::Bucket;
use crate::error::{Error, Result};

/// The file's name in the Codex home.
pub const FILE: &str = "switchboard-usage.sqlite";
/// The schema this build writes.
pub const SCHEMA: i64 = 1;
/// The longest name kept (provider, model, what Codex asked for, session id).
const MAX_NAME: usize = 256;
/// The most failovers kept of one request.
const MAX_FAILOVERS: usize = 16;
/// Prune after this many rows written.
const PRUNE_EVERY: u64 = 1_000;

/// How much the store keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub max_age_days: u64,
    pub max_rows: u64,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds { max_age_days: 400, max_rows: 200_000 }
    }
}

pub fn path(home: &Path) -> PathBuf {
    home.join(FILE)
}

/// One home's store, open.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    bounds: Bounds,
    written: u64,
}

const CREATE: &str = "
CREATE TABLE request (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    session TEXT,
    asked TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    status INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    input_tokens INTEGER NOT NULL,
    cached_input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    reasoning_output_tokens INTEGER NOT NULL,
    total_tokens INTEGER NOT NULL,
    first_token_ms INTEGER,
    total_ms INTEGER NOT NULL,
    failovers TEXT
);
CREATE INDEX request_at ON request(at_ms);
CREATE INDEX request_provider_at ON request(provider, at_ms);
CREATE INDEX request_failed_over ON request(at_ms) WHERE failovers IS NOT NULL;
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
";

fn sql<'a>(action: &'static str, path: &'a Path) -> impl Fn(rusqlite::Error) -> Error + 'a {
    move |e| Error::Io { action, path: path.to_owned(), source: std::io::Error::other(e.to_string()) }
}

/// A name as the store keeps it: at most `MAX_NAME` bytes, no control characters.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).collect();
    if out.len() > MAX_NAME {
        let mut end = MAX_NAME;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

/// A count as SQLite's integers hold it (and a sum of 200,000 of them still fits).
fn count(n: u64) -> i64 {
    n.min(1 << 40) as i64
}

/// A time (milliseconds) as SQLite's integers hold it.
fn int(n: u64) -> i64 {
    n.min(i64::MAX as u64) as i64
}

impl Store {
    /// Opens (creating it, 0600) the store of `home`.
    pub fn open(home: &Path) -> Result<Store> {
        Self::open_with(home, Bounds::default())
    }

    pub fn open_with(home: &Path, bounds: Bounds) -> Result<Store> {
        let p = path(home);
        match std::fs::metadata(&p) {
            Ok(m) if !m.is_file() => return Err(Error::NotAFile { path: p, kind: if m.is_dir() { "kind-folder" } else { "kind-special" } }),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_private(&p)?,
            Err(e) => return Err(Error::io("io-open", &p)(e)),
        }
        let mut store = Self::connect(p, bounds)?;
        store.prune(now_ms())?;
        Ok(store)
    }

    /// Opens the store of `home` to read it; `None` when there is none yet.
    pub fn open_existing(home: &Path) -> Result<Option<Store>> {
        let p = path(home);
        match std::fs::metadata(&p) {
            Ok(m) if m.is_file() => Self::connect(p, Bounds::default()).map(Some),
            Ok(m) => Err(Error::NotAFile { path: p, kind: if m.is_dir() { "kind-folder" } else { "kind-special" } }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("io-open", &p)(e)),
        }
    }

    fn connect(p: PathBuf, bounds: Bounds) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&p, flags).map_err(sql("io-open", &p))?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sql("io-open", &p))?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql("io-open", &p))?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql("io-open", &p))?;
        let mut store = Store { conn, path: p, bounds, written: 0 };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let p = self.path.clone();
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql("io-read", &p))?;
        match version {
            SCHEMA => Ok(()),
            0 => {
                let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql("io-write", &p))?;
                // Another process may have made it while this one waited for the lock.
                let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql("io-read", &p))?;
                if now == 0 {
                    tx.execute_batch(CREATE).map_err(sql("io-write", &p))?;
                    tx.pragma_update(None, "user_version", SCHEMA).map_err(sql("io-write", &p))?;
                }
                tx.commit().map_err(sql("io-write", &p))
            }
            newer => Err(Error::Io { action: "io-write", path: p, source: std::io::Error::other(format!("schema {newer} is newer than this build's {SCHEMA}")) }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `records` in one transaction: all of them, or (on an error) none.
    pub fn insert(&mut self, records: &[Record]) -> Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let p = self.path.clone();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql("io-write", &p))?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO request (at_ms, session, asked, provider, model, status, completed, input_tokens, cached_input_tokens,
                     output_tokens, reasoning_output_tokens, total_tokens, first_token_ms, total_ms, failovers)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                )
                .map_err(sql("io-write", &p))?;
            for r in records {
                let t = &r.tokens;
                let failovers = (!r.failovers.is_empty()).then(|| {
                    let kept: Vec<Failover> = r
                        .failovers
                        .iter()
                        .take(MAX_FAILOVERS)
                        .map(|f| Failover { from_provider: clip(&f.from_provider), from_model: clip(&f.from_model), reason: clip(&f.reason), status: f.status })
                        .collect();
                    serde_json::to_string(&kept).expect("failovers serialise")
                });
                st.execute(params![
                    int(r.at_ms),
                    r.session.as_deref().map(clip),
                    clip(&r.asked),
                    clip(&r.provider),
                    clip(&r.model),
                    r.status,
                    r.completed,
                    count(t.input_tokens),
                    count(t.cached_input_tokens),
                    count(t.output_tokens),
                    count(t.reasoning_output_tokens),
                    count(t.total_tokens),
                    r.first_token_ms.map(int),
                    int(r.total_ms),
                    failovers,
                ])
                .map_err(sql("io-write", &p))?;
            }
        }
        tx.commit().map_err(sql("io-write", &p))?;
        self.written += records.len() as u64;
        if self.written >= PRUNE_EVERY {
            self.written = 0;
            self.prune(now_ms())?;
        }
        Ok(())
    }

    /// Deletes what is past the bounds at `now_ms`; returns how many rows went.
    pub fn prune(&mut self, now_ms: u64) -> Result<u64> {
        let p = self.path.clone();
        let cutoff = now_ms.saturating_sub(self.bounds.max_age_days * 86_400_000);
        let old = self.conn.execute("DELETE FROM request WHERE at_ms < ?1", params![int(cutoff)]).map_err(sql("io-write", &p))?;
        let over = self
            .conn
            .execute(
                "DELETE FROM request WHERE id <= (SELECT id FROM request ORDER BY id DESC LIMIT 1 OFFSET ?1)",
                params![self.bounds.max_rows.min(i64::MAX as u64) as i64],
            )
            .map_err(sql("io-write", &p))?;
        Ok((old + over) as u64)
    }

    /// The rows, oldest first, as `Bucket`s of a quarter hour per provider and model,
    /// from `since_ms` on (and of one provider, when given).
    pub fn buckets(&self, since_ms: u64, provider: Option<&str>) -> Result<Vec<Bucket>> {
        let p = &self.path;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT at_ms / ?1 * ?1 AS start, provider, model, COUNT(*), COUNT(failovers), SUM(input_tokens), SUM(cached_input_tokens),
                 SUM(output_tokens), SUM(reasoning_output_tokens), SUM(total_tokens)
                 FROM request WHERE at_ms >= ?2 AND (?3 IS NULL OR provider = ?3) GROUP BY start, provider, model ORDER BY start, provider, model",
            )
            .map_err(sql("io-read", p))?;
        let rows = st
            .query_map(params![BUCKET_MS as i64, int(since_ms), provider], |r| {
                let n = |i: usize| r.get::<_, i64>(i).map(|v| v.max(0) as u64);
                Ok(Bucket {
                    start_ms: n(0)?,
                    provider: r.get(1)?,
                    model: r.get(2)?,
                    requests: n(3)?,
                    failovers: n(4)?,
                    tokens: Tokens { input_tokens: n(5)?, cached_input_tokens: n(6)?, output_tokens: n(7)?, reasoning_output_tokens: n(8)?, total_tokens: n(9)? },
                })
            })
            .map_err(sql("io-read", p))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql("io-read", p))
    }

    /// The last `limit` requests, newest first (only those that failed over, when `failed_over`).
    pub fn last(&self, limit: usize, failed_over: bool) -> Result<Vec<Record>> {
        let p = &self.path;
        let q = format!(
            "SELECT at_ms, session, asked, provider, model, status, completed, input_tokens, cached_input_tokens, output_tokens,
             reasoning_output_tokens, total_tokens, first_token_ms, total_ms, failovers FROM request {} ORDER BY at_ms DESC, id DESC LIMIT ?1",
            if failed_over { "WHERE failovers IS NOT NULL" } else { "" }
        );
        let mut st = self.conn.prepare(&q).map_err(sql("io-read", p))?;
        let rows = st
            .query_map(params![limit.min(100_000) as i64], |r| {
                let n = |i: usize| r.get::<_, i64>(i).map(|v| v.max(0) as u64);
                let failovers: Option<String> = r.get(14)?;
                Ok(Record {
                    at_ms: n(0)?,
                    session: r.get(1)?,
                    asked: r.get(2)?,
                    provider: r.get(3)?,
                    model: r.get(4)?,
                    status: r.get(5)?,
                    completed: r.get(6)?,
                    tokens: Tokens { input_tokens: n(7)?, cached_input_tokens: n(8)?, output_tokens: n(9)?, reasoning_output_tokens: n(10)?, total_tokens: n(11)? },
                    first_token_ms: r.get::<_, Option<i64>>(12)?.map(|v| v.max(0) as u64),
                    total_ms: n(13)?,
                    failovers: failovers.and_then(|f| serde_json::from_str(&f).ok()).unwrap_or_default(),
                })
            })
            .map_err(sql("io-read", p))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql("io-read", p))
    }

    /// How many rows the store holds.
    pub fn len(&self) -> Result<u64> {
        self.conn.query_row("SELECT COUNT(*) FROM request", [], |r| r.get::<_, i64>(0)).map(|n| n as u64).map_err(sql("io-read", &self.path))
    }

    pub fn is_empty(&self) -> Result<bool> {
        self.len().map(|n| n == 0)
    }

    /// Requests the router finished but could not hand over (its queue was full).
    pub fn not_counted(&self) -> Result<u64> {
        let v = self.conn.query_row("SELECT value FROM meta WHERE key = 'not_counted'", [], |r| r.get::<_, i64>(0));
        match v {
            Ok(n) => Ok(n.max(0) as u64),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(0),
            Err(e) => Err(sql("io-read", &self.path)(e)),
        }
    }

    pub fn add_not_counted(&mut self, n: u64) -> Result<()> {
        self.conn
            .execute("INSERT INTO meta (key, value) VALUES ('not_counted', ?1) ON CONFLICT(key) DO UPDATE SET value = value + ?1", params![count(n)])
            .map(|_| ())
            .map_err(sql("io-write", &self.path))
    }

    /// SQLite's own check of the file: `ok`, or what is wrong.
    pub fn integrity(&self) -> Result<String> {
        self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(sql("io-read", &self.path))
    }
}

/// Creates an empty file readable by its owner only (SQLite gives its WAL and shared
/// memory files the same mode).
fn create_private(p: &Path) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(p) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io("io-create", p)(e)),
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
pub(crate) mod tests;
