//! The auth command's side of the credentials (`switchboard token --router <port>`):
//! it runs in Codex's own environment, asks the router which credentials of this
//! Codex home it lacks, reads them (the keychain, an environment variable, a token
//! command; and the env headers' values) and hands them over on the router's locked
//! channel. What cannot be read goes over as one sentence, which the router says to
//! Codex in place of an answer. Nothing of it is printed.

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

/// Tells the router on `port` which folder `home`'s id stands for, asks what it lacks
/// of that home's credentials, and hands it over.
pub fn hand_over(port: u16, token: &str, home: &Path, lang: Language) {
    let Some(id) = home_id_in(home) else { return };
    let at = home.to_string_lossy().into_owned();
    let Some(asked) = lifecycle::ask(port, token, "/_switchboard/wants", &json!({"id": id, "home": at})) else { return };
    let wants: Vec<String> = asked["wants"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect();
    if wants.is_empty() {
        return;
    }
    let path = home.join("config.toml");
    let Some(doc) = crate::edit::atomic::read_regular(&path, Path::new("config.toml")).ok().flatten().and_then(|b| String::from_utf8(b).ok()).and_then(|t| ConfigDoc::parse(t, &path).ok()) else { return };
    let mut given = serde_json::Map::new();
    for want in wants {
        if let Ok(Some(entry)) = read_entry(&doc, &want) {
            given.insert(want, serde_json::to_value(read(&entry, lang)).unwrap_or(Value::Null));
        }
    }
    let _ = lifecycle::ask(port, token, "/_switchboard/credentials", &json!({"id": id, "home": at, "epoch": asked["epoch"], "credentials": given}));
}
