//! What Codex knows of each model Switchboard sets up (its context window, and whether it edits with apply_patch), told to Codex through a catalog file that keeps Codex's own models.

pub mod bundled;
pub mod entry;
pub mod family;
pub mod known;
pub mod store;

/// config.toml's top-level key that names a catalog file.
pub const POINTER_KEY: &str = "model_catalog_json";

/// The value config.toml's `model_catalog_json` should take, given the one it has:
/// `None` when it names a file of the user's own, which Switchboard never touches.
pub fn pointer(current: Option<&str>, wanted: bool) -> Option<Option<&'static str>> {
    match current {
        Some(c) if c != store::FILE => None,
        _ => Some(wanted.then_some(store::FILE)),
    }
}
