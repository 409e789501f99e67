//! Sharing providers without their keys: the format of a link or a file, and the preview and import of one.

pub mod format;
pub mod import;
