//! The providers' credentials, in the router's memory only. The auth command Codex
//! runs (`switchboard token --router <port>`) runs in Codex's own environment: it
//! asks the router which credentials it lacks (`wants`), reads them (the keychain,
//! an environment variable, a token command, the env headers) and hands them over
//! on the router's locked channel. Nothing here reaches a file, an argument, the
//! environment, a log or an error; a credential is forgotten when a key changes
//! (the state's epoch), when its token command's refresh interval has passed, or
//! when the provider refused it.
//!
//! What comes from Codex's environment (an `env_key` variable, `env_http_headers`)
//! is that Codex's own: two Codex processes may hold two values, or one none at all.
//! Such a credential is kept under its environment's scope (a digest of the values,
//! which the auth command prints after the router's token, so each request names
//! it), and serves only requests that name the same scope.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::routes::{Route, Routes};
use crate::provider::auth::Auth;
use crate::provider::table::ProviderEntry;

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

/// Credentials held at most (homes × providers × environments); past it the oldest go.
const MAX_HELD: usize = 1024;

/// Whether `entry`'s credential comes (in part) from Codex's environment.
pub fn from_environment(entry: &ProviderEntry) -> bool {
    matches!(entry.auth, Auth::Env { .. }) || !entry.env_http_headers.is_empty()
}

/// (home, provider, environment scope): the scope only for a credential from the environment.
type Key = (String, String, String);

fn key(home: &str, route: &Route, scope: Option<&str>) -> Key {
    let scope = if from_environment(&route.entry) { scope.unwrap_or("") } else { "" };
    (home.to_owned(), route.id.clone(), scope.to_owned())
}

/// Every home's providers' credentials.
#[derive(Default)]
pub struct Creds {
    held: Mutex<HashMap<Key, Held>>,
}

impl Creds {
    /// The routed providers of `home` whose credential the router lacks or must read
    /// again, for a Codex whose environment is `scope`.
    pub fn wants(&self, home: &str, scope: Option<&str>, routes: &Routes) -> Vec<String> {
        let held = self.held.lock().unwrap();
        routes
            .routes
            .values()
            .filter(|r| match held.get(&key(home, r, scope)) {
                None => true,
                Some(h) => h.epoch != routes.epoch || h.ttl.is_some_and(|t| h.at.elapsed() >= t),
            })
            .map(|r| r.id.clone())
            .collect()
    }

    /// Keeps what was handed over for `route`, read under `epoch` in the environment `scope`.
    pub fn put(&self, home: &str, route: &Route, scope: Option<&str>, epoch: u64, handed: Handed) {
        let ttl = match &route.entry.auth {
            Auth::Command { refresh_interval_ms: Some(0), .. } => None,
            Auth::Command { refresh_interval_ms, .. } => Some(refresh_interval_ms.map_or(COMMAND_REFRESH, Duration::from_millis)),
            _ => None,
        };
        let mut held = self.held.lock().unwrap();
        let k = key(home, route, scope);
        if held.len() >= MAX_HELD && !held.contains_key(&k) {
            if let Some(oldest) = held.iter().min_by_key(|(_, h)| h.at).map(|(k, _)| k.clone()) {
                held.remove(&oldest);
            }
        }
        held.insert(k, Held { handed, at: Instant::now(), ttl, epoch });
    }

    /// What was handed over for `route`, for a request from the environment `scope`.
    pub fn get(&self, home: &str, route: &Route, scope: Option<&str>) -> Option<Handed> {
        self.held.lock().unwrap().get(&key(home, route, scope)).map(|h| h.handed.clone())
    }

    /// Forgets `id`'s credentials, in every environment (the provider refused one): the
    /// next auth run reads it again.
    pub fn forget(&self, home: &str, id: &str) {
        self.held.lock().unwrap().retain(|(h, i, _), _| h != home || i != id);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn routes(ids: &[&str], epoch: u64) -> Routes {
        let mut r = BTreeMap::new();
        for id in ids {
            let mut entry = crate::provider::table::ProviderEntry::from_url(id, "https://h/v1");
            entry.auth = match *id {
                "or" => Auth::Command { command: "vault".into(), args: vec![], refresh_interval_ms: Some(1), timeout_ms: None },
                "env" => Auth::Env { var: "KEY".into() },
                _ => Auth::Keychain,
            };
            r.insert(id.to_string(), Route { id: id.to_string(), name: id.to_string(), entry, model: None, listed: vec![], upstream: "https://h/v1".into(), api: crate::provider::api::Api::Responses, tag: "0000000000".into() });
        }
        Routes { routes: r, epoch, ..Default::default() }
    }

    #[test]
    fn the_router_asks_for_what_it_lacks_or_must_read_again() {
        let c = Creds::default();
        let r = routes(&["kimi", "or"], 1);
        assert_eq!(c.wants("/h", None, &r), ["kimi", "or"]);
        let key = |k: &str| Handed { key: Some(k.into()), ..Default::default() };
        c.put("/h", &r.routes["kimi"], None, 1, key("sk-1"));
        c.put("/h", &r.routes["or"], None, 1, key("tok"));
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(c.wants("/h", None, &r), ["or"], "a token command's credential is read again after its refresh interval");
        assert_eq!(c.wants("/h", Some("env-1"), &r), ["or"], "a keychain key is the same in every environment");
        assert_eq!(c.wants("/other-home", None, &r), ["kimi", "or"], "each home its own");
        assert_eq!(c.wants("/h", None, &routes(&["kimi"], 2)), ["kimi"], "a key changed: read again");
        assert_eq!(c.get("/h", &r.routes["kimi"], Some("env-2")).unwrap().key.as_deref(), Some("sk-1"));
        c.forget("/h", "kimi");
        assert!(c.get("/h", &r.routes["kimi"], None).is_none());
        assert!(!format!("{:?}", key("sk-SECRET")).contains("SECRET"), "never in a debug print");
    }

    #[test]
    fn a_credential_from_the_environment_serves_only_that_environment() {
        let c = Creds::default();
        let r = routes(&["env"], 1);
        let env = &r.routes["env"];
        c.put("/h", env, Some("env-aaaa"), 1, Handed { key: Some("sk-project-a".into()), ..Default::default() });
        assert_eq!(c.get("/h", env, Some("env-aaaa")).unwrap().key.as_deref(), Some("sk-project-a"));
        assert!(c.get("/h", env, Some("env-bbbb")).is_none(), "another Codex's environment holds another value, or none");
        assert!(c.get("/h", env, None).is_none());
        assert_eq!(c.wants("/h", Some("env-bbbb"), &r), ["env"]);
        assert!(c.wants("/h", Some("env-aaaa"), &r).is_empty());
        c.put("/h", env, Some("env-bbbb"), 1, Handed::default());
        c.forget("/h", "env");
        assert!(c.get("/h", env, Some("env-aaaa")).is_none() && c.get("/h", env, Some("env-bbbb")).is_none(), "a refusal forgets it in every environment");
        for i in 0..(MAX_HELD + 5) {
            c.put("/h", env, Some(&format!("env-{i}")), 1, Handed::default());
        }
        assert!(c.held.lock().unwrap().len() <= MAX_HELD);
    }
}
