//! Chat Completions stand-ins on 127.0.0.1 that act as real providers do, after
//! shared/fixtures/provider-quirks.md (cited in these files by section, e.g. §1.6): each one
//! checks every request against its provider's rules and refuses a breach with that
//! provider's own status and body; each streams in its provider's shape, every
//! event cut at a byte that moves (inside characters at times), as `chat.rs` does.
//!
//! All of them run one scripted tool task, told apart by the `tool` messages a
//! request carries (`plan`): none yet, a little reasoning (where the provider has
//! it), a short text and two parallel shell calls writing one.txt and two.txt; two
//! results, one call writing three.txt (`apply_patch` when offered; no reasoning
//! before it from DeepSeek and Kimi); then a last answer, "All done" with the
//! behaviour's name.
//!
//! Each records every chat request's body and every error it answered.
//!
//! The parts: `behaviour` (which provider, its prefix and model), `log` (what a
//! stand-in recorded), `messages` (reading a request's messages), `rules` (what each
//! provider refuses), `task` (the scripted answers), `streams` (each provider's
//! stream of them), `sse` (writing a stream) and `server` (the stand-in itself).

mod behaviour;
mod log;
mod messages;
mod rules;
mod server;
mod sse;
mod streams;
mod task;

pub use behaviour::{Behaviour, FRAMING_B_BREAK};
pub use server::ProviderServer;
pub use task::{PATCH, final_answer};
