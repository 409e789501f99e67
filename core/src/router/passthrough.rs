//! A request for a provider that serves the Responses API itself, passed through:
//! its own model id, the history cleaned for it (`history`), its key, headers and
//! query parameters (Azure's `api-version`) added; its answer streamed back with the
//! items it made marked as its own (`tag`), so a later request to another provider
//! leaves them out. A refusal goes back as it came (Codex reads a Responses
//! provider's errors itself), redacted. Streamed texts are redacted across their
//! deltas (`bridge::deltas`), so a key quoted a few characters at a time shows nowhere.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use hyper::{Response, StatusCode};
use serde_json::Value;

use super::creds::Handed;
use super::failover::{self, Upstream::Unreached};
use super::http::{Body, capped_text, chain, error, now_ms, stream_of, told, wait_headers};
use super::routes::Route;
use super::shared::Shared;
use super::tag;
use crate::bridge::deltas::Deltas;
use crate::probe::redact::Redactor;
use crate::sse::Decoder;

/// What goes with the request, besides its body.
pub struct Outgoing<'a> {
    pub route: &'a Route,
    pub handed: Option<Handed>,
    /// Codex's own headers that may go upstream.
    pub forwarded: Vec<(String, String)>,
}

/// The request's URL: `{upstream}/responses` with the table's query parameters.
fn url_of(route: &Route) -> String {
    let mut url = format!("{}/responses", route.upstream);
    if !route.entry.query_params.is_empty() {
        let q: Vec<String> = route.entry.query_params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        url.push('?');
        url.push_str(&q.join("&"));
    }
    url
}

/// `permit`: the stream's place among those at once, when the caller does not hold it.
pub async fn respond(shared: Arc<Shared>, permit: Option<tokio::sync::OwnedSemaphorePermit>, out: Outgoing<'_>, body: Value, redactor: Redactor) -> Response<Body> {
    let cfg = &shared.cfg;
    let route = out.route;
    let mut rb = shared.client.post(url_of(route)).header("accept", "text/event-stream").header("content-type", "application/json").body(body.to_string());
    for (k, v) in &out.forwarded {
        rb = rb.header(k, v);
    }
    for (k, v) in &route.entry.http_headers {
        rb = rb.header(k, v);
    }
    if let Some(h) = &out.handed {
        for (k, v) in &h.env_headers {
            rb = rb.header(k, v);
        }
        if let Some(key) = &h.key {
            rb = rb.bearer_auth(key);
        }
    }
    drop(body);
    let deadline = tokio::time::Instant::now() + cfg.limits.deadline;
    let host = route.upstream.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or("").to_owned();
    let resp = match tokio::time::timeout_at(deadline, rb.send()).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return told(error(StatusCode::BAD_GATEWAY, &redactor.text(&format!("Switchboard could not reach {host}: {}", chain(&e)))), Unreached),
        Err(_) => return told(error(StatusCode::GATEWAY_TIMEOUT, &format!("{host} did not answer in time.")), Unreached),
    };
    let status = resp.status();
    if !status.is_success() {
        let retry = resp.headers().get("retry-after").cloned();
        let ctype = resp.headers().get("content-type").cloned();
        let waits = wait_headers(resp.headers());
        let text = capped_text(resp, 64 << 10).await;
        let what = failover::refused(status.as_u16(), &waits, &text, now_ms());
        let mut r = Response::new(Full::new(Bytes::from(redactor.text(&text))).boxed());
        *r.status_mut() = StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
        if let Some(v) = ctype {
            r.headers_mut().insert("content-type", v);
        }
        if let Some(v) = retry {
            r.headers_mut().insert("retry-after", v);
        }
        return told(r, what);
    }
    let is_stream = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|c| c.contains("text/event-stream"));
    if !is_stream {
        let text = capped_text(resp, crate::bridge::stream::MAX_TEXT).await;
        let mut v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if let Some(output) = v.get_mut("output").and_then(Value::as_array_mut) {
            for item in output {
                let mut wrapped = serde_json::json!({"item": item.take()});
                tag::mark_event(&route.tag, &mut wrapped);
                *item = wrapped["item"].take();
            }
        }
        let mut r = Response::new(Full::new(Bytes::from(redactor.text(&v.to_string()))).boxed());
        r.headers_mut().insert("content-type", "application/json".parse().unwrap());
        return r;
    }
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(32);
    shared.active.fetch_add(1, Ordering::SeqCst);
    let idle = cfg.limits.idle_chunk;
    let tag = route.tag.clone();
    let shared2 = shared.clone();
    tokio::spawn(async move {
        let _permit = permit;
        relay(resp, &tag, deadline, idle, &tx, &redactor).await;
        shared2.active.fetch_sub(1, Ordering::SeqCst);
        *shared2.last.lock().unwrap() = std::time::Instant::now();
    });
    let body = StreamBody::new(stream_of(rx).map(|b| Ok::<_, Infallible>(Frame::data(b))));
    let mut r = Response::new(BodyExt::boxed(body));
    r.headers_mut().insert("content-type", "text/event-stream".parse().unwrap());
    r.headers_mut().insert("cache-control", "no-cache".parse().unwrap());
    r
}

/// The upstream's events, marked and redacted, as they come; a pause or a deadline
/// ends the stream (Codex retries a stream that breaks off).
async fn relay(mut resp: reqwest::Response, tag: &str, deadline: tokio::time::Instant, idle: Duration, tx: &tokio::sync::mpsc::Sender<Bytes>, redactor: &Redactor) {
    let mut decoder = Decoder::with_limit(16 << 20);
    let mut shown = Deltas::default();
    loop {
        let next = tokio::time::timeout(idle, resp.chunk());
        let chunk = match tokio::time::timeout_at(deadline, next).await {
            Ok(Ok(Ok(Some(c)))) => c,
            _ => break,
        };
        let out: String = decoder.push(&chunk).into_iter().map(|ev| event_text(&mut shown, redactor, tag, &ev)).collect();
        if !out.is_empty() && tx.send(Bytes::from(redactor.text(&out))).await.is_err() {
            return;
        }
        if decoder.overflowed() {
            break;
        }
    }
    // A last event no blank line closed, then what the open texts still hold.
    let mut out = decoder.finish().map(|ev| event_text(&mut shown, redactor, tag, &ev)).unwrap_or_default();
    for (name, data) in shown.finish(redactor) {
        out.push_str(&format!("event: {name}\ndata: {data}\n\n"));
    }
    if !out.is_empty() {
        let _ = tx.send(Bytes::from(redactor.text(&out))).await;
    }
}

/// One upstream event as it goes to Codex: marked, its texts redacted across their
/// deltas (with any delta that ends a text's wait before it); `[DONE]` and anything
/// else that is not JSON as it came.
fn event_text(shown: &mut Deltas, redactor: &Redactor, tag: &str, ev: &crate::sse::Event) -> String {
    let data = ev.data.trim();
    match serde_json::from_str::<Value>(data) {
        Ok(mut v) => {
            tag::mark_event(tag, &mut v);
            shown.pass(redactor, &ev.event, v).into_iter().map(|(name, data)| format!("event: {name}\ndata: {data}\n\n")).collect()
        }
        Err(_) => format!("event: {}\ndata: {data}\n\n", ev.event),
    }
}
