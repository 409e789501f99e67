//! The languages Switchboard speaks, and which one a locale asks for. The
//! words themselves are in `locales/<code>.ftl`; this decides only the code.

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

    /// The system's: the environment's on Linux, else the OS's preferred language.
    pub fn of_system() -> Language {
        #[cfg(all(unix, not(target_os = "macos")))]
        if let Some(l) = Language::of_env() {
            return l;
        }
        sys_locale::get_locale().map_or(Language::English, |l| Language::for_locale(&l))
    }
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
