//! What one row of the preset table holds (`presets` has the rows, `preset` the
//! look-ups): the preset's id as users type it, whether it needs a key, the hosts
//! that mark a provider as made from it, and the form it draws.

use serde::{Deserialize, Serialize};

use super::api::Api;
use crate::bridge::dialect::Dialect;
use crate::provider::field::FormField;

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
    Lmstudio,
    Kimi,
    #[serde(rename = "kimi-coding")]
    KimiCoding,
    Glm,
    #[serde(rename = "glm-coding")]
    GlmCoding,
    Zai,
    #[serde(rename = "zai-coding")]
    ZaiCoding,
    Deepseek,
    Qwen,
    #[serde(rename = "qwen-intl")]
    QwenIntl,
    Ark,
    Minimax,
    #[serde(rename = "minimax-intl")]
    MinimaxIntl,
    Mimo,
    Hunyuan,
    Stepfun,
    Qianfan,
    Xai,
    Groq,
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
            PresetId::Lmstudio => "lmstudio",
            PresetId::Kimi => "kimi",
            PresetId::KimiCoding => "kimi-coding",
            PresetId::Glm => "glm",
            PresetId::GlmCoding => "glm-coding",
            PresetId::Zai => "zai",
            PresetId::ZaiCoding => "zai-coding",
            PresetId::Deepseek => "deepseek",
            PresetId::Qwen => "qwen",
            PresetId::QwenIntl => "qwen-intl",
            PresetId::Ark => "ark",
            PresetId::Minimax => "minimax",
            PresetId::MinimaxIntl => "minimax-intl",
            PresetId::Mimo => "mimo",
            PresetId::Hunyuan => "hunyuan",
            PresetId::Stepfun => "stepfun",
            PresetId::Qianfan => "qianfan",
            PresetId::Xai => "xai",
            PresetId::Groq => "groq",
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
    pub fn matches(self, host: &str) -> bool {
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
    /// Directly (`responses`), or through Switchboard's bridge (`chat`), unless the
    /// provider's answers say otherwise when it is added or tested.
    pub api: Api,
    /// The same provider's address for the other API, when it is not `base_url`
    /// (Zhipu serves Responses at `/api/v1` and Chat Completions at `/api/paas/v4`).
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub other_url: Option<&'static str>,
    /// How the bridge speaks to it.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub dialect: &'static Dialect,
}

impl PresetId {
    /// The ids of the description and of where to get a key.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            PresetId::Azure => ("preset-azure-about", "preset-azure-key-help"),
            PresetId::Vercel => ("preset-vercel-about", "preset-vercel-key-help"),
            PresetId::Openrouter => ("preset-openrouter-about", "preset-openrouter-key-help"),
            PresetId::Ollama => ("preset-ollama-about", "preset-ollama-key-help"),
            PresetId::Lmstudio => ("preset-lmstudio-about", "preset-lmstudio-key-help"),
            PresetId::Kimi => ("preset-kimi-about", "preset-kimi-key-help"),
            PresetId::KimiCoding => ("preset-kimi-coding-about", "preset-kimi-coding-key-help"),
            PresetId::Glm => ("preset-glm-about", "preset-glm-key-help"),
            PresetId::GlmCoding => ("preset-glm-coding-about", "preset-glm-coding-key-help"),
            PresetId::Zai => ("preset-zai-about", "preset-zai-key-help"),
            PresetId::ZaiCoding => ("preset-zai-coding-about", "preset-zai-coding-key-help"),
            PresetId::Deepseek => ("preset-deepseek-about", "preset-deepseek-key-help"),
            PresetId::Qwen => ("preset-qwen-about", "preset-qwen-key-help"),
            PresetId::QwenIntl => ("preset-qwen-intl-about", "preset-qwen-intl-key-help"),
            PresetId::Ark => ("preset-ark-about", "preset-ark-key-help"),
            PresetId::Minimax => ("preset-minimax-about", "preset-minimax-key-help"),
            PresetId::MinimaxIntl => ("preset-minimax-intl-about", "preset-minimax-intl-key-help"),
            PresetId::Mimo => ("preset-mimo-about", "preset-mimo-key-help"),
            PresetId::Hunyuan => ("preset-hunyuan-about", "preset-hunyuan-key-help"),
            PresetId::Stepfun => ("preset-stepfun-about", "preset-stepfun-key-help"),
            PresetId::Qianfan => ("preset-qianfan-about", "preset-qianfan-key-help"),
            PresetId::Xai => ("preset-xai-about", "preset-xai-key-help"),
            PresetId::Groq => ("preset-groq-about", "preset-groq-key-help"),
            PresetId::Mistral => ("preset-mistral-about", "preset-mistral-key-help"),
            PresetId::ChatGateway => ("preset-chat-gateway-about", "preset-chat-gateway-key-help"),
            PresetId::Custom | PresetId::BuiltIn => ("preset-custom-about", "preset-custom-key-help"),
        }
    }
}

