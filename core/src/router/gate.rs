//! The router's answer on its way to Codex. While a request may still move to a
//! fallback, its stream is held at the gate (`failover::Gate`): the opening events
//! wait until the first output, which opens it, and an error or a break before that
//! fails it, so the request can move before Codex has seen a byte. Every answer is
//! then watched to its end (`Watched`): the time to its first output, whether it
//! completed, and the usage its `response.completed` carries, handed over once the
//! body is done with (its end, or Codex gone).

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::{BodyExt, BodyStream, StreamBody};
use hyper::Response;
use hyper::body::{Frame, SizeHint};
use serde_json::Value;

use super::failover::{Gate, Kind, Step, kind_of};
use super::http::Body;
use crate::sse::Decoder;
use crate::usage::Tokens;

/// What a stream showed on its way to Codex.
#[derive(Debug)]
pub struct Watch {
    decoder: Decoder,
    /// When its first output passed.
    pub first_output: Option<Instant>,
    /// `response.completed` passed.
    pub completed: bool,
    /// An error (`error`, `response.failed`) passed.
    pub failed: bool,
    /// The usage of its `response.completed` (or `response.incomplete`).
    pub tokens: Option<Tokens>,
    /// The body reached its end (rather than Codex going away first).
    pub ended: bool,
}

impl Default for Watch {
    fn default() -> Self {
        Watch { decoder: Decoder::with_limit(16 << 20), first_output: None, completed: false, failed: false, tokens: None, ended: false }
    }
}

impl Watch {
    /// Reads `bytes` of the stream; returns what each event it completes is to the gate, and its size.
    fn see(&mut self, bytes: &[u8]) -> Vec<(Kind, usize)> {
        let mut out = Vec::new();
        for ev in self.decoder.push(bytes) {
            let json = || serde_json::from_str::<Value>(&ev.data).ok();
            let parsed = if ev.event.is_empty() || ev.event == "message" { json() } else { None };
            let ty = parsed.as_ref().and_then(|v| v["type"].as_str()).unwrap_or(&ev.event).to_owned();
            let kind = kind_of(&ty);
            match ty.as_str() {
                "response.completed" | "response.incomplete" => {
                    let v = parsed.or_else(json).unwrap_or_default();
                    self.tokens = Tokens::from_usage(&v["response"]["usage"]).or(self.tokens);
                    self.completed |= ty == "response.completed";
                }
                _ if kind == Kind::Failed => self.failed = true,
                _ => {}
            }
            if kind == Kind::Output && self.first_output.is_none() && !ty.is_empty() {
                self.first_output = Some(Instant::now());
            }
            out.push((kind, ev.data.len() + ev.event.len()));
        }
        out
    }
}

/// A held answer, decided.
pub enum Gated {
    /// Its first output came (or it is no stream, or it was held as long as it may be):
    /// it goes to Codex, what was held first.
    Open(Response<Body>, Watch),
    /// An error before any output, or the end of the stream without any: what Codex
    /// gets if nothing else is tried. `broke`: the stream ended without a word.
    Failed(Response<Body>, Watch, bool),
}

fn is_stream(resp: &Response<Body>) -> bool {
    resp.status().is_success() && resp.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|c| c.contains("text/event-stream"))
}

/// Holds `resp` until its first output, an error, or `limit`.
pub async fn hold(resp: Response<Body>, limit: Duration) -> Gated {
    let mut watch = Watch::default();
    if !is_stream(&resp) {
        return Gated::Open(resp, watch);
    }
    let (parts, mut body) = resp.into_parts();
    let until = tokio::time::Instant::now() + limit;
    let mut gate = Gate::default();
    let mut held: Vec<Bytes> = Vec::new();
    loop {
        let frame = match tokio::time::timeout_at(until, body.frame()).await {
            // Held as long as it may be: it goes as it is.
            Err(_) => return Gated::Open(Response::from_parts(parts, prefixed(held, body)), watch),
            Ok(None) => return Gated::Failed(Response::from_parts(parts, prefixed(held, http_body_util::Empty::new().boxed())), watch, true),
            Ok(Some(Ok(f))) => f,
        };
        let Ok(data) = frame.into_data() else { continue };
        let mut step = Step::Hold;
        for (kind, size) in watch.see(&data) {
            step = match (step, gate.see(kind, size)) {
                (Step::Fail, _) | (_, Step::Fail) => Step::Fail,
                (Step::Open, _) | (_, Step::Open) => Step::Open,
                _ => Step::Hold,
            };
        }
        held.push(data);
        match step {
            Step::Hold => {}
            Step::Open => return Gated::Open(Response::from_parts(parts, prefixed(held, body)), watch),
            Step::Fail => return Gated::Failed(Response::from_parts(parts, prefixed(held, body)), watch, false),
        }
    }
}

/// `held`, then the rest of `rest`.
fn prefixed(held: Vec<Bytes>, rest: Body) -> Body {
    if held.is_empty() {
        return rest;
    }
    let head = futures_util::stream::iter(held.into_iter().map(|b| Ok::<_, Infallible>(Frame::data(b))));
    BodyExt::boxed(StreamBody::new(head.chain(BodyStream::new(rest))))
}

/// What is called with the watch once the answer is done with.
pub type Done = Box<dyn FnOnce(&Watch) + Send + Sync>;

/// An answer's body, watched on its way to Codex; `done` runs once, at its end or when dropped.
pub struct Watched {
    inner: Body,
    watch: Watch,
    done: Option<Done>,
}

impl Watched {
    pub fn new(inner: Body, watch: Watch, done: Done) -> Watched {
        Watched { inner, watch, done: Some(done) }
    }

    fn finish(&mut self) {
        if let Some(done) = self.done.take() {
            done(&self.watch);
        }
    }
}

impl hyper::body::Body for Watched {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(f))) => {
                if let Some(d) = f.data_ref() {
                    this.watch.see(d);
                }
                if this.inner.is_end_stream() {
                    this.watch.ended = true;
                    this.finish();
                }
                Poll::Ready(Some(Ok(f)))
            }
            Poll::Ready(None) => {
                this.watch.ended = true;
                this.finish();
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::Full;

    fn sse(events: &[(&str, Value)]) -> Vec<Bytes> {
        events.iter().map(|(k, v)| Bytes::from(format!("event: {k}\ndata: {v}\n\n"))).collect()
    }

    fn stream_of(chunks: Vec<Bytes>) -> Response<Body> {
        let body = BodyExt::boxed(StreamBody::new(futures_util::stream::iter(chunks.into_iter().map(|b| Ok::<_, Infallible>(Frame::data(b))))));
        let mut r = Response::new(body);
        r.headers_mut().insert("content-type", "text/event-stream".parse().unwrap());
        r
    }

    async fn text(resp: Response<Body>) -> String {
        String::from_utf8(resp.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn a_stream_is_held_until_its_first_output_and_fails_on_an_error_before_it() {
        use serde_json::json;
        let created = ("response.created", json!({"type": "response.created", "response": {"id": "r"}}));
        let added = ("response.output_item.added", json!({"type": "response.output_item.added", "item": {"type": "message"}}));
        let failed = ("response.failed", json!({"type": "response.failed", "response": {"error": {"message": "overloaded"}}}));
        let done = ("response.completed", json!({"type": "response.completed", "response": {"usage": {"input_tokens": 7, "output_tokens": 2, "total_tokens": 9}}}));
        // (the stream, what the gate decides: open, failed, broke)
        let cases: Vec<(Vec<(&str, Value)>, &str)> = vec![
            (vec![created.clone(), added.clone(), done.clone()], "open"),
            (vec![created.clone(), failed.clone()], "failed"),
            (vec![created.clone(), ("error", json!({"type": "error", "message": "x"}))], "failed"),
            (vec![created.clone(), added.clone(), failed.clone()], "open"),
            (vec![created.clone()], "broke"),
            (vec![created.clone(), done.clone()], "open"),
        ];
        for (events, want) in cases {
            let whole: String = sse(&events).iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect();
            let got = hold(stream_of(sse(&events)), Duration::from_secs(5)).await;
            let (name, resp) = match got {
                Gated::Open(r, _) => ("open", r),
                Gated::Failed(r, _, false) => ("failed", r),
                Gated::Failed(r, _, true) => ("broke", r),
            };
            assert_eq!(name, want, "{events:?}");
            assert_eq!(text(resp).await, whole, "what was held goes out first, then the rest, byte for byte");
        }
    }

    #[tokio::test]
    async fn an_opening_held_too_long_goes_as_it_is() {
        use serde_json::json;
        let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(4);
        tx.send(sse(&[("response.created", json!({"type": "response.created"}))]).remove(0)).await.unwrap();
        let body = BodyExt::boxed(StreamBody::new(super::super::http::stream_of(rx).map(|b| Ok::<_, Infallible>(Frame::data(b)))));
        let mut r = Response::new(body);
        r.headers_mut().insert("content-type", "text/event-stream".parse().unwrap());
        let started = Instant::now();
        assert!(matches!(hold(r, Duration::from_millis(200)).await, Gated::Open(..)));
        assert!(started.elapsed() < Duration::from_secs(2));
        // Not a stream: nothing to hold.
        let plain = Response::new(Full::new(Bytes::from("{}")).boxed());
        assert!(matches!(hold(plain, Duration::from_secs(5)).await, Gated::Open(..)));
    }

    #[tokio::test]
    async fn the_watch_sees_the_usage_and_ends_once() {
        use serde_json::json;
        let events = [
            ("response.created", json!({"type": "response.created"})),
            ("response.output_text.delta", json!({"type": "response.output_text.delta", "delta": "hi"})),
            ("response.completed", json!({"type": "response.completed", "response": {"usage": {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 4}, "output_tokens": 3, "output_tokens_details": {"reasoning_tokens": 1}, "total_tokens": 13}}})),
        ];
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let s2 = seen.clone();
        let body = Watched::new(stream_of(sse(&events)).into_body(), Watch::default(), Box::new(move |w: &Watch| s2.lock().unwrap().push((w.completed, w.tokens, w.first_output.is_some(), w.ended))));
        let _ = BodyExt::collect(body).await.unwrap();
        let want = Tokens { input_tokens: 10, cached_input_tokens: 4, output_tokens: 3, reasoning_output_tokens: 1, total_tokens: 13 };
        assert_eq!(*seen.lock().unwrap(), [(true, Some(want), true, true)]);
        // Dropped before its end (Codex went away): once, not ended.
        let s3 = seen.clone();
        let early = Watched::new(stream_of(sse(&events)).into_body(), Watch::default(), Box::new(move |w: &Watch| s3.lock().unwrap().push((w.completed, w.tokens, w.first_output.is_some(), w.ended))));
        drop(early);
        assert_eq!(seen.lock().unwrap()[1], (false, None, false, false));
    }
}
