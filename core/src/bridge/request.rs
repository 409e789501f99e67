//! Codex's `POST /responses` body in, a provider's `POST /chat/completions` body
//! out, in the provider's dialect (`dialect`). Pure: a JSON value in, a JSON value
//! out, no I/O.
//!
//! - Messages keep their roles, developer becoming system (chat APIs know no
//!   developer); text parts join into one string, images stay parts.
//! - Function tools pass as functions. Codex's freeform `custom` tools
//!   (`apply_patch`) become functions with one string argument, `input`; a
//!   namespace's functions are listed on their own. Hosted tools (`web_search`,
//!   `tool_search`) are left out: no chat API runs them.
//! - The history's calls and outputs become assistant `tool_calls` and `tool`
//!   messages, each call's result right after it (a missing one is said to be
//!   missing); what one response said (its reasoning, text and calls) becomes one
//!   assistant message.
//! - What a provider needs back within a turn returns only to the upstream that
//!   made it (the bridge's marker names it): its reasoning, in the dialect's field or
//!   blocks; OpenRouter's `reasoning_details`; Gemini's thought signatures on their
//!   calls (`carry`). Another provider's `encrypted_content` is never sent anywhere.
//! - Fields a chat API would refuse (`store`, `include`, `text`,
//!   `client_metadata`, `prompt_cache_key`) are left out; the optional ones the
//!   bridge adds (`stream_options`, `parallel_tool_calls`, `reasoning_effort`) follow
//!   the dialect, and `Sent` records them for the lessons a refusal teaches.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use super::carry::Carry;
use super::dialect::{BETWEEN_TOOL_AND_USER, Dialect, REASONING_PLACEHOLDER, ReasoningBack, short_tool_id};
use super::lesson::Sent;

/// How the stream turns the provider's calls back into Codex's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tools {
    /// Functions that stand for Codex's freeform tools: their call is a `custom_tool_call`.
    pub custom: BTreeSet<String>,
    /// A listed name, and the namespace and name Codex knows it by.
    pub namespaced: BTreeMap<String, (String, String)>,
}

/// A translated request.
#[derive(Debug, Clone, PartialEq)]
pub struct Chat {
    pub body: Value,
    pub tools: Tools,
    pub model: String,
    /// What it carries that a provider may refuse.
    pub sent: Sent,
}

/// Why a request cannot be translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotAnObject,
    NoModel,
    /// The Responses API's server-side state: a chat API has none, and Codex never asks for it.
    PreviousResponseId,
}

impl Refusal {
    pub fn message(&self) -> &'static str {
        match self {
            Refusal::NotAnObject => "The request is not a JSON object.",
            Refusal::NoModel => "The request names no model.",
            Refusal::PreviousResponseId => {
                "previous_response_id is not supported: the provider behind Switchboard's bridge speaks Chat Completions, which keeps no state between requests."
            }
        }
    }
}

/// The marker in `encrypted_content` of the reasoning items the bridge emits for
/// `upstream`: only these are read back.
pub fn reasoning_marker(upstream: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(upstream.as_bytes());
    let short: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("switchboard-bridge:v1:{short}")
}

/// The description given to a freeform tool's one argument.
const INPUT_DESCRIPTION: &str = "The whole input for this tool, as plain text, exactly as the tool's format asks (for apply_patch: the patch, from *** Begin Patch to *** End Patch).";
/// The longest freeform grammar quoted into a description.
const MAX_GRAMMAR: usize = 6000;
/// What a tool result says when Codex's history has none for a call.
const NO_OUTPUT: &str = "(no output was recorded for this call)";

pub fn translate(req: &Value, d: &Dialect, upstream: &str) -> Result<Chat, Refusal> {
    let obj = req.as_object().ok_or(Refusal::NotAnObject)?;
    if obj.get("previous_response_id").is_some_and(|v| !v.is_null()) {
        return Err(Refusal::PreviousResponseId);
    }
    let model = obj.get("model").and_then(Value::as_str).filter(|m| !m.is_empty()).ok_or(Refusal::NoModel)?.to_owned();
    let (tools, chat_tools) = tools(obj.get("tools"));
    let mut sent = Sent { reasoning_on_calls: true, short_tool_ids: d.short_tool_ids, ..Sent::default() };
    let mut body = Map::new();
    body.insert("model".into(), json!(model));
    let mut messages = Vec::new();
    if let Some(instructions) = obj.get("instructions").and_then(Value::as_str).filter(|s| !s.is_empty()) {
        messages.push(json!({"role": "system", "content": instructions}));
    }
    messages.extend(history(obj.get("input"), &reasoning_marker(upstream), &tools, d, &mut sent));
    body.insert("messages".into(), Value::Array(messages));
    body.insert("stream".into(), json!(true));
    if d.stream_usage {
        body.insert("stream_options".into(), json!({"include_usage": true}));
        sent.stream_options = true;
    }
    if !chat_tools.is_empty() {
        body.insert("tools".into(), Value::Array(chat_tools));
        if let Some(choice) = obj.get("tool_choice").and_then(tool_choice) {
            body.insert("tool_choice".into(), choice);
        }
        if d.parallel_tool_calls {
            if let Some(p) = obj.get("parallel_tool_calls").and_then(Value::as_bool) {
                body.insert("parallel_tool_calls".into(), json!(p));
                sent.parallel_tool_calls = true;
            }
        }
    }
    if let Some(effort) = obj.get("reasoning").and_then(|r| r.get("effort")).and_then(Value::as_str).and_then(|e| d.effort_for(e)) {
        body.insert("reasoning_effort".into(), json!(effort));
        sent.reasoning_effort = true;
    }
    for (from, to) in [("max_output_tokens", "max_tokens"), ("temperature", "temperature"), ("top_p", "top_p")] {
        if let Some(v) = obj.get(from).filter(|v| !v.is_null()) {
            body.insert(to.into(), v.clone());
        }
    }
    if !sent.tool_calls {
        sent.reasoning_on_calls = false;
    }
    Ok(Chat { body: Value::Object(body), tools, model, sent })
}

/// Codex's tools as chat functions, and how to turn their calls back.
fn tools(list: Option<&Value>) -> (Tools, Vec<Value>) {
    let mut kinds = Tools::default();
    let mut out = Vec::new();
    let mut names = BTreeSet::new();
    let Some(list) = list.and_then(Value::as_array) else { return (kinds, out) };
    // Top-level names first, so a namespace's function never shadows one.
    for t in list {
        if let Some(n) = t.get("name").and_then(Value::as_str) {
            names.insert(n.to_owned());
        }
    }
    for t in list {
        match t.get("type").and_then(Value::as_str) {
            Some("function") => {
                if let Some(f) = function(t, None) {
                    out.push(f);
                }
            }
            Some("custom") => {
                let Some(name) = t.get("name").and_then(Value::as_str) else { continue };
                let mut description = t.get("description").and_then(Value::as_str).unwrap_or("").to_owned();
                if let Some(grammar) = t.pointer("/format/definition").and_then(Value::as_str).filter(|g| g.len() <= MAX_GRAMMAR) {
                    description.push_str("\n\nThe input follows this grammar (Lark):\n");
                    description.push_str(grammar);
                }
                kinds.custom.insert(name.to_owned());
                out.push(json!({"type": "function", "function": {
                    "name": name,
                    "description": description,
                    "parameters": {"type": "object", "properties": {"input": {"type": "string", "description": INPUT_DESCRIPTION}}, "required": ["input"], "additionalProperties": false},
                }}));
            }
            Some("namespace") => {
                let ns = t.get("name").and_then(Value::as_str).unwrap_or("");
                for inner in t.get("tools").and_then(Value::as_array).into_iter().flatten() {
                    let Some(name) = inner.get("name").and_then(Value::as_str) else { continue };
                    let listed = if names.contains(name) { format!("{ns}__{name}") } else { name.to_owned() };
                    if names.contains(&listed) && listed != name {
                        continue;
                    }
                    names.insert(listed.clone());
                    if let Some(f) = function(inner, Some(&listed)) {
                        kinds.namespaced.insert(listed, (ns.to_owned(), name.to_owned()));
                        out.push(f);
                    }
                }
            }
            // Hosted tools (web_search, tool_search, file_search...) run on OpenAI's side only.
            _ => {}
        }
    }
    (kinds, out)
}

fn function(t: &Value, listed: Option<&str>) -> Option<Value> {
    let name = listed.or_else(|| t.get("name").and_then(Value::as_str))?;
    let mut f = Map::new();
    f.insert("name".into(), json!(name));
    if let Some(d) = t.get("description").and_then(Value::as_str) {
        f.insert("description".into(), json!(d));
    }
    f.insert("parameters".into(), t.get("parameters").cloned().unwrap_or_else(|| json!({"type": "object", "properties": {}})));
    if t.get("strict").and_then(Value::as_bool) == Some(true) {
        f.insert("strict".into(), json!(true));
    }
    Some(json!({"type": "function", "function": Value::Object(f)}))
}

fn tool_choice(c: &Value) -> Option<Value> {
    match c {
        Value::String(s) if matches!(s.as_str(), "auto" | "none" | "required") => Some(c.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(|n| json!({"type": "function", "function": {"name": n}})),
        _ => None,
    }
}

/// The assistant message being built from one response's items.
#[derive(Default)]
struct Turn {
    text: String,
    reasoning: String,
    /// Each call: its id as Codex knows it, and the chat `tool_calls` entry.
    calls: Vec<(String, Value)>,
    carry: Carry,
}

impl Turn {
    fn flush(&mut self, out: &mut Vec<Value>, d: &Dialect, sent: &mut Sent) {
        let t = std::mem::take(self);
        if t.text.is_empty() && t.calls.is_empty() {
            // Reasoning alone says nothing to a chat API.
            return;
        }
        let has_calls = !t.calls.is_empty();
        let reasoning = match (t.reasoning.is_empty(), d.reasoning_on_calls && has_calls) {
            (false, _) => Some(t.reasoning.as_str()),
            (true, true) => Some(REASONING_PLACEHOLDER),
            (true, false) => None,
        };
        let mut m = Map::new();
        m.insert("role".into(), json!("assistant"));
        // "" rather than null beside tool calls: some gateways refuse null.
        m.insert("content".into(), json!(t.text));
        match (d.reasoning_back, reasoning) {
            (ReasoningBack::Field(field), Some(r)) => {
                m.insert(field.into(), json!(r));
                sent.reasoning_back = true;
            }
            (ReasoningBack::ThinkingBlocks, Some(r)) if !t.reasoning.is_empty() => {
                let mut blocks = vec![json!({"type": "thinking", "thinking": [{"type": "text", "text": r}]})];
                if !t.text.is_empty() {
                    blocks.push(json!({"type": "text", "text": t.text}));
                }
                m.insert("content".into(), Value::Array(blocks));
                sent.reasoning_back = true;
            }
            _ => {}
        }
        if has_calls {
            sent.tool_calls = true;
            if reasoning.is_none() || d.reasoning_back == ReasoningBack::Never {
                sent.reasoning_on_calls = false;
            }
        }
        if !t.carry.details.is_empty() && d.reasoning_back != ReasoningBack::Never {
            m.insert("reasoning_details".into(), Value::Array(t.carry.details.clone()));
            sent.reasoning_back = true;
        }
        if has_calls {
            let calls = t
                .calls
                .into_iter()
                .map(|(id, mut call)| {
                    if let Some(sig) = t.carry.signatures.get(&id) {
                        call["extra_content"] = json!({"google": {"thought_signature": sig}});
                    }
                    call
                })
                .collect();
            m.insert("tool_calls".into(), Value::Array(calls));
        }
        out.push(Value::Object(m));
    }
}

/// Codex's `input` items as chat messages.
fn history(input: Option<&Value>, marker: &str, tools: &Tools, d: &Dialect, sent: &mut Sent) -> Vec<Value> {
    let items: Vec<&Value> = match input {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::String(s)) => return vec![json!({"role": "user", "content": s})],
        _ => Vec::new(),
    };
    let id_of = |id: &str| if d.short_tool_ids { short_tool_id(id) } else { id.to_owned() };
    let mut out: Vec<Value> = Vec::new();
    let mut turn = Turn::default();
    for item in items {
        let kind = item.get("type").and_then(Value::as_str).unwrap_or(if item.get("role").is_some() { "message" } else { "" });
        match kind {
            "message" => match item_role(item) {
                Some("assistant") => turn.text.push_str(&text_of(item.get("content"))),
                Some(role) => {
                    turn.flush(&mut out, d, sent);
                    let role = if role == "developer" { "system" } else { role };
                    let content = content_of(item.get("content"));
                    // Consecutive system messages (Codex sends two) become one.
                    if role == "system" {
                        if let (Some(last), Value::String(add)) = (out.last_mut(), &content) {
                            if last["role"] == "system" {
                                if let Some(prev) = last["content"].as_str() {
                                    last["content"] = json!(format!("{prev}\n\n{add}"));
                                    continue;
                                }
                            }
                        }
                    }
                    out.push(json!({"role": role, "content": content}));
                }
                None => {}
            },
            "reasoning" => {
                let enc = item.get("encrypted_content").and_then(Value::as_str).unwrap_or("");
                if enc == marker {
                    turn.reasoning.push_str(&reasoning_text(item));
                } else if let Some(carry) = Carry::decode(enc, marker) {
                    turn.reasoning.push_str(&reasoning_text(item));
                    turn.carry.extend(carry);
                }
            }
            "function_call" | "custom_tool_call" => {
                let call_id = item.get("call_id").and_then(Value::as_str).unwrap_or("");
                let name = item.get("name").and_then(Value::as_str).unwrap_or("");
                let name = match item.get("namespace").and_then(Value::as_str) {
                    Some(ns) if !ns.is_empty() => listed_name(tools, ns, name),
                    _ => name.to_owned(),
                };
                let arguments = if kind == "custom_tool_call" {
                    json!({"input": item.get("input").and_then(Value::as_str).unwrap_or("")}).to_string()
                } else {
                    json_arguments(item.get("arguments").and_then(Value::as_str).unwrap_or("{}"))
                };
                let call = json!({"id": id_of(call_id), "type": "function", "function": {"name": name, "arguments": arguments}});
                turn.calls.push((call_id.to_owned(), call));
            }
            "function_call_output" | "custom_tool_call_output" => {
                turn.flush(&mut out, d, sent);
                let call_id = item.get("call_id").and_then(Value::as_str).unwrap_or("");
                out.push(json!({"role": "tool", "tool_call_id": id_of(call_id), "content": output_text(item.get("output"))}));
            }
            _ => {}
        }
    }
    turn.flush(&mut out, d, sent);
    let out = pair_results(out);
    between_tool_and_user(out, d, sent)
}

/// Each assistant message's tool calls followed at once by their results, in the
/// calls' order (DeepSeek, Azure, Gemini and Mistral refuse anything else): a result
/// further down moves up, a missing one is said to be missing, and a result no call
/// asked for is dropped.
fn pair_results(messages: Vec<Value>) -> Vec<Value> {
    let mut rest: Vec<Option<Value>> = messages.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(rest.len());
    let call_ids = |m: &Value| -> Vec<String> {
        m.get("tool_calls").and_then(Value::as_array).into_iter().flatten().filter_map(|c| c.get("id").and_then(Value::as_str).map(str::to_owned)).collect()
    };
    for i in 0..rest.len() {
        let Some(m) = rest[i].take() else { continue };
        if m["role"] == "tool" {
            // Not claimed by the assistant message before it: no call asked for it.
            continue;
        }
        let ids = call_ids(&m);
        out.push(m);
        if ids.is_empty() {
            continue;
        }
        // Results up to the next assistant message belong to these calls.
        let end = (i + 1..rest.len()).find(|&j| rest[j].as_ref().is_some_and(|m| m["role"] == "assistant")).unwrap_or(rest.len());
        for id in &ids {
            let found = (i + 1..end).find(|&j| rest[j].as_ref().is_some_and(|m| m["role"] == "tool" && m["tool_call_id"] == id.as_str()));
            match found {
                Some(j) => out.push(rest[j].take().expect("found")),
                None => out.push(json!({"role": "tool", "tool_call_id": id, "content": NO_OUTPUT})),
            }
        }
    }
    out
}

/// A user or system message right after a tool result: an assistant word between
/// them where the dialect needs one (Mistral), and `Sent` says when it was left out.
fn between_tool_and_user(messages: Vec<Value>, d: &Dialect, sent: &mut Sent) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(messages.len());
    for m in messages {
        let after_tool = out.last().is_some_and(|last| last["role"] == "tool");
        if after_tool && (m["role"] == "user" || m["role"] == "system") {
            if d.assistant_after_tool {
                out.push(json!({"role": "assistant", "content": BETWEEN_TOOL_AND_USER}));
            } else {
                sent.user_after_tool = true;
            }
        }
        out.push(m);
    }
    out
}

/// A call's arguments as the provider takes them back: JSON text. A model that wrote
/// something else had its call refused by Codex already; its words are kept, as JSON
/// (MiniMax ends the session over invalid arguments in the history).
fn json_arguments(arguments: &str) -> String {
    if arguments.trim().is_empty() {
        return "{}".to_owned();
    }
    match serde_json::from_str::<Value>(arguments) {
        Ok(_) => arguments.to_owned(),
        Err(_) => json!({"raw": arguments}).to_string(),
    }
}

/// The name a namespaced function was listed under (see `tools`).
fn listed_name(tools: &Tools, ns: &str, name: &str) -> String {
    tools.namespaced.iter().find(|(_, (n, f))| n == ns && f == name).map_or_else(|| name.to_owned(), |(listed, _)| listed.clone())
}

fn item_role(item: &Value) -> Option<&str> {
    item.get("role").and_then(Value::as_str)
}

/// The text parts of a message, joined.
fn text_of(content: Option<&Value>) -> String {
    match content {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(parts)) => parts.iter().filter_map(|p| p.get("text").and_then(Value::as_str)).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

/// A user or system message's content: one string, or parts when it holds images.
fn content_of(content: Option<&Value>) -> Value {
    let Some(Value::Array(parts)) = content else { return json!(text_of(content)) };
    let image = |p: &Value| p.get("type").and_then(Value::as_str) == Some("input_image");
    if !parts.iter().any(image) {
        return json!(text_of(content));
    }
    let mut out = Vec::new();
    for p in parts {
        if image(p) {
            let url = p.get("image_url").and_then(|u| u.as_str().or_else(|| u.get("url").and_then(Value::as_str)));
            if let Some(url) = url {
                out.push(json!({"type": "image_url", "image_url": {"url": url}}));
            }
        } else if let Some(t) = p.get("text").and_then(Value::as_str) {
            out.push(json!({"type": "text", "text": t}));
        }
    }
    Value::Array(out)
}

fn reasoning_text(item: &Value) -> String {
    let from = |key: &str| -> Vec<String> {
        item.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(|p| p.get("text").and_then(Value::as_str).map(str::to_owned)).collect()
    };
    let content = from("content");
    if content.is_empty() { from("summary").join("\n") } else { content.join("\n") }
}

/// A tool's output as text (Codex sends a string, or content items).
fn output_text(output: Option<&Value>) -> String {
    match output {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items.iter().filter_map(|p| p.get("text").and_then(Value::as_str)).collect::<Vec<_>>().join("\n"),
        Some(Value::Object(o)) => o.get("content").and_then(Value::as_str).map(str::to_owned).unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
#[path = "request_tests.rs"]
mod tests;
