//! The route table: every provider Switchboard set up that Codex reaches through
//! the router, its upstream, the models Codex lists of it, and what the
//! `switchboard/current` slug stands for; and the pure resolution of the model a
//! request names to a provider and that provider's own model id.
//!
//! Slugs are `<provider-id>/<model>` (`kimi/kimi-k2.6`, `openrouter/moonshotai/kimi-k2`):
//! the id ends at the first `/`, and the rest goes upstream as it is, so an old
//! slug (a resumed session, a compaction on the previous model) stays routable.
//! `switchboard/current` follows what Use chose, at each request.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::state::{Current, RouterState};
use crate::edit::config_doc::ConfigDoc;
use crate::provider::api::Api;
use crate::provider::table::{ProviderEntry, read_entry};

/// The slug that follows what Use chose.
pub const CURRENT: &str = "switchboard/current";
/// The provider id Codex knows the router by.
pub const PROVIDER_ID: &str = "switchboard";

/// One provider the router reaches.
#[derive(Debug, Clone)]
pub struct Route {
    pub id: String,
    pub name: String,
    /// Its table, as config.toml holds it (the provider behind the bridge, for a bridged one).
    pub entry: ProviderEntry,
    /// Its own model (its profile's), if it has one.
    pub model: Option<String>,
    /// The models Codex lists of it: its own first.
    pub listed: Vec<String>,
    /// Where its requests go.
    pub upstream: String,
    /// Responses (passed through) or Chat Completions (translated).
    pub api: Api,
    /// A short name of the upstream, carried by the items it made (see `tag`).
    pub tag: String,
}

/// Every route, what Use chose, and the failover settings.
#[derive(Debug, Clone, Default)]
pub struct Routes {
    pub routes: BTreeMap<String, Route>,
    pub current: Option<Current>,
    pub epoch: u64,
    /// Each model's fallbacks (`<id>/<model>` → `<id>/<model>`s), a provider's
    /// deadline and the first cool-down, in seconds, as the state holds them.
    pub fallbacks: BTreeMap<String, Vec<String>>,
    pub deadlines: BTreeMap<String, u64>,
    pub cool_down: Option<u64>,
}

/// Why a request's model names no route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unrouted {
    /// `switchboard/current`, and nothing was chosen (or the provider chosen is gone).
    NothingChosen,
    /// A name that is no provider's slug or listed model (or several providers list it).
    Unknown(String),
}

/// Where a request goes.
#[derive(Debug, Clone)]
pub struct Resolved<'a> {
    pub route: &'a Route,
    /// The provider's own model id.
    pub model: String,
    /// The request named `switchboard/current`: it follows Use.
    pub follows: bool,
}

/// A short, stable name for an upstream (and the provider id, so two providers on one
/// gateway with two keys are two upstreams).
pub fn tag_of(id: &str, upstream: &str) -> String {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(format!("{id}\n{upstream}").as_bytes());
    d.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

impl Routes {
    /// The routes of `doc`'s providers that Switchboard made (`ours`) and routes (`state`),
    /// each with its model (`model_of`). Pure but for those two look-ups.
    pub fn build(doc: &ConfigDoc, state: &RouterState, ours: impl Fn(&str) -> bool, model_of: impl Fn(&str) -> Option<String>) -> Routes {
        let mut routes = BTreeMap::new();
        for id in doc.provider_ids().unwrap_or_default() {
            if id == PROVIDER_ID || !ours(&id) || !state.routed(&id) {
                continue;
            }
            let Ok(Some(entry)) = read_entry(doc, &id) else { continue };
            let Some(upstream) = entry.base_url.clone() else { continue };
            let model = model_of(&id);
            let route = Route {
                name: entry.name.clone().unwrap_or_else(|| id.clone()),
                listed: state.models_of(&id, model.as_deref()),
                tag: tag_of(&id, &upstream),
                api: entry.api,
                upstream: upstream.trim_end_matches('/').to_owned(),
                model,
                entry,
                id: id.clone(),
            };
            routes.insert(id, route);
        }
        Routes { routes, ..Routes::settings(state) }
    }

    /// No route yet: what `state` says besides them.
    fn settings(state: &RouterState) -> Routes {
        Routes {
            routes: BTreeMap::new(),
            current: state.current.clone(),
            epoch: state.epoch,
            fallbacks: state.fallbacks.clone(),
            deadlines: state.deadlines.clone(),
            cool_down: state.cool_down,
        }
    }

    /// The fallbacks of `<id>/<model>`, in order (none when it has none).
    pub fn fallbacks_of(&self, slug: &str) -> &[String] {
        self.fallbacks.get(slug).map_or(&[], Vec::as_slice)
    }

    /// How long provider `id` has for its headers before a request moves on.
    pub fn deadline_of(&self, id: &str) -> std::time::Duration {
        self.deadlines.get(id).map_or(super::failover::DEFAULT_DEADLINE, |s| std::time::Duration::from_secs((*s).max(1)))
    }

    /// The routes of the Codex home `home`, read now.
    pub fn load(home: &Path) -> Routes {
        let state = super::state::load(home);
        let path = home.join("config.toml");
        let Ok(Some(bytes)) = crate::edit::atomic::read_regular(&path, Path::new("config.toml")) else { return Routes::settings(&state) };
        let Ok(doc) = String::from_utf8(bytes).map_err(|_| ()).and_then(|t| ConfigDoc::parse(t, &path).map_err(|_| ())) else { return Routes::default() };
        Routes::build(&doc, &state, |id| crate::provider::profile::is_ours(home, id), |id| crate::provider::profile::model(home, id).ok().flatten())
    }

    /// The route and model a request's `model` names.
    pub fn resolve(&self, slug: &str) -> Result<Resolved<'_>, Unrouted> {
        if slug == CURRENT {
            let c = self.current.as_ref().ok_or(Unrouted::NothingChosen)?;
            let route = self.routes.get(&c.provider).ok_or(Unrouted::NothingChosen)?;
            return Ok(Resolved { route, model: c.model.clone(), follows: true });
        }
        if let Some((id, model)) = slug.split_once('/') {
            if let (Some(route), false) = (self.routes.get(id), model.is_empty()) {
                return Ok(Resolved { route, model: model.to_owned(), follows: false });
            }
        }
        // A bare model name: the one provider that lists it.
        let mut listing = self.routes.values().filter(|r| r.listed.iter().any(|m| m == slug));
        match (listing.next(), listing.next()) {
            (Some(route), None) => Ok(Resolved { route, model: slug.to_owned(), follows: false }),
            _ => Err(Unrouted::Unknown(slug.to_owned())),
        }
    }

    /// Every slug Codex lists: `<id>/<model>` for each route's listed models.
    pub fn slugs(&self) -> Vec<(String, &Route, String)> {
        self.routes.values().flat_map(|r| r.listed.iter().map(move |m| (format!("{}/{m}", r.id), r, m.clone()))).collect()
    }
}

/// What the routes were read from: the home folder (a profile written), config.toml,
/// the router's state, and the catalog store, each as (modified, length).
type Stamp = Vec<Option<(SystemTime, u64)>>;

fn stamp(home: &Path) -> Stamp {
    let of = |p: &Path| std::fs::metadata(p).ok().and_then(|m| Some((m.modified().ok()?, m.len())));
    vec![of(home), of(&home.join("config.toml")), of(&super::state::path(home)), of(&crate::catalog::store::path(home))]
}

/// Each Codex home's routes, read again when one of its files changed.
#[derive(Default)]
pub struct RoutesCache {
    map: Mutex<HashMap<String, (Stamp, Arc<Routes>, Arc<crate::catalog::store::Store>)>>,
}

impl RoutesCache {
    /// The routes of `home`, and what the Test learnt of its models.
    pub fn get(&self, home: &str) -> (Arc<Routes>, Arc<crate::catalog::store::Store>) {
        let path = Path::new(home);
        let now = stamp(path);
        let mut map = self.map.lock().unwrap();
        if let Some((s, r, st)) = map.get(home) {
            if *s == now {
                return (r.clone(), st.clone());
            }
        }
        let routes = Arc::new(Routes::load(path));
        let store = Arc::new(crate::catalog::store::load(path));
        if map.len() > 64 {
            map.clear();
        }
        map.insert(home.to_owned(), (now, routes.clone(), store.clone()));
        (routes, store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> ConfigDoc {
        let text = r#"
model = "switchboard/current"
model_provider = "switchboard"

[model_providers.switchboard]
name = "Switchboard"
base_url = "http://127.0.0.1:15721/codex/x/v1"

[model_providers.kimi]
name = "Kimi"
base_url = "http://127.0.0.1:15721/kimi/https/api.moonshot.ai/v1"
[model_providers.kimi.auth]
command = "/usr/bin/switchboard"
args = ["token", "kimi", "--bridge", "15721"]

[model_providers.openrouter]
name = "OpenRouter"
base_url = "https://openrouter.ai/api/v1"
[model_providers.openrouter.auth]
command = "/usr/bin/switchboard"
args = ["token", "openrouter"]

[model_providers.azure]
name = "Azure"
base_url = "https://contoso.openai.azure.com/openai/v1"
env_key = "AZURE_KEY"

[model_providers.byhand]
name = "By hand"
base_url = "https://gw.example/v1"
"#;
        ConfigDoc::parse(text.to_owned(), Path::new("config.toml")).unwrap()
    }

    fn routes(state: RouterState) -> Routes {
        let models: BTreeMap<&str, &str> = [("kimi", "kimi-k2.6"), ("openrouter", "openai/gpt-5.3-codex"), ("azure", "gpt5-prod")].into();
        Routes::build(&doc(), &state, |id| id != "byhand", |id| models.get(id).map(|m| m.to_string()))
    }

    #[test]
    fn the_table_holds_switchboards_routed_providers() {
        let mut state = RouterState::default();
        state.direct.insert("azure".into());
        state.listed.insert("kimi".into(), vec!["kimi-k2-thinking".into()]);
        let r = routes(state);
        assert_eq!(r.routes.keys().collect::<Vec<_>>(), ["kimi", "openrouter"], "not the router itself, a direct one, or one written by hand");
        let kimi = &r.routes["kimi"];
        assert_eq!(kimi.upstream, "https://api.moonshot.ai/v1", "a bridged provider's upstream is the one behind the bridge");
        assert_eq!(kimi.api, Api::Chat);
        assert_eq!(kimi.listed, ["kimi-k2.6", "kimi-k2-thinking"]);
        assert_eq!(r.routes["openrouter"].api, Api::Responses);
        assert_ne!(kimi.tag, r.routes["openrouter"].tag);
        assert_eq!(kimi.tag.len(), 10);
        let slugs: Vec<String> = r.slugs().into_iter().map(|(s, _, _)| s).collect();
        assert_eq!(slugs, ["kimi/kimi-k2.6", "kimi/kimi-k2-thinking", "openrouter/openai/gpt-5.3-codex"]);
    }

    #[test]
    fn each_model_a_request_names_resolves_to_a_provider_and_its_own_id() {
        let mut chosen = RouterState { current: Some(Current { provider: "openrouter".into(), model: "openai/gpt-5.3-codex".into() }), ..Default::default() };
        chosen.direct.insert("azure".into());
        let r = routes(chosen);
        // (the request's model, the provider, its model, follows)
        let cases: &[(&str, Result<(&str, String, bool), Unrouted>)] = &[
            (CURRENT, Ok(("openrouter", "openai/gpt-5.3-codex".into(), true))),
            ("kimi/kimi-k2.6", Ok(("kimi", "kimi-k2.6".into(), false))),
            ("kimi/kimi-k2.5", Ok(("kimi", "kimi-k2.5".into(), false))),
            ("openrouter/moonshotai/kimi-k2", Ok(("openrouter", "moonshotai/kimi-k2".into(), false))),
            ("kimi-k2.6", Ok(("kimi", "kimi-k2.6".into(), false))),
            ("gpt-5.5", Err(Unrouted::Unknown("gpt-5.5".into()))),
            ("azure/gpt5-prod", Err(Unrouted::Unknown("azure/gpt5-prod".into()))),
            ("kimi/", Err(Unrouted::Unknown("kimi/".into()))),
        ];
        for (slug, want) in cases {
            let got = r.resolve(slug).map(|x| (x.route.id.as_str(), x.model.clone(), x.follows));
            assert_eq!(&got, want, "{slug}");
        }
        assert_eq!(routes(RouterState::default()).resolve(CURRENT).unwrap_err(), Unrouted::NothingChosen);
        let gone = RouterState { current: Some(Current { provider: "removed".into(), model: "m".into() }), ..Default::default() };
        assert_eq!(routes(gone).resolve(CURRENT).unwrap_err(), Unrouted::NothingChosen);
    }
}
