//! `switchboard fallback`: where Switchboard's router sends a request when the
//! model's provider fails before answering, how long a provider has to answer, how
//! long one that keeps failing is skipped, and the moves made lately.

use clap::Args;
use switchboard_core::Switchboard;
use switchboard_core::locale::Args as Params;
use switchboard_core::ops::route::FailoverSettings;
use switchboard_core::router::events::Moved;

use crate::output::{Exit, cli_language, print_json, say, shown};

#[derive(Args)]
#[command(after_help = "\
Examples:
  switchboard fallback                                   list the fallbacks, deadlines and recent moves
  switchboard fallback kimi/kimi-k2.6 openrouter/moonshotai/kimi-k2.6 glm/glm-4.6
  switchboard fallback kimi/kimi-k2.6 --clear
  switchboard fallback --deadline kimi 10                kimi has 10 s for its headers (default: 30)
  switchboard fallback --deadline kimi default
  switchboard fallback --cool-down 120                   skip a provider that keeps failing for 2 minutes at first

A request moves to the next fallback, before any of its output has reached Codex,
when the provider cannot be reached, sends no headers within its deadline, answers
a 5xx, answers a 429 asking for a wait longer than 5 s (a shorter one is waited out,
once), or reports an error before its first output. A provider that fails 3 times
within 60 s is skipped for the cool-down (60 s unless set), twice as long each time
its trial request fails again, up to 10 minutes; one success ends it.
`switchboard/current` uses the fallbacks of the model Use chose.")]
pub struct FallbackArgs {
    /// The model, as Codex's /model lists it: `<provider>/<model>`.
    #[arg(value_name = "MODEL")]
    model: Option<String>,
    /// Its fallbacks, in the order they are tried (each `<provider>/<model>`); they replace the ones it had.
    #[arg(value_name = "FALLBACK", requires = "model")]
    fallbacks: Vec<String>,
    /// Remove the model's fallbacks.
    #[arg(long, requires = "model", conflicts_with = "fallbacks")]
    clear: bool,
    /// How long PROVIDER has to send its headers before a request moves on, in seconds
    /// (1 to 3600), or `default` (30).
    #[arg(long, num_args = 2, value_names = ["PROVIDER", "SECS"], conflicts_with_all = ["model", "cool_down"])]
    deadline: Option<Vec<String>>,
    /// How long a provider that keeps failing is skipped at first, in seconds (1 to 3600), or `default` (60).
    #[arg(long, value_name = "SECS", conflicts_with = "model")]
    cool_down: Option<String>,
    #[arg(long)]
    json: bool,
}

/// `default`, or a number of seconds (checked by core).
fn secs(v: &str) -> Result<Option<u64>, Exit> {
    if v == "default" {
        return Ok(None);
    }
    v.parse::<u64>().map(Some).map_err(|_| Exit::Error(switchboard_core::Error::input("reason-seconds", Params::new().text("secs", shown(v)).number("max", 3600))))
}

pub fn run(sb: &Switchboard, a: FallbackArgs) -> Result<(), Exit> {
    let outcome = if let Some(d) = &a.deadline {
        Some(sb.set_deadline(&d[0], secs(&d[1])?)?)
    } else if let Some(c) = &a.cool_down {
        Some(sb.set_cool_down(secs(c)?)?)
    } else if let (Some(m), true) = (&a.model, a.clear || !a.fallbacks.is_empty()) {
        Some(sb.set_fallbacks(m, &a.fallbacks)?)
    } else {
        None
    };
    if let Some(o) = outcome {
        println!("{}", o.message_in(cli_language()));
        return Ok(());
    }
    let settings = sb.failover_settings();
    let recent = sb.failovers();
    if a.json {
        print_json(&serde_json::json!({"settings": settings, "recent": recent}));
        return Ok(());
    }
    print_settings(&settings, a.model.as_deref());
    if a.model.is_none() {
        print_recent(&recent);
    }
    Ok(())
}

fn print_settings(s: &FailoverSettings, only: Option<&str>) {
    let rows: Vec<_> = s.fallbacks.iter().filter(|f| only.is_none_or(|m| m == f.model)).collect();
    if rows.is_empty() {
        match only {
            Some(m) => println!("{}", say("cli-fallback-none-for", Params::new().text("model", shown(m)))),
            None => println!("{}", say("cli-fallback-none", Params::new())),
        }
    }
    for f in rows {
        println!("{} → {}", shown(&f.model), shown(&f.fallbacks.join(" → ")));
    }
    if only.is_some() {
        return;
    }
    let own: Vec<String> = s.deadlines.iter().map(|d| format!("{} {} s", d.provider, d.secs)).collect();
    println!();
    println!("{}", say("cli-fallback-deadlines", Params::new().text("list", if own.is_empty() { "—".to_owned() } else { own.join(", ") }).number("secs", s.default_deadline as u32)));
    println!("{}", say("cli-fallback-cool-down", Params::new().number("failures", s.failures).number("window", s.window as u32).number("secs", s.cool_down as u32)));
}

fn print_recent(recent: &[Moved]) {
    if recent.is_empty() {
        return;
    }
    println!();
    println!("{}", say("cli-fallback-recent", Params::new()));
    for m in recent.iter().take(20) {
        println!("  {}  {}", m.when(), shown(&m.words().in_language(cli_language())));
    }
}
