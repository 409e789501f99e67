//! Each provider's quirks, both ways, as tables: a stream as the provider sends it
//! (the wire examples of `shared/fixtures/provider-quirks.md`, framing included)
//! becomes the items Codex keeps; those items, sent back by Codex on the next
//! request, become the messages that provider needs (and none it refuses).

use serde_json::{Value, json};

use super::dialect::{self, Dialect, Lesson};
use super::request::{Tools, reasoning_marker, translate};
use super::stream::{End, Event, Stream};
use crate::sse::Decoder;

const UP: &str = "https://provider.example/v1";

/// Feeds raw SSE text (cut in two at `cut` bytes, to cross a boundary) the way the
/// server's pump does, then ends the body; returns the events.
fn feed(sse: &str, tools: Tools) -> Vec<Event> {
    let mut s = Stream::new("resp_q", 1, "m", tools, &reasoning_marker(UP));
    let mut d = Decoder::default();
    let mut out = s.start();
    let bytes = sse.as_bytes();
    let cut = bytes.len() / 2;
    for part in [&bytes[..cut], &bytes[cut..]] {
        for ev in d.push(part) {
            out.extend(s.data(&ev.data));
        }
    }
    if let Some(ev) = d.finish() {
        out.extend(s.data(&ev.data));
    }
    out.extend(s.finish(End::Broken("the body ended".into())));
    out
}

fn sse(lines: &[Value]) -> String {
    lines.iter().map(|l| format!("data: {l}\n\n")).collect()
}

fn done_items(events: &[Event]) -> Vec<Value> {
    events.iter().filter(|e| e.kind == "response.output_item.done").map(|e| e.data["item"].clone()).collect()
}

fn last(events: &[Event]) -> &Event {
    events.last().expect("events")
}

/// The calls Codex runs: (name, arguments, call_id).
fn calls(items: &[Value]) -> Vec<(String, String, String)> {
    items
        .iter()
        .filter(|i| i["type"] == "function_call")
        .map(|i| (i["name"].as_str().unwrap().to_owned(), i["arguments"].as_str().unwrap().to_owned(), i["call_id"].as_str().unwrap().to_owned()))
        .collect()
}

fn reasoning(items: &[Value]) -> String {
    items.iter().filter(|i| i["type"] == "reasoning").flat_map(|i| i["summary"].as_array().cloned().unwrap_or_default()).filter_map(|p| p["text"].as_str().map(str::to_owned)).collect()
}

fn text(items: &[Value]) -> String {
    items.iter().filter(|i| i["type"] == "message").flat_map(|i| i["content"].as_array().cloned().unwrap_or_default()).filter_map(|p| p["text"].as_str().map(str::to_owned)).collect()
}

fn ch(delta: Value, finish: Option<&str>) -> Value {
    json!({"id": "c", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
}

/// What one stream must give Codex.
struct Want {
    reasoning: &'static str,
    text: &'static str,
    calls: Vec<(&'static str, &'static str)>,
    status: &'static str,
    input_tokens: u64,
}

#[test]
fn each_providers_stream_becomes_the_items_codex_keeps() {
    let args = r#"{"cmd":"ls"}"#;
    let cases: Vec<(&str, String, Want)> = vec![
        (
            // §1.2, §1.9, §1.10: the first reasoning chunk is "", calls fragment, usage on the finish chunk.
            "deepseek",
            sse(&[
                ch(json!({"role": "assistant", "content": null, "reasoning_content": ""}), None),
                ch(json!({"content": null, "reasoning_content": "The user"}), None),
                ch(json!({"content": null, "reasoning_content": " wants ls."}), None),
                ch(json!({"tool_calls": [{"index": 0, "id": "call_00_abcdefghijklmnopqrstuvwx", "type": "function", "function": {"name": "exec_command", "arguments": ""}}]}), None),
                ch(json!({"tool_calls": [{"index": 0, "function": {"arguments": "{\"cmd\""}}]}), None),
                ch(json!({"tool_calls": [{"index": 0, "function": {"arguments": ":\"ls\"}"}}]}), None),
                json!({"choices": [{"index": 0, "delta": {"content": ""}, "logprobs": null, "finish_reason": "tool_calls"}], "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16, "prompt_cache_hit_tokens": 0, "prompt_cache_miss_tokens": 11}}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "The user wants ls.", text: "", calls: vec![("exec_command", args)], status: "response.completed", input_tokens: 11 },
        ),
        (
            // §2.6, §2.7: ids functions.<name>:<n>; usage inside choices[0].
            "kimi",
            sse(&[
                ch(json!({"role": "assistant", "reasoning_content": "Listing."}), None),
                ch(json!({"tool_calls": [{"index": 0, "id": "functions.exec_command:0", "type": "function", "function": {"name": "exec_command", "arguments": args}}]}), None),
                json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls", "usage": {"prompt_tokens": 19, "completion_tokens": 13, "total_tokens": 32}}]}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "Listing.", text: "", calls: vec![("exec_command", args)], status: "response.completed", input_tokens: 19 },
        ),
        (
            // §3.4: role and the first delta together, the id again on every piece, the last piece on the finish chunk.
            "glm",
            sse(&[
                ch(json!({"role": "assistant", "content": "", "tool_calls": [{"index": 0, "id": "call_8469015594668440441", "type": "function", "function": {"name": "exec_command", "arguments": "{\"cmd\""}}]}), None),
                ch(json!({"tool_calls": [{"index": 0, "id": "call_8469015594668440441", "type": "function", "function": {"arguments": ":\"l"}}]}), None),
                ch(json!({"tool_calls": [{"index": 0, "id": "call_8469015594668440441", "type": "function", "function": {"arguments": "s\"}"}}]}), Some("tool_calls")),
            ]),
            Want { reasoning: "", text: "", calls: vec![("exec_command", args)], status: "response.completed", input_tokens: 0 },
        ),
        (
            // §4.6, §4.7: thinking and text blocks in content; all parallel calls whole in one delta.
            "mistral",
            sse(&[
                ch(json!({"role": "assistant", "content": [{"type": "thinking", "thinking": [{"type": "text", "text": "Two commands."}]}]}), None),
                ch(json!({"content": [{"type": "text", "text": "Running both."}]}), None),
                ch(json!({"tool_calls": [
                    {"id": "D681PevKs", "type": "function", "function": {"name": "exec_command", "arguments": args}, "index": 0},
                    {"id": "Ab3dEf7hJ", "type": "function", "function": {"name": "exec_command", "arguments": "{\"cmd\":\"pwd\"}"}, "index": 1},
                ]}), None),
                json!({"choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "tool_calls"}], "usage": {"prompt_tokens": 40, "completion_tokens": 9, "total_tokens": 49}}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "Two commands.", text: "Running both.", calls: vec![("exec_command", args), ("exec_command", "{\"cmd\":\"pwd\"}")], status: "response.completed", input_tokens: 40 },
        ),
        (
            // §5.1-§5.4: `reasoning`, every delta repeats role and content, calls whole, usage with empty choices.
            "ollama",
            sse(&[
                ch(json!({"role": "assistant", "content": "", "reasoning": "We"}), None),
                ch(json!({"role": "assistant", "content": "", "reasoning": " list."}), None),
                ch(json!({"role": "assistant", "content": "", "tool_calls": [{"id": "call_k3j9x0aa", "index": 0, "type": "function", "function": {"name": "exec_command", "arguments": args}}]}), None),
                ch(json!({"role": "assistant", "content": ""}), Some("tool_calls")),
                json!({"id": "chatcmpl-7", "choices": [], "usage": {"prompt_tokens": 30, "completion_tokens": 4, "total_tokens": 34}}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "We list.", text: "", calls: vec![("exec_command", args)], status: "response.completed", input_tokens: 30 },
        ),
        (
            // §6.1, §6.2: a first chunk with no choices, filter results, trailing chunks with no delta.
            "azure",
            sse(&[
                json!({"choices": [], "created": 0, "id": "", "model": "", "object": "", "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": {"hate": {"filtered": false, "severity": "safe"}}}]}),
                json!({"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null, "content_filter_results": {}}], "id": "x"}),
                json!({"choices": [{"index": 0, "delta": {"content": "Hello"}, "finish_reason": null, "content_filter_results": {"hate": {"filtered": false, "severity": "safe"}}}]}),
                json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop", "content_filter_results": {}}]}),
                json!({"choices": [{"index": 0, "finish_reason": null, "content_filter_results": {"hate": {"filtered": false}}, "content_filter_offsets": {"check_offset": 44, "start_offset": 44, "end_offset": 198}}]}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "", text: "Hello", calls: vec![], status: "response.completed", input_tokens: 0 },
        ),
        (
            // §7.1, §7.4: keep-alive comments, reasoning both as text and as details.
            "openrouter",
            ": OPENROUTER PROCESSING\n\n".to_owned()
                + &sse(&[
                    ch(json!({"role": "assistant", "reasoning": "Think.", "reasoning_details": [{"type": "reasoning.text", "text": "Think.", "format": "unknown", "index": 0}]}), None),
                    ch(json!({"content": "Done."}), Some("stop")),
                    json!({"choices": [], "usage": {"prompt_tokens": 8, "completion_tokens": 2, "total_tokens": 10, "cost": 0.0001}}),
                ])
                + ": OPENROUTER PROCESSING\n\ndata: [DONE]\n\n",
            Want { reasoning: "Think.", text: "Done.", calls: vec![], status: "response.completed", input_tokens: 8 },
        ),
        (
            // §7.2: an error after tokens, in a 200 stream.
            "openrouter, broken",
            sse(&[
                ch(json!({"content": "Partial"}), None),
                json!({"id": "cmpl-abc123", "object": "chat.completion.chunk", "provider": "openai", "error": {"code": "server_error", "message": "Provider disconnected unexpectedly"}, "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]}),
            ]),
            Want { reasoning: "", text: "", calls: vec![], status: "response.failed", input_tokens: 0 },
        ),
        (
            // §8.1-§8.3: no index, each call in its own chunk, finish "stop", no top-level id.
            "gemini",
            sse(&[
                json!({"choices": [{"delta": {"role": "assistant", "tool_calls": [{"extra_content": {"google": {"thought_signature": "SIG-A"}}, "function": {"arguments": args, "name": "exec_command"}, "id": "call_297140", "type": "function"}]}, "index": 0}], "model": "gemini-3.8-flash", "object": "chat.completion.chunk"}),
                json!({"choices": [{"delta": {"role": "assistant", "tool_calls": [{"function": {"arguments": "{\"cmd\":\"pwd\"}", "name": "exec_command"}, "id": "call_297141", "type": "function"}]}, "index": 0}], "object": "chat.completion.chunk"}),
                json!({"choices": [{"delta": {}, "finish_reason": "stop", "index": 0}], "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "", text: "", calls: vec![("exec_command", args), ("exec_command", "{\"cmd\":\"pwd\"}")], status: "response.completed", input_tokens: 12 },
        ),
        (
            // §8.1: arguments split over index-less deltas.
            "gemini, pieces",
            sse(&[
                json!({"choices": [{"delta": {"tool_calls": [{"function": {"arguments": "{\"cmd\"", "name": "exec_command"}, "id": "call_1", "type": "function"}]}, "index": 0}]}),
                json!({"choices": [{"delta": {"tool_calls": [{"function": {"arguments": ":\"ls\"}"}}]}, "index": 0}]}),
                json!({"choices": [{"delta": {}, "finish_reason": "stop", "index": 0}]}),
            ]),
            Want { reasoning: "", text: "", calls: vec![("exec_command", args)], status: "response.completed", input_tokens: 0 },
        ),
        (
            // Framing: CRLF, `data:` with no space (DashScope), no [DONE], the last event with no blank line.
            "crlf, no space, no [DONE]",
            format!("data:{}\r\n\r\ndata:{}\r\n\r\ndata:{}", ch(json!({"content": "你好"}), None), ch(json!({"content": " ✓"}), None), ch(json!({}), Some("stop"))),
            Want { reasoning: "", text: "你好 ✓", calls: vec![], status: "response.completed", input_tokens: 0 },
        ),
        (
            // LiteLLM's ollama_chat (§9): arguments as an object, parallel calls all at index 0.
            "arguments as an object",
            sse(&[
                ch(json!({"tool_calls": [{"index": 0, "id": "a", "type": "function", "function": {"name": "exec_command", "arguments": {"cmd": "ls"}}}]}), None),
                ch(json!({"tool_calls": [{"index": 0, "id": "b", "type": "function", "function": {"name": "exec_command", "arguments": {"cmd": "pwd"}}}]}), None),
                ch(json!({}), Some("tool_calls")),
            ]),
            Want { reasoning: "", text: "", calls: vec![("exec_command", args), ("exec_command", "{\"cmd\":\"pwd\"}")], status: "response.completed", input_tokens: 0 },
        ),
        (
            // llama.cpp (§9): the first delta carries the opening brace; then a `stop` finish with calls (Gemini, OCI).
            "a header delta with arguments, stop with calls",
            sse(&[
                ch(json!({"tool_calls": [{"index": 0, "id": "x1", "type": "function", "function": {"name": "exec_command", "arguments": "{"}}]}), None),
                ch(json!({"tool_calls": [{"index": 0, "id": "x2", "function": {"arguments": "\"cmd\":\"ls\"}"}}]}), None),
                ch(json!({}), Some("stop")),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "", text: "", calls: vec![("exec_command", args)], status: "response.completed", input_tokens: 0 },
        ),
        (
            // xAI (§9): usage on the second-to-last chunk, the last with empty choices.
            "usage before the end",
            sse(&[
                ch(json!({"content": "Hi"}), None),
                json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}),
                json!({"choices": []}),
            ]) + "data: [DONE]\n\n",
            Want { reasoning: "", text: "Hi", calls: vec![], status: "response.completed", input_tokens: 5 },
        ),
        (
            // vLLM (§9): an error object in the stream.
            "vllm error",
            sse(&[ch(json!({"content": "a"}), None), json!({"object": "error", "message": "CUDA out of memory", "type": "InternalServerError", "code": 500})]),
            Want { reasoning: "", text: "", calls: vec![], status: "response.failed", input_tokens: 0 },
        ),
        (
            "a stream that just stops",
            sse(&[ch(json!({"content": "cut"}), None)]),
            Want { reasoning: "", text: "", calls: vec![], status: "response.failed", input_tokens: 0 },
        ),
    ];
    for (name, body, want) in cases {
        let events = feed(&body, Tools::default());
        let end = last(&events);
        assert_eq!(end.kind, want.status, "{name}: {:?}", end.data);
        if want.status != "response.completed" {
            continue;
        }
        let items = done_items(&events);
        assert_eq!(reasoning(&items), want.reasoning, "{name}");
        assert_eq!(text(&items), want.text, "{name}");
        let got: Vec<(String, String)> = calls(&items).into_iter().map(|(n, a, _)| (n, a)).collect();
        let want_calls: Vec<(String, String)> = want.calls.iter().map(|(n, a)| (n.to_string(), a.to_string())).collect();
        assert_eq!(got, want_calls, "{name}");
        let ids: Vec<String> = calls(&items).into_iter().map(|(_, _, id)| id).collect();
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{name}: each call its own id {ids:?}");
        assert_eq!(end.data["response"]["usage"]["input_tokens"], want.input_tokens, "{name}");
    }
}

/// Codex's next request after a stream: the original input, the stream's items
/// (as Codex sends them back), then each call's output.
fn next_request(user: &str, items: &[Value]) -> Value {
    let mut input = vec![
        json!({"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "You are Codex."}]}),
        json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": user}]}),
    ];
    input.extend(items.iter().cloned());
    for (_, _, id) in calls(items) {
        input.push(json!({"type": "function_call_output", "call_id": id, "output": "ok"}));
    }
    json!({"model": "m", "input": input, "tools": [{"type": "function", "name": "exec_command", "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}}}], "tool_choice": "auto", "parallel_tool_calls": true, "reasoning": {"effort": "xhigh"}, "store": false, "stream": true})
}

#[test]
fn what_each_provider_needs_back_comes_back_and_what_it_refuses_does_not() {
    // Gemini: the thought signature returns on its call (§8.3); only on the call it came with.
    let gemini = feed(
        &sse(&[
            json!({"choices": [{"delta": {"tool_calls": [{"extra_content": {"google": {"thought_signature": "SIG-A"}}, "function": {"arguments": "{}", "name": "exec_command"}, "id": "call_a", "type": "function"}]}, "index": 0}]}),
            json!({"choices": [{"delta": {"tool_calls": [{"function": {"arguments": "{}", "name": "exec_command"}, "id": "call_b", "type": "function"}]}, "index": 0}]}),
            json!({"choices": [{"delta": {}, "finish_reason": "stop", "index": 0}]}),
        ]),
        Tools::default(),
    );
    let items = done_items(&gemini);
    let chat = translate(&next_request("go", &items), &dialect::GENERIC, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    let assistant = m.iter().find(|m| m["role"] == "assistant").unwrap();
    assert_eq!(assistant["tool_calls"][0]["extra_content"], json!({"google": {"thought_signature": "SIG-A"}}));
    assert!(assistant["tool_calls"][1].get("extra_content").is_none(), "{assistant}");
    // Another upstream never gets it.
    let other = translate(&next_request("go", &items), &dialect::GENERIC, "https://elsewhere.example/v1").unwrap();
    assert!(!other.body.to_string().contains("SIG-A"));

    // OpenRouter: reasoning_details go back unchanged, merged as they streamed (§7.4).
    let openrouter = feed(
        &sse(&[
            ch(json!({"reasoning": "I will ", "reasoning_details": [{"type": "reasoning.text", "text": "I will ", "format": "anthropic-claude-v1", "index": 0}]}), None),
            ch(json!({"reasoning": "run it.", "reasoning_details": [{"type": "reasoning.text", "text": "run it.", "index": 0, "signature": "EqQB"}]}), None),
            ch(json!({"tool_calls": [{"index": 0, "id": "toolu_1", "type": "function", "function": {"name": "exec_command", "arguments": "{}"}}]}), Some("tool_calls")),
        ]),
        Tools::default(),
    );
    let items = done_items(&openrouter);
    let chat = translate(&next_request("go", &items), &dialect::GENERIC, UP).unwrap();
    let assistant = chat.body["messages"].as_array().unwrap().iter().find(|m| m["role"] == "assistant").unwrap().clone();
    assert_eq!(assistant["reasoning_details"], json!([{"type": "reasoning.text", "text": "I will run it.", "format": "anthropic-claude-v1", "index": 0, "signature": "EqQB"}]));
    assert_eq!(assistant["reasoning_content"], "I will run it.");

    // A turn with a tool call and no reasoning kept (another provider's turn, or none given).
    let plain = feed(&sse(&[ch(json!({"tool_calls": [{"index": 0, "id": "call_0fypS1hVX", "type": "function", "function": {"name": "exec_command", "arguments": "{}"}}]}), Some("tool_calls"))]), Tools::default());
    let mut req = next_request("list", &done_items(&plain));
    // The user speaks right after the tool result (an interruption).
    req["input"].as_array_mut().unwrap().push(json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": "stop"}]}));
    let thinking = feed(&sse(&[ch(json!({"reasoning_content": "Because.", "tool_calls": [{"index": 0, "id": "c9", "type": "function", "function": {"name": "exec_command", "arguments": "{}"}}]}), Some("tool_calls"))]), Tools::default());
    let mut thought = next_request("why", &done_items(&thinking));
    thought["input"].as_array_mut().unwrap().push(json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": "more"}]}));

    // (dialect, request, what the provider must get)
    type Check = fn(&Value, &str);
    let cases: Vec<(&str, Dialect, &Value, Check)> = vec![
        ("deepseek: reasoning_content on every tool-call message, effort as Codex says", dialect::DEEPSEEK, &req, |b, n| {
            let a = b["messages"].as_array().unwrap().iter().find(|m| m["role"] == "assistant").unwrap();
            assert_eq!(a["reasoning_content"], dialect::REASONING_PLACEHOLDER, "{n}");
            assert_eq!(b["reasoning_effort"], "xhigh", "{n}");
            assert_eq!(b["messages"][0]["role"], "system", "{n}: developer is refused (§1.6)");
        }),
        ("kimi: never an empty reasoning_content (§2.3)", dialect::KIMI, &req, |b, n| {
            let a = b["messages"].as_array().unwrap().iter().find(|m| m["role"] == "assistant").unwrap();
            assert!(a["reasoning_content"].as_str().is_some_and(|r| !r.is_empty()), "{n}: {a}");
            assert!(b.get("reasoning_effort").is_none(), "{n}");
        }),
        ("mistral: nine-character ids, an assistant word between tool and user, no unknown fields", dialect::MISTRAL, &req, |b, n| {
            let m = b["messages"].as_array().unwrap();
            let roles: Vec<&str> = m.iter().map(|m| m["role"].as_str().unwrap()).collect();
            assert_eq!(roles, ["system", "user", "assistant", "tool", "assistant", "user"], "{n}");
            assert_eq!(m[2]["tool_calls"][0]["id"], "call_0fypS1hVX".chars().take(0).collect::<String>() + &dialect::short_tool_id("call_0fypS1hVX"), "{n}");
            assert_eq!(m[2]["tool_calls"][0]["id"], m[3]["tool_call_id"], "{n}: the call and its result still pair");
            assert_eq!(m[3]["tool_call_id"].as_str().unwrap().len(), 9, "{n}");
            let text = b.to_string();
            for refused in ["stream_options", "reasoning_content", "store", "max_completion_tokens", "reasoning_effort"] {
                assert!(!text.contains(refused), "{n}: {refused} was sent: {text}");
            }
        }),
        ("mistral: its thinking goes back as blocks (§4.7)", dialect::MISTRAL, &thought, |b, n| {
            let a = b["messages"].as_array().unwrap().iter().find(|m| m["role"] == "assistant" && m.get("tool_calls").is_some()).unwrap();
            assert_eq!(a["content"], json!([{"type": "thinking", "thinking": [{"type": "text", "text": "Because."}]}]), "{n}");
            assert!(a.get("reasoning_content").is_none(), "{n}");
        }),
        ("ollama: `reasoning`, effort in its levels (§5.1, §5.5)", dialect::OLLAMA, &thought, |b, n| {
            let a = b["messages"].as_array().unwrap().iter().find(|m| m["role"] == "assistant").unwrap();
            assert_eq!(a["reasoning"], "Because.", "{n}");
            assert!(a.get("reasoning_content").is_none(), "{n}");
            assert_eq!(b["reasoning_effort"], "high", "{n}: xhigh is refused");
            assert!(a["tool_calls"][0]["function"]["arguments"].is_string(), "{n}: arguments as a string (§5.6)");
        }),
        ("groq: no reasoning property at all (§9)", dialect::GROQ, &thought, |b, n| {
            assert!(!b.to_string().contains("reasoning"), "{n}: {b}");
        }),
        ("generic: the user right after a tool result stays, and is recorded", dialect::GENERIC, &req, |b, n| {
            let roles: Vec<&str> = b["messages"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
            assert_eq!(roles, ["system", "user", "assistant", "tool", "user"], "{n}");
            assert_eq!(b["stream_options"], json!({"include_usage": true}), "{n}");
            assert_eq!(b["parallel_tool_calls"], true, "{n}");
        }),
    ];
    for (name, d, request, check) in cases {
        let chat = translate(request, &d, UP).unwrap();
        check(&chat.body, name);
    }
    // What was sent is recorded, for the lessons a refusal teaches.
    let generic = translate(&req, &dialect::GENERIC, UP).unwrap();
    assert!(generic.sent.user_after_tool && generic.sent.stream_options && generic.sent.parallel_tool_calls && generic.sent.tool_calls);
    assert!(!generic.sent.reasoning_on_calls, "no reasoning was kept for the call");
    let taught = translate(&req, &dialect::GENERIC.taught(&[Lesson::AssistantAfterTool, Lesson::ShortToolIds, Lesson::NoStreamOptions]), UP).unwrap();
    assert!(!taught.sent.user_after_tool && taught.sent.short_tool_ids && !taught.sent.stream_options);
    assert!(taught.body.get("stream_options").is_none());
}

#[test]
fn the_history_is_paired_for_strict_providers() {
    // A result further down moves up to its call, a missing one is said to be missing,
    // and one no call asked for goes (§1.7, §6.6, §8.5, §4.4). Invalid arguments stay JSON (MiniMax 2013).
    let input = json!([
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "go"}]},
        {"type": "function_call", "name": "exec_command", "arguments": "{\"cmd\":\"ls\"", "call_id": "a"},
        {"type": "function_call", "name": "exec_command", "arguments": "", "call_id": "b"},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "<image>"}]},
        {"type": "function_call_output", "call_id": "a", "output": "x"},
        {"type": "function_call_output", "call_id": "zzz", "output": "stray"},
    ]);
    let chat = translate(&json!({"model": "m", "input": input}), &dialect::GENERIC, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    let shape: Vec<(String, String)> = m.iter().map(|m| (m["role"].as_str().unwrap().to_owned(), m.get("tool_call_id").and_then(Value::as_str).unwrap_or("").to_owned())).collect();
    let want: Vec<(String, String)> = [("user", ""), ("assistant", ""), ("tool", "a"), ("tool", "b"), ("user", "")].iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(shape, want);
    assert_eq!(m[1]["tool_calls"][0]["function"]["arguments"], json!({"raw": "{\"cmd\":\"ls\""}).to_string());
    assert_eq!(m[1]["tool_calls"][1]["function"]["arguments"], "{}");
    assert!(!chat.body.to_string().contains("stray"));
}
