//! The stream translation: chat chunks the way providers send them, in, and the
//! events Codex needs, out (checked against what Codex 0.171 accepted).

use serde_json::{Value, json};

use super::*;
use crate::bridge::request::Tools;
use crate::sse::Decoder;

fn stream(custom: &[&str]) -> Stream {
    let tools = Tools { custom: custom.iter().map(|s| s.to_string()).collect(), ..Default::default() };
    Stream::new("resp_t", 1, "kimi-k2.6", tools, "switchboard-bridge:v1:test")
}

fn delta(d: Value) -> Value {
    json!({"choices": [{"index": 0, "delta": d, "finish_reason": null}]})
}

fn finish(reason: &str) -> Value {
    json!({"choices": [{"index": 0, "delta": {}, "finish_reason": reason}]})
}

/// Runs chunks through a stream; returns every event.
fn run(s: &mut Stream, chunks: &[Value], end: End) -> Vec<Event> {
    let mut out = s.start();
    for c in chunks {
        out.extend(s.chunk(c));
    }
    out.extend(s.finish(end));
    out
}

fn kinds(events: &[Event]) -> Vec<&str> {
    events.iter().map(|e| e.kind.as_str()).collect()
}

/// The items Codex takes: those of `response.output_item.done`, in order.
fn done_items(events: &[Event]) -> Vec<Value> {
    events.iter().filter(|e| e.kind == "response.output_item.done").map(|e| e.data["item"].clone()).collect()
}

#[test]
fn text_streams_as_one_message_and_the_usage_arrives_last() {
    let mut s = stream(&[]);
    let usage = json!({"choices": [], "usage": {"prompt_tokens": 100, "completion_tokens": 7, "total_tokens": 107, "prompt_tokens_details": {"cached_tokens": 64}}});
    let events = run(&mut s, &[delta(json!({"role": "assistant", "content": ""})), delta(json!({"content": "Hel"})), delta(json!({"content": "lo"})), finish("stop"), usage], End::Done);
    assert_eq!(
        kinds(&events),
        [
            "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
            "response.output_text.delta", "response.output_text.delta", "response.output_text.done", "response.content_part.done",
            "response.output_item.done", "response.completed",
        ]
    );
    let items = done_items(&events);
    assert_eq!(items, vec![json!({"id": "msg_resp_t_0", "type": "message", "status": "completed", "role": "assistant", "content": [{"type": "output_text", "annotations": [], "text": "Hello"}]})]);
    let completed = &events.last().unwrap().data["response"];
    assert_eq!(completed["status"], "completed");
    assert_eq!(completed["usage"], json!({"input_tokens": 100, "input_tokens_details": {"cached_tokens": 64}, "output_tokens": 7, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 107}));
    let seq: Vec<u64> = events.iter().map(|e| e.data["sequence_number"].as_u64().unwrap()).collect();
    assert_eq!(seq, (0..events.len() as u64).collect::<Vec<_>>());
}

#[test]
fn reasoning_content_becomes_a_reasoning_item_marked_for_the_way_back() {
    let mut s = stream(&[]);
    let events = run(
        &mut s,
        &[delta(json!({"reasoning_content": "Think"})), delta(json!({"reasoning_content": "ing."})), delta(json!({"content": "Done."})), finish("stop")],
        End::Done,
    );
    let items = done_items(&events);
    assert_eq!(items[0]["type"], "reasoning");
    assert_eq!(items[0]["summary"], json!([{"type": "summary_text", "text": "Thinking."}]));
    assert_eq!(items[0]["encrypted_content"], "switchboard-bridge:v1:test");
    assert_eq!(items[1]["type"], "message");
    assert!(kinds(&events).contains(&"response.reasoning_summary_text.delta"));
    // OpenRouter and some gateways call it `reasoning`.
    let mut s = stream(&[]);
    let events = run(&mut s, &[delta(json!({"reasoning": "hmm"})), finish("stop")], End::Done);
    assert_eq!(done_items(&events)[0]["summary"][0]["text"], "hmm");
}

#[test]
fn tool_calls_split_across_chunks_and_interleaved_by_index_come_out_whole() {
    let mut s = stream(&[]);
    let tc = |i: u64, id: Option<&str>, name: Option<&str>, args: &str| {
        let mut f = json!({"arguments": args});
        if let Some(n) = name {
            f["name"] = json!(n);
        }
        let mut c = json!({"index": i, "function": f});
        if let Some(id) = id {
            c["id"] = json!(id);
            c["type"] = json!("function");
        }
        delta(json!({"tool_calls": [c]}))
    };
    let chunks = [
        delta(json!({"content": "Running both."})),
        tc(0, Some("call_a"), Some("exec_command"), ""),
        tc(1, Some("call_b"), Some("exec_command"), "{\"cmd\":"),
        tc(0, None, None, "{\"cmd\":\"ls"),
        tc(1, None, None, "\"pwd\"}"),
        tc(0, None, None, "\"}"),
        finish("tool_calls"),
    ];
    let events = run(&mut s, &chunks, End::Done);
    let items = done_items(&events);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["type"], "message");
    assert_eq!(items[1], json!({"id": "fc_resp_t_1", "type": "function_call", "status": "completed", "arguments": "{\"cmd\":\"ls\"}", "call_id": "call_a", "name": "exec_command"}));
    assert_eq!(items[2]["arguments"], "{\"cmd\":\"pwd\"}");
    assert_eq!(items[2]["call_id"], "call_b");
    // Each call's argument deltas add up to its arguments.
    for (item_id, want) in [("fc_resp_t_1", "{\"cmd\":\"ls\"}"), ("fc_resp_t_2", "{\"cmd\":\"pwd\"}")] {
        let joined: String = events
            .iter()
            .filter(|e| e.kind == "response.function_call_arguments.delta" && e.data["item_id"] == item_id)
            .map(|e| e.data["delta"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(joined, want, "{item_id}");
    }
}

#[test]
fn a_freeform_tool_comes_back_as_a_custom_tool_call() {
    let mut s = stream(&["apply_patch"]);
    let args = json!({"input": "*** Begin Patch\n*** Add File: a.txt\n+hi\n*** End Patch"}).to_string();
    let (a, b) = args.split_at(20);
    let chunks = [
        delta(json!({"tool_calls": [{"index": 0, "id": "call_p", "type": "function", "function": {"name": "apply_patch", "arguments": a}}]})),
        delta(json!({"tool_calls": [{"index": 0, "function": {"arguments": b}}]})),
        finish("tool_calls"),
    ];
    let events = run(&mut s, &chunks, End::Done);
    assert_eq!(done_items(&events), vec![json!({"id": "ctc_resp_t_0", "type": "custom_tool_call", "status": "completed", "call_id": "call_p", "name": "apply_patch", "input": "*** Begin Patch\n*** Add File: a.txt\n+hi\n*** End Patch"})]);
    assert!(!kinds(&events).contains(&"response.function_call_arguments.delta"), "a custom call streams no JSON arguments");
}

#[test]
fn the_end_of_a_stream_is_told_as_codex_acts_on_it() {
    // Out of tokens: incomplete, which Codex does not retry.
    let mut s = stream(&[]);
    let events = run(&mut s, &[delta(json!({"content": "partial"})), finish("length")], End::Done);
    let last = events.last().unwrap();
    assert_eq!(last.kind, "response.incomplete");
    assert_eq!(last.data["response"]["incomplete_details"]["reason"], "max_output_tokens");
    // An error in the middle of the stream: failed, with the provider's words.
    let mut s = stream(&[]);
    let events = run(&mut s, &[delta(json!({"content": "half"})), json!({"error": {"message": "upstream overloaded", "code": 503}})], End::Done);
    assert_eq!(events.last().unwrap().kind, "response.failed");
    assert_eq!(events.last().unwrap().data["response"]["error"]["message"], "upstream overloaded");
    assert!(done_items(&events).is_empty(), "a half message is not handed to Codex as done");
    // Cut before the provider finished: failed (Codex retries); after: completed.
    let mut s = stream(&[]);
    let events = run(&mut s, &[delta(json!({"content": "half"}))], End::Broken("the connection dropped".into()));
    assert_eq!(events.last().unwrap().kind, "response.failed");
    let mut s = stream(&[]);
    let events = run(&mut s, &[delta(json!({"content": "whole"})), finish("stop")], End::Broken("closed without [DONE]".into()));
    assert_eq!(events.last().unwrap().kind, "response.completed");
    // Nothing after the end.
    assert!(s.chunk(&delta(json!({"content": "late"}))).is_empty());
    assert!(s.finish(End::Done).is_empty());
}

#[test]
fn an_endless_answer_stops_at_the_cap() {
    let mut s = stream(&[]);
    s.start();
    let big = "x".repeat(1 << 20);
    let mut failed = false;
    for _ in 0..(MAX_TEXT >> 20) + 2 {
        let events = s.chunk(&delta(json!({"content": big})));
        if events.iter().any(|e| e.kind == "response.failed") {
            failed = true;
            break;
        }
    }
    assert!(failed && s.is_over());
}

#[test]
fn bytes_cut_anywhere_even_inside_a_character_decode_to_the_same_events() {
    let body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"héllo ✓ 你好 🎉\"},\"finish_reason\":null}]}\n\n\
                data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
        .as_bytes();
    let translate = |cuts: &[usize]| -> Value {
        let mut d = Decoder::default();
        let mut s = stream(&[]);
        let mut events = s.start();
        let mut last = 0;
        for &c in cuts.iter().chain(std::iter::once(&body.len())) {
            for e in d.push(&body[last..c]) {
                if e.data == "[DONE]" {
                    events.extend(s.finish(End::Done));
                } else {
                    events.extend(s.chunk(&serde_json::from_str(&e.data).unwrap()));
                }
            }
            last = c;
        }
        done_items(&events).pop().unwrap()
    };
    let whole = translate(&[]);
    assert_eq!(whole["content"][0]["text"], "héllo ✓ 你好 🎉");
    for cut in 1..body.len() {
        assert_eq!(translate(&[cut]), whole, "cut at byte {cut}");
    }
}

#[test]
fn what_codex_sent_back_is_what_the_stream_made() {
    // The events follow the shapes Codex 0.171 took from a Responses server
    // (core/tests/data/codex-wire/responses/01): every item the stream closes is
    // an `output_item.done` with the fields Codex reads.
    let fixture = std::fs::read_to_string(format!("{}/tests/data/codex-wire/responses/01-turn1-reasoning-then-exec_command.sse", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let theirs: Vec<Value> = Decoder::default().push(fixture.as_bytes()).iter().filter_map(|e| serde_json::from_str(&e.data).ok()).collect();
    let their_call = theirs.iter().find(|v| v["type"] == "response.output_item.done" && v["item"]["type"] == "function_call").unwrap();
    let mut s = stream(&[]);
    let events = run(
        &mut s,
        &[delta(json!({"reasoning_content": "plan"})), delta(json!({"tool_calls": [{"index": 0, "id": "call_1", "function": {"name": "exec_command", "arguments": "{}"}}]})), finish("tool_calls")],
        End::Done,
    );
    let ours = events.iter().find(|e| e.kind == "response.output_item.done" && e.data["item"]["type"] == "function_call").unwrap();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&ours.data["item"]), keys(&their_call["item"]));
    assert_eq!(keys(&ours.data), keys(their_call));
}

#[test]
fn a_key_the_provider_streams_in_pieces_shows_in_no_delta_and_the_deltas_add_up_to_the_final_texts() {
    let key = "sk-echo-5f0c2e9a";
    let mut r = Redactor::default();
    r.add(key);
    let (thought, said, args) = (format!("I got {key}, 你好"), format!("Your key: {key}."), json!({"cmd": format!("echo {key}")}).to_string());
    let pieces = |text: &str, n: usize| -> Vec<String> { text.chars().collect::<Vec<_>>().chunks(n).map(|c| c.iter().collect()).collect() };
    // (how it ends, whether the items close)
    let ends = [(Some("tool_calls"), End::Done, true), (None, End::Broken("cut".into()), false)];
    for n in 1..=5 {
        for (finish_reason, end, closes) in ends.clone() {
            let mut chunks: Vec<Value> = pieces(&thought, n).into_iter().map(|p| delta(json!({"reasoning_content": p}))).collect();
            chunks.extend(pieces(&said, n).into_iter().map(|p| delta(json!({"content": p}))));
            chunks.push(delta(json!({"tool_calls": [{"index": 0, "id": "call_1", "function": {"name": "exec_command", "arguments": ""}}]})));
            chunks.extend(pieces(&args, n).into_iter().map(|p| delta(json!({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}))));
            if let Some(f) = finish_reason {
                chunks.push(finish(f));
            }
            let mut s = stream(&[]).redacting(r.clone());
            let events = run(&mut s, &chunks, end);
            let what = format!("pieces of {n}, finish {finish_reason:?}");
            for e in &events {
                assert!(!e.data.to_string().contains(key), "{what}: {}", e.sse());
            }
            let seq: Vec<u64> = events.iter().map(|e| e.data["sequence_number"].as_u64().unwrap()).collect();
            assert_eq!(seq, (0..events.len() as u64).collect::<Vec<_>>(), "{what}");
            // (the deltas' kind, the final text's event and field, what it says, whether
            // it closes anyway: the reasoning and the text close when the next item begins)
            let texts = [
                ("response.reasoning_summary_text.delta", "response.reasoning_summary_text.done", "text", "I got [redacted], 你好", true),
                ("response.output_text.delta", "response.output_text.done", "text", "Your key: [redacted].", true),
                ("response.function_call_arguments.delta", "response.function_call_arguments.done", "arguments", "{\"cmd\":\"echo [redacted]\"}", closes),
            ];
            for (kind, done, field, want, closed) in texts {
                let streamed: String = events.iter().filter(|e| e.kind == kind).map(|e| e.data["delta"].as_str().unwrap()).collect();
                assert_eq!(streamed, want, "{what}: {kind}");
                let finals: Vec<Value> = events.iter().filter(|e| e.kind == done).map(|e| e.data[field].clone()).collect();
                assert_eq!(finals, if closed { vec![json!(want)] } else { vec![] }, "{what}: {done}");
            }
        }
    }
}
