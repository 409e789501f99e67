//! Model ids from a `/models` body: an OpenAI list (`data[].id`), Codex's
//! catalog (`models[].slug`) or Ollama's tags (`models[].name`). Read with
//! serde visitors that keep only the ids, so a large list costs the size of
//! its ids, not of a JSON tree; anything of another shape is skipped.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// At most this many ids are kept.
pub const MAX_MODELS: usize = 5000;

/// Sorted, deduplicated ids; empty when the body is not a list Switchboard can read.
pub fn model_ids(body: &[u8]) -> Vec<String> {
    let Ok(Top(mut out)) = serde_json::from_slice::<Top>(body) else { return Vec::new() };
    out.sort();
    out.dedup();
    out
}

/// The top-level object: ids from `data` and `models`, other keys skipped.
struct Top(Vec<String>);

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Top;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "data" || key == "models" {
                        out.extend(map.next_value::<List>()?.0);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(Top(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// An array of items, each giving at most one id; anything else gives none.
struct List(Vec<String>);

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = List;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List, A::Error> {
                let mut out = Vec::new();
                while let Some(Item(id)) = seq.next_element::<Item>()? {
                    if let Some(id) = id.filter(|_| out.len() < MAX_MODELS) {
                        out.push(id);
                    }
                }
                Ok(List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(List(Vec::new()))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<List, E> {
                Ok(List(Vec::new()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<List, E> {
                Ok(List(Vec::new()))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<List, E> {
                Ok(List(Vec::new()))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<List, E> {
                Ok(List(Vec::new()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<List, E> {
                Ok(List(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<List, E> {
                Ok(List(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// One item: its `id`, else `slug`, else `name`, else `model`, when a string.
struct Item(Option<String>);

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a model")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
                const RANKED: [&str; 4] = ["id", "slug", "name", "model"];
                let mut best: Option<(usize, String)> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match RANKED.iter().position(|k| *k == key) {
                        Some(rank) if best.as_ref().is_none_or(|(r, _)| rank < *r) => {
                            if let Some(s) = map.next_value::<Text>()?.0 {
                                best = Some((rank, s));
                            }
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Item(best.map(|(_, s)| s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Item(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Item, E> {
                Ok(Item(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Item, E> {
                Ok(Item(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Item, E> {
                Ok(Item(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Item, E> {
                Ok(Item(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Item, E> {
                Ok(Item(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Item, E> {
                Ok(Item(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// The context window a `/models` list gives for `model`: OpenRouter's
/// `context_length`, Vercel's `context_window`, Mistral's `max_context_length`...
/// Read whole, as it runs once per Test on a capped body. Pure.
pub fn window_in_list(body: &[u8], model: &str) -> Option<u64> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    let items = v["data"].as_array().or_else(|| v["models"].as_array())?;
    let item = items.iter().find(|m| ["id", "slug", "name", "model"].iter().any(|k| m[*k] == model))?;
    let n = |v: &serde_json::Value| v.as_u64().filter(|n| *n >= 1_000);
    // OpenRouter's route may serve less than the model's card: the route's figure first.
    n(&item["top_provider"]["context_length"])
        .or_else(|| n(&item["context_length"]))
        .or_else(|| n(&item["context_window"]))
        .or_else(|| n(&item["max_context_length"]))
        .or_else(|| n(&item["max_input_tokens"]))
        .or_else(|| n(&item["inputTokenLimit"]))
}

/// A string, or nothing for any other JSON value.
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        Ok(Text(v.as_str().map(str::to_owned)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_lists_in_three_formats_and_odd_shapes() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"object":"list","data":[{"id":"b"},{"id":"a"}]}"#, &["a", "b"]),
            (r#"{"models":[{"slug":"gpt-5","name":"GPT-5"}]}"#, &["gpt-5"]),
            (r#"{"models":[{"name":"qwen3:8b","model":"qwen3:8b"}]}"#, &["qwen3:8b"]),
            (r#"{"data":[{"name":"n","id":"i"}]}"#, &["i"]),
            (r#"{"data":[{"id":7,"slug":"s"},"x",[1],null,{"id":"a","meta":{"deep":[1,2,{"id":"no"}]}}]}"#, &["a", "s"]),
            (r#"{"data":{"id":"x"},"models":"none"}"#, &[]),
            (r#"{"data":[{"id":"a"},{"id":"a"}]}"#, &["a"]),
            (r#"{"data":[{"id":"a"},{"id":"b"#, &[]),
            ("<html>", &[]),
            ("[]", &[]),
        ];
        for (body, want) in cases {
            assert_eq!(model_ids(body.as_bytes()), *want, "{body}");
        }
    }

    #[test]
    fn windows_from_each_providers_list() {
        let openrouter = br#"{"data":[{"id":"a/x","context_length":1000000,"top_provider":{"context_length":262144}},{"id":"b/y","context_length":128000,"top_provider":{"context_length":null}}]}"#;
        assert_eq!(window_in_list(openrouter, "a/x"), Some(262_144), "the route's figure first");
        assert_eq!(window_in_list(openrouter, "b/y"), Some(128_000));
        assert_eq!(window_in_list(openrouter, "c/z"), None);
        let vercel = br#"{"data":[{"id":"moonshotai/kimi-k2","context_window":131072,"max_tokens":16384}]}"#;
        assert_eq!(window_in_list(vercel, "moonshotai/kimi-k2"), Some(131_072));
        let mistral = br#"{"data":[{"id":"devstral-2512","max_context_length":262144}]}"#;
        assert_eq!(window_in_list(mistral, "devstral-2512"), Some(262_144));
        assert_eq!(window_in_list(br#"{"data":[{"id":"m","context_length":7}]}"#, "m"), None, "not a window");
        assert_eq!(window_in_list(b"<html>", "m"), None);
    }
}
