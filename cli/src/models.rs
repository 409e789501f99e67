//! `switchboard models` (which models of each provider Codex lists, through
//! Switchboard's router) and `switchboard route` (through the router, or directly).

use std::time::Duration;

use clap::Args;
use switchboard_core::Switchboard;
use switchboard_core::locale::Args as Params;
use switchboard_core::ops::switchboard::Source;

use crate::output::{Exit, print_json, say};

#[derive(Args)]
pub struct ModelsArgs {
    /// One provider (every provider of Switchboard's when left out).
    id: Option<String>,
    /// Also list this model in Codex's /model picker (repeatable).
    #[arg(long = "add", value_name = "MODEL", requires = "id")]
    add: Vec<String>,
    /// Stop listing this model (repeatable; a provider's own model always stays).
    #[arg(long = "remove", value_name = "MODEL", requires = "id")]
    remove: Vec<String>,
    /// Also ask each provider for the models it serves, to choose from.
    #[arg(long)]
    available: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(sb: &Switchboard, a: &ModelsArgs) -> Result<(), Exit> {
    if let (Some(id), false) = (&a.id, a.add.is_empty() && a.remove.is_empty()) {
        let listing = sb.list()?;
        let p = listing.providers.iter().find(|p| &p.id == id && p.source == Source::Switchboard);
        let now: Vec<String> = p.map(|p| p.listed.iter().skip(1).cloned().collect()).unwrap_or_default();
        let mut want: Vec<String> = now.into_iter().filter(|m| !a.remove.contains(m)).collect();
        for m in &a.add {
            if !want.contains(m) {
                want.push(m.clone());
            }
        }
        let out = sb.set_listed(id, &want)?;
        println!("{}", out.message_in(crate::output::cli_language()));
        return Ok(());
    }
    let listing = sb.list()?;
    let mut rows = Vec::new();
    for p in listing.providers.iter().filter(|p| p.source == Source::Switchboard && a.id.as_ref().is_none_or(|id| *id == p.id)) {
        let available = match (&p.entry, a.available) {
            (Some(entry), true) => crate::output::runtime().block_on(switchboard_core::probe::list_models(entry, Duration::from_secs(10))),
            _ => Vec::new(),
        };
        rows.push((p, available));
    }
    if a.json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|(p, available)| {
                let slugs: Vec<String> = p.listed.iter().map(|m| format!("{}/{m}", p.id)).collect();
                serde_json::json!({"id": p.id, "name": p.name, "route": if p.direct { "direct" } else { "router" }, "listed": p.listed, "slugs": slugs, "available": available})
            })
            .collect();
        print_json(&serde_json::json!({"routed": listing.routed, "providers": v}));
        return Ok(());
    }
    for (p, available) in &rows {
        let how = if p.direct { say("cli-route-direct", Params::new()) } else { say("cli-route-router", Params::new()) };
        println!("{} ({}) · {how}", p.id, p.name);
        for m in &p.listed {
            println!("  {}/{m}", p.id);
        }
        if !available.is_empty() {
            let more: Vec<&str> = available.iter().filter(|m| !p.listed.contains(m)).map(String::as_str).take(40).collect();
            println!("  {}", say("cli-models-available", Params::new().text("list", more.join(", "))));
        }
    }
    Ok(())
}

pub fn route(sb: &Switchboard, id: &str, via: &str) -> Result<(), Exit> {
    let out = sb.set_direct(id, via == "direct")?;
    println!("{}", out.message_in(crate::output::cli_language()));
    Ok(())
}
