//! The presets: one data table. Adding a provider is adding a row.
//! The row also draws the window's form (`fields`), gives the CLI's
//! `presets` listing, and recognises a provider's host (`hosts`).

use serde::{Deserialize, Serialize};

use super::api::Api;
use crate::bridge::request::Caps;
use crate::error::{Error, Result};
use crate::locale::{self, Args, Language};
use crate::provider::field::{Field, FormField, Place};

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
    Kimi,
    Glm,
    Zai,
    Deepseek,
    Mistral,
    #[serde(rename = "chat-gateway")]
    ChatGateway,
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
            PresetId::Kimi => "kimi",
            PresetId::Glm => "glm",
            PresetId::Zai => "zai",
            PresetId::Deepseek => "deepseek",
            PresetId::Mistral => "mistral",
            PresetId::ChatGateway => "chat-gateway",
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
    /// The hosts that mark a provider as made from this preset.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub hosts: &'static [Host],
    /// Directly (`responses`), or through Switchboard's bridge (`chat`).
    pub api: Api,
    /// What the provider takes, for the bridge's requests to it.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub caps: Caps,
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
/// The model's context window, when the user knows better than Switchboard.
const WINDOW: FormField = f(Field::ContextWindow, More, More, false);
/// A chat provider's form: the model, then its own address under "More options".
const CHAT_FIELDS: &[FormField] = &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS, WINDOW];

/// What a chat provider takes unless its row says otherwise: usage in the stream, no
/// `reasoning_effort` (an unknown field some reject).
const CHAT: Caps = Caps { reasoning_effort: false, stream_usage: true };

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
            WINDOW,
        ],
        stream_idle_timeout_ms: None,
        hosts: &[Host::Contains(".openai.azure."), Host::Suffix(".services.ai.azure.com")],
        api: Api::Responses,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Vercel,
        name: "Vercel AI Gateway",
        default_id: "vercel",
        default_model: Some("openai/gpt-5-codex"),
        base_url: "https://ai-gateway.vercel.sh/v1",
        key: KeyNeed::Required,
        fields: &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS, WINDOW],
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("ai-gateway.vercel.sh")],
        api: Api::Responses,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Openrouter,
        name: "OpenRouter",
        default_id: "openrouter",
        default_model: Some("openai/gpt-5.3-codex"),
        base_url: "https://openrouter.ai/api/v1",
        key: KeyNeed::Required,
        fields: &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS, WINDOW],
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("openrouter.ai")],
        api: Api::Responses,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Ollama,
        name: "Ollama (local)",
        default_id: "ollama-local",
        default_model: Some("gpt-oss:20b"),
        base_url: "http://localhost:11434/v1",
        key: KeyNeed::None,
        fields: &[MODEL, OTHER_URL, HEADERS, ENV_HEADERS, WINDOW],
        stream_idle_timeout_ms: Some(600_000),
        hosts: &[Host::Suffix(":11434")],
        api: Api::Responses,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Kimi,
        name: "Kimi (Moonshot AI)",
        default_id: "kimi",
        default_model: Some("kimi-k2.6"),
        base_url: "https://api.moonshot.ai/v1",
        key: KeyNeed::Required,
        fields: CHAT_FIELDS,
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("api.moonshot.ai"), Host::Exact("api.moonshot.cn")],
        api: Api::Chat,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Glm,
        name: "Zhipu GLM (BigModel)",
        default_id: "glm",
        default_model: Some("glm-5.1"),
        base_url: "https://open.bigmodel.cn/api/paas/v4",
        key: KeyNeed::Required,
        fields: CHAT_FIELDS,
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("open.bigmodel.cn")],
        api: Api::Chat,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Zai,
        name: "Z.ai (GLM)",
        default_id: "zai",
        default_model: Some("glm-5.1"),
        base_url: "https://api.z.ai/api/paas/v4",
        key: KeyNeed::Required,
        fields: CHAT_FIELDS,
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("api.z.ai")],
        api: Api::Chat,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Deepseek,
        name: "DeepSeek",
        default_id: "deepseek",
        default_model: Some("deepseek-v4-pro"),
        base_url: "https://api.deepseek.com",
        key: KeyNeed::Required,
        fields: CHAT_FIELDS,
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("api.deepseek.com")],
        api: Api::Chat,
        caps: Caps { reasoning_effort: true, stream_usage: true },
    },
    Preset {
        preset: PresetId::Mistral,
        name: "Mistral",
        default_id: "mistral",
        default_model: Some("mistral-medium-latest"),
        base_url: "https://api.mistral.ai/v1",
        key: KeyNeed::Required,
        fields: CHAT_FIELDS,
        stream_idle_timeout_ms: None,
        hosts: &[Host::Exact("api.mistral.ai")],
        api: Api::Chat,
        // Its schema has no stream_options, and its reasoning_effort takes other values than Codex's.
        caps: Caps { reasoning_effort: false, stream_usage: false },
    },
    Preset {
        preset: PresetId::ChatGateway,
        name: "Chat Completions gateway",
        default_id: "chat-gateway",
        default_model: None,
        base_url: "",
        key: KeyNeed::Optional,
        fields: &[f(Field::Model, Main, Main, true), f(Field::BaseUrl, Main, Main, true), HEADERS, ENV_HEADERS, WINDOW],
        stream_idle_timeout_ms: None,
        hosts: &[],
        api: Api::Chat,
        caps: CHAT,
    },
    Preset {
        preset: PresetId::Custom,
        name: "Custom provider",
        default_id: "custom",
        default_model: None,
        base_url: "",
        key: KeyNeed::Optional,
        fields: &[f(Field::Model, Main, Main, true), f(Field::BaseUrl, Main, Main, true), HEADERS, ENV_HEADERS, WINDOW],
        stream_idle_timeout_ms: None,
        hosts: &[],
        api: Api::Responses,
        caps: CHAT,
    },
];

/// A preset as a person reads it: its row, with the description and where to
/// get a key worded in a language (`locales/*/core.ftl`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresetView {
    #[serde(flatten)]
    pub preset: Preset,
    /// A one-line description for pickers.
    pub about: String,
    /// Where to get a key.
    pub key_help: String,
}

/// Every preset, worded in `lang` (English for `--json`, which never changes with the language).
pub fn worded(lang: Language) -> Vec<PresetView> {
    PRESETS.iter().map(|p| p.worded(lang)).collect()
}

impl Preset {
    pub fn worded(&self, lang: Language) -> PresetView {
        let (about, key_help) = self.preset.words();
        PresetView { preset: self.clone(), about: locale::text(lang, about, &Args::new()), key_help: locale::text(lang, key_help, &Args::new()) }
    }
}

impl PresetId {
    /// The ids of the description and of where to get a key.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            PresetId::Azure => ("preset-azure-about", "preset-azure-key-help"),
            PresetId::Vercel => ("preset-vercel-about", "preset-vercel-key-help"),
            PresetId::Openrouter => ("preset-openrouter-about", "preset-openrouter-key-help"),
            PresetId::Ollama => ("preset-ollama-about", "preset-ollama-key-help"),
            PresetId::Kimi => ("preset-kimi-about", "preset-kimi-key-help"),
            PresetId::Glm => ("preset-glm-about", "preset-glm-key-help"),
            PresetId::Zai => ("preset-zai-about", "preset-zai-key-help"),
            PresetId::Deepseek => ("preset-deepseek-about", "preset-deepseek-key-help"),
            PresetId::Mistral => ("preset-mistral-about", "preset-mistral-key-help"),
            PresetId::ChatGateway => ("preset-chat-gateway-about", "preset-chat-gateway-key-help"),
            PresetId::Custom | PresetId::BuiltIn => ("preset-custom-about", "preset-custom-key-help"),
        }
    }
}

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


/// Which preset a provider's base URL looks like (for display and the edit form).
pub fn detect_id(base_url: &str) -> PresetId {
    let host = base_url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
    PRESETS.iter().find(|p| p.hosts.iter().any(|h| h.matches(&host))).map_or(PresetId::Custom, |p| p.preset)
}

/// What the provider behind `upstream` takes, from the preset its host matches.
pub fn chat_caps(upstream: &str) -> Caps {
    get(detect_id(upstream)).map_or(CHAT, |p| p.caps)
}

/// `detect_id` as the preset's name.
pub fn detect(base_url: &str) -> &'static str {
    detect_id(base_url).as_str()
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::build::{Inputs, KeySource};
    use crate::provider::table::Auth;

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

