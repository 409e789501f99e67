//! Codex's world, read only: where its CLI is, its home, its saved sessions, an organisation's layers, its sign-in, and which `switchboard` it runs for a key.

pub mod binary;
pub mod helper;
pub mod home;
pub mod managed;
pub mod openai_auth;
pub mod sessions;
