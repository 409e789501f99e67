//! Every routed request, counted (issue 23): what the router records of each one
//! (`Record`: tokens under Codex's own names, timings, status, the upstream that
//! served it and whether it failed over — never a prompt, an answer or a key), the
//! local store that keeps them (`store`, one SQLite file per Codex home, bounded,
//! crash-safe), the reports over them (`report`, pure, days in the user's time zone:
//! `clock`; `summary` reads a home whole), prices where one is known (`price`, pure; `settings` keeps the user's and
//! the fetched lists, `fetch` gets OpenRouter's) and monthly budgets (`budget`).
//!
//! The router hands each finished request to a `Sink` (`sink`), which writes off the
//! request's path; everything else reads the store.

pub mod budget;
pub mod clock;
pub mod fetch;
pub mod price;
pub mod record;
pub mod report;
pub mod settings;
pub mod sink;
pub mod store;
pub mod summary;

pub use record::{Failover, Record, Tokens};
pub use sink::Sink;
