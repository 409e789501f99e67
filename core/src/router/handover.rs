//! The auth command's side of the credentials (`switchboard token --router <port>`):
//! it runs in Codex's own environment, asks the router which credentials of this
//! Codex home it lacks, reads them (the keychain, an environment variable, a token
//! command; and the env headers' values) and hands them over on the router's locked
//! channel. What cannot be read goes over as one sentence, which the router says to
//! Codex in place of an answer. Nothing of it is printed: what the command prints is
//! the router's token, and for a Codex whose providers read its environment, that
//! environment's scope (a digest, see `creds`).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use super::creds::Handed;
use crate::bridge::credential::{self, Source};
use crate::bridge::lifecycle;
use crate::edit::config_doc::ConfigDoc;
use crate::locale::Language;
use crate::provider::auth::Auth;
use crate::provider::table::{ProviderEntry, read_entry};

/// The id `home` goes by in its router's URL (its config.toml's `switchboard` table).
pub fn home_id_in(home: &Path) -> Option<String> {
    let path = home.join("config.toml");
    crate::edit::atomic::read_regular(&path, Path::new("config.toml"))
        .ok()
        .flatten()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| ConfigDoc::parse(t, &path).ok())
        .and_then(|doc| read_entry(&doc, super::routes::PROVIDER_ID).ok().flatten())
        .and_then(|e| e.base_url)
        .and_then(|u| crate::bridge::route::router_id_of(&u).map(|(_, id)| id))
}

/// What the auth command hands over for `entry`.
pub fn read(entry: &ProviderEntry, lang: Language) -> Handed {
    let source = match &entry.auth {
        Auth::Keychain => Source::Keychain,
        Auth::Env { var } => Source::Env(var.clone()),
        Auth::Command { command, args, .. } => Source::Command(std::iter::once(command.clone()).chain(args.iter().cloned()).collect()),
        Auth::None | Auth::FileToken => Source::None,
    };
    let mut handed = Handed::default();
    match credential::fetch(&entry.id, &source) {
        Ok(key) => handed.key = key,
        Err(e) => handed.problem = Some(format!("switchboard: {}", e.message(lang))),
    }
    let env: BTreeMap<String, String> = entry.env_http_headers.iter().filter_map(|(h, var)| std::env::var(var).ok().filter(|v| !v.is_empty()).map(|v| (h.clone(), v))).collect();
    handed.env_headers = env;
    handed
}

/// The environment's scope (see `creds`): a digest of every value Codex's environment
/// gives the providers of `doc` (`env_key` variables, `env_http_headers`), when one
/// takes any. The values never leave this process; the digest tells two environments apart.
pub fn scope(doc: &ConfigDoc) -> Option<String> {
    scope_in(doc, |var| std::env::var(var).ok())
}

/// `scope` with the environment's values as `env` gives them.
fn scope_in(doc: &ConfigDoc, env: impl Fn(&str) -> Option<String>) -> Option<String> {
    use sha2::{Digest, Sha256};
    let mut d = Sha256::new();
    let mut any = false;
    for id in doc.provider_ids().unwrap_or_default() {
        let Ok(Some(entry)) = read_entry(doc, &id) else { continue };
        if !super::creds::from_environment(&entry) {
            continue;
        }
        any = true;
        let vars = match &entry.auth {
            Auth::Env { var } => vec![var.clone()],
            _ => vec![],
        };
        for var in vars.iter().chain(entry.env_http_headers.values()) {
            let value = env(var).unwrap_or_default();
            d.update(format!("{}\0{}\0{}\0{}\0", id.len(), id, var, value.len()).as_bytes());
            d.update(value.as_bytes());
        }
    }
    any.then(|| format!("env-{}", d.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect::<String>()))
}

fn config(home: &Path) -> Option<ConfigDoc> {
    let path = home.join("config.toml");
    crate::edit::atomic::read_regular(&path, Path::new("config.toml")).ok().flatten().and_then(|b| String::from_utf8(b).ok()).and_then(|t| ConfigDoc::parse(t, &path).ok())
}

/// Tells the router on `port` which folder `home`'s id stands for, asks what it lacks
/// of that home's credentials in this environment, and hands it over. Returns what
/// the auth command prints: the router's token, and this environment's scope after it
/// when a provider's credential comes from the environment.
pub fn hand_over(port: u16, token: &str, home: &Path, lang: Language) -> String {
    let Some(id) = home_id_in(home) else { return token.to_owned() };
    let Some(doc) = config(home) else { return token.to_owned() };
    let scope = scope(&doc);
    let printed = crate::bridge::route::composite(token, scope.as_deref());
    let at = home.to_string_lossy().into_owned();
    let Some(asked) = lifecycle::ask(port, token, "/_switchboard/wants", &json!({"id": id, "home": at, "scope": scope})) else { return printed };
    let wants: Vec<String> = asked["wants"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect();
    if wants.is_empty() {
        return printed;
    }
    let mut given = serde_json::Map::new();
    for want in wants {
        if let Ok(Some(entry)) = read_entry(&doc, &want) {
            given.insert(want, serde_json::to_value(read(&entry, lang)).unwrap_or(Value::Null));
        }
    }
    let _ = lifecycle::ask(port, token, "/_switchboard/credentials", &json!({"id": id, "home": at, "epoch": asked["epoch"], "scope": scope, "credentials": given}));
    printed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scope_tells_environments_apart_and_holds_no_value() {
        let text = "[model_providers.e]\nname = \"E\"\nbase_url = \"https://e/v1\"\nenv_key = \"SB_SCOPE_TEST_KEY\"\n[model_providers.k]\nname = \"K\"\nbase_url = \"https://k/v1\"\n";
        let doc = ConfigDoc::parse(text.to_owned(), Path::new("config.toml")).unwrap();
        let with = |v: &'static str| move |var: &str| (var == "SB_SCOPE_TEST_KEY").then(|| v.to_owned());
        let one = scope_in(&doc, with("sk-value-one")).unwrap();
        let two = scope_in(&doc, with("sk-value-two")).unwrap();
        assert_eq!(scope_in(&doc, with("sk-value-one")).unwrap(), one, "the same environment, the same scope");
        let none = scope_in(&doc, |_| None).unwrap();
        assert!(one != two && two != none && one.starts_with("env-") && one.len() == 28, "{one} {two} {none}");
        assert!(!one.contains("value"));
        let keychain_only = ConfigDoc::parse("[model_providers.k]\nname = \"K\"\nbase_url = \"https://k/v1\"\n".to_owned(), Path::new("config.toml")).unwrap();
        assert_eq!(scope(&keychain_only), None, "no provider reads the environment: the token alone");
    }
}
