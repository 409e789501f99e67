//! One `[model_providers.<id>]` table: what we write (`ProviderSpec`), what we
//! read back (`ProviderEntry`), and the rules for ids and URLs.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use toml_edit::{Array, InlineTable, Item, TableLike, Value};

use crate::edit::config_doc::ConfigDoc;
use crate::edit::toml::{Want, type_name};
use crate::locale::Args;
use crate::error::{Error, Result};
use crate::provider::field::Field;
use super::api::Api;
use super::preset::PresetId;

pub use super::builtin::is_built_in;

/// The longest id: every file name derived from it (`<id>.config.toml`, its
/// temporary `.<id>.config.toml.XXXXXX.sbtmp`, `.pending-<id>.json`) stays far
/// below the 255-byte limit of common file systems.
pub const MAX_ID_LEN: usize = 64;
/// The longest display name.
pub const MAX_NAME_LEN: usize = 200;

/// An id must be `[A-Za-z0-9_-]{1,64}` and not one Codex has built in.
pub fn validate_id(id: &str) -> Result<()> {
    if id.is_empty() || id.len() > MAX_ID_LEN || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Error::InvalidId(id.into()));
    }
    if is_built_in(id) {
        return Err(Error::ReservedId(id.into()));
    }
    Ok(())
}

/// A URL must be absolute http(s) with a host, and no spaces or control characters.
/// `what` is a message id naming the URL (`url-base-url`).
pub fn validate_url(what: &'static str, url: &str) -> Result<()> {
    let bad = |reason| Err(Error::InvalidUrl { what, url: url.into(), reason });
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r
    } else if let Some(r) = url.strip_prefix("http://") {
        r
    } else {
        return bad("url-scheme");
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("url-spaces");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    if authority.contains('@') {
        return bad("url-userinfo");
    }
    let host_only = if host.starts_with('[') { host.split(']').next().unwrap_or("") } else { host.split(':').next().unwrap_or("") };
    if host_only.trim_start_matches('[').is_empty() {
        return bad("url-no-host");
    }
    if let Some(port) = host.strip_prefix(host_only).and_then(|p| p.strip_prefix(']').or(Some(p))).and_then(|p| p.strip_prefix(':')) {
        if port.parse::<u16>().is_err() {
            return bad("url-port");
        }
    }
    if rest.contains('#') {
        return bad("url-fragment");
    }
    Ok(())
}

pub use super::auth::{Auth, AuthMode};

pub type StringMap = BTreeMap<String, String>;

/// Everything Switchboard writes into one provider table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderSpec {
    pub id: String,
    pub name: String,
    /// The provider's own base URL (for a bridged provider, the one behind the bridge).
    pub base_url: String,
    pub auth: Auth,
    /// Directly, or through the bridge (then on `bridge_port`).
    pub api: Api,
    pub bridge_port: Option<u16>,
    /// The preset it was made from, when that says how the bridge speaks to it
    /// (written into the bridge URL; see `bridge::route`).
    pub preset: Option<PresetId>,
    pub query_params: StringMap,
    pub http_headers: StringMap,
    pub env_http_headers: StringMap,
    pub stream_idle_timeout_ms: Option<u64>,
}

impl ProviderSpec {
    pub fn validate(&self) -> Result<()> {
        validate_id(&self.id)?;
        if self.name.trim().is_empty() {
            return Err(Error::invalid(Field::Name, "reason-name-empty", Args::new()));
        }
        if self.name.chars().any(char::is_control) {
            return Err(Error::invalid(Field::Name, "reason-name-control", Args::new()));
        }
        if self.name.chars().count() > MAX_NAME_LEN {
            return Err(Error::invalid(Field::Name, "reason-name-long", Args::new().number("max", MAX_NAME_LEN as u32)));
        }
        validate_url("url-base-url", &self.base_url)?;
        if self.api == Api::Chat {
            if self.auth == Auth::FileToken {
                return Err(Error::invalid(Field::Key, "reason-bridge-key-in-file", Args::new()));
            }
            if crate::bridge::route::upstream_of(&self.base_url).is_some() {
                return Err(Error::invalid(Field::BaseUrl, "reason-bridge-own-url", Args::new()));
            }
            if crate::bridge::route::bridge_url(self.port(), None, &self.base_url).is_none() {
                return Err(Error::invalid(Field::BaseUrl, "reason-bridge-url-query", Args::new()));
            }
        }
        for (field, reason, map) in [(Field::Headers, "reason-header-name", &self.http_headers), (Field::EnvHeaders, "reason-env-header-name", &self.env_http_headers)] {
            for k in map.keys() {
                if !is_http_token(k) {
                    return Err(Error::invalid(field, reason, Args::new().text("name", k.escape_debug())));
                }
            }
        }
        for (k, v) in &self.env_http_headers {
            if !is_env_name(v) {
                return Err(Error::invalid(Field::EnvHeaders, "reason-env-header-var", Args::new().text("var", v).text("header", k)));
            }
        }
        for v in self.http_headers.values() {
            if v.chars().any(|c| c.is_control()) {
                return Err(Error::invalid(Field::Headers, "reason-header-control", Args::new()));
            }
        }
        for (k, v) in &self.query_params {
            if k.is_empty() {
                return Err(Error::invalid(Field::Query, "reason-query-empty-name", Args::new()));
            }
            if k.chars().chain(v.chars()).any(|c| c.is_control()) {
                return Err(Error::invalid(Field::Query, "reason-query-control", Args::new()));
            }
        }
        match &self.auth {
            Auth::Env { var } if !is_env_name(var) => {
                Err(Error::invalid(Field::EnvVar, "reason-env-var-name", Args::new().text("var", var)))
            }
            Auth::Command { command, .. } if command.trim().is_empty() => {
                Err(Error::invalid(Field::TokenCommand, "reason-token-command-empty", Args::new()))
            }
            _ => Ok(()),
        }
    }

    /// The preset a bridge URL names: for a bridged provider, the one it was made
    /// from, else the one its host matches; none for a gateway of the user's own, and
    /// none for a provider Codex reaches directly (nothing records it there).
    pub fn bridged_preset(&self) -> Option<PresetId> {
        if self.api != Api::Chat {
            return None;
        }
        let preset = self.preset.unwrap_or_else(|| super::preset::detect_id(&self.base_url));
        (!matches!(preset, PresetId::Custom | PresetId::ChatGateway | PresetId::BuiltIn)).then_some(preset)
    }

    /// `preset` as the table records it (see `bridged_preset`), so a spec and the entry read back agree.
    pub fn settle_preset(&mut self) {
        self.preset = self.bridged_preset();
    }

    fn dialect_preset(&self) -> Option<&'static str> {
        self.bridged_preset().map(PresetId::as_str)
    }

    /// The bridge's port for a bridged provider (the one given, else the default's).
    pub fn port(&self) -> u16 {
        self.bridge_port.unwrap_or_else(crate::bridge::route::port_from_env)
    }

    /// The table's wanted keys. `helper` is the absolute path of the
    /// `switchboard` binary that Codex runs to read the keychain.
    pub fn wants(&self, helper: &Path) -> Vec<(String, Want)> {
        if self.api == Api::Chat {
            return self.bridged_wants(helper);
        }
        let s = |v: &str| Want::Set(Value::from(v));
        let map = |m: &StringMap| {
            if m.is_empty() { Want::Remove } else { Want::Set(Value::InlineTable(inline(m))) }
        };
        let mut w = vec![
            ("name".to_owned(), s(&self.name)),
            ("base_url".to_owned(), s(&self.base_url)),
            ("wire_api".to_owned(), s("responses")),
        ];
        let plain = |w: &mut Vec<(String, Want)>| {
            w.push(("experimental_bearer_token".into(), Want::Remove));
            w.push(("requires_openai_auth".into(), Want::Remove));
        };
        match &self.auth {
            Auth::Env { var } => {
                w.push(("env_key".into(), s(var)));
                plain(&mut w);
            }
            Auth::Keychain | Auth::Command { .. } | Auth::None => {
                w.push(("env_key".into(), Want::Remove));
                plain(&mut w);
            }
            Auth::FileToken => {}
        }
        w.push(("query_params".into(), map(&self.query_params)));
        w.push(("http_headers".into(), map(&self.http_headers)));
        w.push(("env_http_headers".into(), map(&self.env_http_headers)));
        w.push((
            "stream_idle_timeout_ms".into(),
            match self.stream_idle_timeout_ms {
                Some(ms) => Want::Set(Value::from(ms as i64)),
                None => Want::Remove,
            },
        ));
        let opt = |v: Option<u64>| match v {
            Some(ms) => Want::Set(Value::from(ms as i64)),
            None => Want::Remove,
        };
        match &self.auth {
            Auth::Keychain => w.push((
                "auth".into(),
                Want::Table(vec![
                    ("command".into(), s(&helper.to_string_lossy())),
                    ("args".into(), Want::Set(Value::Array(array(&["token", &self.id])))),
                ]),
            )),
            Auth::Command { command, args, refresh_interval_ms, timeout_ms } => {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                w.push((
                    "auth".into(),
                    Want::Table(vec![
                        ("command".into(), s(command)),
                        ("args".into(), Want::Set(Value::Array(array(&args)))),
                        ("timeout_ms".into(), opt(*timeout_ms)),
                        ("refresh_interval_ms".into(), opt(*refresh_interval_ms)),
                    ]),
                ))
            }
            Auth::Env { .. } | Auth::None => w.push(("auth".into(), Want::Remove)),
            Auth::FileToken => {}
        }
        w
    }

    /// A bridged provider's table: the bridge URL, and `[auth]` running the helper
    /// with the bridge's port and where the key comes from (`provider::api`).
    fn bridged_wants(&self, helper: &Path) -> Vec<(String, Want)> {
        let s = |v: &str| Want::Set(Value::from(v));
        let map = |m: &StringMap| {
            if m.is_empty() { Want::Remove } else { Want::Set(Value::InlineTable(inline(m))) }
        };
        let port = self.port();
        let url = crate::bridge::route::bridge_url(port, self.dialect_preset(), &self.base_url).unwrap_or_else(|| self.base_url.clone());
        let args = super::api::bridged_args(&self.id, port, &self.auth);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        vec![
            ("name".to_owned(), s(&self.name)),
            ("base_url".to_owned(), s(&url)),
            ("wire_api".to_owned(), s("responses")),
            ("env_key".into(), Want::Remove),
            ("experimental_bearer_token".into(), Want::Remove),
            ("requires_openai_auth".into(), Want::Remove),
            ("query_params".into(), map(&self.query_params)),
            ("http_headers".into(), map(&self.http_headers)),
            ("env_http_headers".into(), map(&self.env_http_headers)),
            (
                "stream_idle_timeout_ms".into(),
                match self.stream_idle_timeout_ms {
                    Some(ms) => Want::Set(Value::from(ms as i64)),
                    None => Want::Remove,
                },
            ),
            (
                "auth".into(),
                Want::Table(vec![
                    ("command".into(), s(&helper.to_string_lossy())),
                    ("args".into(), Want::Set(Value::Array(array(&args)))),
                    ("timeout_ms".into(), Want::Remove),
                    ("refresh_interval_ms".into(), Want::Set(Value::from(super::api::BRIDGE_REFRESH_MS as i64))),
                ]),
            ),
        ]
    }
}

fn inline(m: &StringMap) -> InlineTable {
    let mut t = InlineTable::new();
    for (k, v) in m {
        t.insert(k, Value::from(v.as_str()));
    }
    t
}

fn array(items: &[&str]) -> Array {
    items.iter().copied().collect()
}

/// An HTTP header name: a `token` of RFC 9110 (what an HTTP client can send).
pub fn is_http_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

pub fn is_env_name(s: &str) -> bool {
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A provider table as found in config.toml (ours or hand-written).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProviderEntry {
    pub id: String,
    pub name: Option<String>,
    /// The provider's own base URL (for a bridged provider, the one behind the bridge).
    pub base_url: Option<String>,
    pub api: Api,
    /// For a bridged provider: the bridge's port.
    pub bridge_port: Option<u16>,
    /// For a bridged provider: the preset its bridge URL names.
    pub preset: Option<PresetId>,
    pub wire_api: Option<String>,
    pub auth: Auth,
    /// `[auth]` together with env_key, experimental_bearer_token or requires_openai_auth (a Codex load error).
    pub auth_conflict: bool,
    /// A hand-written `experimental_bearer_token`, only for the connection test. Never serialised.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub file_token: Option<crate::provider::secret::Key>,
    pub query_params: StringMap,
    pub http_headers: StringMap,
    pub env_http_headers: StringMap,
    pub stream_idle_timeout_ms: Option<u64>,
}

impl ProviderEntry {
    /// Reads a provider table, checking the type of every key we understand.
    pub fn read(id: &str, t: &dyn TableLike, helper_name: &str) -> Result<Self> {
        let path = |k: &str| format!("model_providers.{id}.{k}");
        let string = |t: &dyn TableLike, k: &str, p: String| -> Result<Option<String>> {
            match t.get(k) {
                None => Ok(None),
                Some(item) => item
                    .as_str()
                    .map(|s| Some(s.to_owned()))
                    .ok_or(Error::WrongType { key: p, found: type_name(item), expected: "type-string" }),
            }
        };
        let int = |t: &dyn TableLike, k: &str, p: String| -> Result<Option<u64>> {
            match t.get(k) {
                None => Ok(None),
                Some(item) => match item.as_integer() {
                    Some(n) if n >= 0 => Ok(Some(n as u64)),
                    _ => Err(Error::WrongType { key: p, found: type_name(item), expected: "type-positive-integer" }),
                },
            }
        };
        let map = |k: &str| -> Result<StringMap> {
            match t.get(k) {
                None => Ok(StringMap::new()),
                Some(item) => {
                    let tl = item.as_table_like().ok_or(Error::WrongType {
                        key: path(k),
                        found: type_name(item),
                        expected: "type-table-of-strings",
                    })?;
                    tl.iter()
                        .map(|(name, v)| match v.as_str() {
                            Some(s) => Ok((name.to_owned(), s.to_owned())),
                            None => Err(Error::WrongType {
                                key: format!("{}.{name}", path(k)),
                                found: type_name(v),
                                expected: "type-string",
                            }),
                        })
                        .collect()
                }
            }
        };
        let mut bridge = None;
        let mut as_written = None;
        let auth = match t.get("auth") {
            Some(item) => {
                let at = item.as_table_like().ok_or(Error::WrongType {
                    key: path("auth"),
                    found: type_name(item),
                    expected: "type-table",
                })?;
                let command = string(at, "command", path("auth.command"))?.unwrap_or_default();
                let args = match at.get("args") {
                    None => Vec::new(),
                    Some(Item::Value(Value::Array(a))) => a
                        .iter()
                        .map(|v| {
                            v.as_str().map(str::to_owned).ok_or(Error::WrongType {
                                key: path("auth.args"),
                                found: type_name(&Item::Value(v.clone())),
                                expected: "type-array-of-strings",
                            })
                        })
                        .collect::<Result<_>>()?,
                    Some(other) => {
                        return Err(Error::WrongType {
                            key: path("auth.args"),
                            found: type_name(other),
                            expected: "type-array-of-strings",
                        });
                    }
                };
                let helper = Path::new(&command).file_name().is_some_and(|f| f.to_string_lossy().starts_with(helper_name));
                let bridged = if helper { super::api::parse_bridged(id, &args) } else { None };
                if let Some((port, auth)) = bridged {
                    bridge = Some(port);
                    as_written = Some(Auth::Command {
                        command: command.clone(),
                        args: args.clone(),
                        refresh_interval_ms: int(at, "refresh_interval_ms", path("auth.refresh_interval_ms"))?,
                        timeout_ms: int(at, "timeout_ms", path("auth.timeout_ms"))?,
                    });
                    auth
                } else if helper && args.len() == 2 && args[0] == "token" && args[1] == id {
                    Auth::Keychain
                } else {
                    Auth::Command {
                        command,
                        args,
                        refresh_interval_ms: int(at, "refresh_interval_ms", path("auth.refresh_interval_ms"))?,
                        timeout_ms: int(at, "timeout_ms", path("auth.timeout_ms"))?,
                    }
                }
            }
            None => match string(t, "env_key", path("env_key"))? {
                Some(var) => Auth::Env { var },
                None if t.contains_key("experimental_bearer_token") => Auth::FileToken,
                None => Auth::None,
            },
        };
        let auth_conflict = t.contains_key("auth")
            && (t.contains_key("env_key") || t.contains_key("experimental_bearer_token") || t.contains_key("requires_openai_auth"));
        let written_url = string(t, "base_url", path("base_url"))?;
        // Bridged: the auth command names the bridge and the base URL names the provider behind it.
        let upstream = bridge.and(written_url.as_deref()).and_then(crate::bridge::route::upstream_of).filter(|b| Some(b.port) == bridge);
        // A bridged auth command over a base URL that is not the bridge's: the user's own wiring.
        let auth = match (upstream.is_some(), as_written) {
            (false, Some(written)) => written,
            _ => auth,
        };
        let (api, bridge_port, preset, base_url) = match upstream {
            Some(b) => {
                let preset = b.preset.and_then(|p| serde_json::from_value::<PresetId>(serde_json::Value::String(p)).ok());
                (Api::Chat, Some(b.port), preset, Some(b.upstream))
            }
            None => (Api::Responses, None, None, written_url),
        };
        Ok(ProviderEntry {
            id: id.to_owned(),
            name: string(t, "name", path("name"))?,
            base_url,
            api,
            bridge_port,
            preset,
            wire_api: string(t, "wire_api", path("wire_api"))?,
            auth,
            auth_conflict,
            file_token: string(t, "experimental_bearer_token", path("experimental_bearer_token"))?.map(crate::provider::secret::Key::new),
            query_params: map("query_params")?,
            http_headers: map("http_headers")?,
            env_http_headers: map("env_http_headers")?,
            stream_idle_timeout_ms: int(t, "stream_idle_timeout_ms", path("stream_idle_timeout_ms"))?,
        })
    }

    /// An entry with only an id and a base URL and no key (a URL typed in a form, or a test).
    pub fn from_url(id: &str, base_url: &str) -> Self {
        ProviderEntry {
            id: id.to_owned(),
            name: None,
            base_url: Some(base_url.to_owned()),
            api: Api::Responses,
            bridge_port: None,
            preset: None,
            wire_api: None,
            auth: Auth::None,
            auth_conflict: false,
            file_token: None,
            query_params: StringMap::new(),
            http_headers: StringMap::new(),
            env_http_headers: StringMap::new(),
            stream_idle_timeout_ms: None,
        }
    }

    /// The entry `spec` writes (without a hand-written token: Switchboard never writes one).
    pub fn from_spec(spec: &ProviderSpec) -> Self {
        ProviderEntry {
            id: spec.id.clone(),
            name: Some(spec.name.clone()),
            base_url: Some(spec.base_url.clone()),
            api: spec.api,
            bridge_port: spec.bridge_port,
            preset: spec.preset,
            wire_api: Some("responses".into()),
            auth: spec.auth.clone(),
            auth_conflict: false,
            file_token: None,
            query_params: spec.query_params.clone(),
            http_headers: spec.http_headers.clone(),
            env_http_headers: spec.env_http_headers.clone(),
            stream_idle_timeout_ms: spec.stream_idle_timeout_ms,
        }
    }

    /// The spec that would write this entry back unchanged (for `edit`).
    pub fn to_spec(&self) -> ProviderSpec {
        ProviderSpec {
            id: self.id.clone(),
            name: self.name.clone().unwrap_or_else(|| self.id.clone()),
            base_url: self.base_url.clone().unwrap_or_default(),
            auth: self.auth.clone(),
            api: self.api,
            bridge_port: self.bridge_port,
            preset: self.preset,
            query_params: self.query_params.clone(),
            http_headers: self.http_headers.clone(),
            env_http_headers: self.env_http_headers.clone(),
            stream_idle_timeout_ms: self.stream_idle_timeout_ms,
        }
    }
}

/// The binary name Codex runs for keychain auth (`<helper> token <id>`).
pub const HELPER_NAME: &str = "switchboard";

/// The active provider's id: `model_provider`, else Codex's default `openai`.
pub fn active_provider(doc: &ConfigDoc) -> Result<String> {
    Ok(doc.top_level_str("model_provider")?.unwrap_or_else(|| "openai".into()))
}

/// The provider table `id`, read with Switchboard's helper name, or `None` when absent.
pub fn read_entry(doc: &ConfigDoc, id: &str) -> Result<Option<ProviderEntry>> {
    doc.with_provider(id, |t| ProviderEntry::read(id, t, HELPER_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in ["openrouter", "my_gw-2", "A"] {
            assert!(validate_id(ok).is_ok(), "{ok}");
        }
        assert!(validate_id(&"a".repeat(MAX_ID_LEN)).is_ok());
        for bad in ["", "a b", "a.b", "é", "a/b", "x]", &"a".repeat(MAX_ID_LEN + 1), &"a".repeat(250)] {
            assert!(matches!(validate_id(bad), Err(Error::InvalidId(_))), "{bad}");
        }
        for r in ["openai", "ollama", "lmstudio", "amazon-bedrock", "amazon-bedrock-runtime", "gcp"] {
            assert!(matches!(validate_id(r), Err(Error::ReservedId(_))), "{r}");
        }
    }

    #[test]
    fn urls() {
        for ok in ["https://openrouter.ai/api/v1", "http://127.0.0.1:8080/v1", "http://[::1]:9/v1", "https://h/v1?x=1"] {
            assert!(validate_url("url-base-url", ok).is_ok(), "{ok}");
        }
        for bad in [
            "ftp://x/v1",
            "openrouter.ai/api/v1",
            "https://",
            "https:///v1",
            "https://a b/v1",
            "https://h:99999/v1",
            "https://u:p@h/v1",
            "https://h/v1#x",
            "",
        ] {
            assert!(matches!(validate_url("url-base-url", bad), Err(Error::InvalidUrl { .. })), "{bad}");
        }
    }
}
