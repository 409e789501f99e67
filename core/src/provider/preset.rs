//! The presets: one data table, one builder. Adding a provider is adding a row.
//! The row also draws the window's form (`fields`), gives the CLI's
//! `presets` listing, and recognises a provider's host (`hosts`).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::provider::field::{Field, FormField, Place};
use crate::provider::table::{Auth, ProviderSpec, StringMap};

/// Whether a preset needs a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KeyNeed {
    Required,
    Optional,
    None,
}

/// A preset's id, as typed in `switchboard add <preset>`. `BuiltIn` marks a
/// provider built into Codex in a listing; it has no row in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PresetId {
    Azure,
    Vercel,
    Openrouter,
    Ollama,
    Custom,
    BuiltIn,
}

impl PresetId {
    pub fn as_str(self) -> &'static str {
        match self {
            PresetId::Azure => "azure",
            PresetId::Vercel => "vercel",
            PresetId::Openrouter => "openrouter",
            PresetId::Ollama => "ollama",
            PresetId::Custom => "custom",
            PresetId::BuiltIn => "built_in",
        }
    }
}

impl std::fmt::Display for PresetId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq<&str> for PresetId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// How a preset recognises a provider's host (lower-case, with its port).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Exact(&'static str),
    Suffix(&'static str),
    Contains(&'static str),
}

impl Host {
    fn matches(self, host: &str) -> bool {
        match self {
            Host::Exact(h) => host == h,
            Host::Suffix(h) => host.ends_with(h),
            Host::Contains(h) => host.contains(h),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preset {
    /// What users type: `switchboard add <preset>`.
    pub preset: PresetId,
    /// Display name written as the provider's `name`.
    pub name: &'static str,
    pub default_id: &'static str,
    pub default_model: Option<&'static str>,
    /// `{resource}` is replaced by `--resource`. Empty: the user must give `--base-url`.
    pub base_url: &'static str,
    pub key: KeyNeed,
    /// The inputs the form shows, in order, and where. The CLI's `asks_for` derives from it.
    pub fields: &'static [FormField],
    pub stream_idle_timeout_ms: Option<u64>,
    /// A one-line description for pickers.
    pub about: &'static str,
    /// Where to get a key.
    pub key_help: &'static str,
    /// The hosts that mark a provider as made from this preset.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub hosts: &'static [Host],
}

const fn f(field: Field, add: Place, edit: Place, required: bool) -> FormField {
    FormField { field, add, edit, required }
}

use Place::{Hidden, Main, More};

/// The fields every preset ends with.
const MODEL: FormField = f(Field::Model, Main, Main, false);
const OTHER_URL: FormField = f(Field::BaseUrl, More, Main, false);
const HEADERS: FormField = f(Field::Headers, More, More, false);
const ENV_HEADERS: FormField = f(Field::EnvHeaders, More, More, false);

pub const PRESETS: &[Preset] = &[
    Preset {
        preset: PresetId::Azure,
        name: "Azure AI Foundry",
        default_id: "azure",
        default_model: None,
        base_url: "https://{resource}.openai.azure.com/openai/v1",
        key: KeyNeed::Required,
        fields: &[
            f(Field::Resource, Main, Hidden, true),
            f(Field::Deployment, Main, Main, true),
            f(Field::BaseUrl, More, Hidden, false),
            f(Field::ApiVersion, More, More, false),
            HEADERS,
            ENV_HEADERS,
        ],
        stream_idle_timeout_ms: None,
        about: "Your Azure OpenAI / AI Foundry resource; the model is your deployment name.",
        key_help: "Azure portal → your resource → Keys and Endpoint.",
        hosts: &[Host::Contains(".openai.azure."), Host::Suffix(".services.ai.azure.com")],
    },
    Preset {
        preset: PresetId::Vercel,
        name: "Vercel AI Gateway",
        default_id: "vercel",
        default_model: Some("openai/gpt-5-codex"),
        base_url: "https://ai-gateway.vercel.sh/v1",
        key: KeyNeed::Required,
        fields: &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS],
        stream_idle_timeout_ms: None,
        about: "One key for many model makers; models are creator/model slugs.",
        key_help: "Vercel dashboard → AI Gateway → API keys.",
        hosts: &[Host::Exact("ai-gateway.vercel.sh")],
    },
    Preset {
        preset: PresetId::Openrouter,
        name: "OpenRouter",
        default_id: "openrouter",
        default_model: Some("openai/gpt-5.3-codex"),
        base_url: "https://openrouter.ai/api/v1",
        key: KeyNeed::Required,
        fields: &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS],
        stream_idle_timeout_ms: None,
        about: "Hundreds of models behind one key; models are slugs like openai/gpt-5.3-codex.",
        key_help: "openrouter.ai → Keys.",
        hosts: &[Host::Exact("openrouter.ai")],
    },
    Preset {
        preset: PresetId::Ollama,
        name: "Ollama (local)",
        default_id: "ollama-local",
        default_model: Some("gpt-oss:20b"),
        base_url: "http://localhost:11434/v1",
        key: KeyNeed::None,
        fields: &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS],
        stream_idle_timeout_ms: Some(600_000),
        about: "Models running on this machine with Ollama 0.13.3 or later; no key.",
        key_help: "No key needed.",
        hosts: &[Host::Suffix(":11434")],
    },
    Preset {
        preset: PresetId::Custom,
        name: "Custom provider",
        default_id: "custom",
        default_model: None,
        base_url: "",
        key: KeyNeed::Optional,
        fields: &[f(Field::Model, Main, Main, true), f(Field::BaseUrl, Main, Main, true), HEADERS, ENV_HEADERS],
        stream_idle_timeout_ms: None,
        about: "Any gateway that speaks the OpenAI Responses API.",
        key_help: "Ask whoever runs the gateway.",
        hosts: &[],
    },
];

pub fn find(preset: &str) -> Result<&'static Preset> {
    PRESETS.iter().find(|p| p.preset == preset).ok_or_else(|| Error::UnknownPreset(preset.into()))
}

pub fn get(id: PresetId) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.preset == id)
}

impl Preset {
    /// The inputs the preset asks for, in the CLI's words (`switchboard presets`).
    pub fn asks_for(&self) -> Vec<String> {
        let mut out = Vec::new();
        for ff in self.fields.iter().filter(|ff| ff.add == Place::Main) {
            out.push(if ff.required || self.default_model.is_none() { ff.field.flag().to_owned() } else { format!("{} (optional)", ff.field.flag()) });
        }
        match self.key {
            KeyNeed::Required => out.push("key".into()),
            KeyNeed::Optional => out.push("key (optional)".into()),
            KeyNeed::None => {}
        }
        for ff in self.fields.iter().filter(|ff| ff.add == Place::More) {
            out.push(format!("{} (optional)", ff.field.flag()));
        }
        out
    }

    /// Whether adding needs `field` (a required row, or a model with no default).
    pub fn needs(&self, field: Field) -> bool {
        self.fields.iter().any(|ff| ff.field == field && ff.required)
    }
}

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
        let mut query = StringMap::new();
        let mut spec = ProviderSpec {
            id,
            name: inputs.name.clone().unwrap_or_else(|| self.name.to_owned()),
            base_url,
            auth,
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
        Err(Error::invalid(
            Field::Resource,
            format!("`{resource}` is not an Azure resource name (letters, digits and hyphens, as in https://<resource>.openai.azure.com)."),
        ))
    }
}

pub fn validate_model(model: &str) -> Result<()> {
    if model.trim().is_empty() || model.chars().any(|c| c.is_control()) || model.trim() != model {
        return Err(Error::invalid(Field::Model, format!("`{}` is not a usable model name.", model.escape_debug())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyed() -> Inputs {
        Inputs { key: KeySource::Keychain, ..Default::default() }
    }

    #[test]
    fn azure_builds_url_and_takes_deployment_as_model() {
        let i = Inputs { resource: Some("contoso".into()), deployment: Some("gpt5-prod".into()), ..keyed() };
        let (spec, model) = find("azure").unwrap().build(&i).unwrap();
        assert_eq!(spec.base_url, "https://contoso.openai.azure.com/openai/v1");
        assert_eq!(model, "gpt5-prod");
        assert!(spec.query_params.is_empty(), "api-version only when given");
        let i = Inputs { api_version: Some("2025-04-01-preview".into()), ..i };
        let (spec, _) = find("azure").unwrap().build(&i).unwrap();
        assert_eq!(spec.query_params.get("api-version").unwrap(), "2025-04-01-preview");
    }

    #[test]
    fn required_inputs_are_named() {
        let e = find("azure").unwrap().build(&keyed()).unwrap_err();
        assert!(e.to_string().contains("--resource"), "{e}");
        let e = find("openrouter").unwrap().build(&Inputs::default()).unwrap_err();
        assert!(e.to_string().contains("--key-stdin"), "{e}");
        let e = find("custom").unwrap().build(&Inputs { model: Some("m".into()), ..Default::default() }).unwrap_err();
        assert!(e.to_string().contains("--base-url"), "{e}");
        let e = find("nope").unwrap_err();
        assert_eq!(e.code(), "unknown_preset");
    }

    #[test]
    fn ollama_defaults() {
        let (spec, model) = find("ollama").unwrap().build(&Inputs::default()).unwrap();
        assert_eq!(spec.id, "ollama-local");
        assert_eq!(spec.auth, Auth::None);
        assert_eq!(spec.stream_idle_timeout_ms, Some(600_000));
        assert_eq!(spec.base_url, "http://localhost:11434/v1");
        assert_eq!(model, "gpt-oss:20b");
    }

    #[test]
    fn base_url_overrides_every_default() {
        for p in PRESETS {
            let i = Inputs {
                base_url: Some("http://127.0.0.1:9/x/v1".into()),
                model: Some("m".into()),
                resource: Some("r".into()),
                ..keyed()
            };
            let (spec, _) = p.build(&i).unwrap();
            assert_eq!(spec.base_url, "http://127.0.0.1:9/x/v1", "{}", p.preset);
        }
    }

    #[test]
    fn bad_inputs_are_refused() {
        let p = find("custom").unwrap();
        let base = Inputs { model: Some("m".into()), base_url: Some("http://h/v1".into()), ..Default::default() };
        let bad = [
            Inputs { id: Some("openai".into()), ..base.clone() },
            Inputs { id: Some("has space".into()), ..base.clone() },
            Inputs { base_url: Some("file:///etc/passwd".into()), ..base.clone() },
            Inputs { model: Some(" ".into()), ..base.clone() },
            Inputs { headers: vec![("Bad Header".into(), "v".into())], ..base.clone() },
            Inputs { env_headers: vec![("X-Team".into(), "not a var".into())], ..base.clone() },
            Inputs { key: KeySource::Env("1BAD".into()), ..base.clone() },
        ];
        for i in bad {
            assert!(p.build(&i).is_err(), "{i:?}");
        }
        let e = find("azure").unwrap().build(&Inputs { resource: Some("a.b".into()), ..keyed() }).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
    }
}

/// Which preset a provider's base URL looks like (for display and the edit form).
pub fn detect_id(base_url: &str) -> PresetId {
    let host = base_url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
    PRESETS.iter().find(|p| p.hosts.iter().any(|h| h.matches(&host))).map_or(PresetId::Custom, |p| p.preset)
}

/// `detect_id` as the preset's name.
pub fn detect(base_url: &str) -> &'static str {
    detect_id(base_url).as_str()
}
