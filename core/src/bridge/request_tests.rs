//! The request translation, fed with the real bodies Codex 0.171 sent
//! (core/tests/data/codex-wire/requests) and with cases of its own.

use serde_json::{Value, json};

use super::*;

const UP: &str = "https://api.moonshot.ai/v1";
use crate::bridge::dialect::{self, Dialect, GENERIC};

const CAPS: &Dialect = &GENERIC;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/data/codex-wire/requests/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

fn roles(chat: &Chat) -> Vec<String> {
    chat.body["messages"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap().to_owned()).collect()
}

fn tool_names(chat: &Chat) -> Vec<String> {
    chat.body["tools"].as_array().map(|t| t.iter().map(|f| f["function"]["name"].as_str().unwrap().to_owned()).collect()).unwrap_or_default()
}

#[test]
fn codex_first_request_becomes_a_chat_request() {
    let chat = translate(&fixture("01-turn1-initial-user-prompt"), CAPS, UP).unwrap();
    let b = &chat.body;
    assert_eq!(chat.model, "gpt-5.5");
    assert_eq!(b["stream"], true);
    assert_eq!(b["stream_options"], json!({"include_usage": true}));
    // Codex's two developer messages are one system message, then its two user messages.
    assert_eq!(roles(&chat), ["system", "user", "user"]);
    assert!(b["messages"][0]["content"].as_str().unwrap().contains("<permissions instructions>"));
    assert!(b["messages"][1]["content"].as_str().unwrap().contains("<environment_context>"));
    // Functions pass; apply_patch is a function with one string argument; hosted tools are left out.
    let names = tool_names(&chat);
    for n in ["exec_command", "write_stdin", "apply_patch", "view_image"] {
        assert!(names.contains(&n.to_owned()), "{names:?}");
    }
    assert!(!names.iter().any(|n| n == "web_search" || n == "tool_search"), "{names:?}");
    let patch = b["tools"].as_array().unwrap().iter().find(|t| t["function"]["name"] == "apply_patch").unwrap();
    assert_eq!(patch["function"]["parameters"]["required"], json!(["input"]));
    assert!(patch["function"]["description"].as_str().unwrap().contains("Begin Patch"), "the grammar travels in the description");
    assert!(chat.tools.custom.contains("apply_patch"));
    let exec = b["tools"].as_array().unwrap().iter().find(|t| t["function"]["name"] == "exec_command").unwrap();
    assert!(exec["function"]["parameters"]["properties"]["cmd"].is_object());
    assert!(exec["function"].get("strict").is_none(), "strict:false is left out");
    assert_eq!(b["tool_choice"], "auto");
    assert_eq!(b["parallel_tool_calls"], true);
    // What a chat API would refuse is left out.
    for k in ["input", "store", "include", "text", "client_metadata", "prompt_cache_key", "reasoning", "reasoning_effort"] {
        assert!(b.get(k).is_none(), "{k} was sent: {b}");
    }
}

#[test]
fn calls_and_outputs_in_the_history_become_tool_calls_and_tool_messages() {
    // After exec_command: Codex's own (OpenAI) reasoning blob is not ours and goes nowhere.
    let chat = translate(&fixture("02-turn1-after-exec_command-output"), CAPS, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    assert_eq!(roles(&chat), ["system", "user", "user", "assistant", "tool"]);
    let call = &m[3]["tool_calls"][0];
    assert_eq!(call["id"], "call_shell_001");
    assert_eq!(call["function"]["name"], "exec_command");
    assert!(call["function"]["arguments"].as_str().unwrap().contains("echo hello > a.txt"));
    assert!(m[3].get("reasoning_content").is_none(), "another provider's encrypted reasoning is never sent");
    assert!(!chat.body.to_string().contains("gAAAAAB"), "no encrypted_content anywhere");
    assert_eq!(m[4]["tool_call_id"], "call_shell_001");
    assert!(m[4]["content"].as_str().unwrap().contains("Process exited with code 0"));

    // After apply_patch: the custom call is a function call whose one argument is the patch.
    let chat = translate(&fixture("03-turn1-after-apply_patch-output"), CAPS, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    let patch = m.iter().flat_map(|m| m["tool_calls"].as_array().cloned().unwrap_or_default()).find(|c| c["function"]["name"] == "apply_patch").unwrap();
    let args: Value = serde_json::from_str(patch["function"]["arguments"].as_str().unwrap()).unwrap();
    assert!(args["input"].as_str().unwrap().starts_with("*** Begin Patch"), "{args}");
    let out = m.iter().find(|m| m["role"] == "tool" && m["tool_call_id"] == patch["id"]).unwrap();
    assert!(out["content"].as_str().unwrap().contains("Success"), "{out}");
}

#[test]
fn a_resumed_turn_and_parallel_calls_keep_their_shape() {
    // A second user turn carries the whole first one again.
    let chat = translate(&fixture("04-turn2-resumed-followup-prompt"), CAPS, UP).unwrap();
    let r = roles(&chat);
    assert_eq!(r.first().unwrap(), "system");
    assert_eq!(r.last().unwrap(), "user");
    assert!(r.iter().filter(|x| *x == "tool").count() >= 2, "{r:?}");
    // One response's text and two calls are one assistant message; two outputs follow.
    let chat = translate(&fixture("06-parallel-after-two-outputs"), CAPS, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    let a = m.iter().find(|m| m["role"] == "assistant").unwrap();
    assert_eq!(a["tool_calls"].as_array().unwrap().len(), 2, "{a}");
    assert!(a["content"].is_string(), "the text said alongside the calls stays: {a}");
    assert_eq!(m.iter().filter(|m| m["role"] == "tool").count(), 2);
}

#[test]
fn a_namespace_is_listed_flat_and_hosted_tools_are_left_out() {
    let chat = translate(&fixture("07-unknown-model-initial"), CAPS, UP).unwrap();
    let names = tool_names(&chat);
    assert!(names.contains(&"close_agent".to_owned()), "{names:?}");
    assert_eq!(chat.tools.namespaced.get("close_agent"), Some(&("multi_agent_v1".to_owned(), "close_agent".to_owned())));
    assert!(!chat.tools.custom.contains("apply_patch"), "the unknown model was offered no apply_patch");
    // A namespaced call in the history goes back under the name it was listed as.
    let mut req = fixture("07-unknown-model-initial");
    req["input"].as_array_mut().unwrap().push(json!({"type": "function_call", "name": "close_agent", "namespace": "multi_agent_v1", "arguments": "{}", "call_id": "c1"}));
    let chat = translate(&req, CAPS, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    assert_eq!(m[m.len() - 2]["tool_calls"][0]["function"]["name"], "close_agent");
    // A call whose result Codex has not sent yet is still answered, so the pairing holds.
    assert_eq!(m[m.len() - 1], json!({"role": "tool", "tool_call_id": "c1", "content": "(no output was recorded for this call)"}));
}

fn request(input: Value) -> Value {
    json!({"model": "kimi-k2.6", "input": input, "tools": [], "reasoning": {"effort": "high"}, "store": false, "stream": true})
}

#[test]
fn the_providers_reasoning_comes_back_on_its_message_and_nothing_else_does() {
    let mine = reasoning_marker(UP);
    let theirs = reasoning_marker("https://api.deepseek.com");
    assert_ne!(mine, theirs);
    let input = json!([
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "list files"}]},
        {"type": "reasoning", "summary": [{"type": "summary_text", "text": "I should run ls."}], "content": null, "encrypted_content": mine},
        {"type": "function_call", "name": "exec_command", "arguments": "{\"cmd\":\"ls\"}", "call_id": "c1"},
        {"type": "function_call_output", "call_id": "c1", "output": "a.txt"},
        {"type": "reasoning", "summary": [{"type": "summary_text", "text": "another provider's"}], "encrypted_content": theirs},
        {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "There is a.txt."}]},
    ]);
    let chat = translate(&request(input), CAPS, UP).unwrap();
    let m = chat.body["messages"].as_array().unwrap();
    assert_eq!(roles(&chat), ["user", "assistant", "tool", "assistant"]);
    assert_eq!(m[1]["reasoning_content"], "I should run ls.");
    assert_eq!(m[1]["content"], "", "an empty string beside tool calls: some gateways refuse null");
    assert!(m[3].get("reasoning_content").is_none(), "{}", m[3]);
    assert!(!chat.body.to_string().contains("another provider"));
}

#[test]
fn effort_images_and_refusals() {
    let text = json!([{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}]);
    let with = translate(&request(text.clone()), &Dialect { stream_usage: false, ..dialect::DEEPSEEK }, UP).unwrap();
    assert_eq!(with.body["reasoning_effort"], "high");
    assert!(with.body.get("stream_options").is_none());
    let without = translate(&request(text), CAPS, UP).unwrap();
    assert!(without.body.get("reasoning_effort").is_none());
    let image = json!([{"type": "message", "role": "user", "content": [
        {"type": "input_text", "text": "what is this?"},
        {"type": "input_image", "image_url": "data:image/png;base64,AAAA"},
    ]}]);
    let chat = translate(&request(image), CAPS, UP).unwrap();
    assert_eq!(chat.body["messages"][0]["content"], json!([{"type": "text", "text": "what is this?"}, {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]));
    let cases = [
        (json!({"model": "m", "input": [], "previous_response_id": "resp_1"}), Refusal::PreviousResponseId),
        (json!({"input": []}), Refusal::NoModel),
        (json!([1, 2]), Refusal::NotAnObject),
    ];
    for (req, want) in cases {
        assert_eq!(translate(&req, CAPS, UP).unwrap_err(), want, "{req}");
    }
    assert!(Refusal::PreviousResponseId.message().contains("previous_response_id"));
}
