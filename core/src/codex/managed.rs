//! The layers an organisation controls, around the user's config.toml.
//!
//! What Codex 0.169 reads on Linux and macOS, lowest first (from its config
//! loader, `load_config_layers_state`):
//! 1. `/etc/codex/config.toml`: the system layer, *below* config.toml. It
//!    decides a key only when config.toml leaves it out (so after
//!    `use openai`, which removes `model_provider`, a system `model_provider` wins);
//! 2. `$CODEX_HOME/config.toml`, then a profile file, trusted project layers and `-c` flags;
//! 3. `/etc/codex/managed_config.toml`: the legacy managed layer, on top of
//!    everything, `-c` included;
//! 4. on macOS, the MDM payload `com.openai.codex` / `config_toml_base64`, on top again.
//!
//! `/etc/codex/requirements.toml` sets no values but constrains them; a
//! requirement about the model or provider is reported too.
//!
//! Codex has no environment variable to move `/etc`; Switchboard reads
//! `$SWITCHBOARD_SYSTEM_ROOT` in place of `/` so tests never touch the real `/etc`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::edit::config_doc::ConfigDoc;
use crate::locale::{Args, Language, Words};

/// The keys a switch sets, and so the ones a layer above can take away.
const KEYS: [&str; 2] = ["model_provider", "model"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// `/etc/codex/config.toml`, below config.toml.
    System,
    /// `/etc/codex/managed_config.toml`, above everything.
    Managed,
    /// `/etc/codex/requirements.toml`, enforced rules.
    Requirements,
    /// A macOS configuration profile (MDM).
    Mdm,
}

/// A setting from an organisation's layer that decides what Codex uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Override {
    pub layer: Layer,
    pub file: PathBuf,
    /// `model_provider` or `model` (or the requirement's key).
    pub key: String,
    /// The value it sets, when it is a string.
    pub value: Option<String>,
    /// One sentence for the user: in English for `--json`, in the window's language in the window.
    pub message: String,
    /// The sentence as core decided it.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub words: Words,
}

impl Override {
    fn new(layer: Layer, file: PathBuf, key: String, value: Option<String>, words: Words) -> Override {
        Override { layer, file, key, value, message: words.in_language(Language::English), words }
    }

    /// The same, with `message` in `lang`.
    pub fn worded(self, lang: Language) -> Override {
        Override { message: self.words.in_language(lang), ..self }
    }
}

/// The root the system paths hang from: `/`, or `$SWITCHBOARD_SYSTEM_ROOT` in tests.
pub fn root() -> PathBuf {
    std::env::var_os("SWITCHBOARD_SYSTEM_ROOT").filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/"))
}

fn file(root: &Path, name: &str) -> PathBuf {
    root.join("etc/codex").join(name)
}

/// The settings above (or beside) `user`, the config.toml as it is or is about to
/// be, that decide `model_provider` or `model` in its place.
pub fn overrides(root: &Path, user: &ConfigDoc) -> Vec<Override> {
    let mut out = Vec::new();
    let managed = file(root, "managed_config.toml");
    for (key, value) in read_keys(&managed) {
        let shown = value.as_deref().map(|v| format!(" = \"{v}\"")).unwrap_or_default();
        let words = Words::new("managed-sets", Args::new().text("file", managed.display()).text("key", &key).text("shown", shown));
        out.push(Override::new(Layer::Managed, managed.clone(), key, value, words));
    }
    let system = file(root, "config.toml");
    for (key, value) in read_keys(&system) {
        if user.top_level_str(&key).ok().flatten().is_some() || out.iter().any(|o| o.key == key) {
            continue;
        }
        let shown = value.as_deref().map(|v| format!(" = \"{v}\"")).unwrap_or_default();
        let words = Words::new("managed-system", Args::new().text("file", system.display()).text("key", &key).text("shown", shown));
        out.push(Override::new(Layer::System, system.clone(), key, value, words));
    }
    let req = file(root, "requirements.toml");
    if let Some(doc) = parse(&req) {
        for key in doc.iter().map(|(k, _)| k.to_owned()).filter(|k| k.contains("model")) {
            let words = Words::new("managed-rule", Args::new().text("file", req.display()).text("key", &key));
            out.push(Override::new(Layer::Requirements, req.clone(), key, None, words));
        }
    }
    #[cfg(target_os = "macos")]
    {
        let mdm = root.join("Library/Managed Preferences/com.openai.codex.plist");
        if mdm.is_file() {
            let words = Words::new("managed-mdm", Args::new().text("file", mdm.display()));
            out.push(Override::new(Layer::Mdm, mdm, "config_toml_base64".into(), None, words));
        }
    }
    out
}

/// `model_provider` and `model` as set in the file at `path` (value `None` when not a string).
fn read_keys(path: &Path) -> Vec<(String, Option<String>)> {
    let Some(doc) = parse(path) else { return Vec::new() };
    KEYS.iter().filter_map(|k| doc.get(k).map(|v| ((*k).to_owned(), v.as_str().map(str::to_owned)))).collect()
}

/// A layer that is not ours, read as plain TOML (a broken one decides nothing; Codex reports it).
fn parse(path: &Path) -> Option<toml_edit::DocumentMut> {
    std::fs::read_to_string(path).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(files: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("etc/codex")).unwrap();
        for (name, text) in files {
            std::fs::write(tmp.path().join("etc/codex").join(name), text).unwrap();
        }
        tmp
    }

    fn user(text: &str) -> ConfigDoc {
        ConfigDoc::parse(text.into(), Path::new("config.toml")).unwrap()
    }

    #[test]
    fn which_layer_decides() {
        // (files, user's config.toml, expected (layer, key, value))
        let cases: &[(&[(&str, &str)], &str, &[(Layer, &str, Option<&str>)])] = &[
            (&[], "model_provider = \"a\"\n", &[]),
            (&[("managed_config.toml", "model_provider = \"corp\"\nmodel = \"m\"\n")], "model_provider = \"a\"\n", &[(Layer::Managed, "model_provider", Some("corp")), (Layer::Managed, "model", Some("m"))]),
            // The system layer is below config.toml: it decides only what the user leaves out.
            (&[("config.toml", "model_provider = \"corp\"\n")], "model_provider = \"a\"\n", &[]),
            (&[("config.toml", "model_provider = \"corp\"\nmodel = 3\n")], "", &[(Layer::System, "model_provider", Some("corp")), (Layer::System, "model", None)]),
            (&[("managed_config.toml", "model = \"m\"\n"), ("config.toml", "model = \"s\"\n")], "", &[(Layer::Managed, "model", Some("m"))]),
            (&[("requirements.toml", "allowed_sandbox_modes = [\"read-only\"]\n")], "", &[]),
            (&[("managed_config.toml", "not toml [")], "", &[]),
        ];
        for (files, text, want) in cases {
            let root = setup(files);
            let got: Vec<(Layer, String, Option<String>)> = overrides(root.path(), &user(text)).into_iter().map(|o| (o.layer, o.key, o.value)).collect();
            let want: Vec<(Layer, String, Option<String>)> = want.iter().map(|(l, k, v)| (*l, (*k).to_owned(), v.map(str::to_owned))).collect();
            assert_eq!(got, want, "files {files:?}, user {text:?}");
        }
    }
}
