//! The share format: providers described without their keys, as a
//! `switchboard://import?...` link or a `.switchboard.toml` file.
//!
//! Both carry the same fields (README, "Sharing a provider"). Reading goes
//! through one path: link or file → raw fields → `SharedProvider`, where the
//! checks live: a field that holds a secret, or a header that looks like one,
//! refuses the whole share without quoting the value; unknown fields are
//! ignored with a warning, so an older Switchboard reads a newer file.

use serde::Serialize;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::error::{Error, Result};
use crate::locale::{Args, Words};
use crate::provider::api::Api;
use crate::provider::preset::PresetId;
use crate::provider::table::StringMap;

/// The format version this Switchboard writes and reads.
pub const VERSION: u64 = 1;
/// The URL scheme the app registers.
pub const SCHEME: &str = "switchboard";
/// How a share file's name ends.
pub const FILE_SUFFIX: &str = ".switchboard.toml";
/// The largest share read, link or file.
pub const MAX_BYTES: usize = 256 * 1024;
const MAX_PROVIDERS: usize = 100;

/// How the recipient's Codex gets the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum SharedAuth {
    /// The recipient pastes their own key; it goes to their keychain.
    Keychain,
    /// Codex reads the variable `var` (its name only is shared).
    Env { var: String },
    /// Codex runs this program for a token. Importing it needs a separate yes.
    Command {
        command: String,
        args: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        refresh_interval_ms: Option<u64>,
    },
    None,
}

impl SharedAuth {
    fn word(&self) -> &'static str {
        match self {
            SharedAuth::Keychain => "keychain",
            SharedAuth::Env { .. } => "env",
            SharedAuth::Command { .. } => "command",
            SharedAuth::None => "none",
        }
    }

    /// The command line in full, for the confirmation (`None` unless a command).
    pub fn command_line(&self) -> Option<String> {
        match self {
            SharedAuth::Command { command, args, .. } => {
                Some(std::iter::once(command).chain(args).map(|a| shell_word(a)).collect::<Vec<_>>().join(" "))
            }
            _ => None,
        }
    }
}

/// One provider as shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharedProvider {
    pub id: String,
    pub preset: PresetId,
    pub name: String,
    /// Absent for an Azure provider given by `resource`.
    pub base_url: Option<String>,
    pub resource: Option<String>,
    pub api_version: Option<String>,
    /// The model (for Azure, the deployment).
    pub model: String,
    pub auth: SharedAuth,
    /// Directly, or through the recipient's own bridge.
    pub api: Api,
    pub query: StringMap,
    pub headers: StringMap,
    pub env_headers: StringMap,
}

/// A share: one provider or a team's whole set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Share {
    pub version: u64,
    pub providers: Vec<SharedProvider>,
}

/// A share as read, with what was ignored.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Read {
    pub share: Share,
    /// What was ignored, one sentence each.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub warnings: Vec<Words>,
}

/// Field names that hold a secret: a share carrying one is refused.
const SECRET_FIELDS: &[&str] =
    &["key", "api_key", "apikey", "token", "secret", "password", "bearer", "access_token", "experimental_bearer_token", "auth_token"];

fn is_secret_field(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace('-', "_");
    SECRET_FIELDS.contains(&n.as_str())
}

/// Whether a static header would carry a credential: by its name
/// (`Authorization`, `api-key`, anything with token/secret/key/auth/password/cookie)
/// or by its value (bearer-shaped, or a long opaque string).
pub fn is_credential_header(name: &str, value: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["auth", "key", "token", "secret", "password", "cookie", "session", "signature"].iter().any(|w| n.contains(w))
        || looks_secret(value)
}

/// A value shaped like a credential: `Bearer …`/`Basic …`, a known key prefix, or a
/// long run of letters and digits with no spaces.
pub fn looks_secret(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if ["bearer ", "basic ", "token ", "sk-", "sk_", "ghp_", "github_pat_", "xox", "akia", "eyj"].iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let opaque = v.len() >= 24 && !v.contains(char::is_whitespace) && !v.contains("://");
    let letters = v.chars().filter(char::is_ascii_alphabetic).count();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    opaque && letters > 0 && digits >= 3
}

/// A command-line word as a shell would need it, for display.
fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c)) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

// ---------------------------------------------------------------- writing

impl Share {
    pub fn new(providers: Vec<SharedProvider>) -> Self {
        Share { version: VERSION, providers }
    }

    /// `switchboard://import?v=1&id=…&preset=…`; each provider starts at its `id`.
    pub fn to_link(&self) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("v", &self.version.to_string());
        for p in &self.providers {
            for (k, v) in p.fields() {
                match v {
                    Field::Str(s) => {
                        q.append_pair(k, &s);
                    }
                    Field::List(items) => {
                        for s in items {
                            q.append_pair("arg", &s);
                        }
                    }
                    Field::Map(m) => {
                        let prefix = link_map_prefix(k);
                        for (mk, mv) in m {
                            q.append_pair(&format!("{prefix}.{mk}"), &mv);
                        }
                    }
                }
            }
        }
        format!("{SCHEME}://import?{}", q.finish())
    }

    /// The share file: `version = 1` and one `[[provider]]` table each.
    pub fn to_toml(&self) -> String {
        let mut doc = DocumentMut::new();
        doc.decor_mut().set_prefix(
            "# Switchboard providers, shared without their keys.\n\
             # Import: switchboard import THIS_FILE (or open it with the Switchboard app).\n",
        );
        doc["version"] = toml_edit::value(self.version as i64);
        let mut tables = toml_edit::ArrayOfTables::new();
        for p in &self.providers {
            let mut t = Table::new();
            for (k, v) in p.fields() {
                let value = match v {
                    Field::Str(s) if k == "refresh_interval_ms" => Value::from(s.parse::<i64>().unwrap_or(0)),
                    Field::Str(s) => Value::from(s),
                    Field::List(items) => Value::Array(items.iter().map(String::as_str).collect::<Array>()),
                    Field::Map(m) => {
                        let mut it = InlineTable::new();
                        for (mk, mv) in &m {
                            it.insert(mk, Value::from(mv.as_str()));
                        }
                        Value::InlineTable(it)
                    }
                };
                t.insert(k, Item::Value(value));
            }
            tables.push(t);
        }
        doc.insert("provider", Item::ArrayOfTables(tables));
        doc.to_string()
    }
}

enum Field {
    Str(String),
    List(Vec<String>),
    Map(StringMap),
}

fn link_map_prefix(k: &str) -> &'static str {
    match k {
        "query" => "query",
        "headers" => "header",
        _ => "env_header",
    }
}

impl SharedProvider {
    /// The fields in the order both forms write them.
    fn fields(&self) -> Vec<(&'static str, Field)> {
        let mut f = vec![("id", Field::Str(self.id.clone())), ("preset", Field::Str(self.preset.as_str().into()))];
        f.push(("name", Field::Str(self.name.clone())));
        if let Some(u) = &self.base_url {
            f.push(("base_url", Field::Str(u.clone())));
        }
        if let Some(r) = &self.resource {
            f.push(("resource", Field::Str(r.clone())));
        }
        if let Some(v) = &self.api_version {
            f.push(("api_version", Field::Str(v.clone())));
        }
        f.push((if self.preset == PresetId::Azure { "deployment" } else { "model" }, Field::Str(self.model.clone())));
        f.push(("auth", Field::Str(self.auth.word().into())));
        if self.api == Api::Chat {
            f.push(("api", Field::Str(self.api.as_str().into())));
        }
        match &self.auth {
            SharedAuth::Env { var } => f.push(("env_key", Field::Str(var.clone()))),
            SharedAuth::Command { command, args, refresh_interval_ms } => {
                f.push(("command", Field::Str(command.clone())));
                if !args.is_empty() {
                    f.push(("args", Field::List(args.clone())));
                }
                if let Some(ms) = refresh_interval_ms {
                    f.push(("refresh_interval_ms", Field::Str(ms.to_string())));
                }
            }
            SharedAuth::Keychain | SharedAuth::None => {}
        }
        for (k, m) in [("query", &self.query), ("headers", &self.headers), ("env_headers", &self.env_headers)] {
            if !m.is_empty() {
                f.push((k, Field::Map(m.clone())));
            }
        }
        f
    }
}

// ---------------------------------------------------------------- reading

/// A field as found, before it is checked.
enum Raw {
    Str(String),
    Int(i64),
    List(Vec<String>),
    Map(Vec<(String, String)>),
    Other(&'static str),
}

type RawProvider = Vec<(String, Raw)>;

/// The share is refused for the reason `id` (a `reason-share-*` message) says.
fn bad(id: &'static str, args: Args) -> Error {
    Error::BadShare(Words::new(id, args))
}

/// Reads a link or a file's text: a link starts with `switchboard:`.
pub fn read(text: &str) -> Result<Read> {
    let t = text.trim();
    if t.len() > MAX_BYTES {
        return Err(bad("reason-share-too-large", Args::new()));
    }
    if t.get(..SCHEME.len() + 1).is_some_and(|s| s.eq_ignore_ascii_case(&format!("{SCHEME}:"))) { read_link(t) } else { read_toml(t) }
}

/// Reads `switchboard://import?...`.
pub fn read_link(link: &str) -> Result<Read> {
    let url = url::Url::parse(link.trim()).map_err(|_| bad("reason-share-link-not-url", Args::new()))?;
    if url.scheme() != SCHEME || url.host_str() != Some("import") {
        return Err(bad("reason-share-link-scheme", Args::new().text("scheme", SCHEME)));
    }
    let mut version = None;
    let mut warnings = Vec::new();
    let mut providers: Vec<RawProvider> = Vec::new();
    for (k, v) in url.query_pairs() {
        let (k, v) = (k.into_owned(), v.into_owned());
        if is_secret_field(&k) {
            return Err(Error::ShareHasKey(k));
        }
        if k == "v" {
            version = Some(v.parse::<u64>().map_err(|_| bad("reason-share-link-version", Args::new()))?);
            continue;
        }
        if k == "id" {
            providers.push(Vec::new());
        }
        let Some(p) = providers.last_mut() else {
            warnings.push(Words::new("share-ignored-before-id", Args::new().text("key", &k)));
            continue;
        };
        let (map, sub) = match k.split_once('.') {
            Some(("query", s)) => ("query", s),
            Some(("header", s)) => ("headers", s),
            Some(("env_header", s)) => ("env_headers", s),
            _ => ("", ""),
        };
        if !map.is_empty() {
            push_map(p, map, sub, v);
        } else if k == "arg" {
            match p.iter_mut().find(|(n, _)| n == "args") {
                Some((_, Raw::List(l))) => l.push(v),
                _ => p.push(("args".into(), Raw::List(vec![v]))),
            }
        } else {
            p.push((k, Raw::Str(v)));
        }
    }
    check_version(version)?;
    finish(providers, warnings)
}

fn push_map(p: &mut RawProvider, map: &str, k: &str, v: String) {
    match p.iter_mut().find(|(n, _)| n == map) {
        Some((_, Raw::Map(m))) => m.push((k.to_owned(), v)),
        _ => p.push((map.to_owned(), Raw::Map(vec![(k.to_owned(), v)]))),
    }
}

fn check_version(version: Option<u64>) -> Result<()> {
    match version {
        None => Err(bad("reason-share-no-version", Args::new())),
        Some(VERSION) => Ok(()),
        Some(v) => Err(Error::ShareVersion(v)),
    }
}

/// Reads a `.switchboard.toml` file's text.
pub fn read_toml(text: &str) -> Result<Read> {
    // A parse error never quotes the text: a broken line may hold a pasted key.
    let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1)).unwrap_or(1);
        bad("reason-share-not-toml", Args::new().text("scheme", SCHEME).number("line", line as u32))
    })?;
    let mut warnings = Vec::new();
    let mut version = None;
    let mut providers = Vec::new();
    for (k, item) in doc.iter() {
        if is_secret_field(k) {
            return Err(Error::ShareHasKey(k.into()));
        }
        match k {
            "version" => version = Some(item.as_integer().filter(|n| *n >= 0).ok_or_else(|| bad("reason-share-version", Args::new()))? as u64),
            "provider" => {
                let tables = item.as_array_of_tables().ok_or_else(|| bad("reason-share-provider-list", Args::new()))?;
                for t in tables.iter() {
                    providers.push(raw_table(t)?);
                }
            }
            other => warnings.push(Words::new("share-ignored", Args::new().text("key", other))),
        }
    }
    check_version(version)?;
    finish(providers, warnings)
}

fn raw_table(t: &Table) -> Result<RawProvider> {
    let mut out = Vec::new();
    for (k, item) in t.iter() {
        if is_secret_field(k) {
            return Err(Error::ShareHasKey(k.into()));
        }
        let raw = match item.as_value() {
            Some(Value::String(s)) => Raw::Str(s.value().clone()),
            Some(Value::Integer(n)) => Raw::Int(*n.value()),
            Some(Value::Array(a)) => Raw::List(a.iter().map(|v| v.as_str().map(str::to_owned).ok_or_else(|| bad("reason-share-list-not-text", Args::new().text("key", k)))).collect::<Result<_>>()?),
            Some(Value::InlineTable(it)) => Raw::Map(map_pairs(k, it.iter().map(|(a, b)| (a, Some(b))))?),
            _ => match item.as_table_like() {
                Some(tl) => Raw::Map(map_pairs(k, tl.iter().map(|(a, b)| (a, b.as_value())))?),
                None => Raw::Other(item.type_name()),
            },
        };
        out.push((k.to_owned(), raw));
    }
    Ok(out)
}

fn map_pairs<'a>(k: &str, it: impl Iterator<Item = (&'a str, Option<&'a Value>)>) -> Result<Vec<(String, String)>> {
    it.map(|(a, b)| match b.and_then(Value::as_str) {
        Some(s) => Ok((a.to_owned(), s.to_owned())),
        None => Err(bad("reason-share-map-not-text", Args::new().text("key", format!("{k}.{a}")))),
    })
    .collect()
}

fn finish(raws: Vec<RawProvider>, mut warnings: Vec<Words>) -> Result<Read> {
    if raws.is_empty() {
        return Err(bad("reason-share-empty", Args::new()));
    }
    if raws.len() > MAX_PROVIDERS {
        return Err(bad("reason-share-too-many", Args::new().number("max", MAX_PROVIDERS as u32)));
    }
    let mut providers = Vec::new();
    for raw in raws {
        let p = provider(raw, &mut warnings)?;
        if providers.iter().any(|q: &SharedProvider| q.id == p.id) {
            return Err(bad("reason-share-twice", Args::new().text("id", &p.id)));
        }
        providers.push(p);
    }
    Ok(Read { share: Share::new(providers), warnings })
}

fn provider(raw: RawProvider, warnings: &mut Vec<Words>) -> Result<SharedProvider> {
    let mut f: std::collections::BTreeMap<String, Raw> = std::collections::BTreeMap::new();
    for (k, v) in raw {
        if f.contains_key(&k) {
            return Err(bad("reason-share-key-twice", Args::new().text("key", k)));
        }
        f.insert(k, v);
    }
    let id = match f.get("id") {
        Some(Raw::Str(s)) if !s.is_empty() => s.clone(),
        _ => return Err(bad("reason-share-no-id", Args::new())),
    };
    let mut take_str = |k: &str| -> Result<Option<String>> {
        match f.remove(k) {
            None => Ok(None),
            Some(Raw::Str(s)) => Ok(Some(s)),
            Some(_) => Err(bad("reason-share-field-not-text", Args::new().text("key", k).text("id", &id))),
        }
    };
    take_str("id")?;
    let preset = take_str("preset")?.ok_or_else(|| bad("reason-share-no-preset", Args::new().text("id", &id)))?;
    let preset = crate::provider::preset::PRESETS
        .iter()
        .find(|p| p.preset == preset.as_str())
        .map(|p| p.preset)
        .ok_or_else(|| bad("reason-share-unknown-preset", Args::new().text("id", &id).text("preset", preset.escape_debug())))?;
    let name = take_str("name")?.unwrap_or_else(|| id.clone());
    let base_url = take_str("base_url")?;
    let resource = take_str("resource")?;
    let api_version = take_str("api_version")?;
    let deployment = take_str("deployment")?;
    let model = take_str("model")?.or(deployment).ok_or_else(|| bad("reason-share-no-model", Args::new().text("id", &id)))?;
    let auth_word = take_str("auth")?.ok_or_else(|| bad("reason-share-no-auth", Args::new().text("id", &id)))?;
    let env_key = take_str("env_key")?;
    let command = take_str("command")?;
    let api = match take_str("api")?.as_deref() {
        None => Api::Responses,
        Some(s) => Api::parse(s).ok_or_else(|| bad("reason-share-bad-api", Args::new().text("id", &id).text("value", s.escape_debug())))?,
    };
    let refresh = match f.remove("refresh_interval_ms") {
        None => None,
        Some(Raw::Int(n)) if n >= 0 => Some(n as u64),
        Some(Raw::Str(s)) => Some(s.parse::<u64>().map_err(|_| bad("reason-share-refresh", Args::new().text("id", &id)))?),
        Some(_) => return Err(bad("reason-share-refresh", Args::new().text("id", &id))),
    };
    let args = match f.remove("args") {
        None => Vec::new(),
        Some(Raw::List(l)) => l,
        Some(_) => return Err(bad("reason-share-args", Args::new().text("id", &id))),
    };
    let mut map = |k: &str| -> Result<StringMap> {
        match f.remove(k) {
            None => Ok(StringMap::new()),
            Some(Raw::Map(m)) => {
                let mut out = StringMap::new();
                for (a, b) in m {
                    if out.insert(a.clone(), b).is_some() {
                        return Err(bad("reason-share-map-twice", Args::new().text("key", format!("{k}.{a}")).text("id", &id)));
                    }
                }
                Ok(out)
            }
            Some(_) => Err(bad("reason-share-not-map", Args::new().text("key", k).text("id", &id))),
        }
    };
    let query = map("query")?;
    let headers = map("headers")?;
    let env_headers = map("env_headers")?;
    // A credential in a header, or in a command's arguments, refuses the share; the value is never quoted.
    if let Some((h, _)) = headers.iter().find(|(h, v)| is_credential_header(h, v)) {
        return Err(Error::ShareHasKey(format!("headers.{h}")));
    }
    if args.iter().any(|a| looks_secret(a)) {
        return Err(Error::ShareHasKey("args".into()));
    }
    let auth = match auth_word.as_str() {
        "keychain" => SharedAuth::Keychain,
        "none" => SharedAuth::None,
        "env" => SharedAuth::Env { var: env_key.clone().ok_or_else(|| bad("reason-share-env-no-var", Args::new().text("id", &id)))? },
        "command" => SharedAuth::Command {
            command: command.clone().ok_or_else(|| bad("reason-share-command-missing", Args::new().text("id", &id)))?,
            args,
            refresh_interval_ms: refresh,
        },
        other => return Err(bad("reason-share-bad-auth", Args::new().text("id", &id).text("value", other.escape_debug()))),
    };
    for (k, v) in f {
        warnings.push(match v {
            Raw::Other(t) => Words::new("share-ignored-field-typed", Args::new().text("key", k).text("type", t).text("id", &id)),
            _ => Words::new("share-ignored-field", Args::new().text("key", k).text("id", &id)),
        });
    }
    Ok(SharedProvider { id, preset, name, base_url, resource, api_version, model, auth, api, query, headers, env_headers })
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
