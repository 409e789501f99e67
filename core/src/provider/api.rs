//! Which API a provider speaks, and how a bridged one is written in its table.
//!
//! Codex speaks only the Responses API. A provider that speaks only Chat
//! Completions is reached through Switchboard's bridge on 127.0.0.1: its
//! `base_url` is the bridge URL that names it (`bridge::route`), and its `[auth]`
//! runs `switchboard token <id> --bridge <port>`, followed by where the provider's
//! own key comes from:
//!
//! | key from | arguments after `--bridge <port>` |
//! |---|---|
//! | the keychain | (none) |
//! | an environment variable | `--env VAR` |
//! | a token command | `-- CMD ARG...` |
//! | no key | `--no-key` |

use serde::{Deserialize, Serialize};

use super::auth::Auth;

/// The API Codex's requests reach the provider in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Api {
    /// Codex talks to the provider directly (`POST /responses`).
    #[default]
    Responses,
    /// Through Switchboard's bridge, which speaks `POST /chat/completions` to the provider.
    Chat,
}

impl Api {
    pub fn as_str(self) -> &'static str {
        match self {
            Api::Responses => "responses",
            Api::Chat => "chat",
        }
    }

    pub fn parse(s: &str) -> Option<Api> {
        match s {
            "responses" => Some(Api::Responses),
            "chat" => Some(Api::Chat),
            _ => None,
        }
    }
}

impl std::fmt::Display for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// How often Codex runs a bridged provider's auth command again: every request
/// after a second, so a retry after a broken stream (a bridge killed mid-stream)
/// starts a bridge again before it reaches for one.
pub const BRIDGE_REFRESH_MS: u64 = 1000;

/// The auth command's arguments for a bridged provider (see the module comment).
pub fn bridged_args(id: &str, port: u16, auth: &Auth) -> Vec<String> {
    let mut args = vec!["token".to_owned(), id.to_owned(), "--bridge".to_owned(), port.to_string()];
    match auth {
        Auth::Keychain | Auth::FileToken => {}
        Auth::Env { var } => args.extend(["--env".to_owned(), var.clone()]),
        Auth::None => args.push("--no-key".to_owned()),
        Auth::Command { command, args: a, .. } => {
            args.push("--".to_owned());
            args.push(command.clone());
            args.extend(a.iter().cloned());
        }
    }
    args
}

/// The bridge's port and where the key comes from, if `args` are a bridged
/// provider's (`token <id> --bridge <port> ...`).
pub fn parse_bridged(id: &str, args: &[String]) -> Option<(u16, Auth)> {
    let [t, i, flag, port, rest @ ..] = args else { return None };
    if t != "token" || i != id || flag != "--bridge" {
        return None;
    }
    let port: u16 = port.parse().ok()?;
    let auth = match rest {
        [] => Auth::Keychain,
        [e, var] if e == "--env" => Auth::Env { var: var.clone() },
        [n] if n == "--no-key" => Auth::None,
        [dd, command, a @ ..] if dd == "--" => Auth::Command { command: command.clone(), args: a.to_vec(), refresh_interval_ms: None, timeout_ms: None },
        _ => return None,
    };
    Some((port, auth))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_source_round_trips_through_the_arguments() {
        let cases = [
            (Auth::Keychain, vec!["token", "kimi", "--bridge", "15721"]),
            (Auth::Env { var: "MOONSHOT_API_KEY".into() }, vec!["token", "kimi", "--bridge", "15721", "--env", "MOONSHOT_API_KEY"]),
            (Auth::None, vec!["token", "kimi", "--bridge", "15721", "--no-key"]),
            (
                Auth::Command { command: "vault".into(), args: vec!["read".into(), "-field=key".into()], refresh_interval_ms: None, timeout_ms: None },
                vec!["token", "kimi", "--bridge", "15721", "--", "vault", "read", "-field=key"],
            ),
        ];
        for (auth, want) in cases {
            let args = bridged_args("kimi", 15721, &auth);
            assert_eq!(args, want);
            assert_eq!(parse_bridged("kimi", &args), Some((15721, auth)));
        }
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for bad in [s(&["token", "kimi"]), s(&["token", "other", "--bridge", "1"]), s(&["token", "kimi", "--bridge", "x"]), s(&["token", "kimi", "--bridge", "1", "--env"])] {
            assert_eq!(parse_bridged("kimi", &bad), None, "{bad:?}");
        }
        assert_eq!(Api::parse("chat"), Some(Api::Chat));
        assert_eq!(serde_json::to_string(&Api::Responses).unwrap(), "\"responses\"");
    }
}
