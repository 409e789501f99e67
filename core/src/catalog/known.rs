//! What Switchboard knows of one provider's model, and what follows for Codex:
//! the window (the user's figure, else the provider's own list, else the family
//! table, else a conservative default) and whether Codex edits with apply_patch
//! there (through the bridge always; directly only where the Test saw the
//! provider accept a `custom` tool). Pure.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::entry::{codex_match, slugs};
use super::family::{self, DEFAULT_WINDOW};
use crate::locale::{self, Args, Language};

/// Whether a provider took a request carrying a `custom` tool, as the Test saw it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CustomTools {
    #[default]
    Untested,
    Accepted,
    Refused,
}

/// What is recorded of a provider's model (in the catalog file, under a key Codex ignores).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderModel {
    pub model: String,
    /// The provider's name, for the picker's description.
    pub name: String,
    /// Through Switchboard's bridge.
    #[serde(default)]
    pub bridged: bool,
    /// The window the user gave (`--context-window`, or the form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_window: Option<u64>,
    /// The window the provider's own model list gave at the last Test, and whose list it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_window: Option<u64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider_source: String,
    #[serde(default)]
    pub custom_tools: CustomTools,
    /// The model the provider said it served at the last Test, when not `model`
    /// (an Azure deployment's model): Codex's own figures for it apply.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub served_as: String,
}

impl ProviderModel {
    /// The record after the provider now serves `model` (what was learnt of another model is dropped).
    pub fn serving(&self, model: &str, name: &str, bridged: bool) -> ProviderModel {
        if self.model == model {
            return ProviderModel { name: name.to_owned(), bridged, ..self.clone() };
        }
        ProviderModel { model: model.to_owned(), name: name.to_owned(), bridged, ..Default::default() }
    }
}

/// Where the window comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WindowSource {
    /// The user's figure.
    You,
    /// The provider's own model list.
    Provider,
    /// The family table.
    Family,
    /// Codex's own catalog knows the model.
    Codex,
    /// Nothing knew it: [`DEFAULT_WINDOW`].
    Default,
}

/// Why Codex does or does not offer apply_patch there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PatchReason {
    /// The bridge turns it into a function.
    Bridge,
    /// The provider took a custom tool at the Test.
    Accepted,
    /// The provider refused one: Codex is never sent one there.
    Refused,
    /// Not tested yet: none is sent until the Test shows the provider takes it.
    Untested,
    /// Codex's own catalog decides.
    Codex,
}

/// What Codex will know of a provider's model. Serialises into `list --json` and the Test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Known {
    pub model: String,
    pub context_window: u64,
    pub window_source: WindowSource,
    /// The family, the provider's list or Codex's model the figure comes from ("" for you or the default).
    pub source_name: String,
    pub apply_patch: bool,
    pub patch_reason: PatchReason,
    /// Switchboard tells Codex of this model (its catalog file), rather than Codex knowing it already.
    pub described: bool,
    /// All of it in one sentence, for the Test, `list` and the window.
    pub summary: String,
}

/// What Codex will know of `pm`'s model, given Codex's own list (`None`: unknown).
pub fn resolve(pm: &ProviderModel, codex: Option<&[Value]>) -> Known {
    let mut k = resolve_facts(pm, codex);
    k.summary = k.sentence();
    k
}

fn resolve_facts(pm: &ProviderModel, codex: Option<&[Value]>) -> Known {
    let own = codex.and_then(|models| codex_entry(models, &pm.model));
    let (patch, reason) = match (pm.bridged, pm.custom_tools) {
        (true, _) => (true, PatchReason::Bridge),
        (false, CustomTools::Accepted) => (true, PatchReason::Accepted),
        (false, CustomTools::Refused) => (false, PatchReason::Refused),
        (false, CustomTools::Untested) => (false, PatchReason::Untested),
    };
    let known = |context_window, window_source, source_name: String| Known {
        model: pm.model.clone(),
        context_window,
        window_source,
        source_name,
        apply_patch: patch,
        patch_reason: reason,
        described: true,
        summary: String::new(),
    };
    if let Some(w) = pm.context_window {
        return known(w, WindowSource::You, String::new());
    }
    if let Some(m) = own.filter(|_| !pm.bridged) {
        // Codex knows this model (an OpenAI one, or one of a gateway's under its own name): its entry stays.
        return Known {
            model: pm.model.clone(),
            context_window: m["context_window"].as_u64().unwrap_or(DEFAULT_WINDOW),
            window_source: WindowSource::Codex,
            source_name: m["display_name"].as_str().unwrap_or("").to_owned(),
            apply_patch: m["apply_patch_tool_type"] == "freeform",
            patch_reason: PatchReason::Codex,
            described: false,
            summary: String::new(),
        };
    }
    if let Some(w) = pm.provider_window {
        // The provider's name (files written before 2026-12 said "<name>'s model list").
        return known(w, WindowSource::Provider, pm.provider_source.trim_end_matches("'s model list").to_owned());
    }
    let from_codex = |m: &Value| known(m["context_window"].as_u64().unwrap_or(DEFAULT_WINDOW), WindowSource::Codex, m["display_name"].as_str().unwrap_or("").to_owned());
    // A deployment that serves a model Codex knows (Azure): that model's window.
    if let Some(m) = codex.filter(|_| !pm.served_as.is_empty()).and_then(|models| codex_entry(models, &pm.served_as)) {
        return from_codex(m);
    }
    if let Some(f) = family::lookup(&pm.model) {
        return known(f.context_window, WindowSource::Family, format!("{} ({})", f.name, f.source));
    }
    if let Some(m) = own {
        return from_codex(m);
    }
    known(DEFAULT_WINDOW, WindowSource::Default, String::new())
}

/// Codex's entry for `model`, found the way Codex matches slugs.
fn codex_entry<'a>(models: &'a [Value], model: &str) -> Option<&'a Value> {
    let slug = codex_match(slugs(models), model)?;
    models.iter().find(|m| m["slug"] == slug)
}

impl Known {
    /// One sentence for the Test and the CLI, in English (`summary`).
    pub fn sentence(&self) -> String {
        self.sentence_in(Language::English)
    }

    /// With `summary` in `lang`.
    pub fn worded(self, lang: Language) -> Known {
        Known { summary: self.sentence_in(lang), ..self }
    }

    /// The same in `lang`, from `locales/*/core.ftl` (the window words it so).
    pub fn sentence_in(&self, lang: Language) -> String {
        let w = |id: &str, args: Args| locale::text(lang, id, &args);
        let n = || Args::new().text("tokens", grouped(self.context_window)).text("source", &self.source_name);
        let window = match self.window_source {
            WindowSource::You => w("model-window-you", n()),
            WindowSource::Provider => w("model-window-provider", n()),
            WindowSource::Family => w("model-window-family", n()),
            WindowSource::Codex => w("model-window-codex", n()),
            WindowSource::Default => w("model-window-default", Args::new().text("k", self.context_window / 1000)),
        };
        let patch = match self.patch_reason {
            PatchReason::Bridge => "model-patch-bridge",
            PatchReason::Accepted => "model-patch-accepted",
            PatchReason::Refused => "model-patch-refused",
            PatchReason::Untested => "model-patch-untested",
            PatchReason::Codex if self.apply_patch => "model-patch-codex",
            PatchReason::Codex => "model-patch-codex-shell",
        };
        w("model-summary", Args::new().text("model", &self.model).text("window", window).text("patch", w(patch, Args::new())))
    }
}

/// `262144` as `262,144`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pm(model: &str, bridged: bool) -> ProviderModel {
        ProviderModel { model: model.into(), name: "P".into(), bridged, ..Default::default() }
    }

    #[test]
    fn the_window_comes_from_you_then_the_provider_then_the_family_then_the_default() {
        let codex = vec![json!({"slug": "gpt-5.5", "display_name": "GPT-5.5", "context_window": 272000, "apply_patch_tool_type": "freeform"})];
        let k = resolve(&pm("kimi-k2.6", true), Some(&codex));
        assert_eq!((k.context_window, k.window_source, k.apply_patch, k.described), (262_144, WindowSource::Family, true, true));
        let mut p = pm("anthropic/claude-sonnet-4.5", false);
        p.provider_window = Some(1_000_000);
        p.provider_source = "OpenRouter".into();
        let k = resolve(&p, Some(&codex));
        assert_eq!((k.context_window, k.window_source, k.apply_patch, k.patch_reason), (1_000_000, WindowSource::Provider, false, PatchReason::Untested));
        p.context_window = Some(150_000);
        assert_eq!(resolve(&p, None).window_source, WindowSource::You);
        let k = resolve(&pm("gpt5-prod", false), Some(&codex));
        assert_eq!((k.context_window, k.window_source), (DEFAULT_WINDOW, WindowSource::Default));
        assert!(k.sentence().contains("context window unknown; assuming 128k"), "{}", k.sentence());
        assert_eq!((grouped(262_144), grouped(999), grouped(1_000_000)), ("262,144".into(), "999".into(), "1,000,000".into()));
        let k = resolve(&pm("openai/gpt-5.5", false), Some(&codex));
        assert_eq!((k.window_source, k.described, k.apply_patch), (WindowSource::Codex, false, true), "Codex's own model is left to Codex");
        let k = resolve(&pm("gpt-5.5", true), Some(&codex));
        assert!(k.described, "through the bridge Switchboard describes even an OpenAI slug");
    }

    #[test]
    fn a_new_model_forgets_what_was_learnt_of_the_old_one() {
        let mut p = pm("a", false);
        p.provider_window = Some(5);
        p.context_window = Some(7);
        p.custom_tools = CustomTools::Accepted;
        assert_eq!(p.serving("a", "Q", false).context_window, Some(7));
        let b = p.serving("b", "Q", false);
        assert_eq!((b.context_window, b.provider_window, b.custom_tools), (None, None, CustomTools::Untested));
        assert_eq!(p.serving("a", "Q", true).custom_tools, CustomTools::Accepted, "same model, now bridged: what was learnt stays");
    }
}
