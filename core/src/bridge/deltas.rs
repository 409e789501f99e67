//! A Responses stream's texts, redacted across their deltas. Pure: one event in, the
//! events that may go out for it.
//!
//! Redacting each event on its own lets through a key a provider streams a few
//! characters at a time, and Codex's TUI, the VS Code extension and the app show
//! deltas as they arrive. So each text stream (one per delta kind, item and part:
//! `response.output_text.delta` of item 1's content 0, `reasoning_summary_text` of its
//! summary 0, a call's `function_call_arguments`, ...) goes through
//! [`Redactor::delta`], which holds back only an end that may still become a
//! credential. When the part ends (its `.done`, `content_part.done`,
//! `reasoning_summary_part.done`, `output_item.done`, the response's end, or the end
//! of the stream) what was held goes out first, as one more delta of the same kind.
//! The finished texts (`.done` events, their items, `response.completed`'s output)
//! are redacted whole ([`Redactor::whole`]), so the deltas add up to the final text.
//! Events are numbered again in order, the deltas added counted.
//!
//! Used by the router for the Responses providers it passes through and by the
//! bridge's translation (`stream`) for what it makes of chat chunks.

use serde_json::{Map, Value, json};

use crate::probe::redact::{MARK, Redactor, Withheld};

/// The text streams open at once in one response: more than the calls one answer may
/// hold (`carry::MAX_ENTRIES`), its message and reasoning. Past it the oldest is
/// dropped, and what it held goes out as [`MARK`] (it may have been a key's start).
pub const MAX_STREAMS: usize = 300;

/// The bytes the open streams may keep (their ids and names, and what they hold);
/// past it the oldest go as past [`MAX_STREAMS`].
pub const MAX_KEPT: usize = 1 << 20;

/// Where a delta's text goes: the event kind without `.delta`, the item, the part.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    kind: String,
    item: Option<String>,
    output: Option<u64>,
    /// `("content_index", n)` or `("summary_index", n)`.
    part: Option<(&'static str, u64)>,
}

impl Place {
    fn of(kind: &str, data: &Value) -> Place {
        let n = |k: &str| data.get(k).and_then(Value::as_u64);
        let part = ["content_index", "summary_index"].into_iter().find_map(|k| n(k).map(|i| (k, i)));
        let item = data.get("item_id").and_then(Value::as_str).map(str::to_owned);
        Place { kind: kind.to_owned(), item, output: n("output_index"), part }
    }

    /// The same item: by id when both name one, else by output index.
    fn same_item(&self, item: Option<&str>, output: Option<u64>) -> bool {
        match (self.item.as_deref(), item) {
            (Some(a), Some(b)) => a == b,
            _ => self.output == output,
        }
    }
}

/// One open text stream: its place, the event name it came under, and what it holds.
#[derive(Debug)]
struct Open {
    place: Place,
    name: String,
    held: Withheld,
}

#[derive(Debug, Default)]
pub struct Deltas {
    open: Vec<Open>,
    /// The number the next event goes out with, once the stream numbers its events.
    seq: Option<u64>,
}

impl Deltas {
    /// The events that go out for one event (its SSE name and data); with nothing to
    /// redact, the event as it came.
    pub fn pass(&mut self, r: &Redactor, name: &str, mut data: Value) -> Vec<(String, Value)> {
        if r.is_empty() {
            return vec![(name.to_owned(), data)];
        }
        let kind = data.get("type").and_then(Value::as_str).unwrap_or(name).to_owned();
        let mut out = Vec::new();
        let text = data.get("delta").and_then(Value::as_str).map(str::to_owned);
        // Audio's deltas are base64 bytes, each decoded on its own: never held.
        if let (Some(base), Some(text)) = (kind.strip_suffix(".delta").filter(|_| kind != "response.audio.delta"), text) {
            let place = Place::of(base, &data);
            let at = match self.open.iter().position(|o| o.place == place) {
                Some(i) => i,
                None => {
                    let size = |o: &Open| o.name.len() + o.place.kind.len() + o.place.item.as_ref().map_or(0, String::len) + o.held.len();
                    let mut kept: usize = self.open.iter().map(size).sum();
                    let new_size = name.len() + place.kind.len() + place.item.as_ref().map_or(0, String::len);
                    while !self.open.is_empty() && (self.open.len() >= MAX_STREAMS || kept + new_size > MAX_KEPT) {
                        let oldest = self.open.remove(0);
                        kept -= size(&oldest);
                        if !oldest.held.is_empty() {
                            out.push(self.flush(&oldest, MARK.to_owned()));
                        }
                    }
                    self.open.push(Open { place, name: name.to_owned(), held: Withheld::default() });
                    self.open.len() - 1
                }
            };
            data["delta"] = json!(r.delta(&mut self.open[at].held, &text));
        } else {
            let ending: Vec<Open> = {
                let (ends, keep) = std::mem::take(&mut self.open).into_iter().partition(|o| ends(&kind, &data, &o.place));
                self.open = keep;
                ends
            };
            for mut o in ending {
                let rest = r.end(&mut o.held);
                if !rest.is_empty() {
                    out.push(self.flush(&o, rest));
                }
            }
            finished(r, &kind, &mut data);
        }
        self.number(&mut data, false);
        out.push((name.to_owned(), data));
        out
    }

    /// The end of the stream without an end of the response: what every open text held.
    pub fn finish(&mut self, r: &Redactor) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        for mut o in std::mem::take(&mut self.open) {
            let rest = r.end(&mut o.held);
            if !rest.is_empty() {
                out.push(self.flush(&o, rest));
            }
        }
        out
    }

    /// One more delta of `o`'s kind, item and part, holding `text`.
    fn flush(&mut self, o: &Open, text: String) -> (String, Value) {
        let p = &o.place;
        let mut data = Map::new();
        data.insert("type".into(), json!(format!("{}.delta", p.kind)));
        if let Some(id) = &p.item {
            data.insert("item_id".into(), json!(id));
        }
        if let Some(i) = p.output {
            data.insert("output_index".into(), json!(i));
        }
        if let Some((k, i)) = p.part {
            data.insert(k.into(), json!(i));
        }
        data.insert("delta".into(), json!(text));
        let mut data = Value::Object(data);
        self.number(&mut data, true);
        (o.name.clone(), data)
    }

    /// Numbers an event in order: the upstream's numbers, shifted past the deltas added.
    fn number(&mut self, data: &mut Value, added: bool) {
        let given = data.get("sequence_number").and_then(Value::as_u64);
        let at = match (given, self.seq, added) {
            (Some(n), None, _) => n,
            (_, Some(next), true) | (Some(_), Some(next), false) => next,
            _ => return,
        };
        data["sequence_number"] = json!(at);
        self.seq = Some(at + 1);
    }
}

/// Whether the event `kind` (its `data`) ends the text stream at `p`.
fn ends(kind: &str, data: &Value, p: &Place) -> bool {
    let n = |k: &str| data.get(k).and_then(Value::as_u64);
    let item_id = data.get("item_id").and_then(Value::as_str);
    match kind {
        "response.completed" | "response.incomplete" | "response.failed" | "error" => true,
        "response.output_item.done" => p.same_item(data.pointer("/item/id").and_then(Value::as_str), n("output_index")),
        "response.content_part.done" => p.same_item(item_id, n("output_index")) && p.part == n("content_index").map(|i| ("content_index", i)),
        "response.reasoning_summary_part.done" => p.same_item(item_id, n("output_index")) && p.part == n("summary_index").map(|i| ("summary_index", i)),
        k => k.strip_suffix(".done") == Some(p.kind.as_str()) && p.same_item(item_id, n("output_index")) && p.part == Place::of("", data).part,
    }
}

/// The finished texts of an event redacted whole: a `.done` event's text, arguments,
/// input or refusal, its part's and its item's; a finished response's items.
fn finished(r: &Redactor, kind: &str, data: &mut Value) {
    if kind.ends_with(".done") {
        whole_fields(r, data, &["text", "arguments", "input", "refusal"]);
        if let Some(part) = data.get_mut("part") {
            whole_fields(r, part, &["text", "refusal"]);
        }
        if let Some(item) = data.get_mut("item") {
            item_texts(r, item);
        }
    }
    if let Some(items) = data.pointer_mut("/response/output").and_then(Value::as_array_mut) {
        for item in items {
            item_texts(r, item);
        }
    }
}

fn item_texts(r: &Redactor, item: &mut Value) {
    whole_fields(r, item, &["arguments", "input"]);
    for list in ["content", "summary"] {
        for part in item.get_mut(list).and_then(Value::as_array_mut).into_iter().flatten() {
            whole_fields(r, part, &["text", "refusal"]);
        }
    }
}

fn whole_fields(r: &Redactor, v: &mut Value, fields: &[&str]) {
    for f in fields {
        if let Some(Value::String(s)) = v.get_mut(*f) {
            *s = r.whole(s);
        }
    }
}

#[cfg(test)]
#[path = "deltas_tests.rs"]
mod tests;
