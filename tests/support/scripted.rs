//! A scripted provider on 127.0.0.1 for the router's tests (`Scripted`), speaking
//! the Responses API or Chat Completions (`Plan::api`). Each turn it first asks for
//! the shell (the tool the request offers: `exec_command`, `shell_command` or
//! `shell`) to run `Plan::command`, then answers text once the tool's output is
//! back; as a Responses provider it sends a reasoning item whose encrypted content
//! is `ENC-FROM-<name>-<n>` and items whose ids are `<kind>-from-<name>-<n>`, so a
//! test can tell whose items reach whom. It refuses, as providers do, a request
//! longer than its window (a token per four characters: 400 with OpenAI's
//! `context_length_exceeded`), a request without its key, and it can quote the key
//! it was sent back into its stream. It records every request.

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::{Seen, read_request};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    Responses,
    Chat,
}

/// What the stand-in does.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Its name in ids, encrypted content and answers (`A`, `B`, ...).
    pub name: String,
    pub api: Wire,
    /// The shell command it asks for first in each turn (none: it answers text at once).
    pub command: Option<String>,
    /// Its window in tokens (request characters / 4); a longer request is refused.
    pub window: Option<usize>,
    /// `Authorization: Bearer <key>` it requires.
    pub key: Option<String>,
    /// Filler added to its text answer (characters), to grow a conversation.
    pub filler: usize,
    /// Its text answer in this many deltas, `gap` apart (a stream to break off).
    pub slow: Option<(usize, Duration)>,
    /// Quotes the Authorization header it got in its text answer.
    pub echo_key: bool,
    /// As the chat templates of Qwen, Llama and Gemma: a system message only first.
    pub system_first: bool,
}

impl Plan {
    pub fn new(name: &str, api: Wire) -> Plan {
        Plan { name: name.to_owned(), api, command: None, window: None, key: None, filler: 0, slow: None, echo_key: false, system_first: false }
    }
    pub fn command(mut self, c: &str) -> Plan {
        self.command = Some(c.to_owned());
        self
    }
    pub fn window(mut self, tokens: usize) -> Plan {
        self.window = Some(tokens);
        self
    }
    pub fn key(mut self, k: &str) -> Plan {
        self.key = Some(k.to_owned());
        self
    }
    pub fn filler(mut self, chars: usize) -> Plan {
        self.filler = chars;
        self
    }
    pub fn slow(mut self, deltas: usize, gap: Duration) -> Plan {
        self.slow = Some((deltas, gap));
        self
    }
    pub fn echo_key(mut self) -> Plan {
        self.echo_key = true;
        self
    }
    pub fn system_first(mut self) -> Plan {
        self.system_first = true;
        self
    }
}

pub struct Scripted {
    pub port: u16,
    /// Every request, and the model requests answered.
    seen: Arc<Mutex<Vec<Seen>>>,
    answered: Arc<Mutex<Vec<Seen>>>,
    too_long: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl Scripted {
    pub fn start(plan: Plan) -> Scripted {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let (seen, answered, too_long) = (Arc::new(Mutex::new(Vec::new())), Arc::new(Mutex::new(Vec::new())), Arc::new(Mutex::new(Vec::new())));
        let (stop, plan) = (Arc::new(AtomicBool::new(false)), Arc::new(plan));
        let (s2, a2, stop2, p2, t2) = (seen.clone(), answered.clone(), stop.clone(), plan.clone(), too_long.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s3, a3, p3, t3) = (s2.clone(), a2.clone(), p2.clone(), t2.clone());
                std::thread::spawn(move || {
                    let _ = serve(conn, &p3, &s3, &a3, &t3);
                });
            }
        });
        Scripted { port, seen, answered, too_long, stop }
    }

    /// `http://127.0.0.1:<port>/v1`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The model requests (`/responses` or `/chat/completions`) that were answered, in order.
    pub fn requests(&self) -> Vec<Seen> {
        self.answered.lock().unwrap().clone()
    }

    /// The requests refused for their length.
    pub fn refused(&self) -> Vec<Seen> {
        self.too_long.lock().unwrap().clone()
    }

    /// Their bodies.
    pub fn bodies(&self) -> Vec<Value> {
        self.requests().iter().map(|s| serde_json::from_str(&s.body).unwrap_or(Value::Null)).collect()
    }
}

impl Drop for Scripted {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(conn: TcpStream, plan: &Plan, seen: &Mutex<Vec<Seen>>, answered: &Mutex<Vec<Seen>>, too_long: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    while let Some(s) = read_request(&mut reader)? {
        seen.lock().unwrap().push(s.clone());
        let path = if plan.api == Wire::Responses { "/v1/responses" } else { "/v1/chat/completions" };
        if s.method != "POST" || s.path() != path {
            plain(&mut conn, 404, &json!({"error": {"message": "not found"}}).to_string())?;
            continue;
        }
        if let Some(k) = &plan.key {
            if s.header("authorization") != Some(format!("Bearer {k}").as_str()) {
                plain(&mut conn, 401, r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}"#)?;
                continue;
            }
        }
        let tokens = s.body.chars().count() / 4;
        if plan.window.is_some_and(|w| tokens > w) {
            too_long.lock().unwrap().push(s.clone());
            let message = format!("This model's maximum context length is {} tokens. However, your messages resulted in {tokens} tokens. Please reduce the length of the messages.", plan.window.unwrap());
            plain(&mut conn, 400, &json!({"error": {"message": message, "type": "invalid_request_error", "param": "input", "code": "context_length_exceeded"}}).to_string())?;
            continue;
        }
        let req: Value = serde_json::from_str(&s.body).unwrap_or_default();
        let late_system = req["messages"].as_array().is_some_and(|m| m.iter().skip(1).any(|m| m["role"] == "system"));
        if plan.system_first && late_system {
            plain(&mut conn, 400, r#"{"error":{"message":"System message must be at the beginning.","type":"BadRequestError","param":null,"code":400}}"#)?;
            continue;
        }
        let n = {
            let mut all = answered.lock().unwrap();
            all.push(s.clone());
            all.len()
        };
        let echo = if plan.echo_key { format!(" You sent me: {}.", s.header("authorization").unwrap_or("")) } else { String::new() };
        // Codex's own compaction (a switch to a smaller model) gets a short summary, as a model writes one.
        let compaction = s.body.contains("CONTEXT CHECKPOINT COMPACTION");
        let text = match compaction {
            true => format!("Summary from {}: the user shared build logs.", plan.name),
            false => format!("Done on {}.{echo}{}", plan.name, " filler".repeat(plan.filler / 7)),
        };
        let call = plan.command.as_deref().filter(|_| !compaction && !tool_output_since_user(&req, plan.api)).map(|c| shell_call(&req, plan.api, c));
        match plan.api {
            Wire::Responses => responses(&mut conn, plan, n, call, &text, tokens)?,
            Wire::Chat => chat(&mut conn, plan, n, call, &text, tokens)?,
        }
    }
    Ok(())
}

/// Whether the request's last user message has a tool's output after it.
fn tool_output_since_user(req: &Value, api: Wire) -> bool {
    let (items, is_user, is_output): (&str, fn(&Value) -> bool, fn(&Value) -> bool) = match api {
        Wire::Responses => ("input", |i| i["type"] == "message" && i["role"] == "user", |i| i["type"].as_str().is_some_and(|t| t.ends_with("call_output"))),
        Wire::Chat => ("messages", |m| m["role"] == "user", |m| m["role"] == "tool"),
    };
    let list = req[items].as_array().cloned().unwrap_or_default();
    let last_user = list.iter().rposition(is_user).unwrap_or(0);
    list[last_user..].iter().any(is_output)
}

/// The shell tool the request offers, and its arguments for `command`.
fn shell_call(req: &Value, api: Wire, command: &str) -> (String, String) {
    let names: Vec<String> = req["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| if api == Wire::Chat { t["function"]["name"].as_str() } else { t["name"].as_str() })
        .map(str::to_owned)
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("exec_command") {
        ("exec_command".into(), json!({"cmd": command, "yield_time_ms": 2000}).to_string())
    } else if has("shell_command") {
        ("shell_command".into(), json!({"command": command}).to_string())
    } else {
        ("shell".into(), json!({"command": ["bash", "-lc", command]}).to_string())
    }
}

fn plain(conn: &mut TcpStream, status: u16, body: &str) -> std::io::Result<()> {
    write!(conn, "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
    conn.flush()
}

/// Starts a chunked SSE answer; returns the function that sends one piece of it.
fn start(conn: &mut TcpStream) -> std::io::Result<impl FnMut(&str) -> std::io::Result<()> + '_> {
    write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")?;
    Ok(move |piece: &str| {
        write!(conn, "{:x}\r\n{piece}\r\n", piece.len())?;
        conn.flush()
    })
}

/// The text in `deltas` pieces (one when not slow), each sent after `gap`.
fn pieces(plan: &Plan, text: &str) -> (Vec<String>, Duration) {
    let (n, gap) = plan.slow.unwrap_or((1, Duration::ZERO));
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len().div_ceil(n).max(1);
    let mut out: Vec<String> = chars.chunks(size).map(|c| c.iter().collect()).collect();
    while out.len() < n {
        out.push(format!(" part {}", out.len()));
    }
    (out, gap)
}

fn responses(conn: &mut TcpStream, plan: &Plan, n: usize, call: Option<(String, String)>, text: &str, tokens: usize) -> std::io::Result<()> {
    let name = &plan.name;
    let mut send = start(conn)?;
    let mut ev = |v: Value| send(&format!("event: {}\ndata: {v}\n\n", v["type"].as_str().unwrap_or("")));
    let resp = format!("resp-from-{name}-{n}");
    ev(json!({"type": "response.created", "response": {"id": resp}}))?;
    let reasoning = json!({"type": "reasoning", "id": format!("rs-from-{name}-{n}"), "summary": [{"type": "summary_text", "text": format!("Thinking on {name}.")}], "encrypted_content": format!("ENC-FROM-{name}-{n}")});
    ev(json!({"type": "response.output_item.done", "output_index": 0, "item": reasoning}))?;
    let item = match call {
        Some((tool, args)) => json!({"type": "function_call", "id": format!("fc-from-{name}-{n}"), "status": "completed", "call_id": format!("call_{name}_{n}"), "name": tool, "arguments": args}),
        None => {
            let id = format!("msg-from-{name}-{n}");
            ev(json!({"type": "response.output_item.added", "output_index": 1, "item": {"type": "message", "id": id, "role": "assistant", "content": [], "status": "in_progress"}}))?;
            let (parts, gap) = pieces(plan, text);
            for p in &parts {
                ev(json!({"type": "response.output_text.delta", "item_id": id, "output_index": 1, "content_index": 0, "delta": p}))?;
                std::thread::sleep(gap);
            }
            json!({"type": "message", "id": id, "role": "assistant", "status": "completed", "content": [{"type": "output_text", "text": parts.concat(), "annotations": []}]})
        }
    };
    ev(json!({"type": "response.output_item.done", "output_index": 1, "item": item}))?;
    ev(json!({"type": "response.completed", "response": {"id": resp, "usage": {"input_tokens": tokens, "input_tokens_details": null, "output_tokens": text.len() / 4, "output_tokens_details": null, "total_tokens": tokens + text.len() / 4}}}))?;
    drop(ev);
    send("")
}

fn chat(conn: &mut TcpStream, plan: &Plan, n: usize, call: Option<(String, String)>, text: &str, tokens: usize) -> std::io::Result<()> {
    let mut send = start(conn)?;
    let mut chunk = |delta: Value, finish: Option<&str>| send(&format!("data: {}\n\n", json!({"id": format!("chatcmpl-{n}"), "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})));
    chunk(json!({"role": "assistant", "content": "", "reasoning_content": format!("Thinking on {}.", plan.name)}), None)?;
    match call {
        Some((tool, args)) => {
            chunk(json!({"tool_calls": [{"index": 0, "id": format!("call_{}_{n}", plan.name), "type": "function", "function": {"name": tool, "arguments": args}}]}), None)?;
            chunk(json!({}), Some("tool_calls"))?;
        }
        None => {
            let (parts, gap) = pieces(plan, text);
            for p in parts {
                chunk(json!({"content": p}), None)?;
                std::thread::sleep(gap);
            }
            chunk(json!({}), Some("stop"))?;
        }
    }
    drop(chunk);
    let usage = json!({"id": format!("chatcmpl-{n}"), "object": "chat.completion.chunk", "choices": [], "usage": {"prompt_tokens": tokens, "completion_tokens": text.len() / 4, "total_tokens": tokens + text.len() / 4}});
    send(&format!("data: {usage}\n\n"))?;
    send("data: [DONE]\n\n")?;
    send("")
}
