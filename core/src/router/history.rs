//! The history Codex sends again, cleaned for the upstream a request goes to. Pure.
//!
//! - A passed-through upstream gets back its own items as it made them (their
//!   marks come off, see `tag`); another upstream's reasoning (its encrypted
//!   content means nothing here, and providers refuse it) is dropped, and the ids
//!   of items another model made are left out (the Responses API takes items without).
//! - An image detail the upstream may not know (`original`) becomes `high`.
//! - A history larger than the target model's window (known, not guessed) loses its
//!   oldest turns, whole, between the instructions at the start and the turn under
//!   way, with a note saying so: a move to a smaller model compacts instead of failing.
//! - For a chat upstream, Codex's instructions in the middle of a conversation (the
//!   `<model_switch>` it adds when a session moves to another model, which only the
//!   router makes happen) go as the user's words: the chat templates of Qwen, Llama
//!   and Gemma (vLLM, llama.cpp, Ollama) refuse a system message anywhere but first.

use serde_json::{Value, json};

use super::tag;

/// Where a request goes, as the cleaning needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target<'a> {
    /// The upstream's tag.
    pub tag: &'a str,
    /// Responses passed through (a chat upstream's history is translated by the bridge).
    pub passthrough: bool,
    /// The target model's window in tokens, when something knows it.
    pub window: Option<u64>,
    /// Its name, for the note.
    pub model: &'a str,
}

/// What the cleaning did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub dropped_reasoning: usize,
    pub ids_left_out: usize,
    /// Items left out to fit the window.
    pub trimmed: usize,
    /// Instructions in the middle of the conversation sent as the user's words.
    pub demoted: usize,
}

/// Part of the window the history may fill before it is trimmed, and what trimming aims for.
const TRIM_AT: f64 = 0.85;
const TRIM_TO: f64 = 0.7;

/// Items a model made (their ids are the upstream's).
fn made_by_a_model(item: &Value) -> bool {
    match item.get("type").and_then(Value::as_str) {
        Some("message") => item.get("role").and_then(Value::as_str) == Some("assistant"),
        Some(t) => t == "reasoning" || t.ends_with("_call") && !t.ends_with("_output"),
        None => false,
    }
}

/// Cleans `body`'s `input` for `t`.
pub fn clean(body: &mut Value, t: &Target) -> Cleaned {
    let mut done = Cleaned::default();
    if let Some(items) = body.get_mut("input").and_then(Value::as_array_mut) {
        if t.passthrough {
            items.retain_mut(|item| keep_for(item, t, &mut done));
        } else {
            let start = items.iter().position(|i| !instructions(i)).unwrap_or(items.len());
            for item in items[start..].iter_mut().filter(|i| instructions(i)) {
                item["role"] = json!("user");
                done.demoted += 1;
            }
        }
    }
    if let Some(window) = t.window {
        done.trimmed = trim(body, window, t.model);
    }
    done
}

/// Whether `item` goes to a passed-through upstream, as it should go there.
fn keep_for(item: &mut Value, t: &Target, done: &mut Cleaned) -> bool {
    if item.get("type").and_then(Value::as_str) == Some("reasoning") {
        let enc = item.get("encrypted_content").and_then(Value::as_str);
        match enc.map(tag::read_content) {
            Some(Some((tag, orig))) if tag == t.tag => {
                item["encrypted_content"] = Value::String(orig.to_owned());
            }
            // Another upstream's, the bridge's, or one made before the router: nothing here can read it.
            Some(_) => {
                done.dropped_reasoning += 1;
                return false;
            }
            None => {}
        }
    }
    let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
    match id.as_deref().map(tag::read_id) {
        Some(Some((tag, orig))) if tag == t.tag => item["id"] = Value::String(orig.to_owned()),
        Some(marked) if marked.is_some() || made_by_a_model(item) => {
            if let Some(o) = item.as_object_mut() {
                o.remove("id");
                done.ids_left_out += 1;
            }
        }
        _ => {}
    }
    lower_images(item);
    true
}

fn lower_images(item: &mut Value) {
    let Some(parts) = item.get_mut("content").and_then(Value::as_array_mut) else { return };
    for p in parts {
        if p.get("type").and_then(Value::as_str) == Some("input_image") {
            let detail = p.get("detail").and_then(Value::as_str).unwrap_or("auto");
            if !matches!(detail, "low" | "high" | "auto") {
                p["detail"] = json!("high");
            }
        }
    }
}

/// Tokens in `v`, estimated from the side of caution: a token per four bytes of
/// ASCII, and one per any other character (a CJK character is about one token).
pub fn tokens(v: &Value) -> u64 {
    let s = v.to_string();
    let ascii = s.bytes().filter(u8::is_ascii).count() as u64;
    let other = s.chars().filter(|c| !c.is_ascii()).count() as u64;
    ascii / 4 + other
}

/// Codex's instructions: the developer (or system) messages a request starts with.
fn instructions(item: &Value) -> bool {
    item.get("type").and_then(Value::as_str) == Some("message") && matches!(item.get("role").and_then(Value::as_str), Some("developer" | "system"))
}

fn is_user(item: &Value) -> bool {
    item.get("role").and_then(Value::as_str) == Some("user")
}

/// Leaves out the oldest turns of the middle of the history until the request fits
/// `window`; returns how many items went.
///
/// The instructions at the start always stay, and so does the turn under way (from
/// the last user message on). The first prompt and what Codex said of the
/// environment stay too when there is room for them; when there is not (Codex's
/// own compaction on a switch to a smaller model sends the whole conversation as
/// user messages, with no item a model made), they are the oldest of the middle.
fn trim(body: &mut Value, window: u64, model: &str) -> usize {
    let total = tokens(body);
    if (total as f64) <= window as f64 * TRIM_AT {
        return 0;
    }
    let Some(items) = body.get("input").and_then(Value::as_array).cloned() else { return 0 };
    let goal = (window as f64 * TRIM_TO) as u64;
    let pinned = items.iter().position(|i| !instructions(i)).unwrap_or(items.len());
    let tail = items.iter().rposition(is_user).unwrap_or(items.len()).max(pinned);
    let sum = |from: usize, to: usize| -> u64 { items[from..to].iter().map(tokens).sum() };
    // What stays whatever happens: everything but the middle.
    let fixed = total.saturating_sub(sum(pinned, tail));
    let first_made = items.iter().position(made_by_a_model).unwrap_or(items.len()).clamp(pinned, tail);
    let head = if fixed + sum(pinned, first_made) <= goal { first_made } else { pinned };
    // The middle, in turns: each starts at a user message, so a call and its result go together.
    let mut turns: Vec<&[Value]> = Vec::new();
    let mut start = head;
    for i in head..tail {
        if i > start && is_user(&items[i]) {
            turns.push(&items[start..i]);
            start = i;
        }
    }
    if start < tail {
        turns.push(&items[start..tail]);
    }
    let mut over = total.saturating_sub(goal);
    let mut gone = 0;
    let mut dropped = 0;
    for turn in &turns {
        if over == 0 {
            break;
        }
        over = over.saturating_sub(turn.iter().map(tokens).sum());
        dropped += turn.len();
        gone += 1;
    }
    if dropped == 0 {
        return 0;
    }
    let note = json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": format!(
        "(Switchboard left out the {dropped} oldest items of this conversation so that it fits {model}'s context window.)"
    )}]});
    let mut out: Vec<Value> = items[..head].to_vec();
    out.push(note);
    for turn in &turns[gone..] {
        out.extend(turn.iter().cloned());
    }
    out.extend(items[tail..].iter().cloned());
    body["input"] = Value::Array(out);
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINE: &str = "aaaaaaaaaa";
    const OTHER: &str = "bbbbbbbbbb";

    fn target(passthrough: bool, window: Option<u64>) -> Target<'static> {
        Target { tag: MINE, passthrough, window, model: "small-model" }
    }

    fn user(text: &str) -> Value {
        json!({"type": "message", "role": "user", "id": "msg_codex_1", "content": [{"type": "input_text", "text": text}]})
    }

    #[test]
    fn each_item_goes_back_as_its_upstream_needs_it() {
        let input = json!([
            {"type": "message", "role": "developer", "id": "msg_dev", "content": [{"type": "input_text", "text": "rules"}]},
            user("go"),
            {"type": "reasoning", "id": tag::mark_id(MINE, "rs_1"), "summary": [], "encrypted_content": tag::mark_content(MINE, "gAAA-mine")},
            {"type": "reasoning", "id": tag::mark_id(OTHER, "rs_2"), "summary": [{"type": "summary_text", "text": "theirs"}], "encrypted_content": tag::mark_content(OTHER, "gAAA-theirs")},
            {"type": "reasoning", "id": "rs_resp_x_0", "summary": [], "encrypted_content": "switchboard-bridge:v1:0011223344556677"},
            {"type": "reasoning", "id": "rs_openai", "summary": [], "encrypted_content": "gAAAAB-openai-before-the-router"},
            {"type": "function_call", "id": tag::mark_id(OTHER, "fc_9"), "call_id": "call_9", "name": "exec_command", "arguments": "{}"},
            {"type": "function_call_output", "id": "fco_codex", "call_id": "call_9", "output": "ok"},
            {"type": "message", "role": "assistant", "id": tag::mark_id(MINE, "msg_2"), "content": [{"type": "output_text", "text": "done"}]},
            {"type": "message", "role": "assistant", "id": "msg_resp_bridge_1", "content": [{"type": "output_text", "text": "from the bridge"}]},
            {"type": "message", "role": "user", "content": [{"type": "input_image", "image_url": "data:x", "detail": "original"}, {"type": "input_image", "image_url": "data:y", "detail": "low"}]},
        ]);
        let mut body = json!({"model": "m", "input": input.clone()});
        let done = clean(&mut body, &target(true, None));
        assert_eq!(done, Cleaned { dropped_reasoning: 3, ids_left_out: 2, trimmed: 0, demoted: 0 });
        let items = body["input"].as_array().unwrap();
        let ids: Vec<Option<&str>> = items.iter().map(|i| i.get("id").and_then(Value::as_str)).collect();
        assert_eq!(ids, [Some("msg_dev"), Some("msg_codex_1"), Some("rs_1"), None, Some("fco_codex"), Some("msg_2"), None, None]);
        assert_eq!(items[2]["encrypted_content"], "gAAA-mine", "its own reasoning, as it made it");
        assert_eq!(items[3]["call_id"], "call_9", "another model's call stays, without its id");
        assert_eq!(items[7]["content"][0]["detail"], "high");
        assert_eq!(items[7]["content"][1]["detail"], "low");
        assert!(!body.to_string().contains("theirs") && !body.to_string().contains("openai-before"));
        // A chat upstream's history is the bridge's to translate: nothing is taken out here.
        let mut chat = json!({"model": "m", "input": input});
        assert_eq!(clean(&mut chat, &target(false, None)), Cleaned::default());
    }

    #[test]
    fn a_history_larger_than_the_window_loses_its_oldest_turns_whole() {
        let big = "x".repeat(20_000);
        let mut input = vec![json!({"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "rules"}]}), user("first task")];
        for i in 0..8 {
            input.push(json!({"type": "function_call", "call_id": format!("c{i}"), "name": "exec_command", "arguments": "{}"}));
            input.push(json!({"type": "function_call_output", "call_id": format!("c{i}"), "output": big}));
            input.push(user(&format!("next {i}")));
        }
        input.push(json!({"type": "function_call", "call_id": "now", "name": "exec_command", "arguments": "{}"}));
        input.push(json!({"type": "function_call_output", "call_id": "now", "output": "latest"}));
        let mut body = json!({"model": "m", "input": input});
        let before = tokens(&body);
        assert!(before > 32_000 * 85 / 100, "{before}");
        let done = clean(&mut body, &target(true, Some(32_000)));
        assert!(done.trimmed > 0);
        assert!(tokens(&body) <= 32_000 * 85 / 100, "{}", tokens(&body));
        let items = body["input"].as_array().unwrap();
        assert_eq!(items[0]["role"], "developer");
        assert_eq!(items[1]["content"][0]["text"], "first task", "the first prompt stays");
        assert!(items[2]["content"][0]["text"].as_str().unwrap().contains("fits small-model's context window"));
        assert_eq!(items.last().unwrap()["output"], "latest", "the turn under way stays");
        // Every call that stayed still has its result.
        let calls: Vec<&str> = items.iter().filter(|i| i["type"] == "function_call").map(|i| i["call_id"].as_str().unwrap()).collect();
        for c in calls {
            assert!(items.iter().any(|i| i["type"] == "function_call_output" && i["call_id"] == c), "{c}");
        }
        // Within the window, or no window known: nothing goes.
        let mut small = json!({"model": "m", "input": [user("hi")]});
        assert_eq!(clean(&mut small, &target(true, Some(32_000))).trimmed, 0);
        let mut unknown = json!({"model": "m", "input": body["input"].clone()});
        assert_eq!(clean(&mut unknown, &target(false, None)).trimmed, 0);
        assert_eq!(tokens(&json!("你好")), 2 + 2 / 4);
    }

    #[test]
    fn instructions_in_the_middle_reach_a_chat_upstream_as_the_users_words() {
        let dev = |t: &str| json!({"type": "message", "role": "developer", "content": [{"type": "input_text", "text": t}]});
        let said = json!({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "done"}]});
        let input = json!([dev("rules"), dev("more rules"), user("go"), said, dev("<model_switch>rules</model_switch>"), user("next")]);
        let mut chat = json!({"model": "m", "input": input.clone()});
        assert_eq!(clean(&mut chat, &target(false, None)).demoted, 1);
        let roles: Vec<&str> = chat["input"].as_array().unwrap().iter().map(|i| i["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["developer", "developer", "user", "assistant", "user", "user"], "the instructions at the start stay");
        // A Responses upstream takes developer messages anywhere: as Codex sent them.
        let mut passed = json!({"model": "m", "input": input.clone()});
        clean(&mut passed, &target(true, None));
        assert_eq!(passed["input"][4]["role"], "developer");
    }

    /// Codex's compaction on a switch to a smaller model: the whole conversation in user
    /// messages (the other model's answer handed over as one), no item a model made.
    #[test]
    fn codexs_compaction_request_is_trimmed_too_and_keeps_its_instructions() {
        let dev = |t: &str| json!({"type": "message", "role": "developer", "content": [{"type": "input_text", "text": t}]});
        let rules = "r".repeat(21_000);
        let handed = format!("Another language model started to solve this problem and produced a summary of its thinking process. {}", "filler ".repeat(23_000));
        let input = json!([dev(&rules), dev(&format!("<model_switch>{rules}")), user("<environment_context>cwd</environment_context>"), user("Tell me everything."), user(&handed), user("You are performing a CONTEXT CHECKPOINT COMPACTION.")]);
        let mut body = json!({"model": "m", "input": input, "tools": [{"type": "function", "name": "exec_command"}]});
        assert!(tokens(&body) > 40_000);
        let done = clean(&mut body, &target(true, Some(32_000)));
        assert!(done.trimmed >= 1, "{done:?}");
        assert!(tokens(&body) <= 32_000 * 85 / 100, "{}", tokens(&body));
        let items = body["input"].as_array().unwrap();
        assert_eq!(items[0]["content"][0]["text"], rules.as_str(), "Codex's instructions stay");
        assert!(items[1]["content"][0]["text"].as_str().unwrap().starts_with("<model_switch>"));
        assert!(items[2]["content"][0]["text"].as_str().unwrap().contains("left out"));
        assert_eq!(items.last().unwrap()["content"][0]["text"], "You are performing a CONTEXT CHECKPOINT COMPACTION.", "the request under way stays");
    }
}
