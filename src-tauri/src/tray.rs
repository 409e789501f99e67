//! The tray: one entry per provider (a check on the active one), "Test active
//! provider" with its last result, "Open Switchboard" and "Quit". The menu is a
//! pure function of the listing, so it is tested without a tray host.

use switchboard_core::Listing;
use switchboard_core::switchboard::Source;
use switchboard_core::probe::Report;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `use:<id>`, label, checked.
    Provider { id: String, label: String, checked: bool },
    Separator,
    /// A line of text that cannot be clicked.
    Note(String),
    Action { id: &'static str, label: String },
}

/// The menu for `listing`; `last` is the last test of the active provider, if any.
pub fn menu(listing: &Listing, last: Option<&Report>) -> Vec<Entry> {
    let mut out = Vec::new();
    for p in &listing.providers {
        if p.source == Source::BuiltIn && p.id != "openai" && !p.active {
            continue;
        }
        let label = if p.id == "openai" { "OpenAI (default)".to_owned() } else { format!("{} ({})", p.name, p.id) };
        out.push(Entry::Provider { id: p.id.clone(), label, checked: p.active });
    }
    out.push(Entry::Separator);
    out.push(Entry::Action { id: "test", label: "Test active provider".into() });
    if let Some(r) = last {
        let mark = if r.ok { "✔" } else { "✘" };
        out.push(Entry::Note(format!("{mark} {}", r.message)));
    }
    out.push(Entry::Separator);
    out.push(Entry::Action { id: "open", label: "Open Switchboard".into() });
    out.push(Entry::Action { id: "quit", label: "Quit".into() });
    out
}

/// The tray's title and tooltip.
pub fn title(listing: &Listing) -> String {
    let name = listing.providers.iter().find(|p| p.active).map(|p| p.name.clone()).unwrap_or_else(|| listing.active.clone());
    format!("Codex: {name}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::ProviderView;
    use switchboard_core::preset::PresetId;
    use switchboard_core::provider::AuthMode;

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
        };
        let m = menu(&listing, None);
        assert_eq!(m[0], Entry::Provider { id: "openrouter".into(), label: "OpenRouter (openrouter)".into(), checked: true });
        assert!(matches!(&m[1], Entry::Provider { id, checked: false, .. } if id == "company_gateway"));
        assert!(matches!(&m[2], Entry::Provider { id, label, .. } if id == "openai" && label == "OpenAI (default)"));
        assert!(!m.iter().any(|e| matches!(e, Entry::Provider { id, .. } if id == "lmstudio")), "unused built-ins stay out");
        assert!(m.contains(&Entry::Action { id: "test", label: "Test active provider".into() }));
        assert_eq!(m.last(), Some(&Entry::Action { id: "quit", label: "Quit".into() }));
        assert_eq!(title(&listing), "Codex: OpenRouter");
    }
}
