//! The rules each provider enforces on a chat request, after
//! shared/fixtures/provider-quirks.md, and the status and body it refuses a breach with.

use serde_json::{Value, json};

use super::behaviour::Behaviour;
use super::log::Log;
use super::messages::{call_ids, calls_of, empty_content, role};
use crate::Seen;

/// How an OpenAI-style server finds tool messages out of place.
enum Pairing {
    /// An assistant message has calls (these ids) no tool message right after it answers.
    Unanswered(Vec<String>),
    /// The tool message at this index answers no call of the assistant message just before.
    Stray(usize),
}

/// Each assistant message's calls answered by the tool messages right after it, and
/// every tool message answering one of them.
fn pairing(msgs: &[Value]) -> Option<Pairing> {
    let mut i = 0;
    while i < msgs.len() {
        if role(&msgs[i]) == "tool" {
            return Some(Pairing::Stray(i));
        }
        let mut open = call_ids(&msgs[i]);
        i += 1;
        if open.is_empty() {
            continue;
        }
        while i < msgs.len() && role(&msgs[i]) == "tool" {
            let id = msgs[i].get("tool_call_id").and_then(Value::as_str).unwrap_or("");
            match open.iter().position(|o| o == id) {
                Some(p) => {
                    open.remove(p);
                }
                None => return Some(Pairing::Stray(i)),
            }
            i += 1;
        }
        if !open.is_empty() {
            return Some(Pairing::Unanswered(open));
        }
    }
    None
}

/// Per assistant message with calls: (its index, how many calls, how many tool messages follow it at once).
fn call_counts(msgs: &[Value]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, m) in msgs.iter().enumerate() {
        let n = calls_of(m).len();
        if role(m) == "assistant" && n > 0 {
            let results = msgs[i + 1..].iter().take_while(|m| role(m) == "tool").count();
            out.push((i, n, results));
        }
    }
    out
}

/// The OpenAI (and Azure, §6.6) error for a pairing break, typo included.
fn openai_pairing(msgs: &[Value]) -> Option<(u16, String)> {
    match pairing(msgs)? {
        Pairing::Stray(i) => Some((
            400,
            json!({"error": {"message": "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", "type": "invalid_request_error", "param": format!("messages.[{i}].role"), "code": null}}).to_string(),
        )),
        Pairing::Unanswered(ids) => Some((
            400,
            json!({"error": {"message": format!("An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {}", ids.join(", ")), "type": "invalid_request_error", "param": "messages", "code": null}}).to_string(),
        )),
    }
}

/// The request's rules, as `b`'s provider enforces them: `None` when it is accepted.
pub(super) fn check(b: Behaviour, s: &Seen, req: &Value, log: &Log) -> Option<(u16, String)> {
    let empty = Vec::new();
    let msgs = req.get("messages").and_then(Value::as_array).unwrap_or(&empty);
    match b {
        Behaviour::DeepSeek => deepseek(s, req, msgs),
        Behaviour::Kimi => kimi(req, msgs),
        Behaviour::Glm => glm(req, msgs),
        Behaviour::Mistral => mistral(req, msgs),
        Behaviour::Ollama => ollama(req, msgs),
        Behaviour::Azure => {
            // §6.3: the deployments path needs api-version; without it, 404.
            if !s.query().split('&').any(|kv| kv.starts_with("api-version=") && kv.len() > "api-version=".len()) {
                return Some((404, r#"{"error":{"code":"404","message":"Resource not found"}}"#.to_owned()));
            }
            openai_pairing(msgs)
        }
        Behaviour::OpenRouter => openrouter(msgs, log),
        Behaviour::Gemini => gemini(msgs, log),
        Behaviour::FramingA | Behaviour::FramingB => openai_pairing(msgs),
        Behaviour::RefusesStreamOptions => {
            if let Some(so) = req.get("stream_options") {
                let body = json!({"detail": [{"type": "extra_forbidden", "loc": ["body", "stream_options"], "msg": "Extra inputs are not permitted", "input": so}]});
                return Some((422, body.to_string()));
            }
            openai_pairing(msgs)
        }
    }
}

fn deepseek_error(message: &str) -> (u16, String) {
    (400, json!({"error": {"message": message, "type": "invalid_request_error", "param": null, "code": "invalid_request_error"}}).to_string())
}

/// Where `needle` ends in `body`, as serde's "at line 1 column N" counts it.
fn column(body: &str, needle: &str) -> usize {
    body.find(needle).map_or(body.len(), |p| p + needle.len())
}

fn deepseek(s: &Seen, req: &Value, msgs: &[Value]) -> Option<(u16, String)> {
    // §1.6: the role is a serde enum; `developer` is no variant of it.
    const ROLES: [&str; 5] = ["system", "user", "assistant", "tool", "latest_reminder"];
    for (i, m) in msgs.iter().enumerate() {
        if !ROLES.contains(&role(m)) {
            let r = role(m);
            let col = column(&s.body, &format!("\"{r}\""));
            return Some(deepseek_error(&format!(
                "Failed to deserialize the JSON body into the target type: messages[{i}].role: unknown variant `{r}`, expected one of `system`, `user`, `assistant`, `tool`, `latest_reminder` at line 1 column {col}"
            )));
        }
    }
    // §1.8: function tools only, each with an object schema.
    for (i, t) in req.get("tools").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let Some(f) = t.get("function").filter(|f| f.is_object()) else {
            let col = column(&s.body, "\"tools\"");
            return Some(deepseek_error(&format!("Failed to deserialize the JSON body into the target type: tools[{i}]: missing field `function` at line 1 column {col}")));
        };
        let got = f.pointer("/parameters/type").cloned().unwrap_or(Value::Null);
        if got != "object" {
            let name = f.get("name").and_then(Value::as_str).unwrap_or("");
            let got = got.as_str().map_or_else(|| got.to_string(), str::to_owned);
            return Some(deepseek_error(&format!("Invalid schema for function '{name}': schema must be a JSON Schema of 'type: \"object\"', got 'type: {got}'.")));
        }
    }
    // §1.7: each call answered right after its message, and no tool message otherwise.
    match pairing(msgs) {
        Some(Pairing::Unanswered(_)) => {
            return Some(deepseek_error("An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. (insufficient tool messages following tool_calls message)"));
        }
        Some(Pairing::Stray(_)) => return Some(deepseek_error("Messages with role 'tool' must be a response to a preceding message with 'tool_calls'")),
        None => {}
    }
    // §1.3 (V4): within a user turn that made tool calls, every assistant message carries `reasoning_content` ("" counts, §1.4).
    let mut start = 0;
    while start < msgs.len() {
        let end = (start + 1..msgs.len()).find(|&j| role(&msgs[j]) == "user").unwrap_or(msgs.len());
        let turn = &msgs[start..end];
        let tool_loop = turn.iter().any(|m| role(m) == "assistant" && !calls_of(m).is_empty());
        if tool_loop && turn.iter().any(|m| role(m) == "assistant" && !m.get("reasoning_content").is_some_and(Value::is_string)) {
            return Some(deepseek_error("The `reasoning_content` in the thinking mode must be passed back to the API."));
        }
        start = end;
    }
    None
}

fn kimi_error(message: &str) -> (u16, String) {
    (400, json!({"error": {"message": message, "type": "invalid_request_error"}}).to_string())
}

fn kimi(req: &Value, msgs: &[Value]) -> Option<(u16, String)> {
    // §2.5: no forced tool while thinking.
    match req.get("tool_choice") {
        Some(Value::String(c)) if c == "required" => return Some(kimi_error("tool_choice 'required' is incompatible with thinking enabled")),
        Some(Value::Object(_)) => return Some(kimi_error("tool_choice 'specified' is incompatible with thinking enabled")),
        _ => {}
    }
    // §2.4: thinking on, temperature 1 only.
    if let Some(t) = req.get("temperature").and_then(Value::as_f64) {
        if (t - 1.0).abs() > f64::EPSILON {
            return Some(kimi_error("invalid temperature: only 1 is allowed for this model"));
        }
    }
    // §2.9: object schemas.
    for t in req.get("tools").and_then(Value::as_array).into_iter().flatten() {
        if t.pointer("/function/parameters/type").and_then(Value::as_str) != Some("object") {
            return Some(kimi_error("tools.function.parameters.type is required and must be \"object\""));
        }
    }
    for (i, m) in msgs.iter().enumerate() {
        if role(m) != "assistant" {
            continue;
        }
        // §2.8: an assistant message says something.
        if empty_content(m) && calls_of(m).is_empty() {
            return Some(kimi_error(&format!("Invalid request: the message at position {i} with role 'assistant' must not be empty")));
        }
        // §2.2, §2.3: a tool-call message carries its reasoning, and "" counts as none.
        if !calls_of(m).is_empty() && m.get("reasoning_content").and_then(Value::as_str).is_none_or(str::is_empty) {
            return Some(kimi_error(&format!("thinking is enabled but reasoning_content is missing in assistant tool call message at index {i}")));
        }
    }
    None
}

fn glm_error(code: &str, message: &str) -> (u16, String) {
    (400, json!({"error": {"code": code, "message": message}}).to_string())
}

fn glm(req: &Value, msgs: &[Value]) -> Option<(u16, String)> {
    // §3.7 (code §3.5): no stream_options, penalties or strict functions, and tool_choice auto only.
    let strict = req.get("tools").and_then(Value::as_array).into_iter().flatten().any(|t| t.pointer("/function/strict").is_some());
    let refused = ["stream_options", "presence_penalty", "frequency_penalty"].iter().any(|k| req.get(k).is_some());
    if refused || strict || req.get("tool_choice").is_some_and(|c| c != "auto") {
        return Some(glm_error("1210", "API 调用参数有误，请检查文档。"));
    }
    // §3.6: at least one user message.
    if !msgs.iter().any(|m| role(m) == "user") {
        return Some(glm_error("1214", "messages 参数非法。请检查文档。"));
    }
    // §3.5: content and tool_calls not both empty.
    for (i, m) in msgs.iter().enumerate() {
        if role(m) == "assistant" && empty_content(m) && calls_of(m).is_empty() {
            return Some(glm_error("1214", &format!("messages[{i}]:content和tool_calls 字段不能同时为空")));
        }
    }
    None
}

fn mistral_error(message: &str, kind: &str, code: Value) -> (u16, String) {
    (400, json!({"object": "error", "message": message, "type": kind, "param": null, "code": code}).to_string())
}

fn mistral(req: &Value, msgs: &[Value]) -> Option<(u16, String)> {
    // §4.2: pydantic `extra="forbid"` everywhere; every extra field in one 422, bare `{"detail": [...]}`.
    const TOP: [&str; 18] = [
        "model", "messages", "stream", "temperature", "top_p", "max_tokens", "tools", "tool_choice", "parallel_tool_calls", "response_format",
        "stop", "random_seed", "presence_penalty", "frequency_penalty", "n", "safe_prompt", "prediction", "prompt_mode",
    ];
    let extra = |loc: Vec<Value>, input: &Value| json!({"type": "extra_forbidden", "loc": loc, "msg": "Extra inputs are not permitted", "input": input});
    let mut detail = Vec::new();
    for (k, v) in req.as_object().into_iter().flatten() {
        if !TOP.contains(&k.as_str()) {
            detail.push(extra(vec![json!("body"), json!(k)], v));
        }
    }
    for (i, m) in msgs.iter().enumerate() {
        let r = role(m);
        let allowed: &[&str] = match r {
            "system" | "user" => &["role", "content"],
            "assistant" => &["role", "content", "tool_calls", "prefix"],
            "tool" => &["role", "content", "tool_call_id", "name"],
            other => {
                // The message is a union tagged by role (inferred wording).
                detail.push(json!({"type": "union_tag_invalid", "loc": ["body", "messages", i], "msg": format!("Input tag '{other}' found using 'role' does not match any of the expected tags: 'assistant', 'system', 'tool', 'user'"), "input": m}));
                continue;
            }
        };
        for (k, v) in m.as_object().into_iter().flatten() {
            if !allowed.contains(&k.as_str()) {
                detail.push(extra(vec![json!("body"), json!("messages"), json!(i), json!(r), json!(k)], v));
            }
        }
        for (j, c) in calls_of(m).iter().enumerate() {
            for (k, v) in c.as_object().into_iter().flatten() {
                if !["id", "type", "function", "index"].contains(&k.as_str()) {
                    detail.push(extra(vec![json!("body"), json!("messages"), json!(i), json!(r), json!("tool_calls"), json!(j), json!(k)], v));
                }
            }
            for (k, v) in c.get("function").and_then(Value::as_object).into_iter().flatten() {
                if !["name", "arguments"].contains(&k.as_str()) {
                    detail.push(extra(vec![json!("body"), json!("messages"), json!(i), json!(r), json!("tool_calls"), json!(j), json!("function"), json!(k)], v));
                }
            }
        }
    }
    if !detail.is_empty() {
        return Some((422, json!({"detail": detail}).to_string()));
    }
    // §4.1: tool-call ids of nine letters and digits, on calls and on results.
    let good = |id: &str| id.len() == 9 && id.bytes().all(|b| b.is_ascii_alphanumeric());
    for m in msgs {
        let ids = call_ids(m).into_iter().chain(m.get("tool_call_id").and_then(Value::as_str).map(str::to_owned));
        for id in ids {
            if !good(&id) {
                let message = format!("Tool call id was {id} but must be a-z, A-Z, 0-9, with a length of 9.");
                let body = json!({"object": "error", "message": message, "type": "invalid_function_call", "param": null, "code": "3280", "raw_status_code": 400});
                return Some((400, body.to_string()));
            }
        }
    }
    // §4.3: no user right after a tool result, no tool result right after a user.
    for w in msgs.windows(2) {
        let (a, b) = (role(&w[0]), role(&w[1]));
        if (a == "tool" && b == "user") || (a == "user" && b == "tool") {
            return Some(mistral_error(&format!("Unexpected role '{b}' after role '{a}'"), "invalid_request_message_order", json!("3230")));
        }
    }
    // §4.4: as many results as calls.
    if call_counts(msgs).iter().any(|(_, calls, results)| calls != results) {
        return Some(mistral_error("Not the same number of function calls and responses", "invalid_request_error", Value::Null));
    }
    // §4.5: the last message is the user's or a tool result (or an assistant prefix). Envelope inferred.
    if let Some(last) = msgs.last() {
        let ok = matches!(role(last), "user" | "tool") || (role(last) == "assistant" && last.get("prefix") == Some(&json!(true)));
        if !ok {
            return Some(mistral_error(&format!("Expected last role User or Tool (or Assistant with prefix True) for serving but got {}", role(last)), "invalid_request_message_order", json!("3230")));
        }
    }
    None
}

fn ollama_error(message: &str) -> (u16, String) {
    (400, json!({"error": {"message": message, "type": "invalid_request_error", "param": null, "code": null}}).to_string())
}

fn ollama(req: &Value, msgs: &[Value]) -> Option<(u16, String)> {
    // §5.5: Ollama's own effort levels only.
    if let Some(e) = req.get("reasoning_effort") {
        let e = e.as_str().map_or_else(|| e.to_string(), str::to_owned);
        if !["high", "medium", "low", "none"].contains(&e.as_str()) {
            return Some(ollama_error(&format!("invalid reasoning value: '{e}' (must be \"high\", \"medium\", \"low\", or \"none\")")));
        }
    }
    for m in msgs {
        // §5.6: arguments are a JSON string holding valid JSON.
        for c in calls_of(m) {
            match c.pointer("/function/arguments") {
                Some(Value::String(a)) => {
                    if serde_json::from_str::<Value>(a).is_err() {
                        return Some(ollama_error("invalid tool call arguments"));
                    }
                }
                Some(other) => {
                    let kind = match other {
                        Value::Object(_) => "object",
                        Value::Array(_) => "array",
                        Value::Number(_) => "number",
                        Value::Bool(_) => "bool",
                        _ => "null",
                    };
                    if kind != "null" {
                        return Some(ollama_error(&format!("json: cannot unmarshal {kind} into Go struct field ToolCallFunction.messages.tool_calls.function.arguments of type string")));
                    }
                    return Some(ollama_error("invalid tool call arguments"));
                }
                None => return Some(ollama_error("invalid tool call arguments")),
            }
        }
        // §5.6: no content at all, and no calls.
        if matches!(m.get("content"), None | Some(Value::Null)) && calls_of(m).is_empty() {
            return Some(ollama_error("invalid message content type: <nil>"));
        }
    }
    None
}

/// Where the current turn starts: at the last user message.
fn current_turn(msgs: &[Value]) -> usize {
    msgs.iter().rposition(|m| role(m) == "user").unwrap_or(0)
}

/// Gemini's error body: a JSON array (§8.4).
fn gemini_error(message: &str) -> String {
    json!([{"error": {"code": 400, "message": message, "status": "INVALID_ARGUMENT"}}]).to_string()
}

fn missing_signature(name: &str, position: usize) -> String {
    gemini_error(&format!(
        "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call `default_api:{name}` , position {position}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details."
    ))
}

fn gemini(msgs: &[Value], log: &Log) -> Option<(u16, String)> {
    // §8.5: as many results as calls.
    if call_counts(msgs).iter().any(|(_, calls, results)| calls != results) {
        return Some((400, gemini_error("Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.")));
    }
    // §8.3: in the current turn, the first call of each step brings back the signature it was sent with.
    for (i, m) in msgs.iter().enumerate().skip(current_turn(msgs)) {
        let Some(first) = calls_of(m).first() else { continue };
        let id = first.get("id").and_then(Value::as_str).unwrap_or("");
        let back = first.pointer("/extra_content/google/thought_signature").and_then(Value::as_str);
        if log.signatures.get(id).map(String::as_str) != back || back.is_none() {
            let name = first.pointer("/function/name").and_then(Value::as_str).unwrap_or("");
            return Some((400, missing_signature(name, i + 1)));
        }
    }
    None
}

fn openrouter(msgs: &[Value], log: &Log) -> Option<(u16, String)> {
    // §7.4: an assistant message that made calls carries back the `reasoning_details` it
    // was sent, unchanged; the Gemini model behind refuses otherwise, and OpenRouter
    // wraps its body (§7.3). Within the current turn, as §8.3 asks.
    for (i, m) in msgs.iter().enumerate().skip(current_turn(msgs)) {
        let Some(first) = calls_of(m).first() else { continue };
        let id = first.get("id").and_then(Value::as_str).unwrap_or("");
        let sent = log.details.get(id);
        if sent.is_none() || m.get("reasoning_details") != sent {
            let name = first.pointer("/function/name").and_then(Value::as_str).unwrap_or("");
            let raw = missing_signature(name, i + 1);
            let body = json!({"error": {"message": "Provider returned error", "code": 400, "metadata": {"raw": raw, "provider_name": "Google AI Studio"}}});
            return Some((400, body.to_string()));
        }
    }
    None
}
