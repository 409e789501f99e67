//! Stand-in providers that act as an attacker would: echoing the credential
//! they were sent back in every place a client might print, or answering with
//! a body that never ends. 127.0.0.1 only, like every stand-in here.

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::{MODELS, Seen, respond};

/// Where a [`super::Behavior::EchoKey`] server puts the credential it was sent
/// (the whole `Authorization` value, the bare key, and any `api-key` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Echo {
    /// 401 with the key in the JSON error message.
    Unauthorized,
    /// 403 with the key in the JSON error message.
    Forbidden,
    /// 400 with the key in the JSON error message.
    BadRequest,
    /// 200 SSE: `response.created`, then `response.failed` quoting the key.
    ResponseFailed,
    /// `GET /models` lists the key as model ids; `/responses` says the model is unknown.
    ModelIds,
    /// 500 with a plain-text body quoting the key.
    PlainText,
    /// `/responses` redirects (307) to a URL that carries the key.
    Location,
    /// A good stream whose `response.model` carries the key (the model it "serves").
    ServedModel,
}

/// Which route of a [`super::Behavior::Endless`] server never stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endless {
    /// `GET /models`: a JSON list that never closes; `/responses` is good.
    Models,
    /// `POST /responses`: an SSE `data:` line that never ends; `/models` is good.
    Stream,
    /// `POST /responses`: a 400 error body that never ends; `/models` is good.
    ErrorBody,
}

/// Every credential `s` carried: the Authorization value, the value without
/// `Bearer `, and any `api-key` header.
fn credentials_in(s: &Seen) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = s.header("authorization") {
        out.push(a.to_owned());
        if let Some(bare) = a.strip_prefix("Bearer ") {
            out.push(bare.to_owned());
        }
    }
    if let Some(k) = s.header("api-key") {
        out.push(k.to_owned());
    }
    out
}

pub(crate) fn echo(conn: &mut TcpStream, how: Echo, s: &Seen, prefix: &str) -> std::io::Result<()> {
    let creds = credentials_in(s).join(" / ");
    let quoted = serde_json::to_string(&format!("Invalid key: {creds}")).unwrap();
    let error = format!(r#"{{"error":{{"message":{quoted},"code":"invalid_api_key"}}}}"#);
    let json = "application/json";
    let responses = s.method == "POST" && s.path() == format!("{prefix}/responses");
    let models = s.method == "GET" && s.path() == format!("{prefix}/models");
    match how {
        Echo::Unauthorized => respond(conn, 401, json, &error),
        Echo::Forbidden => respond(conn, 403, json, &error),
        Echo::BadRequest if responses => respond(conn, 400, json, &error),
        Echo::ResponseFailed if responses => {
            let failed = format!(r#"{{"type":"response.failed","response":{{"id":"r","error":{{"message":{quoted}}}}}}}"#);
            let body = format!(
                "event: response.created\ndata: {{\"type\":\"response.created\",\"response\":{{\"id\":\"r\"}}}}\n\nevent: response.failed\ndata: {failed}\n\n"
            );
            respond(conn, 200, "text/event-stream", &body)
        }
        Echo::ModelIds if models => {
            let data: Vec<serde_json::Value> = credentials_in(s).iter().map(|c| serde_json::json!({"id": c})).collect();
            respond(conn, 200, json, &serde_json::json!({"object": "list", "data": data}).to_string())
        }
        Echo::ModelIds if responses => {
            respond(conn, 404, json, r#"{"error":{"message":"The model does not exist","code":"model_not_found"}}"#)
        }
        Echo::PlainText => respond(conn, 500, "text/plain", &format!("upstream rejected {creds}")),
        Echo::ServedModel if responses => {
            let bare = credentials_in(s).pop().unwrap_or_default();
            let model = serde_json::to_string(&format!("gpt-6.1-sol-{bare}")).unwrap();
            let body = format!(
                "event: response.created\ndata: {{\"type\":\"response.created\",\"response\":{{\"id\":\"r\",\"model\":{model}}}}}\n\nevent: response.completed\ndata: {{\"type\":\"response.completed\",\"response\":{{\"id\":\"r\",\"model\":{model}}}}}\n\n"
            );
            respond(conn, 200, "text/event-stream", &body)
        }
        Echo::Location if responses => {
            let bare = credentials_in(s).pop().unwrap_or_default();
            write!(conn, "HTTP/1.1 307 Temporary Redirect\r\nlocation: http://127.0.0.1:9/{bare}/responses?key={bare}\r\ncontent-length: 0\r\n\r\n")?;
            conn.flush()
        }
        _ if models => respond(conn, 200, json, MODELS),
        _ => respond(conn, 404, json, &error),
    }
}

/// Whether `how` makes this request's answer endless.
pub(crate) fn endless_route(how: Endless, models: bool, responses: bool) -> bool {
    match how {
        Endless::Models => models,
        Endless::Stream | Endless::ErrorBody => responses,
    }
}

/// Answers with a body that never ends.
pub(crate) fn endless(conn: &mut TcpStream, how: Endless) -> std::io::Result<()> {
    match how {
        Endless::Models => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{\"object\":\"list\",\"data\":[";
            repeat(conn, head, br#"{"id":"model-0123456789abcdef","object":"model"},"#)
        }
        Endless::Stream => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\ndata: ";
            repeat(conn, head, b"xxxxxxxxxxxxxxxx")
        }
        Endless::ErrorBody => {
            let head = "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{\"error\":{\"message\":\"";
            repeat(conn, head, b"upstream busy ")
        }
    }
}

/// Writes `head` and then `unit` over and over, until the client goes away or 30 s pass.
fn repeat(conn: &mut TcpStream, head: &str, unit: &[u8]) -> std::io::Result<()> {
    conn.write_all(head.as_bytes())?;
    let block = unit.repeat((64 * 1024 / unit.len().max(1)).max(1));
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        conn.write_all(&block)?;
    }
    Ok(())
}

