//! One redaction at the edge: every credential a test used (the key from the
//! keychain, an environment variable, a token command or a hand-written
//! `experimental_bearer_token`, and secret-looking header values) is removed
//! from every text before a report, a live step or a model list leaves the probe.

use crate::provider::table::{Auth, ProviderEntry};

/// What replaces a credential in output.
pub const MARK: &str = "[redacted]";

/// Shorter values are not treated as secrets (Ollama accepts any key, even `x`;
/// redacting one letter would only garble the sentences).
const MIN_LEN: usize = 4;

/// The credentials to remove, and the forms they may be quoted in.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    /// Longest first, so a longer form is replaced before a part of it.
    needles: Vec<String>,
}

impl Redactor {
    /// Everything secret in `entry` that is known without running anything:
    /// a hand-written token, env header values, and values of secret-looking static headers.
    pub fn for_entry(entry: &ProviderEntry) -> Redactor {
        let mut r = Redactor::default();
        if let Some(k) = &entry.file_token {
            r.add(k.expose());
        }
        if let Auth::Env { var } = &entry.auth {
            if let Ok(v) = std::env::var(var) {
                r.add(&v);
            }
        }
        for var in entry.env_http_headers.values() {
            if let Ok(v) = std::env::var(var) {
                r.add(&v);
            }
        }
        for (name, value) in &entry.http_headers {
            if looks_secret(name) {
                r.add(value);
            }
        }
        r
    }

    /// Adds a credential: as given, without a `Bearer ` prefix, with one, and as
    /// it reads once JSON-escaped or URL-encoded.
    pub fn add(&mut self, secret: &str) {
        let secret = secret.trim();
        let bare = strip_bearer(secret).trim();
        for s in [secret, bare] {
            if s.chars().count() < MIN_LEN {
                continue;
            }
            let json = serde_json::to_string(s).unwrap_or_default();
            let forms = [s.to_owned(), json.trim_matches('"').to_owned(), url::form_urlencoded::byte_serialize(s.as_bytes()).collect()];
            for f in forms {
                if !f.is_empty() && !self.needles.contains(&f) {
                    self.needles.push(f);
                }
            }
        }
        self.needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
    }

    /// Adds everything `other` redacts.
    pub fn extend(&mut self, other: &Redactor) {
        for n in &other.needles {
            if !self.needles.contains(n) {
                self.needles.push(n.clone());
            }
        }
        self.needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
    }

    /// `text` with every credential replaced by [`MARK`], and control characters
    /// a provider may have slipped in (a terminal escape) made harmless.
    pub fn text(&self, text: &str) -> String {
        let mut out = neutralise_controls(text);
        for n in &self.needles {
            if out.contains(n.as_str()) {
                out = out.replace(n.as_str(), MARK);
            }
        }
        self.cut_tail(out)
    }

    /// A text cut short (a provider's words clipped to a length) may end in the start
    /// of a credential, before an ellipsis or not: that start goes too.
    fn cut_tail(&self, text: String) -> String {
        let (body, ellipsis) = match text.strip_suffix('…').or_else(|| text.strip_suffix("...")) {
            Some(b) => (b, &text[b.len()..]),
            None => (text.as_str(), ""),
        };
        let longest = self
            .needles
            .iter()
            .flat_map(|n| n.char_indices().map(move |(i, _)| &n[..i]).chain(std::iter::once(n.as_str())))
            .filter(|p| p.chars().count() >= MIN_LEN && body.ends_with(p))
            .map(str::len)
            .max();
        match longest {
            Some(len) => format!("{}{MARK}{ellipsis}", &body[..body.len() - len]),
            None => text,
        }
    }
}

/// Control characters other than line breaks and tabs become U+FFFD, so a
/// provider's message cannot drive the terminal that prints it.
fn neutralise_controls(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect()
}

fn strip_bearer(s: &str) -> &str {
    match s.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("bearer ") => &s[7..],
        _ => s,
    }
}

/// Header names that usually carry a credential.
fn looks_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["authorization", "key", "token", "secret", "password", "cookie"].iter().any(|w| n.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_removed_in_every_form() {
        // (credential, text, expected)
        let cases = [
            ("sk-abc-123", "Invalid key sk-abc-123.", "Invalid key [redacted]."),
            ("sk-abc-123", "Bearer sk-abc-123 / sk-abc-123", "Bearer [redacted] / [redacted]"),
            ("Bearer sk-abc-123", "got sk-abc-123", "got [redacted]"),
            ("bearer sk-abc-123", "got Bearer sk-abc-123", "got Bearer [redacted]"),
            ("sk/a b+c\"d", "url sk%2Fa+b%2Bc%22d json sk/a b+c\\\"d", "url [redacted] json [redacted]"),
            ("  sk-abc-123\n", "sk-abc-123", "[redacted]"),
            ("x", "use x here", "use x here"),
            ("sk-abc-123", "nothing to hide", "nothing to hide"),
            ("sk-abc-123", "red \u{1b}[31mtext\u{7}\r", "red \u{fffd}[31mtext\u{fffd}\u{fffd}"),
            ("sk-abc-123", "two\nlines\tkept", "two\nlines\tkept"),
            // A provider's words cut short before the whole key: its start goes too.
            ("sk-abc-123", "Invalid key sk-abc-1", "Invalid key [redacted]"),
            ("sk-abc-123", "Invalid key sk-abc-1…", "Invalid key [redacted]…"),
            ("sk-abc-123", "Invalid key Bearer sk-ab...", "Invalid key Bearer [redacted]..."),
            ("sk-abc-123", "ends in sk-", "ends in sk-"),
        ];
        for (secret, text, want) in cases {
            let mut r = Redactor::default();
            r.add(secret);
            assert_eq!(r.text(text), want, "{secret:?} in {text:?}");
        }
    }

    #[test]
    fn an_entry_gives_its_hand_written_and_header_secrets() {
        let mut e = ProviderEntry::from_url("p", "https://h/v1");
        e.file_token = Some(crate::provider::secret::Key::new("tok-in-file-1".to_owned()));
        e.http_headers.insert("X-Api-Key".into(), "hdr-secret-2".into());
        e.http_headers.insert("X-Title".into(), "Switchboard".into());
        let r = Redactor::for_entry(&e);
        let cases = [
            ("tok-in-file-1", "[redacted]"),
            ("hdr-secret-2", "[redacted]"),
            ("Switchboard", "Switchboard"),
        ];
        for (text, want) in cases {
            assert_eq!(r.text(text), want);
        }
        let mut union = Redactor::default();
        union.extend(&r);
        assert_eq!(union.text("tok-in-file-1"), "[redacted]");
    }
}
