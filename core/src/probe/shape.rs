//! The checks that need no network: the provider table and the shape of its
//! base URL. Pure: an entry in, the parsed endpoint or a verdict out.

use super::endpoint::{Endpoint, path_of};
use super::diagnosis::{Diagnosis, Hint, Verdict, verdict};
use crate::locale::{self, Args, Language};
use crate::provider::table::{self, ProviderEntry};

/// Validates the URL and table without the network, in `lang`'s words. Returns the base URL.
pub fn check(entry: &ProviderEntry, lang: Language) -> Result<Endpoint, Verdict> {
    let id = &entry.id;
    let w = |key: &str, args: Args| locale::text(lang, key, &args);
    let h = |key: &str, args: Args| Hint::worded(lang, key, args);
    let with_id = || Args::new().text("id", id);
    if let Err(e) = table::validate_id(id) {
        return Err(verdict(Diagnosis::InvalidConfig, e.message(lang), Hint::of(&e, lang)));
    }
    if let Some(v) = entry.wire_api.as_deref().filter(|v| *v != "responses") {
        return Err(verdict(Diagnosis::InvalidConfig, w("test-wire-api", Args::new().text("value", v)), h("test-wire-api-hint", Args::new())));
    }
    if entry.auth_conflict {
        return Err(verdict(Diagnosis::InvalidConfig, w("test-auth-conflict", Args::new()), h("test-auth-conflict-hint", with_id())));
    }
    let base = entry.base_url.clone().unwrap_or_default();
    if base.is_empty() {
        return Err(verdict(Diagnosis::InvalidConfig, w("test-no-base-url", Args::new()), h("test-no-base-url-hint", with_id())));
    }
    if let Err(e) = table::validate_url("url-base-url", &base) {
        return Err(verdict(Diagnosis::InvalidConfig, e.message(lang), Hint::of(&e, lang)));
    }
    let Some(ep) = Endpoint::parse(&base) else {
        return Err(verdict(Diagnosis::InvalidConfig, w("test-unparsable-url", Args::new().text("url", &base)), h("test-unparsable-url-hint", with_id())));
    };
    let path = ep.path().to_owned();
    for tail in ["/responses", "/chat/completions", "/completions"] {
        if path.ends_with(tail) {
            let text = ep.as_str();
            let fixed = text.strip_suffix(tail).unwrap_or(text);
            return Err(verdict(
                Diagnosis::WrongBaseUrl,
                w("test-url-tail", Args::new().text("tail", tail)),
                h("test-url-tail-hint", with_id().text("url", fixed)),
            ));
        }
    }
    if let Some(expected) = ep.known_base() {
        let want = path_of(expected);
        if !path.starts_with(&want) {
            return Err(verdict(
                Diagnosis::WrongBaseUrl,
                w("test-url-path", Args::new().text("host", ep.host()).text("path", &want)),
                h("test-url-path-hint", with_id().text("url", expected)),
            ));
        }
    }
    if ep.host().contains(".openai.azure.") && !path.starts_with("/openai") {
        let fixed = format!("{}/openai/v1", ep.origin());
        return Err(verdict(Diagnosis::WrongBaseUrl, w("test-azure-path", Args::new()), h("test-use-url-hint", Args::new().text("url", &fixed))));
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
            assert_eq!(check(&entry(url), Language::English).err().map(|v| v.diagnosis), want, "{url}");
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
            assert_eq!(check(&e, Language::English).err().map(|v| v.diagnosis), Some(Diagnosis::InvalidConfig), "{e:?}");
        }
    }

    #[test]
    fn the_fix_quotes_the_url_without_the_tail() {
        let v = check(&entry("http://127.0.0.1:9/v1/chat/completions"), Language::English).err().unwrap();
        assert!(v.hint.contains("--base-url http://127.0.0.1:9/v1`"), "{}", v.hint);
    }
}
