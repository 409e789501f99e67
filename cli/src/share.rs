//! `switchboard share` and `switchboard import`: thin faces of core's `share`
//! (the format) and `import` (what a provider becomes, and the import through `add`).

use std::path::PathBuf;

use clap::Args;
use switchboard_core::share::import::{self, Caution, Choice, Clash};
use switchboard_core::locale::{Args as Params, Language};
use switchboard_core::{Error, Switchboard};

use crate::input::read_key;
use crate::output::{Exit, cli_language, print_json, say, shown};

#[derive(Args)]
pub struct ShareArgs {
    /// The providers to share.
    #[arg(value_name = "ID", required_unless_present = "all", conflicts_with = "all")]
    ids: Vec<String>,
    /// Share every provider in config.toml.
    #[arg(long)]
    all: bool,
    /// Also write a share file (name it `<something>.switchboard.toml`).
    #[arg(long, value_name = "PATH")]
    file: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ImportArgs {
    /// A switchboard://import?... link, or a .switchboard.toml file.
    #[arg(value_name = "LINK|FILE")]
    source: String,
    /// Import under this id (a share with one provider).
    #[arg(long, value_name = "NEW")]
    id: Option<String>,
    /// Read the key from standard input and keep it in the system keychain.
    #[arg(long)]
    key_stdin: bool,
    /// Let Codex run the token command the share names (read it first).
    #[arg(long)]
    allow_command: bool,
    #[arg(long)]
    json: bool,
}

pub fn share(sb: &Switchboard, a: ShareArgs) -> Result<(), Exit> {
    let ids = if a.all { import::all_ids(sb)? } else { a.ids };
    if ids.is_empty() {
        return Err(Error::input("reason-nothing-to-share", Params::new()).into());
    }
    let made = import::share(sb, &ids, if a.json { Language::English } else { cli_language() })?;
    if let Some(path) = &a.file {
        // Never overwrite a file that is not itself a share (a typo must not eat someone's config).
        if let Ok(old) = std::fs::read_to_string(path) {
            if switchboard_core::share::format::read_toml(&old).is_err() {
                return Err(Error::input("reason-share-file-exists", Params::new().text("path", path.display())).into());
            }
        } else if path.exists() {
            return Err(Error::input("reason-share-file-exists", Params::new().text("path", path.display())).into());
        }
        std::fs::write(path, &made.file).map_err(|e| Error::Io { action: "io-write", path: path.clone(), source: e })?;
    }
    if a.json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            link: &'a str,
            file: Option<&'a PathBuf>,
            providers: &'a [switchboard_core::share::format::SharedProvider],
            omitted: &'a [String],
        }
        print_json(&Out { link: &made.link, file: a.file.as_ref(), providers: &made.share.providers, omitted: &made.omitted });
    } else {
        println!("{}", made.link);
        if let Some(path) = &a.file {
            eprintln!("{}", say("cli-share-wrote", Params::new().text("path", path.display())));
        }
    }
    for o in &made.omitted {
        eprintln!("{}", say("cli-left-out", Params::new().text("what", o)));
    }
    Ok(())
}

pub fn import(sb: &Switchboard, a: ImportArgs) -> Result<(), Exit> {
    let text = import::source_text(&a.source)?;
    // One language for all it prints: English with --json (stderr included, as before), else LANG's.
    let lang = if a.json { Language::English } else { cli_language() };
    let preview = import::preview(sb, &text, lang)?;
    let many = preview.providers.len() > 1;
    if many && a.id.is_some() {
        return Err(Error::input("reason-one-id-many", Params::new()).into());
    }
    let keyed = preview.providers.iter().filter(|r| r.provider.auth == switchboard_core::share::format::SharedAuth::Keychain).count();
    if a.key_stdin && keyed != 1 {
        return Err(Error::input("reason-key-stdin-many", Params::new().number("count", keyed as u32)).into());
    }
    // Read everything, and show it, before anything is written.
    if !a.json {
        for r in &preview.providers {
            let p = &r.provider;
            let args = Params::new().text("id", shown(&p.id)).text("preset", p.preset).text("name", shown(&p.name)).text("host", shown(&r.host)).text("model", shown(&p.model));
            eprintln!("{}", say("cli-import-provider", args));
            for c in &r.cautions {
                let c = match c {
                    Caution::RunsCommand { .. } if !a.allow_command => format!("{} {}", c.sentence_in(lang), say("cli-needs-allow-command", Params::new())),
                    _ => c.sentence_in(lang),
                };
                eprintln!("  warning: {}", shown(&c));
            }
        }
    }
    for w in &preview.warnings {
        eprintln!("warning: {}", shown(w));
    }
    let key = if a.key_stdin { Some(read_key()?) } else { None };
    let choices: Vec<Choice> = preview
        .providers
        .iter()
        .map(|r| Choice {
            id: r.provider.id.clone(),
            new_id: a.id.clone(),
            key: if r.provider.auth == switchboard_core::share::format::SharedAuth::Keychain { key.clone() } else { None },
            allow_command: a.allow_command,
        })
        .collect();
    let out = import::import(sb, &text, &choices)?;
    if a.json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            imported: Vec<&'a str>,
            preview: &'a import::Preview,
            outcome: &'a switchboard_core::Outcome,
        }
        let imported = preview.providers.iter().filter(|r| r.clash != Clash::Same || key.is_some()).map(|r| r.provider.id.as_str()).collect();
        print_json(&Out { imported, preview: &preview, outcome: &out });
    } else {
        println!("{}", out.message_in(lang));
        if let Some(b) = &out.backup {
            println!("{}", say("cli-backup-taken", Params::new().text("name", b)));
        }
    }
    for w in out.warning_words.iter().map(|w| w.in_language(lang)) {
        if !preview.warnings.contains(&w) {
            eprintln!("warning: {w}");
        }
    }
    Ok(())
}
