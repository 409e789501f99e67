//! Where a provider's key comes from, as Codex gets it.

use serde::Serialize;

/// How Codex gets the key for a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Auth {
    /// `[auth]` runs `switchboard token <id>`, which reads the OS keychain.
    Keychain,
    /// `env_key` names a variable the user manages.
    Env { var: String },
    /// `[auth]` runs the user's own command.
    Command {
        command: String,
        args: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        refresh_interval_ms: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        timeout_ms: Option<u64>,
    },
    /// No key (Ollama).
    None,
    /// A hand-written `experimental_bearer_token`: read, never written.
    FileToken,
}

/// `Auth` without its details, as a listing shows it. `Openai` is Codex's own sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AuthMode {
    Keychain,
    Env,
    Command,
    None,
    FileToken,
    Openai,
}

impl AuthMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthMode::Keychain => "keychain",
            AuthMode::Env => "env",
            AuthMode::Command => "command",
            AuthMode::None => "none",
            AuthMode::FileToken => "file_token",
            AuthMode::Openai => "openai",
        }
    }
}

impl Auth {
    pub fn mode(&self) -> AuthMode {
        match self {
            Auth::Keychain => AuthMode::Keychain,
            Auth::Env { .. } => AuthMode::Env,
            Auth::Command { .. } => AuthMode::Command,
            Auth::None => AuthMode::None,
            Auth::FileToken => AuthMode::FileToken,
        }
    }
}
