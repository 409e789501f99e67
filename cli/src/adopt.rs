//! `secure` and `import-cc-switch`: bringing an existing setup in. The words
//! for the terminal live here; the work is core's.

use std::path::PathBuf;

use switchboard_core::adopt::cc_switch::Status;
use switchboard_core::adopt::cc_import::{Candidate, CcPreview};
use switchboard_core::adopt::secure::Targets;
use switchboard_core::{Error, Switchboard};

use crate::output::{print_json, shown};

/// `switchboard secure <id>...|--all [--json]`. Keys of env-only providers come
/// from this process's own environment.
pub fn secure(sb: &Switchboard, ids: Vec<String>, all: bool, json: bool) -> Result<(), Error> {
    let targets = match (all, ids.is_empty()) {
        (true, true) => Targets::All,
        (false, false) => Targets::Ids(ids),
        _ => return Err(Error::InvalidInput("Name the providers to secure, or pass --all (not both).".into())),
    };
    let done = sb.secure(&targets, &|var| std::env::var(var).ok())?;
    if json {
        print_json(&done);
        return Ok(());
    }
    println!("{}", done.message);
    for m in &done.moved {
        println!("  moved   {}", shown(m));
    }
    for s in &done.skipped {
        println!("  kept    {}", shown(s));
    }
    if !done.removed.is_empty() {
        println!("  deleted {} backup(s) that held the key in another spelling: {}", done.removed.len(), done.removed.join(", "));
    }
    if let Some(b) = &done.backup {
        println!("Backup of the previous config.toml (scrubbed): {b}");
    }
    Ok(())
}

/// `switchboard import-cc-switch [--db PATH] [--only ID]... [--dry-run] [--json]`.
pub fn import(sb: &Switchboard, db: Option<PathBuf>, only: Vec<String>, dry_run: bool, json: bool) -> Result<(), Error> {
    let preview = sb.cc_switch_preview(db.as_deref())?;
    if dry_run {
        if json {
            print_json(&preview);
        } else {
            print_preview(&preview);
            println!("Dry run: nothing was written.");
        }
        return Ok(());
    }
    let only = (!only.is_empty()).then_some(only);
    let done = sb.import_cc_switch(db.as_deref(), only.as_deref())?;
    if json {
        print_json(&serde_json::json!({ "preview": preview, "imported": done }));
        return Ok(());
    }
    print_preview(&preview);
    println!("{}", done.message);
    if let Some(b) = &done.backup {
        println!("Backup of the previous config.toml: {b}");
    }
    if !done.added.is_empty() {
        println!("Switch to one with `switchboard use {}`.", done.added[0]);
    }
    Ok(())
}

fn print_preview(p: &CcPreview) {
    println!("CC Switch database: {} (schema version {})", p.path.display(), p.version);
    if p.candidates.is_empty() {
        println!("  It has no Codex providers.");
    }
    for c in &p.candidates {
        let (mark, what) = verdict(c);
        let url = c.base_url.as_deref().map(shown).unwrap_or_else(|| "-".into());
        let model = c.model.as_deref().map(shown).unwrap_or_else(|| "-".into());
        println!("  {mark} {:<24} {url:<40} model {model}", shown(&c.name));
        println!("      {what}");
    }
}

fn verdict(c: &Candidate) -> (&'static str, String) {
    match c.status {
        Status::Ready => {
            let key = if c.has_key { "key into the keychain" } else { "no key" };
            ("+", format!("import as `{}` ({} preset, {key})", c.id, c.preset.as_str()))
        }
        Status::Duplicate => ("=", format!("already here as `{}` (same base URL and model)", c.duplicate_of.as_deref().unwrap_or("?"))),
        Status::Official => ("·", "skipped: an official entry or a sign-in CC Switch manages, with no key of its own (OpenAI's is built into Codex)".into()),
        Status::NotResponses => ("·", "skipped: CC Switch converts this upstream from another API; Codex needs the Responses API".into()),
        Status::Unusable => ("!", format!("skipped: {}", c.problem.as_deref().unwrap_or("unusable"))),
    }
}
