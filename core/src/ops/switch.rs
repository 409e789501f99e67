//! `use`: make a provider the active one. The provider left keeps its model,
//! the one chosen gets its own back.

use std::cell::RefCell;

use super::switchboard::{Outcome, Switchboard};
use crate::edit::config_doc::ConfigDoc;
use crate::error::{Error, Result};
use crate::codex::managed::{self, Override};
use crate::codex::sessions;
use crate::edit::file::Written;
use crate::provider::profile;
use crate::provider::table::{self, active_provider, read_entry};

impl Switchboard {
    /// Makes `id` the active provider. `use openai` goes back to Codex's default.
    /// The provider being left keeps the model it had (in its profile file), and
    /// the one chosen gets its own back; `model` wins and becomes the one kept.
    /// The provider's table and its remembered model are read under the lock.
    pub fn use_provider(&self, id: &str, model: Option<&str>) -> Result<Outcome> {
        if let Some(m) = model {
            if m.trim().is_empty() || m.chars().any(char::is_control) {
                return Err(Error::InvalidInput(format!("`{}` is not a usable model name.", m.escape_debug())));
            }
        }
        let custom = !table::is_built_in(id);
        let remembered = || -> Result<Option<String>> { if model.is_none() { profile::model(&self.home, id) } else { Ok(None) } };
        let chosen = RefCell::new(None::<String>);
        // The provider being left and the model it had, as the committed edit saw them.
        let left = RefCell::new(None::<(String, Option<String>)>);
        let above = RefCell::new(Vec::<Override>::new());
        let root = managed::root();
        let edit_with = |recorded: Option<String>| {
            let (chosen, left, above, root) = (&chosen, &left, &above, &root);
            move |doc: &mut ConfigDoc| -> Result<()> {
                let current = doc.top_level_str("model")?;
                let pick = if id == "openai" {
                    model.map(str::to_owned).or(recorded.clone())
                } else if !custom {
                    model.map(str::to_owned).or(recorded.clone()).or(current.clone())
                } else {
                    let entry = read_entry(doc, id)?.ok_or_else(|| Error::UnknownProvider(id.into()))?;
                    if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
                        return Err(Error::WireApi(w.into()));
                    }
                    model.map(str::to_owned).or(recorded.clone()).or(current.clone())
                };
                let before = active_provider(doc)?;
                let known = table::is_built_in(&before) || read_entry(doc, &before)?.is_some();
                *left.borrow_mut() = (before != id && known).then_some((before, current));
                let provider = if id == "openai" { None } else { Some(id) };
                doc.set_top_levels(&[("model_provider", provider), ("model", pick.as_deref())])?;
                *above.borrow_mut() = managed::overrides(root, doc);
                *chosen.borrow_mut() = pick;
                Ok(())
            }
        };
        let before = remembered()?;
        let decided = self.config.decide(edit_with(before.clone()))?;
        let keep = model.is_some() && profile::model(&self.home, id)?.as_deref() != model;
        let written = if decided.changes() || keep {
            self.transaction(|lock| {
                let now = remembered()?;
                let reuse = (now == before).then_some(decided);
                let written = self.config.commit(lock, edit_with(now), reuse)?;
                if let Some((prev, had)) = left.borrow().as_ref().filter(|_| written.changed) {
                    // A provider Switchboard added keeps its recorded model rather than losing it to "none".
                    if had.is_some() || !profile::is_ours(&self.home, prev) {
                        profile::remember(lock, &self.home, prev, had.as_deref())?;
                    }
                }
                if let Some(m) = model {
                    // Keeps the file's header: a hand-written provider stays the user's.
                    profile::remember(lock, &self.home, id, Some(m))?;
                }
                Ok(written)
            })?
        } else {
            Written::default()
        };
        // No keychain look-up here: it costs a D-Bus session, and `use` must stay
        // instant (tray clicks). `list` and the app show a missing key instead.
        let model_text = match chosen.into_inner() {
            Some(m) => format!("model {m}"),
            None => "Codex's default model".into(),
        };
        let mut message = format!("Codex now uses `{id}` with {model_text}.");
        if let Some((prev, _)) = left.into_inner().filter(|_| written.changed) {
            if sessions::any(&self.home, &prev) {
                message.push_str(&format!(
                    "\nYour `{prev}` sessions stay on disk: `switchboard sessions --provider {prev}` lists them, each with the command that resumes it."
                ));
            }
        }
        let warnings = above.into_inner().into_iter().map(|o| o.message).collect();
        Ok(Outcome { message, backup: written.backup, warnings })
    }
}
