//! Observing over HTTP: the client, the headers Codex would send, and the
//! three requests (`GET /models`, the streamed `POST /responses`, and `POST
//! /chat/completions` to explain a 404). Every body is read with a byte cap,
//! so memory stays bounded whatever the server sends.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::endpoint::Endpoint;
use super::models::model_ids;
use super::observe::{ModelsSeen, RefusedHeader, ResponsesSeen, StreamEnd, TransportFailure};
use crate::sse;
use crate::provider::table::ProviderEntry;

/// The most read of a `/models` answer.
pub const MODELS_CAP: usize = 4 << 20;
/// The most read of an error body or a non-stream answer.
pub const BODY_CAP: usize = 64 << 10;
/// The most read of a `/responses` stream.
pub const STREAM_CAP: usize = 4 << 20;

pub fn client(limit: Duration) -> Result<reqwest::Client, String> {
    install_crypto();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(limit)
        .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("Could not set up HTTP: {e}"))
}

pub(crate) fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The headers Codex sends, and the ones that cannot be sent (never dropped silently).
pub fn headers(entry: &ProviderEntry, token: Option<&str>) -> (HeaderMap, Vec<RefusedHeader>) {
    let mut h = HeaderMap::new();
    let mut refused = Vec::new();
    let mut put = |k: &str, v: &str, env_var: Option<&str>, sensitive: bool| {
        let Ok(name) = HeaderName::from_bytes(k.as_bytes()) else {
            refused.push(RefusedHeader { name: k.to_owned(), env_var: env_var.map(str::to_owned), bad_name: true });
            return;
        };
        match HeaderValue::from_str(v) {
            Ok(mut value) => {
                value.set_sensitive(sensitive);
                h.insert(name, value);
            }
            Err(_) => refused.push(RefusedHeader { name: k.to_owned(), env_var: env_var.map(str::to_owned), bad_name: false }),
        }
    };
    for (k, v) in &entry.http_headers {
        put(k, v, None, false);
    }
    for (k, var) in &entry.env_http_headers {
        // Codex leaves the header out when the variable is unset.
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                put(k, &v, Some(var), true);
            }
        }
    }
    if let Some(token) = token {
        put("authorization", &format!("Bearer {token}"), None, true);
    }
    (h, refused)
}

/// A response body read up to `cap` bytes; `true` when there was more.
pub(crate) async fn read_capped(resp: &mut reqwest::Response, cap: usize) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let mut out = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        let room = cap - out.len();
        if chunk.len() > room {
            out.extend_from_slice(&chunk[..room]);
            return Ok((out, true));
        }
        out.extend_from_slice(&chunk);
    }
    Ok((out, false))
}

/// An error body (or a body we only glance at), capped and decoded leniently.
async fn glance(mut resp: reqwest::Response) -> String {
    match read_capped(&mut resp, BODY_CAP).await {
        Ok((bytes, _)) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    }
}

fn is_html(resp: &reqwest::Response) -> bool {
    content_type(resp).contains("text/html")
}

fn content_type(resp: &reqwest::Response) -> &str {
    resp.headers().get("content-type").and_then(|c| c.to_str().ok()).unwrap_or("")
}

pub fn failure(e: &reqwest::Error) -> TransportFailure {
    TransportFailure { timeout: e.is_timeout(), connect: e.is_connect(), chain: chain(e) }
}

/// An error and every cause under it, on one line (`a: b: c`).
pub fn chain(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut cur = std::error::Error::source(e);
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

pub async fn get_models(client: &reqwest::Client, ep: &Endpoint, entry: &ProviderEntry, headers: &HeaderMap) -> ModelsSeen {
    get_models_for(client, ep, entry, headers, "").await.0
}

/// `GET /models`, and the window the list gives for `model` (see `model_facts`).
pub async fn get_models_for(client: &reqwest::Client, ep: &Endpoint, entry: &ProviderEntry, headers: &HeaderMap, model: &str) -> (ModelsSeen, Option<u64>) {
    let seen = |s| (s, None);
    let url = ep.route("/models", &entry.query_params);
    let mut resp = match client.get(&url).headers(headers.clone()).send().await {
        Ok(r) => r,
        Err(e) => return seen(ModelsSeen::Failed(failure(&e))),
    };
    let status = resp.status().as_u16();
    let html = is_html(&resp);
    let cap = if (200..300).contains(&status) { MODELS_CAP } else { BODY_CAP };
    let (body, truncated) = read_capped(&mut resp, cap).await.unwrap_or_default();
    if html || body.trim_ascii_start().starts_with(b"<") {
        return seen(ModelsSeen::Html);
    }
    if !(200..300).contains(&status) {
        return seen(ModelsSeen::Status(status));
    }
    if truncated {
        return seen(ModelsSeen::TooLarge);
    }
    let mut models = model_ids(&body);
    let window = if model.is_empty() { None } else { super::models::window_in_list(&body, model) };
    drop(body);
    // Ollama lists what is installed at /api/tags.
    if models.is_empty() && ep.port() == 11434 {
        if let Ok(mut r) = client.get(ep.on_origin("/api/tags")).send().await {
            if let Ok((text, false)) = read_capped(&mut r, MODELS_CAP).await {
                models = model_ids(&text);
            }
        }
    }
    (if models.is_empty() { ModelsSeen::Answered } else { ModelsSeen::Listed(models) }, window)
}

/// Whether `POST /chat/completions` answers at all (404/405 or a web page: no).
pub async fn chat_completions_answers(client: &reqwest::Client, ep: &Endpoint, entry: &ProviderEntry, headers: &HeaderMap) -> bool {
    let url = ep.route("/chat/completions", &entry.query_params);
    match client.post(&url).headers(headers.clone()).json(&serde_json::json!({})).send().await {
        Ok(r) => !matches!(r.status().as_u16(), 404 | 405) && !is_html(&r),
        Err(_) => false,
    }
}

/// The streamed `POST /responses`; `ttfb` is set as soon as the answer starts,
/// so it survives a deadline that cuts the stream; `served` gets the model the
/// answer names (`response.model`).
pub async fn post_responses(
    client: &reqwest::Client,
    ep: &Endpoint,
    entry: &ProviderEntry,
    headers: &HeaderMap,
    model: &str,
    ttfb: &mut Option<u64>,
    served: &mut Option<String>,
) -> ResponsesSeen {
    let sent = Instant::now();
    let url = ep.route("/responses", &entry.query_params);
    let body = serde_json::json!({
        "model": model,
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "Reply OK"}]}],
        "stream": true,
        "store": false,
        "max_output_tokens": 16,
    });
    let resp = client.post(&url).headers(headers.clone()).header("accept", "text/event-stream").json(&body).send().await;
    let resp = match resp {
        Ok(r) => r,
        Err(e) => return ResponsesSeen::Failed(failure(&e)),
    };
    *ttfb = Some(sent.elapsed().as_millis() as u64);
    let status = resp.status().as_u16();
    if resp.status().is_redirection() {
        let location = resp.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("").to_owned();
        return ResponsesSeen::Redirect { status, location };
    }
    let html = is_html(&resp);
    if !(200..300).contains(&status) {
        return ResponsesSeen::Status { status, html, body: glance(resp).await };
    }
    if html {
        return ResponsesSeen::Html;
    }
    if !content_type(&resp).contains("text/event-stream") {
        return ResponsesSeen::NotStream { body: glance(resp).await };
    }
    read_stream(resp, served).await
}

/// Reads events until `response.completed`, a failure event, the end, or the cap.
async fn read_stream(mut resp: reqwest::Response, served: &mut Option<String>) -> ResponsesSeen {
    let mut decoder = sse::Decoder::default();
    let mut created = false;
    let mut read = 0usize;
    let end = loop {
        let chunk = match resp.chunk().await {
            Ok(Some(c)) => c,
            Ok(None) => break StreamEnd::Closed,
            Err(e) => break StreamEnd::Broken(failure(&e).chain),
        };
        read += chunk.len();
        for event in decoder.push(&chunk) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(event.data.trim()) else { continue };
            if let Some(m) = v["response"]["model"].as_str().filter(|m| !m.is_empty() && m.len() <= 200) {
                *served = Some(m.to_owned());
            }
            match v["type"].as_str().unwrap_or("") {
                "response.created" => created = true,
                "response.completed" => return ResponsesSeen::Stream { created, end: StreamEnd::Completed },
                "response.failed" | "error" => {
                    let msg = v["response"]["error"]["message"].as_str().or(v["error"]["message"].as_str()).or(v["message"].as_str());
                    return ResponsesSeen::Stream { created, end: StreamEnd::Failed(msg.map(str::to_owned)) };
                }
                _ => {}
            }
        }
        if read > STREAM_CAP {
            break StreamEnd::Capped;
        }
    };
    ResponsesSeen::Stream { created, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_that_cannot_be_sent_are_named() {
        // (static headers, refused names)
        let cases: &[(&[(&str, &str)], &[&str])] = &[
            (&[("X-Title", "Switchboard")], &[]),
            (&[("X;A", "v")], &["X;A"]),
            (&[("X A", "v"), ("Ok", "v")], &["X A"]),
            (&[("X-Line", "a\nb")], &["X-Line"]),
            (&[("Ünï", "v")], &["Ünï"]),
        ];
        for (given, want) in cases {
            let mut e = ProviderEntry::from_url("p", "https://h/v1");
            for (k, v) in *given {
                e.http_headers.insert((*k).into(), (*v).into());
            }
            let (map, refused) = headers(&e, Some("tok"));
            let names: Vec<&str> = refused.iter().map(|r| r.name.as_str()).collect();
            assert_eq!(names, *want, "{given:?}");
            assert_eq!(map.len(), given.len() - want.len() + 1, "the rest are sent, with the key");
            assert!(map["authorization"].is_sensitive());
        }
    }
}
