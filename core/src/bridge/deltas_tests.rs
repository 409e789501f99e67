//! Texts redacted across their deltas, in the Responses events Codex reads.

use serde_json::{Value, json};

use super::*;

const KEY: &str = "sk-echo-5f0c2e9a";

fn redactor() -> Redactor {
    let mut r = Redactor::default();
    r.add(KEY);
    r
}

fn ev(kind: &str, mut fields: Value) -> Value {
    fields["type"] = json!(kind);
    fields
}

fn text_delta(item: &str, out: u64, d: &str) -> Value {
    ev("response.output_text.delta", json!({"item_id": item, "output_index": out, "content_index": 0, "delta": d}))
}

fn text_done(item: &str, out: u64, t: &str) -> Value {
    ev("response.output_text.done", json!({"item_id": item, "output_index": out, "content_index": 0, "text": t}))
}

fn summary_delta(item: &str, i: u64, d: &str) -> Value {
    ev("response.reasoning_summary_text.delta", json!({"item_id": item, "output_index": 0, "summary_index": i, "delta": d}))
}

fn args_delta(item: &str, d: &str) -> Value {
    ev("response.function_call_arguments.delta", json!({"item_id": item, "output_index": 2, "delta": d}))
}

fn message_done(item: &str, out: u64, t: &str) -> Value {
    ev("response.output_item.done", json!({"output_index": out, "item": {"id": item, "type": "message", "content": [{"type": "output_text", "text": t}]}}))
}

/// Every event through one `Deltas`, then the end of the stream; each event as
/// `<type without "response.">:<its delta, or its text>`.
fn run(r: &Redactor, events: &[Value]) -> Vec<String> {
    let mut d = Deltas::default();
    let mut out: Vec<(String, Value)> = events.iter().flat_map(|e| d.pass(r, e["type"].as_str().unwrap(), e.clone())).collect();
    out.extend(d.finish(r));
    out.iter()
        .map(|(name, data)| {
            assert_eq!(Some(name.as_str()), data["type"].as_str());
            let short = name.trim_start_matches("response.");
            let said = ["delta", "text", "arguments"].iter().find_map(|k| data[*k].as_str()).or(data.pointer("/item/content/0/text").and_then(Value::as_str));
            match said {
                Some(t) => format!("{short}:{t}"),
                None => short.to_owned(),
            }
        })
        .collect()
}

#[test]
fn a_key_split_over_deltas_is_held_until_it_can_be_told_and_the_rest_goes_before_the_end() {
    // (what comes, what goes out)
    let cases: Vec<(&str, Vec<Value>, Vec<&str>)> = vec![
        (
            "split over three deltas, then its .done",
            vec![text_delta("m", 1, "Key: sk-ec"), text_delta("m", 1, "ho-5f0c"), text_delta("m", 1, "2e9a."), text_done("m", 1, "Key: sk-echo-5f0c2e9a.")],
            vec!["output_text.delta:Key: ", "output_text.delta:", "output_text.delta:[redacted].", "output_text.done:Key: [redacted]."],
        ),
        (
            "a start that is not the key goes out before the .done",
            vec![text_delta("m", 1, "yes"), text_done("m", 1, "yes")],
            vec!["output_text.delta:ye", "output_text.delta:s", "output_text.done:yes"],
        ),
        (
            "a key's start at the end is cut, in the deltas and the final text alike",
            vec![text_delta("m", 1, "it is sk-ech"), text_delta("m", 1, "o"), text_done("m", 1, "it is sk-echo")],
            vec!["output_text.delta:it is ", "output_text.delta:", "output_text.delta:[redacted]", "output_text.done:it is [redacted]"],
        ),
        (
            "ended by content_part.done",
            vec![text_delta("m", 1, "is s"), ev("response.content_part.done", json!({"item_id": "m", "output_index": 1, "content_index": 0, "part": {"type": "output_text", "text": "is s"}}))],
            vec!["output_text.delta:is ", "output_text.delta:s", "content_part.done"],
        ),
        (
            "ended by output_item.done (no .done before it)",
            vec![text_delta("m", 1, "Hi s"), message_done("m", 1, "Hi s")],
            vec!["output_text.delta:Hi ", "output_text.delta:s", "output_item.done:Hi s"],
        ),
        (
            "ended by response.completed, whose output is redacted whole",
            vec![text_delta("m", 1, "sk-echo-5f"), ev("response.completed", json!({"response": {"output": [{"id": "m", "type": "message", "content": [{"type": "output_text", "text": "sk-echo-5f"}]}]}}))],
            vec!["output_text.delta:", "output_text.delta:[redacted]", "completed"],
        ),
        ("ended by response.failed", vec![text_delta("m", 1, "s"), ev("response.failed", json!({}))], vec!["output_text.delta:", "output_text.delta:s", "failed"]),
        ("ended by the end of the stream", vec![text_delta("m", 1, "as sk-e"), text_delta("m", 1, "cho")], vec!["output_text.delta:as ", "output_text.delta:", "output_text.delta:[redacted]"]),
        (
            "two items interleaved: two streams",
            vec![text_delta("a", 1, "sk-echo-"), text_delta("b", 2, "5f0c2e9a"), text_delta("a", 1, "5f0c2e9a"), text_delta("b", 2, " ok")],
            vec!["output_text.delta:", "output_text.delta:5f0c2e9a", "output_text.delta:[redacted]", "output_text.delta: ok"],
        ),
        (
            "reasoning summaries: one stream per summary part",
            vec![summary_delta("r", 0, "sk-echo"), summary_delta("r", 1, "-5f0c2e9a"), summary_delta("r", 0, "-5f0c2e9a"), ev("response.reasoning_summary_part.done", json!({"item_id": "r", "output_index": 0, "summary_index": 1}))],
            vec!["reasoning_summary_text.delta:", "reasoning_summary_text.delta:-5f0c2e9a", "reasoning_summary_text.delta:[redacted]", "reasoning_summary_part.done"],
        ),
        (
            "a call's arguments, ended by their .done",
            vec![args_delta("fc", "{\"cmd\":\"echo sk-e"), args_delta("fc", "cho-5f0c2e9a\"}"), ev("response.function_call_arguments.done", json!({"item_id": "fc", "output_index": 2, "arguments": "{\"cmd\":\"echo sk-echo-5f0c2e9a\"}"}))],
            vec!["function_call_arguments.delta:{\"cmd\":\"echo ", "function_call_arguments.delta:[redacted]\"}", "function_call_arguments.done:{\"cmd\":\"echo [redacted]\"}"],
        ),
        (
            "a delta after its stream ended starts another",
            vec![text_delta("m", 1, "s"), text_done("m", 1, "s"), text_delta("m", 1, "k-echo-5f0c2e9a")],
            vec!["output_text.delta:", "output_text.delta:s", "output_text.done:s", "output_text.delta:k-echo-5f0c2e9a"],
        ),
        ("audio's bytes are never held", vec![ev("response.audio.delta", json!({"delta": "sk"}))], vec!["audio.delta:sk"]),
    ];
    let r = redactor();
    for (what, events, want) in cases {
        assert_eq!(run(&r, &events), want, "{what}");
    }
}

#[test]
fn the_events_go_out_numbered_in_order_with_the_deltas_added() {
    let r = redactor();
    let events: Vec<Value> = [text_delta("m", 1, "yes"), text_delta("m", 1, " s"), text_done("m", 1, "yes s"), message_done("m", 1, "yes s")]
        .into_iter()
        .enumerate()
        .map(|(i, mut e)| {
            e["sequence_number"] = json!(i + 5);
            e
        })
        .collect();
    let mut d = Deltas::default();
    let out: Vec<Value> = events.iter().flat_map(|e| d.pass(&r, e["type"].as_str().unwrap(), e.clone())).map(|(_, v)| v).collect();
    let seq: Vec<u64> = out.iter().map(|v| v["sequence_number"].as_u64().unwrap()).collect();
    assert_eq!(seq, [5, 6, 7, 8, 9]);
    assert_eq!(out[2], json!({"type": "response.output_text.delta", "item_id": "m", "output_index": 1, "content_index": 0, "delta": "s", "sequence_number": 7}));
    // Unnumbered events stay unnumbered.
    let mut d = Deltas::default();
    let out = d.pass(&r, "response.output_text.delta", text_delta("m", 1, "ok"));
    assert!(out[0].1.get("sequence_number").is_none());
}

#[test]
fn without_a_key_every_event_goes_out_as_it_came() {
    let events = vec![text_delta("m", 1, "sk-echo-5f0c2e9a"), summary_delta("r", 0, "s"), text_done("m", 1, "sk-echo-5f0c2e9a"), message_done("m", 1, "sk-e")];
    let mut d = Deltas::default();
    let r = Redactor::default();
    let out: Vec<Value> = events.iter().flat_map(|e| d.pass(&r, e["type"].as_str().unwrap(), e.clone())).map(|(_, v)| v).collect();
    assert_eq!(out, events);
    assert!(d.finish(&r).is_empty());
}

#[test]
fn the_streams_kept_are_bounded_and_one_dropped_lets_out_no_start_of_a_key() {
    let r = redactor();
    let mut d = Deltas::default();
    let mut out = Vec::new();
    for i in 0..=MAX_STREAMS {
        out.extend(d.pass(&r, "response.output_text.delta", text_delta(&format!("m{i}"), i as u64, "sk-echo")));
    }
    assert_eq!(d.open.len(), MAX_STREAMS);
    // The first stream went to make room: what it held went as the mark, never as the key's start.
    let marked: Vec<&Value> = out.iter().map(|(_, v)| v).filter(|v| v["delta"] != "").collect();
    assert_eq!(marked, [&json!({"type": "response.output_text.delta", "item_id": "m0", "output_index": 0, "content_index": 0, "delta": "[redacted]"})]);
    // Its key's end, coming later, shows no key.
    let later = d.pass(&r, "response.output_text.delta", text_delta("m0", 0, "-5f0c2e9a"));
    assert_eq!(later.last().unwrap().1["delta"], "-5f0c2e9a");
    // Long ids count against the bytes kept.
    let mut d = Deltas::default();
    let long = "i".repeat(MAX_KEPT / 4);
    for i in 0..8 {
        d.pass(&r, "response.output_text.delta", text_delta(&format!("{long}{i}"), i, "x"));
    }
    assert!(d.open.len() < 4, "{}", d.open.len());
}
