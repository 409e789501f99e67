//! A provider on 127.0.0.1 that reports usage as the real ones do, cached and reasoning
//! tokens included: over the Responses API (`input_tokens_details.cached_tokens`,
//! `output_tokens_details.reasoning_tokens`) or Chat Completions
//! (`prompt_tokens_details.cached_tokens`, `completion_tokens_details.reasoning_tokens`).
//! Each turn it first asks for the shell (when given a command), then answers text once
//! the tool's output is back. The counts of its `n`th answer follow from `n`, and it
//! keeps what it reported.

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use switchboard_e2e::read_request;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    Responses,
    Chat,
}

/// What it reported for one answer, under Codex's names: input, cached input, output,
/// reasoning output, total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reported {
    pub input: u64,
    pub cached: u64,
    pub output: u64,
    pub reasoning: u64,
    pub total: u64,
}

impl Reported {
    /// The counts of the `n`th answer (from 1).
    pub fn nth(wire: Wire, n: u64) -> Reported {
        let (input, cached, output, reasoning) = match wire {
            Wire::Responses => (2000 + 10 * n, 512 * (n % 3), 40 + n, 16 + n % 7),
            Wire::Chat => (3000 + 10 * n, 256 * (n % 4), 60 + n, 20 + n % 5),
        };
        Reported { input, cached, output, reasoning, total: input + output }
    }
}

pub struct Metered {
    pub port: u16,
    wire: Wire,
    /// The model each answered request named, and what was reported for it.
    sent: Arc<Mutex<Vec<(String, Reported)>>>,
    stop: Arc<AtomicBool>,
}

impl Metered {
    pub fn start(name: &str, wire: Wire, command: Option<&str>) -> Metered {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let (sent, stop) = (Arc::new(Mutex::new(Vec::new())), Arc::new(AtomicBool::new(false)));
        let (s2, stop2, name, command) = (sent.clone(), stop.clone(), name.to_owned(), command.map(str::to_owned));
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s3, name, command) = (s2.clone(), name.clone(), command.clone());
                std::thread::spawn(move || {
                    let _ = serve(conn, wire, &name, command.as_deref(), &s3);
                });
            }
        });
        Metered { port, wire, sent, stop }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    pub fn sent(&self) -> Vec<(String, Reported)> {
        self.sent.lock().unwrap().clone()
    }

    pub fn wire(&self) -> Wire {
        self.wire
    }
}

impl Drop for Metered {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(conn: TcpStream, wire: Wire, name: &str, command: Option<&str>, sent: &Mutex<Vec<(String, Reported)>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    while let Some(s) = read_request(&mut reader)? {
        let path = if wire == Wire::Responses { "/v1/responses" } else { "/v1/chat/completions" };
        if s.method != "POST" || s.path() != path {
            let body = r#"{"error":{"message":"not found"}}"#;
            write!(conn, "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
            continue;
        }
        let req: Value = serde_json::from_str(&s.body).unwrap_or_default();
        let model = req["model"].as_str().unwrap_or("").to_owned();
        let (n, counts) = {
            let mut all = sent.lock().unwrap();
            let n = all.len() as u64 + 1;
            let counts = Reported::nth(wire, n);
            all.push((model, counts));
            (n, counts)
        };
        let call = command.filter(|_| !tool_output_since_user(&req, wire)).map(|c| shell_call(&req, wire, c));
        let text = format!("Done on {name}.");
        match wire {
            Wire::Responses => responses(&mut conn, name, n, call, &text, counts)?,
            Wire::Chat => chat(&mut conn, n, call, &text, counts)?,
        }
    }
    Ok(())
}

/// Whether the request's last user message has a tool's output after it.
fn tool_output_since_user(req: &Value, wire: Wire) -> bool {
    let (items, user, output): (&str, fn(&Value) -> bool, fn(&Value) -> bool) = match wire {
        Wire::Responses => ("input", |i| i["type"] == "message" && i["role"] == "user", |i| i["type"].as_str().is_some_and(|t| t.ends_with("call_output"))),
        Wire::Chat => ("messages", |m| m["role"] == "user", |m| m["role"] == "tool"),
    };
    let list = req[items].as_array().cloned().unwrap_or_default();
    let last_user = list.iter().rposition(user).unwrap_or(0);
    list[last_user..].iter().any(output)
}

/// The shell tool the request offers, and its arguments for `command`.
fn shell_call(req: &Value, wire: Wire, command: &str) -> (String, String) {
    let names: Vec<&str> = req["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| if wire == Wire::Chat { t["function"]["name"].as_str() } else { t["name"].as_str() })
        .collect();
    if names.contains(&"exec_command") {
        ("exec_command".into(), json!({"cmd": command, "yield_time_ms": 2000}).to_string())
    } else if names.contains(&"shell_command") {
        ("shell_command".into(), json!({"command": command}).to_string())
    } else {
        ("shell".into(), json!({"command": ["bash", "-lc", command]}).to_string())
    }
}

fn start(conn: &mut TcpStream) -> std::io::Result<impl FnMut(&str) -> std::io::Result<()> + '_> {
    write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")?;
    Ok(move |piece: &str| {
        write!(conn, "{:x}\r\n{piece}\r\n", piece.len())?;
        conn.flush()
    })
}

fn responses(conn: &mut TcpStream, name: &str, n: u64, call: Option<(String, String)>, text: &str, c: Reported) -> std::io::Result<()> {
    let mut send = start(conn)?;
    let mut ev = |v: Value| send(&format!("event: {}\ndata: {v}\n\n", v["type"].as_str().unwrap_or("")));
    let resp = format!("resp-{name}-{n}");
    ev(json!({"type": "response.created", "response": {"id": resp}}))?;
    let item = match call {
        Some((tool, args)) => json!({"type": "function_call", "id": format!("fc-{name}-{n}"), "status": "completed", "call_id": format!("call_{name}_{n}"), "name": tool, "arguments": args}),
        None => {
            let id = format!("msg-{name}-{n}");
            ev(json!({"type": "response.output_item.added", "output_index": 0, "item": {"type": "message", "id": id, "role": "assistant", "content": [], "status": "in_progress"}}))?;
            ev(json!({"type": "response.output_text.delta", "item_id": id, "output_index": 0, "content_index": 0, "delta": text}))?;
            json!({"type": "message", "id": id, "role": "assistant", "status": "completed", "content": [{"type": "output_text", "text": text, "annotations": []}]})
        }
    };
    ev(json!({"type": "response.output_item.done", "output_index": 0, "item": item}))?;
    let usage = json!({
        "input_tokens": c.input, "input_tokens_details": {"cached_tokens": c.cached},
        "output_tokens": c.output, "output_tokens_details": {"reasoning_tokens": c.reasoning},
        "total_tokens": c.total,
    });
    ev(json!({"type": "response.completed", "response": {"id": resp, "usage": usage}}))?;
    drop(ev);
    send("")
}

fn chat(conn: &mut TcpStream, n: u64, call: Option<(String, String)>, text: &str, c: Reported) -> std::io::Result<()> {
    let mut send = start(conn)?;
    let mut chunk = |delta: Value, finish: Option<&str>| {
        send(&format!("data: {}\n\n", json!({"id": format!("chatcmpl-{n}"), "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})))
    };
    chunk(json!({"role": "assistant", "content": ""}), None)?;
    match call {
        Some((tool, args)) => {
            chunk(json!({"tool_calls": [{"index": 0, "id": format!("call_chat_{n}"), "type": "function", "function": {"name": tool, "arguments": args}}]}), None)?;
            chunk(json!({}), Some("tool_calls"))?;
        }
        None => {
            chunk(json!({"content": text}), None)?;
            chunk(json!({}), Some("stop"))?;
        }
    }
    drop(chunk);
    let usage = json!({
        "prompt_tokens": c.input, "prompt_tokens_details": {"cached_tokens": c.cached},
        "completion_tokens": c.output, "completion_tokens_details": {"reasoning_tokens": c.reasoning},
        "total_tokens": c.total,
    });
    send(&format!("data: {}\n\n", json!({"id": format!("chatcmpl-{n}"), "object": "chat.completion.chunk", "choices": [], "usage": usage})))?;
    send("data: [DONE]\n\n")?;
    send("")
}
