//! `switchboard token` (what Codex runs for a key, and for a bridged provider, the
//! bridge's token with the provider's key behind it) and `switchboard bridge`.

use std::io::Write;
use std::time::Duration;

use clap::{Args, Subcommand};
use switchboard_core::bridge::credential::{self, Source};
use switchboard_core::bridge::lifecycle::{self, Found};
use switchboard_core::bridge::route;
use switchboard_core::router::server::{self, Config, Limits};
use switchboard_core::ops::switchboard;
use switchboard_core::provider::preset;

use crate::output::{Exit, cli_language, print_json, say};
use switchboard_core::locale::Args as Params;

#[derive(Args)]
pub struct TokenArgs {
    #[arg(required_unless_present = "router")]
    id: Option<String>,
    /// Codex reaches every provider through Switchboard's router on this port: make sure
    /// it answers, hand it the credentials it lacks, and print its token.
    #[arg(long, value_name = "PORT", conflicts_with_all = ["bridge", "env", "no_key", "command"])]
    router: Option<u16>,
    /// The provider goes through Switchboard's bridge on this port: make sure it answers,
    /// and print its token with the provider's key behind it.
    #[arg(long, value_name = "PORT")]
    bridge: Option<u16>,
    /// With --bridge: the provider's key is in this environment variable.
    #[arg(long, value_name = "VAR", requires = "bridge", conflicts_with = "no_key")]
    env: Option<String>,
    /// With --bridge: the provider takes no key.
    #[arg(long, requires = "bridge")]
    no_key: bool,
    /// With --bridge: the provider's key is what this command prints.
    #[arg(last = true, value_name = "CMD")]
    command: Vec<String>,
}

#[derive(Subcommand)]
pub enum BridgeAction {
    /// Whether the bridge runs, and what it carries.
    Status {
        #[arg(long, value_name = "PORT")]
        port: Option<u16>,
        #[arg(long)]
        json: bool,
    },
    /// Ask the bridge to end once its streams finish (Codex starts it again when needed).
    Stop {
        #[arg(long, value_name = "PORT")]
        port: Option<u16>,
    },
    /// Run the bridge (the auth command starts it; there is no need to run this by hand).
    #[command(hide = true)]
    Serve {
        #[arg(long, value_name = "PORT")]
        port: u16,
    },
}

/// Prints the key Codex sends: straight from the keychain, or, for a bridged
/// provider, the bridge's token and the provider's key once the bridge answers.
/// A bridge problem is one line on stderr, which Codex's log shows.
pub fn token(a: &TokenArgs) -> Result<(), Exit> {
    if let Some(port) = a.router {
        let token = match lifecycle::ensure(port) {
            Ok(t) => t,
            Err(problem) => {
                eprintln!("switchboard: {}", problem.sentence_in(cli_language()));
                return Err(Exit::Reported);
            }
        };
        // The token, and the scope of this environment when a provider reads it (see router::creds).
        let printed = match switchboard_core::codex::home::from_env(None) {
            Ok(home) => switchboard_core::router::handover::hand_over(port, &token, &home, cli_language()),
            Err(_) => token,
        };
        let _ = writeln!(std::io::stdout().lock(), "{printed}");
        return Ok(());
    }
    let id = a.id.as_deref().unwrap_or_default();
    let Some(port) = a.bridge else {
        let key = switchboard::token(id)?;
        let _ = writeln!(std::io::stdout().lock(), "{}", key.expose());
        return Ok(());
    };
    let source = match (&a.env, a.no_key, a.command.is_empty()) {
        (Some(var), _, _) => Source::Env(var.clone()),
        (None, true, _) => Source::None,
        (None, false, false) => Source::Command(a.command.clone()),
        (None, false, true) => Source::Keychain,
    };
    let key = credential::fetch(id, &source)?;
    let token = match lifecycle::ensure(port) {
        Ok(t) => t,
        Err(problem) => {
            eprintln!("switchboard: {}", problem.sentence_in(cli_language()));
            return Err(Exit::Reported);
        }
    };
    let _ = writeln!(std::io::stdout().lock(), "{}", route::composite(&token, key.as_deref()));
    Ok(())
}

pub fn run(action: &BridgeAction) -> Result<(), Exit> {
    match *action {
        BridgeAction::Serve { port } => serve(port),
        BridgeAction::Status { port, json } => {
            let port = port.unwrap_or_else(route::port_from_env);
            let token = lifecycle::token(port).map_err(|p| {
                eprintln!("switchboard: {}", p.sentence_in(cli_language()));
                Exit::Reported
            })?;
            let found = lifecycle::probe(port, &token);
            if json {
                let v = match &found {
                    Found::Bridge(h) => serde_json::json!({"port": port, "state": "running", "pid": h.pid, "version": h.version, "streams": h.streams, "current": h.exe == lifecycle::exe_id()}),
                    Found::Nothing => serde_json::json!({"port": port, "state": "stopped"}),
                    Found::OtherToken | Found::Other => serde_json::json!({"port": port, "state": "port_taken"}),
                };
                print_json(&v);
            } else {
                match &found {
                    Found::Bridge(h) => println!(
                        "{}",
                        say("cli-bridge-running", Params::new().text("port", port).text("pid", h.pid).text("version", &h.version).number("streams", h.streams as u32))
                    ),
                    Found::Nothing => println!("{}", say("cli-bridge-stopped", Params::new().text("port", port))),
                    Found::OtherToken | Found::Other => println!("{}", say("cli-bridge-taken", Params::new().text("port", port))),
                }
            }
            Ok(())
        }
        BridgeAction::Stop { port } => {
            let port = port.unwrap_or_else(route::port_from_env);
            let token = lifecycle::token(port).map_err(|p| {
                eprintln!("switchboard: {}", p.sentence_in(cli_language()));
                Exit::Reported
            })?;
            let stopped = lifecycle::stop(port, &token);
            println!("{}", say(if stopped { "cli-bridge-ending" } else { "cli-bridge-was-stopped" }, Params::new()));
            Ok(())
        }
    }
}

/// The bridge itself, until it has been idle for long or is asked to end.
fn serve(port: u16) -> Result<(), Exit> {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
    rt.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
            Ok(l) => l,
            // Another bridge started first: it serves.
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => return Ok(()),
            Err(e) => {
                eprintln!("switchboard: the bridge cannot listen on 127.0.0.1:{port}: {e}");
                return Err(Exit::Reported);
            }
        };
        let token = lifecycle::token(port).map_err(|p| {
            eprintln!("switchboard: {}", p.sentence_in(cli_language()));
            Exit::Reported
        })?;
        let mut limits = Limits::default();
        if let Some(secs) = std::env::var("SWITCHBOARD_BRIDGE_IDLE_SECS").ok().and_then(|s| s.parse::<u64>().ok()) {
            limits.idle_exit = Duration::from_secs(secs.max(1));
        }
        let learnt = std::sync::Arc::new(switchboard_core::bridge::learnt::Learnt::open(switchboard_core::bridge::learnt::default_path()));
        let cfg = Config { port, token, exe_id: lifecycle::exe_id(), limits, dialect: preset::dialect_for, learnt };
        server::serve(listener, cfg).await.map_err(|e| {
            eprintln!("switchboard: the bridge stopped: {e}");
            Exit::Reported
        })
    })
}
