//! What a provider's refusal teaches: a 400 or 422 that names a field the bridge
//! chose to send, or a rule of the provider's the bridge did not follow, becomes a
//! lesson; the server retries once with it and, when that gets through, remembers
//! it for the provider (`learnt`). Pure: a status, a body and what was sent in,
//! the lessons out.

use super::dialect::Lesson;

/// What a translated request carried that a provider may refuse (see `request`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub stream_options: bool,
    pub parallel_tool_calls: bool,
    pub reasoning_effort: bool,
    /// Reasoning on an assistant message (a field, or thinking blocks).
    pub reasoning_back: bool,
    /// An assistant message with tool calls, in the history.
    pub tool_calls: bool,
    /// Every assistant tool-call message carried reasoning.
    pub reasoning_on_calls: bool,
    /// A user or system message right after a tool result.
    pub user_after_tool: bool,
    /// Tool-call ids were cut to nine letters and digits.
    pub short_tool_ids: bool,
}

/// The lessons a refusal teaches, given what was sent: none for any other status,
/// or for a refusal that names nothing the bridge can change.
pub fn from_refusal(status: u16, body: &str, sent: &Sent) -> Vec<Lesson> {
    if status != 400 && status != 422 {
        return Vec::new();
    }
    let b = body.to_lowercase();
    let names = |field: &str| b.contains(field);
    let refused = ["extra", "unsupported", "not supported", "not permitted", "unknown", "unrecognized", "not allowed", "invalid parameter"]
        .iter()
        .any(|w| b.contains(w));
    let mut out = Vec::new();
    if sent.stream_options && names("stream_options") {
        out.push(Lesson::NoStreamOptions);
    }
    if sent.parallel_tool_calls && names("parallel_tool_calls") {
        out.push(Lesson::NoParallelToolCalls);
    }
    if sent.reasoning_effort && names("reasoning_effort") {
        out.push(Lesson::NoReasoningEffort);
    }
    let about_reasoning = names("reasoning_content") || names("'reasoning'") || names("\"reasoning\"") || names("`reasoning`");
    let missing = ["missing", "must be passed back", "must be provided", "is required"].iter().any(|w| b.contains(w));
    if about_reasoning && missing && sent.tool_calls && !sent.reasoning_on_calls {
        out.push(Lesson::ReasoningOnCalls);
    } else if about_reasoning && refused && sent.reasoning_back {
        out.push(Lesson::NoReasoningBack);
    }
    if !sent.short_tool_ids && names("tool call id") && (names("length of 9") || names("a-z, a-z, 0-9")) {
        out.push(Lesson::ShortToolIds);
    }
    if sent.user_after_tool && (names("'user' after role 'tool'") || names("'system' after role 'tool'")) {
        out.push(Lesson::AssistantAfterTool);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_teaches_what_it_names() {
        let all = Sent {
            stream_options: true,
            parallel_tool_calls: true,
            reasoning_effort: true,
            reasoning_back: true,
            tool_calls: true,
            reasoning_on_calls: false,
            user_after_tool: true,
            short_tool_ids: false,
        };
        // (status, body as the provider sends it, what was sent, the lessons)
        let cases: Vec<(u16, &str, Sent, Vec<Lesson>)> = vec![
            // Mistral's 422, 2026 body (provider-quirks §4.2).
            (422, r#"{"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted","input":{"include_usage":true}}]}"#, all, vec![Lesson::NoStreamOptions]),
            (422, r#"{"detail":[{"type":"extra_forbidden","loc":["body","messages",3,"assistant","reasoning_content"],"msg":"Extra inputs are not permitted"}]}"#, all, vec![Lesson::NoReasoningBack]),
            // Groq (§9).
            (400, r#"{"error":{"message":"'messages.1' : for 'role:assistant' the following must be satisfied[('messages.1' : property 'reasoning_content' is unsupported)]","type":"invalid_request_error"}}"#, all, vec![Lesson::NoReasoningBack]),
            // Azure on an older api-version (§6.5).
            (400, r#"{"error":{"message":"Unrecognized request argument supplied: parallel_tool_calls","type":"invalid_request_error","param":null,"code":null}}"#, all, vec![Lesson::NoParallelToolCalls]),
            (400, r#"{"error":{"message":"Unrecognized request argument supplied: reasoning_effort"}}"#, all, vec![Lesson::NoReasoningEffort]),
            // DeepSeek V4 and V3.2, Kimi (§1.3, §2.2): reasoning is missing, not refused.
            (400, r#"{"error":{"message":"The `reasoning_content` in the thinking mode must be passed back to the API.","type":"invalid_request_error"}}"#, all, vec![Lesson::ReasoningOnCalls]),
            (400, "Missing `reasoning_content` field in the assistant message at message index 4.", all, vec![Lesson::ReasoningOnCalls]),
            (400, r#"{"error":{"message":"thinking is enabled but reasoning_content is missing in assistant tool call message at index 4","type":"invalid_request_error"}}"#, all, vec![Lesson::ReasoningOnCalls]),
            // Already sent on every call: nothing more to learn.
            (400, r#"{"error":{"message":"reasoning_content is missing in assistant tool call message at index 4"}}"#, Sent { reasoning_on_calls: true, ..all }, vec![]),
            // Mistral's ids and role order (§4.1, §4.3).
            (400, r#"{"object":"error","message":"Tool call id was call_0fypS1hVX but must be a-z, A-Z, 0-9, with a length of 9.","type":"invalid_function_call","param":null,"code":"3280"}"#, all, vec![Lesson::ShortToolIds]),
            (400, r#"{"object":"error","message":"Unexpected role 'user' after role 'tool'","type":"invalid_request_message_order","param":null,"code":"3230"}"#, all, vec![Lesson::AssistantAfterTool]),
            // A field named that was not sent, or a status that teaches nothing.
            (422, r#"{"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}]}"#, Sent { stream_options: false, ..all }, vec![]),
            (500, r#"{"error":{"message":"stream_options is unsupported"}}"#, all, vec![]),
            (401, "Unrecognized request argument supplied: stream_options", all, vec![]),
            (400, r#"{"error":{"code":"1210","message":"API 调用参数有误，请检查文档。"}}"#, all, vec![]),
            (400, r#"{"error":{"message":"Model not exist"}}"#, all, vec![]),
            // Several at once: all of them, for one retry.
            (422, r#"{"detail":[{"loc":["body","stream_options"],"msg":"Extra inputs are not permitted"},{"loc":["body","parallel_tool_calls"],"msg":"Extra inputs are not permitted"}]}"#, all, vec![Lesson::NoStreamOptions, Lesson::NoParallelToolCalls]),
        ];
        for (status, body, sent, want) in cases {
            assert_eq!(from_refusal(status, body, &sent), want, "{status} {body}");
        }
    }
}
