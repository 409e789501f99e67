//! Turning inputs into a provider table: the CLI's flags and the window's form
//! become `Inputs`, and a preset builds them into a `ProviderSpec` (add), or they
//! change an existing one (edit). Every rule of a value lives here or in `table`.

use super::api::Api;
use super::field::Field;
use super::preset::{KeyNeed, PRESETS, Preset};
use super::table::{Auth, ProviderSpec, StringMap};
use crate::locale::Args;
use crate::error::{Error, Result};

/// How the key will be provided, as chosen on the command line or in the UI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum KeySource {
    /// Nothing chosen: the preset's default (none for Ollama, otherwise required).
    #[default]
    Unspecified,
    /// A key to store in the keychain (the value itself is never put into the spec).
    Keychain,
    Env(String),
    Command { command: String, args: Vec<String>, refresh_interval_ms: Option<u64> },
    None,
}

impl KeySource {
    pub fn to_auth(&self) -> Option<Auth> {
        match self {
            KeySource::Unspecified => None,
            KeySource::Keychain => Some(Auth::Keychain),
            KeySource::Env(var) => Some(Auth::Env { var: var.clone() }),
            KeySource::Command { command, args, refresh_interval_ms } => Some(Auth::Command {
                command: command.clone(),
                args: args.clone(),
                refresh_interval_ms: *refresh_interval_ms,
                timeout_ms: None,
            }),
            KeySource::None => Some(Auth::None),
        }
    }
}

/// The inputs of `add` (and, all optional, of `edit`).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub id: Option<String>,
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub model: Option<String>,
    pub resource: Option<String>,
    pub deployment: Option<String>,
    pub api_version: Option<String>,
    /// `K=V`; an empty V removes the entry on edit.
    pub headers: Vec<(String, String)>,
    pub env_headers: Vec<(String, String)>,
    pub query: Vec<(String, String)>,
    pub key: KeySource,
    /// Directly or through the bridge; not given: the preset's.
    pub api: Option<Api>,
    /// The model's context window in tokens, as the user knows it; `Some(0)` goes
    /// back to what Switchboard finds (the provider, the family table, the default).
    pub context_window: Option<u64>,
}

/// A context window given as a number: 0 (automatic), or 1,000 to 100,000,000 tokens.
pub fn validate_context_window(n: u64) -> Result<()> {
    parse_context_window(&n.to_string()).map(|_| ())
}

/// A context window as the user writes it: `262144`, `262,144`, `128k` (128,000),
/// `1M`; empty, `0` or `auto` is 0 (let Switchboard find it). 1,000 to 100,000,000 tokens.
pub fn parse_context_window(text: &str) -> Result<u64> {
    let bad = || Error::invalid(Field::ContextWindow, "reason-context-window", Args::new().text("text", text.trim()));
    let t: String = text.trim().chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
    if t.is_empty() || t.eq_ignore_ascii_case("auto") {
        return Ok(0);
    }
    let (digits, scale) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1_000),
        Some('m' | 'M') => (&t[..t.len() - 1], 1_000_000),
        _ => (&t[..], 1),
    };
    let n = digits.parse::<u64>().map_err(|_| bad())?.checked_mul(scale).ok_or_else(bad)?;
    if n == 0 || (1_000..=100_000_000).contains(&n) {
        Ok(n)
    } else {
        Err(Error::invalid(Field::ContextWindow, "reason-context-window-range", Args::new()))
    }
}

impl Preset {
    /// Builds the provider table and the model for a new provider.
    pub fn build(&'static self, inputs: &Inputs) -> Result<(ProviderSpec, String)> {
        let id = inputs.id.clone().unwrap_or_else(|| self.default_id.to_owned());
        let base_url = match (&inputs.base_url, &inputs.resource) {
            (Some(url), _) => url.clone(),
            (None, Some(resource)) if self.base_url.contains("{resource}") => {
                validate_resource(resource)?;
                self.base_url.replace("{resource}", resource)
            }
            (None, _) if self.base_url.contains("{resource}") => {
                return Err(Error::MissingInput { preset: self.preset.as_str(), field: Field::Resource });
            }
            (None, _) if self.base_url.is_empty() => {
                return Err(Error::MissingInput { preset: self.preset.as_str(), field: Field::BaseUrl });
            }
            (None, _) => self.base_url.to_owned(),
        };
        let model = inputs
            .deployment
            .clone()
            .or_else(|| inputs.model.clone())
            .or_else(|| self.default_model.map(str::to_owned))
            .ok_or(Error::MissingInput {
                preset: self.preset.as_str(),
                field: if self.needs(Field::Deployment) { Field::Deployment } else { Field::Model },
            })?;
        validate_model(&model)?;
        let auth = match (inputs.key.to_auth(), self.key) {
            (Some(a), _) => a,
            (None, KeyNeed::None) | (None, KeyNeed::Optional) => Auth::None,
            (None, KeyNeed::Required) => {
                return Err(Error::MissingInput { preset: self.preset.as_str(), field: Field::Key });
            }
        };
        let api = inputs.api.unwrap_or(self.api);
        let mut query = StringMap::new();
        let mut spec = ProviderSpec {
            id,
            name: inputs.name.clone().unwrap_or_else(|| self.name.to_owned()),
            base_url,
            auth,
            api,
            bridge_port: (api == Api::Chat).then(crate::bridge::route::port_from_env),
            preset: Some(self.preset),
            query_params: StringMap::new(),
            http_headers: StringMap::new(),
            env_http_headers: StringMap::new(),
            stream_idle_timeout_ms: self.stream_idle_timeout_ms,
        };
        if let Some(v) = &inputs.api_version {
            query.insert("api-version".into(), v.clone());
        }
        spec.query_params = query;
        apply_maps(&mut spec, inputs);
        spec.settle_preset();
        spec.validate()?;
        Ok((spec, model))
    }
}

/// Applies `edit` inputs to an existing provider. Returns the new model, if one was given.
pub fn apply_edit(spec: &mut ProviderSpec, inputs: &Inputs) -> Result<Option<String>> {
    if let Some(name) = &inputs.name {
        spec.name = name.clone();
    }
    if let Some(url) = &inputs.base_url {
        spec.base_url = url.clone();
    } else if let Some(resource) = &inputs.resource {
        validate_resource(resource)?;
        let azure = PRESETS.iter().find(|p| p.base_url.contains("{resource}")).expect("a preset takes a resource");
        spec.base_url = azure.base_url.replace("{resource}", resource);
    }
    if let Some(v) = &inputs.api_version {
        if v.is_empty() {
            spec.query_params.remove("api-version");
        } else {
            spec.query_params.insert("api-version".into(), v.clone());
        }
    }
    apply_maps(spec, inputs);
    if let Some(api) = inputs.api {
        // A provider moving onto the bridge gets the bridge's port; one leaving it, none.
        spec.bridge_port = match api {
            Api::Chat => spec.bridge_port.or_else(|| Some(crate::bridge::route::port_from_env())),
            Api::Responses => None,
        };
        spec.api = api;
    }
    if let Some(mut auth) = inputs.key.to_auth() {
        // A command's timings are not in the form: an edit keeps them.
        if let (Auth::Command { refresh_interval_ms, timeout_ms, .. }, Auth::Command { refresh_interval_ms: r0, timeout_ms: t0, .. }) =
            (&mut auth, &spec.auth)
        {
            *refresh_interval_ms = refresh_interval_ms.or(*r0);
            *timeout_ms = timeout_ms.or(*t0);
        }
        spec.auth = auth;
    }
    let model = inputs.deployment.clone().or_else(|| inputs.model.clone());
    if let Some(m) = &model {
        validate_model(m)?;
    }
    spec.settle_preset();
    spec.validate()?;
    Ok(model)
}

fn apply_maps(spec: &mut ProviderSpec, inputs: &Inputs) {
    for (pairs, map) in [
        (&inputs.headers, &mut spec.http_headers),
        (&inputs.env_headers, &mut spec.env_http_headers),
        (&inputs.query, &mut spec.query_params),
    ] {
        for (k, v) in pairs {
            if v.is_empty() {
                map.remove(k);
            } else {
                map.insert(k.clone(), v.clone());
            }
        }
    }
}

pub fn validate_resource(resource: &str) -> Result<()> {
    let ok = !resource.is_empty()
        && resource.len() <= 64
        && resource.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !resource.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(Field::Resource, "reason-azure-resource", Args::new().text("resource", resource)))
    }
}

pub fn validate_model(model: &str) -> Result<()> {
    if model.trim().is_empty() || model.chars().any(|c| c.is_control()) || model.trim() != model {
        return Err(Error::invalid(Field::Model, "reason-model-name", Args::new().text("model", model.escape_debug())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_windows_as_people_write_them() {
        for (text, want) in [("262144", 262_144), ("262,144", 262_144), ("128k", 128_000), ("1M", 1_000_000), (" 200_000 ", 200_000), ("", 0), ("auto", 0), ("0", 0)] {
            assert_eq!(parse_context_window(text).unwrap(), want, "{text}");
        }
        for text in ["12", "lots", "-5", "1.5M", "999999999999999999999", "200M"] {
            let e = parse_context_window(text).unwrap_err();
            assert_eq!(e.field(), Some(Field::ContextWindow), "{text}");
        }
    }
}
