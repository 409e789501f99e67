//! Where a bridged request goes, and who may send one. Pure: no I/O.
//!
//! A bridged provider's `base_url` names the bridge and the provider behind it in
//! one readable URL: `http://127.0.0.1:<port>/[<preset>/]<scheme>/<host[:port]>/<path>`,
//! so `http://127.0.0.1:15721/kimi/https/api.moonshot.ai/v1` sends Codex's
//! `POST .../responses` to `POST https://api.moonshot.ai/v1/chat/completions`, spoken
//! as the Kimi preset says (`dialect`). Without a preset (an older table, a custom
//! gateway) the provider's host picks the dialect. Everything about the provider
//! thus stays in its one table in config.toml, and backups, restore, share and
//! remove need nothing of their own.
//!
//! Codex authenticates with what the auth command printed: the bridge's own token
//! (43 characters), then `:` and the provider's credential when it has one. The
//! bridge holds no key: it forwards the one each request brings.

/// The bridge's port when `SWITCHBOARD_BRIDGE_PORT` does not name another.
pub const DEFAULT_PORT: u16 = 15721;
/// The length of the bridge's token (32 random bytes, base64url without padding).
pub const TOKEN_LEN: usize = 43;

/// The port new bridged providers are given: `$SWITCHBOARD_BRIDGE_PORT`, else the default.
pub fn port_from_env() -> u16 {
    std::env::var("SWITCHBOARD_BRIDGE_PORT").ok().and_then(|p| p.parse().ok()).filter(|p| *p > 0).unwrap_or(DEFAULT_PORT)
}

/// A preset's name as a bridge URL carries it: lower-case letters, digits and dashes,
/// and never a scheme's name.
pub fn is_preset_name(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') && s != "http" && s != "https"
}

/// The bridge URL that stands for `upstream` (an absolute http(s) base URL), spoken
/// as `preset` says when one is named.
pub fn bridge_url(port: u16, preset: Option<&str>, upstream: &str) -> Option<String> {
    let (scheme, rest) = upstream.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.trim_end_matches('/');
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.is_empty() || authority.contains(['@', '?', '#']) || path.contains(['?', '#']) {
        return None;
    }
    let preset = match preset {
        Some(p) if is_preset_name(p) => format!("{p}/"),
        Some(_) => return None,
        None => String::new(),
    };
    Some(format!("http://127.0.0.1:{port}/{preset}{scheme}/{authority}{path}"))
}

/// A bridged provider, as its bridge URL names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridged {
    pub port: u16,
    /// The preset the provider was made from, when the URL names one.
    pub preset: Option<String>,
    /// The provider's own base URL.
    pub upstream: String,
}

/// What `bridge_url` made, read back.
pub fn upstream_of(base_url: &str) -> Option<Bridged> {
    let rest = base_url.strip_prefix("http://127.0.0.1:")?;
    let (port, rest) = rest.split_once('/')?;
    let port: u16 = port.parse().ok()?;
    let (preset, rest) = split_preset(rest)?;
    let (scheme, rest) = rest.split_once('/')?;
    if scheme != "http" && scheme != "https" || rest.is_empty() {
        return None;
    }
    Some(Bridged { port, preset, upstream: format!("{scheme}://{}", rest.trim_end_matches('/')) })
}

/// `<preset>/<scheme>/...` or `<scheme>/...`: the preset, if named, and the rest.
fn split_preset(path: &str) -> Option<(Option<String>, &str)> {
    let (first, rest) = path.split_once('/')?;
    if first == "http" || first == "https" {
        return Some((None, path));
    }
    is_preset_name(first).then(|| (Some(first.to_owned()), rest))
}

/// The id a Codex home goes by in the router's URL: made from its path when the
/// router's table is first written, and kept after (a home moved, or copied, keeps it;
/// the auth command tells the router which folder it stands for).
pub fn home_id(home: &std::path::Path) -> String {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(home.to_string_lossy().as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Whether `id` is a home id (16 lower-case hex digits).
pub fn is_home_id(id: &str) -> bool {
    id.len() == 16 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The router's base URL for the Codex home with `id`: `http://127.0.0.1:<port>/codex/<id>/v1`.
pub fn router_url(port: u16, id: &str) -> String {
    format!("http://127.0.0.1:{port}/codex/{id}/v1")
}

/// The port and home id of a router URL (what `router_url` made).
pub fn router_id_of(base_url: &str) -> Option<(u16, String)> {
    let rest = base_url.strip_prefix("http://127.0.0.1:")?;
    let (port, rest) = rest.split_once('/')?;
    let id = rest.strip_prefix("codex/")?.strip_suffix("/v1")?;
    (is_home_id(id)).then(|| Some((port.parse().ok()?, id.to_owned())))?
}

/// What the router is asked for, in a Codex home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouterOp {
    /// `POST .../v1/responses`: to the provider the model names.
    Responses,
    /// `GET .../v1/models`: every model Codex lists, in Codex's catalog format.
    Models,
    /// `GET .../sessions`: the sessions seen lately, for the window.
    Sessions,
    /// `GET .../events`: the requests that failed over lately.
    Events,
}

/// What a request to the bridge asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `POST <upstream base>/responses`: translate to Chat Completions, as `preset` speaks.
    Responses { upstream: String, preset: Option<String> },
    /// `GET <upstream base>/models`: the model metadata Codex merges over its own.
    Models { upstream: String },
    /// The bridge's own state, for the auth command and doctor.
    Health,
    /// Stop accepting and end once the streams in flight finish (an update replaces us).
    Shutdown,
    /// `POST /_switchboard/wants`: which credentials of a home the router lacks.
    Wants,
    /// `POST /_switchboard/credentials`: the auth command hands them over.
    Credentials,
    /// The router, for the Codex home with this id.
    Router { home: String, op: RouterOp },
}

/// Reads a request's path (without the query) as a target.
pub fn target(method: &str, path: &str) -> Option<Target> {
    match (method, path) {
        ("GET", "/_switchboard/health") => return Some(Target::Health),
        ("POST", "/_switchboard/shutdown") => return Some(Target::Shutdown),
        ("POST", "/_switchboard/wants") => return Some(Target::Wants),
        ("POST", "/_switchboard/credentials") => return Some(Target::Credentials),
        _ => {}
    }
    if let Some(rest) = path.strip_prefix("/codex/") {
        let (enc, op) = rest.split_once('/')?;
        let op = match (method, op) {
            ("POST", "v1/responses") => RouterOp::Responses,
            ("GET", "v1/models") => RouterOp::Models,
            ("GET", "sessions") => RouterOp::Sessions,
            ("GET", "events") => RouterOp::Events,
            _ => return None,
        };
        return is_home_id(enc).then(|| Target::Router { home: enc.to_owned(), op });
    }
    let rest = path.strip_prefix('/')?;
    let (preset, rest) = split_preset(rest)?;
    let (scheme, rest) = rest.split_once('/')?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let upstream_of = |base: &str| -> Option<String> {
        let base = percent_decode(base)?;
        let authority = base.split('/').next().unwrap_or("");
        // Decoded, the address is one plain URL: no user info, no query or fragment
        // smuggled in encoded, no backslash, space or control character, no `..`.
        let plain = !base.contains(['?', '#', '\\']) && !base.chars().any(|c| c.is_whitespace() || c.is_control()) && !base.split('/').any(|seg| seg == "..");
        (!authority.is_empty() && !authority.contains('@') && plain).then(|| format!("{scheme}://{base}"))
    };
    match method {
        "POST" => rest.strip_suffix("/responses").and_then(upstream_of).map(|upstream| Target::Responses { upstream, preset }),
        "GET" => rest.strip_suffix("/models").and_then(upstream_of).map(|upstream| Target::Models { upstream }),
        _ => None,
    }
}

fn percent_decode(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s).decode_utf8().ok().map(|c| c.into_owned())
}

/// The Host a request must carry: the bridge's own loopback address and port. Any
/// other (a name a web page resolved to 127.0.0.1: DNS rebinding) is refused.
pub fn host_allowed(host: Option<&str>, port: u16) -> bool {
    matches!(host, Some(h) if h == format!("127.0.0.1:{port}") || h == format!("localhost:{port}"))
}

/// A fresh token: 32 random bytes, base64url.
pub fn new_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the system's random source");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the auth command prints: the token, then the provider's credential, if any.
pub fn composite(token: &str, credential: Option<&str>) -> String {
    match credential {
        Some(c) => format!("{token}:{c}"),
        None => token.to_owned(),
    }
}

/// Splits an `Authorization` header into the bridge's token and the provider's
/// credential; `None` unless the token is exactly `token` (compared in constant time).
pub fn authorize<'a>(header: Option<&'a str>, token: &str) -> Option<Option<&'a str>> {
    use subtle::ConstantTimeEq;
    let bearer = header?.strip_prefix("Bearer ").or_else(|| header?.strip_prefix("bearer "))?;
    let (given, credential) = match bearer.get(..TOKEN_LEN) {
        Some(t) if bearer.len() == TOKEN_LEN => (t, None),
        Some(t) if bearer.as_bytes().get(TOKEN_LEN) == Some(&b':') => (t, Some(&bearer[TOKEN_LEN + 1..])),
        _ => return None,
    };
    if token.len() != TOKEN_LEN || !bool::from(given.as_bytes().ct_eq(token.as_bytes())) {
        return None;
    }
    Some(credential.filter(|c| !c.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_url_names_its_upstream_both_ways() {
        let cases = [
            ("https://api.moonshot.ai/v1", "http://127.0.0.1:15721/https/api.moonshot.ai/v1"),
            ("https://api.deepseek.com", "http://127.0.0.1:15721/https/api.deepseek.com"),
            ("http://127.0.0.1:4000/v1/", "http://127.0.0.1:15721/http/127.0.0.1:4000/v1"),
            ("https://open.bigmodel.cn/api/paas/v4", "http://127.0.0.1:15721/https/open.bigmodel.cn/api/paas/v4"),
        ];
        for (upstream, bridged) in cases {
            assert_eq!(bridge_url(15721, None, upstream).as_deref(), Some(bridged), "{upstream}");
            let want = Bridged { port: 15721, preset: None, upstream: upstream.trim_end_matches('/').to_owned() };
            assert_eq!(upstream_of(bridged), Some(want), "{bridged}");
        }
        // The preset the user chose travels in the URL, before the scheme.
        let mistral = bridge_url(15721, Some("mistral"), "https://llm.corp.example/mistral/v1").unwrap();
        assert_eq!(mistral, "http://127.0.0.1:15721/mistral/https/llm.corp.example/mistral/v1");
        assert_eq!(upstream_of(&mistral), Some(Bridged { port: 15721, preset: Some("mistral".into()), upstream: "https://llm.corp.example/mistral/v1".into() }));
        assert_eq!(bridge_url(15721, Some("kimi-coding"), "https://api.kimi.com/coding/v1").as_deref(), Some("http://127.0.0.1:15721/kimi-coding/https/api.kimi.com/coding/v1"));
        for bad in ["ftp://h/v1", "https://u:p@h/v1", "https://h/v1?x=1", "https://", "h/v1"] {
            assert_eq!(bridge_url(15721, None, bad), None, "{bad}");
        }
        for bad_preset in ["https", "Mistral", "a/b", "", "x y"] {
            assert_eq!(bridge_url(15721, Some(bad_preset), "https://h/v1"), None, "{bad_preset}");
        }
        assert_eq!(upstream_of("https://api.openai.com/v1"), None);
        assert_eq!(upstream_of("http://127.0.0.1:15721/v1"), None);
        assert_eq!(upstream_of("http://127.0.0.1:15721/mistral/v1"), None);
        assert_eq!(upstream_of("http://127.0.0.1:15721/Mistral/https/h/v1"), None);
    }

    #[test]
    fn a_request_path_is_read_as_a_target() {
        let r = |u: &str| Some(Target::Responses { upstream: u.into(), preset: None });
        let cases: &[(&str, &str, Option<Target>)] = &[
            ("POST", "/https/api.moonshot.ai/v1/responses", r("https://api.moonshot.ai/v1")),
            ("POST", "/http/127.0.0.1:4000/v1/responses", r("http://127.0.0.1:4000/v1")),
            ("POST", "/http/%5B::1%5D:4000/v1/responses", r("http://[::1]:4000/v1")),
            ("GET", "/https/api.moonshot.ai/v1/models", Some(Target::Models { upstream: "https://api.moonshot.ai/v1".into() })),
            ("POST", "/mistral/https/llm.corp.example/v1/responses", Some(Target::Responses { upstream: "https://llm.corp.example/v1".into(), preset: Some("mistral".into()) })),
            ("POST", "/Mistral/https/h/v1/responses", None),
            ("GET", "/_switchboard/health", Some(Target::Health)),
            ("POST", "/_switchboard/shutdown", Some(Target::Shutdown)),
            ("GET", "/https/api.moonshot.ai/v1/responses", None),
            ("POST", "/ftp/h/v1/responses", None),
            ("POST", "/https/u@h/v1/responses", None),
            ("POST", "/https/u%40h/v1/responses", None),
            ("POST", "/https/h/v1%3Fx=1/responses", None),
            ("POST", "/https/h/v1%23x/responses", None),
            ("POST", "/https/h%5Cevil/v1/responses", None),
            ("POST", "/https/h/v1%20x/responses", None),
            ("POST", "/https/h/v1%0Ax/responses", None),
            ("POST", "/https/h/a/%2E%2E/v1/responses", None),
            ("POST", "/https//responses", None),
            ("POST", "/responses", None),
            ("DELETE", "/https/h/v1/responses", None),
        ];
        for (method, path, want) in cases {
            assert_eq!(&target(method, path), want, "{method} {path}");
        }
    }

    #[test]
    fn a_router_url_names_its_codex_home_by_an_id() {
        let id = home_id(std::path::Path::new("/home/ann/.codex"));
        assert!(is_home_id(&id), "{id}");
        assert_ne!(id, home_id(std::path::Path::new("/home/bob/.codex")));
        let url = router_url(15721, &id);
        assert_eq!(url, format!("http://127.0.0.1:15721/codex/{id}/v1"));
        assert_eq!(router_id_of(&url), Some((15721, id.clone())));
        let r = |op| Some(Target::Router { home: id.clone(), op });
        let at = |tail: &str| format!("/codex/{id}/{tail}");
        let cases: Vec<(&str, String, Option<Target>)> = vec![
            ("POST", at("v1/responses"), r(RouterOp::Responses)),
            ("GET", at("v1/models"), r(RouterOp::Models)),
            ("GET", at("sessions"), r(RouterOp::Sessions)),
            ("GET", at("events"), r(RouterOp::Events)),
            ("POST", at("events"), None),
            ("GET", at("v1/responses"), None),
            ("POST", "/codex/ABCDEF0123456789/v1/responses".into(), None),
            ("POST", "/codex/%2Fhome%2Fann/v1/responses".into(), None),
            ("POST", "/codex/../v1/responses".into(), None),
            ("POST", "/_switchboard/wants".into(), Some(Target::Wants)),
            ("POST", "/_switchboard/credentials".into(), Some(Target::Credentials)),
            ("GET", "/_switchboard/credentials".into(), None),
        ];
        for (method, path, want) in cases {
            assert_eq!(target(method, &path), want, "{method} {path}");
        }
        assert_eq!(router_id_of("http://127.0.0.1:15721/https/api.moonshot.ai/v1"), None);
    }

    #[test]
    fn only_the_bridges_own_host_and_token_pass() {
        for (host, ok) in [
            (Some("127.0.0.1:15721"), true),
            (Some("localhost:15721"), true),
            (Some("127.0.0.1:15722"), false),
            (Some("evil.example:15721"), false),
            (Some("127.0.0.1"), false),
            (None, false),
        ] {
            assert_eq!(host_allowed(host, 15721), ok, "{host:?}");
        }
        let token = new_token();
        assert_eq!(token.len(), TOKEN_LEN);
        assert_ne!(token, new_token());
        let other = new_token();
        let with = |h: String| authorize(Some(&h), &token).map(|c| c.map(str::to_owned));
        assert_eq!(with(format!("Bearer {token}")), Some(None));
        assert_eq!(with(format!("Bearer {token}:sk-moonshot-1")), Some(Some("sk-moonshot-1".into())));
        assert_eq!(with(format!("Bearer {token}:a:b")), Some(Some("a:b".into())), "a credential may hold a colon");
        assert_eq!(with(format!("Bearer {token}:")), Some(None));
        assert_eq!(with(format!("Bearer {other}:sk-1")), None);
        assert_eq!(with(format!("Bearer {token}x")), None);
        assert_eq!(with(format!("Basic {token}")), None);
        assert_eq!(with("Bearer sk-only-a-key".into()), None);
        assert_eq!(authorize(None, &token), None);
        assert_eq!(composite(&token, Some("k")), format!("{token}:k"));
    }
}
