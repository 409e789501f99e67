//! `secure`: moves keys kept in plain text (or only in an environment
//! variable) into the keychain and switches each provider to keychain auth.
//!
//! One transaction: every file is decided first without the lock (a refusal
//! writes nothing: no key, no file, no backup). Under the lock, an intent record
//! is written, the keys are stored, then each file is committed once (config.toml
//! first, then profile files), and finally Switchboard's own backups that hold a
//! moved value are scrubbed. A crash anywhere in between is finished or undone by
//! the next run (see [`recover`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::edit::backup::Scrubbed;
use crate::edit::file::{Decision, TomlFile};
use crate::edit::config_doc::ConfigDoc;
use crate::error::{Error, Result};
use crate::edit::pending::Pending;
use crate::adopt::plaintext::{self, Finding, KeyPlace};
use crate::provider::table::{Auth, ProviderEntry};
use crate::provider::table::read_entry;
use crate::ops::switchboard::Switchboard;
use crate::provider::secret;
use crate::locale::{Args, Language, Words};

/// Which providers to secure.
#[derive(Debug, Clone)]
pub enum Targets {
    /// These ids; each must hold a key outside the keychain.
    Ids(Vec<String>),
    /// Every provider with a movable key; env-only ones whose variable is not given are skipped.
    All,
}

/// What `secure` did, for each surface to word.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Secured {
    /// `id: field in file`, one per moved key.
    pub moved: Vec<String>,
    /// What stayed, in words: env-only providers whose variable was not given
    /// (`--all`), and keys Codex could not send from the keychain.
    pub skipped: Vec<String>,
    /// Names of our backups rewritten without the moved keys.
    pub scrubbed: Vec<String>,
    /// Names of our backups deleted because the key was in them in another spelling.
    pub removed: Vec<String>,
    /// config.toml's backup taken before the change.
    pub backup: Option<String>,
    /// In English for `--json`; in the window's language when it reaches the window.
    pub message: String,
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub words: Words,
}

/// One provider to move: its key and where it was found.
struct Plan {
    id: String,
    key: String,
    found: Vec<Finding>,
}

impl Switchboard {
    /// Finds every key kept outside the keychain in config.toml and the profile files.
    pub fn plain_keys(&self) -> Vec<Finding> {
        plaintext::scan(self.home())
    }

    /// Moves keys into the keychain. `env` gives the value of an environment
    /// variable (the CLI reads its own environment; the window asks the user).
    pub fn secure(&self, targets: &Targets, env: &dyn Fn(&str) -> Option<String>) -> Result<Secured> {
        self.recover_if_needed()?;
        let files: Vec<(String, TomlFile)> = plaintext::files(self.home())
            .into_iter()
            .map(|p| (name_of(&p), if p == self.config_file().path() { self.config_file().clone() } else { TomlFile::plain(p, self.lock_dir().to_owned()) }))
            .collect();
        let mut docs = Vec::new();
        for (name, file) in &files {
            match file.load() {
                Ok(doc) => docs.push((name.clone(), doc)),
                // A profile file that does not parse cannot hold a usable provider.
                Err(e) if name == "config.toml" => return Err(e),
                Err(_) => {}
            }
        }
        let (plans, skipped) = plan(&docs, targets, env)?;
        let keys: BTreeMap<String, String> = plans.iter().map(|p| (p.id.clone(), p.key.clone())).collect();
        let helper = self.helper.clone();
        let edit = |doc: &mut ConfigDoc| -> Result<()> { move_to_keychain(doc, &keys, &helper) };
        // Decide every file before anything is written: a refusal touches nothing.
        let mut decided: Vec<(&TomlFile, String, Decision)> = Vec::new();
        for (name, file) in &files {
            if !plans.iter().any(|p| p.found.iter().any(|f| &f.file == name)) {
                continue;
            }
            let d = file.decide(edit)?;
            if d.changes() {
                decided.push((file, name.clone(), d));
            }
        }
        let file_names: Vec<String> = decided.iter().map(|(_, n, _)| n.clone()).collect();
        let (backup, scrubbed) = self.transaction(|lock| {
            let mut stored: Vec<(String, Option<secret::Key>, crate::edit::pending::Record)> = Vec::new();
            let undo = |stored: Vec<(String, Option<secret::Key>, crate::edit::pending::Record)>| {
                for (id, old, record) in stored {
                    let _ = match old {
                        Some(k) => secret::set(&id, k.expose()),
                        None => secret::delete(&id).map(|_| ()),
                    };
                    record.clear();
                }
            };
            for p in &plans {
                let old = match secret::get(&p.id) {
                    Ok(old) => old,
                    Err(e) => {
                        undo(stored);
                        return Err(e);
                    }
                };
                let intent = Pending { id: p.id.clone(), drop_key_if_absent: old.is_none(), secure_files: file_names.clone(), ..Default::default() };
                let record = match intent.save(lock, self.lock_dir()) {
                    Ok(r) => r,
                    Err(e) => {
                        undo(stored);
                        return Err(e);
                    }
                };
                if let Err(e) = secret::set(&p.id, &p.key) {
                    record.clear();
                    undo(stored);
                    return Err(e);
                }
                stored.push((p.id.clone(), old, record));
            }
            let mut backup = None;
            for (i, (file, _, decision)) in decided.into_iter().enumerate() {
                match file.commit(lock, edit, Some(decision)) {
                    Ok(w) => {
                        if i == 0 && file.backups().is_some() {
                            backup = w.backup;
                        }
                    }
                    // Nothing committed yet: put the keychain back as it was.
                    Err(e) if i == 0 => {
                        undo(stored);
                        return Err(e);
                    }
                    // config.toml already uses the keychain: the records stay, and the
                    // next run scrubs the backups.
                    Err(e) => return Err(e),
                }
            }
            let mut scrubbed = Scrubbed::default();
            for p in &plans {
                let s = self.config_file().backups().expect("config has backups").scrub(lock, &p.key)?;
                scrubbed.rewritten.extend(s.rewritten);
                scrubbed.removed.extend(s.removed);
            }
            for (_, _, record) in stored {
                record.clear();
            }
            Ok((backup, scrubbed))
        })?;
        let moved: Vec<String> = plans.iter().flat_map(|p| p.found.iter().map(|f| format!("{}: {} in {}", f.provider, f.field(), f.file))).collect();
        let mut scrubbed_names = scrubbed.rewritten;
        scrubbed_names.sort();
        scrubbed_names.dedup();
        let ids: Vec<String> = plans.iter().map(|p| format!("`{}`", p.id)).collect();
        let n = scrubbed_names.len() + scrubbed.removed.len();
        let words = Words::new("op-secured", Args::new().text("ids", ids.join(", ")).number("count", ids.len() as u32));
        let words = match n {
            0 => words.then(" ", "op-secured-no-backup", Args::new()),
            n => words.then(" ", "op-secured-scrubbed", Args::new().number("count", n as u32)),
        };
        let message = words.in_language(Language::English);
        Ok(Secured { moved, skipped, scrubbed: scrubbed_names, removed: scrubbed.removed, backup, message, words })
    }
}

/// The providers to move and their keys, decided from the files as read. Refuses
/// (an error, nothing written) when a named provider has nothing to move, a key
/// Codex could not send from the keychain, two different keys, or an unset variable.
fn plan(docs: &[(String, ConfigDoc)], targets: &Targets, env: &dyn Fn(&str) -> Option<String>) -> Result<(Vec<Plan>, Vec<String>)> {
    let mut found: BTreeMap<String, Vec<(Finding, ProviderEntry)>> = BTreeMap::new();
    let mut known = Vec::new();
    for (name, doc) in docs {
        for id in doc.provider_ids()? {
            known.push(id.clone());
            let Some(entry) = read_entry(doc, &id)? else { continue };
            let token = doc.with_provider(&id, |t| Ok(t.contains_key("experimental_bearer_token")))?.unwrap_or(false);
            for f in plaintext::in_entry(name, &entry, token) {
                found.entry(id.clone()).or_default().push((f, entry.clone()));
            }
        }
    }
    let (ids, all) = match targets {
        Targets::Ids(ids) => (ids.clone(), false),
        Targets::All => (found.keys().cloned().collect(), true),
    };
    if ids.is_empty() {
        return Err(Error::NothingToSecure(None));
    }
    let mut plans = Vec::new();
    let mut skipped = Vec::new();
    for id in ids {
        if plans.iter().any(|p: &Plan| p.id == id) {
            continue;
        }
        let Some(list) = found.get(&id) else {
            return Err(if known.contains(&id) { Error::NothingToSecure(Some(id)) } else { Error::UnknownProvider(id) });
        };
        let mut values: Vec<String> = Vec::new();
        // A key Codex could not send from the keychain stays where it is; a provider
        // named on its own with nothing else to move is refused.
        let any_movable = list.iter().any(|(f, _)| f.movable);
        for (f, entry) in list {
            if !f.movable {
                if !all && !any_movable {
                    return Err(Error::UnmovableKey { id: id.clone(), field: f.field() });
                }
                skipped.push(format!("{id}: {} stays in {} (Codex sends a keychain key only as a bearer token)", f.field(), f.file));
                continue;
            }
            if let Auth::Command { .. } = entry.auth {
                return Err(Error::UnmovableKey { id: id.clone(), field: f.field() });
            }
            let value = match f.place {
                KeyPlace::BearerToken => entry.file_token.as_ref().map(|k| k.expose().to_owned()),
                KeyPlace::Header => entry.http_headers.get(&f.name).and_then(|v| plaintext::movable_header_key(&f.name, v)),
                KeyPlace::EnvKey => env(&f.name).filter(|v| !v.trim().is_empty()),
            };
            match value {
                Some(v) => values.push(secret::clean_key(&v)?),
                None if f.place == KeyPlace::EnvKey && all => {
                    skipped.push(format!("{id}: ${} is not set here", f.name));
                }
                None if f.place == KeyPlace::EnvKey => return Err(Error::EnvUnset { id: id.clone(), var: f.name.clone() }),
                None => return Err(Error::EmptyKey),
            }
        }
        values.sort();
        values.dedup();
        match values.len() {
            0 => continue,
            1 => {}
            _ => return Err(Error::ConflictingKeys(id)),
        }
        let movable = list.iter().filter(|(f, _)| f.movable).map(|(f, _)| f.clone()).collect();
        plans.push(Plan { key: values.remove(0), id, found: movable });
    }
    if plans.is_empty() {
        return Err(Error::NothingToSecure(None));
    }
    Ok((plans, skipped))
}

/// Switches each planned provider in `doc` to keychain auth: removes its
/// `experimental_bearer_token`, `env_key`, `requires_openai_auth` and movable
/// credential headers, and adds the `[auth]` table. A provider whose plain-text
/// key changed since it was decided is refused (the key stored would be stale).
fn move_to_keychain(doc: &mut ConfigDoc, keys: &BTreeMap<String, String>, helper: &Path) -> Result<()> {
    for (id, key) in keys {
        let Some(entry) = read_entry(doc, id)? else { continue };
        let stale = entry.file_token.as_ref().is_some_and(|t| t.expose().trim() != key)
            || entry.http_headers.iter().any(|(n, v)| plaintext::movable_header_key(n, v).is_some_and(|k| &k != key));
        if stale {
            return Err(Error::ConcurrentEdit);
        }
        let mut spec = entry.to_spec();
        spec.auth = Auth::Keychain;
        spec.http_headers.retain(|n, v| plaintext::movable_header_key(n, v).is_none());
        doc.upsert_provider(id, &spec.wants(helper))?;
    }
    Ok(())
}

fn name_of(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(text: &str) -> Vec<(String, ConfigDoc)> {
        vec![("config.toml".into(), ConfigDoc::parse(text.into(), Path::new("config.toml")).unwrap())]
    }

    const TEXT: &str = "[model_providers.tok]\nname = \"T\"\nbase_url = \"https://t/v1\"\nexperimental_bearer_token = \"sk-t\"\n\
        [model_providers.hdr]\nname = \"H\"\nbase_url = \"https://h/v1\"\nhttp_headers = { Authorization = \"Bearer sk-h\", X-Title = \"x\" }\n\
        [model_providers.env]\nname = \"E\"\nbase_url = \"https://e/v1\"\nenv_key = \"E_KEY\"\n\
        [model_providers.xk]\nname = \"X\"\nbase_url = \"https://x/v1\"\nhttp_headers = { x-api-key = \"sk-x\" }\n\
        [model_providers.two]\nname = \"2\"\nbase_url = \"https://2/v1\"\nexperimental_bearer_token = \"sk-a\"\nhttp_headers = { Authorization = \"Bearer sk-b\" }\n\
        [model_providers.mix]\nname = \"M\"\nbase_url = \"https://m/v1\"\nhttp_headers = { Authorization = \"Bearer sk-m\", x-api-key = \"sk-m2\" }\n\
        [model_providers.clean]\nname = \"C\"\nbase_url = \"https://c/v1\"\n";

    #[test]
    fn plans_and_refusals() {
        let no_env = |_: &str| None;
        let env = |v: &str| (v == "E_KEY").then(|| "sk-e".to_owned());
        let ids = |v: &[&str]| Targets::Ids(v.iter().map(|s| s.to_string()).collect());
        let cases: Vec<(Targets, &dyn Fn(&str) -> Option<String>, std::result::Result<Vec<(&str, &str)>, &str>)> = vec![
            (ids(&["tok"]), &no_env, Ok(vec![("tok", "sk-t")])),
            (ids(&["hdr"]), &no_env, Ok(vec![("hdr", "sk-h")])),
            (ids(&["env"]), &env, Ok(vec![("env", "sk-e")])),
            (ids(&["env"]), &no_env, Err("env_unset")),
            (ids(&["xk"]), &no_env, Err("unmovable_key")),
            (ids(&["mix"]), &no_env, Ok(vec![("mix", "sk-m")])),
            (ids(&["two"]), &no_env, Err("conflicting_keys")),
            (ids(&["clean"]), &no_env, Err("nothing_to_secure")),
            (ids(&["nope"]), &no_env, Err("unknown_provider")),
            (Targets::All, &no_env, Err("conflicting_keys")),
        ];
        for (targets, env, want) in cases {
            let got = plan(&docs(TEXT), &targets, env).map(|(p, _)| p.into_iter().map(|p| (p.id, p.key)).collect::<Vec<_>>());
            match (got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g, w.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>(), "{targets:?}"),
                (Err(e), Err(code)) => assert_eq!(e.code(), code, "{targets:?}: {e}"),
                (g, w) => panic!("{targets:?}: got {:?}, want {w:?}", g.map_err(|e| e.to_string())),
            }
        }
        let without_two = TEXT.split("[model_providers.two]").next().unwrap().to_owned();
        let (p, skipped) = plan(&docs(&without_two), &Targets::All, &no_env).unwrap();
        assert_eq!(p.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["hdr", "tok"]);
        assert_eq!(
            skipped,
            [
                "env: $E_KEY is not set here",
                "xk: http_headers.x-api-key stays in config.toml (Codex sends a keychain key only as a bearer token)",
            ]
        );
    }

    #[test]
    fn the_edit_changes_only_the_secured_table() {
        let text = "# mine\nmodel = \"m\"\r\n[model_providers.tok]\nname = \"T\"\nbase_url = \"https://t/v1\"\nexperimental_bearer_token = \"sk-t\" # old\nrequires_openai_auth = true\n\n[tui]\nx = 1\n";
        let mut doc = ConfigDoc::parse(text.into(), Path::new("c")).unwrap();
        let keys = BTreeMap::from([("tok".to_owned(), "sk-t".to_owned())]);
        move_to_keychain(&mut doc, &keys, Path::new("/usr/bin/switchboard")).unwrap();
        let out = doc.text();
        assert!(out.starts_with("# mine\nmodel = \"m\"\r\n[model_providers.tok]\nname = \"T\"\nbase_url = \"https://t/v1\"\n"), "{out}");
        assert!(out.ends_with("\n[tui]\nx = 1\n"), "{out}");
        assert!(!out.contains("sk-t") && !out.contains("requires_openai_auth"), "{out}");
        assert!(out.contains("args = [\"token\", \"tok\"]"), "{out}");
        let stale = BTreeMap::from([("tok".to_owned(), "sk-other".to_owned())]);
        let mut doc = ConfigDoc::parse(text.into(), Path::new("c")).unwrap();
        assert_eq!(move_to_keychain(&mut doc, &stale, Path::new("/x")).unwrap_err().code(), "concurrent_edit");
    }
}
