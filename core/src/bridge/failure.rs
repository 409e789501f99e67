//! What Codex is told when the provider refuses or breaks off, in a form it acts
//! on. Pure: a status, a header and a body in, an answer out.
//!
//! - 401 and 403 stay 401 and 403: Codex runs the auth command again.
//! - 429 goes back with a `Retry-After` (Codex gives up at once without one),
//!   taken from the provider's header or from its words ("try again in 20s");
//!   an exhausted quota or balance gets none, since waiting will not help.
//! - Any other 4xx goes back as it is, with the provider's message.
//! - A 5xx, or a stream that breaks, becomes `response.failed` with the
//!   provider's own message, which Codex shows and retries.
//!
//! Every message is redacted by the server before it leaves (the provider may
//! quote the key it was sent).

use serde_json::Value;

/// How long Codex is told to wait on a 429 that says nothing about it.
pub const DEFAULT_RETRY_SECS: u64 = 5;
/// The longest wait passed on (a provider asking for an hour gets a minute).
pub const MAX_RETRY_SECS: u64 = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// An HTTP error for Codex, with a JSON `{"error": {"message"}}` body.
    Status { status: u16, retry_after: Option<u64>, message: String },
    /// A `response.failed` event in a 200 stream.
    Failed { message: String },
}

/// The answer to a provider's non-2xx reply.
pub fn from_status(status: u16, retry_after: Option<&str>, body: &str, host: &str) -> Answer {
    let said = provider_message(body);
    let message = |what: &str| match &said {
        Some(m) => format!("{host} answered {status} ({what}): {m}"),
        None => format!("{host} answered {status} ({what})."),
    };
    match status {
        401 | 403 => Answer::Status { status, retry_after: None, message: message("the key was refused") },
        429 => {
            let wait = if exhausted(body) {
                None
            } else {
                Some(retry_after.and_then(seconds_in_header).or_else(|| seconds_in_words(body)).unwrap_or(DEFAULT_RETRY_SECS).clamp(1, MAX_RETRY_SECS))
            };
            Answer::Status { status, retry_after: wait, message: message("too many requests") }
        }
        500..=599 => Answer::Failed { message: message("an error on the provider's side") },
        _ => Answer::Status { status, retry_after: None, message: message("the request was refused") },
    }
}

/// The provider's own error message in a JSON body (or the body's first line), in
/// whichever shape it comes: `{"error": {"message"}}`, an array of those (Gemini), no
/// `error` wrapper (SiliconFlow, Mistral's 401), a `detail` list (Mistral's 422),
/// a message that is itself a list or an object (Mistral, 2025), or OpenRouter's
/// wrapper with the upstream's own body in `metadata.raw`.
pub fn provider_message(body: &str) -> Option<String> {
    if let Ok(v) = serde_json::from_str::<Value>(body) {
        return message_in(&v, 0).map(|s| s.chars().take(300).collect());
    }
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    (!line.starts_with('<')).then(|| line.chars().take(300).collect())
}

fn message_in(v: &Value, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|i| message_in(i, depth + 1)),
        Value::Object(o) => {
            if let Some(m) = o.get("error").filter(|e| !e.is_null()).and_then(|e| message_in(e, depth + 1)) {
                return Some(m);
            }
            if let Some(m) = o.get("detail").and_then(details) {
                return Some(m);
            }
            let said = match o.get("message").or_else(|| o.get("msg")) {
                Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
                Some(inner @ (Value::Object(_) | Value::Array(_))) => details(inner).or_else(|| message_in(inner, depth + 1))?,
                _ => return None,
            };
            // OpenRouter: the upstream's own words, and who said them.
            let meta = o.get("metadata");
            let raw = meta.and_then(|m| m.get("raw")).and_then(Value::as_str).and_then(|r| provider_message(r));
            let who = meta.and_then(|m| m.get("provider_name")).and_then(Value::as_str);
            Some(match (raw, who) {
                (Some(r), Some(w)) => format!("{said} ({w}: {r})"),
                (Some(r), None) => format!("{said} ({r})"),
                _ => said,
            })
        }
        _ => None,
    }
}

/// A validation `detail` list: `body.stream_options: Extra inputs are not permitted; ...`.
fn details(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(items) => {
            let lines: Vec<String> = items
                .iter()
                .filter_map(|d| {
                    let msg = d.get("msg").or_else(|| d.get("message")).and_then(Value::as_str)?;
                    let loc: Vec<String> = d.get("loc").and_then(Value::as_array).into_iter().flatten().map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned)).collect();
                    let loc = loc.join(".");
                    Some(if loc.is_empty() { msg.to_owned() } else { format!("{loc}: {msg}") })
                })
                .take(3)
                .collect();
            (!lines.is_empty()).then(|| lines.join("; "))
        }
        Value::Object(o) => o.get("detail").and_then(details),
        _ => None,
    }
}

/// A quota or balance that has run out (as OpenAI, DeepSeek, Moonshot and Zhipu say it).
pub fn exhausted(body: &str) -> bool {
    let b = body.to_lowercase();
    ["insufficient_quota", "exceeded your current quota", "insufficient balance", "insufficient_balance", "billing", "余额不足", "欠费"]
        .iter()
        .any(|w| b.contains(w))
}

/// `Retry-After: 20` (or `1.5`); an HTTP date is not read.
fn seconds_in_header(h: &str) -> Option<u64> {
    let v: f64 = h.trim().parse().ok()?;
    (v.is_finite() && v >= 0.0).then(|| v.ceil() as u64)
}

/// "try again in 20s", "retry after 1.5 seconds", "Please retry in 2m", `"retry_after": 7`.
pub fn seconds_in_words(body: &str) -> Option<u64> {
    let b = body.to_lowercase();
    for key in ["again in ", "retry in ", "retry after ", "retry_after\":", "retry-after: "] {
        let Some(at) = b.find(key) else { continue };
        let rest = b[at + key.len()..].trim_start();
        let num: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        let Ok(v) = num.parse::<f64>() else { continue };
        let unit = rest[num.len()..].trim_start();
        let secs = if unit.starts_with("ms") {
            v / 1000.0
        } else if unit.starts_with('m') && !unit.starts_with("ms") {
            v * 60.0
        } else if unit.starts_with('h') {
            v * 3600.0
        } else {
            v
        };
        return Some(secs.ceil().max(1.0) as u64);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_becomes_what_codex_acts_on() {
        let h = "api.example";
        // (status, Retry-After header, body, answer)
        let cases: Vec<(u16, Option<&str>, &str, Answer)> = vec![
            (401, None, r#"{"error":{"message":"Invalid API key"}}"#, Answer::Status { status: 401, retry_after: None, message: "api.example answered 401 (the key was refused): Invalid API key".into() }),
            (403, None, "forbidden", Answer::Status { status: 403, retry_after: None, message: "api.example answered 403 (the key was refused): forbidden".into() }),
            (429, Some("7"), "{}", Answer::Status { status: 429, retry_after: Some(7), message: "api.example answered 429 (too many requests).".into() }),
            (429, Some("2.2"), "", Answer::Status { status: 429, retry_after: Some(3), message: "api.example answered 429 (too many requests).".into() }),
            (429, None, r#"{"error":{"message":"Rate limit reached. Please try again in 20s."}}"#, Answer::Status { status: 429, retry_after: Some(20), message: "api.example answered 429 (too many requests): Rate limit reached. Please try again in 20s.".into() }),
            (429, None, "Please retry after 1.5 seconds", Answer::Status { status: 429, retry_after: Some(2), message: "api.example answered 429 (too many requests): Please retry after 1.5 seconds".into() }),
            (429, None, "slow down, try again in 2m", Answer::Status { status: 429, retry_after: Some(60), message: "api.example answered 429 (too many requests): slow down, try again in 2m".into() }),
            (429, None, "too many", Answer::Status { status: 429, retry_after: Some(DEFAULT_RETRY_SECS), message: "api.example answered 429 (too many requests): too many".into() }),
            (429, None, r#"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota"}}"#, Answer::Status { status: 429, retry_after: None, message: "api.example answered 429 (too many requests): You exceeded your current quota".into() }),
            (429, Some("5"), r#"{"error":{"message":"账户余额不足"}}"#, Answer::Status { status: 429, retry_after: None, message: "api.example answered 429 (too many requests): 账户余额不足".into() }),
            (500, None, r#"{"error":{"message":"upstream overloaded"}}"#, Answer::Failed { message: "api.example answered 500 (an error on the provider's side): upstream overloaded".into() }),
            (503, None, "<html>busy</html>", Answer::Failed { message: "api.example answered 503 (an error on the provider's side).".into() }),
            (400, None, r#"{"error":{"message":"Model not exist"}}"#, Answer::Status { status: 400, retry_after: None, message: "api.example answered 400 (the request was refused): Model not exist".into() }),
            (404, None, "", Answer::Status { status: 404, retry_after: None, message: "api.example answered 404 (the request was refused).".into() }),
        ];
        for (status, header, body, want) in cases {
            assert_eq!(from_status(status, header, body, h), want, "{status} {header:?} {body}");
        }
    }

    #[test]
    fn a_providers_message_in_each_of_its_shapes() {
        // (the body as the provider sends it, the message Codex is shown)
        let cases: &[(&str, Option<&str>)] = &[
            (r#"{"error":{"message":"Invalid API key","type":"invalid_request_error"}}"#, Some("Invalid API key")),
            // Gemini: an array (provider-quirks §8.3, §8.4).
            (r#"[{"error":{"code":400,"message":"Function call is missing a thought_signature in functionCall parts.","status":"INVALID_ARGUMENT"}}]"#, Some("Function call is missing a thought_signature in functionCall parts.")),
            // SiliconFlow: no `error` wrapper (§9); Mistral's 401 (§4.11).
            (r#"{"code":20015,"message":"Value error, current model does not support parameter `enable_thinking.`","data":null}"#, Some("Value error, current model does not support parameter `enable_thinking.`")),
            (r#"{"message":"Unauthorized","request_id":"abc"}"#, Some("Unauthorized")),
            // Mistral's 422 as a bare detail list (2026), and the envelopes before it (§4.2).
            (r#"{"detail":[{"type":"extra_forbidden","loc":["body","store"],"msg":"Extra inputs are not permitted","input":false},{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted","input":8192}]}"#, Some("body.store: Extra inputs are not permitted; body.max_completion_tokens: Extra inputs are not permitted")),
            (r#"{"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}]},"type":"invalid_request_error","param":null,"code":null}"#, Some("body.stream_options: Extra inputs are not permitted")),
            (r#"{"object":"Error","detail":[{"loc":["body","messages",2,"assistant","reasoning_content"],"msg":"Extra inputs are not permitted"}],"message":[],"type":"invalid_request_error","code":3001}"#, Some("body.messages.2.assistant.reasoning_content: Extra inputs are not permitted")),
            (r#"{"object":"error","message":"Unexpected role 'user' after role 'tool'","type":"invalid_request_message_order","param":null,"code":"3230"}"#, Some("Unexpected role 'user' after role 'tool'")),
            // GLM's 4-digit codes (§3.5).
            (r#"{"error":{"code":"1214","message":"messages[4]:content和tool_calls 字段不能同时为空"}}"#, Some("messages[4]:content和tool_calls 字段不能同时为空")),
            // OpenRouter: the upstream's body in metadata.raw (§7.3).
            (r#"{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\"object\":\"error\",\"message\":\"Unexpected role 'tool' after role 'user'\"}","provider_name":"Mistral"}}}"#, Some("Provider returned error (Mistral: Unexpected role 'tool' after role 'user')")),
            (r#"{"message":"Provider returned error","code":400,"metadata":{"raw":"upstream down"}}"#, Some("Provider returned error (upstream down)")),
            // FastAPI's plain detail; vLLM's error object; a plain text body; HTML; nothing.
            (r#"{"detail":"Not Found"}"#, Some("Not Found")),
            (r#"{"error":{"message":"Unexpected role 'user' after role 'tool'","type":"BadRequestError","param":null,"code":400}}"#, Some("Unexpected role 'user' after role 'tool'")),
            ("Access denied due to invalid subscription key.", Some("Access denied due to invalid subscription key.")),
            ("<html><body>502</body></html>", None),
            ("", None),
            ("{}", None),
        ];
        for (body, want) in cases {
            assert_eq!(provider_message(body).as_deref(), *want, "{body}");
        }
    }
}
