//! One redaction at the edge: every credential a test used (the key from the
//! keychain, an environment variable, a token command or a hand-written
//! `experimental_bearer_token`, and secret-looking header values) is removed
//! from every text before a report, a live step or a model list leaves the probe.
//! A text that streams out a few characters at a time (a model's answer quoting the
//! key) is redacted across its pieces: [`Redactor::delta`] holds back only the end
//! that may still become a credential, and [`Redactor::end`] lets it out when the
//! text ends, so what streamed is what [`Redactor::whole`] makes of the whole text.

use crate::provider::table::{Auth, ProviderEntry};

/// What replaces a credential in output.
pub const MARK: &str = "[redacted]";

/// Shorter values are not treated as secrets (Ollama accepts any key, even `x`;
/// redacting one letter would only garble the sentences).
const MIN_LEN: usize = 4;

/// What a streamed text has not let out yet: its end, which may be the start of a
/// credential (at most the longest form, and an ellipsis being written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Withheld(String);

impl Withheld {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

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
        self.cut_tail(self.replace(neutralise_controls(text)))
    }

    /// Whether there is nothing to redact.
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// A finished text that goes out inside JSON (a model's answer, a tool call's
    /// arguments): every credential replaced and a trailing start of one cut, as
    /// [`Redactor::text`] does, its characters otherwise kept (a `\r` in code stays).
    pub fn whole(&self, text: &str) -> String {
        self.cut_tail(self.replace(text.to_owned()))
    }

    /// The next piece of a streamed text whose earlier pieces went through `held`:
    /// what may be shown now. Every credential now whole is replaced; the end that may
    /// still become one (the start of a form, or a start of four characters or more
    /// before an ellipsis) waits in `held` for the next piece. Text that cannot be
    /// part of a credential is never held.
    pub fn delta(&self, held: &mut Withheld, piece: &str) -> String {
        if self.needles.is_empty() {
            return piece.to_owned();
        }
        let mut text = std::mem::take(&mut held.0);
        text.push_str(piece);
        let mut text = self.replace(text);
        let keep = self.undecided(&text);
        held.0 = text.split_off(text.len() - keep);
        text
    }

    /// The end of a streamed text: what `held` kept, as [`Redactor::whole`] ends it.
    pub fn end(&self, held: &mut Withheld) -> String {
        self.cut_tail(std::mem::take(&mut held.0))
    }

    fn replace(&self, mut text: String) -> String {
        for n in &self.needles {
            if text.contains(n.as_str()) {
                text = text.replace(n.as_str(), MARK);
            }
        }
        text
    }

    /// How many bytes at the end of `text` may yet become a credential, or be cut by
    /// [`Redactor::cut_tail`] if the text ended there: the longest such end, on a
    /// character boundary.
    fn undecided(&self, text: &str) -> usize {
        let longest = self.needles.iter().map(String::len).max().unwrap_or(0);
        let from = text.len().saturating_sub(longest + "...".len());
        let starts = |tail: &str| self.needles.iter().any(|n| n.starts_with(tail));
        for (i, _) in text.char_indices().filter(|(i, _)| *i >= from) {
            let tail = &text[i..];
            // The start of a form, not yet whole (whole ones were replaced).
            let open = self.needles.iter().any(|n| n.len() > tail.len() && n.starts_with(tail));
            // A start long enough to be cut, then an ellipsis or the start of one.
            let clipped = || ["…", "...", "..", "."].iter().filter_map(|e| tail.strip_suffix(e)).any(|p| p.chars().count() >= MIN_LEN && starts(p));
            if open || clipped() {
                return tail.len();
            }
        }
        0
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

    fn redactor(secrets: &[&str]) -> Redactor {
        let mut r = Redactor::default();
        for s in secrets {
            r.add(s);
        }
        r
    }

    /// Every way to cut `text` at character boundaries into pieces: in two and three
    /// anywhere, and in pieces of 1 to 5 characters.
    fn cuts(text: &str) -> Vec<Vec<String>> {
        let at: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut out = Vec::new();
        for &a in &at {
            out.push(vec![text[..a].to_owned(), text[a..].to_owned()]);
            for &b in at.iter().filter(|&&b| b >= a) {
                out.push(vec![text[..a].to_owned(), text[a..b].to_owned(), text[b..].to_owned()]);
            }
        }
        let chars: Vec<char> = text.chars().collect();
        for n in 1..=5 {
            out.push(chars.chunks(n).map(|c| c.iter().collect()).collect());
        }
        out
    }

    #[test]
    fn a_credential_streamed_in_pieces_never_shows_and_the_stream_ends_as_the_whole_text() {
        // (credentials, text, what the whole text becomes)
        let cases: &[(&[&str], &str, &str)] = &[
            (&["sk-abc-123"], "sk-abc-123", "[redacted]"),
            (&["sk-abc-123"], "Your key is sk-abc-123, keep it.", "Your key is [redacted], keep it."),
            (&["sk-abc-123"], "sk-abc-123sk-abc-123", "[redacted][redacted]"),
            (&["sk-abc-123"], "Bearer sk-abc-123.", "Bearer [redacted]."),
            (&["sk-abc-123", "tok-9876-zz"], "a sk-abc-123 b tok-9876-zz c", "a [redacted] b [redacted] c"),
            (&["sk-abc-123", "tok-9876-zz"], "tok-9876-zzsk-abc-123", "[redacted][redacted]"),
            // Starts that turn out not to be a key are let out as they were.
            (&["sk-abc-123"], "asked: sk-abc-12 is not it, nor sk-sk-abc either", "asked: sk-abc-12 is not it, nor sk-sk-abc either"),
            (&["sk-abc-123"], "sk-sk-abc-123s", "sk-[redacted]s"),
            // Its JSON-escaped and URL-encoded forms.
            (&["sk/a b+c\"d"], "url sk%2Fa+b%2Bc%22d json sk/a b+c\\\"d raw sk/a b+c\"d", "url [redacted] json [redacted] raw [redacted]"),
            // Multi-byte characters around it and inside it.
            (&["sk-é€-1234"], "héllo ✓ sk-é€-1234 你好", "héllo ✓ [redacted] 你好"),
            (&["sk-abc-123"], "你好sk-abc-123你好", "你好[redacted]你好"),
            // A text cut short in a key, before an ellipsis or not: that start goes too.
            (&["sk-abc-123"], "it starts sk-abc-1", "it starts [redacted]"),
            (&["sk-abc-123"], "it starts sk-abc…", "it starts [redacted]…"),
            (&["sk-abc-123"], "it starts sk-ab...", "it starts [redacted]..."),
            (&["sk-abc-123"], "it starts sk-ab..", "it starts sk-ab.."),
            (&["sk-abc-123"], "ends in sk-", "ends in sk-"),
            (&["sk-abc-123"], "a line\r\nkept \u{1b} as is", "a line\r\nkept \u{1b} as is"),
            (&[], "nothing to hide", "nothing to hide"),
        ];
        for (secrets, text, want) in cases {
            let r = redactor(secrets);
            assert_eq!(r.whole(text), *want, "{text:?} whole");
            let longest = r.needles.iter().map(String::len).max().unwrap_or(0);
            for pieces in cuts(text) {
                let mut held = Withheld::default();
                let mut shown = String::new();
                for p in &pieces {
                    shown.push_str(&r.delta(&mut held, p));
                    assert!(held.0.len() <= longest + 2, "{pieces:?}: held {:?}", held.0);
                    for n in &r.needles {
                        assert!(!shown.contains(n.as_str()), "{pieces:?}: {n:?} shown in {shown:?}");
                    }
                }
                shown.push_str(&r.end(&mut held));
                assert!(held.is_empty());
                assert_eq!(shown, *want, "{pieces:?}");
            }
        }
    }

    #[test]
    fn only_what_may_be_a_credential_waits() {
        // (pieces, what each shows, what the end lets out)
        let cases: &[(&[&str], &[&str], &str)] = &[
            (&["Hello", " world"], &["Hello", " world"], ""),
            (&["Hello s", "k-abc", "-123!"], &["Hello ", "", "[redacted]!"], ""),
            // `sk` might have begun the key; `sked` did not.
            (&["ask", "ed"], &["a", "sked"], ""),
            (&["sk-abc-12", "x"], &["", "sk-abc-12x"], ""),
            (&["yes"], &["ye"], "s"),
            (&["sk-a"], &[""], "[redacted]"),
            (&["sk-abc-1", "…"], &["", ""], "[redacted]…"),
            (&["sk-abc-1", "…", " and more"], &["", "", "sk-abc-1… and more"], ""),
            (&["x sk-é", "€-1234 y"], &["x ", "[redacted] y"], ""),
        ];
        let r = redactor(&["sk-abc-123", "sk-é€-1234"]);
        for (pieces, shows, end) in cases {
            let mut held = Withheld::default();
            let got: Vec<String> = pieces.iter().map(|p| r.delta(&mut held, p)).collect();
            assert_eq!(got, *shows, "{pieces:?}");
            assert_eq!(r.end(&mut held), *end, "{pieces:?}");
        }
        // Without a credential nothing waits.
        let mut held = Withheld::default();
        assert_eq!(Redactor::default().delta(&mut held, "sk-abc-1"), "sk-abc-1");
        assert!(held.is_empty());
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
