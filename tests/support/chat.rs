//! A Chat Completions stand-in on 127.0.0.1 that streams the way providers do:
//! reasoning_content deltas, tool-call arguments split over many chunks, parallel
//! calls interleaved by `index`, usage in a last chunk with empty `choices`, then
//! `[DONE]`; every chunk written in pieces cut anywhere, inside characters too.
//! It records each request (headers and JSON body) it was sent.

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::{Seen, read_request};

/// What the stand-in answers to `POST <prefix>/chat/completions`.
#[derive(Debug, Clone)]
pub enum Script {
    /// A small coding task: first `exec_command` runs `command`; then, if the request
    /// offers `apply_patch`, it applies `patch`; then it answers `done`.
    Task { command: String, patch: String, done: String },
    /// One text answer and two calls in one response, interleaved by index.
    Parallel,
    /// A few chunks, then an error object in the middle of the stream.
    ErrorMidStream,
    /// Any status with this body and an optional Retry-After.
    Status { status: u16, body: String, retry_after: Option<String> },
    /// 401, quoting the credential it was sent.
    EchoKey,
    /// Text deltas for ever, 15 KB each (as fast as the client reads, for at most 30 s).
    Endless,
    /// `chunks` text deltas, `gap` apart.
    Slow { chunks: usize, gap: Duration },
    /// `deltas` one-word deltas (`word0 `, `word1 `...) as fast as possible (the benchmark's upstream).
    Burst { deltas: usize },
}

pub struct ChatServer {
    pub port: u16,
    pub prefix: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl ChatServer {
    pub fn start(prefix: &str, script: Script) -> ChatServer {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s2, stop2, p2, script) = (seen.clone(), stop.clone(), prefix.to_owned(), Arc::new(script));
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s3, p3, sc) = (s2.clone(), p2.clone(), script.clone());
                std::thread::spawn(move || {
                    let _ = serve(conn, &p3, &sc, &s3);
                });
            }
        });
        ChatServer { port, prefix: prefix.to_owned(), seen, stop }
    }

    /// `http://127.0.0.1:<port><prefix>`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The chat requests' bodies, in order.
    pub fn requests(&self) -> Vec<Value> {
        self.seen().iter().filter(|s| s.path().ends_with("/chat/completions")).filter_map(|s| serde_json::from_str(&s.body).ok()).collect()
    }
}

impl Drop for ChatServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(conn: TcpStream, prefix: &str, script: &Script, seen: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    while let Some(s) = read_request(&mut reader)? {
        seen.lock().unwrap().push(s.clone());
        if s.method != "POST" || s.path() != format!("{prefix}/chat/completions") {
            plain(&mut conn, 404, r#"{"error":{"message":"not found"}}"#, None)?;
            continue;
        }
        let req: Value = serde_json::from_str(&s.body).unwrap_or_default();
        match script {
            Script::Status { status, body, retry_after } => plain(&mut conn, *status, body, retry_after.as_deref())?,
            Script::EchoKey => {
                let auth = s.header("authorization").unwrap_or("").to_owned();
                plain(&mut conn, 401, &json!({"error": {"message": format!("Incorrect API key provided: {auth}")}}).to_string(), None)?;
            }
            _ => stream(&mut conn, script, &req)?,
        }
    }
    Ok(())
}

fn plain(conn: &mut TcpStream, status: u16, body: &str, retry_after: Option<&str>) -> std::io::Result<()> {
    let retry = retry_after.map(|r| format!("retry-after: {r}\r\n")).unwrap_or_default();
    write!(conn, "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n{retry}content-length: {}\r\n\r\n{body}", body.len())?;
    conn.flush()
}

fn chunk(delta: Value, finish: Option<&str>) -> Value {
    json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
}

fn call(index: u64, id: Option<&str>, name: Option<&str>, args: &str) -> Value {
    let mut f = json!({"arguments": args});
    if let Some(n) = name {
        f["name"] = json!(n);
    }
    let mut c = json!({"index": index, "function": f});
    if let Some(id) = id {
        c["id"] = json!(id);
        c["type"] = json!("function");
    }
    chunk(json!({"tool_calls": [c]}), None)
}

/// `args` cut into `n` pieces, each a delta of call `index`.
fn split_call(index: u64, id: &str, name: &str, args: &str, n: usize) -> Vec<Value> {
    let chars: Vec<char> = args.chars().collect();
    let size = chars.len().div_ceil(n).max(1);
    let mut out = vec![call(index, Some(id), Some(name), "")];
    for piece in chars.chunks(size) {
        out.push(call(index, None, None, &piece.iter().collect::<String>()));
    }
    out
}

fn usage() -> Value {
    json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": [], "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}})
}

/// The chunks of one answer to `req`.
fn answer(script: &Script, req: &Value) -> Vec<Value> {
    let tools_done = req["messages"].as_array().map_or(0, |m| m.iter().filter(|m| m["role"] == "tool").count());
    let offers = |name: &str| req["tools"].as_array().is_some_and(|t| t.iter().any(|t| t["function"]["name"] == name));
    let reasoning = |text: &str| text.split_inclusive(' ').map(|w| chunk(json!({"reasoning_content": w}), None)).collect::<Vec<_>>();
    let words = |text: &str| text.split_inclusive(' ').map(|w| chunk(json!({"content": w}), None)).collect::<Vec<_>>();
    let mut out = vec![chunk(json!({"role": "assistant", "content": ""}), None)];
    match script {
        Script::Task { command, patch, done } => {
            if tools_done == 0 {
                out.extend(reasoning("I will run the command first."));
                out.extend(split_call(0, "call_shell_1", "exec_command", &json!({"cmd": command, "yield_time_ms": 2000}).to_string(), 7));
                out.push(chunk(json!({}), Some("tool_calls")));
            } else if tools_done == 1 && offers("apply_patch") {
                out.extend(reasoning("Now the patch."));
                out.extend(split_call(0, "call_patch_2", "apply_patch", &json!({"input": patch}).to_string(), 9));
                out.push(chunk(json!({}), Some("tool_calls")));
            } else {
                out.extend(words(done));
                out.push(chunk(json!({}), Some("stop")));
            }
            out.push(usage());
        }
        Script::Parallel => {
            out.extend(words("Checking both. "));
            out.push(call(0, Some("call_a"), Some("exec_command"), ""));
            out.push(call(1, Some("call_b"), Some("exec_command"), "{\"cmd\":"));
            out.push(call(0, None, None, "{\"cmd\":\"ls\"}"));
            out.push(call(1, None, None, "\"pwd\"}"));
            out.push(chunk(json!({}), Some("tool_calls")));
            out.push(usage());
        }
        Script::ErrorMidStream => {
            out.extend(words("This answer breaks "));
            out.push(json!({"error": {"message": "upstream model crashed", "code": 500}}));
        }
        Script::Slow { chunks, .. } => {
            for i in 0..*chunks {
                out.push(chunk(json!({"content": format!("part {i} ")}), None));
            }
            out.push(chunk(json!({}), Some("stop")));
            out.push(usage());
        }
        Script::Burst { deltas } => {
            // Each word differs: LiteLLM stops a stream that repeats one chunk.
            for i in 0..*deltas {
                out.push(chunk(json!({"content": format!("word{i} ")}), None));
            }
            out.push(chunk(json!({}), Some("stop")));
            out.push(usage());
        }
        Script::Status { .. } | Script::EchoKey | Script::Endless => {}
    }
    out
}

fn stream(conn: &mut TcpStream, script: &Script, req: &Value) -> std::io::Result<()> {
    write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")?;
    let mut send = |bytes: &[u8]| -> std::io::Result<()> {
        write!(conn, "{:x}\r\n", bytes.len())?;
        conn.write_all(bytes)?;
        conn.write_all(b"\r\n")?;
        conn.flush()
    };
    if let Script::Endless = script {
        let start = std::time::Instant::now();
        // Large deltas, many to a write: the bridge's cap on what it holds is reached in seconds.
        let one = format!("data: {}\n\n", chunk(json!({"content": "more ".repeat(3000)}), None));
        let line = one.repeat(16);
        while start.elapsed() < Duration::from_secs(30) {
            if send(line.as_bytes()).is_err() {
                return Ok(());
            }
        }
        return Ok(());
    }
    let gap = match script {
        Script::Slow { gap, .. } => *gap,
        _ => Duration::ZERO,
    };
    let burst = matches!(script, Script::Burst { .. });
    for (i, c) in answer(script, req).iter().enumerate() {
        let data = format!("data: {c}\n\n");
        let bytes = data.as_bytes();
        if burst {
            send(bytes)?;
            continue;
        }
        // Cut each event in two at a byte that moves with `i`: inside a character at times.
        let cut = 1 + (i * 7) % (bytes.len() - 1);
        send(&bytes[..cut])?;
        send(&bytes[cut..])?;
        if !gap.is_zero() {
            std::thread::sleep(gap);
        }
    }
    send(b"data: [DONE]\n\n")?;
    send(b"")
}
