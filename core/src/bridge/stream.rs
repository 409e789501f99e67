//! A provider's streamed chat chunks in, Codex's Responses events out. Pure: one
//! parsed chunk in, the events it completes out; no I/O.
//!
//! Codex counts an item only once it sees `response.output_item.done` for it, and a
//! turn only with `response.completed`. So each item (reasoning, the assistant's
//! text, each tool call) is announced with `.added`, streamed with its deltas, and
//! closed with `.done` carrying it whole; the stream ends with `response.completed`
//! and the usage, `response.incomplete` when the provider ran out of tokens, or
//! `response.failed` with the provider's message when it broke off.
//!
//! Tool calls stream by `index`, so parallel calls interleave; a provider that sends
//! no index (Gemini) starts a call with a new id or name and continues the last one
//! otherwise; arguments sent as an object are taken whole. Each call is closed when
//! the provider finishes, whatever its `finish_reason` says. A function that stands
//! for a freeform tool (`apply_patch`) becomes a `custom_tool_call` with its `input`
//! argument as the input.
//!
//! Reasoning arrives under whichever name the provider uses (`reasoning_content`:
//! DeepSeek, Kimi, GLM; `reasoning`: Ollama, vLLM, OpenRouter; Mistral's thinking
//! blocks inside `content`; OpenRouter's `reasoning_details`) and becomes a reasoning
//! item whose summary is the text and whose `encrypted_content` is the bridge's
//! marker, so the next request can hand it back (see `request`). What else the
//! provider needs back (`reasoning_details`, Gemini's thought signatures) goes in a
//! last reasoning item of its own (`carry`). Usage is read wherever it sits: its own
//! chunk, the finish chunk, or inside `choices[0]` (Kimi).
//!
//! Every event goes out through `deltas`, which redacts each streamed text across its
//! deltas (a key quoted a few characters at a time) and the finished texts whole.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::carry::{Carry, MAX_ENTRIES};
use super::deltas::Deltas;
use super::request::Tools;
use crate::probe::redact::Redactor;

/// The most text one response may hold (its items together); past it the stream fails.
pub const MAX_TEXT: usize = 32 << 20;

/// One event for Codex: its type and its data.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: String,
    pub data: Value,
}

impl Event {
    /// The event as Server-Sent Events bytes.
    pub fn sse(&self) -> String {
        format!("event: {}\ndata: {}\n\n", self.kind, self.data)
    }
}

/// How the provider's stream ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// `[DONE]`, or the end of the body after a finish reason.
    Done,
    /// The body ended (or broke) before the provider finished; the reason, for Codex.
    Broken(String),
}

#[derive(Debug)]
struct Open {
    index: usize,
    id: String,
    text: String,
}

#[derive(Debug, Default)]
struct Call {
    output: Option<usize>,
    id: String,
    call_id: String,
    name: String,
    arguments: String,
    /// The arguments came as one JSON object, not as text fragments.
    whole: bool,
    /// Gemini's thought signature for this call.
    signature: Option<String>,
}

#[derive(Debug, Default)]
pub struct Stream {
    id: String,
    created_at: u64,
    model: String,
    tools: Tools,
    marker: String,
    seq: u64,
    /// Finished items, in output order, for `response.completed`.
    done: Vec<(usize, Value)>,
    next_index: usize,
    reasoning: Option<Open>,
    message: Option<Open>,
    /// The calls being streamed, by the order they began.
    calls: BTreeMap<u64, Call>,
    /// The provider's `index` of each call, and the call it names now.
    by_index: BTreeMap<u64, u64>,
    next_call: u64,
    last_call: Option<u64>,
    /// A thought signature that came before its call.
    pending_signature: Option<String>,
    carry: Carry,
    /// What must not leave, even inside what the provider needs back.
    redactor: Redactor,
    /// The texts streamed so far, redacted across their deltas.
    shown: Deltas,
    usage: Option<Value>,
    finish: Option<String>,
    held: usize,
    over: bool,
}

impl Stream {
    /// `id` names the response (and prefixes its items); `marker` tags reasoning items.
    pub fn new(id: &str, created_at: u64, model: &str, tools: Tools, marker: &str) -> Stream {
        Stream { id: id.to_owned(), created_at, model: model.to_owned(), tools, marker: marker.to_owned(), ..Stream::default() }
    }

    /// The same stream, keeping the credentials `r` knows out of what it carries back.
    pub fn redacting(mut self, r: Redactor) -> Stream {
        self.redactor = r;
        self
    }

    /// Whether the response has ended (completed, incomplete or failed): nothing more goes out.
    pub fn is_over(&self) -> bool {
        self.over
    }

    fn event(&mut self, kind: &str, mut data: Map<String, Value>) -> Event {
        data.insert("type".into(), json!(kind));
        data.insert("sequence_number".into(), json!(self.seq));
        self.seq += 1;
        Event { kind: kind.to_owned(), data: Value::Object(data) }
    }

    fn response(&self, status: &str) -> Map<String, Value> {
        let mut r = Map::new();
        r.insert("id".into(), json!(self.id));
        r.insert("object".into(), json!("response"));
        r.insert("created_at".into(), json!(self.created_at));
        r.insert("status".into(), json!(status));
        r.insert("model".into(), json!(self.model));
        r.insert("output".into(), Value::Array(self.done.iter().map(|(_, v)| v.clone()).collect()));
        r
    }

    /// `response.created` and `response.in_progress`.
    pub fn start(&mut self) -> Vec<Event> {
        let r = Value::Object(self.response("in_progress"));
        let events = vec![self.event("response.created", obj([("response", r.clone())])), self.event("response.in_progress", obj([("response", r)]))];
        self.shown(events)
    }

    /// The events as they go out: each streamed text redacted across its deltas (`deltas`).
    fn shown(&mut self, events: Vec<Event>) -> Vec<Event> {
        let (shown, r) = (&mut self.shown, &self.redactor);
        events.into_iter().flat_map(|e| shown.pass(r, &e.kind, e.data)).map(|(kind, data)| Event { kind, data }).collect()
    }

    /// The events one `data:` field completes: `[DONE]` ends the response, JSON is a
    /// chunk, anything else (a keep-alive, a stray line) is nothing.
    pub fn data(&mut self, data: &str) -> Vec<Event> {
        let data = data.trim();
        let events = match data {
            "[DONE]" => self.end(End::Done),
            _ => serde_json::from_str::<Value>(data).map_or_else(|_| Vec::new(), |v| self.read(&v)),
        };
        self.shown(events)
    }

    /// The events one chunk (a `data:` line's JSON) completes.
    pub fn chunk(&mut self, chunk: &Value) -> Vec<Event> {
        let events = self.read(chunk);
        self.shown(events)
    }

    fn read(&mut self, chunk: &Value) -> Vec<Event> {
        let mut out = Vec::new();
        if self.over {
            return out;
        }
        // An error inside a 200 stream: `{"error": ...}` (OpenRouter), `{"object": "error", ...}` (vLLM).
        if let Some(err) = chunk.get("error").filter(|e| !e.is_null()) {
            let message = err.get("message").and_then(Value::as_str).or(err.as_str()).unwrap_or("the provider reported an error").to_owned();
            return self.failure(&message);
        }
        if chunk.get("object").and_then(Value::as_str) == Some("error") {
            let message = chunk.get("message").and_then(Value::as_str).unwrap_or("the provider reported an error").to_owned();
            return self.failure(&message);
        }
        let choice = chunk.get("choices").and_then(Value::as_array).and_then(|c| c.first());
        for u in [chunk.get("usage"), choice.and_then(|c| c.get("usage"))].into_iter().flatten() {
            if u.is_object() {
                self.usage = Some(u.clone());
            }
        }
        let Some(choice) = choice else { return out };
        let delta = choice.get("delta").or_else(|| choice.get("message")).cloned().unwrap_or(Value::Null);
        let said = delta.get("reasoning_content").or_else(|| delta.get("reasoning")).and_then(Value::as_str).filter(|s| !s.is_empty());
        if let Some(r) = said {
            self.reasoning_delta(r, &mut out);
        }
        if let Some(details) = delta.get("reasoning_details").and_then(Value::as_array) {
            for d in details {
                // Held like the text, so an endless stream of details stops at the same cap.
                self.held += d.to_string().len();
                self.carry.merge_detail(d);
                // Shown from the details only when no plain text said it.
                let text = d.get("text").or_else(|| d.get("summary")).and_then(Value::as_str).filter(|s| !s.is_empty());
                if let (None, Some(t)) = (said, text) {
                    self.reasoning_delta(t, &mut out);
                }
            }
        }
        match delta.get("content") {
            Some(Value::String(text)) if !text.is_empty() => self.text_delta(text, &mut out),
            // Mistral's reasoning models: a list of thinking and text blocks.
            Some(Value::Array(blocks)) => {
                for b in blocks {
                    match b.get("type").and_then(Value::as_str) {
                        Some("thinking") => {
                            let thinking = b.get("thinking");
                            let parts: Vec<&str> = match thinking {
                                Some(Value::String(t)) => vec![t.as_str()],
                                Some(Value::Array(a)) => a.iter().filter_map(|p| p.get("text").and_then(Value::as_str)).collect(),
                                _ => Vec::new(),
                            };
                            for t in parts.into_iter().filter(|t| !t.is_empty()) {
                                self.reasoning_delta(t, &mut out);
                            }
                        }
                        _ => {
                            if let Some(t) = b.get("text").and_then(Value::as_str).filter(|t| !t.is_empty()) {
                                self.text_delta(t, &mut out);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if let Some(calls) = delta.get("tool_calls").and_then(Value::as_array) {
            for tc in calls {
                self.call_delta(tc, &mut out);
            }
        }
        match choice.get("finish_reason").and_then(Value::as_str) {
            // OpenRouter ends a stream that failed after tokens with `finish_reason: "error"`.
            Some("error") => return self.failure("The provider ended its answer with an error."),
            Some(f) => self.finish = Some(f.to_owned()),
            None => {}
        }
        if self.held > MAX_TEXT {
            out.extend(self.failure(&format!("The provider's answer went past {} MB; Switchboard's bridge stopped reading it.", MAX_TEXT >> 20)));
        }
        out
    }

    fn reasoning_delta(&mut self, text: &str, out: &mut Vec<Event>) {
        if self.reasoning.is_none() {
            let index = self.next_index();
            let id = format!("rs_{}_{index}", self.id);
            self.reasoning = Some(Open { index, id: id.clone(), text: String::new() });
            let item = json!({"id": id, "type": "reasoning", "summary": []});
            out.push(self.event("response.output_item.added", obj([("output_index", json!(index)), ("item", item)])));
            out.push(self.event("response.reasoning_summary_part.added", obj([("item_id", json!(id)), ("output_index", json!(index)), ("summary_index", json!(0)), ("part", json!({"type": "summary_text", "text": ""}))])));
        }
        let (id, index) = {
            let r = self.reasoning.as_mut().expect("open");
            r.text.push_str(text);
            (r.id.clone(), r.index)
        };
        self.held += text.len();
        out.push(self.event("response.reasoning_summary_text.delta", obj([("item_id", json!(id)), ("output_index", json!(index)), ("summary_index", json!(0)), ("delta", json!(text))])));
    }

    fn close_reasoning(&mut self, out: &mut Vec<Event>) {
        let Some(r) = self.reasoning.take() else { return };
        let part = json!({"type": "summary_text", "text": r.text});
        out.push(self.event("response.reasoning_summary_text.done", obj([("item_id", json!(r.id)), ("output_index", json!(r.index)), ("summary_index", json!(0)), ("text", json!(r.text))])));
        out.push(self.event("response.reasoning_summary_part.done", obj([("item_id", json!(r.id)), ("output_index", json!(r.index)), ("summary_index", json!(0)), ("part", part.clone())])));
        let item = json!({"id": r.id, "type": "reasoning", "summary": [part], "encrypted_content": self.marker});
        self.finish_item(r.index, item, out);
    }

    fn text_delta(&mut self, text: &str, out: &mut Vec<Event>) {
        self.close_reasoning(out);
        if self.message.is_none() {
            let index = self.next_index();
            let id = format!("msg_{}_{index}", self.id);
            self.message = Some(Open { index, id: id.clone(), text: String::new() });
            let item = json!({"id": id, "type": "message", "status": "in_progress", "role": "assistant", "content": []});
            out.push(self.event("response.output_item.added", obj([("output_index", json!(index)), ("item", item)])));
            let part = json!({"type": "output_text", "annotations": [], "text": ""});
            out.push(self.event("response.content_part.added", obj([("item_id", json!(id)), ("output_index", json!(index)), ("content_index", json!(0)), ("part", part)])));
        }
        let (id, index) = {
            let m = self.message.as_mut().expect("open");
            m.text.push_str(text);
            (m.id.clone(), m.index)
        };
        self.held += text.len();
        out.push(self.event("response.output_text.delta", obj([("item_id", json!(id)), ("output_index", json!(index)), ("content_index", json!(0)), ("delta", json!(text))])));
    }

    fn close_message(&mut self, out: &mut Vec<Event>) {
        let Some(m) = self.message.take() else { return };
        let part = json!({"type": "output_text", "annotations": [], "text": m.text});
        out.push(self.event("response.output_text.done", obj([("item_id", json!(m.id)), ("output_index", json!(m.index)), ("content_index", json!(0)), ("text", json!(m.text))])));
        out.push(self.event("response.content_part.done", obj([("item_id", json!(m.id)), ("output_index", json!(m.index)), ("content_index", json!(0)), ("part", part.clone())])));
        let item = json!({"id": m.id, "type": "message", "status": "completed", "role": "assistant", "content": [part]});
        self.finish_item(m.index, item, out);
    }

    /// Which call a tool-call delta belongs to (see the module comment).
    fn call_key(&mut self, tc: &Value) -> u64 {
        let id = tc.get("id").and_then(Value::as_str).filter(|s| !s.is_empty());
        let named = tc.pointer("/function/name").and_then(Value::as_str).is_some_and(|s| !s.is_empty());
        let fresh = |s: &mut Self| {
            let k = s.next_call;
            s.next_call += 1;
            k
        };
        let key = match tc.get("index").and_then(Value::as_u64) {
            Some(i) => match self.by_index.get(&i).copied() {
                // A new call under an index already used (every call at index 0): a new
                // name and id after arguments that are complete.
                Some(k) if named && self.calls.get(&k).is_some_and(|c| !c.name.is_empty() && id.is_some_and(|id| id != c.call_id) && complete(&c.arguments)) => {
                    let k = fresh(self);
                    self.by_index.insert(i, k);
                    k
                }
                Some(k) => k,
                None => {
                    let k = fresh(self);
                    self.by_index.insert(i, k);
                    k
                }
            },
            // No index (Gemini): a new id, or a name after a named call, starts a call.
            None => match (id, self.last_call) {
                (Some(id), Some(k)) if self.calls.get(&k).is_some_and(|c| c.call_id == id || c.call_id.is_empty()) => k,
                (None, Some(k)) if !(named && self.calls.get(&k).is_some_and(|c| !c.name.is_empty())) => k,
                _ => fresh(self),
            },
        };
        self.last_call = Some(key);
        key
    }

    fn call_delta(&mut self, tc: &Value, out: &mut Vec<Event>) {
        let signature = tc.pointer("/extra_content/google/thought_signature").and_then(Value::as_str).map(str::to_owned);
        let f = tc.get("function");
        // Only a signature (Gemini may send it alone): it belongs to the call it came with, or the next.
        if f.is_none() && tc.get("id").is_none() {
            match (signature, self.last_call.and_then(|k| self.calls.get_mut(&k))) {
                (Some(sig), Some(call)) => call.signature = Some(sig),
                (Some(sig), None) => self.pending_signature = Some(sig),
                _ => {}
            }
            return;
        }
        let key = self.call_key(tc);
        if !self.calls.contains_key(&key) && self.calls.len() >= MAX_ENTRIES {
            // More calls in one answer than any model makes: the rest are not taken.
            return;
        }
        let name = f.and_then(|f| f.get("name")).and_then(Value::as_str).unwrap_or("");
        let (args, whole) = match f.and_then(|f| f.get("arguments")) {
            Some(Value::String(s)) => (s.clone(), false),
            // Arguments as an object (LiteLLM's ollama_chat): the whole of them.
            Some(v @ Value::Object(_)) => (v.to_string(), true),
            _ => (String::new(), false),
        };
        let call_id = tc.get("id").and_then(Value::as_str).unwrap_or("");
        let pending = self.pending_signature.take();
        let call = self.calls.entry(key).or_default();
        if call.call_id.is_empty() && !call_id.is_empty() {
            call.call_id = call_id.to_owned();
        }
        if call.name.is_empty() && !name.is_empty() {
            call.name = name.to_owned();
        }
        if let Some(sig) = signature.or(pending) {
            self.held += sig.len();
            call.signature = Some(sig);
        }
        let args = if call.whole { String::new() } else { args };
        call.whole |= whole;
        call.arguments.push_str(&args);
        self.held += args.len();
        // Announced once its name is known; its arguments so far go out with it.
        if self.calls[&key].output.is_none() && !self.calls[&key].name.is_empty() {
            self.close_reasoning(out);
            self.close_message(out);
            let index = self.next_index();
            let (kind, prefix) = self.kind_of(&self.calls[&key].name);
            let id = format!("{prefix}_{}_{index}", self.id);
            let call = self.calls.get_mut(&key).expect("entry");
            call.output = Some(index);
            call.id = id.clone();
            if call.call_id.is_empty() {
                call.call_id = format!("call_{}_{index}", self.id);
            }
            let (call_id, shown) = (call.call_id.clone(), call.name.clone());
            let so_far = call.arguments.clone();
            let item = self.call_item(kind, &id, &call_id, &shown, "", "in_progress");
            out.push(self.event("response.output_item.added", obj([("output_index", json!(index)), ("item", item)])));
            if kind == "function_call" && !so_far.is_empty() {
                out.push(self.event("response.function_call_arguments.delta", obj([("item_id", json!(id)), ("output_index", json!(index)), ("delta", json!(so_far))])));
            }
        } else if let (Some(index), false) = (self.calls[&key].output, args.is_empty()) {
            let id = self.calls[&key].id.clone();
            if self.kind_of(&self.calls[&key].name).0 == "function_call" {
                out.push(self.event("response.function_call_arguments.delta", obj([("item_id", json!(id)), ("output_index", json!(index)), ("delta", json!(args))])));
            }
        }
    }

    /// A call's item type and id prefix: freeform tools come back as custom tool calls.
    fn kind_of(&self, name: &str) -> (&'static str, &'static str) {
        if self.tools.custom.contains(name) { ("custom_tool_call", "ctc") } else { ("function_call", "fc") }
    }

    fn call_item(&self, kind: &str, id: &str, call_id: &str, name: &str, arguments: &str, status: &str) -> Value {
        if kind == "custom_tool_call" {
            return json!({"id": id, "type": kind, "status": status, "call_id": call_id, "name": name, "input": arguments});
        }
        let mut item = json!({"id": id, "type": kind, "status": status, "arguments": arguments, "call_id": call_id, "name": name});
        if let Some((ns, inner)) = self.tools.namespaced.get(name) {
            item["name"] = json!(inner);
            item["namespace"] = json!(ns);
        }
        item
    }

    fn close_calls(&mut self, out: &mut Vec<Event>) {
        let calls = std::mem::take(&mut self.calls);
        for (_, call) in calls {
            let Some(index) = call.output else { continue };
            if let Some(sig) = &call.signature {
                self.carry.signatures.insert(call.call_id.clone(), sig.clone());
            }
            let (kind, _) = self.kind_of(&call.name);
            let (arguments, done_kind) = if kind == "custom_tool_call" {
                (freeform_input(&call.arguments), "response.custom_tool_call_input.done")
            } else {
                (if call.arguments.trim().is_empty() { "{}".to_owned() } else { call.arguments.clone() }, "response.function_call_arguments.done")
            };
            let field = if kind == "custom_tool_call" { "input" } else { "arguments" };
            out.push(self.event(done_kind, obj([("item_id", json!(call.id)), ("output_index", json!(index)), (field, json!(arguments))])));
            let item = self.call_item(kind, &call.id, &call.call_id, &call.name, &arguments, "completed");
            self.finish_item(index, item, out);
        }
    }

    /// What the provider needs back, in a last reasoning item of its own (`carry`).
    fn close_carry(&mut self, out: &mut Vec<Event>) {
        if self.carry.is_empty() {
            return;
        }
        let index = self.next_index();
        let id = format!("rs_{}_{index}", self.id);
        let redactor = &self.redactor;
        let enc = self.carry.encode_with(&self.marker, |json| redactor.text(&json));
        let item = json!({"id": id, "type": "reasoning", "summary": [], "encrypted_content": enc});
        out.push(self.event("response.output_item.added", obj([("output_index", json!(index)), ("item", json!({"id": id, "type": "reasoning", "summary": []}))])));
        self.finish_item(index, item, out);
    }

    fn finish_item(&mut self, index: usize, item: Value, out: &mut Vec<Event>) {
        out.push(self.event("response.output_item.done", obj([("output_index", json!(index)), ("item", item.clone())])));
        let at = self.done.partition_point(|(i, _)| *i < index);
        self.done.insert(at, (index, item));
    }

    fn next_index(&mut self) -> usize {
        let i = self.next_index;
        self.next_index += 1;
        i
    }

    /// The end of the provider's stream: the last items close, then the response ends.
    pub fn finish(&mut self, end: End) -> Vec<Event> {
        let events = self.end(end);
        self.shown(events)
    }

    fn end(&mut self, end: End) -> Vec<Event> {
        if self.over {
            return Vec::new();
        }
        match end {
            End::Broken(reason) if self.finish.is_none() => self.failure(&reason),
            _ => {
                let mut out = Vec::new();
                self.close_reasoning(&mut out);
                self.close_message(&mut out);
                self.close_calls(&mut out);
                self.close_carry(&mut out);
                self.over = true;
                let mut r = self.response("completed");
                r.insert("usage".into(), usage(self.usage.as_ref()));
                if self.finish.as_deref() == Some("length") {
                    r.insert("status".into(), json!("incomplete"));
                    r.insert("incomplete_details".into(), json!({"reason": "max_output_tokens"}));
                    out.push(self.event("response.incomplete", obj([("response", Value::Object(r))])));
                } else {
                    out.push(self.event("response.completed", obj([("response", Value::Object(r))])));
                }
                out
            }
        }
    }

    /// `response.failed` with `message`: Codex retries it like a dropped stream.
    pub fn fail(&mut self, message: &str) -> Vec<Event> {
        let events = self.failure(message);
        self.shown(events)
    }

    fn failure(&mut self, message: &str) -> Vec<Event> {
        if self.over {
            return Vec::new();
        }
        self.over = true;
        let mut r = self.response("failed");
        r.insert("error".into(), json!({"code": "upstream_error", "message": message}));
        vec![self.event("response.failed", obj([("response", Value::Object(r))]))]
    }
}

/// Whether streamed arguments are a complete JSON value already.
fn complete(arguments: &str) -> bool {
    serde_json::from_str::<Value>(arguments).is_ok()
}

/// A freeform tool's input from the function arguments the provider wrote:
/// `{"input": "..."}`, else the arguments as they are.
fn freeform_input(arguments: &str) -> String {
    match serde_json::from_str::<Value>(arguments) {
        Ok(Value::Object(o)) => match o.get("input") {
            Some(Value::String(s)) => s.clone(),
            _ => o.values().find_map(|v| v.as_str().map(str::to_owned)).unwrap_or_else(|| arguments.to_owned()),
        },
        Ok(Value::String(s)) => s,
        _ => arguments.to_owned(),
    }
}

/// Chat usage as Responses usage.
fn usage(u: Option<&Value>) -> Value {
    let Some(u) = u else { return json!({"input_tokens": 0, "output_tokens": 0, "total_tokens": 0}) };
    let n = |v: Option<&Value>| v.and_then(Value::as_u64).unwrap_or(0);
    let input = n(u.get("prompt_tokens"));
    let output = n(u.get("completion_tokens"));
    let cached = n(u.pointer("/prompt_tokens_details/cached_tokens").or(u.get("prompt_cache_hit_tokens")));
    let reasoning = n(u.pointer("/completion_tokens_details/reasoning_tokens"));
    let total = u.get("total_tokens").and_then(Value::as_u64).unwrap_or(input + output);
    json!({
        "input_tokens": input,
        "input_tokens_details": {"cached_tokens": cached},
        "output_tokens": output,
        "output_tokens_details": {"reasoning_tokens": reasoning},
        "total_tokens": total,
    })
}

fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
