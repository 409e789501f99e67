//! The requests that failed over lately, for the window and `switchboard fallback`
//! (`GET /codex/<id>/events`): which model was asked, where the request went in the
//! end, and each move on the way. In memory only, bounded; the usage store keeps
//! every move for good.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::locale::{Args, Words};
use crate::usage::Failover;

/// Moves kept per Codex home, and homes at most.
const PER_HOME: usize = 50;
const HOMES: usize = 64;

/// One request that moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Moved {
    /// When it came, in milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub session: Option<String>,
    /// What Codex asked for (`switchboard/current`, `<id>/<model>`).
    pub asked: String,
    /// Where it went in the end: the provider and its own model id.
    pub provider: String,
    pub model: String,
    /// Whether that one answered (false: every candidate failed, and Codex got the last failure).
    pub served: bool,
    /// The moves, in order.
    pub failovers: Vec<Failover>,
}

impl Moved {
    /// What happened, in a sentence: "kimi answered 429 (too many requests); this
    /// request went to openrouter, model moonshotai/kimi-k2.6."
    pub fn words(&self) -> Words {
        let mut why = Words::default();
        for f in &self.failovers {
            let one = Words::new(reason_id(&f.reason), Args::new().text("provider", &f.from_provider).text("status", f.status.unwrap_or(0)));
            why = if why.is_empty() { one } else { why.and("; ", one) };
        }
        let id = if self.served { "failover-served" } else { "failover-unserved" };
        Words::new(id, Args::new().words("why", why).text("provider", &self.provider).text("model", &self.model))
    }

    /// When it came, in the local time zone (`2026-05-04 14:03:12`).
    pub fn when(&self) -> String {
        let Ok(t) = jiff::Timestamp::from_millisecond(self.at_ms as i64) else { return String::new() };
        t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// The message of a move's reason (`usage::Failover::reason`).
fn reason_id(code: &str) -> &'static str {
    match code {
        "connect" => "failover-reason-connect",
        "timeout" => "failover-reason-timeout",
        "status_5xx" => "failover-reason-status",
        "rate_limited" => "failover-reason-rate-limited",
        "error_event" => "failover-reason-error-event",
        "cooling_down" => "failover-reason-cooling-down",
        "over_budget" => "failover-reason-over-budget",
        _ => "failover-reason-other",
    }
}

#[derive(Default)]
pub struct Events {
    map: Mutex<HashMap<String, VecDeque<Moved>>>,
}

impl Events {
    pub fn note(&self, home: &str, m: Moved) {
        let mut map = self.map.lock().unwrap();
        if map.len() >= HOMES && !map.contains_key(home) {
            let oldest = map.iter().min_by_key(|(_, q)| q.back().map_or(0, |m| m.at_ms)).map(|(h, _)| h.clone());
            if let Some(h) = oldest {
                map.remove(&h);
            }
        }
        let q = map.entry(home.to_owned()).or_default();
        if q.len() >= PER_HOME {
            q.pop_front();
        }
        q.push_back(m);
    }

    /// `home`'s moves, the latest first.
    pub fn of(&self, home: &str) -> Vec<Moved> {
        self.map.lock().unwrap().get(home).map(|q| q.iter().rev().cloned().collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(at: u64) -> Moved {
        let f = Failover { from_provider: "kimi".into(), from_model: "k".into(), reason: "status_5xx".into(), status: Some(503) };
        Moved { at_ms: at, session: None, asked: "kimi/k".into(), provider: "or".into(), model: "m".into(), served: true, failovers: vec![f] }
    }

    #[test]
    fn moves_are_kept_per_home_latest_first_and_bounded() {
        let e = Events::default();
        for i in 0..(PER_HOME as u64 + 5) {
            e.note("/a", moved(i));
        }
        e.note("/b", moved(1000));
        let a = e.of("/a");
        assert_eq!(a.len(), PER_HOME);
        assert_eq!(a[0].at_ms, PER_HOME as u64 + 4, "the latest first");
        assert_eq!(e.of("/b").len(), 1);
        assert!(e.of("/c").is_empty());
        for h in 0..(HOMES + 3) {
            e.note(&format!("/h{h}"), moved(2000 + h as u64));
        }
        assert!(e.map.lock().unwrap().len() <= HOMES);
    }

    #[test]
    fn a_move_is_told_in_a_sentence_in_each_language() {
        use crate::locale::Language;
        let mut m = moved(0);
        m.failovers.push(Failover { from_provider: "glm".into(), from_model: "g".into(), reason: "rate_limited".into(), status: Some(429) });
        assert_eq!(m.words().in_language(Language::English), "kimi answered 503; glm answered 429 (too many requests); this request went to or, model m.");
        m.served = false;
        assert!(m.words().in_language(Language::English).ends_with("or, model m, failed too, and Codex got its error."), "{}", m.words().in_language(Language::English));
        for code in ["connect", "timeout", "status_5xx", "rate_limited", "error_event", "cooling_down", "over_budget"] {
            assert_ne!(reason_id(code), "failover-reason-other", "{code}");
        }
        for lang in [Language::SimplifiedChinese, Language::TraditionalChinese, Language::Japanese] {
            let said = m.words().in_language(lang);
            assert!(said.contains("kimi") && said.contains("429") && !said.contains("failed too"), "{lang:?}: {said}");
        }
    }
}
