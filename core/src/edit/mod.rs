//! The lossless editing engine: TOML spliced in place, Codex's config file on top, files committed atomically, backed up first, under one lock.

pub mod atomic;
pub mod backup;
pub mod config_doc;
pub mod file;
pub mod lock;
pub mod pending;
pub mod toml;
