//! Which upstream made an item of Codex's history. Codex sends back every item a
//! response made, its `id` and `encrypted_content` byte for byte (checked with Codex
//! 0.171), so the router marks the items a passed-through upstream makes: their
//! ids become `sb<tag>_<id>` (and `item_id` in the events that name them), and
//! their encrypted content `sbr1:<tag>:<content>`. On the way back the marks come
//! off for that upstream, and tell `history` what another upstream made. Pure.

use serde_json::Value;

/// `id` marked as made by `tag`'s upstream.
pub fn mark_id(tag: &str, id: &str) -> String {
    format!("sb{tag}_{id}")
}

/// The upstream tag and the original id of a marked id.
pub fn read_id(id: &str) -> Option<(&str, &str)> {
    let rest = id.strip_prefix("sb")?;
    let (tag, orig) = rest.split_once('_')?;
    (tag.len() == 10 && tag.bytes().all(|b| b.is_ascii_hexdigit())).then_some((tag, orig))
}

/// Encrypted content marked as made by `tag`'s upstream.
pub fn mark_content(tag: &str, content: &str) -> String {
    format!("sbr1:{tag}:{content}")
}

/// The upstream tag and the original content of marked encrypted content.
pub fn read_content(content: &str) -> Option<(&str, &str)> {
    let rest = content.strip_prefix("sbr1:")?;
    let (tag, orig) = rest.split_once(':')?;
    (tag.len() == 10).then_some((tag, orig))
}

/// Marks one event of a passed-through stream (its JSON): the item it carries, the
/// items of a finished response, and the `item_id` it names.
pub fn mark_event(tag: &str, event: &mut Value) {
    if let Some(item) = event.get_mut("item") {
        mark_item(tag, item);
    }
    if let Some(id) = event.get("item_id").and_then(Value::as_str).map(|id| mark_id(tag, id)) {
        event["item_id"] = Value::String(id);
    }
    if let Some(output) = event.pointer_mut("/response/output").and_then(Value::as_array_mut) {
        for item in output {
            mark_item(tag, item);
        }
    }
}

fn mark_item(tag: &str, item: &mut Value) {
    if let Some(id) = item.get("id").and_then(Value::as_str).filter(|id| !id.is_empty()).map(|id| mark_id(tag, id)) {
        item["id"] = Value::String(id);
    }
    if let Some(enc) = item.get("encrypted_content").and_then(Value::as_str).map(|c| mark_content(tag, c)) {
        item["encrypted_content"] = Value::String(enc);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn marks_go_on_every_id_and_come_off_as_they_went_on() {
        let tag = "a1b2c3d4e5";
        let mut ev = json!({"type": "response.output_item.done", "output_index": 0, "item": {"id": "rs_1", "type": "reasoning", "summary": [], "encrypted_content": "gAAAA=="}});
        mark_event(tag, &mut ev);
        assert_eq!(ev["item"]["id"], "sba1b2c3d4e5_rs_1");
        assert_eq!(ev["item"]["encrypted_content"], "sbr1:a1b2c3d4e5:gAAAA==");
        assert_eq!(read_id("sba1b2c3d4e5_rs_1"), Some((tag, "rs_1")));
        assert_eq!(read_content("sbr1:a1b2c3d4e5:gAAAA=="), Some((tag, "gAAAA==")));
        let mut delta = json!({"type": "response.output_text.delta", "item_id": "msg_9", "delta": "hi"});
        mark_event(tag, &mut delta);
        assert_eq!(delta["item_id"], "sba1b2c3d4e5_msg_9");
        let mut done = json!({"type": "response.completed", "response": {"id": "resp_1", "output": [{"id": "fc_1", "type": "function_call", "call_id": "call_1"}]}});
        mark_event(tag, &mut done);
        assert_eq!(done["response"]["output"][0]["id"], "sba1b2c3d4e5_fc_1");
        assert_eq!(done["response"]["output"][0]["call_id"], "call_1", "call ids pair calls and results: never marked");
        assert_eq!(done["response"]["id"], "resp_1");
        for plain in ["rs_1", "sb_x", "sbzzzzzzzzzz_x", "msg_sb"] {
            assert_eq!(read_id(plain), None, "{plain}");
        }
        assert_eq!(read_content("switchboard-bridge:v1:abc"), None);
    }
}
