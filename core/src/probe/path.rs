//! Which way Codex reaches a provider, found out rather than assumed: directly,
//! when the provider serves the Responses API and takes the tools Codex sends
//! there (a function, `apply_patch` as a freeform `custom` tool with its grammar,
//! and the hosted `web_search`); through Switchboard's bridge only when it must
//! (no Responses API, or one that refuses those tools while Chat Completions
//! answers). Observing here (`observe_path`), deciding in the pure `decide`.

use reqwest::header::HeaderMap;
use serde_json::{Value, json};

use super::endpoint::Endpoint;
pub use super::observe::{PathSeen, ToolsSeen};
use super::report::{PathNote, PathOffer};
use crate::bridge::dialect::Lesson;
use crate::locale::{self, Args, Language};
use super::http::{BODY_CAP, STREAM_CAP, read_capped};
use crate::bridge::failure::provider_message;
use crate::provider::api::Api;
use crate::provider::table::ProviderEntry;
use crate::sse;

/// Which of Codex's tools a request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolSet {
    /// What Codex sends: a function, apply_patch (freeform, with its grammar) and web search.
    Codex,
    /// A function alone.
    Functions,
}

/// The way to take, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The Responses API, with all of Codex's tools (at `url`, when not the provider's own).
    Direct { url: Option<String> },
    /// The Responses API takes functions but refuses apply_patch (or web search), and no
    /// Chat Completions API answers: directly, without apply_patch.
    DirectWithoutPatch { status: u16, message: String },
    /// Through the bridge: no Responses API there (its Chat Completions at `url`, when not the provider's own).
    BridgeNoResponses { status: u16, url: Option<String> },
    /// Through the bridge: its Responses API refused Codex's tools (Chat Completions at `url`, as above).
    BridgeToolsRefused { status: u16, message: String, url: Option<String> },
    /// Nothing clear: keep the way it is set up.
    Unclear,
}

/// Decides from what was seen. Pure.
pub fn decide(seen: &PathSeen) -> Decision {
    let chat_url = match (&seen.chat, &seen.chat_other) {
        (Some(true), _) => Some(None),
        (_, Some((url, true))) => Some(Some(url.clone())),
        _ => None,
    };
    match (&seen.codex_tools, &seen.functions, chat_url) {
        (Some(ToolsSeen::Taken), _, _) => Decision::Direct { url: None },
        _ if matches!(&seen.other, Some((_, ToolsSeen::Taken))) => Decision::Direct { url: seen.other.as_ref().map(|(u, _)| u.clone()) },
        (Some(ToolsSeen::Absent { status }), _, Some(url)) => Decision::BridgeNoResponses { status: *status, url },
        (Some(ToolsSeen::Refused { status, message }), _, Some(url)) => Decision::BridgeToolsRefused { status: *status, message: message.clone(), url },
        (Some(ToolsSeen::Refused { status, message }), Some(ToolsSeen::Taken), None) => Decision::DirectWithoutPatch { status: *status, message: message.clone() },
        _ => Decision::Unclear,
    }
}

impl Decision {
    /// The API this way goes through, if the decision is clear.
    pub fn api(&self) -> Option<Api> {
        match self {
            Decision::Direct { .. } | Decision::DirectWithoutPatch { .. } => Some(Api::Responses),
            Decision::BridgeNoResponses { .. } | Decision::BridgeToolsRefused { .. } => Some(Api::Chat),
            Decision::Unclear => None,
        }
    }

    /// Whether Codex's freeform apply_patch is taken on the direct way.
    pub fn custom_tools(&self) -> Option<bool> {
        match self {
            Decision::Direct { .. } => Some(true),
            Decision::DirectWithoutPatch { .. } => Some(false),
            _ => None,
        }
    }
}

/// A request shaped as Codex 0.171 sends it (its keys, its tools), asking for one word.
pub fn codex_request(model: &str, set: ToolSet) -> Value {
    let exec = json!({
        "type": "function",
        "name": "exec_command",
        "description": "Runs a command in a PTY, returning output or a session ID for ongoing interaction.",
        "strict": false,
        "parameters": {
            "type": "object",
            "properties": {
                "cmd": {"type": "string", "description": "Shell command to execute."},
                "workdir": {"type": "string", "description": "Working directory for the command. Defaults to the turn cwd."},
                "yield_time_ms": {"type": "number", "description": "Wait before yielding output. Defaults to 10000 ms; effective range is 250-30000 ms."}
            },
            "required": ["cmd"],
            "additionalProperties": false
        }
    });
    let mut tools = vec![exec];
    if set == ToolSet::Codex {
        tools.push(json!({
            "type": "custom",
            "name": "apply_patch",
            "description": "The `apply_patch` tool can be used to edit files. This is a FREEFORM tool, so do not wrap the patch in JSON.",
            "format": {"type": "grammar", "syntax": "lark", "definition": APPLY_PATCH_GRAMMAR}
        }));
        tools.push(json!({"type": "web_search", "external_web_access": false}));
    }
    json!({
        "model": model,
        "stream": true,
        "input": [
            {"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "You are checking a connection. Do not call any tool."}]},
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Reply with the single word OK."}]}
        ],
        "tools": tools,
        "tool_choice": "auto",
        "parallel_tool_calls": true,
        // Codex sends `{}` for the models Switchboard describes (no summary); an effort is
        // not what this asks about, and some gateways refuse one for a model they do not know.
        "reasoning": {},
        "store": false,
        "include": ["reasoning.encrypted_content"],
        "prompt_cache_key": "switchboard-path-check",
        "client_metadata": {"session_id": "switchboard-path-check"}
    })
}

/// Codex's own grammar for apply_patch (Lark), as it sends it.
const APPLY_PATCH_GRAMMAR: &str = "start: begin_patch hunk+ end_patch\nbegin_patch: \"*** Begin Patch\" LF\nend_patch: \"*** End Patch\" LF?\n\nhunk: add_hunk | delete_hunk | update_hunk\nadd_hunk: \"*** Add File: \" filename LF add_line+\ndelete_hunk: \"*** Delete File: \" filename LF\nupdate_hunk: \"*** Update File: \" filename LF change_move? change?\n\nfilename: /(.+)/\nadd_line: \"+\" /(.*)/ LF -> line\n\nchange_move: \"*** Move to: \" filename LF\nchange: (change_context | change_line)+ eof_line?\nchange_context: (\"@@\" | \"@@ \" /(.+)/) LF\nchange_line: (\"+\" | \"-\" | \" \") /(.*)/ LF\neof_line: \"*** End of File\" LF\n\n%import common.LF\n";

/// `POST {ep}/responses` with `set`; reads only until the answer shows it was taken.
pub async fn responses_with_tools(client: &reqwest::Client, ep: &Endpoint, entry: &ProviderEntry, headers: &HeaderMap, model: &str, set: ToolSet) -> ToolsSeen {
    let url = ep.route("/responses", &entry.query_params);
    let sent = client.post(&url).headers(headers.clone()).header("accept", "text/event-stream").json(&codex_request(model, set)).send().await;
    let mut resp = match sent {
        Ok(r) => r,
        Err(_) => return ToolsSeen::Unclear,
    };
    let status = resp.status().as_u16();
    let html = resp.headers().get("content-type").and_then(|c| c.to_str().ok()).is_some_and(|c| c.contains("text/html"));
    if !(200..300).contains(&status) {
        let body = read_capped(&mut resp, BODY_CAP).await.map(|(b, _)| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        return judge_status(status, html, &body);
    }
    if html {
        return ToolsSeen::Absent { status };
    }
    let mut decoder = sse::Decoder::default();
    let mut read = 0usize;
    while let Ok(Some(chunk)) = resp.chunk().await {
        read += chunk.len();
        for event in decoder.push(&chunk) {
            if let Some(seen) = judge_event(&event.data) {
                return seen;
            }
        }
        if read > STREAM_CAP {
            break;
        }
    }
    // A stream that ended without saying anything clear.
    ToolsSeen::Unclear
}

/// A non-2xx answer to the path check. Pure.
fn judge_status(status: u16, html: bool, body: &str) -> ToolsSeen {
    match status {
        404 | 405 => ToolsSeen::Absent { status },
        _ if html => ToolsSeen::Absent { status },
        400 | 422 => ToolsSeen::Refused { status, message: provider_message(body).unwrap_or_default() },
        _ => ToolsSeen::Unclear,
    }
}

/// One event of the answer: taken once output begins or the response completes,
/// refused on a failure before that. Pure.
fn judge_event(data: &str) -> Option<ToolsSeen> {
    let v: Value = serde_json::from_str(data.trim()).ok()?;
    match v["type"].as_str().unwrap_or("") {
        "response.failed" | "error" => {
            let error = if v["response"]["error"].is_object() { &v["response"]["error"] } else if v["error"].is_object() { &v["error"] } else { &v };
            let msg = error["message"].as_str().unwrap_or("");
            // A refusal of the request (of its tools) says so; a rate limit, an overload or
            // a server fault in mid-stream says nothing of the tools.
            let kind = format!("{} {}", error["code"].as_str().unwrap_or(""), error["type"].as_str().unwrap_or("")).to_ascii_lowercase();
            let refusal = ["invalid", "unsupported", "bad_request", "not_supported"].iter().any(|k| kind.contains(k))
                || msg.to_ascii_lowercase().contains("tool");
            Some(if refusal { ToolsSeen::Refused { status: 200, message: msg.chars().take(300).collect() } } else { ToolsSeen::Unclear })
        }
        "response.completed" | "response.output_item.added" | "response.output_text.delta" | "response.reasoning_summary_text.delta" | "response.content_part.added" => Some(ToolsSeen::Taken),
        _ => None,
    }
}

/// Observes the path: Codex's tools at the provider's own address; a function alone
/// when those were refused; the preset's other Responses address (`other`); and,
/// when the direct way is not whole, whether Chat Completions answers there, or at the
/// preset's other Chat Completions address (`chat_other`).
pub async fn observe_path(
    client: &reqwest::Client,
    ep: &Endpoint,
    entry: &ProviderEntry,
    headers: &HeaderMap,
    model: &str,
    other: Option<&Endpoint>,
    chat_other: Option<&Endpoint>,
) -> PathSeen {
    let mut seen = PathSeen { codex_tools: Some(responses_with_tools(client, ep, entry, headers, model, ToolSet::Codex).await), ..Default::default() };
    if matches!(seen.codex_tools, Some(ToolsSeen::Taken)) {
        return seen;
    }
    if let Some(o) = other {
        let at_other = responses_with_tools(client, o, entry, headers, model, ToolSet::Codex).await;
        let taken = at_other == ToolsSeen::Taken;
        seen.other = Some((o.as_str().trim_end_matches('/').to_owned(), at_other));
        if taken {
            return seen;
        }
    }
    if matches!(seen.codex_tools, Some(ToolsSeen::Refused { .. })) {
        seen.functions = Some(responses_with_tools(client, ep, entry, headers, model, ToolSet::Functions).await);
    }
    if matches!(seen.codex_tools, Some(ToolsSeen::Refused { .. } | ToolsSeen::Absent { .. })) {
        let here = chat_works(client, ep, entry, headers, model).await;
        seen.chat = Some(here);
        if let (false, Some(c)) = (here, chat_other) {
            seen.chat_other = Some((c.as_str().trim_end_matches('/').to_owned(), chat_works(client, c, entry, headers, model).await));
        }
    }
    seen
}

/// Whether `POST {ep}/chat/completions` really answers `model`: a 2xx stream whose
/// first event is not an error (read no further, so it costs a token or two).
pub async fn chat_works(client: &reqwest::Client, ep: &Endpoint, entry: &ProviderEntry, headers: &HeaderMap, model: &str) -> bool {
    let url = ep.route("/chat/completions", &entry.query_params);
    // One function, as the bridge always sends: a chat API that refuses tools will not do for Codex.
    let tool = json!({"type": "function", "function": {"name": "shell", "description": "Runs a shell command.", "parameters": {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]}}});
    let body = json!({"model": model, "stream": true, "tools": [tool], "messages": [{"role": "user", "content": "Reply with the single word OK."}]});
    let Ok(mut resp) = client.post(&url).headers(headers.clone()).header("accept", "text/event-stream").json(&body).send().await else { return false };
    if !resp.status().is_success() {
        return false;
    }
    let stream = resp.headers().get("content-type").and_then(|c| c.to_str().ok()).is_some_and(|c| c.contains("text/event-stream"));
    if !stream {
        // A provider that answers with one JSON body rather than a stream.
        let body = read_capped(&mut resp, BODY_CAP).await.map(|(b, _)| b).unwrap_or_default();
        let v: Value = serde_json::from_slice(&body).unwrap_or_default();
        return v.get("choices").is_some() && v.get("error").is_none();
    }
    let mut decoder = sse::Decoder::default();
    let mut read = 0usize;
    while let Ok(Some(chunk)) = resp.chunk().await {
        read += chunk.len();
        if let Some(ev) = decoder.push(&chunk).into_iter().next() {
            let v: Value = serde_json::from_str(ev.data.trim()).unwrap_or_default();
            return v.get("error").is_none() && v.get("object").and_then(Value::as_str) != Some("error");
        }
        if read > BODY_CAP {
            return false;
        }
    }
    false
}

/// The preset's Chat Completions address for a provider set up on its Responses
/// address, when the two differ (`Preset::other_url`).
pub fn other_chat_url(entry: &ProviderEntry) -> Option<String> {
    use crate::provider::preset;
    let base = entry.base_url.as_deref()?;
    let row = preset::get(entry.preset.unwrap_or_else(|| preset::detect_id(base)))?;
    (entry.api == Api::Responses && row.base_url.trim_end_matches('/') == base.trim_end_matches('/')).then_some(row.other_url?).map(str::to_owned)
}

/// Finds out, before a provider is added, which way Codex should reach it: the
/// path check of the Test, with the key the user gave (never written anywhere),
/// under `limit`. `None` when the provider could not be asked (no address, no answer
/// in time).
pub async fn detect(entry: &ProviderEntry, key: Option<&str>, model: &str, limit: std::time::Duration) -> Option<PathSeen> {
    let ep = Endpoint::parse(entry.base_url.as_deref()?)?;
    let client = super::http::client(limit).ok()?;
    let (headers, _) = super::http::headers(entry, key);
    let other = other_responses_url(entry).and_then(|u| Endpoint::parse(&u));
    let chat_other = other_chat_url(entry).and_then(|u| Endpoint::parse(&u));
    let seen = tokio::time::timeout(limit, observe_path(&client, &ep, entry, &headers, model, other.as_ref(), chat_other.as_ref())).await.ok()?;
    (seen.codex_tools != Some(ToolsSeen::Unclear)).then_some(seen)
}

/// The preset's Responses address for a bridged provider, when that is not the
/// provider's own (Zhipu's `/api/v1` beside its `/api/paas/v4`): where the direct way may be.
pub fn other_responses_url(entry: &ProviderEntry) -> Option<String> {
    use crate::provider::preset;
    let base = entry.base_url.as_deref()?;
    if entry.api != Api::Chat {
        return None;
    }
    let row = preset::get(entry.preset.unwrap_or_else(|| preset::detect_id(base)))?;
    let url = row.base_url;
    let host = |u: &str| u.split("://").nth(1).and_then(|r| r.split('/').next()).map(str::to_ascii_lowercase);
    (row.api == Api::Responses && !url.is_empty() && !url.contains('{') && url.trim_end_matches('/') != base.trim_end_matches('/') && host(url) == host(base))
        .then(|| url.to_owned())
}

/// The report's note on the way Codex reaches `entry`: the way it is set up, why
/// (from what the Test saw, when it saw something), a better way when it found one,
/// and what the bridge learnt of it.
pub fn note(entry: &ProviderEntry, seen: Option<&PathSeen>, learnt: &[Lesson], lang: Language) -> PathNote {
    let name = entry.name.as_deref().unwrap_or(&entry.id);
    let base = entry.base_url.as_deref().unwrap_or("");
    let host = base.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or(base);
    let w = |id: &str, args: Args| locale::text(lang, id, &args);
    let said = |status: &u16, message: &str| if message.is_empty() { status.to_string() } else { format!("{status}: {}", message.chars().take(200).collect::<String>()) };
    let decision = seen.map(decide);
    let mut offer = None;
    let why = match (entry.api, &decision) {
        (Api::Responses, Some(Decision::Direct { .. })) => w("path-direct", Args::new().text("name", name)),
        (Api::Responses, Some(Decision::DirectWithoutPatch { status, message })) => {
            w("path-direct-no-patch", Args::new().text("name", name).text("said", said(status, message)))
        }
        (Api::Responses, Some(Decision::BridgeToolsRefused { status, message, url })) if seen.is_some_and(|s| s.functions == Some(ToolsSeen::Taken)) => {
            // Functions taken, apply_patch refused: direct works without it; the bridge has it.
            let command = match url {
                Some(u) => format!("switchboard edit {} --api chat --base-url {u}", entry.id),
                None => format!("switchboard edit {} --api chat", entry.id),
            };
            offer = Some(PathOffer { api: Api::Chat, base_url: url.clone(), why: w("path-offer-bridge-patch", Args::new().text("host", host)), command });
            w("path-direct-no-patch", Args::new().text("name", name).text("said", said(status, message)))
        }
        (Api::Responses, _) => w("path-direct-unchecked", Args::new().text("name", name)),
        (Api::Chat, Some(Decision::Direct { url })) => {
            let why = match url {
                Some(u) => w("path-offer-direct-url", Args::new().text("url", u).text("name", name)),
                None => w("path-offer-direct", Args::new().text("host", host)),
            };
            let command = match url {
                Some(u) => format!("switchboard edit {} --api responses --base-url {u}", entry.id),
                None => format!("switchboard edit {} --api responses", entry.id),
            };
            offer = Some(PathOffer { api: Api::Responses, base_url: url.clone(), why, command });
            w("path-bridge", Args::new().text("name", name))
        }
        (Api::Chat, Some(Decision::BridgeNoResponses { status, .. })) => w("path-bridge-no-responses", Args::new().text("host", host).text("status", status)),
        (Api::Chat, Some(Decision::BridgeToolsRefused { status, message, .. } | Decision::DirectWithoutPatch { status, message })) => {
            w("path-bridge-tools-refused", Args::new().text("host", host).text("said", said(status, message)))
        }
        (Api::Chat, _) => w("path-bridge", Args::new().text("name", name)),
    };
    let learnt_words = learnt.iter().map(|l| w(l.message_id(), Args::new().text("name", name))).collect();
    PathNote { api: entry.api, why, offer, learnt: learnt.to_vec(), learnt_words }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, m: &str) -> ToolsSeen {
        ToolsSeen::Refused { status, message: m.into() }
    }

    #[test]
    fn the_way_follows_what_the_provider_did() {
        let s = |codex, functions, chat, other| PathSeen { codex_tools: codex, functions, chat, other, chat_other: None };
        let glm = "https://open.bigmodel.cn/api/v1".to_owned();
        // (what was seen, the decision)
        let cases: Vec<(PathSeen, Decision)> = vec![
            (s(Some(ToolsSeen::Taken), None, None, None), Decision::Direct { url: None }),
            (s(Some(ToolsSeen::Absent { status: 404 }), None, Some(true), Some((glm.clone(), ToolsSeen::Taken))), Decision::Direct { url: Some(glm.clone()) }),
            (s(Some(ToolsSeen::Absent { status: 404 }), None, Some(true), Some((glm, ToolsSeen::Absent { status: 404 }))), Decision::BridgeNoResponses { status: 404, url: None }),
            (s(Some(ToolsSeen::Absent { status: 405 }), None, Some(true), None), Decision::BridgeNoResponses { status: 405, url: None }),
            (s(Some(refused(400, "tool type custom is not supported")), Some(ToolsSeen::Taken), Some(true), None), Decision::BridgeToolsRefused { status: 400, message: "tool type custom is not supported".into(), url: None }),
            // Set up on Zhipu's Responses address, which refuses: its Chat Completions address answers.
            (
                PathSeen { chat_other: Some(("https://open.bigmodel.cn/api/paas/v4".into(), true)), ..s(Some(refused(400, "x")), Some(refused(400, "x")), Some(false), None) },
                Decision::BridgeToolsRefused { status: 400, message: "x".into(), url: Some("https://open.bigmodel.cn/api/paas/v4".into()) },
            ),
            (s(Some(refused(400, "no custom")), Some(ToolsSeen::Taken), Some(false), None), Decision::DirectWithoutPatch { status: 400, message: "no custom".into() }),
            (s(Some(refused(422, "bad")), Some(refused(422, "bad")), Some(false), None), Decision::Unclear),
            (s(Some(ToolsSeen::Absent { status: 404 }), None, Some(false), None), Decision::Unclear),
            (s(Some(ToolsSeen::Unclear), None, None, None), Decision::Unclear),
            (s(None, None, None, None), Decision::Unclear),
        ];
        for (seen, want) in cases {
            assert_eq!(decide(&seen), want, "{seen:?}");
        }
        assert_eq!(Decision::Direct { url: None }.api(), Some(Api::Responses));
        assert_eq!(Decision::BridgeNoResponses { status: 404, url: None }.api(), Some(Api::Chat));
        assert_eq!(Decision::DirectWithoutPatch { status: 400, message: String::new() }.custom_tools(), Some(false));
    }

    #[test]
    fn an_answer_is_read_as_taken_refused_or_absent() {
        let cases: &[(u16, bool, &str, ToolsSeen)] = &[
            (404, false, r#"{"error":{"message":"Not Found"}}"#, ToolsSeen::Absent { status: 404 }),
            (405, false, "", ToolsSeen::Absent { status: 405 }),
            (200, true, "<html>", ToolsSeen::Absent { status: 200 }),
            (400, false, r#"{"error":{"message":"tool type 'web_search' is not supported by this gateway phase"}}"#, refused(400, "tool type 'web_search' is not supported by this gateway phase")),
            (422, false, r#"{"detail":[{"loc":["body","tools",1,"type"],"msg":"Input should be 'function'"}]}"#, refused(422, "body.tools.1.type: Input should be 'function'")),
            (401, false, "bad key", ToolsSeen::Unclear),
            (429, false, "", ToolsSeen::Unclear),
            (500, false, "", ToolsSeen::Unclear),
        ];
        for (status, html, body, want) in cases {
            assert_eq!(&judge_status(*status, *html, body), want, "{status} {body}");
        }
        let events: &[(&str, Option<ToolsSeen>)] = &[
            (r#"{"type":"response.created","response":{"id":"r"}}"#, None),
            (r#"{"type":"response.in_progress"}"#, None),
            (r#"{"type":"response.output_item.added","item":{"type":"message"}}"#, Some(ToolsSeen::Taken)),
            (r#"{"type":"response.completed","response":{"id":"r"}}"#, Some(ToolsSeen::Taken)),
            (r#"{"type":"response.failed","response":{"error":{"message":"unsupported tool: apply_patch"}}}"#, Some(refused(200, "unsupported tool: apply_patch"))),
            (r#"{"type":"response.failed","response":{"error":{"code":"invalid_request_error","message":"bad field"}}}"#, Some(refused(200, "bad field"))),
            (r#"{"type":"response.failed","response":{"error":{"code":"rate_limit_exceeded","message":"slow down"}}}"#, Some(ToolsSeen::Unclear)),
            (r#"{"type":"error","error":{"type":"server_error","message":"overloaded"}}"#, Some(ToolsSeen::Unclear)),
            ("not json", None),
        ];
        for (data, want) in events {
            assert_eq!(&judge_event(data), want, "{data}");
        }
        let body = codex_request("m", ToolSet::Codex);
        let types: Vec<&str> = body["tools"].as_array().unwrap().iter().map(|t| t["type"].as_str().unwrap()).collect();
        assert_eq!(types, ["function", "custom", "web_search"]);
        assert_eq!(body["tools"][1]["format"]["syntax"], "lark");
        assert_eq!(codex_request("m", ToolSet::Functions)["tools"].as_array().unwrap().len(), 1);
        for key in ["store", "include", "reasoning", "parallel_tool_calls", "prompt_cache_key", "client_metadata"] {
            assert!(body.get(key).is_some(), "Codex sends {key}");
        }
    }
}
