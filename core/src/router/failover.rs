//! When a request moves to the next fallback, and for how long an upstream that keeps
//! failing is skipped. Pure: facts in, decisions out; the clock is an argument.
//!
//! A request moves, before any output has reached Codex, when its upstream
//! - could not be reached (`connect`), or did not answer, not even headers, within its
//!   deadline (`timeout`, 30 s unless the provider has its own);
//! - answered a 5xx (`status_5xx`);
//! - answered a 429 whose wait is longer than [`SHORT_WAIT`], names none, or says the
//!   quota is spent (`rate_limited`); a shorter wait is waited out, once;
//! - sent an error (`error`, `response.failed`) or broke off before its first output
//!   (`error_event`).
//!
//! Any other refusal (a 400, a 401) goes to Codex as it came: another provider would
//! not make a wrong request right, and Codex acts on a 401 itself. Until the first
//! output the stream's opening events (`response.created`, ...) are held ([`Gate`]),
//! at most [`HOLD_BYTES`] of them; after it nothing moves.
//!
//! An upstream (a provider of a Codex home) that fails [`Policy::threshold`] times
//! within [`Policy::window`] is skipped for a cool-down ([`Cooldowns`]): 60 s at
//! first, doubled each time its trial request after a cool-down fails, up to 10
//! minutes; a success ends it. A 429 that names its wait skips the upstream for that
//! long at once. When every candidate is cooling down they are all tried anyway.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// How long a provider has for its headers when it has none of its own.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(30);
/// The longest deadline (and cool-down) a user may set, in seconds.
pub const MAX_SETTING_SECS: u64 = 3600;
/// A 429 asking for at most this long is waited out, once, rather than moved.
pub const SHORT_WAIT: Duration = Duration::from_secs(5);
/// The opening events held back at most, in bytes; past it they go to Codex.
pub const HOLD_BYTES: usize = 256 << 10;
/// The fallbacks a model may have.
pub const MAX_FALLBACKS: usize = 8;

/// Why a request left an upstream, or passed it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    Connect,
    Timeout,
    Status5xx,
    RateLimited,
    ErrorEvent,
    CoolingDown,
    OverBudget,
}

impl Reason {
    /// The code the usage record keeps (`usage::Failover::reason`).
    pub fn code(self) -> &'static str {
        match self {
            Reason::Connect => "connect",
            Reason::Timeout => "timeout",
            Reason::Status5xx => "status_5xx",
            Reason::RateLimited => "rate_limited",
            Reason::ErrorEvent => "error_event",
            Reason::CoolingDown => "cooling_down",
            Reason::OverBudget => "over_budget",
        }
    }

    /// Whether it counts as a failure of the upstream (a pass-by is not one).
    pub fn is_failure(self) -> bool {
        !matches!(self, Reason::CoolingDown | Reason::OverBudget)
    }
}

/// What an upstream did instead of answering: put on the router's answer by
/// `passthrough` and `chat`, read by the failover loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upstream {
    /// The connection failed: nothing answered.
    Unreached,
    /// A status that is not a success. For a 429: the wait it named, and whether its
    /// quota or balance is spent (no wait helps).
    Refused { status: u16, wait: Option<Duration>, exhausted: bool },
}

/// What to do with an upstream's refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Codex gets it as it came.
    Keep,
    /// Wait this long and ask the same upstream once more.
    Wait(Duration),
    /// Move to the next fallback.
    Move(Reason),
}

/// The decision on `u`; `waited`: this upstream's short wait was waited out already.
pub fn judge(u: &Upstream, waited: bool) -> Decision {
    match *u {
        Upstream::Unreached => Decision::Move(Reason::Connect),
        Upstream::Refused { status: 500..=599, .. } => Decision::Move(Reason::Status5xx),
        Upstream::Refused { status: 429, wait: Some(w), exhausted: false } if w <= SHORT_WAIT && !waited => Decision::Wait(w),
        Upstream::Refused { status: 429, .. } => Decision::Move(Reason::RateLimited),
        Upstream::Refused { .. } => Decision::Keep,
    }
}

/// An upstream's refusal: `status`, its rate-limit `headers` (names lower-case) and its body.
pub fn refused(status: u16, headers: &[(String, String)], body: &str, now_ms: u64) -> Upstream {
    use crate::bridge::failure::{exhausted, seconds_in_words};
    match status {
        429 => Upstream::Refused { status, wait: wait_of(headers, seconds_in_words(body), now_ms), exhausted: exhausted(body) },
        _ => Upstream::Refused { status, wait: None, exhausted: false },
    }
}

/// Whether a header is one [`wait_of`] reads.
pub fn is_wait_header(name: &str) -> bool {
    name == "retry-after" || name == "retry-after-ms" || (name.contains("ratelimit") && name.ends_with("reset")) || name.starts_with("x-ratelimit-reset")
}

/// How long a 429 asks to wait, from its headers (names lower-case) or, failing them,
/// its words: `Retry-After` (seconds or an HTTP date), `retry-after-ms`, OpenAI's
/// `x-ratelimit-reset-requests`/`-tokens` (`6m0s`, `20ms`), `ratelimit-reset` and
/// `x-ratelimit-reset` (seconds, or an epoch time in seconds or milliseconds, as
/// OpenRouter sends), Anthropic's `anthropic-ratelimit-*-reset` (RFC 3339). The longest
/// reset named wins: every limit must have reset. `now_ms`: the Unix time now.
pub fn wait_of(headers: &[(String, String)], words: Option<u64>, now_ms: u64) -> Option<Duration> {
    let mut found: Option<Duration> = None;
    for (name, value) in headers {
        let v = value.trim();
        let wait = match name.as_str() {
            "retry-after-ms" => v.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0).map(|ms| Duration::from_millis(ms.ceil() as u64)),
            "retry-after" => seconds(v).or_else(|| date_ms(v).map(|at| Duration::from_millis(at.saturating_sub(now_ms)))),
            "x-ratelimit-reset-requests" | "x-ratelimit-reset-tokens" => go_duration(v),
            "ratelimit-reset" | "x-ratelimit-reset" => reset_value(v, now_ms),
            n if n.starts_with("anthropic-ratelimit-") && n.ends_with("-reset") => v.parse::<jiff::Timestamp>().ok().map(|t| Duration::from_millis((t.as_millisecond().max(0) as u64).saturating_sub(now_ms))),
            _ => None,
        };
        if let Some(w) = wait {
            found = Some(found.map_or(w, |f| f.max(w)));
        }
    }
    found.or_else(|| words.map(Duration::from_secs))
}

fn seconds(v: &str) -> Option<Duration> {
    let x: f64 = v.parse().ok()?;
    (x.is_finite() && x >= 0.0).then(|| Duration::from_millis((x * 1000.0).ceil() as u64))
}

/// An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`) as Unix milliseconds.
fn date_ms(v: &str) -> Option<u64> {
    let t = jiff::fmt::rfc2822::DateTimeParser::new().parse_timestamp(v).ok()?;
    u64::try_from(t.as_millisecond()).ok()
}

/// A reset that is a number of seconds, or an epoch time (seconds or milliseconds).
fn reset_value(v: &str, now_ms: u64) -> Option<Duration> {
    let x: f64 = v.parse().ok().filter(|x: &f64| x.is_finite() && *x >= 0.0)?;
    Some(if x >= 1e12 {
        Duration::from_millis((x as u64).saturating_sub(now_ms))
    } else if x >= 1e9 {
        Duration::from_millis(((x * 1000.0) as u64).saturating_sub(now_ms))
    } else {
        Duration::from_millis((x * 1000.0).ceil() as u64)
    })
}

/// Go's duration text as OpenAI sends it: `1s`, `6m0s`, `1h2m3.5s`, `20ms`.
fn go_duration(v: &str) -> Option<Duration> {
    let mut total = 0f64;
    let mut rest = v;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let n = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let x: f64 = rest[..n].parse().ok()?;
        rest = &rest[n..];
        let unit = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let scale = match &rest[..unit] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 0.001,
            "us" | "µs" => 0.000_001,
            "ns" => 0.000_000_001,
            _ => return None,
        };
        total += x * scale;
        rest = &rest[unit..];
    }
    Some(Duration::from_millis((total * 1000.0).ceil() as u64))
}

/// What one event of a Responses stream is to the failover: by its `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The response began (`response.created`, `response.in_progress`, `response.queued`).
    Opening,
    /// An error before it finished (`error`, `response.failed`).
    Failed,
    /// Anything else: output, or the end of the response.
    Output,
}

pub fn kind_of(event_type: &str) -> Kind {
    match event_type {
        "response.created" | "response.in_progress" | "response.queued" => Kind::Opening,
        "error" | "response.failed" => Kind::Failed,
        _ => Kind::Output,
    }
}

/// The stream's gate: opening events are held until the first output, which opens it;
/// an error before that fails it. Held past [`HOLD_BYTES`], it opens.
#[derive(Debug, Default)]
pub struct Gate {
    held: usize,
    open: bool,
}

/// What to do with an event the gate saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Hold,
    /// Let it and what was held through: from now on everything passes.
    Open,
    /// An error before any output: the request may move.
    Fail,
}

impl Gate {
    /// `kind` arrived, `bytes` long.
    pub fn see(&mut self, kind: Kind, bytes: usize) -> Step {
        if self.open {
            return Step::Open;
        }
        match kind {
            Kind::Failed => Step::Fail,
            Kind::Opening if self.held + bytes <= HOLD_BYTES => {
                self.held += bytes;
                Step::Hold
            }
            _ => {
                self.open = true;
                Step::Open
            }
        }
    }

    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// The candidates of a request, in order: the model it named, then its fallbacks,
/// each once, at most [`MAX_FALLBACKS`] of them.
pub fn order(first: &str, fallbacks: &[String]) -> Vec<String> {
    let mut out = vec![first.to_owned()];
    for f in fallbacks {
        if !out.contains(f) && out.len() <= MAX_FALLBACKS {
            out.push(f.clone());
        }
    }
    out
}

/// Which candidates are tried, in order, and which passed by, and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub tries: Vec<String>,
    pub passed: Vec<(String, Reason)>,
}

/// The plan for `candidates`; `skip` says why one may be passed by (cooling down, over
/// its budget). One over budget is never tried; ones cooling down are tried when
/// nothing else is left, rather than none.
pub fn plan(candidates: &[String], skip: impl Fn(&str) -> Option<Reason>) -> Plan {
    let reasons: Vec<Option<Reason>> = candidates.iter().map(|c| skip(c)).collect();
    let any_fresh = reasons.iter().any(Option::is_none);
    let mut p = Plan::default();
    for (c, why) in candidates.iter().zip(reasons) {
        match why {
            Some(Reason::CoolingDown) if !any_fresh => p.tries.push(c.clone()),
            Some(r) => p.passed.push((c.clone(), r)),
            None => p.tries.push(c.clone()),
        }
    }
    p
}

/// When an upstream is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures within `window` that start a cool-down.
    pub threshold: usize,
    pub window: Duration,
    /// The first cool-down; each one after a failed trial is twice the one before.
    pub base: Duration,
    pub max: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { threshold: 3, window: Duration::from_secs(60), base: Duration::from_secs(60), max: Duration::from_secs(600) }
    }
}

impl Policy {
    /// The default policy with a first cool-down of `base_secs` (the user's setting).
    pub fn with_base(base_secs: Option<u64>) -> Policy {
        let d = Policy::default();
        match base_secs {
            Some(s) => Policy { base: Duration::from_secs(s.max(1)), max: d.max.max(Duration::from_secs(s.max(1))), ..d },
            None => d,
        }
    }

    fn cool_down(&self, strikes: u32) -> Duration {
        self.base.saturating_mul(1u32 << strikes.min(16)).min(self.max)
    }
}

/// An upstream's health now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Healthy,
    /// Skipped for this much longer.
    Cooling(Duration),
    /// Its cool-down is over: the next request tries it, and a failure cools it again.
    Trial,
}

#[derive(Debug, Default, Clone)]
struct Record {
    failures: VecDeque<Instant>,
    until: Option<Instant>,
    /// Cool-downs in a row (the next one is longer).
    strikes: u32,
}

/// Every upstream's recent failures and cool-downs, by key (a home and a provider).
#[derive(Debug, Default)]
pub struct Cooldowns {
    map: HashMap<String, Record>,
}

/// Upstreams tracked at most; past it the healthiest are forgotten.
const MAX_TRACKED: usize = 1024;

impl Cooldowns {
    pub fn health(&self, key: &str, now: Instant) -> Health {
        match self.map.get(key) {
            Some(Record { until: Some(u), .. }) if *u > now => Health::Cooling(*u - now),
            Some(Record { until: Some(_), .. }) => Health::Trial,
            _ => Health::Healthy,
        }
    }

    /// `key` failed at `now`; returns the cool-down this began, if one did.
    pub fn failed(&mut self, key: &str, now: Instant, p: &Policy) -> Option<Duration> {
        self.room(key, now);
        let r = self.map.entry(key.to_owned()).or_default();
        match r.until {
            // A request already under way when it began: it says nothing new.
            Some(u) if u > now => None,
            // The trial after a cool-down failed: a longer one.
            Some(_) => {
                let d = p.cool_down(r.strikes);
                r.strikes += 1;
                r.until = Some(now + d);
                Some(d)
            }
            None => {
                r.failures.push_back(now);
                while r.failures.front().is_some_and(|t| now.duration_since(*t) > p.window) {
                    r.failures.pop_front();
                }
                (r.failures.len() >= p.threshold).then(|| {
                    r.failures.clear();
                    let d = p.cool_down(0);
                    r.strikes = 1;
                    r.until = Some(now + d);
                    d
                })
            }
        }
    }

    /// `key` asked (a 429) to be left alone for `wait`: skipped that long (at most
    /// the policy's longest cool-down), then tried again.
    pub fn asked_to_wait(&mut self, key: &str, now: Instant, wait: Duration, p: &Policy) {
        self.room(key, now);
        let r = self.map.entry(key.to_owned()).or_default();
        let until = now + wait.min(p.max);
        r.until = Some(r.until.map_or(until, |u| u.max(until)));
    }

    /// `key` served a request: whatever it did before is forgotten.
    pub fn succeeded(&mut self, key: &str) {
        self.map.remove(key);
    }

    /// Keeps the map bounded: forgets, when full, what says nothing now (no cool-down
    /// under way, no failure within the window), then the soonest-ending.
    fn room(&mut self, key: &str, now: Instant) {
        if self.map.len() < MAX_TRACKED || self.map.contains_key(key) {
            return;
        }
        self.map.retain(|_, r| r.until.is_some_and(|u| u > now) || r.failures.back().is_some_and(|t| now.duration_since(*t) < Duration::from_secs(600)));
        while self.map.len() >= MAX_TRACKED {
            let Some(k) = self.map.iter().min_by_key(|(_, r)| r.until).map(|(k, _)| k.clone()) else { break };
            self.map.remove(&k);
        }
    }
}

#[cfg(test)]
#[path = "failover_tests.rs"]
mod tests;
