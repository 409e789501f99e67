//! Keys that live outside the keychain: in plain text in config.toml or a
//! profile file (`experimental_bearer_token`, a credential header), or only in
//! an environment variable (`env_key`), which Codex started from the dock, an
//! IDE or the Codex app does not see. Finding them reads files and nothing
//! else; a finding names the file, the provider and the field, never the value.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::edit::file::TomlFile;
use crate::edit::config_doc::ConfigDoc;
use crate::provider::table::{Auth, ProviderEntry};
use crate::provider::table::read_entry;

/// Where a key sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KeyPlace {
    /// `experimental_bearer_token = "..."`: plain text.
    BearerToken,
    /// A static `http_headers` entry that looks like a credential: plain text.
    Header,
    /// `env_key = "VAR"`: only in the environment of a shell.
    EnvKey,
}

/// One key outside the keychain. Never carries the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    /// The file's name inside the Codex home (`config.toml`, `work.config.toml`).
    pub file: String,
    pub provider: String,
    pub place: KeyPlace,
    /// `experimental_bearer_token`, the header's name, or the variable's name.
    pub name: String,
    /// Whether `secure` can move it into the keychain (Codex sends a keychain
    /// key only as `Authorization: Bearer`).
    pub movable: bool,
}

impl Finding {
    pub fn plain_text(&self) -> bool {
        self.place != KeyPlace::EnvKey
    }

    /// The field as config.toml spells it, for messages.
    pub fn field(&self) -> String {
        match self.place {
            KeyPlace::BearerToken => "experimental_bearer_token".into(),
            KeyPlace::Header => format!("http_headers.{}", self.name),
            KeyPlace::EnvKey => format!("env_key ({})", self.name),
        }
    }
}

/// Header names that carry a credential (compared case-insensitively).
const CREDENTIAL_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "api-key",
    "x-api-key",
    "apikey",
    "api_key",
    "x-goog-api-key",
    "ocp-apim-subscription-key",
    "x-auth-token",
    "x-access-token",
];

/// Whether a static header looks like it holds a credential.
pub fn is_credential_header(name: &str, value: &str) -> bool {
    let n = name.to_ascii_lowercase();
    CREDENTIAL_HEADERS.contains(&n.as_str())
        || n.contains("token")
        || n.contains("secret")
        || n.ends_with("-key")
        || value.trim_start().to_ascii_lowercase().starts_with("bearer ")
}

/// The key a header carries, when Codex can send it from the keychain instead:
/// `Authorization: Bearer X` and Azure's `api-key: X` (Azure accepts the key as a bearer token).
pub fn movable_header_key(name: &str, value: &str) -> Option<String> {
    let n = name.to_ascii_lowercase();
    let v = value.trim();
    match n.as_str() {
        "authorization" => {
            let (scheme, rest) = v.split_once(' ')?;
            (scheme.eq_ignore_ascii_case("bearer") && !rest.trim().is_empty()).then(|| rest.trim().to_owned())
        }
        "api-key" if !v.is_empty() => Some(v.to_owned()),
        _ => None,
    }
}

/// The findings for one provider table.
pub fn in_entry(file: &str, entry: &ProviderEntry, has_bearer_token: bool) -> Vec<Finding> {
    let make = |place, name: &str, movable| Finding { file: file.into(), provider: entry.id.clone(), place, name: name.into(), movable };
    let mut out = Vec::new();
    if has_bearer_token {
        out.push(make(KeyPlace::BearerToken, "experimental_bearer_token", true));
    }
    for (name, value) in &entry.http_headers {
        if is_credential_header(name, value) {
            out.push(make(KeyPlace::Header, name, movable_header_key(name, value).is_some()));
        }
    }
    if let Auth::Env { var } = &entry.auth {
        out.push(make(KeyPlace::EnvKey, var, true));
    }
    out
}

/// The findings in one parsed file.
pub fn in_doc(file: &str, doc: &ConfigDoc) -> Vec<Finding> {
    let mut out = Vec::new();
    for id in doc.provider_ids().unwrap_or_default() {
        let Ok(Some(entry)) = read_entry(doc, &id) else { continue };
        let token = doc.with_provider(&id, |t| Ok(t.contains_key("experimental_bearer_token"))).ok().flatten().unwrap_or(false);
        out.extend(in_entry(file, &entry, token));
    }
    out
}

/// config.toml, then every `*.config.toml` profile file in the home, sorted by name.
pub fn files(home: &Path) -> Vec<PathBuf> {
    let mut profiles: Vec<PathBuf> = std::fs::read_dir(home)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_name().to_str().is_some_and(|n| n.ends_with(".config.toml") && !n.starts_with('.')))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    profiles.sort();
    let mut all = vec![home.join("config.toml")];
    all.extend(profiles);
    all
}

/// Every key outside the keychain in the home's files. Files that do not parse
/// are skipped (doctor reports them).
pub fn scan(home: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    for path in files(home) {
        let file = TomlFile::plain(path.clone(), home.join("switchboard-backups"));
        let Ok(doc) = file.load() else { continue };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.extend(in_doc(&name, &doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_headers() {
        let cases = [
            ("Authorization", "Bearer sk-1", true, Some("sk-1")),
            ("authorization", "bearer   sk-2 ", true, Some("sk-2")),
            ("Authorization", "Basic dXNlcg==", true, None),
            ("api-key", "az-1", true, Some("az-1")),
            ("X-Api-Key", "k", true, None),
            ("x-goog-api-key", "k", true, None),
            ("X-Auth-Token", "k", true, None),
            ("X-Client-Secret", "k", true, None),
            ("X-Custom", "Bearer abc", true, None),
            ("X-Title", "Switchboard", false, None),
            ("HTTP-Referer", "https://x", false, None),
        ];
        for (name, value, credential, movable) in cases {
            assert_eq!(is_credential_header(name, value), credential, "{name}");
            assert_eq!(movable_header_key(name, value).as_deref(), movable, "{name}");
        }
    }

    #[test]
    fn findings_name_the_field_and_never_the_value() {
        let text = "model_provider = \"a\"\n\
            [model_providers.a]\nname = \"A\"\nbase_url = \"https://a/v1\"\nexperimental_bearer_token = \"sk-aaa\"\n\
            [model_providers.b]\nname = \"B\"\nbase_url = \"https://b/v1\"\nhttp_headers = { Authorization = \"Bearer sk-bbb\", X-Title = \"t\", x-api-key = \"sk-ccc\" }\n\
            [model_providers.c]\nname = \"C\"\nbase_url = \"https://c/v1\"\nenv_key = \"C_KEY\"\n\
            [model_providers.d]\nname = \"D\"\nbase_url = \"https://d/v1\"\n";
        let doc = ConfigDoc::parse(text.into(), Path::new("config.toml")).unwrap();
        let found = in_doc("config.toml", &doc);
        let got: Vec<(String, KeyPlace, String, bool)> = found.iter().map(|f| (f.provider.clone(), f.place, f.field(), f.movable)).collect();
        assert_eq!(
            got,
            vec![
                ("a".into(), KeyPlace::BearerToken, "experimental_bearer_token".into(), true),
                ("b".into(), KeyPlace::Header, "http_headers.Authorization".into(), true),
                ("b".into(), KeyPlace::Header, "http_headers.x-api-key".into(), false),
                ("c".into(), KeyPlace::EnvKey, "env_key (C_KEY)".into(), true),
            ]
        );
        let json = serde_json::to_string(&found).unwrap();
        for secret in ["sk-aaa", "sk-bbb", "sk-ccc", "aaa", "bbb"] {
            assert!(!json.contains(secret), "{json}");
        }
    }
}
