//! Keeping the catalog file in step with the providers. An operation reads
//! Codex's list and the store once, decides in its edit of config.toml whether
//! `model_catalog_json` names the file (only while the active provider's model is
//! one Codex does not know), and writes the file inside its transaction before
//! config.toml can name it.

use crate::catalog::bundled::{self, Bundled};
use crate::catalog::known::{CustomTools, Known, ProviderModel, resolve};
use crate::catalog::store::{self, Store};
use crate::catalog::{POINTER_KEY, pointer};
use crate::edit::config_doc::ConfigDoc;
use crate::edit::lock::Lock;
use crate::error::Result;
use crate::ops::switchboard::Switchboard;
use crate::probe::ModelFacts;

/// Codex's list and Switchboard's store, as one operation read them.
pub(crate) struct Catalog {
    pub codex: Option<Bundled>,
    pub store: Store,
}

impl Catalog {
    /// The store with `id` now as `pm` (or without it).
    pub fn with(&self, id: &str, pm: Option<ProviderModel>) -> Store {
        let mut s = self.store.clone();
        match pm {
            Some(pm) => s.providers.insert(id.to_owned(), pm),
            None => s.providers.remove(id),
        };
        s
    }

    /// `id`'s record once it serves `model` under `name`, through the bridge or not.
    pub fn serving(&self, id: &str, model: &str, name: &str, bridged: bool) -> ProviderModel {
        self.store.providers.get(id).cloned().unwrap_or_default().serving(model, name, bridged)
    }

    /// Sets config.toml's `model_catalog_json` for `active` under `store`: names the
    /// file while Codex needs it, removes Switchboard's name otherwise, and leaves a
    /// catalog of the user's own alone.
    pub fn point(&self, doc: &mut ConfigDoc, store: &Store, active: Option<&str>) -> Result<()> {
        let wanted = active.is_some_and(|id| store::wanted(store, self.codex.as_ref(), id));
        // A value Switchboard cannot read as a string is the user's.
        let Ok(current) = doc.top_level_str(POINTER_KEY) else { return Ok(()) };
        if !doc.has_top_level(POINTER_KEY) && !wanted {
            return Ok(());
        }
        if let Some(v) = pointer(current.as_deref(), wanted) {
            if current.as_deref() != v {
                doc.set_top_level(POINTER_KEY, v)?;
            }
        }
        Ok(())
    }
}

impl Switchboard {
    /// Reads Codex's list (from the cache, else from the Codex installed) and the store.
    pub(crate) fn catalog(&self) -> Catalog {
        Catalog { codex: bundled::current(), store: store::load(self.home()) }
    }

    /// The store alone, with the Codex list only if it is cached (no Codex is run).
    pub(crate) fn catalog_store_only(&self) -> Catalog {
        Catalog { codex: bundled::cached(), store: store::load(self.home()) }
    }

    /// Writes `store` into the catalog file, inside the caller's transaction.
    /// Another process may have written the file since `cat` was read: only what
    /// this operation changed (`store` against `cat.store`) is applied to the file
    /// as it is now, so a concurrent operation's entry is never undone.
    pub(crate) fn write_catalog(&self, _lock: &Lock, cat: &Catalog, store: &Store, active: Option<&str>) -> Result<()> {
        let now = store::load(self.home());
        let mut next = now.clone();
        for id in cat.store.providers.keys().chain(store.providers.keys()) {
            match (cat.store.providers.get(id), store.providers.get(id)) {
                (was, will) if was == will => {}
                (_, Some(pm)) => {
                    next.providers.insert(id.clone(), pm.clone());
                }
                (_, None) => {
                    next.providers.remove(id);
                }
            }
        }
        if next == now && (next.providers.is_empty() || store::usable(self.home())) {
            return Ok(());
        }
        store::write(self.home(), &next, cat.codex.as_ref(), active)
    }
}

impl Switchboard {
    /// What Codex will know of `model` on provider `id`, with what a Test saw
    /// (`facts`) recorded when it is the provider's own model.
    pub fn learn_model(&self, id: &str, name: &str, model: &str, bridged: bool, own_model: bool, facts: Option<&ModelFacts>) -> Result<Known> {
        let cat = self.catalog();
        let mut pm = cat.serving(id, model, name, bridged);
        if let Some(f) = facts {
            if let Some(w) = f.window {
                pm.provider_window = Some(w);
                pm.provider_source = f.window_from.clone();
            }
            if let Some(takes) = f.custom_tools {
                pm.custom_tools = if takes { CustomTools::Accepted } else { CustomTools::Refused };
            }
            pm.served_as = f.served_as.clone();
        }
        let known = resolve(&pm, cat.codex.as_ref().map(|c| &c.models[..]));
        if own_model && (cat.store.providers.get(id) != Some(&pm) || (known.described && !store::usable(self.home()))) {
            self.transaction(|lock| {
                let active = self.config_file().load().ok().and_then(|d| crate::provider::table::active_provider(&d).ok());
                self.write_catalog(lock, &cat, &cat.with(id, Some(pm.clone())), active.as_deref())
            })?;
        }
        Ok(known)
    }
}

/// The auth command's hook: when the Codex that runs it is not the one whose list
/// Switchboard holds (an update), reads that Codex's list and writes the file
/// again, so Codex's new models are in it from its next start. Costs a stat when
/// nothing changed; never fails the command.
pub fn refresh_from_parent(sb: &Switchboard) {
    let Some(exe) = bundled::parent_codex() else { return };
    let fresh = bundled::cached().is_some_and(|b| b.exe == exe && Some(b.exe_id) == bundled::exe_id(&exe));
    if fresh && (store::usable(sb.home()) || !store::path(sb.home()).exists()) {
        return;
    }
    let Some(codex) = bundled::of(&exe) else { return };
    let Ok(lock) = sb.config_file().lock() else { return };
    let store = store::load(sb.home());
    if !store.providers.is_empty() {
        let active = sb.config_file().load().ok().and_then(|d| crate::provider::table::active_provider(&d).ok());
        let _ = store::write(sb.home(), &store, Some(&codex), active.as_deref());
    }
    drop(lock);
}
