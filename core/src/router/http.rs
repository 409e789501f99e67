//! What the router's handlers share: the body type, a JSON answer or error, a
//! capped read of an upstream's body, an error's whole chain, a channel as a body.

use std::convert::Infallible;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::{Response, StatusCode};
use serde_json::{Value, json};

pub type Body = BoxBody<Bytes, Infallible>;

pub fn full(status: StatusCode, body: Value) -> Response<Body> {
    json_bytes(status, Bytes::from(body.to_string()))
}

/// An answer whose body is JSON already serialized (shared, not copied).
pub fn json_bytes(status: StatusCode, body: Bytes) -> Response<Body> {
    let mut r = Response::new(Full::new(body).boxed());
    *r.status_mut() = status;
    r.headers_mut().insert("content-type", hyper::header::HeaderValue::from_static("application/json"));
    r
}

pub fn error(status: StatusCode, message: &str) -> Response<Body> {
    full(status, json!({"error": {"message": message, "type": "switchboard_bridge"}}))
}

/// `r`, saying what its upstream did instead of answering (read by the failover; never sent).
pub fn told(mut r: Response<Body>, what: super::failover::Upstream) -> Response<Body> {
    r.extensions_mut().insert(what);
    r
}

/// The headers of an upstream's answer that say how long to wait (names lower-case).
pub fn wait_headers(h: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    h.iter().filter(|(k, _)| super::failover::is_wait_header(k.as_str())).filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned()))).collect()
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// How long a body read here may go without a byte before it is cut off: an
/// upstream that sends headers and then hangs holds no task forever.
pub const BODY_IDLE: std::time::Duration = std::time::Duration::from_secs(120);

/// The body of `resp`, at most `cap` bytes of it, read until it ends or goes
/// `BODY_IDLE` without a byte.
pub async fn capped_text(mut resp: reqwest::Response, cap: usize) -> String {
    let mut out = Vec::new();
    while let Ok(Ok(Some(c))) = tokio::time::timeout(BODY_IDLE, resp.chunk()).await {
        let room = cap.saturating_sub(out.len());
        out.extend_from_slice(&c[..c.len().min(room)]);
        if out.len() >= cap {
            break;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub use crate::probe::http::chain;

pub fn stream_of(mut rx: tokio::sync::mpsc::Receiver<Bytes>) -> impl futures_util::Stream<Item = Bytes> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

/// Codex's headers that are Codex's own business, never sent to a provider that speaks Chat Completions.
pub fn forwarded_headers(h: &hyper::HeaderMap) -> Vec<(String, String)> {
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

