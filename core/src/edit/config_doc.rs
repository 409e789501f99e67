//! A Codex config file (config.toml or a profile file) as Switchboard edits it:
//! the top-level `model` and `model_provider`, and the `[model_providers.<id>]`
//! tables, on top of the lossless TOML engine (`toml`). Parsing checks that the
//! keys Switchboard owns have the types Codex expects, so an edit never starts
//! from a file Codex would refuse for them.

use std::path::Path;

use toml_edit::{TableLike, Value};

use super::toml::{TomlText, Want, type_name};
use crate::error::{Error, Result};

/// The top-level table that holds the providers.
const PROVIDERS: &str = "model_providers";

#[derive(Debug, Clone)]
pub struct ConfigDoc {
    toml: TomlText,
}

impl ConfigDoc {
    /// Parses `text`; `path` only names the file in error messages.
    pub fn parse(text: String, path: &Path) -> Result<Self> {
        let doc = ConfigDoc { toml: TomlText::parse(text, path)? };
        // The keys Switchboard owns must have the types Codex expects.
        doc.top_level_str("model")?;
        doc.top_level_str("model_provider")?;
        doc.provider_ids()?;
        Ok(doc)
    }

    pub fn text(&self) -> &str {
        self.toml.text()
    }

    pub fn into_text(self) -> String {
        self.text().to_owned()
    }

    /// The line ending used by the file (`"\r\n"` or `"\n"`).
    pub fn eol(&self) -> &'static str {
        self.toml.eol()
    }

    /// Reads a top-level string key such as `model` or `model_provider`.
    pub fn top_level_str(&self, key: &str) -> Result<Option<String>> {
        match self.toml.root().get(key) {
            None => Ok(None),
            Some(item) => match item.as_str() {
                Some(s) => Ok(Some(s.to_owned())),
                None => Err(Error::WrongType { key: key.into(), found: type_name(item), expected: "type-string" }),
            },
        }
    }

    /// Whether a top-level key exists at all (of any type).
    pub fn has_top_level(&self, key: &str) -> bool {
        self.toml.root().contains_key(key)
    }

    /// Ids of `[model_providers.*]` entries, in file order.
    pub fn provider_ids(&self) -> Result<Vec<String>> {
        match self.toml.root().get(PROVIDERS) {
            None => Ok(Vec::new()),
            Some(item) => match item.as_table_like() {
                Some(t) => Ok(t.iter().map(|(k, _)| k.to_owned()).collect()),
                None => Err(Error::WrongType { key: PROVIDERS.into(), found: type_name(item), expected: "type-table" }),
            },
        }
    }

    /// Calls `f` with the provider's table (header, dotted or inline alike).
    pub fn with_provider<T>(&self, id: &str, f: impl FnOnce(&dyn TableLike) -> Result<T>) -> Result<Option<T>> {
        let Some(providers) = self.toml.table(PROVIDERS)? else { return Ok(None) };
        match providers.get(id) {
            None => Ok(None),
            Some(item) => match item.as_table_like() {
                Some(t) => f(t).map(Some),
                None => Err(Error::WrongType { key: format!("{PROVIDERS}.{id}"), found: type_name(item), expected: "type-table" }),
            },
        }
    }

    /// Sets (or with `None` removes) a top-level key. New keys go after the last
    /// top-level key, above the first table, never after a table header.
    pub fn set_top_level(&mut self, key: &str, value: Option<&str>) -> Result<bool> {
        self.set_top_levels(&[(key, value)])
    }

    /// Sets or removes several top-level keys in one splice.
    pub fn set_top_levels(&mut self, keys: &[(&str, Option<&str>)]) -> Result<bool> {
        let wants: Vec<(String, Want)> = keys
            .iter()
            .map(|(k, v)| {
                let want = match v {
                    Some(v) => Want::Set(Value::from(*v)),
                    None => Want::Remove,
                };
                ((*k).to_owned(), want)
            })
            .collect();
        self.toml.set_root(&wants, "part-top-level-keys")
    }

    /// Makes `[model_providers.<id>]` match `wants`, creating the table if needed.
    pub fn upsert_provider(&mut self, id: &str, wants: &[(String, Want)]) -> Result<bool> {
        self.toml.upsert_table(PROVIDERS, id, wants, "part-provider-table")
    }

    /// Removes `[model_providers.<id>]` and all of its sub-tables. Returns false when absent.
    pub fn remove_provider(&mut self, id: &str) -> Result<bool> {
        self.toml.remove_table(PROVIDERS, id, "part-provider-table")
    }
}

#[cfg(test)]
mod tests;
