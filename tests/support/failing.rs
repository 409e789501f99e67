//! Stand-in providers that fail, each in one way a real provider does, for the
//! router's failover tests: refusing connections (a closed port), hanging before
//! the first byte, a 5xx, a 429 with a wait, an error event before any output (in
//! the Responses API or as a Chat Completions error chunk), or an error after its
//! output has begun. 127.0.0.1 only; every request it gets is counted and kept.

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::{Seen, read_request};

/// How it fails.
#[derive(Debug, Clone)]
pub enum Fail {
    /// Reads the request and never answers.
    Hang,
    /// This status, with these headers and this JSON body.
    Status(u16, Vec<(&'static str, String)>, String),
    /// 200, `response.created`, then `response.failed` (a Responses provider).
    ErrorEvent,
    /// 200, then a Chat Completions chunk that is an error (before any content).
    ChatErrorChunk,
    /// 200, the start of an answer (an item and a delta of text), then `response.failed`.
    AfterOutput,
}

pub struct Failing {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

/// A URL nothing listens on: connections are refused.
pub fn refusing_url() -> String {
    let port = TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
    format!("http://127.0.0.1:{port}/v1")
}

/// The text a stream that fails after its output has begun shows first.
pub const PARTIAL: &str = "Partial answer from the failing provider";

impl Failing {
    pub fn start(how: Fail) -> Failing {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let (seen, stop) = (Arc::new(Mutex::new(Vec::new())), Arc::new(AtomicBool::new(false)));
        let (s2, stop2) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s3, how) = (s2.clone(), how.clone());
                std::thread::spawn(move || {
                    let _ = serve(conn, &how, &s3);
                });
            }
        });
        Failing { port, seen, stop }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    /// The model requests it got.
    pub fn calls(&self) -> usize {
        self.seen.lock().unwrap().iter().filter(|s| s.method == "POST").count()
    }

    pub fn bodies(&self) -> Vec<Value> {
        self.seen.lock().unwrap().iter().filter(|s| s.method == "POST").map(|s| serde_json::from_str(&s.body).unwrap_or(Value::Null)).collect()
    }
}

impl Drop for Failing {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(conn: TcpStream, how: &Fail, seen: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    while let Some(s) = read_request(&mut reader)? {
        seen.lock().unwrap().push(s);
        match how {
            Fail::Hang => {
                std::thread::sleep(Duration::from_secs(60));
                return Ok(());
            }
            Fail::Status(status, headers, body) => {
                write!(conn, "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n", body.len())?;
                for (k, v) in headers {
                    write!(conn, "{k}: {v}\r\n")?;
                }
                write!(conn, "\r\n{body}")?;
                conn.flush()?;
            }
            Fail::ErrorEvent => stream(&mut conn, &[
                json!({"type": "response.created", "response": {"id": "resp-failing", "status": "in_progress"}}),
                json!({"type": "response.in_progress", "response": {"id": "resp-failing", "status": "in_progress"}}),
                json!({"type": "response.failed", "response": {"id": "resp-failing", "status": "failed", "error": {"code": "server_error", "message": "The model is overloaded."}}}),
            ])?,
            Fail::ChatErrorChunk => {
                let chunk = json!({"error": {"message": "The model is overloaded.", "type": "server_error", "code": 503}});
                chunked(&mut conn, &[format!("data: {chunk}\n\n"), "data: [DONE]\n\n".into()])?;
            }
            Fail::AfterOutput => stream(&mut conn, &[
                json!({"type": "response.created", "response": {"id": "resp-failing", "status": "in_progress"}}),
                json!({"type": "response.output_item.added", "output_index": 0, "item": {"type": "message", "id": "msg-failing", "role": "assistant", "status": "in_progress", "content": []}}),
                json!({"type": "response.content_part.added", "item_id": "msg-failing", "output_index": 0, "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}}),
                json!({"type": "response.output_text.delta", "item_id": "msg-failing", "output_index": 0, "content_index": 0, "delta": PARTIAL}),
                json!({"type": "response.failed", "response": {"id": "resp-failing", "status": "failed", "error": {"code": "server_error", "message": "The stream broke off in the middle."}}}),
            ])?,
        }
    }
    Ok(())
}

fn stream(conn: &mut TcpStream, events: &[Value]) -> std::io::Result<()> {
    let pieces: Vec<String> = events.iter().map(|e| format!("event: {}\ndata: {e}\n\n", e["type"].as_str().unwrap_or(""))).collect();
    chunked(conn, &pieces)
}

fn chunked(conn: &mut TcpStream, pieces: &[String]) -> std::io::Result<()> {
    write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")?;
    for p in pieces {
        write!(conn, "{:x}\r\n{p}\r\n", p.len())?;
        conn.flush()?;
        std::thread::sleep(Duration::from_millis(20));
    }
    write!(conn, "0\r\n\r\n")?;
    conn.flush()
}
