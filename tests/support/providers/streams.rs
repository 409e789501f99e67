//! The streams each provider sends: the task's answer in its provider's shape
//! (fields, ids, chunking, usage), and the tokens each stream reports.

use serde_json::{Value, json};

use super::behaviour::Behaviour;
use super::log::Log;
use super::messages::calls_of;
use super::sse::Frame;
use super::task::{Plan, finish_reason, pieces, plan, words};

fn usage(req: &Value) -> Value {
    let prompt = req.to_string().len() as u64 / 4;
    json!({"prompt_tokens": prompt, "completion_tokens": 42, "total_tokens": prompt + 42})
}

fn wants_usage(req: &Value) -> bool {
    req.pointer("/stream_options/include_usage") == Some(&json!(true))
}

const CREATED: u64 = 1_765_000_000;

pub(super) fn frames(b: Behaviour, req: &Value, log: &mut Log) -> Vec<Frame> {
    let p = plan(b, req);
    let frames = match b {
        Behaviour::DeepSeek => deepseek_stream(&p, req, log),
        Behaviour::Kimi => kimi_stream(&p, req, log),
        Behaviour::Glm => glm_stream(&p, req, log),
        Behaviour::Mistral => mistral_stream(&p, req, log),
        Behaviour::Ollama => ollama_stream(&p, req, log),
        Behaviour::Azure => azure_stream(&p, req, log),
        Behaviour::OpenRouter => openrouter_stream(&p, req, log),
        Behaviour::Gemini => gemini_stream(&p, req, log),
        Behaviour::FramingA => framing_a_stream(&p, req, log),
        Behaviour::FramingB => framing_b_stream(&p, req, log),
        Behaviour::RefusesStreamOptions => plain_stream(&p, req, log),
    };
    for f in &frames {
        if let Frame::Data(v) = f {
            let total = v.pointer("/usage/total_tokens").or_else(|| v.pointer("/choices/0/usage/total_tokens"));
            log.tokens += total.and_then(Value::as_u64).unwrap_or(0);
        }
    }
    frames
}

/// §1.2, §1.9–§1.11: reasoning first as "" with `content: null`, `: keep-alive`
/// comments, ids `call_0N_<24>`, OpenAI-style fragments, usage (with cache counts) on
/// the finish chunk and `"usage": null` on every other.
fn deepseek_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("{}-{}", log.alnum(8).to_lowercase(), log.alnum(12).to_lowercase());
    let model = req["model"].clone();
    let chunk = |delta: Value, finish: Option<&str>, usage: Value| {
        Frame::Data(json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "system_fingerprint": "fp_8802369eaa_prod0820_fp8_kvcache",
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}], "usage": usage}))
    };
    let mut out = vec![Frame::Comment("keep-alive"), chunk(json!({"role": "assistant", "content": null, "reasoning_content": ""}), None, Value::Null)];
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(chunk(json!({"content": null, "reasoning_content": w}), None, Value::Null));
    }
    out.push(Frame::Comment("keep-alive"));
    for w in words(&p.text) {
        out.push(chunk(json!({"content": w, "reasoning_content": null}), None, Value::Null));
    }
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{i:02}_{}", log.alnum(24));
        out.push(chunk(json!({"tool_calls": [{"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]}), None, Value::Null));
        for a in pieces(args, 6) {
            out.push(chunk(json!({"tool_calls": [{"index": i, "function": {"arguments": a}}]}), None, Value::Null));
        }
    }
    let mut u = usage(req);
    u["prompt_cache_hit_tokens"] = json!(0);
    u["prompt_cache_miss_tokens"] = u["prompt_tokens"].clone();
    out.push(chunk(json!({"content": ""}), Some(finish_reason(p)), u));
    out.push(Frame::Done);
    out
}

/// §2.1, §2.6, §2.7: `reasoning_content`, ids `functions.<name>:<n>` counted over the
/// conversation, usage inside `choices[0]` of the finish chunk.
fn kimi_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("chatcmpl-{}", log.alnum(24));
    let model = req["model"].clone();
    let chunk = |choice: Value| Frame::Data(json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "choices": [choice]}));
    let delta = |d: Value| chunk(json!({"index": 0, "delta": d, "finish_reason": null}));
    let mut out = vec![delta(json!({"role": "assistant", "content": ""}))];
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(delta(json!({"reasoning_content": w})));
    }
    for w in words(&p.text) {
        out.push(delta(json!({"content": w})));
    }
    let before: usize = req["messages"].as_array().map_or(0, |m| m.iter().map(|m| calls_of(m).len()).sum());
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("functions.{name}:{}", before + i);
        out.push(delta(json!({"tool_calls": [{"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]})));
        for a in pieces(args, 5) {
            out.push(delta(json!({"tool_calls": [{"index": i, "function": {"arguments": a}}]})));
        }
    }
    out.push(chunk(json!({"index": 0, "delta": {}, "finish_reason": finish_reason(p), "usage": usage(req)})));
    out.push(Frame::Done);
    out
}

/// §3.1, §3.4: role and the first delta in one chunk; a call's id (and type) on every
/// piece, its first argument piece with the name, the last piece on the finish chunk.
fn glm_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("2025120718{}", log.from(b"0123456789", 10));
    let model = req["model"].clone();
    let chunk = |choice: Value, usage: Option<Value>| {
        let mut c = json!({"id": id, "created": CREATED, "model": model, "choices": [choice]});
        if let Some(u) = usage {
            c["usage"] = u;
        }
        Frame::Data(c)
    };
    let delta = |d: Value| chunk(json!({"index": 0, "delta": d}), None);
    let mut out = Vec::new();
    let thoughts = words(p.reasoning.unwrap_or(""));
    for (i, w) in thoughts.iter().enumerate() {
        out.push(delta(if i == 0 { json!({"role": "assistant", "reasoning_content": w}) } else { json!({"reasoning_content": w}) }));
    }
    for w in words(&p.text) {
        out.push(delta(json!({"content": w})));
    }
    let mut pieces_all: Vec<Value> = Vec::new();
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{}", log.from(b"0123456789", 19));
        for (k, a) in pieces(args, 4).into_iter().enumerate() {
            let mut f = json!({"arguments": a});
            if k == 0 {
                f["name"] = json!(name);
            }
            pieces_all.push(json!({"index": i, "id": call_id, "type": "function", "function": f}));
        }
    }
    let last = pieces_all.pop();
    for c in pieces_all {
        out.push(delta(json!({"tool_calls": [c]})));
    }
    let finish_delta = match last {
        Some(c) => json!({"tool_calls": [c]}),
        None => json!({"role": "assistant", "content": ""}),
    };
    out.push(chunk(json!({"index": 0, "delta": finish_delta, "finish_reason": finish_reason(p)}), Some(usage(req))));
    out.push(Frame::Done);
    out
}

/// §4.6, §4.7: thinking as `content` block lists, every call whole and all of them
/// in one delta, 9-character ids, usage on the last chunk; no `[DONE]`.
fn mistral_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = log.from(b"0123456789abcdef", 32);
    let model = req["model"].clone();
    let chunk = |delta: Value, finish: Option<&str>, usage: Option<Value>| {
        let mut c = json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]});
        if let Some(u) = usage {
            c["usage"] = u;
        }
        Frame::Data(c)
    };
    let mut out = vec![chunk(json!({"role": "assistant", "content": ""}), None, None)];
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(chunk(json!({"content": [{"type": "thinking", "thinking": [{"type": "text", "text": w}]}]}), None, None));
    }
    for w in words(&p.text) {
        out.push(chunk(json!({"content": w}), None, None));
    }
    if !p.calls.is_empty() {
        let calls: Vec<Value> = p
            .calls
            .iter()
            .enumerate()
            .map(|(i, (name, args))| json!({"id": log.alnum(9), "type": "function", "function": {"name": name, "arguments": args}, "index": i}))
            .collect();
        out.push(chunk(json!({"content": "", "tool_calls": calls}), None, None));
    }
    out.push(chunk(json!({"content": ""}), Some(finish_reason(p)), Some(usage(req))));
    out
}

/// §5.1–§5.4: `reasoning`, role and content on every delta, calls whole with ids
/// `call_<8 lowercase>`, `fp_ollama`; usage only when `stream_options.include_usage` asks.
fn ollama_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("chatcmpl-{}", log.random() % 999);
    let model = req["model"].clone();
    let chunk = |delta: Value, finish: Option<&str>| {
        Frame::Data(json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "system_fingerprint": "fp_ollama", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}))
    };
    let mut out = Vec::new();
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(chunk(json!({"role": "assistant", "content": "", "reasoning": w}), None));
    }
    for w in words(&p.text) {
        out.push(chunk(json!({"role": "assistant", "content": w}), None));
    }
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{}", log.from(b"0123456789abcdefghijklmnopqrstuvwxyz", 8));
        out.push(chunk(json!({"role": "assistant", "content": "", "tool_calls": [{"id": call_id, "index": i, "type": "function", "function": {"name": name, "arguments": args}}]}), None));
    }
    out.push(chunk(json!({"role": "assistant", "content": ""}), Some(finish_reason(p))));
    if wants_usage(req) {
        out.push(Frame::Data(json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "system_fingerprint": "fp_ollama", "choices": [], "usage": usage(req)})));
    }
    out.push(Frame::Done);
    out
}

fn azure_filters() -> Value {
    let safe = json!({"filtered": false, "severity": "safe"});
    json!({"hate": safe, "self_harm": safe, "sexual": safe, "violence": safe})
}

/// §6.1, §6.2, §6.7: a first chunk with no choices and the prompt's filter results,
/// `content_filter_results` on every choice, trailing chunks with no `delta`; no
/// reasoning text.
fn azure_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("chatcmpl-{}", log.alnum(29));
    let chunk = |choice: Value| {
        Frame::Data(json!({"choices": [choice], "created": CREATED, "id": id, "model": "gpt-5-2025-08-07", "object": "chat.completion.chunk", "system_fingerprint": null}))
    };
    let delta = |d: Value, filters: Value| chunk(json!({"content_filter_results": filters, "delta": d, "finish_reason": null, "index": 0, "logprobs": null}));
    let mut out = vec![
        Frame::Data(json!({"choices": [], "created": 0, "id": "", "model": "", "object": "", "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": azure_filters()}]})),
        delta(json!({"content": "", "refusal": null, "role": "assistant"}), json!({})),
    ];
    for w in words(&p.text) {
        out.push(delta(json!({"content": w}), azure_filters()));
    }
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{}", log.alnum(24));
        out.push(delta(json!({"tool_calls": [{"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]}), json!({})));
        for a in pieces(args, 5) {
            out.push(delta(json!({"tool_calls": [{"index": i, "function": {"arguments": a}}]}), json!({})));
        }
    }
    out.push(chunk(json!({"content_filter_results": {}, "delta": {}, "finish_reason": finish_reason(p), "index": 0, "logprobs": null})));
    if !p.text.is_empty() {
        let len = p.text.len();
        for (start, end) in [(0, len / 2), (len / 2, len)] {
            out.push(chunk(json!({"index": 0, "finish_reason": null, "content_filter_results": azure_filters(), "content_filter_offsets": {"check_offset": start, "start_offset": start, "end_offset": end}})));
        }
    }
    if wants_usage(req) {
        let mut u = usage(req);
        u["completion_tokens_details"] = json!({"reasoning_tokens": 24, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0});
        u["prompt_tokens_details"] = json!({"cached_tokens": 0});
        out.push(Frame::Data(json!({"choices": [], "created": CREATED, "id": id, "model": "gpt-5-2025-08-07", "object": "chat.completion.chunk", "system_fingerprint": null, "usage": u})));
    }
    out.push(Frame::Done);
    out
}

/// §7.1, §7.4, §7.5: `: OPENROUTER PROCESSING` comments, `reasoning` with
/// `reasoning_details` beside it (the encrypted part with the first call), `provider`
/// and `native_finish_reason`, usage with its cost in a last chunk.
fn openrouter_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("gen-{}-{}", CREATED, log.alnum(20));
    let model = req["model"].clone();
    let chunk = |delta: Value, finish: Option<&str>, native: Option<&str>| {
        Frame::Data(json!({"id": id, "provider": "Google AI Studio", "model": model, "object": "chat.completion.chunk", "created": CREATED,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "native_finish_reason": native, "logprobs": null}]}))
    };
    let format = "google-gemini-v1";
    let mut out = vec![Frame::Comment("OPENROUTER PROCESSING"), Frame::Comment("OPENROUTER PROCESSING")];
    let thought = p.reasoning.unwrap_or("");
    for w in words(thought) {
        out.push(chunk(json!({"role": "assistant", "content": "", "reasoning": w, "reasoning_details": [{"type": "reasoning.text", "text": w, "format": format, "index": 0}]}), None, None));
    }
    for w in words(&p.text) {
        out.push(chunk(json!({"role": "assistant", "content": w}), None, None));
    }
    out.push(Frame::Comment("OPENROUTER PROCESSING"));
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("tool_{name}_{}", log.alnum(20));
        let call = json!({"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}});
        if i == 0 {
            let encrypted = json!({"type": "reasoning.encrypted", "data": format!("CiQB{}", log.alnum(120)), "id": call_id, "format": format, "index": 1});
            let mut details = Vec::new();
            if !thought.is_empty() {
                details.push(json!({"type": "reasoning.text", "text": thought, "format": format, "index": 0}));
            }
            details.push(encrypted.clone());
            log.details.insert(call_id.clone(), Value::Array(details));
            out.push(chunk(json!({"role": "assistant", "content": "", "reasoning_details": [encrypted], "tool_calls": [call]}), None, None));
        } else {
            out.push(chunk(json!({"role": "assistant", "content": "", "tool_calls": [call]}), None, None));
        }
        for a in pieces(args, 4) {
            out.push(chunk(json!({"role": "assistant", "content": "", "tool_calls": [{"index": i, "function": {"arguments": a}}]}), None, None));
        }
    }
    out.push(chunk(json!({"role": "assistant", "content": ""}), Some(finish_reason(p)), Some("STOP")));
    let mut u = usage(req);
    u["cost"] = json!(0.000_421);
    u["is_byok"] = json!(false);
    u["completion_tokens_details"] = json!({"reasoning_tokens": 12});
    out.push(Frame::Data(json!({"id": id, "provider": "Google AI Studio", "model": model, "object": "chat.completion.chunk", "created": CREATED, "choices": [], "usage": u})));
    out.push(Frame::Done);
    out
}

/// §8.1–§8.3: no top-level id or created, tool calls without `index`, each in its own
/// chunk, a thought signature on the first call of the step, `finish_reason: "stop"`
/// even after calls.
fn gemini_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let model = req["model"].clone();
    let chunk = |choice: Value| Frame::Data(json!({"choices": [choice], "model": model, "object": "chat.completion.chunk"}));
    let mut out = Vec::new();
    for w in words(&p.text) {
        out.push(chunk(json!({"delta": {"content": w, "role": "assistant"}, "index": 0})));
    }
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{}", log.from(b"0123456789", 6));
        let mut call = json!({"function": {"arguments": args, "name": name}, "id": call_id, "type": "function"});
        if i == 0 {
            let sig = format!("CiQBcsjafE{}", log.alnum(80));
            log.signatures.insert(call_id.clone(), sig.clone());
            call["extra_content"] = json!({"google": {"thought_signature": sig}});
        }
        out.push(chunk(json!({"delta": {"role": "assistant", "tool_calls": [call]}, "index": 0})));
    }
    let mut last = json!({"choices": [{"delta": {"role": "assistant"}, "finish_reason": "stop", "index": 0}], "model": model, "object": "chat.completion.chunk"});
    if wants_usage(req) {
        last["usage"] = usage(req);
    }
    out.push(Frame::Data(last));
    out.push(Frame::Done);
    out
}

/// A plain OpenAI-compatible chunk.
fn openai_chunk(id: &str, model: &Value, delta: Value, finish: Option<&str>) -> Value {
    json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
}

/// A plain server's stream; FramingA's framing is in `style`. Its last event is the
/// finish chunk (with usage), so a reader that drops an unclosed last event fails.
fn framing_a_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("chatcmpl-{}", log.alnum(16));
    let model = req["model"].clone();
    let mut out = vec![Frame::Data(openai_chunk(&id, &model, json!({"role": "assistant", "content": ""}), None))];
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(Frame::Data(openai_chunk(&id, &model, json!({"reasoning_content": w}), None)));
    }
    for w in words(&p.text) {
        out.push(Frame::Data(openai_chunk(&id, &model, json!({"content": w}), None)));
    }
    for (i, (name, args)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{}", log.alnum(24));
        out.push(Frame::Data(openai_chunk(&id, &model, json!({"tool_calls": [{"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]}), None)));
        for a in pieces(args, 5) {
            out.push(Frame::Data(openai_chunk(&id, &model, json!({"tool_calls": [{"index": i, "function": {"arguments": a}}]}), None)));
        }
    }
    let mut last = openai_chunk(&id, &model, json!({}), Some(finish_reason(p)));
    last["usage"] = usage(req);
    out.push(Frame::Data(last));
    out
}

/// LiteLLM's `ollama_chat` (§9): each call in its own chunk, all at index 0, the
/// arguments a JSON object; `finish_reason: "stop"` always.
fn framing_b_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let uuid = |log: &mut Log| {
        let h = log.from(b"0123456789abcdef", 32);
        format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
    };
    let id = format!("chatcmpl-{}", uuid(log));
    let model = json!("qwen3");
    let chunk = |delta: Value, finish: Option<&str>| {
        Frame::Data(json!({"id": id, "created": CREATED, "model": model, "object": "chat.completion.chunk", "system_fingerprint": null, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}))
    };
    let mut out = vec![chunk(json!({"content": "", "role": "assistant"}), None)];
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(chunk(json!({"content": "", "role": "assistant", "reasoning_content": w}), None));
    }
    for w in words(&p.text) {
        out.push(chunk(json!({"content": w, "role": "assistant"}), None));
    }
    for (name, args) in &p.calls {
        let call_id = format!("call_{}", uuid(log));
        let object: Value = serde_json::from_str(args).unwrap();
        out.push(chunk(json!({"content": null, "role": "assistant", "tool_calls": [{"id": call_id, "type": "function", "index": 0, "function": {"name": name, "arguments": object}}]}), None));
    }
    out.push(chunk(json!({}), Some("stop")));
    if wants_usage(req) {
        out.push(Frame::Data(json!({"id": id, "created": CREATED, "model": model, "object": "chat.completion.chunk", "system_fingerprint": null, "choices": [{"index": 0, "delta": {}}], "usage": usage(req)})));
    }
    out.push(Frame::Done);
    out
}

/// A plain OpenAI-compatible server: parallel calls' fragments interleaved by index,
/// usage in a last chunk with no choices when asked for.
fn plain_stream(p: &Plan, req: &Value, log: &mut Log) -> Vec<Frame> {
    let id = format!("chatcmpl-{}", log.alnum(16));
    let model = req["model"].clone();
    let mut out = vec![Frame::Data(openai_chunk(&id, &model, json!({"role": "assistant", "content": ""}), None))];
    for w in words(p.reasoning.unwrap_or("")) {
        out.push(Frame::Data(openai_chunk(&id, &model, json!({"reasoning_content": w}), None)));
    }
    for w in words(&p.text) {
        out.push(Frame::Data(openai_chunk(&id, &model, json!({"content": w}), None)));
    }
    let split: Vec<Vec<String>> = p.calls.iter().map(|(_, a)| pieces(a, 4)).collect();
    for (i, (name, _)) in p.calls.iter().enumerate() {
        let call_id = format!("call_{}", log.alnum(24));
        out.push(Frame::Data(openai_chunk(&id, &model, json!({"tool_calls": [{"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]}), None)));
    }
    let most = split.iter().map(Vec::len).max().unwrap_or(0);
    for k in 0..most {
        for (i, parts) in split.iter().enumerate() {
            if let Some(a) = parts.get(k) {
                out.push(Frame::Data(openai_chunk(&id, &model, json!({"tool_calls": [{"index": i, "function": {"arguments": a}}]}), None)));
            }
        }
    }
    out.push(Frame::Data(openai_chunk(&id, &model, json!({}), Some(finish_reason(p)))));
    if wants_usage(req) {
        out.push(Frame::Data(json!({"id": id, "object": "chat.completion.chunk", "created": CREATED, "model": model, "choices": [], "usage": usage(req)})));
    }
    out.push(Frame::Done);
    out
}
