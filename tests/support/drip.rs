//! Stand-in providers that quote the key they were sent back a few characters per
//! delta, in every text Codex's TUI, the VS Code extension and the app draw as it
//! arrives (reasoning, the answer, a call's arguments), speaking the Responses API
//! (`responses`) or Chat Completions (`chat`); and the check of what Codex would draw
//! of an answer (`shown_without`). 127.0.0.1 only.

use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};

use serde_json::{Value, json};

use crate::read_request;

/// The characters each delta carries.
const PIECE: usize = 3;

/// What a stand-in says with `key` in it: its reasoning, its answer, a call's
/// arguments. The first two end in the key's start, which waits for the end of the text.
fn said(key: &str) -> [String; 3] {
    let start: String = key.chars().take(2).collect();
    [format!("Thinking about {key}, 你好, {start}"), format!("You sent me: {key}. It starts {start}"), json!({"cmd": format!("echo {key}")}).to_string()]
}

fn pieces(text: &str) -> Vec<String> {
    text.chars().collect::<Vec<_>>().chunks(PIECE).map(|c| c.iter().collect()).collect()
}

/// A Responses provider that quotes its key in a reasoning summary, its answer and a
/// call's arguments, each in deltas of [`PIECE`] characters; its port.
pub fn responses() -> u16 {
    serve(|conn, key| {
        let said = said(key);
        let items = [
            json!({"id": "rs_d", "type": "reasoning", "summary": [{"type": "summary_text", "text": said[0]}]}),
            json!({"id": "msg_d", "type": "message", "role": "assistant", "status": "completed", "content": [{"type": "output_text", "text": said[1], "annotations": []}]}),
            json!({"id": "fc_d", "type": "function_call", "status": "completed", "call_id": "call_d", "name": "exec_command", "arguments": said[2]}),
        ];
        let kinds = [("response.reasoning_summary_text", Some("summary_index")), ("response.output_text", Some("content_index")), ("response.function_call_arguments", None)];
        let mut events = vec![json!({"type": "response.created", "response": {"id": "resp_d", "status": "in_progress", "output": []}})];
        for (i, (item, (kind, part))) in items.iter().zip(kinds).enumerate() {
            let id = &item["id"];
            events.push(json!({"type": "response.output_item.added", "output_index": i, "item": {"id": id, "type": item["type"]}}));
            let mut at = json!({"item_id": id, "output_index": i});
            if let Some(p) = part {
                at[p] = json!(0);
            }
            for piece in pieces(&said[i]) {
                let mut d = at.clone();
                d["type"] = json!(format!("{kind}.delta"));
                d["delta"] = json!(piece);
                events.push(d);
            }
            let mut done = at.clone();
            done["type"] = json!(format!("{kind}.done"));
            done[if part.is_some() { "text" } else { "arguments" }] = json!(said[i]);
            events.push(done);
            events.push(json!({"type": "response.output_item.done", "output_index": i, "item": item}));
        }
        events.push(json!({"type": "response.completed", "response": {"id": "resp_d", "status": "completed", "output": items, "usage": {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2}}}));
        let mut send = start(conn)?;
        for (n, mut e) in events.into_iter().enumerate() {
            e["sequence_number"] = json!(n);
            send(&format!("event: {}\ndata: {e}\n\n", e["type"].as_str().unwrap()))?;
        }
        send("")
    })
}

/// A Chat Completions provider that quotes its key in `reasoning_content`, its
/// `content` and a tool call's arguments, each in deltas of [`PIECE`] characters; its port.
pub fn chat() -> u16 {
    serve(|conn, key| {
        let said = said(key);
        let mut send = start(conn)?;
        let mut chunk = |delta: Value, finish: Option<&str>| send(&format!("data: {}\n\n", json!({"id": "chatcmpl-d", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})));
        for p in pieces(&said[0]) {
            chunk(json!({"reasoning_content": p}), None)?;
        }
        for p in pieces(&said[1]) {
            chunk(json!({"content": p}), None)?;
        }
        chunk(json!({"tool_calls": [{"index": 0, "id": "call_d", "type": "function", "function": {"name": "exec_command", "arguments": ""}}]}), None)?;
        for p in pieces(&said[2]) {
            chunk(json!({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}), None)?;
        }
        chunk(json!({}), Some("tool_calls"))?;
        drop(chunk);
        send("data: [DONE]\n\n")?;
        send("")
    })
}

/// Serves every request on a new port with `answer(conn, the key it was sent)`.
fn serve(answer: fn(&mut TcpStream, &str) -> std::io::Result<()>) -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            std::thread::spawn(move || -> std::io::Result<()> {
                let mut reader = BufReader::new(conn.try_clone()?);
                while let Some(req) = read_request(&mut reader)? {
                    let auth = req.header("authorization").unwrap_or("");
                    answer(&mut conn, auth.strip_prefix("Bearer ").unwrap_or(auth))?;
                }
                Ok(())
            });
        }
    });
    port
}

/// Starts a chunked SSE answer; returns the function that sends one piece of it (an
/// empty one ends it).
fn start(conn: &mut TcpStream) -> std::io::Result<impl FnMut(&str) -> std::io::Result<()> + '_> {
    write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")?;
    Ok(move |piece: &str| {
        write!(conn, "{:x}\r\n{piece}\r\n", piece.len())?;
        conn.flush()
    })
}

/// The events of an SSE answer: each one's name and JSON data.
pub fn sse_events(text: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let name = block.lines().find_map(|l| l.strip_prefix("event: ")).unwrap_or("message");
        let data: String = block.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
        if let Ok(v) = serde_json::from_str(&data) {
            out.push((name.to_owned(), v));
        }
    }
    out
}

/// Checks what Codex would draw of `events`: no event holds `key`; each text's deltas
/// (by kind, item and part) add up to its final texts (its `.done` event's and its
/// item's); and the texts of each of `kinds` did quote the key, redacted.
pub fn shown_without(name: &str, events: &[(String, Value)], key: &str, kinds: &[&str]) {
    let place = |kind: &str, item: &Value, content: &Value, summary: &Value| format!("{kind} {item} {content} {summary}");
    let (mut streamed, mut finals) = (BTreeMap::<String, String>::new(), BTreeMap::<String, Vec<String>>::new());
    for (_, v) in events {
        assert!(!v.to_string().contains(key), "{name}: the key is in an event: {v}");
        let kind = v["type"].as_str().unwrap_or("");
        if let (Some(k), Some(d)) = (kind.strip_suffix(".delta"), v["delta"].as_str()) {
            streamed.entry(place(k, &v["item_id"], &v["content_index"], &v["summary_index"])).or_default().push_str(d);
        }
        if let (Some(k), Some(t)) = (kind.strip_suffix(".done"), v["text"].as_str().or(v["arguments"].as_str())) {
            finals.entry(place(k, &v["item_id"], &v["content_index"], &v["summary_index"])).or_default().push(t.to_owned());
        }
        if kind == "response.output_item.done" {
            let item = &v["item"];
            let mut texts = vec![(place("response.function_call_arguments", &item["id"], &Value::Null, &Value::Null), &item["arguments"])];
            for (j, part) in item["content"].as_array().into_iter().flatten().enumerate() {
                texts.push((place("response.output_text", &item["id"], &json!(j), &Value::Null), &part["text"]));
            }
            for (j, part) in item["summary"].as_array().into_iter().flatten().enumerate() {
                texts.push((place("response.reasoning_summary_text", &item["id"], &Value::Null, &json!(j)), &part["text"]));
            }
            for (at, text) in texts {
                if let Some(t) = text.as_str() {
                    finals.entry(at).or_default().push(t.to_owned());
                }
            }
        }
    }
    for (at, text) in &streamed {
        assert!(!text.contains(key), "{name}: {at}: the deltas spell the key: {text}");
        let ends = finals.get(at).cloned().unwrap_or_default();
        assert!(!ends.is_empty() && ends.iter().all(|t| t == text), "{name}: {at}: the deltas {text:?} do not add up to the final texts {ends:?}");
    }
    for kind in kinds {
        assert!(streamed.iter().any(|(at, t)| at.starts_with(&format!("{kind} ")) && t.contains("[redacted]")), "{name}: no {kind} quoted the key: {streamed:?}");
    }
}
