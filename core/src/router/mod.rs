//! One Codex provider for every model: the bridge's server grown into a router.
//! Codex sees one provider, `switchboard`, whose models are `<provider-id>/<model>`
//! slugs and `switchboard/current` (what Use chose); the router sends each request
//! where its model says, passed through or translated, its history cleaned for that
//! upstream. A request whose provider fails before any output moves to the model's
//! next fallback. Pure: `routes`, `history`, `tag`, `models`, `failover` (what moves a
//! request, the cool-downs); I/O: `server`, `dispatch` (the candidates, in order),
//! `attempt` (one of them), `gate` (a stream held until its first output, then
//! watched), `chat`, `passthrough`; in memory: `creds`, `sessions`, `events`, and
//! `codex_list` and `models_answer` (Codex's list and the `/models` answer, each kept
//! once until what it comes from changes), `heap` (what the allocator freed, handed back
//! once a burst is over); on disk: `state`.

pub mod attempt;
pub mod chat;
pub mod codex_list;
pub mod creds;
pub mod dispatch;
pub mod events;
pub mod failover;
pub mod gate;
pub mod handover;
pub mod heap;
pub mod history;
pub mod http;
pub mod models;
pub mod models_answer;
pub mod passthrough;
pub mod routes;
pub mod server;
pub mod sessions;
pub mod shared;
pub mod state;
pub mod tag;
