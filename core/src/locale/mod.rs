//! The languages Switchboard speaks and core's sentences in each: `language`
//! decides which one a locale asks for; `catalog` words a message from
//! `locales/<language>/core.ftl` (the window's own words are in window.ftl
//! beside it, read by the UI). Codes, `--json` and diagnosis names never change
//! with the language; only the words do.

pub mod catalog;
pub mod language;

pub use catalog::{Args, Words, text};
pub use language::Language;
