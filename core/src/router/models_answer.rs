//! The answer to Codex's `GET /models` (about a megabyte), built and serialized once per
//! Codex home and kept as shared bytes until what it is made from changes: the home's
//! routes and what the Test learnt of its models (`RoutesCache` hands out the same
//! `Arc`s until one of their files changes) and Codex's own list (`CodexList`, the same
//! `Arc` until its cache file changes). Each `GET /models` (Codex asks at every start)
//! is then a copy of a pointer, where building it anew cost a few megabytes of heap
//! each time, which the allocator kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use bytes::Bytes;

use super::routes::Routes;
use crate::catalog::bundled::Bundled;
use crate::catalog::store::Store;

/// The answers kept at once (one per Codex home that asked; more and they are all dropped).
const HOMES: usize = 16;

/// What an answer was built from, by identity. Weak: a kept answer holds none of them
/// alive, and a freed one's address is not reused while its `Weak` is here.
struct Source {
    routes: Weak<Routes>,
    store: Weak<Store>,
    codex: Option<Weak<Bundled>>,
}

impl Source {
    fn of(routes: &Arc<Routes>, store: &Arc<Store>, codex: Option<&Arc<Bundled>>) -> Source {
        Source { routes: Arc::downgrade(routes), store: Arc::downgrade(store), codex: codex.map(Arc::downgrade) }
    }

    fn is(&self, routes: &Arc<Routes>, store: &Arc<Store>, codex: Option<&Arc<Bundled>>) -> bool {
        let same_codex = match (&self.codex, codex) {
            (None, None) => true,
            (Some(w), Some(a)) => std::ptr::eq(w.as_ptr(), Arc::as_ptr(a)),
            _ => false,
        };
        std::ptr::eq(self.routes.as_ptr(), Arc::as_ptr(routes)) && std::ptr::eq(self.store.as_ptr(), Arc::as_ptr(store)) && same_codex
    }
}

/// Each Codex home's `/models` answer, and what it was built from.
#[derive(Default)]
pub struct ModelsAnswers {
    kept: Mutex<HashMap<String, (Source, Bytes)>>,
}

impl ModelsAnswers {
    /// The answer for `home` from these routes, store and Codex list: the one kept when
    /// it was built from the same, else built now (one at a time) and kept.
    pub fn get(&self, home: &str, routes: &Arc<Routes>, store: &Arc<Store>, codex: Option<&Arc<Bundled>>) -> Bytes {
        let mut kept = self.kept.lock().unwrap();
        if let Some((from, bytes)) = kept.get(home) {
            if from.is(routes, store, codex) {
                return bytes.clone();
            }
        }
        // Dropped before the new one is built, so the two are never held at once.
        kept.remove(home);
        let bytes = Bytes::from(super::models::answer(routes, store, codex.map(|c| &c.models[..])));
        if kept.len() >= HOMES {
            kept.clear();
        }
        kept.insert(home.to_owned(), (Source::of(routes, store, codex), bytes.clone()));
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::router::state::{Current, RouterState};

    fn routes(model: &str) -> Arc<Routes> {
        let text = "[model_providers.kimi]\nname = \"Kimi\"\nbase_url = \"http://127.0.0.1:15721/kimi/https/api.moonshot.ai/v1\"\n";
        let doc = crate::edit::config_doc::ConfigDoc::parse(text.to_owned(), std::path::Path::new("config.toml")).unwrap();
        let state = RouterState { current: Some(Current { provider: "kimi".into(), model: model.into() }), ..Default::default() };
        let model = model.to_owned();
        Arc::new(Routes::build(&doc, &state, |_| true, move |_| Some(model.clone())))
    }

    fn codex(slug: &str) -> Arc<Bundled> {
        Arc::new(Bundled { models: vec![serde_json::json!({"slug": slug, "visibility": "list", "base_instructions": "x"})], ..Default::default() })
    }

    fn slugs(b: &Bytes) -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(b).unwrap();
        v["models"].as_array().unwrap().iter().map(|m| m["slug"].as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn the_answer_is_kept_until_the_routes_the_store_or_codexs_list_change() {
        let answers = ModelsAnswers::default();
        let (r, store, list) = (routes("kimi-k2.6"), Arc::new(Store::default()), codex("gpt-5.5"));
        let first = answers.get("/h", &r, &store, Some(&list));
        assert_eq!(slugs(&first), ["switchboard/current", "kimi/kimi-k2.6", "gpt-5.5"]);
        let again = answers.get("/h", &r, &store, Some(&list));
        assert_eq!(first.as_ptr(), again.as_ptr(), "the same bytes, not built again");
        // Each of what it is made from, changed: built again.
        let r2 = routes("kimi-k2-thinking");
        let other = answers.get("/h", &r2, &store, Some(&list));
        assert_eq!(slugs(&other), ["switchboard/current", "kimi/kimi-k2-thinking", "gpt-5.5"]);
        let list2 = codex("gpt-6");
        assert_eq!(slugs(&answers.get("/h", &r2, &store, Some(&list2))), ["switchboard/current", "kimi/kimi-k2-thinking", "gpt-6"]);
        assert_eq!(slugs(&answers.get("/h", &r2, &store, None)), ["switchboard/current", "kimi/kimi-k2-thinking"]);
        let before = answers.get("/h", &r2, &store, None);
        assert_ne!(answers.get("/h", &r2, &Arc::new(Store::default()), None).as_ptr(), before.as_ptr(), "another store");
        // Another home has its own.
        let h2 = answers.get("/h2", &r, &store, Some(&list));
        assert_eq!(slugs(&h2), slugs(&first));
        // A kept answer holds nothing alive: the routes it came from go when the cache lets them go.
        let weak = Arc::downgrade(&r);
        drop(r);
        assert!(weak.upgrade().is_none());
    }
}
