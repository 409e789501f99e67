//! The rows of the preset table (`preset`): one row per provider, from the
//! vendors' own documents (base URL, default model, the API Codex reaches it in,
//! the other API's address where it differs, how the bridge speaks to it).

use super::api::Api;
use super::preset_row::{Host, KeyNeed, Preset, PresetId};
use crate::bridge::dialect;
use crate::provider::field::{Field, FormField, Place};

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

/// A row with the defaults most providers take (filled in by each row).
const ROW: Preset = Preset {
    preset: PresetId::Custom,
    name: "",
    default_id: "",
    default_model: None,
    base_url: "",
    key: KeyNeed::Required,
    fields: CHAT_FIELDS,
    stream_idle_timeout_ms: None,
    hosts: &[],
    api: Api::Responses,
    other_url: None,
    dialect: &dialect::GENERIC,
};

/// A provider that serves only Chat Completions, or whose Responses API refuses
/// Codex's tools: reached through the bridge, where those tools become functions.
const CHAT: Preset = Preset { api: Api::Chat, ..ROW };

pub const PRESETS: &[Preset] = &[
    Preset {
        preset: PresetId::Azure,
        name: "Azure AI Foundry",
        default_id: "azure",
        base_url: "https://{resource}.openai.azure.com/openai/v1",
        fields: &[
            f(Field::Resource, Main, Hidden, true),
            f(Field::Deployment, Main, Main, true),
            f(Field::BaseUrl, More, Hidden, false),
            f(Field::ApiVersion, More, More, false),
            HEADERS,
            ENV_HEADERS,
            WINDOW,
        ],
        hosts: &[Host::Contains(".openai.azure."), Host::Suffix(".services.ai.azure.com")],
        ..ROW
    },
    Preset {
        preset: PresetId::Vercel,
        name: "Vercel AI Gateway",
        default_id: "vercel",
        default_model: Some("openai/gpt-5-codex"),
        base_url: "https://ai-gateway.vercel.sh/v1",
        hosts: &[Host::Exact("ai-gateway.vercel.sh")],
        ..ROW
    },
    Preset {
        preset: PresetId::Openrouter,
        name: "OpenRouter",
        default_id: "openrouter",
        default_model: Some("openai/gpt-5.3-codex"),
        base_url: "https://openrouter.ai/api/v1",
        hosts: &[Host::Exact("openrouter.ai")],
        ..ROW
    },
    Preset {
        preset: PresetId::Ollama,
        name: "Ollama (local)",
        default_id: "ollama-local",
        default_model: Some("gpt-oss:20b"),
        base_url: "http://localhost:11434/v1",
        key: KeyNeed::None,
        stream_idle_timeout_ms: Some(600_000),
        hosts: &[Host::Suffix(":11434")],
        dialect: &dialect::OLLAMA,
        ..ROW
    },
    Preset {
        preset: PresetId::Lmstudio,
        name: "LM Studio (local)",
        default_id: "lmstudio-local",
        default_model: Some("openai/gpt-oss-20b"),
        base_url: "http://localhost:1234/v1",
        key: KeyNeed::None,
        stream_idle_timeout_ms: Some(600_000),
        hosts: &[Host::Suffix(":1234")],
        ..ROW
    },
    Preset {
        preset: PresetId::Kimi,
        name: "Kimi (Moonshot AI)",
        default_id: "kimi",
        default_model: Some("kimi-k2.6"),
        base_url: "https://api.moonshot.ai/v1",
        hosts: &[Host::Exact("api.moonshot.ai"), Host::Exact("api.moonshot.cn")],
        dialect: &dialect::KIMI,
        ..CHAT
    },
    Preset {
        preset: PresetId::KimiCoding,
        name: "Kimi for Coding",
        default_id: "kimi-coding",
        default_model: Some("kimi-for-coding"),
        base_url: "https://api.kimi.com/coding/v1",
        hosts: &[Host::Exact("api.kimi.com")],
        dialect: &dialect::KIMI,
        ..CHAT
    },
    Preset {
        preset: PresetId::Glm,
        name: "Zhipu GLM (BigModel)",
        default_id: "glm",
        default_model: Some("glm-5.3"),
        base_url: "https://open.bigmodel.cn/api/v1",
        other_url: Some("https://open.bigmodel.cn/api/paas/v4"),
        hosts: &[Host::Exact("open.bigmodel.cn")],
        dialect: &dialect::GLM,
        ..ROW
    },
    Preset {
        preset: PresetId::GlmCoding,
        name: "GLM Coding Plan (Zhipu)",
        default_id: "glm-coding",
        default_model: Some("glm-5.3"),
        base_url: "https://open.bigmodel.cn/api/v1",
        other_url: Some("https://open.bigmodel.cn/api/coding/paas/v4"),
        hosts: &[Host::Exact("open.bigmodel.cn")],
        dialect: &dialect::GLM,
        ..ROW
    },
    Preset {
        preset: PresetId::Zai,
        name: "Z.ai (GLM)",
        default_id: "zai",
        default_model: Some("glm-5.3"),
        base_url: "https://api.z.ai/api/v1",
        other_url: Some("https://api.z.ai/api/paas/v4"),
        hosts: &[Host::Exact("api.z.ai")],
        dialect: &dialect::GLM,
        ..ROW
    },
    Preset {
        preset: PresetId::ZaiCoding,
        name: "GLM Coding Plan (Z.ai)",
        default_id: "zai-coding",
        default_model: Some("glm-5.3"),
        base_url: "https://api.z.ai/api/v1",
        other_url: Some("https://api.z.ai/api/coding/paas/v4"),
        hosts: &[Host::Exact("api.z.ai")],
        dialect: &dialect::GLM,
        ..ROW
    },
    Preset {
        preset: PresetId::Deepseek,
        name: "DeepSeek",
        default_id: "deepseek",
        default_model: Some("deepseek-flash"),
        base_url: "https://api.deepseek.com",
        hosts: &[Host::Exact("api.deepseek.com")],
        dialect: &dialect::DEEPSEEK,
        ..ROW
    },
    Preset {
        preset: PresetId::Qwen,
        name: "Alibaba Qwen (Model Studio, China)",
        default_id: "qwen",
        default_model: Some("qwen3.8-max"),
        base_url: "https://dashscope.aliyuncs.com/compatible-mode/v1",
        hosts: &[Host::Exact("dashscope.aliyuncs.com"), Host::Suffix(".cn-beijing.maas.aliyuncs.com")],
        ..ROW
    },
    Preset {
        preset: PresetId::QwenIntl,
        name: "Alibaba Qwen (Model Studio, international)",
        default_id: "qwen-intl",
        default_model: Some("qwen3.8-max"),
        base_url: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
        hosts: &[Host::Exact("dashscope-intl.aliyuncs.com"), Host::Exact("dashscope-us.aliyuncs.com"), Host::Suffix(".maas.aliyuncs.com")],
        ..ROW
    },
    Preset {
        preset: PresetId::Ark,
        name: "Volcengine Ark (Doubao)",
        default_id: "ark",
        default_model: Some("doubao-seed-2-1-pro-260628"),
        base_url: "https://ark.cn-beijing.volces.com/api/v3",
        hosts: &[Host::Suffix(".volces.com"), Host::Suffix(".bytepluses.com")],
        ..ROW
    },
    Preset {
        preset: PresetId::Minimax,
        name: "MiniMax (China)",
        default_id: "minimax",
        default_model: Some("MiniMax-M3"),
        base_url: "https://api.minimaxi.com/v1",
        hosts: &[Host::Exact("api.minimaxi.com")],
        ..CHAT
    },
    Preset {
        preset: PresetId::MinimaxIntl,
        name: "MiniMax (international)",
        default_id: "minimax-intl",
        default_model: Some("MiniMax-M3"),
        base_url: "https://api.minimax.io/v1",
        hosts: &[Host::Exact("api.minimax.io")],
        ..CHAT
    },
    Preset {
        preset: PresetId::Mimo,
        name: "Xiaomi MiMo",
        default_id: "mimo",
        default_model: Some("mimo-v2.5-pro"),
        base_url: "https://api.xiaomimimo.com/v1",
        hosts: &[Host::Suffix("xiaomimimo.com")],
        ..CHAT
    },
    Preset {
        preset: PresetId::Hunyuan,
        name: "Tencent Hunyuan (TokenHub)",
        default_id: "hunyuan",
        default_model: Some("hy3"),
        base_url: "https://tokenhub.tencentmaas.com/v1",
        hosts: &[Host::Suffix("tokenhub.tencentmaas.com"), Host::Exact("tokenhub.tencentmaas.cn"), Host::Exact("tokenhub-intl.tencentmaas.com"), Host::Exact("api.hunyuan.cloud.tencent.com")],
        ..CHAT
    },
    Preset {
        preset: PresetId::Stepfun,
        name: "StepFun",
        default_id: "stepfun",
        default_model: Some("step-3.7-flash"),
        base_url: "https://api.stepfun.com/v1",
        hosts: &[Host::Exact("api.stepfun.com"), Host::Exact("api.stepfun.ai")],
        ..CHAT
    },
    Preset {
        preset: PresetId::Qianfan,
        name: "Baidu Qianfan",
        default_id: "qianfan",
        default_model: Some("ernie-5.1"),
        base_url: "https://qianfan.baidubce.com/v2",
        hosts: &[Host::Exact("qianfan.baidubce.com")],
        ..CHAT
    },
    Preset {
        preset: PresetId::Xai,
        name: "xAI (Grok)",
        default_id: "xai",
        default_model: Some("grok-4.7"),
        base_url: "https://api.x.ai/v1",
        hosts: &[Host::Exact("api.x.ai")],
        ..ROW
    },
    Preset {
        preset: PresetId::Groq,
        name: "Groq",
        default_id: "groq",
        default_model: Some("openai/gpt-oss-120b"),
        base_url: "https://api.groq.com/openai/v1",
        hosts: &[Host::Exact("api.groq.com")],
        dialect: &dialect::GROQ,
        ..CHAT
    },
    Preset {
        preset: PresetId::Mistral,
        name: "Mistral",
        default_id: "mistral",
        default_model: Some("mistral-medium-latest"),
        base_url: "https://api.mistral.ai/v1",
        hosts: &[Host::Exact("api.mistral.ai")],
        // Its Responses API is a preview that leaves Codex's hosted and custom tools out.
        dialect: &dialect::MISTRAL,
        ..CHAT
    },
    Preset {
        preset: PresetId::ChatGateway,
        name: "Chat Completions gateway",
        default_id: "chat-gateway",
        key: KeyNeed::Optional,
        fields: &[f(Field::Model, Main, Main, true), f(Field::BaseUrl, Main, Main, true), HEADERS, ENV_HEADERS, WINDOW],
        ..CHAT
    },
    Preset {
        preset: PresetId::Custom,
        name: "Custom provider",
        default_id: "custom",
        key: KeyNeed::Optional,
        fields: &[f(Field::Model, Main, Main, true), f(Field::BaseUrl, Main, Main, true), HEADERS, ENV_HEADERS, WINDOW],
        ..ROW
    },
];

