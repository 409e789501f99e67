//! What the router's handlers share: its limits, what it knows of itself, the HTTP
//! client, the streams in flight, the credentials, the sessions seen, the routes,
//! the `/models` answers, the upstreams' cool-downs, the moves made lately, and where
//! usage is recorded.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, Semaphore};

use super::creds::Creds;
use super::sessions::Seen;
use crate::bridge::dialect::Dialect;
use crate::bridge::learnt::Learnt;

/// Limits, with the defaults the product runs with.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest request Codex may send (its whole history, images included).
    pub max_request: usize,
    /// Streams at once; past it, 503 with a short Retry-After.
    pub max_streams: usize,
    /// One request, start to end.
    pub deadline: Duration,
    /// The longest pause between two chunks of the provider's answer.
    pub idle_chunk: Duration,
    /// The bridge ends itself after this long without a request.
    pub idle_exit: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_request: 64 << 20,
            max_streams: 64,
            deadline: Duration::from_secs(30 * 60),
            idle_chunk: Duration::from_secs(300),
            idle_exit: Duration::from_secs(60 * 60),
        }
    }
}

/// What the server knows about itself.
#[derive(Debug, Clone)]
pub struct Config {
    pub port: u16,
    pub token: String,
    /// Which build of the program this is (see `lifecycle::exe_id`).
    pub exe_id: String,
    pub limits: Limits,
    /// How the provider behind an upstream URL is spoken to: the preset the URL names, else its host.
    pub dialect: fn(Option<&str>, &str) -> Dialect,
    /// What the bridge learnt of each provider, and where it keeps it.
    pub learnt: Arc<Learnt>,
}

/// What every request's handling shares.
pub struct Shared {
    pub cfg: Config,
    pub client: reqwest::Client,
    pub streams: Arc<Semaphore>,
    /// Streams in flight.
    pub active: AtomicUsize,
    /// When the last request came or the last stream ended.
    pub last: std::sync::Mutex<Instant>,
    pub(crate) stopping: AtomicBool,
    pub(crate) stop: Notify,
    /// The providers' credentials, handed over by the auth command.
    pub creds: Creds,
    /// The sessions seen lately.
    pub seen: Seen,
    /// Each Codex home's routes, read again when its files change.
    pub routes: super::routes::RoutesCache,
    /// The folder each home id stands for, as the auth command said.
    pub homes: std::sync::Mutex<std::collections::HashMap<String, String>>,
    /// Codex's own model list, read once.
    pub codex: super::codex_list::CodexList,
    /// Each home's answer to `GET /models`, built once per change of what it comes from.
    pub models: super::models_answer::ModelsAnswers,
    /// Each upstream's recent failures and cool-downs (by home and provider).
    pub cooldowns: std::sync::Mutex<super::failover::Cooldowns>,
    /// The requests that failed over lately.
    pub events: super::events::Events,
    /// Where each finished request is recorded.
    pub usage: crate::usage::Sink,
}

