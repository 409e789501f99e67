//! `switchboard`: the command-line face of switchboard-core, and the auth
//! helper Codex runs (`switchboard token <id>`) to read a key from the keychain.
//!
//! Exit codes: 0 success, 1 error (one sentence plus a hint on stderr), 2 bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

mod input;
mod output;
mod sessions;
mod share;

use clap::{Args, Parser, Subcommand};
use switchboard_core::locale::{Args as Params, Language};
use switchboard_core::provider::build::{Inputs, KeySource};
use switchboard_core::provider::api::Api;
use switchboard_core::provider::preset;
use std::time::Duration;

use switchboard_core::probe::{self, StepStatus};
use switchboard_core::codex::home;
use switchboard_core::ops::doctor;
use switchboard_core::{Error, Switchboard};

use input::read_key;
use output::{Exit, cli_language, print_json, runtime, say, shown};

mod adopt;
mod bridge;
mod fallback;
mod models;
mod usage;

#[derive(Parser)]
#[command(name = "switchboard", version, about = "Point Codex CLI at another model provider, with keys in the OS keychain.")]
struct Cli {
    /// Codex home (default: $CODEX_HOME, else ~/.codex).
    #[arg(long, global = true, value_name = "DIR")]
    codex_home: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the presets.
    Presets {
        #[arg(long)]
        json: bool,
    },
    /// Add a provider from a preset (`switchboard presets` lists them: azure, vercel, openrouter, ollama, kimi, glm, zai, deepseek, mistral, chat-gateway, custom).
    Add {
        preset: String,
        #[command(flatten)]
        opts: ProviderOpts,
    },
    /// Change a provider; options not given keep their value.
    Edit {
        #[arg(value_name = "ID")]
        provider: String,
        #[command(flatten)]
        opts: ProviderOpts,
    },
    /// The models Codex lists of each provider through Switchboard (`<provider>/<model>` in
    /// its /model picker); `--add` and `--remove` choose them, `--available` asks the provider.
    Models(models::ModelsArgs),
    /// Every request Codex sent through Switchboard's router, counted: tokens under Codex's
    /// own names, failovers, and the cost where a price is known.
    Usage(usage::UsageArgs),
    /// A provider's price per million tokens (OpenRouter's come from its own list).
    Price(usage::PriceArgs),
    /// A provider's monthly budget, and this month's spending.
    Budget(usage::BudgetArgs),
    /// Whether Codex reaches a provider through Switchboard (`router`, the default: one
    /// Codex provider for every model) or `direct`ly, as its own provider.
    Route {
        id: String,
        #[arg(value_parser = ["router", "direct"])]
        via: String,
    },
    /// A model's fallbacks: where Switchboard's router sends a request when the model's
    /// provider fails before answering (`fallback MODEL FALLBACK...`, `--clear`), a provider's
    /// deadline (`--deadline`), the cool-down (`--cool-down`); alone, lists them and the moves made lately.
    Fallback(fallback::FallbackArgs),
    /// List every provider: yours, hand-written and built-in.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Make a provider active (`use openai` goes back to the default).
    Use {
        id: String,
        #[arg(long, value_name = "M")]
        model: Option<String>,
    },
    /// Remove a provider and its key.
    Remove {
        id: String,
        /// Remove even the active provider (Codex goes back to openai), or one with saved sessions.
        #[arg(long)]
        force: bool,
    },
    /// Store or delete a provider's key in the system keychain.
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Print a provider's key (Codex runs this through the [auth] table).
    Token(bridge::TokenArgs),
    /// Switchboard's bridge to Chat Completions providers: its state, or stop it.
    Bridge {
        #[command(subcommand)]
        action: bridge::BridgeAction,
    },
    /// Test a provider the way Codex will call it, and say what is wrong.
    Test {
        id: String,
        #[arg(long, value_name = "M")]
        model: Option<String>,
        /// Bounds the whole test.
        #[arg(long, value_name = "SECS", default_value_t = 10.0)]
        timeout: f64,
        /// Also run the real `codex exec` against it (needs `codex` on PATH).
        #[arg(long)]
        with_codex: bool,
        #[arg(long)]
        json: bool,
    },
    /// Check the whole setup and test every provider at once.
    Doctor {
        #[arg(long, value_name = "SECS", default_value_t = 10.0)]
        timeout: f64,
        #[arg(long)]
        json: bool,
    },
    /// List config.toml backups, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Put a backup back (the current file is backed up first).
    Restore { name: String },
    /// List Codex's saved sessions across providers, newest first, with the command that resumes each.
    Sessions {
        /// Only this provider's sessions.
        #[arg(long, value_name = "ID")]
        provider: Option<String>,
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Print a switchboard:// link (and write a share file) describing providers, without their keys.
    Share(share::ShareArgs),
    /// Add the providers of a switchboard:// link or a .switchboard.toml file.
    Import(share::ImportArgs),
    /// Move keys kept in plain text (or only in an environment variable) into the keychain.
    Secure {
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Every provider with a key outside the keychain.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Import the Codex providers of CC Switch (its database is only read).
    #[command(name = "import-cc-switch")]
    ImportCcSwitch {
        /// CC Switch's database (default: ~/.cc-switch/cc-switch.db).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// Import only this CC Switch provider id (repeatable).
        #[arg(long, value_name = "ID")]
        only: Vec<String>,
        /// Show what would be imported and write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum KeyAction {
    /// Store the key read from standard input.
    Set { id: String },
    /// Delete the stored key.
    Delete { id: String },
}

#[derive(Args)]
struct ProviderOpts {
    #[arg(long)]
    id: Option<String>,
    #[arg(long)]
    name: Option<String>,
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    #[arg(long, value_name = "M")]
    model: Option<String>,
    /// Azure resource name (https://<resource>.openai.azure.com).
    #[arg(long, value_name = "R")]
    resource: Option<String>,
    /// Azure deployment name (used as the model).
    #[arg(long, value_name = "D")]
    deployment: Option<String>,
    /// Azure api-version query parameter.
    #[arg(long, value_name = "V")]
    api_version: Option<String>,
    /// Static header, K=V (repeatable).
    #[arg(long = "header", value_name = "K=V", value_parser = pair)]
    headers: Vec<(String, String)>,
    /// Header filled from an environment variable, K=VAR (repeatable).
    #[arg(long = "env-header", value_name = "K=VAR", value_parser = pair)]
    env_headers: Vec<(String, String)>,
    /// Query parameter, K=V (repeatable).
    #[arg(long = "query", value_name = "K=V", value_parser = pair)]
    query: Vec<(String, String)>,
    /// Read the key from standard input and keep it in the system keychain.
    #[arg(long, group = "auth")]
    key_stdin: bool,
    /// Name of an environment variable holding the key (you manage it).
    #[arg(long, value_name = "VAR", group = "auth")]
    env_key: Option<String>,
    /// A command that prints a token (e.g. az, gcloud, a vault CLI).
    #[arg(long, value_name = "CMD", group = "auth")]
    token_command: Option<String>,
    /// An argument for --token-command (repeatable).
    #[arg(long = "token-arg", value_name = "A", requires = "token_command", allow_hyphen_values = true)]
    token_args: Vec<String>,
    /// How often Codex re-runs --token-command, in ms (0: only after a 401).
    #[arg(long, value_name = "MS", requires = "token_command")]
    refresh_interval_ms: Option<u64>,
    /// Use no key at all.
    #[arg(long, group = "auth")]
    no_key: bool,
    /// The API the provider speaks: responses (Codex talks to it directly), or chat
    /// (Chat Completions only: Codex goes through Switchboard's bridge). Default: the preset's.
    #[arg(long, value_name = "API", value_parser = ["responses", "chat"])]
    api: Option<String>,
    /// The model's context window in tokens (262144, 128k, 1M), when you know better
    /// than Switchboard; `auto` goes back to what Switchboard finds.
    #[arg(long, value_name = "TOKENS", value_parser = context_window)]
    context_window: Option<u64>,
}

fn context_window(s: &str) -> Result<u64, String> {
    switchboard_core::provider::build::parse_context_window(s).map_err(|e| e.to_string())
}

fn pair(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
        _ => Err(format!("expected K=V, got `{s}`")),
    }
}

impl ProviderOpts {
    fn inputs(&self) -> Inputs {
        let key = if self.key_stdin {
            KeySource::Keychain
        } else if let Some(var) = &self.env_key {
            KeySource::Env(var.clone())
        } else if let Some(cmd) = &self.token_command {
            KeySource::Command { command: cmd.clone(), args: self.token_args.clone(), refresh_interval_ms: self.refresh_interval_ms }
        } else if self.no_key {
            KeySource::None
        } else {
            KeySource::Unspecified
        };
        Inputs {
            id: self.id.clone(),
            name: self.name.clone(),
            base_url: self.base_url.clone(),
            model: self.model.clone(),
            resource: self.resource.clone(),
            deployment: self.deployment.clone(),
            api_version: self.api_version.clone(),
            headers: self.headers.clone(),
            env_headers: self.env_headers.clone(),
            query: self.query.clone(),
            key,
            api: self.api.as_deref().and_then(Api::parse),
            context_window: self.context_window,
        }
    }

    fn key(&self) -> Result<Option<String>, Error> {
        if self.key_stdin { read_key().map(Some) } else { Ok(None) }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Exit::Reported) => ExitCode::from(1),
        Err(Exit::Error(e)) => {
            // English unless LANG (or LC_ALL, LC_MESSAGES) asks for one of the other
            // languages; the `error:`/`hint:` labels and the exit code never change.
            let lang = cli_language();
            eprintln!("error: {}", e.message(lang));
            eprintln!("hint: {}", e.hint_in(lang));
            ExitCode::from(1)
        }
    }
}

fn helper_path() -> PathBuf {
    switchboard_core::codex::helper::current_exe().unwrap_or_else(|| PathBuf::from("switchboard"))
}


fn secs(s: f64) -> Result<Duration, Error> {
    if s.is_finite() && s > 0.0 && s <= 600.0 {
        Ok(Duration::from_secs_f64(s))
    } else {
        Err(Error::input("reason-timeout-range", Params::new().text("value", s)))
    }
}

fn mark(s: StepStatus) -> &'static str {
    match s {
        StepStatus::Ok => "✔",
        StepStatus::Warn => "!",
        StepStatus::Fail => "✘",
        StepStatus::Skipped => "·",
    }
}

fn print_report(r: &probe::Report) {
    let head = if r.ok { "✔" } else { "✘" };
    println!("{head} {}: {}", r.provider, r.diagnosis.code());
    println!("  {}", r.message);
    if !r.hint.is_empty() {
        println!("  {}", say("cli-fix", Params::new().text("fix", &r.hint)));
    }
    for s in &r.steps {
        let status = match s.status {
            StepStatus::Ok => "ok",
            StepStatus::Warn => "warn",
            StepStatus::Fail => "fail",
            StepStatus::Skipped => "skipped",
        };
        println!("  {} {:<10} {:<8} {:>6} ms  {}", mark(s.status), s.name, status, s.ms, s.message);
    }
    if let Some(k) = &r.model_info {
        println!("  Codex: {}", k.summary);
    }
    if let Some(p) = &r.path {
        println!("  {}", say("cli-path", Params::new().text("why", &p.why)));
        if let Some(o) = &p.offer {
            println!("  {}", say("cli-path-offer", Params::new().text("why", &o.why).text("command", &o.command)));
        }
        for l in &p.learnt_words {
            println!("  {}", say("cli-learnt", Params::new().text("lesson", l)));
        }
    }
    if !r.models.is_empty() {
        let shown: Vec<&str> = r.models.iter().take(10).map(String::as_str).collect();
        let list = format!("{}{}", shown.join(", "), if r.models.len() > 10 { ", …" } else { "" });
        println!("  {}", say("cli-models", Params::new().text("list", list)));
    }
}

fn run(cli: Cli) -> Result<(), Exit> {
    // `token` and `presets` read no file: `token` is on Codex's hot path.
    match &cli.command {
        Command::Token(args) => {
            // Codex runs this: if it is a Codex Switchboard has not seen (an update), its
            // built-in models go into the catalog file now (a stat when nothing changed).
            if let Ok(home) = home::from_env(cli.codex_home.as_deref()) {
                switchboard_core::ops::catalog::refresh_from_parent(&Switchboard::new(home, helper_path()));
            }
            return bridge::token(args);
        }
        Command::Bridge { action } => return bridge::run(action),
        Command::Presets { json } => {
            print_presets(*json);
            return Ok(());
        }
        _ => {}
    }
    let home = home::from_env(cli.codex_home.as_deref())?;
    let sb = Switchboard::new(home, helper_path());
    let outcome = match cli.command {
        Command::Token(_) | Command::Bridge { .. } | Command::Presets { .. } => unreachable!(),
        Command::Add { preset, opts } => {
            let mut inputs = opts.inputs();
            // Input `add` would refuse is refused before the provider is asked anything.
            let key = sb.check_add(&preset, &inputs, opts.key()?.as_deref())?;
            // Unless --api says which, the provider's own answers choose the way Codex reaches it.
            let chosen = switchboard_core::provider::preset::find(&preset)
                .ok()
                .and_then(|p| runtime().block_on(switchboard_core::probe::choose::choose(p, &inputs, key.as_deref(), switchboard_core::probe::choose::LIMIT)));
            if let Some(c) = &chosen {
                c.apply(&mut inputs);
            }
            let outcome = sb.add(&preset, &inputs, key.as_deref())?;
            match chosen {
                Some(c) => outcome.by_way(c.words),
                None => outcome,
            }
        }
        Command::Edit { provider, opts } => sb.edit(&provider, &opts.inputs(), opts.key()?.as_deref())?,
        Command::List { json } => {
            let listing = sb.list()?;
            if json {
                print_json(&listing);
            } else {
                print_listing(&listing);
            }
            return Ok(());
        }
        Command::Use { id, model } => sb.use_provider(&id, model.as_deref())?,
        Command::Remove { id, force } => sb.remove(&id, force)?,
        Command::Key { action: KeyAction::Set { id } } => sb.set_key(&id, &read_key()?)?,
        Command::Key { action: KeyAction::Delete { id } } => sb.delete_key(&id)?,
        Command::Backups { json } => {
            let list = sb.backups()?;
            if json {
                print_json(&list);
            } else if list.is_empty() {
                println!("{}", say("cli-no-backups", Params::new()));
            } else {
                for b in &list {
                    println!("{}", say("cli-backup", Params::new().text("name", &b.name).text("taken", &b.taken).text("size", b.size)));
                }
            }
            return Ok(());
        }
        Command::Restore { name } => sb.restore(&name)?,
        Command::Sessions { provider, limit, json } => {
            sessions::run(sb.home(), provider.as_deref(), limit, json);
            return Ok(());
        }
        Command::Share(a) => return share::share(&sb, a),
        Command::Import(a) => return share::import(&sb, a),
        Command::Models(args) => return models::run(&sb, &args),
        Command::Usage(a) => return usage::usage(&sb, &a),
        Command::Price(a) => return usage::price(&sb, &a),
        Command::Budget(a) => return usage::budget(&sb, &a),
        Command::Route { id, via } => return models::route(&sb, &id, &via),
        Command::Fallback(a) => return fallback::run(&sb, a),
        Command::Secure { ids, all, json } => return Ok(adopt::secure(&sb, ids, all, json)?),
        Command::ImportCcSwitch { db, only, dry_run, json } => return Ok(adopt::import(&sb, db, only, dry_run, json)?),
        Command::Test { id, model, timeout, with_codex, json } => {
            // --json in English, as it never changes with the language; the report's lines in LANG's.
            let lang = if json { Language::English } else { cli_language() };
            let report = runtime().block_on(doctor::test_one(&sb, &id, model.as_deref(), secs(timeout)?, with_codex, lang))?;
            if json {
                print_json(&report);
            } else {
                print_report(&report);
            }
            return if report.ok { Ok(()) } else { Err(Exit::Reported) };
        }
        Command::Doctor { timeout, json } => {
            // Finish or undo what an interrupted operation left (a key without its table).
            sb.recover_if_needed()?;
            let lang = if json { Language::English } else { cli_language() };
            let report = runtime().block_on(doctor::run(&sb, secs(timeout)?, lang));
            if json {
                print_json(&report);
            } else {
                for c in &report.checks {
                    println!("{} {:<16} {}", mark(c.status), c.name, c.message);
                    if !c.hint.is_empty() && c.status != StepStatus::Ok {
                        println!("  {:<16} {}", "", say("cli-fix", Params::new().text("fix", &c.hint)));
                    }
                }
                if report.providers.is_empty() {
                    println!("{}", say("cli-no-providers", Params::new()));
                }
                for r in &report.providers {
                    println!();
                    print_report(r);
                }
            }
            return if report.ok { Ok(()) } else { Err(Exit::Reported) };
        }
    };
    // LANG's language when it asks for one Switchboard speaks; English otherwise.
    println!("{}", outcome.message_in(cli_language()));
    if let Some(way) = &outcome.way_words {
        println!("{}", way.in_language(cli_language()));
    }
    for w in &outcome.warning_words {
        eprintln!("warning: {}", w.in_language(cli_language()));
    }
    if let Some(b) = &outcome.backup {
        println!("{}", say("cli-backup-taken", Params::new().text("name", b)));
    }
    Ok(())
}

fn print_presets(json: bool) {
    if json {
        print_json(&preset::worded(Language::English));
        return;
    }
    for p in preset::PRESETS {
        let url = if p.base_url.is_empty() { "(your --base-url)" } else { p.base_url };
        println!("{:<11} {:<18} id {:<13} {}", p.preset, p.name, p.default_id, url);
        println!("{:<11} {}", "", say("cli-asks-for", Params::new().text("fields", p.asks_for().join(", "))));
    }
}

fn print_listing(l: &switchboard_core::Listing) {
    println!("{}", say("cli-codex-home", Params::new().text("path", l.codex_home.display())));
    for p in &l.providers {
        let mark = if p.active { "*" } else { " " };
        let key = say(
            match (p.auth.as_str(), p.key_stored) {
                ("keychain", Some(true)) => "cli-key-stored",
                ("keychain", Some(false)) => "cli-key-missing",
                ("keychain", None) => "cli-key-unknown",
                ("env", _) => "cli-key-env",
                ("command", _) => "cli-key-command",
                ("file_token", _) => "cli-key-file",
                ("openai", _) => "cli-key-openai",
                _ => "cli-key-none",
            },
            Params::new(),
        );
        let model = if p.active { l.model.as_deref() } else { p.model.as_deref() }.unwrap_or("-");
        // Hand-written values may hold anything: never send a raw control character to the terminal.
        let (id, name, url, model) = (shown(&p.id), shown(&p.name), shown(&p.base_url), shown(model));
        let count = l.sessions.get(&p.id).map(|n| format!("  {}", say("cli-sessions", Params::new().number("count", *n as u32)))).unwrap_or_default();
        let model = say("cli-model", Params::new().text("model", model));
        println!("{mark} {id:<18} {name:<26} {:<9} {url:<42} {model}  {key}{count}", p.source);
        if let Some(k) = &p.model_info {
            println!("    {}", k.summary);
        }
    }
    for o in &l.managed {
        println!("! {}", o.words.in_language(cli_language()));
    }
}
