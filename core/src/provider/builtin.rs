//! The providers built into Codex 0.171, in one table: which ids a new provider
//! may not take, which a `use` selects without a table, and which keys a
//! hand-written table with such an id may hold before Codex refuses to start.

/// What Codex accepts in a `[model_providers.<id>]` table for a built-in id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Any such table makes Codex refuse the whole file ("reserved built-in provider IDs").
    Refused,
    /// Only these keys (a name, say, stops Codex at start-up, whichever provider is active).
    Only(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltIn {
    pub id: &'static str,
    pub name: &'static str,
    pub base_url: &'static str,
    /// Shown in listings and the tray (the others need their own cloud setup).
    pub listed: bool,
    pub table: Table,
}

const BEDROCK_KEYS: &[&str] = &["base_url", "auth", "http_headers", "aws"];

pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn { id: "openai", name: "OpenAI", base_url: "https://api.openai.com/v1", listed: true, table: Table::Refused },
    BuiltIn { id: "ollama", name: "Ollama (built into Codex)", base_url: "http://localhost:11434/v1", listed: true, table: Table::Refused },
    BuiltIn { id: "lmstudio", name: "LM Studio", base_url: "http://localhost:1234/v1", listed: true, table: Table::Refused },
    BuiltIn { id: "amazon-bedrock", name: "Amazon Bedrock", base_url: "", listed: true, table: Table::Only(BEDROCK_KEYS) },
    BuiltIn { id: "amazon-bedrock-runtime", name: "Amazon Bedrock Runtime", base_url: "", listed: false, table: Table::Only(BEDROCK_KEYS) },
    BuiltIn {
        id: "gcp",
        name: "Google Cloud Vertex AI",
        base_url: "",
        listed: false,
        table: Table::Only(&["base_url", "auth", "http_headers", "project_id", "location", "credential_file"]),
    },
];

pub fn find(id: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.id == id)
}

/// Whether Codex has a provider of this id built in (so a new provider may not take it).
pub fn is_built_in(id: &str) -> bool {
    find(id).is_some()
}

/// Why Codex refuses to start with a hand-written table `[model_providers.<id>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breaks<'a> {
    /// The id is reserved: any table of that name.
    Whole,
    /// These keys, which the built-in provider does not take (in the table's order).
    Keys(Vec<&'a str>),
}

/// How a hand-written table with the keys `keys` for `id` breaks Codex at start-up
/// (whichever provider is active); `None` when it does not, or `id` is not built in.
pub fn breaks<'a>(id: &str, keys: &[&'a str]) -> Option<Breaks<'a>> {
    match find(id)?.table {
        // One exception, in Codex's own check: a bare pointer to OpenAI's model catalog.
        Table::Refused if id == "openai" && keys == ["model_catalog_url"] => None,
        Table::Refused => Some(Breaks::Whole),
        Table::Only(allowed) => {
            let bad: Vec<&str> = keys.iter().copied().filter(|k| !allowed.contains(k)).collect();
            (!bad.is_empty()).then_some(Breaks::Keys(bad))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_built_in_table_is_judged_as_codex_0_171_judges_it() {
        // (id, the table's keys, how it breaks Codex)
        let cases: &[(&str, &[&str], Option<Breaks>)] = &[
            ("gcp", &["name", "base_url"], Some(Breaks::Keys(vec!["name"]))),
            ("gcp", &["base_url", "project_id", "location"], None),
            ("amazon-bedrock", &["name", "base_url", "aws"], Some(Breaks::Keys(vec!["name"]))),
            ("amazon-bedrock-runtime", &["wire_api", "env_key"], Some(Breaks::Keys(vec!["wire_api", "env_key"]))),
            ("openai", &["name"], Some(Breaks::Whole)),
            ("openai", &["model_catalog_url"], None),
            ("ollama", &["base_url"], Some(Breaks::Whole)),
            ("lmstudio", &[], Some(Breaks::Whole)),
            ("openrouter", &["name"], None),
        ];
        for (id, keys, want) in cases {
            assert_eq!(breaks(id, keys), *want, "{id} {keys:?}");
        }
        assert_eq!(BUILT_IN.len(), 6);
        assert!(BUILT_IN.iter().all(|b| is_built_in(b.id)));
    }
}
