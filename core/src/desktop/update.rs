//! In-app updates, as the user chose them: check at start and ask (the default), or
//! never; the version put off with Later is not offered again (a newer one is). The
//! choice is kept in `$XDG_STATE_HOME/switchboard/update.json`, beside the log and the
//! chosen language. The feed is the release's own, or `SWITCHBOARD_UPDATE_URL` (a mirror,
//! or a test's feed on 127.0.0.1).
//!
//! Deciding is pure ([`offers`], [`feed`], [`notes`]); the app's `update` module does
//! the I/O through Tauri's updater plugin, which checks the signature.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// When the app looks for an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Check {
    /// At every start; a newer version is offered, never installed without a yes.
    #[default]
    Ask,
    /// Never: no request leaves the app.
    Never,
}

/// What the user chose, as kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    #[serde(default)]
    pub check: Check,
    /// The version put off with Later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later: Option<String>,
}

/// Whether an offered `version` is shown: only when checking is on and it is not the
/// version the user put off.
pub fn offers(choice: &Choice, version: &str) -> bool {
    choice.check == Check::Ask && choice.later.as_deref().map(|v| v.trim_start_matches('v')) != Some(version.trim_start_matches('v'))
}

/// The feed `SWITCHBOARD_UPDATE_URL` names (a company's mirror, a test's feed on
/// 127.0.0.1), if set: https, or http where `allow_http` (debug builds; the updater
/// itself refuses http in release builds too). `None` when unset: the release's own feed,
/// which the release workflow builds in. `Err` names a value that is not a usable URL;
/// nothing is checked then.
pub fn feed(env: Option<&str>, allow_http: bool) -> Result<Option<url::Url>, String> {
    let Some(raw) = env.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    let url = url::Url::parse(raw).map_err(|e| format!("{raw}: {e}"))?;
    match url.scheme() {
        "https" => Ok(Some(url)),
        "http" if allow_http => Ok(Some(url)),
        other => Err(format!("{raw}: the scheme {other} is not allowed (https only)")),
    }
}

/// The most of a release's notes the window shows.
pub const MAX_NOTES: usize = 20_000;

/// A release's notes as the window shows them: plain text, no control characters but
/// new lines and tabs, line endings made `\n`, at most [`MAX_NOTES`] characters.
pub fn notes(raw: Option<&str>) -> String {
    let text = raw.unwrap_or("").replace("\r\n", "\n");
    let mut out: String = text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').take(MAX_NOTES + 1).collect();
    if out.chars().count() > MAX_NOTES {
        out = out.chars().take(MAX_NOTES).collect();
        out.push('…');
    }
    out.trim().to_owned()
}

/// The file name of the kept choice.
pub const CHOICE_FILE: &str = "update.json";

/// Where the choice is kept (`~/.local/state/switchboard/update.json` on Linux).
pub fn path() -> Option<PathBuf> {
    super::log::path().map(|p| p.with_file_name(CHOICE_FILE))
}

/// The kept choice; the default (ask) when there is none, or it cannot be read.
pub fn load() -> Choice {
    path().map(|p| load_from(&p)).unwrap_or_default()
}

/// The choice kept in `path`; the default when missing, too large or unreadable.
pub fn load_from(path: &Path) -> Choice {
    match crate::edit::atomic::read_regular(path, Path::new(CHOICE_FILE)) {
        Ok(Some(bytes)) if bytes.len() <= 4096 => serde_json::from_slice(&bytes).unwrap_or_default(),
        _ => Choice::default(),
    }
}

/// Keeps `choice` (written whole, atomically).
pub fn save(choice: &Choice) -> crate::error::Result<()> {
    let Some(path) = path() else { return Err(crate::error::Error::NoHomeDir) };
    save_to(&path, choice)
}

/// Keeps `choice` in `path`.
pub fn save_to(path: &Path, choice: &Choice) -> crate::error::Result<()> {
    let dir = crate::edit::atomic::parent(path).to_owned();
    std::fs::create_dir_all(&dir).map_err(crate::error::Error::io("io-create", &dir))?;
    let mut text = serde_json::to_string_pretty(choice).unwrap_or_default();
    text.push('\n');
    let staged = crate::edit::atomic::stage(path, text.as_bytes(), Some(0o600), Path::new(CHOICE_FILE))?;
    staged.replace(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_is_shown_unless_checking_is_off_or_that_version_was_put_off() {
        let ask = |later: Option<&str>| Choice { check: Check::Ask, later: later.map(str::to_owned) };
        let never = Choice { check: Check::Never, later: None };
        // (choice, offered version, shown)
        let table: &[(Choice, &str, bool)] = &[
            (Choice::default(), "0.2.0", true),
            (ask(None), "0.2.0", true),
            (ask(Some("0.2.0")), "0.2.0", false),
            (ask(Some("v0.2.0")), "0.2.0", false),
            (ask(Some("0.2.0")), "v0.2.0", false),
            (ask(Some("0.2.0")), "0.3.0", true),
            (ask(Some("0.3.0")), "0.2.0", true),
            (never.clone(), "0.2.0", false),
            (Choice { check: Check::Never, later: Some("0.1.0".into()) }, "0.2.0", false),
        ];
        for (choice, version, shown) in table {
            assert_eq!(offers(choice, version), *shown, "{choice:?} offered {version}");
        }
    }

    #[test]
    fn the_feed_is_the_release_s_unless_the_variable_names_another_https_one() {
        // (SWITCHBOARD_UPDATE_URL, http allowed, the feed (None: the release's own) or the start of the refusal)
        let table: &[(Option<&str>, bool, Result<Option<&str>, &str>)] = &[
            (None, false, Ok(None)),
            (Some(""), false, Ok(None)),
            (Some("  "), true, Ok(None)),
            (Some("https://mirror.example.com/switchboard/latest.json"), false, Ok(Some("https://mirror.example.com/switchboard/latest.json"))),
            (Some(" https://mirror.example.com/l.json "), false, Ok(Some("https://mirror.example.com/l.json"))),
            (Some("http://127.0.0.1:8080/latest.json"), true, Ok(Some("http://127.0.0.1:8080/latest.json"))),
            (Some("http://127.0.0.1:8080/latest.json"), false, Err("http://127.0.0.1:8080/latest.json: the scheme http")),
            (Some("file:///tmp/latest.json"), true, Err("file:///tmp/latest.json: the scheme file")),
            (Some("not a url"), true, Err("not a url: ")),
        ];
        for (env, http, want) in table {
            let got = feed(*env, *http);
            match (want, &got) {
                (Ok(w), Ok(u)) => assert_eq!(u.as_ref().map(url::Url::as_str), *w, "{env:?}"),
                (Err(w), Err(e)) => assert!(e.starts_with(w), "{env:?}: {e}"),
                _ => panic!("{env:?} (http {http}): {got:?}, wanted {want:?}"),
            }
        }
    }

    #[test]
    fn notes_are_plain_bounded_text() {
        let long = "a".repeat(MAX_NOTES + 5);
        let table: &[(Option<&str>, &str)] = &[
            (None, ""),
            (Some(""), ""),
            (Some("  Fixes\r\n- one\r\n- two\n"), "Fixes\n- one\n- two"),
            (Some("bell\u{7}\u{1b}[31mred\tok"), "bell[31mred\tok"),
            (Some("中文の説明"), "中文の説明"),
        ];
        for (raw, want) in table {
            assert_eq!(notes(*raw), *want, "{raw:?}");
        }
        let cut = notes(Some(&long));
        assert_eq!(cut.chars().count(), MAX_NOTES + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn the_choice_is_kept_and_a_broken_file_means_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state/update.json");
        assert_eq!(load_from(&p), Choice::default(), "nothing kept: ask");
        let later = Choice { check: Check::Ask, later: Some("0.2.0".into()) };
        save_to(&p, &later).unwrap();
        assert_eq!(load_from(&p), later);
        let never = Choice { check: Check::Never, later: None };
        save_to(&p, &never).unwrap();
        assert_eq!(load_from(&p), never);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{\n  \"check\": \"never\"\n}\n");
        for broken in ["", "{", "[]", "{\"check\": \"sometimes\"}"] {
            std::fs::write(&p, broken).unwrap();
            assert_eq!(load_from(&p), Choice::default(), "{broken:?}");
        }
        std::fs::write(&p, format!("{{\"check\":\"never\",\"x\":\"{}\"}}", "y".repeat(5000))).unwrap();
        assert_eq!(load_from(&p), Choice::default(), "too large");
    }
}
