//! A Responses-API stand-in on 127.0.0.1 (`ResponsesServer`) and the behaviours it
//! acts out (`Behavior`): a provider that answers well, refuses, hangs, redirects,
//! serves web pages, echoes the key, or serves both APIs.

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::{Echo, Endless, HTML, MODELS, Seen, hostile, read_request, respond};

/// How a stand-in server behaves: each acts out one thing a provider can do.
#[derive(Debug, Clone)]
pub enum Behavior {
    /// `/models` lists m1 and m2; `/responses` streams "OK".
    Good,
    /// 401 on everything.
    Unauthorized,
    /// `/models` and `/chat/completions` answer; `/responses` is 404.
    ChatOnly,
    /// A web page on every path.
    Html,
    /// `/models` lists m1 and m2; `/responses` says the model does not exist (404).
    UnknownModel,
    /// Any status with a JSON error body on `/responses`; `/models` lists m1, m2.
    Status(u16, &'static str),
    /// Reads the request and never answers.
    Hang,
    /// `/responses` redirects (307) to this URL.
    Redirect(String),
    /// 404 on everything.
    NotFound,
    /// A hostile provider that quotes the credential it received back, in one place.
    EchoKey(Echo),
    /// An endless body, written as fast as the client reads it (for at most 30 s).
    Endless(Endless),
    /// `/models` answers at once; `/responses` reads the request and never answers.
    HangResponses,
    /// Like `Good`, but 400 to any `/responses` request that carries a `custom` tool.
    NoCustomTools,
    /// Like `Good`, but the answer names this model, whatever was asked for: as Azure
    /// names the model behind a deployment.
    Serves(&'static str),
    /// A provider that serves both APIs: `/responses` like `Good` (but, with
    /// `refuse_custom`, a 400 to any request carrying Codex's `custom` apply_patch),
    /// and `/chat/completions` streaming "OK".
    Dual { refuse_custom: bool },
    /// `Dual { refuse_custom: true }`, but its refusal quotes the credential it was sent.
    DualEchoKey,
    /// `Dual`, but its `/responses` refuses any request that carries tools at all.
    DualNoTools,
}

/// A Responses-API stand-in on 127.0.0.1: `POST <prefix>/responses` answers an
/// SSE stream that says "OK"; everything else is 404. It records every request.
pub struct ResponsesServer {
    pub port: u16,
    pub host: String,
    /// When set, `POST /responses` without `Authorization: Bearer <key>` gets 401.
    pub key: Option<String>,
    pub prefix: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl ResponsesServer {
    pub fn start(prefix: &str) -> Self {
        Self::start_with_key(prefix, None)
    }

    pub fn start_with_key(prefix: &str, key: Option<&str>) -> Self {
        Self::start_full("127.0.0.1", prefix, key, Behavior::Good, Duration::ZERO)
    }

    /// A server on `host` (any 127.x address) acting out `behavior`, answering after `delay`.
    pub fn start_full(host: &str, prefix: &str, key: Option<&str>, behavior: Behavior, delay: Duration) -> Self {
        let listener = TcpListener::bind((host, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s2, stop2, prefix2) = (seen.clone(), stop.clone(), prefix.to_owned());
        let key2 = key.map(str::to_owned);
        let behavior = Arc::new(behavior);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s3, p3, k3, b3) = (s2.clone(), prefix2.clone(), key2.clone(), behavior.clone());
                std::thread::spawn(move || {
                    let _ = serve(conn, &p3, k3.as_deref(), &b3, delay, &s3);
                });
            }
        });
        ResponsesServer { port, host: host.to_owned(), key: key.map(str::to_owned), prefix: prefix.to_owned(), seen, stop }
    }

    /// The base URL Codex should use: `http://127.0.0.1:<port><prefix>`.
    pub fn base_url(&self) -> String {
        format!("http://{}:{}{}", self.host, self.port, self.prefix)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The POSTs to `<prefix>/responses`.
    pub fn responses_posts(&self) -> Vec<Seen> {
        let want = format!("{}/responses", self.prefix);
        self.seen().into_iter().filter(|s| s.method == "POST" && s.path() == want).collect()
    }
}

impl Drop for ResponsesServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect((self.host.as_str(), self.port));
    }
}

fn serve(conn: TcpStream, prefix: &str, key: Option<&str>, behavior: &Behavior, delay: Duration, seen: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    loop {
        let Some(s) = read_request(&mut reader)? else { return Ok(()) };
        seen.lock().unwrap().push(s.clone());
        std::thread::sleep(delay);
        let responses = s.method == "POST" && s.path() == format!("{prefix}/responses");
        let models = s.method == "GET" && s.path() == format!("{prefix}/models");
        let chat = s.path() == format!("{prefix}/chat/completions");
        let json = "application/json";
        match behavior {
            Behavior::Good | Behavior::Serves(_) => {}
            Behavior::Unauthorized => {
                respond(&mut conn, 401, json, r#"{"error":{"message":"Invalid API key","code":"invalid_api_key"}}"#)?;
                continue;
            }
            Behavior::ChatOnly => {
                if models {
                    respond(&mut conn, 200, json, MODELS)?;
                } else if chat {
                    respond(&mut conn, 400, json, r#"{"error":{"message":"messages is required"}}"#)?;
                } else {
                    respond(&mut conn, 404, json, r#"{"error":"Not Found"}"#)?;
                }
                continue;
            }
            Behavior::Html => {
                respond(&mut conn, 200, "text/html; charset=utf-8", HTML)?;
                continue;
            }
            Behavior::UnknownModel if responses => {
                let m = serde_json::from_str::<serde_json::Value>(&s.body).ok().and_then(|v| v["model"].as_str().map(str::to_owned)).unwrap_or_default();
                let body = format!(r#"{{"error":{{"message":"The model `{m}` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}}}"#);
                respond(&mut conn, 404, json, &body)?;
                continue;
            }
            Behavior::Status(code, body) if responses => {
                respond(&mut conn, *code, json, body)?;
                continue;
            }
            Behavior::UnknownModel | Behavior::Status(..) if models => {
                respond(&mut conn, 200, json, MODELS)?;
                continue;
            }
            Behavior::Hang => {
                std::thread::sleep(Duration::from_secs(60));
                return Ok(());
            }
            Behavior::Redirect(to) if responses => {
                write!(conn, "HTTP/1.1 307 Temporary Redirect\r\nlocation: {to}\r\ncontent-length: 0\r\n\r\n")?;
                conn.flush()?;
                continue;
            }
            Behavior::NotFound => {
                respond(&mut conn, 404, json, r#"{"error":"Not Found"}"#)?;
                continue;
            }
            Behavior::EchoKey(how) => {
                hostile::echo(&mut conn, *how, &s, prefix)?;
                continue;
            }
            Behavior::Endless(how) if hostile::endless_route(*how, models, responses) => return hostile::endless(&mut conn, *how),
            Behavior::HangResponses if responses => {
                std::thread::sleep(Duration::from_secs(60));
                return Ok(());
            }
            Behavior::Dual { .. } | Behavior::DualEchoKey | Behavior::DualNoTools if chat && s.method == "POST" => {
                conn.write_all(chat_ok().as_bytes())?;
                conn.flush()?;
                return Ok(());
            }
            Behavior::DualEchoKey if responses && s.body.replace(' ', "").contains(r#""type":"custom""#) => {
                let said = serde_json::to_string(&format!("custom tools are not allowed for {}", s.header("authorization").unwrap_or(""))).unwrap();
                respond(&mut conn, 400, json, &format!(r#"{{"error":{{"message":{said}}}}}"#))?;
                continue;
            }
            Behavior::DualNoTools if responses && s.body.replace(' ', "").contains(r#""tools":[{"#) => {
                respond(&mut conn, 400, json, r#"{"error":{"message":"tools are not supported on this endpoint","type":"invalid_request_error","param":"tools"}}"#)?;
                continue;
            }
            Behavior::NoCustomTools | Behavior::Dual { refuse_custom: true } if responses && s.body.replace(' ', "").contains(r#""type":"custom""#) => {
                respond(&mut conn, 400, json, r#"{"error":{"message":"Invalid value: 'custom'. Supported values are: 'function'.","type":"invalid_request_error","param":"tools[0].type"}}"#)?;
                continue;
            }
            _ => {}
        }
        if models {
            respond(&mut conn, 200, json, MODELS)?;
            continue;
        }
        let authorized = key.is_none_or(|k| s.header("authorization") == Some(format!("Bearer {k}").as_str()));
        if s.method == "POST" && s.path() == format!("{prefix}/responses") && !authorized {
            let body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
            write!(conn, "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
            conn.flush()?;
            return Ok(());
        }
        if s.method == "POST" && s.path() == format!("{prefix}/responses") {
            let served = if let Behavior::Serves(m) = behavior { Some(*m) } else { None };
            conn.write_all(sse_ok(served).as_bytes())?;
            conn.flush()?;
            return Ok(());
        }
        let body = "{\"error\":{\"message\":\"not found\"}}";
        write!(
            conn,
            "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        )?;
        conn.flush()?;
    }
}

/// A Chat Completions stream that says "OK".
fn chat_ok() -> String {
    let chunk = |delta: &str, finish: &str| format!(r#"data: {{"id":"c","object":"chat.completion.chunk","choices":[{{"index":0,"delta":{delta},"finish_reason":{finish}}}]}}"#);
    let body = format!("{}\n\n{}\n\n{}\n\ndata: [DONE]\n\n", chunk(r#"{"role":"assistant","content":""}"#, "null"), chunk(r#"{"content":"OK"}"#, "null"), chunk("{}", r#""stop""#));
    format!("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}", body.len())
}

fn sse_ok(served: Option<&str>) -> String {
    let created = match served {
        Some(m) => format!(r#"{{"type":"response.created","response":{{"id":"resp_test","model":"{m}"}}}}"#),
        None => r#"{"type":"response.created","response":{"id":"resp_test"}}"#.to_owned(),
    };
    let events = [
        ("response.created", created.as_str()),
        (
            "response.output_item.done",
            r#"{"type":"response.output_item.done","item":{"type":"message","role":"assistant","id":"msg_test","content":[{"type":"output_text","text":"OK"}]}}"#,
        ),
        (
            "response.completed",
            r#"{"type":"response.completed","response":{"id":"resp_test","usage":{"input_tokens":1,"input_tokens_details":null,"output_tokens":1,"output_tokens_details":null,"total_tokens":2}}}"#,
        ),
    ];
    let mut body = String::new();
    for (name, data) in events {
        body.push_str(&format!("event: {name}\ndata: {data}\n\n"));
    }
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}
