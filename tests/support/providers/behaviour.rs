//! Which provider a stand-in acts out: its name, base-URL prefix and model, and
//! what FramingB breaks its first stream with.

/// Which provider a stand-in acts out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    DeepSeek,
    Kimi,
    Glm,
    Mistral,
    Ollama,
    Azure,
    OpenRouter,
    Gemini,
    /// A plain OpenAI-compatible server whose SSE is framed the unusual way: CRLF line
    /// endings, `data:` with no space, no `[DONE]`, and a last event no blank line closes.
    FramingA,
    /// LiteLLM's `ollama_chat`: every tool call at index 0 with its arguments as a JSON
    /// object, `finish_reason: "stop"`; and the very first request breaks with an error
    /// object inside the 200 stream, before any output.
    FramingB,
    /// A plain OpenAI-compatible server that refuses `stream_options` with Mistral's 422.
    RefusesStreamOptions,
}

impl Behaviour {
    pub const ALL: [Behaviour; 11] = [
        Behaviour::DeepSeek,
        Behaviour::Kimi,
        Behaviour::Glm,
        Behaviour::Mistral,
        Behaviour::Ollama,
        Behaviour::Azure,
        Behaviour::OpenRouter,
        Behaviour::Gemini,
        Behaviour::FramingA,
        Behaviour::FramingB,
        Behaviour::RefusesStreamOptions,
    ];

    /// The name its last answer says.
    pub fn name(self) -> &'static str {
        match self {
            Behaviour::DeepSeek => "DeepSeek",
            Behaviour::Kimi => "Kimi",
            Behaviour::Glm => "GLM",
            Behaviour::Mistral => "Mistral",
            Behaviour::Ollama => "Ollama",
            Behaviour::Azure => "Azure",
            Behaviour::OpenRouter => "OpenRouter",
            Behaviour::Gemini => "Gemini",
            Behaviour::FramingA => "FramingA",
            Behaviour::FramingB => "FramingB",
            Behaviour::RefusesStreamOptions => "RefusesStreamOptions",
        }
    }

    /// The path its base URL ends with, as the real provider's does.
    pub fn prefix(self) -> &'static str {
        match self {
            Behaviour::DeepSeek => "",
            Behaviour::Glm => "/api/paas/v4",
            Behaviour::Azure => "/openai/deployments/gpt5-prod",
            Behaviour::OpenRouter => "/api/v1",
            Behaviour::Gemini => "/v1beta/openai",
            _ => "/v1",
        }
    }

    /// The model (Azure: the deployment) a test asks for.
    pub fn model(self) -> &'static str {
        match self {
            Behaviour::DeepSeek => "deepseek-v4-flash",
            Behaviour::Kimi => "kimi-k2.6",
            Behaviour::Glm => "glm-5.1",
            Behaviour::Mistral => "magistral-medium-latest",
            Behaviour::Ollama => "gpt-oss:20b",
            Behaviour::Azure => "gpt5-prod",
            Behaviour::OpenRouter => "google/gemini-3-pro-preview",
            Behaviour::Gemini => "gemini-3-flash-preview",
            Behaviour::FramingA => "framing-a-model",
            Behaviour::FramingB => "ollama_chat/qwen3",
            Behaviour::RefusesStreamOptions => "plain-model",
        }
    }
}

/// What FramingB breaks its first stream with (LiteLLM's error chunk).
pub const FRAMING_B_BREAK: &str = r#"{"error":{"message":"litellm.APIConnectionError: Ollama_chatException - {\"error\":\"model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details\"}","type":null,"param":null,"code":"500"}}"#;
