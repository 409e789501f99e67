//! The operations, one transaction each over one Codex home: list, add, edit, use, remove, keys, restore, and doctor.

pub mod add;
pub mod catalog;
pub mod doctor;
pub mod edit;
mod recover;
pub mod remove;
pub mod restore;
pub mod route;
pub mod switch;
pub mod switchboard;
pub mod usage;
