//! `secure` and `import-cc-switch`: bringing an existing setup in. The words
//! for the terminal live here; the work is core's.

use std::path::PathBuf;

use switchboard_core::adopt::cc_switch::Status;
use switchboard_core::adopt::cc_import::{Candidate, CcPreview};
use switchboard_core::adopt::secure::Targets;
use switchboard_core::{Error, Switchboard};

use crate::output::{cli_language, print_json, say, shown};
use switchboard_core::locale::Args;

/// `switchboard secure <id>...|--all [--json]`. Keys of env-only providers come
/// from this process's own environment.
pub fn secure(sb: &Switchboard, ids: Vec<String>, all: bool, json: bool) -> Result<(), Error> {
    let targets = match (all, ids.is_empty()) {
        (true, true) => Targets::All,
        (false, false) => Targets::Ids(ids),
        _ => return Err(Error::input("reason-secure-which", Args::new())),
    };
    let done = sb.secure(&targets, &|var| std::env::var(var).ok())?;
    if json {
        print_json(&done);
        return Ok(());
    }
    println!("{}", done.words.in_language(cli_language()));
    for m in &done.moved {
        println!("  {}", say("cli-secure-moved", Args::new().text("what", shown(m))));
    }
    for s in &done.skipped {
        println!("  {}", say("cli-secure-kept", Args::new().text("what", shown(s))));
    }
    if !done.removed.is_empty() {
        println!("  {}", say("cli-secure-deleted", Args::new().number("count", done.removed.len() as u32).text("names", done.removed.join(", "))));
    }
    if let Some(b) = &done.backup {
        println!("{}", say("cli-backup-scrubbed", Args::new().text("name", b)));
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
            print_preview(&preview.clone().worded(cli_language()));
            println!("{}", say("cli-dry-run", Args::new()));
        }
        return Ok(());
    }
    let only = (!only.is_empty()).then_some(only);
    let done = sb.import_cc_switch(db.as_deref(), only.as_deref())?;
    if json {
        print_json(&serde_json::json!({ "preview": preview, "imported": done }));
        return Ok(());
    }
    print_preview(&preview.worded(cli_language()));
    println!("{}", done.message_in(cli_language()));
    if let Some(b) = &done.backup {
        println!("{}", say("cli-backup-taken", Args::new().text("name", b)));
    }
    if !done.added.is_empty() {
        println!("{}", say("cli-cc-switch-to", Args::new().text("id", &done.added[0])));
    }
    Ok(())
}

fn print_preview(p: &CcPreview) {
    println!("{}", say("cli-cc-database", Args::new().text("path", p.path.display()).text("version", p.version)));
    if p.candidates.is_empty() {
        println!("  {}", say("cli-cc-empty", Args::new()));
    }
    for c in &p.candidates {
        let (mark, what) = verdict(c);
        let url = c.base_url.as_deref().map(shown).unwrap_or_else(|| "-".into());
        let model = c.model.as_deref().map(shown).unwrap_or_else(|| "-".into());
        println!("  {mark} {:<24} {url:<40} {}", shown(&c.name), say("cli-model", Args::new().text("model", model)));
        println!("      {what}");
    }
}

fn verdict(c: &Candidate) -> (&'static str, String) {
    match c.status {
        Status::Ready => {
            let id = if c.has_key { "cli-cc-ready-key" } else { "cli-cc-ready" };
            ("+", say(id, Args::new().text("id", &c.id).text("preset", c.preset.as_str())))
        }
        Status::Duplicate => ("=", say("cli-cc-duplicate", Args::new().text("id", c.duplicate_of.as_deref().unwrap_or("?")))),
        Status::Official => ("·", say("cli-cc-official", Args::new())),
        Status::NotResponses => ("·", say("cli-cc-not-responses", Args::new())),
        Status::Unusable => ("!", say("cli-cc-unusable", Args::new().text("why", c.problem.as_deref().unwrap_or("-")))),
    }
}
