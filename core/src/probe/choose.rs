//! The way a provider is set up when it is added: found out from the provider
//! itself (`path::detect`) rather than taken from the preset alone. The key the
//! user typed is used for the asking and kept nowhere; the preset's way stands when
//! the provider could not be asked, or said nothing clear.

use std::time::Duration;

use super::path::{Decision, detect, decide};
use crate::locale::{Args, Words};
use crate::provider::api::Api;
use crate::provider::build::{Inputs, KeySource};
use crate::provider::preset::Preset;
use crate::provider::table::ProviderEntry;

/// How long the asking may take when a provider is added.
pub const LIMIT: Duration = Duration::from_secs(12);

/// The way the provider's answers chose, and what to tell the user.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub api: Api,
    /// The base URL that way, when it is not the one the provider was given.
    pub base_url: Option<String>,
    pub words: Words,
}

impl Chosen {
    /// `inputs` set up this way.
    pub fn apply(&self, inputs: &mut Inputs) {
        inputs.api = Some(self.api);
        if let Some(u) = &self.base_url {
            inputs.base_url = Some(u.clone());
        }
    }
}

/// Asks the provider `inputs` describe which way Codex should reach it. `None` when
/// the inputs do not make a provider yet, the user chose the way (`inputs.api`), or
/// nothing clear came back in time.
pub async fn choose(preset: &'static Preset, inputs: &Inputs, typed_key: Option<&str>, limit: Duration) -> Option<Chosen> {
    if inputs.api.is_some() {
        return None;
    }
    let (spec, model) = preset.build(inputs).ok()?;
    let entry = ProviderEntry::from_spec(&spec);
    let key = match (&inputs.key, typed_key) {
        (KeySource::Keychain, Some(k)) => Some(k.to_owned()),
        // No key typed: nothing to ask with (the keychain is not read for a provider
        // not added yet), so the preset's way stands.
        (KeySource::Keychain, None) => return None,
        _ => super::auth::resolve(&entry, tokio::time::Instant::now() + limit).await.1,
    };
    let seen = detect(&entry, key.as_deref(), &model, limit).await?;
    // The provider's own words go into the sentence: never with the key in them.
    let mut redactor = super::Redactor::for_entry(&entry);
    if let Some(k) = &key {
        redactor.add(k);
    }
    let name = spec.name.clone();
    let host = |u: &str| u.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or(u).to_owned();
    let said = |status: u16, message: &str| {
        let message = redactor.text(message);
        if message.is_empty() { status.to_string() } else { format!("{status}: {}", message.chars().take(200).collect::<String>()) }
    };
    let (api, base_url, words) = match decide(&seen) {
        Decision::Direct { url: None } => (Api::Responses, None, Words::new("path-chose-direct", Args::new().text("name", &name))),
        Decision::Direct { url: Some(u) } => (Api::Responses, Some(u.clone()), Words::new("path-chose-direct-url", Args::new().text("name", &name).text("url", &u))),
        Decision::DirectWithoutPatch { status, message } => {
            (Api::Responses, None, Words::new("path-chose-no-patch", Args::new().text("name", &name).text("said", said(status, &message))))
        }
        Decision::BridgeNoResponses { status, url } => {
            let words = Words::new("path-chose-bridge-no-responses", Args::new().text("host", host(&spec.base_url)).text("status", status));
            (Api::Chat, url, words)
        }
        Decision::BridgeToolsRefused { status, message, url } => {
            let words = Words::new("path-chose-bridge-tools", Args::new().text("host", host(&spec.base_url)).text("said", said(status, &message)));
            (Api::Chat, url, words)
        }
        Decision::Unclear => return None,
    };
    Some(Chosen { api, base_url, words })
}
