//! The Codex sessions the router has seen lately, for the window: which follow
//! Use (`switchboard/current`) and which are pinned to a model, by which Codex
//! (the CLI, its TUI, the VS Code extension, the app), and where their last turn
//! went. In memory only, bounded; a session is forgotten an hour after its last turn.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// How many sessions are kept, and for how long after their last turn.
const MAX: usize = 256;
const KEPT: Duration = Duration::from_secs(3600);

/// One session, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SeenSession {
    pub id: String,
    /// Which Codex: `codex_exec`, `codex_cli_rs` (the TUI), `codex_vscode`, ... as it says.
    pub client: String,
    /// The model it asked for (`switchboard/current` when it follows Use).
    pub asked: String,
    pub follows: bool,
    /// Where its last turn went: the provider and its model.
    pub provider: String,
    pub model: String,
    /// Seconds since the Unix epoch of its last turn.
    pub last: u64,
}

#[derive(Default)]
pub struct Seen {
    map: Mutex<HashMap<(String, String), (Instant, SeenSession)>>,
}

impl Seen {
    /// Notes a turn of `home`'s session.
    pub fn note(&self, home: &str, s: SeenSession) {
        let mut map = self.map.lock().unwrap();
        map.retain(|_, (at, _)| at.elapsed() < KEPT);
        if map.len() >= MAX && !map.contains_key(&(home.to_owned(), s.id.clone())) {
            if let Some(oldest) = map.iter().min_by_key(|(_, (at, _))| *at).map(|(k, _)| k.clone()) {
                map.remove(&oldest);
            }
        }
        map.insert((home.to_owned(), s.id.clone()), (Instant::now(), s));
    }

    /// `home`'s sessions, the latest first.
    pub fn of(&self, home: &str) -> Vec<SeenSession> {
        let map = self.map.lock().unwrap();
        let mut out: Vec<SeenSession> = map.iter().filter(|((h, _), (at, _))| h == home && at.elapsed() < KEPT).map(|(_, (_, s))| s.clone()).collect();
        out.sort_by(|a, b| b.last.cmp(&a.last).then(a.id.cmp(&b.id)));
        out
    }
}

/// Now, in seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, follows: bool, last: u64) -> SeenSession {
        SeenSession { id: id.into(), client: "codex_exec".into(), asked: "x".into(), follows, provider: "kimi".into(), model: "m".into(), last }
    }

    #[test]
    fn sessions_are_kept_per_home_latest_first_and_bounded() {
        let seen = Seen::default();
        seen.note("/a", s("one", true, 10));
        seen.note("/a", s("two", false, 20));
        seen.note("/b", s("three", true, 30));
        seen.note("/a", s("one", true, 40));
        let ids: Vec<String> = seen.of("/a").into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["one", "two"]);
        assert_eq!(seen.of("/b").len(), 1);
        for i in 0..(MAX + 10) {
            seen.note("/c", s(&format!("s{i}"), false, i as u64));
        }
        assert!(seen.map.lock().unwrap().len() <= MAX);
    }
}
