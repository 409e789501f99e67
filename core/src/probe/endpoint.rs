//! A provider's base URL, parsed once with the `url` crate: its host, port,
//! origin and path, the routes Codex calls under it, and where a redirect
//! points. The probe parses URLs nowhere else.

use url::{Host, Url};

use crate::provider::table::StringMap;

#[derive(Debug, Clone)]
pub struct Endpoint {
    url: Url,
    /// The base URL as written, without trailing slashes (hints quote it).
    text: String,
}

impl Endpoint {
    /// Parses a base URL (already checked by `provider::validate_url`).
    pub fn parse(base: &str) -> Option<Endpoint> {
        let text = base.trim_end_matches('/').to_owned();
        let url = Url::parse(&text).ok()?;
        url.host_str()?;
        Some(Endpoint { url, text })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `host` or `host:port` when the URL names a port other than the scheme's default.
    pub fn host(&self) -> String {
        let host = self.url.host_str().unwrap_or("");
        match self.url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_owned(),
        }
    }

    /// The host name to resolve: no port, no IPv6 brackets.
    pub fn host_name(&self) -> String {
        match self.url.host() {
            Some(Host::Ipv6(a)) => a.to_string(),
            Some(h) => h.to_string(),
            None => String::new(),
        }
    }

    /// The port, explicit or the scheme's default.
    pub fn port(&self) -> u16 {
        self.url.port_or_known_default().unwrap_or(443)
    }

    pub fn is_https(&self) -> bool {
        self.url.scheme() == "https"
    }

    /// `scheme://host[:port]`.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.url.scheme(), self.host())
    }

    /// The path without a trailing slash (`""` for the root).
    pub fn path(&self) -> &str {
        self.url.path().trim_end_matches('/')
    }

    /// `{base}{tail}` with the base's own query and then `query_params`, as Codex sends them.
    pub fn route(&self, tail: &str, query: &StringMap) -> String {
        let mut url = self.url.clone();
        url.set_path(&format!("{}{tail}", self.path()));
        let mut parts: Vec<String> = self.url.query().into_iter().filter(|q| !q.is_empty()).map(str::to_owned).collect();
        parts.extend(query.iter().map(|(k, v)| format!("{k}={v}")));
        let query = parts.join("&");
        url.set_query(if query.is_empty() { None } else { Some(&query) });
        url.into()
    }

    /// A route on the origin, ignoring the base path (Ollama's `/api/tags`).
    pub fn on_origin(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Where a `Location` header points, resolved against `route`.
    pub fn resolve(&self, route: &str, location: &str) -> Option<Endpoint> {
        let from = Url::parse(route).unwrap_or_else(|_| self.url.clone());
        let to = from.join(location).ok()?;
        Endpoint::parse(to.as_str())
    }

    /// This URL without a trailing `/responses`, query or fragment: a base URL to suggest.
    pub fn suggested_base(&self) -> String {
        let mut url = self.url.clone();
        url.set_query(None);
        url.set_fragment(None);
        let path = url.path().trim_end_matches('/').trim_end_matches("/responses").to_owned();
        url.set_path(&path);
        url.as_str().trim_end_matches('/').to_owned()
    }

    /// The documented base URL of a well-known host.
    pub fn known_base(&self) -> Option<&'static str> {
        match self.host().as_str() {
            "openrouter.ai" => Some("https://openrouter.ai/api/v1"),
            "ai-gateway.vercel.sh" => Some("https://ai-gateway.vercel.sh/v1"),
            "api.openai.com" => Some("https://api.openai.com/v1"),
            "localhost:11434" | "127.0.0.1:11434" => Some("http://localhost:11434/v1"),
            _ => None,
        }
    }

    /// How to name the service behind this URL in a sentence.
    pub fn display_name(&self) -> String {
        match self.host().as_str() {
            "openrouter.ai" => "OpenRouter".into(),
            "ai-gateway.vercel.sh" => "Vercel AI Gateway".into(),
            "localhost:11434" => "Ollama".into(),
            h => h.to_owned(),
        }
    }

    pub fn is_local(&self) -> bool {
        match self.url.host() {
            Some(Host::Domain(d)) => d == "localhost",
            Some(Host::Ipv4(a)) => a.is_loopback(),
            Some(Host::Ipv6(a)) => a.is_loopback(),
            None => false,
        }
    }
}

/// The path of any URL (`""` when it does not parse), for the known-base table.
pub fn path_of(url: &str) -> String {
    Endpoint::parse(url).map(|e| e.path().to_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_a_base_url() {
        // (base, host, host_name, port, origin, path)
        let cases = [
            ("https://H.example/v1/", "h.example", "h.example", 443, "https://h.example", "/v1"),
            ("http://localhost:11434/v1", "localhost:11434", "localhost", 11434, "http://localhost:11434", "/v1"),
            ("https://h.example:443/api/v1", "h.example", "h.example", 443, "https://h.example", "/api/v1"),
            ("http://[::1]:8080", "[::1]:8080", "::1", 8080, "http://[::1]:8080", ""),
            ("http://127.0.0.1", "127.0.0.1", "127.0.0.1", 80, "http://127.0.0.1", ""),
        ];
        for (base, host, name, port, origin, path) in cases {
            let e = Endpoint::parse(base).unwrap();
            assert_eq!((e.host().as_str(), e.host_name().as_str(), e.port(), e.origin().as_str(), e.path()), (host, name, port, origin, path), "{base}");
        }
        assert!(Endpoint::parse("not a url").is_none());
    }

    #[test]
    fn routes_carry_query_params_as_codex_sends_them() {
        let mut q = StringMap::new();
        q.insert("api-version".into(), "2025-04-01-preview".into());
        let cases = [
            ("https://h/v1", StringMap::new(), "/models", "https://h/v1/models"),
            ("https://h/v1/", q.clone(), "/responses", "https://h/v1/responses?api-version=2025-04-01-preview"),
            ("https://h/openai?x=1", q.clone(), "/responses", "https://h/openai/responses?x=1&api-version=2025-04-01-preview"),
            ("http://h:8080", StringMap::new(), "/models", "http://h:8080/models"),
        ];
        for (base, query, tail, want) in cases {
            assert_eq!(Endpoint::parse(base).unwrap().route(tail, &query), want, "{base}");
        }
    }

    #[test]
    fn redirects_resolve_against_the_route() {
        let e = Endpoint::parse("http://h:1/v1").unwrap();
        let route = e.route("/responses", &StringMap::new());
        let cases = [
            ("/v2/responses", "h:1", "http://h:1/v2"),
            ("https://other.example/api/responses?x=1", "other.example", "https://other.example/api"),
            ("next/responses", "h:1", "http://h:1/v1/next"),
        ];
        for (location, host, base) in cases {
            let to = e.resolve(&route, location).unwrap();
            assert_eq!((to.host().as_str(), to.suggested_base().as_str()), (host, base), "{location}");
        }
    }

    #[test]
    fn known_hosts_and_names() {
        let cases = [
            ("https://openrouter.ai/v1", Some("https://openrouter.ai/api/v1"), "OpenRouter", false),
            ("http://localhost:11434", Some("http://localhost:11434/v1"), "Ollama", true),
            ("http://127.0.0.1:11434/v1", Some("http://localhost:11434/v1"), "127.0.0.1:11434", true),
            ("https://h.example/v1", None, "h.example", false),
            ("http://[::1]:1/v1", None, "[::1]:1", true),
        ];
        for (base, known, name, local) in cases {
            let e = Endpoint::parse(base).unwrap();
            assert_eq!((e.known_base(), e.display_name().as_str(), e.is_local()), (known, name, local), "{base}");
        }
    }
}
