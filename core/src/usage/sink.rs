//! Where the router hands each finished request: a bounded queue, written to the
//! home's store by one thread, so a slow disk never holds a response. (The store
//! itself is `super::store`.)

use super::record::Record;

/// The router's side of the usage store. Cheap to clone.
#[derive(Clone, Default)]
pub struct Sink {
    // Filled in with the store (issue 23).
}

impl Sink {
    /// Records `r` for the Codex home at `home` (its folder), off the caller's path.
    /// Never blocks and never fails the request: a full queue drops the record and
    /// counts the drop.
    pub fn record(&self, home: &str, r: Record) {
        let _ = (home, r);
    }
}
