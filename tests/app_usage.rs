//! The Usage screen in the real app, through tauri-driver and WebKitWebDriver under
//! Xvfb: the real Codex's request through the router, moved off a provider that cannot
//! be reached, shows in the chart, the table (to the token, as `switchboard usage` counts
//! it) and the failovers; a price and a budget set from the window reach the CLI's
//! figures; the period chosen narrows the figures. Then in each language, light and
//! dark: axe, a screenshot, and the layout at 800×600.

use std::time::Duration;

use serde_json::Value;
use switchboard_core::usage::clock::now_ms;
use switchboard_core::usage::store::Store;
use switchboard_core::usage::{Record, Tokens};
use switchboard_e2e::axe::{self, audit, message};
use switchboard_e2e::responses::{Behavior, ResponsesServer};
use switchboard_e2e::tray::TrayGuard;
use switchboard_e2e::webdriver::{Driver, Session, T, app_bin, page_layout, shot, wait_for};
use switchboard_e2e::*;

const DAY: u64 = 86_400_000;

/// A finished request `days_ago` days back (at this hour) with `tokens` in and a tenth out.
fn rec(days_ago: u64, provider: &str, model: &str, tokens: u64) -> Record {
    Record {
        at_ms: now_ms() - days_ago * DAY,
        session: None,
        asked: format!("{provider}/{model}"),
        provider: provider.into(),
        model: model.into(),
        status: 200,
        completed: true,
        tokens: Tokens { input_tokens: tokens, cached_input_tokens: tokens / 2, output_tokens: tokens / 10, reasoning_output_tokens: 0, total_tokens: tokens + tokens / 10 },
        first_token_ms: Some(400),
        total_ms: 2000,
        failovers: Vec::new(),
    }
}

fn usage_json(home: &Home, args: &[&str]) -> Value {
    let mut all = vec!["usage", "--json"];
    all.extend_from_slice(args);
    let out = home.sb(&all, None);
    out.ok();
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

/// The figures of the table's row `testid`, as shown (one string per cell).
fn cells(s: &Session, testid: &str) -> Vec<String> {
    let v = s.script(&format!("return [...document.querySelectorAll('[data-testid=\"{testid}\"] > *')].map((c) => c.textContent.trim())"));
    v.as_array().unwrap().iter().map(|c| c.as_str().unwrap_or_default().to_owned()).collect()
}

/// Chooses the period `days` (`0`: everything kept), as the select's change does.
fn period(s: &Session, days: &str) {
    s.script(&format!("const p = document.querySelector('[data-testid=usage-period]'); p.value = '{days}'; p.dispatchEvent(new Event('change', {{ bubbles: true }})); return true"));
}

/// A number as en-US writes it.
fn en(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_usage_screen_shows_what_the_router_counted_and_sets_prices_and_budgets() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let home = Home::new();
    home.write_config(b"# mine\nmodel = \"gpt-5.5\"\n");
    let alpha = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    // beta cannot be reached (nothing listens on port 9): its requests move to alpha.
    for (id, url) in [("alpha", alpha.base_url()), ("beta", "http://127.0.0.1:9/v1".to_owned())] {
        home.sb(&["add", "custom", "--id", id, "--name", &format!("{id} cloud"), "--base-url", &url, "--model", "m1", "--no-key", "--api", "responses"], None).ok();
    }
    home.sb(&["use", "beta"], None).ok();
    home.sb(&["fallback", "beta/m1", "alpha/m1"], None).ok();
    // The real Codex, through the router: beta fails, alpha answers, the request is counted.
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    let counted = wait_for(|| {
        let v = usage_json(&home, &["--by", "model"]);
        (v["totals"]["requests"].as_u64() >= Some(1)).then_some(v)
    });
    assert_eq!((&counted["rows"][0]["provider"], &counted["rows"][0]["model"]), (&"alpha".into(), &"m1".into()), "{counted}");
    assert!(counted["totals"]["failovers"].as_u64() >= Some(1), "the move is counted: {counted}");
    // Two weeks behind it, for the chart: alpha most days, kimi some (a provider since removed).
    let mut past = Vec::new();
    for d in 1..14u64 {
        past.push(rec(d, "alpha", "m1", 20_000 + d * 1_500));
        if d % 3 == 0 {
            past.push(rec(d, "kimi", "kimi-k2.6", 12_000));
        }
    }
    past.push(rec(40, "alpha", "m1", 500_000));
    Store::open(home.path()).unwrap().insert(&past).unwrap();
    let month = usage_json(&home, &["--by", "model", "--since", &day_ago(29)]);
    let alpha_row = month["rows"].as_array().unwrap().iter().find(|r| r["provider"] == "alpha" && r["model"] == "m1").unwrap().clone();

    let (rt, port_s) = (home.run(), home.port.to_string());
    let _tray = TrayGuard(rt.path().to_owned());
    let env = [("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("LANG", "en_US.UTF-8".as_ref())];
    let driver = Driver::start(&env);
    let s = driver.session(&app_bin());
    s.set_size(1000, 760);
    s.find("[data-testid=nav-usage]").click();

    // 1. The last 30 days (the default): a bar per day for alpha, kimi's on its days, the
    //    table to the token as the CLI counts it, and the move off beta.
    s.find("[data-testid=usage-chart]");
    wait_for(|| (s.script("return document.querySelectorAll('[data-testid^=\"usage-bar-\"][data-testid$=\"-alpha\"]').length").as_u64() >= Some(14)).then_some(()));
    let kimi_bars = s.script("return document.querySelectorAll('[data-testid^=\"usage-bar-\"][data-testid$=\"-kimi\"]').length").as_u64();
    assert_eq!(kimi_bars, Some(4), "kimi's four days");
    let row = cells(&s, "usage-row-alpha/m1");
    assert_eq!(row[1], en(alpha_row["requests"].as_u64().unwrap()), "{row:?}");
    assert_eq!(row[7], en(alpha_row["total_tokens"].as_u64().unwrap()), "{row:?}");
    assert_eq!(row[8], "—", "no price, no cost");
    let totals = cells(&s, "usage-totals");
    assert_eq!(totals[7], en(month["totals"]["total_tokens"].as_u64().unwrap()), "{totals:?}");
    let moves = s.wait_text("[data-testid=usage-failovers]", "could not be reached", T);
    assert!(moves.contains("beta could not be reached, so alpha answered (m1)"), "{moves}");
    shot(&s, "29-usage");

    // 2. A price for alpha from the window: the CLI's figures cost it, and so does the table.
    s.find("[data-testid=usage-edit-alpha]").click();
    s.find("[data-testid=usage-input-price]").type_text("0.6");
    s.find("[data-testid=usage-output-price]").type_text("2.5");
    s.find("[data-testid=usage-save-price]").click();
    s.wait_text("[data-testid=usage-price-alpha]", "$0.60 in, $2.50 out", T);
    let priced = wait_for(|| {
        let v = usage_json(&home, &["--by", "model", "--since", &day_ago(29)]);
        v["totals"]["cost"]["USD"].as_f64().map(|c| (v.clone(), c))
    });
    let want = format!("${:.2}", priced.1);
    s.wait_text("[data-testid=usage-totals]", &want, T);
    // A budget: the CLI sees it, the screen shows how much of it is spent.
    s.find("[data-testid=usage-budget-amount]").type_text("20");
    s.find("[data-testid=usage-save-budget]").click();
    s.wait_text("[data-testid=usage-budget-alpha]", "of $20.00", T);
    let budget = home.sb(&["budget", "--json"], None);
    budget.ok();
    assert!(budget.stdout.contains("\"alpha\"") && budget.stdout.contains("20"), "{}", budget.stdout);
    // Nonsense is refused with core's sentence, and nothing is written.
    let settings = std::fs::read(home.path().join("switchboard-usage.json")).unwrap();
    s.find("[data-testid=usage-input-price]").clear();
    s.find("[data-testid=usage-input-price]").type_text("lots");
    s.find("[data-testid=usage-save-price]").click();
    s.wait_text("[data-testid=notice]", "A price must be a number", T);
    assert_eq!(std::fs::read(home.path().join("switchboard-usage.json")).unwrap(), settings, "a refused price writes nothing");
    s.find("[data-testid=usage-edit-alpha]").click();
    shot(&s, "30-usage-priced");

    // 3. The last 7 days: fewer bars; everything kept: the request 40 days ago too.
    period(&s, "7");
    wait_for(|| (s.script("return document.querySelectorAll('[data-testid^=\"usage-bar-\"][data-testid$=\"-alpha\"]').length").as_u64() == Some(7)).then_some(()));
    period(&s, "0");
    let all = usage_json(&home, &["--by", "model"]);
    s.wait_text("[data-testid=usage-totals]", &en(all["totals"]["total_tokens"].as_u64().unwrap()), T);
    s.close();
    drop(driver);

    // 4. Each language and theme: axe, a screenshot, and the layout at 800×600.
    let axe = axe::source();
    let mut found = Vec::new();
    for (theme, lang, locale) in axe::LOOKS {
        let mut env = vec![("CODEX_HOME", home.path().as_os_str()), ("XDG_RUNTIME_DIR", rt.path().as_os_str()), ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()), ("LANG", locale.as_ref())];
        if theme == "dark" {
            env.push(("GTK_THEME", "Adwaita:dark".as_ref()));
        }
        let driver = Driver::start(&env);
        let s = driver.session(&app_bin());
        s.set_size(1000, 760);
        s.wait_text("[data-testid=nav-usage]", &message(lang, "nav-usage"), T);
        s.find("[data-testid=nav-usage]").click();
        s.wait_text("#usage-title", &message(lang, "usage-title"), T);
        s.find("[data-testid=usage-chart]");
        s.wait_text("[data-testid=usage-table]", &message(lang, "usage-col-model"), T);
        std::thread::sleep(Duration::from_millis(300));
        found.extend(audit(&s, &axe, &format!("usage {theme} {lang}")));
        shot(&s, &format!("41-usage-{lang}-{theme}"));
        s.set_size(800, 600);
        std::thread::sleep(Duration::from_millis(400));
        let l = page_layout(&s);
        if !(l["nowLines"] == 1 && l["header"].as_f64().unwrap_or(99.0) < 60.0 && l["width"] == 0) {
            found.push(format!("usage {theme} {lang}: at 800×600 the layout does not hold: {l}"));
        }
        s.close();
        drop(driver);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The local day `n` days ago, as `--since` takes it.
fn day_ago(n: i64) -> String {
    let out = std::process::Command::new("date").args(["+%Y-%m-%d", "-d", &format!("{n} days ago")]).output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}
