//! The languages Switchboard speaks, and which one a locale asks for. The
//! words themselves are in `locales/<code>.ftl`; this decides only the code.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A language of the window and the tray, by its catalog's code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh-CN")]
    SimplifiedChinese,
    #[serde(rename = "zh-TW")]
    TraditionalChinese,
    #[serde(rename = "ja")]
    Japanese,
}

impl Language {
    /// The language a locale tag asks for (`zh_CN.UTF-8`, `zh-Hans-CN`, `zh_TW`,
    /// `zh-HK`, `zh-Hant`, `ja_JP`, `ja-JP`...); English for any other. Pure.
    pub fn for_locale(tag: &str) -> Language {
        let tag = tag.split(['.', '@']).next().unwrap_or("").to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next() {
            Some("ja") => Language::Japanese,
            Some("zh") => {
                if parts.any(|p| matches!(p, "tw" | "hk" | "mo" | "hant")) {
                    Language::TraditionalChinese
                } else {
                    Language::SimplifiedChinese
                }
            }
            _ => Language::English,
        }
    }

    /// What the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set (as gettext reads them); `None` when none is. The CLI
    /// speaks this, and English without it: scripts parse its words.
    pub fn of_env() -> Option<Language> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var_os(v).filter(|v| !v.is_empty()))
            .map(|v| Language::for_locale(&v.to_string_lossy()))
    }

    /// The window's and the tray's: the one chosen in the window's picker, else the system's.
    pub fn of_desktop() -> Language {
        chosen().unwrap_or_else(Language::of_system)
    }

    /// The system's: the environment's on Linux, else the OS's preferred language.
    pub fn of_system() -> Language {
        #[cfg(all(unix, not(target_os = "macos")))]
        if let Some(l) = Language::of_env() {
            return l;
        }
        sys_locale::get_locale().map_or(Language::English, |l| Language::for_locale(&l))
    }
}

/// Where the picker's choice is kept, beside the desktop log:
/// `$XDG_STATE_HOME/switchboard/language` (`~/.local/state` on Linux).
pub fn choice_path() -> Option<PathBuf> {
    crate::desktop::log::path().map(|p| p.with_file_name(CHOICE_FILE))
}

/// The name of that file (the tray watches for it).
pub const CHOICE_FILE: &str = "language";

/// The language chosen in the picker, if one was.
pub fn chosen() -> Option<Language> {
    let text = std::fs::read_to_string(choice_path()?).ok()?;
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).ok()
}

/// Keeps `lang` as the choice (written whole, atomically).
pub fn choose(lang: Language) -> crate::error::Result<()> {
    let Some(path) = choice_path() else { return Err(crate::error::Error::NoHomeDir) };
    let dir = crate::edit::atomic::parent(&path).to_owned();
    std::fs::create_dir_all(&dir).map_err(crate::error::Error::io("create", &dir))?;
    let code = serde_json::to_value(lang).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let staged = crate::edit::atomic::stage(&path, format!("{code}\n").as_bytes(), Some(0o600), Path::new(CHOICE_FILE))?;
    staged.replace(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_to_languages() {
        use Language::*;
        let cases = [
            ("zh_CN.UTF-8", SimplifiedChinese),
            ("zh-Hans-CN", SimplifiedChinese),
            ("zh_SG", SimplifiedChinese),
            ("zh", SimplifiedChinese),
            ("zh_TW.UTF-8", TraditionalChinese),
            ("zh-HK", TraditionalChinese),
            ("zh-Hant", TraditionalChinese),
            ("zh_TW@stroke", TraditionalChinese),
            ("ja_JP.UTF-8", Japanese),
            ("ja", Japanese),
            ("en_US.UTF-8", English),
            ("C", English),
            ("POSIX", English),
            ("fr_FR", English),
            ("", English),
        ];
        for (tag, want) in cases {
            assert_eq!(Language::for_locale(tag), want, "{tag}");
        }
        assert_eq!(serde_json::to_string(&TraditionalChinese).unwrap(), "\"zh-TW\"");
    }
}
