//! The provider model: a provider's table, Codex's built-in ones, the presets and forms it is made from, and what it keeps outside config.toml (its key, its profile).

pub mod api;
pub mod auth;
pub mod builtin;
pub mod build;
pub mod draft;
pub mod field;
pub mod preset;
pub mod preset_row;
pub mod presets;
pub mod profile;
pub mod secret;
pub mod table;
