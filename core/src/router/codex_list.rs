//! Codex's own model list (`catalog::bundled`'s cache, about a megabyte of JSON), as
//! the router holds it: read once and read again only when the cache file changes,
//! so a request does not parse it again (50 streams at once parsed it 50 times and
//! took the router's memory from 25 to 83 MB).

use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::catalog::bundled::{self, Bundled};

type Stamp = Option<(SystemTime, u64)>;

#[derive(Default)]
pub struct CodexList {
    held: Mutex<Option<(Stamp, Option<Arc<Bundled>>)>>,
}

impl CodexList {
    /// The list, when Switchboard has seen the Codex that runs.
    pub fn get(&self) -> Option<Arc<Bundled>> {
        let stamp = bundled::cache_path().and_then(|p| std::fs::metadata(p).ok()).and_then(|m| Some((m.modified().ok()?, m.len())));
        let mut held = self.held.lock().unwrap();
        if let Some((s, list)) = held.as_ref() {
            if *s == stamp {
                return list.clone();
            }
        }
        let list = bundled::cached().map(Arc::new);
        *held = Some((stamp, list.clone()));
        list
    }
}
