//! Where the router hands each finished request: a bounded queue, written to the
//! home's store by one thread, so a slow disk never holds a response. (The store
//! itself is `super::store`.)
//!
//! `record` never blocks and never fails: a full queue drops the record and counts
//! the drop (`Stats::dropped`; the count reaches the home's store with the next
//! record that gets through, and `switchboard usage` says it). The writer opens each
//! home's store when its first record comes, and writes what has queued up in one
//! transaction per home.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::record::Record;
use super::store::{Bounds, Store};

/// Records waiting to be written, at most.
pub const QUEUE: usize = 4096;
/// Records written in one transaction, at most.
const BATCH: usize = 512;
/// Stores kept open, at most (one per Codex home).
const OPEN_STORES: usize = 64;
/// A home whose store could not be opened is not tried again for this long.
const RETRY_AFTER: Duration = Duration::from_secs(30);

enum Msg {
    Record { home: PathBuf, record: Box<Record>, dropped_before: u64 },
    Flush(SyncSender<()>),
    Close(SyncSender<()>),
}

/// What the sink did so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Records written to a store.
    pub written: u64,
    /// Records dropped: the queue was full, or the sink closed.
    pub dropped: u64,
    /// Records lost to a store that could not be opened or written.
    pub failed: u64,
}

struct Inner {
    tx: OnceLock<SyncSender<Msg>>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    closed: AtomicBool,
    bounds: Bounds,
    capacity: usize,
    written: AtomicU64,
    dropped: AtomicU64,
    failed: AtomicU64,
    /// Drops not yet told to a store.
    untold: AtomicU64,
}

/// The router's side of the usage store. Cheap to clone (one `Arc`); its writer
/// thread starts with the first record.
#[derive(Clone)]
pub struct Sink {
    inner: Arc<Inner>,
}

impl Default for Sink {
    fn default() -> Self {
        Sink::with(Bounds::default(), QUEUE)
    }
}

impl Sink {
    /// A sink whose stores keep `bounds`, with a queue of `capacity` records.
    pub fn with(bounds: Bounds, capacity: usize) -> Sink {
        Sink {
            inner: Arc::new(Inner {
                tx: OnceLock::new(),
                thread: Mutex::new(None),
                closed: AtomicBool::new(false),
                bounds,
                capacity: capacity.max(1),
                written: AtomicU64::new(0),
                dropped: AtomicU64::new(0),
                failed: AtomicU64::new(0),
                untold: AtomicU64::new(0),
            }),
        }
    }

    /// Records `r` for the Codex home at `home` (its folder), off the caller's path.
    /// Never blocks and never fails the request: a full queue drops the record and
    /// counts the drop.
    pub fn record(&self, home: &str, r: Record) {
        let inner = &self.inner;
        if inner.closed.load(Ordering::Acquire) || home.is_empty() {
            inner.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let dropped_before = inner.untold.swap(0, Ordering::AcqRel);
        let msg = Msg::Record { home: PathBuf::from(home), record: Box::new(r), dropped_before };
        if let Err(e) = self.sender().try_send(msg) {
            let lost = match e {
                TrySendError::Full(Msg::Record { dropped_before, .. }) | TrySendError::Disconnected(Msg::Record { dropped_before, .. }) => dropped_before,
                _ => 0,
            };
            inner.dropped.fetch_add(1, Ordering::Relaxed);
            inner.untold.fetch_add(lost + 1, Ordering::AcqRel);
        }
    }

    /// Waits (up to `limit`) until every record handed over before this call is
    /// written; `false` when the time ran out.
    pub fn flush(&self, limit: Duration) -> bool {
        let Some(tx) = self.inner.tx.get() else { return true };
        let (done, wait) = sync_channel(1);
        tx.send(Msg::Flush(done)).is_ok() && wait.recv_timeout(limit).is_ok()
    }

    /// Writes what is queued and stops the writer (the router's shutdown): records
    /// handed over afterwards are dropped and counted.
    pub fn close(&self, limit: Duration) -> bool {
        self.inner.closed.store(true, Ordering::Release);
        let Some(tx) = self.inner.tx.get() else { return true };
        let (done, wait) = sync_channel(1);
        let ok = tx.send(Msg::Close(done)).is_ok() && wait.recv_timeout(limit).is_ok();
        if ok && let Some(t) = self.inner.thread.lock().unwrap().take() {
            let _ = t.join();
        }
        ok
    }

    pub fn stats(&self) -> Stats {
        let i = &self.inner;
        Stats { written: i.written.load(Ordering::Relaxed), dropped: i.dropped.load(Ordering::Relaxed), failed: i.failed.load(Ordering::Relaxed) }
    }

    fn sender(&self) -> &SyncSender<Msg> {
        self.inner.tx.get_or_init(|| {
            let (tx, rx) = sync_channel(self.inner.capacity);
            let inner = Arc::downgrade(&self.inner);
            let bounds = self.inner.bounds;
            let spawned = std::thread::Builder::new().name("switchboard-usage".into()).spawn(move || {
                Writer { bounds, stores: HashMap::new(), broken: HashMap::new() }.run(rx, |w, d, f| {
                    if let Some(i) = inner.upgrade() {
                        i.written.fetch_add(w, Ordering::Relaxed);
                        i.failed.fetch_add(f, Ordering::Relaxed);
                        i.untold.fetch_add(d, Ordering::AcqRel);
                    }
                })
            });
            if let Ok(t) = spawned {
                *self.inner.thread.lock().unwrap() = Some(t);
            }
            tx
        })
    }
}

/// The writer thread's state: the stores it has open, and the homes it gave up on lately.
struct Writer {
    bounds: Bounds,
    stores: HashMap<PathBuf, Store>,
    broken: HashMap<PathBuf, Instant>,
}

impl Writer {
    /// Writes batches until the queue closes; `tell(written, drops not stored, failed)`.
    fn run(mut self, rx: Receiver<Msg>, tell: impl Fn(u64, u64, u64)) {
        loop {
            // Idle stores are closed after a while, so a home's files are not held open for ever.
            let first = match rx.recv_timeout(Duration::from_secs(300)) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    self.stores.clear();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let mut batch: HashMap<PathBuf, (Vec<Record>, u64)> = HashMap::new();
            let mut replies = Vec::new();
            let mut closing = false;
            let mut next = Some(first);
            let mut taken = 0;
            while let Some(m) = next.take() {
                match m {
                    Msg::Record { home, record, dropped_before } => {
                        let e = batch.entry(home).or_default();
                        e.0.push(*record);
                        e.1 += dropped_before;
                        taken += 1;
                    }
                    Msg::Flush(done) => replies.push(done),
                    Msg::Close(done) => {
                        replies.push(done);
                        closing = true;
                    }
                }
                if taken < BATCH && !closing {
                    next = rx.try_recv().ok();
                }
            }
            for (home, (records, dropped)) in batch {
                let n = records.len() as u64;
                match self.write(&home, &records, dropped) {
                    Ok(()) => tell(n, 0, 0),
                    Err(()) => tell(0, dropped, n),
                }
            }
            for r in replies {
                let _ = r.send(());
            }
            if closing {
                return;
            }
        }
    }

    fn write(&mut self, home: &Path, records: &[Record], dropped: u64) -> Result<(), ()> {
        if self.broken.get(home).is_some_and(|t| t.elapsed() < RETRY_AFTER) {
            return Err(());
        }
        if !self.stores.contains_key(home) {
            if self.stores.len() >= OPEN_STORES {
                self.stores.clear();
            }
            match Store::open_with(home, self.bounds) {
                Ok(s) => {
                    self.broken.remove(home);
                    self.stores.insert(home.to_owned(), s);
                }
                Err(_) => {
                    if self.broken.len() >= OPEN_STORES {
                        self.broken.clear();
                    }
                    self.broken.insert(home.to_owned(), Instant::now());
                    return Err(());
                }
            }
        }
        let store = self.stores.get_mut(home).expect("opened above");
        if store.insert(records).is_err() {
            // Closed, so the next batch opens it again (the file may have been replaced).
            self.stores.remove(home);
            return Err(());
        }
        if dropped > 0 {
            let _ = store.add_not_counted(dropped);
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "sink_tests.rs"]
mod tests;
