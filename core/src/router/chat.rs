//! A request for a provider that speaks only Chat Completions: translated by the
//! bridge (`bridge::request`, `bridge::stream`) in the provider's dialect, with what
//! it taught the bridge (`bridge::lesson`), and its answer translated back. The path
//! of the bridged tables (`/<preset>/<scheme>/<host>/...`) and of the router's chat routes.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use hyper::{Response, StatusCode};
use serde_json::Value;

use super::failover::{self, Upstream::Unreached};
use super::http::{Body, capped_text, chain, error, now_ms, stream_of, told, wait_headers};
use super::shared::Shared;
use crate::bridge::failure::{self, Answer};
use crate::bridge::request::{self, Chat};
use crate::bridge::route;
use crate::bridge::stream::{End, Event, Stream};
use crate::probe::redact::Redactor;
use crate::sse::Decoder;

/// Where a request goes, and what goes with it.
pub struct Upstream {
    pub url: String,
    pub preset: Option<String>,
    pub query: Option<String>,
    pub forwarded: Vec<(String, String)>,
    pub credential: Option<String>,
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

/// `permit`: the stream's place among those at once, when the caller does not hold it.
pub async fn respond(shared: Arc<Shared>, permit: Option<tokio::sync::OwnedSemaphorePermit>, to: Upstream, req: Value, redactor: Redactor) -> Response<Body> {
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
    let mut stream = Stream::new(&id, created, &chat.model, chat.tools.clone(), &marker).redacting(redactor.clone());
    let deadline = tokio::time::Instant::now() + cfg.limits.deadline;
    let first = match to.send(&shared.client, &chat, deadline).await {
        Ok(r) => r,
        Err(why) => return told(failed_stream(&mut stream, &redactor.text(&why)), Unreached),
    };
    let answered = if matches!(first.status().as_u16(), 400 | 422) {
        let refusal = Refused::read(first).await;
        // A refusal of something the bridge chose to send: once more without it, and
        // remembered for the provider when that gets through.
        let lessons: Vec<_> = crate::bridge::lesson::from_refusal(refusal.status, &refusal.body, &chat.sent).into_iter().filter(|l| !known.contains(l)).collect();
        let taught: Vec<_> = known.iter().chain(&lessons).copied().collect();
        let again = if lessons.is_empty() { None } else { request::translate(&req, &dialect.taught(&taught), &to.url).ok() };
        match again {
            Some(retry_chat) => match to.send(&shared.client, &retry_chat, deadline).await {
                Ok(r) => {
                    // Remembered only when the request got through without it.
                    if r.status().is_success() {
                        cfg.learnt.remember(&to.url, &lessons);
                    }
                    Ok(r)
                }
                Err(why) => return told(failed_stream(&mut stream, &redactor.text(&why)), Unreached),
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
    let body = StreamBody::new(stream_of(rx).map(|b| Ok::<_, Infallible>(Frame::data(b))));
    let mut r = Response::new(BodyExt::boxed(body));
    r.headers_mut().insert("content-type", "text/event-stream".parse().unwrap());
    r.headers_mut().insert("cache-control", "no-cache".parse().unwrap());
    r
}

/// A provider's answer that is not a 2xx: its status, `Retry-After`, the headers that
/// say how long to wait, and its (capped) body.
struct Refused {
    status: u16,
    retry_after: Option<String>,
    waits: Vec<(String, String)>,
    body: String,
}

impl Refused {
    async fn read(resp: reqwest::Response) -> Refused {
        let status = resp.status().as_u16();
        let retry_after = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let waits = wait_headers(resp.headers());
        Refused { status, retry_after, waits, body: capped_text(resp, 64 << 10).await }
    }
}

/// What Codex is told of a refusal (`failure`), redacted, saying what the provider did.
fn refused_answer(r: Refused, host: &str, redactor: &Redactor, stream: &mut Stream) -> Response<Body> {
    let what = failover::refused(r.status, &r.waits, &r.body, now_ms());
    told(refused_words(r, host, redactor, stream), what)
}

fn refused_words(r: Refused, host: &str, redactor: &Redactor, stream: &mut Stream) -> Response<Body> {
    // Redacted whole, before the provider's words are cut to a length.
    match failure::from_status(r.status, r.retry_after.as_deref(), &redactor.text(&r.body), host) {
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
    let text = capped_text(resp, crate::bridge::stream::MAX_TEXT).await;
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

