//! What a test saw, as plain data: no I/O handles, no wording, no secrets.
//! The observers fill it in; `judge` reads it. Every field is a fact.

/// A fact and how long it took to gather, in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Timed<T> {
    pub ms: u64,
    pub seen: T,
}

pub fn timed<T>(ms: u64, seen: T) -> Option<Timed<T>> {
    Some(Timed { ms, seen })
}

/// Everything observed so far. `None`: not observed (yet).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observations {
    /// The key, resolved the way Codex resolves it.
    pub auth: Option<Timed<AuthSeen>>,
    /// Headers of the provider's table that could not be put on a request.
    pub refused_headers: Vec<RefusedHeader>,
    pub connect: Option<Timed<ConnectSeen>>,
    /// For a bridged provider: Switchboard's bridge answers (`Err`: why it cannot run).
    pub bridge: Option<Timed<Result<u16, BridgeDown>>>,
    /// `GET /models`; its `ms` counts from the start of the exchange.
    pub models: Option<Timed<ModelsSeen>>,
    /// `POST /responses`; its `ms` counts from the start of the exchange.
    pub responses: Option<Timed<ResponsesSeen>>,
    /// Time to the first byte of the `/responses` answer.
    pub ttfb_ms: Option<u64>,
    /// The window the provider's `/models` list gave for the model.
    pub listed_window: Option<u64>,
    /// The model the `/responses` answer says it served (Azure names a deployment's model).
    pub served_model: Option<String>,
    /// Whether `POST /chat/completions` answers (asked only to explain a 404).
    pub chat_answers: Option<bool>,
    /// The way Codex reaches it: what `/responses` did with Codex's own tools (`path`).
    pub path: Option<Timed<PathSeen>>,
    /// For a bridged provider: what the bridge learnt of it.
    pub learnt: Vec<crate::bridge::dialect::Lesson>,
    /// `codex exec`: `Err` holds the line of its output that explains the failure.
    pub codex: Option<Timed<Result<(), String>>>,
    /// The test's time limit ran out this long after the running phase started.
    pub timed_out_after_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AuthSeen {
    /// The provider takes no key (or a hand-written token is absent).
    NoKey,
    /// A key was found (kept apart from the facts, for the request and the redaction).
    Key,
    KeychainEmpty,
    /// The keychain refused (`None`: the look-up itself was lost).
    KeychainFailed(Option<Failure>),
    EnvUnset { var: String },
    CommandTimedOut { shown: String, waited_ms: u64 },
    CommandNotStarted { command: String, error: String },
    CommandFailed { shown: String, status: String, line: String },
    CommandPrintedNothing { shown: String },
}

/// Why the bridge could not be reached for the Test.
#[derive(Debug, Clone, PartialEq)]
pub enum BridgeDown {
    /// The provider's base URL cannot go through it.
    Url,
    Problem(crate::bridge::lifecycle::Problem),
    /// The look-up itself was lost.
    Lost(String),
}

/// An error seen while observing, worded only when judged (in the report's language).
#[derive(Debug, Clone)]
pub struct Failure(pub std::sync::Arc<crate::error::Error>);

impl PartialEq for Failure {
    fn eq(&self, other: &Failure) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || (self.0.code() == other.0.code() && self.0.to_string() == other.0.to_string())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RefusedHeader {
    pub name: String,
    /// The environment variable it came from (`env_http_headers`), if any.
    pub env_var: Option<String>,
    /// The name is the problem (else the value is).
    pub bad_name: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConnectSeen {
    Reached { addr: String },
    /// DNS gave no address.
    NoAddress,
    Failed { refused: bool },
}

/// A request that got no HTTP answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TransportFailure {
    pub timeout: bool,
    pub connect: bool,
    /// The error and its sources, joined with ": ".
    pub chain: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ModelsSeen {
    Listed(Vec<String>),
    /// 2xx without a list Switchboard can read.
    Answered,
    /// 2xx with a body longer than the cap; reading stopped there.
    TooLarge,
    Status(u16),
    Html,
    Failed(TransportFailure),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResponsesSeen {
    Failed(TransportFailure),
    Redirect { status: u16, location: String },
    /// A non-2xx answer and the start of its body (capped).
    Status { status: u16, html: bool, body: String },
    /// 2xx with a web page.
    Html,
    /// 2xx without `text/event-stream`; the start of the body.
    NotStream { body: String },
    Stream { created: bool, end: StreamEnd },
}

#[derive(Debug, Clone, PartialEq)]
pub enum StreamEnd {
    Completed,
    /// A `response.failed` or `error` event, with the provider's message.
    Failed(Option<String>),
    /// The stream closed before `response.completed`.
    Closed,
    /// The stream went past the byte cap; reading stopped there.
    Capped,
    /// Reading failed midway.
    Broken(String),
}

/// What a provider's `/responses` did with a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolsSeen {
    /// A 2xx stream that began answering (or completed) without failing.
    Taken,
    /// Refused: a 400 or 422, or a failure event before any output; the provider's words.
    Refused { status: u16, message: String },
    /// No Responses API there: a 404 or 405, or a web page.
    Absent { status: u16 },
    /// Nothing to go by: a refused key, a 429, a 5xx, no answer.
    Unclear,
}

/// Everything the path check observed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathSeen {
    /// `/responses` with Codex's tools, at the provider's own base URL.
    pub codex_tools: Option<ToolsSeen>,
    /// With a function only (asked when Codex's tools were refused).
    pub functions: Option<ToolsSeen>,
    /// Whether `/chat/completions` answers there (asked when the direct way is not whole).
    pub chat: Option<bool>,
    /// The preset's Responses address, when it is not the provider's (Zhipu's `/api/v1`), and what it did.
    pub other: Option<(String, ToolsSeen)>,
    /// The preset's Chat Completions address, when it is not the provider's (Zhipu's
    /// `/api/paas/v4` beside `/api/v1`), and whether it answers.
    pub chat_other: Option<(String, bool)>,
}
