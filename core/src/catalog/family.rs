//! Known model families and their context windows, from the vendors' own
//! documents: what Switchboard tells Codex when the provider does not say. Pure.
//!
//! A model matches a family when its name, lowercased, with any `vendor/` prefix
//! and Ollama `:tag` taken off, starts with one of the family's prefixes; the
//! longest prefix wins, so `kimi-k2-0711` finds its own smaller window.

/// One family: the prefixes that name it, and its window in tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Family {
    pub name: &'static str,
    pub prefixes: &'static [&'static str],
    pub context_window: u64,
    /// Whose document the figure comes from.
    pub source: &'static str,
}

const fn fam(name: &'static str, prefixes: &'static [&'static str], context_window: u64, source: &'static str) -> Family {
    Family { name, prefixes, context_window, source }
}

/// Used when neither the provider nor this table knows the model.
pub const DEFAULT_WINDOW: u64 = 128_000;

pub const FAMILIES: &[Family] = &[
    fam("Kimi K2", &["kimi-k2", "kimi-latest", "kimi-for-coding"], 262_144, "Moonshot AI"),
    fam("Kimi K2 (0711)", &["kimi-k2-0711"], 131_072, "Moonshot AI"),
    fam("GLM-4.5", &["glm-4.5"], 131_072, "Zhipu AI"),
    fam("GLM-4.6", &["glm-4.6"], 200_000, "Zhipu AI"),
    fam("GLM-4.7", &["glm-4.7"], 200_000, "Zhipu AI"),
    fam("GLM-5", &["glm-5"], 200_000, "Zhipu AI"),
    fam("GLM-5.2", &["glm-5.2"], 1_048_576, "Zhipu AI"),
    fam("DeepSeek V4", &["deepseek-v4", "deepseek-chat", "deepseek-reasoner"], 1_000_000, "DeepSeek"),
    fam("DeepSeek V3.2", &["deepseek-v3.2"], 128_000, "DeepSeek"),
    fam("Qwen3-Coder", &["qwen3-coder"], 262_144, "Qwen"),
    fam("Claude", &["claude-"], 200_000, "Anthropic"),
    fam("Claude (1M)", &["claude-opus-4-6", "claude-opus-4.6", "claude-opus-4-7", "claude-opus-4.7", "claude-sonnet-4-6", "claude-sonnet-4.6"], 1_000_000, "Anthropic"),
    fam("Gemini", &["gemini-2.5", "gemini-3"], 1_048_576, "Google"),
    fam("Mistral Large / Medium", &["mistral-large", "mistral-medium"], 256_000, "Mistral AI"),
    fam("Mistral Medium 3.1", &["mistral-medium-2508"], 128_000, "Mistral AI"),
    fam("Devstral", &["devstral"], 256_000, "Mistral AI"),
    fam("Devstral Medium 1.0", &["devstral-medium-2507"], 128_000, "Mistral AI"),
    fam("Codestral", &["codestral"], 128_000, "Mistral AI"),
    fam("gpt-oss", &["gpt-oss"], 131_072, "OpenAI"),
    fam("Llama 3.1 / 3.3", &["llama-3.1", "llama-3.3", "llama3.1", "llama3.3"], 131_072, "Meta"),
];

/// The name as the table compares it: lowercased, no `vendor/` prefix, no `:tag`.
fn bare(model: &str) -> String {
    let last = model.rsplit('/').next().unwrap_or(model);
    let untagged = last.split(':').next().unwrap_or(last);
    untagged.to_lowercase()
}

/// The family `model` belongs to, if the table knows it.
pub fn lookup(model: &str) -> Option<&'static Family> {
    let name = bare(model);
    FAMILIES
        .iter()
        .flat_map(|f| f.prefixes.iter().map(move |p| (f, *p)))
        .filter(|(_, p)| name.starts_with(p))
        .max_by_key(|(_, p)| p.len())
        .map(|(f, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_model_and_the_usual_spellings_find_their_family() {
        let cases: &[(&str, Option<u64>)] = &[
            ("kimi-k2.6", Some(262_144)),
            ("moonshotai/kimi-k2-0905", Some(262_144)),
            ("kimi-k2-0711-preview", Some(131_072)),
            ("glm-5.1", Some(200_000)),
            ("glm-5.2", Some(1_048_576)),
            ("z-ai/GLM-4.6", Some(200_000)),
            ("deepseek-v4-pro", Some(1_000_000)),
            ("qwen3-coder:30b", Some(262_144)),
            ("qwen/qwen3-coder-480b-a35b-instruct", Some(262_144)),
            ("anthropic/claude-sonnet-4.5", Some(200_000)),
            ("anthropic/claude-sonnet-4.6", Some(1_000_000)),
            ("google/gemini-2.5-pro", Some(1_048_576)),
            ("mistral-medium-latest", Some(256_000)),
            ("mistral-medium-2508", Some(128_000)),
            ("devstral-2512", Some(256_000)),
            ("codestral-latest", Some(128_000)),
            ("openai/gpt-oss-120b", Some(131_072)),
            ("gpt5-prod", None),
            ("kimi", None),
            ("", None),
        ];
        for (model, want) in cases {
            assert_eq!(lookup(model).map(|f| f.context_window), *want, "{model}");
        }
    }

    #[test]
    fn no_prefix_is_listed_twice() {
        let mut all: Vec<&str> = FAMILIES.iter().flat_map(|f| f.prefixes.iter().copied()).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
        assert!(FAMILIES.iter().flat_map(|f| f.prefixes.iter()).all(|p| *p == p.to_lowercase()));
    }
}
