//! The tray's words: one entry per provider (a check on the active one; a
//! submenu of its models when Codex lists several of it through the router), "Test
//! active provider" with its last result, "Open Switchboard" and "Quit", the
//! title, and the one-line notifications after a switch or a test. Pure
//! functions of the listing, so they are tested without a tray host; the tray
//! process (tray/) and any shell draw them.

use crate::locale::{self, Args, Language};
use crate::ops::switchboard::Listing;
use crate::probe::Report;
use crate::ops::switchboard::Source;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `use:<id>`, label, checked; with `models` (each checked or not), a submenu
    /// whose items switch to that model of the provider.
    Provider { id: String, label: String, checked: bool, models: Vec<(String, bool)> },
    Separator,
    /// A line of text that cannot be clicked.
    Note(String),
    Action { id: &'static str, label: String },
}

/// The menu for `listing`; `last` is the last test of the active provider, if any.
pub fn menu(listing: &Listing, last: Option<&Report>, lang: Language) -> Vec<Entry> {
    let w = |id: &str| locale::text(lang, id, &Args::new());
    let mut out = Vec::new();
    for p in &listing.providers {
        if p.source == Source::BuiltIn && p.id != "openai" && !p.active {
            continue;
        }
        // Several models listed through the router: one item each, the one in use checked.
        let models = if p.listed.len() > 1 && !p.direct {
            let in_use = |m: &str| p.active && listing.model.as_deref() == Some(m);
            p.listed.iter().map(|m| (m.clone(), in_use(m))).collect()
        } else {
            Vec::new()
        };
        out.push(Entry::Provider { id: p.id.clone(), label: label(p, lang), checked: p.active, models });
    }
    out.push(Entry::Separator);
    out.push(Entry::Action { id: "test", label: w("tray-test") });
    if let Some(r) = last {
        let mark = if r.ok { "✔" } else { "✘" };
        out.push(Entry::Note(format!("{mark} {}", r.message)));
    }
    out.push(Entry::Separator);
    out.push(Entry::Action { id: "open", label: w("tray-open") });
    out.push(Entry::Action { id: "quit", label: w("tray-quit") });
    out
}

/// The tray's title and tooltip.
pub fn title(listing: &Listing, lang: Language) -> String {
    locale::text(lang, "tray-title", &Args::new().text("provider", display_name(listing)))
}

/// A provider as the menu and the notifications name it: "OpenRouter (or-work)".
pub fn label(p: &crate::ops::switchboard::ProviderView, lang: Language) -> String {
    if p.id == "openai" { locale::text(lang, "tray-openai", &Args::new()) } else { format!("{} ({})", p.name, p.id) }
}

/// The active provider's label, or its bare id when the listing lacks it.
pub fn active_label(listing: &Listing, lang: Language) -> String {
    listing.providers.iter().find(|p| p.active).map(|p| label(p, lang)).unwrap_or_else(|| listing.active.clone())
}

/// The notification after a switch from the tray: one line.
pub fn switched(listing: &Listing, lang: Language) -> String {
    let args = Args::new().text("provider", active_label(listing, lang));
    match listing.model.as_deref() {
        Some(m) => locale::text(lang, "tray-switched-model", &args.text("model", m)),
        None => locale::text(lang, "tray-switched", &args),
    }
}

/// The notification when a switch from the tray fails.
pub fn switch_failed(reason: &str, lang: Language) -> String {
    locale::text(lang, "tray-switch-failed", &Args::new().text("reason", reason))
}

/// The notification after a test from the tray: one line with the verdict.
pub fn tested(label: &str, report: &Report) -> String {
    let mark = if report.ok { "✔" } else { "✘" };
    format!("{mark} {label}: {}", report.message)
}

/// The active provider's name, as the menu shows it.
pub fn display_name(listing: &Listing) -> String {
    listing.providers.iter().find(|p| p.active).map(|p| p.name.clone()).unwrap_or_else(|| listing.active.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::switchboard::ProviderView;
    use crate::provider::preset::PresetId;
    use crate::provider::table::AuthMode;

    fn view(id: &str, name: &str, source: &'static str, active: bool) -> ProviderView {
        let source = [Source::Switchboard, Source::Config, Source::BuiltIn].into_iter().find(|s| s.as_str() == source).unwrap();
        ProviderView {
            id: id.into(),
            name: name.into(),
            base_url: String::new(),
            source,
            preset: PresetId::Custom,
            active,
            auth: AuthMode::None,
            key_stored: None,
            model: None,
            entry: None,
            last_test: None,
            model_info: None,
            listed: Vec::new(),
            direct: false,
        }
    }

    #[test]
    fn lists_providers_with_the_active_one_checked() {
        let listing = Listing {
            codex_home: "/h".into(),
            active: "openrouter".into(),
            model: None,
            providers: vec![
                view("openrouter", "OpenRouter", "switchboard", true),
                view("company_gateway", "Company LLM Gateway", "config", false),
                view("openai", "OpenAI", "built_in", false),
                view("lmstudio", "LM Studio", "built_in", false),
            ],
            sessions: Default::default(),
            managed: Vec::new(),
            routed: false,
            current: None,
        };
        let m = menu(&listing, None, Language::English);
        assert_eq!(m[0], Entry::Provider { id: "openrouter".into(), label: "OpenRouter (openrouter)".into(), checked: true, models: Vec::new() });
        assert!(matches!(&m[1], Entry::Provider { id, checked: false, .. } if id == "company_gateway"));
        assert!(matches!(&m[2], Entry::Provider { id, label, .. } if id == "openai" && label == "OpenAI (default)"));
        assert!(!m.iter().any(|e| matches!(e, Entry::Provider { id, .. } if id == "lmstudio")), "unused built-ins stay out");
        assert!(m.contains(&Entry::Action { id: "test", label: "Test active provider".into() }));
        assert_eq!(m.last(), Some(&Entry::Action { id: "quit", label: "Quit".into() }));
        assert_eq!(title(&listing, Language::English), "Codex: OpenRouter");
        assert_eq!(switched(&listing, Language::English), "Codex now uses OpenRouter (openrouter)");
        let with_model = Listing { model: Some("openai/gpt-5.3-codex".into()), ..listing };
        assert_eq!(switched(&with_model, Language::English), "Codex now uses OpenRouter (openrouter), model openai/gpt-5.3-codex");
        // In another language, the same entries with its words (ids and providers' names as they are).
        let ja = menu(&with_model, None, Language::Japanese);
        assert!(ja.contains(&Entry::Action { id: "test", label: "使用中のプロバイダーをテスト".into() }), "{ja:?}");
        assert!(ja.contains(&Entry::Provider { id: "openrouter".into(), label: "OpenRouter (openrouter)".into(), checked: true, models: Vec::new() }));
        assert_eq!(title(&with_model, Language::TraditionalChinese), "Codex：OpenRouter");
        // Through the router, a provider with several models listed gets a submenu of them.
        let mut routed = with_model.clone();
        routed.providers[0].listed = vec!["openai/gpt-5.3-codex".into(), "moonshotai/kimi-k2".into()];
        routed.providers[1].listed = vec!["only".into()];
        let m = menu(&routed, None, Language::English);
        assert_eq!(m[0], Entry::Provider {
            id: "openrouter".into(),
            label: "OpenRouter (openrouter)".into(),
            checked: true,
            models: vec![("openai/gpt-5.3-codex".into(), true), ("moonshotai/kimi-k2".into(), false)],
        });
        assert!(matches!(&m[1], Entry::Provider { models, .. } if models.is_empty()), "one model: no submenu");
        routed.providers[0].direct = true;
        assert!(matches!(&menu(&routed, None, Language::English)[0], Entry::Provider { models, .. } if models.is_empty()), "reached directly: its own model only");
    }

    #[test]
    fn a_test_notification_is_one_line_with_the_verdict() {
        let json = r#"{"provider":"or","ok":false,"diagnosis":"unauthorized","message":"The key was refused (401).","hint":"Replace it.","steps":[],"models":[]}"#;
        let r: Report = serde_json::from_str(json).unwrap();
        assert_eq!(tested("OpenRouter (or)", &r), "✘ OpenRouter (or): The key was refused (401).");
        assert!(!tested("OpenRouter (or)", &r).contains('\n'));
    }
}
