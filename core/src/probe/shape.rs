//! The checks that need no network: the provider table and the shape of its
//! base URL. Pure: an entry in, the parsed endpoint or a verdict out.

use super::endpoint::{Endpoint, path_of};
use super::diagnosis::{Diagnosis, Verdict, verdict};
use crate::provider::table::{self, ProviderEntry};

/// Validates the URL and table without the network. Returns the base URL.
pub fn check(entry: &ProviderEntry) -> Result<Endpoint, Verdict> {
    let id = &entry.id;
    if let Err(e) = table::validate_id(id) {
        return Err(verdict(Diagnosis::InvalidConfig, e.to_string(), e.hint()));
    }
    if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
        return Err(verdict(
            Diagnosis::InvalidConfig,
            format!("wire_api is \"{w}\", which Codex no longer accepts; it only speaks the Responses API."),
            "Set wire_api = \"responses\" if the provider supports it, or use one that does.",
        ));
    }
    if entry.auth_conflict {
        return Err(verdict(
            Diagnosis::InvalidConfig,
            "The provider has an [auth] table and also env_key, experimental_bearer_token or requires_openai_auth; Codex refuses to load that.",
            format!("Keep one way of giving the key: run `switchboard edit {id} --key-stdin` to let Switchboard tidy it."),
        ));
    }
    let base = entry.base_url.clone().unwrap_or_default();
    if base.is_empty() {
        return Err(verdict(Diagnosis::InvalidConfig, "The provider has no base_url.", format!("Set one with `switchboard edit {id} --base-url URL`.")));
    }
    if let Err(e) = table::validate_url("base URL", &base) {
        return Err(verdict(Diagnosis::InvalidConfig, e.to_string(), e.hint()));
    }
    let Some(ep) = Endpoint::parse(&base) else {
        return Err(verdict(
            Diagnosis::InvalidConfig,
            format!("The base URL {base} cannot be parsed."),
            format!("Set a URL such as https://host/v1 with `switchboard edit {id} --base-url URL`."),
        ));
    };
    let path = ep.path().to_owned();
    for tail in ["/responses", "/chat/completions", "/completions"] {
        if path.ends_with(tail) {
            let text = ep.as_str();
            let fixed = text.strip_suffix(tail).unwrap_or(text);
            return Err(verdict(
                Diagnosis::WrongBaseUrl,
                format!("Your base URL ends in {tail}, but Codex adds /responses itself."),
                format!("Use {fixed} as the base URL: `switchboard edit {id} --base-url {fixed}`."),
            ));
        }
    }
    if let Some(expected) = ep.known_base() {
        let want = path_of(expected);
        if !path.starts_with(&want) {
            return Err(verdict(
                Diagnosis::WrongBaseUrl,
                format!("{} serves its API under {want}, which your base URL lacks.", ep.host()),
                format!("Use {expected}: `switchboard edit {id} --base-url {expected}`."),
            ));
        }
    }
    if ep.host().contains(".openai.azure.") && !path.starts_with("/openai") {
        let fixed = format!("{}/openai/v1", ep.origin());
        return Err(verdict(Diagnosis::WrongBaseUrl, "Azure OpenAI serves its API under /openai, which your base URL lacks.", format!("Use {fixed}.")));
    }
    Ok(ep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str) -> ProviderEntry {
        ProviderEntry { name: Some("P".into()), ..ProviderEntry::from_url("p", url) }
    }

    #[test]
    fn url_shape_is_checked_before_the_network() {
        let cases = [
            ("https://h.example/v1", None),
            ("https://h.example/v1/responses", Some(Diagnosis::WrongBaseUrl)),
            ("https://h.example/v1/chat/completions/", Some(Diagnosis::WrongBaseUrl)),
            ("https://openrouter.ai/v1", Some(Diagnosis::WrongBaseUrl)),
            ("https://openrouter.ai/api/v1", None),
            ("https://ai-gateway.vercel.sh", Some(Diagnosis::WrongBaseUrl)),
            ("https://contoso.openai.azure.com/v1", Some(Diagnosis::WrongBaseUrl)),
            ("https://contoso.openai.azure.com/openai/v1", None),
            ("ftp://h/v1", Some(Diagnosis::InvalidConfig)),
            ("", Some(Diagnosis::InvalidConfig)),
        ];
        for (url, want) in cases {
            assert_eq!(check(&entry(url)).err().map(|v| v.diagnosis), want, "{url}");
        }
    }

    #[test]
    fn table_problems_are_invalid_config() {
        let mut chat = entry("https://h/v1");
        chat.wire_api = Some("chat".into());
        let mut conflict = entry("https://h/v1");
        conflict.auth_conflict = true;
        let bad_id = ProviderEntry::from_url("bad id", "https://h/v1");
        for e in [chat, conflict, bad_id] {
            assert_eq!(check(&e).err().map(|v| v.diagnosis), Some(Diagnosis::InvalidConfig), "{e:?}");
        }
    }

    #[test]
    fn the_fix_quotes_the_url_without_the_tail() {
        let v = check(&entry("http://127.0.0.1:9/v1/chat/completions")).err().unwrap();
        assert!(v.hint.contains("--base-url http://127.0.0.1:9/v1`"), "{}", v.hint);
    }
}
