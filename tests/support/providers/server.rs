//! The stand-in server on 127.0.0.1: it reads each request, answers `/models`,
//! checks chat requests against its provider's rules and answers a refusal, a
//! break or a stream.

use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use super::behaviour::{Behaviour, FRAMING_B_BREAK};
use super::log::Log;
use super::rules::check;
use super::sse::{Frame, Style, style, write_stream};
use super::streams::frames;
use crate::{Seen, read_request};

pub struct ProviderServer {
    pub port: u16,
    pub behaviour: Behaviour,
    log: Arc<Mutex<Log>>,
    stop: Arc<AtomicBool>,
}

impl ProviderServer {
    pub fn start(behaviour: Behaviour) -> ProviderServer {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Log { seed: u64::from(port) << 20, ..Log::default() }));
        let stop = Arc::new(AtomicBool::new(false));
        let (log2, stop2) = (log.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let log3 = log2.clone();
                std::thread::spawn(move || {
                    let _ = serve(conn, behaviour, &log3);
                });
            }
        });
        ProviderServer { port, behaviour, log, stop }
    }

    /// `http://127.0.0.1:<port><prefix>`: what the provider is added with.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.behaviour.prefix())
    }

    /// Every request it saw (chat or not), in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap().seen.clone()
    }

    /// The bodies of the chat requests, in order, refused ones included.
    pub fn requests(&self) -> Vec<Value> {
        self.log.lock().unwrap().requests.clone()
    }

    /// Every error it answered: the status and the body (FramingB's break: 200 and the error chunk).
    pub fn refusals(&self) -> Vec<(u16, String)> {
        self.log.lock().unwrap().refusals.clone()
    }

    /// Gemini: the thought signatures it sent, by call id.
    pub fn signatures_sent(&self) -> BTreeMap<String, String> {
        self.log.lock().unwrap().signatures.clone()
    }

    /// The sum of the `total_tokens` it streamed, wherever its provider puts them: what Codex
    /// says it used, when the bridge read every one.
    pub fn tokens_sent(&self) -> u64 {
        self.log.lock().unwrap().tokens
    }

    /// OpenRouter: the `reasoning_details` it sent, by the first call id of their response.
    pub fn details_sent(&self) -> BTreeMap<String, Value> {
        self.log.lock().unwrap().details.clone()
    }
}

impl Drop for ProviderServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

enum Answer {
    Refuse(u16, String),
    /// FramingB's break: an error object inside a 200 stream.
    Break,
    Stream(Vec<Frame>),
}

fn serve(conn: TcpStream, b: Behaviour, log: &Mutex<Log>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    while let Some(s) = read_request(&mut reader)? {
        log.lock().unwrap().seen.push(s.clone());
        let prefix = b.prefix();
        if s.method == "GET" && s.path() == format!("{prefix}/models") {
            let body = json!({"object": "list", "data": [{"id": b.model(), "object": "model", "owned_by": "stand-in"}]}).to_string();
            plain(&mut conn, 200, &body)?;
            continue;
        }
        if s.method != "POST" || s.path() != format!("{prefix}/chat/completions") {
            let body = if b == Behaviour::Azure { r#"{"error":{"code":"404","message":"Resource not found"}}"# } else { r#"{"error":{"message":"Not Found"}}"# };
            log.lock().unwrap().refusals.push((404, body.to_owned()));
            plain(&mut conn, 404, body)?;
            continue;
        }
        let answer = {
            let mut log = log.lock().unwrap();
            let first = log.requests.is_empty();
            match serde_json::from_str::<Value>(&s.body) {
                Err(e) => {
                    let body = json!({"error": {"message": format!("invalid JSON body: {e}")}}).to_string();
                    log.requests.push(Value::Null);
                    log.refusals.push((400, body.clone()));
                    Answer::Refuse(400, body)
                }
                Ok(req) => {
                    log.requests.push(req.clone());
                    match check(b, &s, &req, &log) {
                        Some((status, body)) => {
                            log.refusals.push((status, body.clone()));
                            Answer::Refuse(status, body)
                        }
                        None if b == Behaviour::FramingB && first => {
                            log.refusals.push((200, FRAMING_B_BREAK.to_owned()));
                            Answer::Break
                        }
                        None => Answer::Stream(frames(b, &req, &mut log)),
                    }
                }
            }
        };
        match answer {
            Answer::Refuse(status, body) => plain(&mut conn, status, &body)?,
            Answer::Break => write_stream(&mut conn, &[Frame::Data(serde_json::from_str(FRAMING_B_BREAK).unwrap())], Style::PLAIN)?,
            Answer::Stream(frames) => write_stream(&mut conn, &frames, style(b))?,
        }
    }
    Ok(())
}

fn plain(conn: &mut TcpStream, status: u16, body: &str) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        _ => "Status",
    };
    write!(conn, "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
    conn.flush()
}
