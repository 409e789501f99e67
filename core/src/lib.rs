//! Switchboard's domain, with no GUI dependency. One folder per concept:
//! `edit` (the lossless editing engine), `provider` (the provider model),
//! `codex` (Codex's world, read only), `probe` (the Test), `bridge` (Chat
//! Completions for Codex), `catalog` (what Codex knows of each model), `adopt`
//! (bringing setups in), `share`, `desktop` (what the window and the tray share)
//! and `ops` (the operations). See ARCHITECTURE.md for the invariants they keep.

pub mod adopt;
pub mod bridge;
pub mod catalog;
pub mod codex;
pub mod desktop;
pub mod edit;
pub mod error;
pub mod locale;
pub mod ops;
pub mod places;
pub mod probe;
pub mod provider;
pub mod router;
pub mod share;
pub mod sse;
pub mod usage;

pub use error::{Error, Result};
pub use ops::switchboard::{Listing, Outcome, ProviderView, Switchboard};
