//! One Codex provider for every model: the bridge's server grown into a router.
//! Codex sees one provider, `switchboard`, whose models are `<provider-id>/<model>`
//! slugs and `switchboard/current` (what Use chose); the router sends each request
//! where its model says, passed through or translated, its history cleaned for that
//! upstream. Pure: `routes`, `history`, `tag`, `models`; I/O: `server`, `dispatch`,
//! `chat`, `passthrough`; in memory: `creds`, `sessions`; on disk: `state`.

pub mod chat;
pub mod codex_list;
pub mod creds;
pub mod dispatch;
pub mod handover;
pub mod history;
pub mod http;
pub mod models;
pub mod passthrough;
pub mod routes;
pub mod server;
pub mod sessions;
pub mod shared;
pub mod state;
pub mod tag;
