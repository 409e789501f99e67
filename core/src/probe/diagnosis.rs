//! The diagnosis codes: the one word a test ends in, and a verdict: a code with its sentence and its fix.

use serde::Serialize;

use crate::locale::{self, Args, Language};

/// A diagnosis code. The strings are a contract: the UI and scripts rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Diagnosis {
    Ok,
    MissingKey,
    TokenCommandFailed,
    InvalidConfig,
    Dns,
    Unreachable,
    Tls,
    Timeout,
    Unauthorized,
    WrongBaseUrl,
    NoResponsesApi,
    /// The Responses API answers, but refuses the tools Codex sends.
    ToolsRefused,
    ModelNotFound,
    AzureApiVersion,
    RateLimited,
    ProviderError,
    UnexpectedResponse,
}

impl Diagnosis {
    /// Every code, for tables that must cover them all.
    pub const ALL: [Diagnosis; 17] = [
        Diagnosis::Ok,
        Diagnosis::MissingKey,
        Diagnosis::TokenCommandFailed,
        Diagnosis::InvalidConfig,
        Diagnosis::Dns,
        Diagnosis::Unreachable,
        Diagnosis::Tls,
        Diagnosis::Timeout,
        Diagnosis::Unauthorized,
        Diagnosis::WrongBaseUrl,
        Diagnosis::NoResponsesApi,
        Diagnosis::ToolsRefused,
        Diagnosis::ModelNotFound,
        Diagnosis::AzureApiVersion,
        Diagnosis::RateLimited,
        Diagnosis::ProviderError,
        Diagnosis::UnexpectedResponse,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Diagnosis::Ok => "ok",
            Diagnosis::MissingKey => "missing_key",
            Diagnosis::TokenCommandFailed => "token_command_failed",
            Diagnosis::InvalidConfig => "invalid_config",
            Diagnosis::Dns => "dns",
            Diagnosis::Unreachable => "unreachable",
            Diagnosis::Tls => "tls",
            Diagnosis::Timeout => "timeout",
            Diagnosis::Unauthorized => "unauthorized",
            Diagnosis::WrongBaseUrl => "wrong_base_url",
            Diagnosis::NoResponsesApi => "no_responses_api",
            Diagnosis::ToolsRefused => "tools_refused",
            Diagnosis::ModelNotFound => "model_not_found",
            Diagnosis::AzureApiVersion => "azure_api_version",
            Diagnosis::RateLimited => "rate_limited",
            Diagnosis::ProviderError => "provider_error",
            Diagnosis::UnexpectedResponse => "unexpected_response",
        }
    }
}

impl std::fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.code())
    }
}

/// A diagnosis with its sentence and its fix, worded for the CLI (`hint`) and
/// for the window (`fix`, its buttons and fields where the CLI's names a command).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub diagnosis: Diagnosis,
    pub message: String,
    pub hint: String,
    pub fix: String,
}

/// A fix as each surface words it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hint {
    pub cli: String,
    pub window: String,
}

impl Hint {
    /// The message `id` (a `-hint`) in `lang`; the window's is its `-fix` where there is one.
    pub fn worded(lang: Language, id: &str, args: Args) -> Hint {
        let window = match id.strip_suffix("-hint") {
            Some(base) => locale::catalog::text_preferring(lang, &format!("{base}-fix"), id, &args),
            None => locale::text(lang, id, &args),
        };
        Hint { cli: locale::text(lang, id, &args), window }
    }

    /// An error's fix: the CLI's hint and the window's.
    pub fn of(e: &crate::error::Error, lang: Language) -> Hint {
        Hint { cli: e.hint_in(lang), window: e.fix_in(lang) }
    }
}

impl From<&str> for Hint {
    fn from(s: &str) -> Hint {
        Hint::from(s.to_owned())
    }
}

impl From<String> for Hint {
    fn from(s: String) -> Hint {
        Hint { window: s.clone(), cli: s }
    }
}

pub fn verdict(diagnosis: Diagnosis, message: impl Into<String>, hint: impl Into<Hint>) -> Verdict {
    let hint = hint.into();
    Verdict { diagnosis, message: message.into(), hint: hint.cli, fix: hint.window }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_contract() {
        for d in Diagnosis::ALL {
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{}\"", d.code()));
        }
        let cases = [(Diagnosis::NoResponsesApi, "no_responses_api"), (Diagnosis::AzureApiVersion, "azure_api_version"), (Diagnosis::Ok, "ok")];
        for (d, code) in cases {
            assert_eq!(d.code(), code);
        }
    }
}
