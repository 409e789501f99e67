//! CC Switch's database, read-only: its Codex providers as import candidates.
//!
//! Facts from CC Switch's own source (farion1231/cc-switch, `src-tauri/src/database/`):
//! - the database is `~/.cc-switch/cc-switch.db` (the app can move its folder);
//! - SQLite arrived in 3.8.0 with `PRAGMA user_version` 1; 3.20.0 has 17. Earlier
//!   versions kept providers in `~/.cc-switch/config.json` (not read here);
//! - table `providers (id, app_type, name, settings_config, ..., meta, ...)`, primary
//!   key `(id, app_type)`; upgrades add columns at the end, so columns are selected
//!   by name and their order never matters;
//! - a Codex provider is a row with `app_type = 'codex'`; `settings_config` is JSON
//!   `{"auth": {"OPENAI_API_KEY": "..."}, "config": "<config.toml text>"}`, the TOML
//!   naming `model_provider`, `model` and a `[model_providers.<x>]` table (the key
//!   may also sit in its `experimental_bearer_token`); since 3.16 `<x>` is always
//!   `custom`, so ids come from the provider's name; `meta.apiFormat` is
//!   `openai_chat` or `anthropic` for upstreams CC Switch converts through its proxy, and
//!   `meta.providerType` (`codex_oauth`, `xai_oauth`, `github_copilot`) marks a sign-in
//!   CC Switch manages itself, with no key to carry over.
//!
//! The file is opened with SQLITE_OPEN_READ_ONLY: nothing is ever written to it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::locale::{Args, Words};
use crate::provider::secret::Key;

/// The `user_version`s this reader knows: CC Switch 3.8.0 (1) to 3.20.0 (17).
pub const MIN_VERSION: i64 = 1;
pub const MAX_VERSION: i64 = 17;

/// `~/.cc-switch/cc-switch.db`.
pub fn default_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().join(".cc-switch").join("cc-switch.db"))
}

/// One Codex provider as CC Switch stores it, decoded. `Debug` never shows the key.
#[derive(Debug, Clone)]
pub struct Row {
    pub source_id: String,
    pub name: String,
    pub base_url: Option<String>,
    pub model: Option<String>,
    pub wire_api: Option<String>,
    /// `meta.apiFormat`, when set.
    pub api_format: Option<String>,
    /// `meta.providerType` is a sign-in CC Switch manages (`codex_oauth`, `xai_oauth`, `github_copilot`).
    pub sign_in: bool,
    pub key: Option<Key>,
    /// Why `settings_config` could not be decoded, if it could not (a `reason-cc-*` message id).
    pub unreadable: Option<&'static str>,
}

/// What the database is, and its Codex providers.
#[derive(Debug, Clone)]
pub struct Database {
    pub path: PathBuf,
    pub version: i64,
    pub rows: Vec<Row>,
}

/// Reads the Codex providers of the database at `path`, read-only. An unknown
/// `user_version` is refused before any provider is read.
pub fn read(path: &Path) -> Result<Database> {
    if !path.is_file() {
        return Err(Error::CcSwitchMissing(path.to_owned()));
    }
    let bad = |e: rusqlite::Error| Error::CcSwitchRead { path: path.to_owned(), reason: Words::new("reason-detail", Args::new().text("detail", first_line(&e.to_string()))) };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(bad)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(bad)?;
    if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
        return Err(Error::CcSwitchVersion { path: path.to_owned(), version, min: MIN_VERSION, max: MAX_VERSION });
    }
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('providers')")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(bad)?;
    let has = |c: &str| columns.iter().any(|x| x == c);
    if !["id", "app_type", "name", "settings_config"].iter().all(|c| has(c)) {
        return Err(Error::CcSwitchRead { path: path.to_owned(), reason: Words::new("reason-cc-no-table", Args::new()) });
    }
    let meta = if has("meta") { "meta" } else { "NULL" };
    let order = if has("sort_index") { "sort_index IS NULL, sort_index, rowid" } else { "rowid" };
    let sql = format!("SELECT id, name, settings_config, {meta} FROM providers WHERE app_type = 'codex' ORDER BY {order}");
    let mut stmt = conn.prepare(&sql).map_err(bad)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, Option<String>>(3)?))
        })
        .map_err(bad)?
        .map(|r| r.map(|(id, name, settings, meta)| decode(id, name, settings.as_deref().unwrap_or(""), meta.as_deref())))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(bad)?;
    Ok(Database { path: path.to_owned(), version, rows })
}

/// Decodes one row's `settings_config` (and `meta`). Never fails: a row that
/// cannot be read says why in `unreadable`, without quoting it.
pub fn decode(source_id: String, name: String, settings: &str, meta: Option<&str>) -> Row {
    let mut row = Row { source_id, name, base_url: None, model: None, wire_api: None, api_format: None, sign_in: false, key: None, unreadable: None };
    let meta = meta.and_then(|m| serde_json::from_str::<serde_json::Value>(m).ok());
    let meta_str = |k: &str| meta.as_ref().and_then(|m| m.get(k)).and_then(|v| v.as_str()).map(str::to_owned);
    row.api_format = meta_str("apiFormat");
    row.sign_in = meta_str("providerType").is_some_and(|t| t.ends_with("_oauth") || t == "github_copilot");
    let Ok(json) = serde_json::from_str::<serde_json::Value>(settings) else {
        row.unreadable = Some("reason-cc-settings-not-json");
        return row;
    };
    let from_auth = json.pointer("/auth/OPENAI_API_KEY").and_then(|v| v.as_str()).map(str::trim).filter(|k| !k.is_empty());
    let toml_text = json.get("config").and_then(|v| v.as_str()).unwrap_or("");
    let Ok(doc) = toml_text.parse::<toml_edit::DocumentMut>() else {
        row.unreadable = Some("reason-cc-config-not-toml");
        row.key = from_auth.map(|k| Key::new(k.to_owned()));
        return row;
    };
    let top = |k: &str| doc.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    row.model = top("model");
    let table = top("model_provider").and_then(|p| doc.get("model_providers").and_then(|t| t.get(&p)).and_then(|t| t.as_table_like()).map(|t| {
        let s = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        (s("base_url"), s("wire_api"), s("experimental_bearer_token"))
    }));
    if let Some((base_url, wire_api, token)) = table {
        row.base_url = base_url.map(|u| u.trim().to_owned()).filter(|u| !u.is_empty());
        row.wire_api = wire_api;
        let token = token.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        row.key = from_auth.map(str::to_owned).or(token).map(Key::new);
    } else {
        row.key = from_auth.map(|k| Key::new(k.to_owned()));
    }
    row
}

/// An id made from a display name: lowercase letters, digits and `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(crate::provider::table::MAX_ID_LEN - 4).collect();
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "cc-switch".into() } else { out }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim_end_matches('.').to_owned()
}

/// How an import candidate is judged (each surface words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Can be imported.
    Ready,
    /// A provider with the same base URL and model exists (`duplicate_of`).
    Duplicate,
    /// CC Switch's official entry or a sign-in it manages: no base URL or no key of its own.
    Official,
    /// An upstream CC Switch converts from Chat Completions or Anthropic: Codex cannot call it directly.
    NotResponses,
    /// Its settings could not be read, or its URL or model is unusable (`problem`).
    Unusable,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_rows_as_cc_switch_writes_them() {
        let cfg = |provider: &str, extra: &str| {
            serde_json::json!({"auth": {"OPENAI_API_KEY": "sk-row"}, "config": format!(
                "model_provider = \"{provider}\"\nmodel = \"gpt-5-codex\"\n\n[model_providers.{provider}]\nname = \"X\"\nbase_url = \"https://api.x.example/v1\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n{extra}")})
            .to_string()
        };
        let r = decode("p1".into(), "X".into(), &cfg("custom", ""), Some("{}"));
        assert_eq!((r.base_url.as_deref(), r.model.as_deref(), r.key.as_ref().map(Key::expose), r.unreadable.clone()), (Some("https://api.x.example/v1"), Some("gpt-5-codex"), Some("sk-row"), None));
        assert!(!format!("{r:?}").contains("sk-row"), "Debug redacts the key");
        let token_only = serde_json::json!({"auth": {}, "config": "model_provider = \"t\"\nmodel = \"m\"\n[model_providers.t]\nbase_url = \"https://t/v1\"\nexperimental_bearer_token = \"sk-tok\"\n"}).to_string();
        assert_eq!(decode("p2".into(), "T".into(), &token_only, None).key.as_ref().map(Key::expose), Some("sk-tok"));
        let official = serde_json::json!({"auth": {}, "config": ""}).to_string();
        let r = decode("codex-official".into(), "OpenAI Official".into(), &official, None);
        assert_eq!((r.base_url, r.key.is_none()), (None, true));
        let chat = decode("p3".into(), "C".into(), &cfg("custom", ""), Some("{\"apiFormat\":\"openai_chat\"}"));
        assert_eq!((chat.api_format.as_deref(), chat.sign_in), (Some("openai_chat"), false));
        assert!(decode("x".into(), "G".into(), &cfg("custom", ""), Some("{\"providerType\":\"xai_oauth\"}")).sign_in);
        let broken = decode("p4".into(), "B".into(), "{not json sk-hidden", None);
        assert!(broken.unreadable.as_deref().is_some_and(|u| !u.contains("sk-hidden")));
        assert!(!format!("{:?}", broken.unreadable).contains("sk-"));
    }

    #[test]
    fn slugs() {
        for (name, want) in [("OpenRouter", "openrouter"), ("DeepSeek (China) v3", "deepseek-china-v3"), ("  ", "cc-switch"), ("中文", "cc-switch"), ("AiHubMix!!", "aihubmix")] {
            assert_eq!(slug(name), want, "{name}");
        }
        assert!(slug(&"a".repeat(200)).len() <= crate::provider::table::MAX_ID_LEN - 4);
    }
}
