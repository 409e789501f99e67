//! The bridge's server: a thin shell of I/O around the pure translation
//! (`request`, `stream`, `failure`), on 127.0.0.1 only, over hyper.
//!
//! Locked: a request must name the bridge's own loopback Host (no DNS rebinding),
//! carry no `Origin` (no browser), and bring the token its auth command printed;
//! anything else gets 403 or 401 before a byte goes upstream. Bounded: the request
//! body, the provider's error bodies and answers, one deadline per request, a
//! pause limit between the provider's chunks, and a cap on streams at once.
//! Idle for long, it ends itself; an update asks it to end (`/_switchboard/shutdown`).

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::{BodyExt, Full, Limited, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode};
use serde_json::{Value, json};
use tokio::sync::{Notify, Semaphore};

use super::dialect::Dialect;
use super::failure::{self, Answer};
use super::learnt::Learnt;
use super::request::{self, Chat};
use super::route::{self, Target};
use super::stream::{End, Event, Stream};
use crate::probe::redact::Redactor;
use crate::sse::Decoder;

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

struct Shared {
    cfg: Config,
    client: reqwest::Client,
    streams: Arc<Semaphore>,
    active: AtomicUsize,
    last: std::sync::Mutex<Instant>,
    stopping: AtomicBool,
    stop: Notify,
}

type Body = BoxBody<Bytes, Infallible>;

/// Serves on 127.0.0.1:`port` until idle for `idle_exit` or asked to shut down.
pub async fn serve(listener: tokio::net::TcpListener, cfg: Config) -> std::io::Result<()> {
    crate::probe::http::install_crypto();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(20))
        .user_agent(concat!("switchboard-bridge/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(std::io::Error::other)?;
    let shared = Arc::new(Shared {
        streams: Arc::new(Semaphore::new(cfg.limits.max_streams)),
        cfg,
        client,
        active: AtomicUsize::new(0),
        last: std::sync::Mutex::new(Instant::now()),
        stopping: AtomicBool::new(false),
        stop: Notify::new(),
    });
    let idle = tokio::spawn(watch_idle(shared.clone()));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((sock, _)) = accepted else { continue };
                let _ = sock.set_nodelay(true);
                let shared = shared.clone();
                tokio::spawn(async move {
                    let svc = hyper::service::service_fn(move |req| {
                        let shared = shared.clone();
                        async move { Ok::<_, Infallible>(handle(&shared, req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(hyper_util::rt::TokioIo::new(sock), svc)
                        .await;
                });
            }
            () = shared.stop.notified() => break,
        }
    }
    // No new connections; the streams in flight finish.
    drop(listener);
    idle.abort();
    let start = Instant::now();
    while shared.active.load(Ordering::SeqCst) > 0 && start.elapsed() < shared.cfg.limits.deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// Ends the server after `idle_exit` without a request in flight: one timer, no polling.
async fn watch_idle(shared: Arc<Shared>) {
    loop {
        let since = *shared.last.lock().unwrap();
        let due = since + shared.cfg.limits.idle_exit;
        tokio::time::sleep_until(due.into()).await;
        let quiet = shared.active.load(Ordering::SeqCst) == 0 && shared.last.lock().unwrap().elapsed() >= shared.cfg.limits.idle_exit;
        if quiet {
            shared.stopping.store(true, Ordering::SeqCst);
            shared.stop.notify_one();
            return;
        }
    }
}

fn full(status: StatusCode, body: Value) -> Response<Body> {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())).boxed());
    *r.status_mut() = status;
    r.headers_mut().insert("content-type", "application/json".parse().unwrap());
    r
}

fn error(status: StatusCode, message: &str) -> Response<Body> {
    full(status, json!({"error": {"message": message, "type": "switchboard_bridge"}}))
}

async fn handle(shared: &Arc<Shared>, req: Request<Incoming>) -> Response<Body> {
    let cfg = &shared.cfg;
    let header = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok()).map(str::to_owned);
    // A browser cannot reach it: its own Host only, no Origin, no preflight.
    if !route::host_allowed(header("host").as_deref(), cfg.port) {
        return error(StatusCode::FORBIDDEN, "This bridge answers only requests to its own loopback address.");
    }
    if req.headers().contains_key("origin") || req.method() == hyper::Method::OPTIONS {
        return error(StatusCode::FORBIDDEN, "This bridge does not answer web pages.");
    }
    let Some(target) = route::target(req.method().as_str(), req.uri().path()) else {
        return error(StatusCode::NOT_FOUND, "Switchboard's bridge serves POST <provider>/responses and GET <provider>/models.");
    };
    let auth = header("authorization");
    let Some(credential) = route::authorize(auth.as_deref(), &cfg.token) else {
        return error(StatusCode::UNAUTHORIZED, "Switchboard's bridge needs the token its auth command prints (`switchboard token <id>`).");
    };
    let credential = credential.map(str::to_owned);
    *shared.last.lock().unwrap() = Instant::now();
    match target {
        Target::Health => full(
            StatusCode::OK,
            json!({"bridge": "switchboard", "version": env!("CARGO_PKG_VERSION"), "exe": cfg.exe_id, "pid": std::process::id(), "streams": shared.active.load(Ordering::SeqCst)}),
        ),
        Target::Shutdown => {
            shared.stopping.store(true, Ordering::SeqCst);
            shared.stop.notify_one();
            full(StatusCode::OK, json!({"stopping": true}))
        }
        Target::Models { .. } => error(StatusCode::NOT_FOUND, "This bridge keeps no model list."),
        Target::Responses { upstream, preset } => {
            let query = req.uri().query().map(str::to_owned);
            let forwarded = forwarded_headers(req.headers());
            let Ok(permit) = shared.streams.clone().try_acquire_owned() else {
                let mut r = error(StatusCode::SERVICE_UNAVAILABLE, "Switchboard's bridge is carrying as many streams as it may; try again.");
                r.headers_mut().insert("retry-after", "1".parse().unwrap());
                return r;
            };
            let body = match Limited::new(req.into_body(), cfg.limits.max_request).collect().await {
                Ok(b) => b.to_bytes(),
                Err(_) => return error(StatusCode::PAYLOAD_TOO_LARGE, "The request is larger than Switchboard's bridge takes."),
            };
            let Ok(parsed) = serde_json::from_slice::<Value>(&body) else {
                return error(StatusCode::BAD_REQUEST, "The request is not JSON.");
            };
            drop(body);
            let mut redactor = Redactor::default();
            if let Some(c) = &credential {
                redactor.add(c);
            }
            let to = Upstream { url: upstream, preset, query, forwarded, credential };
            respond(shared.clone(), permit, to, parsed, redactor).await
        }
    }
}

/// Codex's headers that are Codex's own business, never sent to the provider.
fn forwarded_headers(h: &hyper::HeaderMap) -> Vec<(String, String)> {
    const DROP: &[&str] = &[
        "host", "authorization", "content-length", "content-type", "accept", "accept-encoding", "connection", "keep-alive",
        "transfer-encoding", "te", "upgrade", "user-agent", "origin", "originator", "session-id", "thread-id", "version",
        "x-client-request-id", "chatgpt-account-id", "openai-beta",
    ];
    h.iter()
        .filter(|(k, _)| {
            let k = k.as_str();
            !DROP.contains(&k) && !k.starts_with("x-codex-") && !k.starts_with("x-openai-") && !k.starts_with("x-stainless-")
        })
        .filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_owned(), v.to_owned())))
        .collect()
}

/// Where a request goes, and what goes with it.
struct Upstream {
    url: String,
    preset: Option<String>,
    query: Option<String>,
    forwarded: Vec<(String, String)>,
    credential: Option<String>,
}

impl Upstream {
    fn host(&self) -> String {
        self.url.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or("").to_owned()
    }

    async fn send(&self, client: &reqwest::Client, chat: &Chat, deadline: tokio::time::Instant) -> Result<reqwest::Response, String> {
        let mut url = format!("{}/chat/completions", self.url);
        if let Some(q) = &self.query {
            url.push('?');
            url.push_str(q);
        }
        let mut rb = client.post(&url).header("accept", "text/event-stream").json(&chat.body);
        for (k, v) in &self.forwarded {
            rb = rb.header(k, v);
        }
        if let Some(c) = &self.credential {
            rb = rb.bearer_auth(c);
        }
        match tokio::time::timeout_at(deadline, rb.send()).await {
            Ok(Ok(r)) => Ok(r),
            Ok(Err(e)) => Err(format!("Switchboard's bridge could not reach {}: {}", self.host(), chain(&e))),
            Err(_) => Err(format!("{} did not answer in time.", self.host())),
        }
    }
}

async fn respond(shared: Arc<Shared>, permit: tokio::sync::OwnedSemaphorePermit, to: Upstream, req: Value, redactor: Redactor) -> Response<Body> {
    let cfg = &shared.cfg;
    let dialect = (cfg.dialect)(to.preset.as_deref(), &to.url);
    let known = cfg.learnt.lessons(&to.url);
    let chat = match request::translate(&req, &dialect.taught(&known), &to.url) {
        Ok(c) => c,
        Err(refusal) => return error(StatusCode::BAD_REQUEST, refusal.message()),
    };
    let host = to.host();
    let id = format!("resp_{}", &route::new_token()[..16]);
    let created = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let marker = request::reasoning_marker(&to.url);
    let mut stream = Stream::new(&id, created, &chat.model, chat.tools.clone(), &marker);
    let deadline = tokio::time::Instant::now() + cfg.limits.deadline;
    let first = match to.send(&shared.client, &chat, deadline).await {
        Ok(r) => r,
        Err(why) => return failed_stream(&mut stream, &redactor.text(&why)),
    };
    let answered = if matches!(first.status().as_u16(), 400 | 422) {
        let refusal = Refused::read(first).await;
        // A refusal of something the bridge chose to send: once more without it, and
        // remembered for the provider when that gets through.
        let lessons: Vec<_> = super::lesson::from_refusal(refusal.status, &refusal.body, &chat.sent).into_iter().filter(|l| !known.contains(l)).collect();
        let taught: Vec<_> = known.iter().chain(&lessons).copied().collect();
        let again = if lessons.is_empty() { None } else { request::translate(&req, &dialect.taught(&taught), &to.url).ok() };
        match again {
            Some(retry_chat) => match to.send(&shared.client, &retry_chat, deadline).await {
                Ok(r) => {
                    if !matches!(r.status().as_u16(), 400 | 422) {
                        cfg.learnt.remember(&to.url, &lessons);
                    }
                    Ok(r)
                }
                Err(why) => return failed_stream(&mut stream, &redactor.text(&why)),
            },
            None => Err(refusal),
        }
    } else {
        Ok(first)
    };
    drop(req);
    let resp = match answered {
        Ok(r) if r.status().is_success() => r,
        Ok(r) => return refused_answer(Refused::read(r).await, &host, &redactor, &mut stream),
        Err(refusal) => return refused_answer(refusal, &host, &redactor, &mut stream),
    };
    let is_stream = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|c| c.contains("text/event-stream"));
    // The response streams through a small channel: a slow reader slows the provider's
    // read, and a gone reader stops it.
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(32);
    shared.active.fetch_add(1, Ordering::SeqCst);
    let idle_chunk = cfg.limits.idle_chunk;
    let shared2 = shared.clone();
    tokio::spawn(async move {
        let _permit = permit;
        let send = |events: Vec<Event>| {
            let text: String = events.iter().map(|e| redactor.text(&e.sse())).collect();
            Bytes::from(text)
        };
        let mut ok = tx.send(send(stream.start())).await.is_ok();
        if ok {
            let events = if is_stream { pump(resp, &mut stream, deadline, idle_chunk, &tx, &send).await } else { whole(resp, &mut stream).await };
            ok = tx.send(send(events)).await.is_ok();
        }
        let _ = ok;
        shared2.active.fetch_sub(1, Ordering::SeqCst);
        *shared2.last.lock().unwrap() = Instant::now();
    });
    let body = StreamBody::new(tokio_stream_of(rx).map(|b| Ok::<_, Infallible>(Frame::data(b))));
    let mut r = Response::new(BodyExt::boxed(body));
    r.headers_mut().insert("content-type", "text/event-stream".parse().unwrap());
    r.headers_mut().insert("cache-control", "no-cache".parse().unwrap());
    r
}

/// A provider's answer that is not a 2xx: its status, `Retry-After` and (capped) body.
struct Refused {
    status: u16,
    retry_after: Option<String>,
    body: String,
}

impl Refused {
    async fn read(resp: reqwest::Response) -> Refused {
        let status = resp.status().as_u16();
        let retry_after = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
        Refused { status, retry_after, body: capped_text(resp, 64 << 10).await }
    }
}

/// What Codex is told of a refusal (`failure`), redacted.
fn refused_answer(r: Refused, host: &str, redactor: &Redactor, stream: &mut Stream) -> Response<Body> {
    match failure::from_status(r.status, r.retry_after.as_deref(), &r.body, host) {
        Answer::Status { status, retry_after, message } => {
            let mut resp = error(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY), &redactor.text(&message));
            if let Some(s) = retry_after {
                resp.headers_mut().insert("retry-after", s.to_string().parse().unwrap());
            }
            resp
        }
        Answer::Failed { message } => failed_stream(stream, &redactor.text(&message)),
    }
}

/// The provider's stream, chunk by chunk; returns the events that end the response.
async fn pump(
    mut resp: reqwest::Response,
    stream: &mut Stream,
    deadline: tokio::time::Instant,
    idle: Duration,
    tx: &tokio::sync::mpsc::Sender<Bytes>,
    send: &impl Fn(Vec<Event>) -> Bytes,
) -> Vec<Event> {
    let mut decoder = Decoder::with_limit(stream_line_limit());
    loop {
        let next = tokio::time::timeout(idle, resp.chunk());
        let chunk = match tokio::time::timeout_at(deadline, next).await {
            Err(_) => return stream.fail("The provider's answer took longer than Switchboard's bridge waits for one."),
            Ok(Err(_)) => return stream.fail(&format!("The provider sent nothing for {} seconds.", idle.as_secs())),
            Ok(Ok(Err(e))) => return stream.finish(End::Broken(format!("The provider's stream broke off: {}", chain(&e)))),
            Ok(Ok(Ok(None))) => {
                // A last event no blank line closed (some providers end so) still counts.
                let mut events = Vec::new();
                if let Some(ev) = decoder.finish() {
                    events.extend(stream.data(&ev.data));
                }
                events.extend(stream.finish(End::Broken("The provider's stream ended before it finished.".into())));
                return events;
            }
            Ok(Ok(Ok(Some(c)))) => c,
        };
        let mut events = Vec::new();
        for ev in decoder.push(&chunk) {
            events.extend(stream.data(&ev.data));
            if stream.is_over() {
                break;
            }
        }
        if decoder.overflowed() {
            events.extend(stream.fail("The provider sent a line longer than Switchboard's bridge reads."));
        }
        if !events.is_empty() && tx.send(send(events)).await.is_err() {
            // Codex went away: stop reading the provider.
            return Vec::new();
        }
        if stream.is_over() {
            return Vec::new();
        }
    }
}

/// A provider that answered a stream request with one JSON completion.
async fn whole(resp: reqwest::Response, stream: &mut Stream) -> Vec<Event> {
    let text = capped_text(resp, super::stream::MAX_TEXT).await;
    let Ok(v) = serde_json::from_str::<Value>(&text) else { return stream.fail("The provider's answer was not JSON.") };
    let mut events = stream.chunk(&v);
    events.extend(stream.finish(End::Done));
    events
}

fn stream_line_limit() -> usize {
    16 << 20
}

fn failed_stream(stream: &mut Stream, message: &str) -> Response<Body> {
    let mut events = stream.start();
    events.extend(stream.fail(message));
    let text: String = events.iter().map(Event::sse).collect();
    let mut r = Response::new(Full::new(Bytes::from(text)).boxed());
    r.headers_mut().insert("content-type", "text/event-stream".parse().unwrap());
    r
}

async fn capped_text(mut resp: reqwest::Response, cap: usize) -> String {
    let mut out = Vec::new();
    while let Ok(Some(c)) = resp.chunk().await {
        let room = cap.saturating_sub(out.len());
        out.extend_from_slice(&c[..c.len().min(room)]);
        if out.len() >= cap {
            break;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn chain(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut cur = std::error::Error::source(e);
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn tokio_stream_of(mut rx: tokio::sync::mpsc::Receiver<Bytes>) -> impl futures_util::Stream<Item = Bytes> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}
