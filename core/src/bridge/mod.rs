//! The translating bridge: Codex's Responses API in, a provider's Chat Completions out, on 127.0.0.1, for the providers that speak only Chat Completions.

pub mod carry;
pub mod credential;
pub mod deltas;
pub mod dialect;
pub mod failure;
pub mod learnt;
pub mod lesson;
pub mod lifecycle;
pub mod request;
pub mod route;
pub mod stream;

#[cfg(test)]
mod quirk_tests;
