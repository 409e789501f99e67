//! Reading a chat request's messages: a message's role, its tool calls and their
//! ids, and whether its content is empty.

use serde_json::Value;

pub(super) fn role(m: &Value) -> &str {
    m.get("role").and_then(Value::as_str).unwrap_or("")
}

pub(super) fn calls_of(m: &Value) -> &[Value] {
    m.get("tool_calls").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

pub(super) fn call_ids(m: &Value) -> Vec<String> {
    calls_of(m).iter().map(|c| c.get("id").and_then(Value::as_str).unwrap_or("").to_owned()).collect()
}

/// Empty content: missing, null, "" or an empty list.
pub(super) fn empty_content(m: &Value) -> bool {
    match m.get("content") {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}
