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

/// The provider's own error message in a JSON body (or the body's first line).
pub fn provider_message(body: &str) -> Option<String> {
    if let Ok(v) = serde_json::from_str::<Value>(body) {
        let e = v.get("error").unwrap_or(&v);
        let said = e.get("message").and_then(Value::as_str).or(e.as_str()).or(v.get("message").and_then(Value::as_str)).or(v.get("msg").and_then(Value::as_str));
        return said.map(|s| s.chars().take(300).collect());
    }
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    (!line.starts_with('<')).then(|| line.chars().take(300).collect())
}

/// A quota or balance that has run out (as OpenAI, DeepSeek, Moonshot and Zhipu say it).
fn exhausted(body: &str) -> bool {
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
fn seconds_in_words(body: &str) -> Option<u64> {
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
}
