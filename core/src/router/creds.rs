//! The providers' credentials, in the router's memory only. The auth command Codex
//! runs (`switchboard token --router <port>`) runs in Codex's own environment: it
//! asks the router which credentials it lacks (`wants`), reads them (the keychain,
//! an environment variable, a token command, the env headers) and hands them over
//! on the router's locked channel. Nothing here reaches a file, an argument, the
//! environment, a log or an error; a credential is forgotten when a key changes
//! (the state's epoch), when its token command's refresh interval has passed, or
//! when the provider refused it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::routes::Routes;
use crate::provider::auth::Auth;

/// What the auth command hands over for one provider.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handed {
    /// The key, when the provider takes one and it was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The values of its `env_http_headers`, from Codex's environment.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub env_headers: BTreeMap<String, String>,
    /// Why there is no key, in one sentence for Codex's log (never the key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

impl std::fmt::Debug for Handed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handed").field("key", &self.key.as_ref().map(|_| "[key]")).field("env_headers", &self.env_headers.keys()).field("problem", &self.problem).finish()
    }
}

struct Held {
    handed: Handed,
    at: Instant,
    ttl: Option<Duration>,
    epoch: u64,
}

/// Codex's default refresh of a token command (`refresh_interval_ms`), when the table sets none.
const COMMAND_REFRESH: Duration = Duration::from_secs(300);

/// Every home's providers' credentials.
#[derive(Default)]
pub struct Creds {
    held: Mutex<HashMap<(String, String), Held>>,
}

impl Creds {
    /// The routed providers of `home` whose credential the router lacks or must read again.
    pub fn wants(&self, home: &str, routes: &Routes) -> Vec<String> {
        let held = self.held.lock().unwrap();
        routes
            .routes
            .values()
            .filter(|r| match held.get(&(home.to_owned(), r.id.clone())) {
                None => true,
                Some(h) => h.epoch != routes.epoch || h.ttl.is_some_and(|t| h.at.elapsed() >= t),
            })
            .map(|r| r.id.clone())
            .collect()
    }

    /// Keeps what was handed over for `id`, read under `epoch`.
    pub fn put(&self, home: &str, id: &str, auth: &Auth, epoch: u64, handed: Handed) {
        let ttl = match auth {
            Auth::Command { refresh_interval_ms: Some(0), .. } => None,
            Auth::Command { refresh_interval_ms, .. } => Some(refresh_interval_ms.map_or(COMMAND_REFRESH, Duration::from_millis)),
            _ => None,
        };
        self.held.lock().unwrap().insert((home.to_owned(), id.to_owned()), Held { handed, at: Instant::now(), ttl, epoch });
    }

    /// What was handed over for `id`, if it is there.
    pub fn get(&self, home: &str, id: &str) -> Option<Handed> {
        self.held.lock().unwrap().get(&(home.to_owned(), id.to_owned())).map(|h| h.handed.clone())
    }

    /// Forgets `id`'s credential (the provider refused it): the next auth run reads it again.
    pub fn forget(&self, home: &str, id: &str) {
        self.held.lock().unwrap().remove(&(home.to_owned(), id.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::router::routes::Route;

    fn routes(ids: &[&str], epoch: u64) -> Routes {
        let mut r = BTreeMap::new();
        for id in ids {
            let entry = crate::provider::table::ProviderEntry::from_url(id, "https://h/v1");
            r.insert(id.to_string(), Route { id: id.to_string(), name: id.to_string(), entry, model: None, listed: vec![], upstream: "https://h/v1".into(), api: crate::provider::api::Api::Responses, tag: "0000000000".into() });
        }
        Routes { routes: r, current: None, epoch }
    }

    #[test]
    fn the_router_asks_for_what_it_lacks_or_must_read_again() {
        let c = Creds::default();
        let r = routes(&["kimi", "or"], 1);
        assert_eq!(c.wants("/h", &r), ["kimi", "or"]);
        let key = |k: &str| Handed { key: Some(k.into()), ..Default::default() };
        c.put("/h", "kimi", &Auth::Keychain, 1, key("sk-1"));
        c.put("/h", "or", &Auth::Command { command: "vault".into(), args: vec![], refresh_interval_ms: Some(1), timeout_ms: None }, 1, key("tok"));
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(c.wants("/h", &r), ["or"], "a token command's credential is read again after its refresh interval");
        assert_eq!(c.wants("/other-home", &r), ["kimi", "or"], "each home its own");
        assert_eq!(c.wants("/h", &routes(&["kimi"], 2)), ["kimi"], "a key changed: read again");
        assert_eq!(c.get("/h", "kimi").unwrap().key.as_deref(), Some("sk-1"));
        c.forget("/h", "kimi");
        assert!(c.get("/h", "kimi").is_none());
        assert!(!format!("{:?}", key("sk-SECRET")).contains("SECRET"), "never in a debug print");
    }
}
