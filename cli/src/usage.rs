//! `switchboard usage` (every routed request, counted: by day, provider or model),
//! `switchboard price` (a price per million tokens; OpenRouter's own list) and
//! `switchboard budget` (a monthly budget per provider). The words are in LANG's
//! language; `--json` never changes with it.

use std::path::Path;
use std::time::Duration;

use clap::Args;
use serde_json::{Value, json};
use switchboard_core::Switchboard;
use switchboard_core::locale::Args as Params;
use switchboard_core::provider::preset_row::PresetId;
use switchboard_core::usage::budget::{self, Standing, Status};
use switchboard_core::usage::price::Price;
use switchboard_core::usage::report::{By, Row};
use switchboard_core::usage::{Record, clock, fetch, settings, summary};
use switchboard_core::{Error, Result};

use crate::output::{Exit, print_json, runtime, say, shown};

#[derive(Args)]
pub struct UsageArgs {
    /// Count from this day on (YYYY-MM-DD, in your time zone).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Group by day (in your time zone), provider or model.
    #[arg(long, value_name = "BY", value_parser = ["day", "provider", "model"], default_value = "day")]
    by: String,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct PriceArgs {
    /// The provider whose price to set or clear (none: list every price known).
    id: Option<String>,
    /// Only this model of the provider (default: all its models).
    #[arg(long, value_name = "M", requires = "id")]
    model: Option<String>,
    /// Per million input tokens.
    #[arg(long, value_name = "X", requires = "id")]
    input: Option<f64>,
    /// Per million output tokens (reasoning included).
    #[arg(long, value_name = "Y", requires = "id")]
    output: Option<f64>,
    /// Per million cached input tokens (default: the input price).
    #[arg(long, value_name = "Z", requires = "input")]
    cached: Option<f64>,
    /// Per million reasoning tokens (default: the output price).
    #[arg(long, value_name = "R", requires = "input")]
    reasoning: Option<f64>,
    /// The currency, as a three-letter code.
    #[arg(long, value_name = "CODE", default_value = "USD")]
    currency: String,
    /// Remove the price you set.
    #[arg(long, requires = "id", conflicts_with_all = ["input", "output"])]
    clear: bool,
    /// Fetch OpenRouter's prices again now.
    #[arg(long)]
    refresh: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct BudgetArgs {
    /// The provider (none: every budget, and this month's spending).
    id: Option<String>,
    /// The monthly budget, in the currency of the provider's price.
    #[arg(value_name = "AMOUNT", requires = "id")]
    amount: Option<f64>,
    #[arg(long, requires = "id", conflicts_with = "amount")]
    clear: bool,
    #[arg(long)]
    json: bool,
}

/// Fetches OpenRouter's prices for each OpenRouter provider (`only`: those named) not fetched
/// within `max_age`; says on stderr which could not be.
fn refresh_listed(sb: &Switchboard, only: Option<&[String]>, max_age: Duration, quiet: bool) {
    let Ok(listing) = sb.list() else { return };
    let wanted: Vec<(String, String)> = listing
        .providers
        .iter()
        // OpenRouter's host, or its preset named in the bridge's URL (a stand-in, a proxy).
        .filter(|p| p.preset == PresetId::Openrouter || p.entry.as_ref().and_then(|e| e.preset) == Some(PresetId::Openrouter))
        .filter(|p| !p.base_url.is_empty() && only.is_none_or(|o| o.contains(&p.id)))
        .map(|p| (p.id.clone(), p.base_url.clone()))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let fetched = runtime().block_on(fetch::refresh(sb.home(), &wanted, max_age, Duration::from_secs(8)));
    for f in fetched {
        match f.outcome {
            Ok(n) if !quiet => println!("{}", say("cli-price-fetched", Params::new().text("id", &f.provider).number("count", n as u32))),
            Ok(_) => {}
            Err(why) => eprintln!("warning: {}", say("cli-price-fetch-failed", Params::new().text("id", &f.provider).words("reason", why))),
        }
    }
}

pub fn usage(sb: &Switchboard, a: &UsageArgs) -> Result<(), Exit> {
    let (tz, zone_name) = clock::zone();
    let by = By::parse(&a.by).unwrap_or(By::Day);
    let since = a.since.as_deref();
    let read = summary::read(sb.home(), summary::since_ms(since, &tz)?, if a.json { 20 } else { 5 })?;
    // OpenRouter's prices, for the OpenRouter providers this report counts (at most daily).
    refresh_listed(sb, Some(&summary::providers(&read)), fetch::MAX_AGE, true);
    let report = summary::report(sb.home(), &read, by, since);
    let (failovers, not_counted) = (&read.failovers, read.not_counted);
    if a.json {
        let mut v = serde_json::to_value(&report).expect("the report serialises");
        v["failovers"] = serde_json::to_value(failovers).expect("records serialise");
        v["not_counted"] = json!(not_counted);
        print_json(&v);
        return Ok(());
    }
    let head = match &a.since {
        Some(d) => say("cli-usage-head-since", Params::new().message("by", by_word(by)).text("date", shown(d.trim())).text("zone", &zone_name)),
        None => say("cli-usage-head", Params::new().message("by", by_word(by)).text("zone", &zone_name)),
    };
    println!("{head}");
    if report.rows.is_empty() {
        println!("{}", say("cli-usage-none", Params::new().text("path", sb.home().display())));
        return Ok(());
    }
    print_table(by, &report.rows, &report.totals);
    for r in failovers.iter().rev() {
        println!("{}", failover_line(r, &tz));
    }
    if not_counted > 0 {
        println!("{}", say("cli-usage-not-counted", Params::new().number("count", not_counted as u32)));
    }
    Ok(())
}

fn by_word(by: By) -> &'static str {
    match by {
        By::Day => "cli-usage-by-day",
        By::Provider => "cli-usage-by-provider",
        By::Model => "cli-usage-by-model",
    }
}

/// How wide `s` shows in a terminal (a CJK character takes two columns).
fn width(s: &str) -> usize {
    s.chars().map(|c| if matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6) { 2 } else { 1 }).sum()
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    if right { format!("{fill}{s}") } else { format!("{s}{fill}") }
}

/// `USD 3.25`, several currencies joined; `-` when no price is known.
fn cost_text(r: &Row) -> String {
    if r.cost.is_empty() {
        return "-".into();
    }
    let amounts: Vec<String> = r.cost.iter().map(|(c, v)| format!("{c} {}", if *v < 0.01 && *v > 0.0 { format!("{v:.4}") } else { format!("{v:.2}") })).collect();
    let partial = if r.unpriced_requests > 0 { " *" } else { "" };
    format!("{}{partial}", amounts.join(" + "))
}

fn print_table(by: By, rows: &[Row], totals: &Row) {
    let key_head = say(match by {
        By::Day => "cli-usage-col-day",
        By::Provider => "cli-usage-col-provider",
        By::Model => "cli-usage-col-model",
    }, Params::new());
    let heads = [
        "cli-usage-col-requests",
        "cli-usage-col-failovers",
        "cli-usage-col-input",
        "cli-usage-col-cached",
        "cli-usage-col-output",
        "cli-usage-col-reasoning",
        "cli-usage-col-total",
        "cli-usage-col-cost",
    ]
    .map(|id| say(id, Params::new()));
    let line = |r: &Row, key: String| -> Vec<String> {
        let t = &r.tokens;
        let n = [r.requests, r.failovers, t.input_tokens, t.cached_input_tokens, t.output_tokens, t.reasoning_output_tokens, t.total_tokens];
        std::iter::once(key).chain(n.iter().map(u64::to_string)).chain(std::iter::once(cost_text(r))).collect()
    };
    let mut table = vec![std::iter::once(key_head).chain(heads).collect::<Vec<_>>()];
    for r in rows {
        // A model as Codex's /model names it: `<provider>/<model>`.
        let key = match (&r.day, &r.provider, &r.model) {
            (Some(d), _, _) => d.clone(),
            (None, Some(p), Some(m)) => format!("{p}/{m}"),
            (None, p, m) => p.clone().or(m.clone()).unwrap_or_default(),
        };
        table.push(line(r, shown(&key)));
    }
    table.push(line(totals, say("cli-usage-total", Params::new())));
    let widths: Vec<usize> = (0..table[0].len()).map(|i| table.iter().map(|row| width(&row[i])).max().unwrap_or(0)).collect();
    for row in &table {
        let cells: Vec<String> = row.iter().enumerate().map(|(i, c)| pad(c, widths[i], i > 0 && i < row.len() - 1)).collect();
        println!("{}", cells.join("  ").trim_end());
    }
    if rows.iter().any(|r| r.unpriced_requests > 0 && !r.cost.is_empty()) {
        println!("{}", say("cli-usage-partial", Params::new()));
    }
}

/// `2026-05-01 14:03  kimi/kimi-k2.6 → openrouter/moonshotai/kimi-k2.6: answered 429`.
fn failover_line(r: &Record, tz: &clock::Zone) -> String {
    let when = clock::minute_of(r.at_ms, tz);
    let mut from: Vec<String> = r.failovers.iter().map(|f| format!("{}/{}", shown(&f.from_provider), shown(&f.from_model))).collect();
    from.push(format!("{}/{}", shown(&r.provider), shown(&r.model)));
    let why = r.failovers.last().map(|f| {
        let status = f.status.map(|s| s.to_string()).unwrap_or_default();
        let id = match f.reason.as_str() {
            "connect" => "cli-usage-why-connect",
            "timeout" => "cli-usage-why-timeout",
            "status_5xx" => "cli-usage-why-status",
            "rate_limited" => "cli-usage-why-rate-limited",
            "error_event" => "cli-usage-why-error-event",
            "cooling_down" => "cli-usage-why-cooling-down",
            "over_budget" => "cli-usage-why-over-budget",
            _ => "cli-usage-why-other",
        };
        say(id, Params::new().text("status", status).text("code", shown(&f.reason)))
    });
    say("cli-usage-failover", Params::new().text("time", when).text("path", from.join(" → ")).text("why", why.unwrap_or_default()))
}

/// A provider Switchboard set up, or refused as unknown.
fn known(sb: &Switchboard, id: &str) -> Result<()> {
    switchboard_core::provider::table::validate_id(id)?;
    let listing = sb.list()?;
    if listing.providers.iter().any(|p| p.id == id) { Ok(()) } else { Err(Error::UnknownProvider(id.to_owned())) }
}

fn money(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() { "0".into() } else { s.to_owned() }
}

fn price_words(p: &Price) -> String {
    let mut s = say("cli-price-amounts", Params::new().text("currency", &p.currency).text("input", money(p.input)).text("output", money(p.output)));
    if let Some(c) = p.cached_input {
        s.push_str(&say("cli-price-cached", Params::new().text("price", money(c))));
    }
    if let Some(r) = p.reasoning {
        s.push_str(&say("cli-price-reasoning", Params::new().text("price", money(r))));
    }
    s
}

pub fn price(sb: &Switchboard, a: &PriceArgs) -> Result<(), Exit> {
    let home = sb.home();
    if a.refresh {
        refresh_listed(sb, None, Duration::ZERO, a.json);
    }
    let Some(id) = &a.id else { return Ok(list_prices(home, a.json)) };
    known(sb, id)?;
    let model_word = a.model.clone().unwrap_or_else(|| say("cli-price-all-models", Params::new()));
    if a.clear {
        settings::update(home, |s| {
            if let Some(p) = s.prices.get_mut(id) {
                match &a.model {
                    Some(m) => drop(p.models.remove(m)),
                    None => p.all = None,
                }
                if p.all.is_none() && p.models.is_empty() {
                    s.prices.remove(id);
                }
            }
            Ok(())
        })?;
        println!("{}", say("cli-price-cleared", Params::new().text("id", id).text("model", shown(&model_word))));
        return Ok(());
    }
    let (Some(input), Some(output)) = (a.input, a.output) else {
        if a.input.is_some() || a.output.is_some() {
            return Err(Error::input("reason-usage-price-both", Params::new()).into());
        }
        return Ok(list_prices(home, a.json));
    };
    let p = Price { currency: a.currency.trim().to_uppercase(), input, output, cached_input: a.cached, reasoning: a.reasoning };
    if let Some(why) = p.refused() {
        return Err(Error::input(why, Params::new()).into());
    }
    settings::update(home, |s| {
        let entry = s.prices.entry(id.clone()).or_default();
        match &a.model {
            Some(m) => drop(entry.models.insert(m.clone(), p.clone())),
            None => entry.all = Some(p.clone()),
        }
        Ok(())
    })?;
    println!("{}", say("cli-price-set", Params::new().text("id", id).text("model", shown(&model_word)).text("price", price_words(&p))));
    Ok(())
}

fn list_prices(home: &Path, json: bool) {
    let user = settings::load(home).prices;
    let listed = settings::load_listed(home).providers;
    if json {
        let listed: Value = listed.iter().map(|(id, l)| (id.clone(), json!({"fetched_ms": l.fetched_ms, "models": l.models}))).collect::<serde_json::Map<_, _>>().into();
        print_json(&json!({"user": user, "listed": listed}));
        return;
    }
    if user.is_empty() && listed.is_empty() {
        println!("{}", say("cli-price-none", Params::new()));
        return;
    }
    let all = say("cli-price-all-models", Params::new());
    for (id, u) in &user {
        for (model, p) in u.all.iter().map(|p| (&all, p)).chain(u.models.iter()) {
            println!("{}", say("cli-price-line", Params::new().text("id", shown(id)).text("model", shown(model)).text("price", price_words(p))));
        }
    }
    let (tz, _) = clock::zone();
    for (id, l) in &listed {
        let when = clock::day_of(l.fetched_ms, &tz);
        println!("{}", say("cli-price-listed", Params::new().text("id", shown(id)).number("count", l.models.len() as u32).text("when", when)));
    }
}

pub fn budget(sb: &Switchboard, a: &BudgetArgs) -> Result<(), Exit> {
    let home = sb.home();
    let Some(id) = &a.id else { return Ok(list_budgets(sb, a.json)) };
    known(sb, id)?;
    if a.clear {
        settings::update(home, |s| Ok(drop(s.budgets.remove(id))))?;
        println!("{}", say("cli-budget-cleared", Params::new().text("id", id)));
        return Ok(());
    }
    let Some(amount) = a.amount else { return Ok(list_budgets(sb, a.json)) };
    if !(amount.is_finite() && amount > 0.0 && amount <= 1e12) {
        return Err(Error::input("reason-usage-budget", Params::new()).into());
    }
    // A budget counts in the currency of a known price: OpenRouter's is fetched if need be.
    refresh_listed(sb, Some(std::slice::from_ref(id)), fetch::MAX_AGE, true);
    let Some(currency) = settings::prices(home).currency_of(id).map(str::to_owned) else {
        return Err(Error::input("reason-usage-budget-no-price", Params::new().text("id", id)).into());
    };
    settings::update(home, |s| Ok(drop(s.budgets.insert(id.clone(), settings::Budget { monthly: amount }))))?;
    println!("{}", say("cli-budget-set", Params::new().text("id", id).text("amount", money(amount)).text("currency", currency)));
    Ok(())
}

fn list_budgets(sb: &Switchboard, json: bool) {
    let home = sb.home();
    let (tz, _) = clock::zone();
    let now = clock::now_ms();
    let standings: Vec<(String, f64, Option<Standing>)> = budget::every(home, now, &tz);
    if json {
        let rows: Vec<Value> = standings.iter().map(|(id, monthly, s)| json!({"provider": id, "monthly": monthly, "standing": s})).collect();
        print_json(&json!({"budgets": rows}));
        return;
    }
    if standings.is_empty() {
        println!("{}", say("cli-budget-none", Params::new()));
        return;
    }
    for (id, monthly, s) in &standings {
        match s {
            Some(s) => {
                let (mark, word) = match s.status {
                    Status::Ok => ("✔", "cli-budget-ok"),
                    Status::Warn => ("!", "cli-budget-warn"),
                    Status::Over => ("✘", "cli-budget-over"),
                };
                let percent = if s.budget > 0.0 { (s.spent / s.budget * 100.0).round() as u32 } else { 100 };
                let p = Params::new().text("id", shown(id)).text("spent", money(s.spent)).text("budget", money(s.budget)).text("currency", &s.currency).text("month", &s.month).text("percent", percent);
                println!("{mark} {}", say(word, p));
            }
            None => println!("· {}", say("cli-budget-no-price", Params::new().text("id", shown(id)).text("budget", money(*monthly)))),
        }
    }
}
