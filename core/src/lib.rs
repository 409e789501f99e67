//! Switchboard's domain, with no GUI dependency: finding the Codex home,
//! lossless editing of config.toml, presets, keys in the OS keychain.
//!
//! See ARCHITECTURE.md for the modules and the invariants they keep.

mod add;
pub mod atomic;
pub mod autostart;
pub mod backup;
pub mod cc_import;
pub mod cc_switch;
pub mod config;
pub mod doctor;
pub mod document;
pub mod draft;
pub mod error;
pub mod field;
pub mod helper;
pub mod home;
pub mod managed;
pub mod openai_auth;
pub mod import;
pub mod preset;
pub mod pending;
pub mod plaintext;
pub mod probe;
pub mod profile;
pub mod provider;
pub mod secret;
pub mod sessions;
pub mod share;
pub mod secure;
pub mod session;
pub mod switchboard;
#[cfg(feature = "watch")]
pub mod watch;
pub mod tray_menu;

pub use error::{Error, Result};
pub use switchboard::{Listing, Outcome, ProviderView, Switchboard};
