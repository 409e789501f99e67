//! Usage with real parts: `switchboard usage`, `price` and `budget` over a home's store,
//! in every language (`--json` the same in each); OpenRouter's own price list fetched
//! from a stand-in serving its published shape; and, through the router, the real Codex's
//! own `token_count` records equal to what Switchboard counted, per provider and per
//! model, to the token, and fifty streams at once counted exactly.

#[path = "usage/metered.rs"]
mod metered;

use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use metered::{Metered, Reported, Wire};
use serde_json::{Value, json};
use switchboard_core::usage::clock::now_ms;
use switchboard_core::usage::store::Store;
use switchboard_core::usage::{Failover, Record, Tokens, budget};
use switchboard_e2e::router::*;
use switchboard_e2e::*;

const LANGS: [&str; 4] = ["en_US.UTF-8", "zh_CN.UTF-8", "zh_TW.UTF-8", "ja_JP.UTF-8"];
const HOUR: u64 = 3_600_000;

/// `switchboard --codex-home <home> args...` in the locale `lang` and the zone `tz`.
fn sb_in(home: &Home, lang: &str, tz: &str, args: &[&str]) -> Run {
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(args).env("LC_ALL", lang).env("LANG", lang).env("TZ", tz);
    codex_env(&mut cmd);
    home.router_env(&mut cmd);
    run(cmd, None)
}

fn json_of(r: &Run) -> Value {
    r.ok();
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn rec(at_ms: u64, provider: &str, model: &str, t: [u64; 4]) -> Record {
    Record {
        at_ms,
        session: Some("019a0000-0000-7000-8000-000000000001".into()),
        asked: format!("{provider}/{model}"),
        provider: provider.into(),
        model: model.into(),
        status: 200,
        completed: true,
        tokens: Tokens { input_tokens: t[0], cached_input_tokens: t[1], output_tokens: t[2], reasoning_output_tokens: t[3], total_tokens: t[0] + t[2] },
        first_token_ms: Some(300),
        total_ms: 1200,
        failovers: Vec::new(),
    }
}

/// A provider Switchboard set up (no key: nothing is sent anywhere).
fn add_plain(home: &Home, id: &str, model: &str) {
    home.sb(&["add", "custom", "--id", id, "--base-url", "http://127.0.0.1:9/v1", "--model", model, "--api", "responses", "--no-key"], None).ok();
}

/// Yesterday 23:30 and today 00:30 in Tokyo, as instants: two local days there (the same
/// day in UTC, 14:30 and 15:30).
fn tokyo_pair() -> (u64, u64) {
    let day = 86_400_000;
    let tokyo_midnight = (now_ms() + 9 * HOUR) / day * day - 9 * HOUR;
    (tokyo_midnight - HOUR / 2, tokyo_midnight + HOUR / 2)
}

#[test]
fn usage_reports_the_store_in_every_language_and_its_json_never_changes() {
    let home = Home::new();
    let (kimi, glm) = (unique_id("kimi"), unique_id("glm"));
    add_plain(&home, &kimi, "kimi-k2.6");
    add_plain(&home, &glm, "glm-5");
    let none = sb_in(&home, "en_US.UTF-8", "UTC", &["usage"]);
    assert!(none.ok().stdout.contains("No request through Switchboard's router is recorded yet"), "{}", none.stdout);
    assert!(!home.path().join("switchboard-usage.sqlite").exists(), "reading makes no store");

    let (late, early) = tokyo_pair();
    let mut moved = rec(early + 60_000, &kimi, "kimi-k2.6", [1000, 600, 80, 30]);
    moved.failovers = vec![Failover { from_provider: glm.clone(), from_model: "glm-5".into(), reason: "rate_limited".into(), status: Some(429) }];
    let rows = vec![rec(late, &kimi, "kimi-k2.6", [5000, 4096, 200, 64]), rec(early, &glm, "glm-5", [700, 0, 50, 0]), moved];
    Store::open(home.path()).unwrap().insert(&rows).unwrap();

    let by = |by: &str, tz: &str| json_of(&sb_in(&home, "en_US.UTF-8", tz, &["usage", "--json", "--by", by]));
    let tokyo = by("day", "Asia/Tokyo");
    assert_eq!(tokyo["time_zone"], "Asia/Tokyo");
    assert_eq!(tokyo["rows"].as_array().unwrap().len(), 2, "{tokyo}");
    assert_eq!(tokyo["rows"][0]["requests"], 1);
    assert_eq!(tokyo["rows"][1]["requests"], 2);
    assert_eq!(tokyo["totals"], json!({"requests": 3, "failovers": 1, "input_tokens": 6700, "cached_input_tokens": 4696, "output_tokens": 330, "reasoning_output_tokens": 94, "total_tokens": 7030, "unpriced_requests": 3}));
    let utc_days = by("day", "UTC")["rows"].as_array().unwrap().len();
    assert!(utc_days >= 1 && utc_days <= 2);
    let providers = by("provider", "UTC");
    let kimi_row = providers["rows"].as_array().unwrap().iter().find(|r| r["provider"] == kimi.as_str()).unwrap().clone();
    assert_eq!(kimi_row, json!({"provider": kimi, "requests": 2, "failovers": 1, "input_tokens": 6000, "cached_input_tokens": 4696, "output_tokens": 280, "reasoning_output_tokens": 94, "total_tokens": 6280, "unpriced_requests": 2}));
    assert!(kimi_row.get("cost").is_none(), "no price: no cost");
    let models = by("model", "UTC");
    assert_eq!(models["rows"][0]["model"], "kimi-k2.6");
    assert_eq!(models["failovers"][0]["failovers"][0]["reason"], "rate_limited", "the window's notification: the last failovers");
    // --since: from Tokyo's today on, only the two requests after its midnight.
    let today = Command::new("date").env("TZ", "Asia/Tokyo").arg("+%Y-%m-%d").output().unwrap();
    let today = String::from_utf8_lossy(&today.stdout).trim().to_owned();
    let since = json_of(&sb_in(&home, "en_US.UTF-8", "Asia/Tokyo", &["usage", "--json", "--since", &today]));
    assert_eq!((since["since"].as_str(), since["totals"]["requests"].as_u64()), (Some(today.as_str()), Some(2)));

    // The words follow LANG; the JSON never does.
    let mut texts = Vec::new();
    for lang in LANGS {
        assert_eq!(json_of(&sb_in(&home, lang, "Asia/Tokyo", &["usage", "--json", "--by", "day"])), tokyo, "{lang}");
        let t = sb_in(&home, lang, "Asia/Tokyo", &["usage", "--by", "provider"]);
        let out = t.ok().stdout.clone();
        assert!(out.contains(&kimi) && out.contains("6280") && out.contains("7030"), "{lang}: {out}");
        assert!(out.contains(&format!("{glm}/glm-5 → {kimi}/kimi-k2.6")), "{lang}: the failover's line: {out}");
        let bad = sb_in(&home, lang, "UTC", &["usage", "--since", "May 1st"]);
        bad.fails(1, "May 1st");
        texts.push((out, bad.stderr.clone()));
    }
    eprintln!("{}", texts[0].0);
    eprintln!("{}", texts[3].0);
    assert!(texts[0].0.contains("requests") && texts[0].0.contains("answered 429 with a long wait"), "{}", texts[0].0);
    assert!(texts[1].0.contains("请求") && texts[2].0.contains("請求") && texts[3].0.contains("リクエスト"));
    assert!(texts[0].1.contains("is not a date") && texts[3].1.contains("日付ではありません"), "{:?}", texts[3].1);
    for (out, err) in &texts[1..] {
        assert!(!out.contains("requests") && !err.contains("is not a date"), "English in a translation: {out}{err}");
    }
}

/// OpenRouter's `/models` (its published shape), counting the times it is asked.
struct OpenRouterList {
    port: u16,
    asked: Arc<AtomicUsize>,
}

impl OpenRouterList {
    fn start() -> OpenRouterList {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let asked = Arc::new(AtomicUsize::new(0));
        let a2 = asked.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let mut reader = BufReader::new(conn.try_clone().unwrap());
                let mut conn = conn;
                while let Ok(Some(s)) = read_request(&mut reader) {
                    let (status, body) = if s.method == "GET" && s.path() == "/api/v1/models" {
                        a2.fetch_add(1, Ordering::SeqCst);
                        assert!(s.header("authorization").is_none(), "no key is sent for the price list");
                        (200, include_str!("usage/openrouter-models.json"))
                    } else {
                        (404, "{}")
                    };
                    let _ = write!(conn, "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len());
                }
            }
        });
        OpenRouterList { port, asked }
    }
}

#[test]
fn a_cost_where_a_price_is_known_yours_or_openrouters_own_and_none_invented() {
    let home = Home::new();
    let list = OpenRouterList::start();
    let (or, kimi, glm) = (unique_id("or"), unique_id("kimi"), unique_id("glm"));
    let url = format!("http://127.0.0.1:{}/api/v1", list.port);
    home.sb(&["add", "openrouter", "--id", &or, "--base-url", &url, "--model", "moonshotai/kimi-k2.6", "--api", "chat", "--env-key", "OPENROUTER_API_KEY"], None).ok();
    add_plain(&home, &kimi, "kimi-k2.6");
    add_plain(&home, &glm, "glm-5");
    let now = now_ms();
    Store::open(home.path())
        .unwrap()
        .insert(&[
            rec(now - 2 * HOUR, &or, "moonshotai/kimi-k2.6", [2_000_000, 1_000_000, 1_000_000, 400_000]),
            rec(now - 2 * HOUR, &or, "openrouter/auto", [10, 0, 10, 0]),
            rec(now - HOUR, &kimi, "kimi-k2.6", [1_000_000, 0, 100_000, 0]),
            rec(now - HOUR, &glm, "glm-5", [1_000_000, 0, 100_000, 0]),
        ])
        .unwrap();
    let set = sb_in(&home, "en_US.UTF-8", "UTC", &["price", &kimi, "--input", "4", "--output", "16", "--cached", "1", "--currency", "cny"]);
    assert!(set.ok().stdout.contains("CNY 4 per million input tokens, 16 per million output tokens, 1 per million cached input tokens"), "{}", set.stdout);
    sb_in(&home, "en_US.UTF-8", "UTC", &["price", &glm, "--input=-1", "--output", "2"]).fails(1, "from 0 to 1,000,000");
    sb_in(&home, "en_US.UTF-8", "UTC", &["price", &glm, "--input", "1"]).fails(1, "both --input and --output");
    sb_in(&home, "en_US.UTF-8", "UTC", &["price", "nobody", "--input", "1", "--output", "1"]).fails(1, "nobody");

    let report = json_of(&sb_in(&home, "en_US.UTF-8", "UTC", &["usage", "--json", "--by", "provider"]));
    assert_eq!(list.asked.load(Ordering::SeqCst), 1, "OpenRouter's list, fetched once for the provider counted");
    let row = |id: &str| report["rows"].as_array().unwrap().iter().find(|r| r["provider"] == id).unwrap().clone();
    // OpenRouter: 1M fresh input at $0.60, 1M cached at $0.15, 1M output (reasoning included) at $2.50; auto has no fixed price.
    assert_eq!((row(&or)["cost"].clone(), row(&or)["unpriced_requests"].clone()), (json!({"USD": 3.25}), json!(1)));
    assert_eq!(row(&kimi)["cost"], json!({"CNY": 5.6}), "yours: 1M input at 4, 100k output at 16");
    assert!(row(&glm).get("cost").is_none() && row(&glm)["unpriced_requests"] == 1, "no price is invented");
    assert_eq!(report["totals"]["cost"], json!({"CNY": 5.6, "USD": 3.25}));
    json_of(&sb_in(&home, "en_US.UTF-8", "UTC", &["usage", "--json"]));
    assert_eq!(list.asked.load(Ordering::SeqCst), 1, "kept for a day");
    let text = sb_in(&home, "ja_JP.UTF-8", "UTC", &["usage", "--by", "provider"]);
    assert!(text.ok().stdout.contains("USD 3.25 *") && text.stdout.contains("CNY 5.60"), "{}", text.stdout);
    assert!(text.stdout.contains("一部のリクエストには既知の価格がない"), "{}", text.stdout);

    let prices = json_of(&sb_in(&home, "en_US.UTF-8", "UTC", &["price", "--json"]));
    assert_eq!(prices["user"][&kimi]["all"]["currency"], "CNY");
    assert_eq!(prices["listed"][&or]["models"]["moonshotai/kimi-k2.6"], json!({"currency": "USD", "input": 0.6, "output": 2.5, "cached_input": 0.15}));
    let refreshed = sb_in(&home, "zh_CN.UTF-8", "UTC", &["price", "--refresh"]);
    assert!(refreshed.ok().stdout.contains("已从它自己的列表获取 3 个模型的价格"), "{}", refreshed.stdout);
    assert_eq!(list.asked.load(Ordering::SeqCst), 2);
    sb_in(&home, "en_US.UTF-8", "UTC", &["price", &kimi, "--clear"]).ok();
    let after = json_of(&sb_in(&home, "en_US.UTF-8", "UTC", &["usage", "--json", "--by", "provider"]));
    assert_eq!(after["totals"]["cost"], json!({"USD": 3.25}), "your price gone, its cost goes");
    assert!(std::fs::read_to_string(home.path().join("switchboard-usage.json")).unwrap().contains("\"version\": 1"));
}

#[test]
fn a_monthly_budget_warns_at_80_percent_and_is_over_at_100() {
    let home = Home::new();
    let (kimi, glm) = (unique_id("kimi"), unique_id("glm"));
    add_plain(&home, &kimi, "kimi-k2.6");
    add_plain(&home, &glm, "glm-5");
    sb_in(&home, "en_US.UTF-8", "UTC", &["budget", &glm, "10"]).fails(1, "has no known price");
    sb_in(&home, "en_US.UTF-8", "UTC", &["price", &kimi, "--input", "1", "--output", "1"]).ok();
    sb_in(&home, "en_US.UTF-8", "UTC", &["budget", &kimi, "0"]).fails(1, "above 0");
    let set = sb_in(&home, "en_US.UTF-8", "UTC", &["budget", &kimi, "2"]);
    assert!(set.ok().stdout.contains("monthly budget is 2 USD"), "{}", set.stdout);
    let standing = |lang: &str| sb_in(&home, lang, "UTC", &["budget"]);
    assert!(standing("en_US.UTF-8").ok().stdout.contains("0 of 2 USD spent"), "{}", standing("en_US.UTF-8").stdout);
    let mut store = Store::open(home.path()).unwrap();
    store.insert(&[rec(now_ms(), &kimi, "kimi-k2.6", [1_500_000, 0, 100_000, 0])]).unwrap();
    let warn = json_of(&sb_in(&home, "en_US.UTF-8", "UTC", &["budget", "--json"]));
    assert_eq!(warn["budgets"][0]["standing"]["status"], "warn", "{warn}");
    assert_eq!(warn["budgets"][0]["standing"]["spent"], 1.6);
    assert_eq!(budget::of(home.path(), &kimi), Some(budget::Status::Warn), "what the router asks");
    assert_eq!(budget::of(home.path(), &glm), None, "no budget: nothing to say");
    store.insert(&[rec(now_ms(), &kimi, "kimi-k2.6", [400_000, 0, 0, 0])]).unwrap();
    let over = standing("ja_JP.UTF-8");
    assert!(over.ok().stdout.starts_with("✘") && over.stdout.contains("予算を超えています") && over.stdout.contains("100%"), "{}", over.stdout);
    std::thread::sleep(budget::REFRESH);
    assert_eq!(budget::of(home.path(), &kimi), Some(budget::Status::Over), "seen within REFRESH");
    sb_in(&home, "en_US.UTF-8", "UTC", &["budget", &kimi, "--clear"]).ok();
    assert!(standing("en_US.UTF-8").ok().stdout.contains("No budget is set"));
}

/// Codex's own counts in its session files: the `last_token_usage` of each `token_count`
/// record (once per answer: a record whose `total_token_usage` did not move is a repeat),
/// by the slug of the turn it is in.
fn codex_counts(home: &std::path::Path) -> BTreeMap<String, Tokens> {
    let mut out: BTreeMap<String, Tokens> = BTreeMap::new();
    for file in rollouts(home) {
        let (mut slug, mut last_total) = (String::new(), Value::Null);
        for line in rollout_lines(&file) {
            if line["type"] == "turn_context" {
                slug = line["payload"]["model"].as_str().unwrap_or("").to_owned();
            }
            let info = &line["payload"]["info"];
            if line["payload"]["type"] != "token_count" || info.is_null() || info["total_token_usage"] == last_total {
                continue;
            }
            last_total = info["total_token_usage"].clone();
            let u = &info["last_token_usage"];
            let n = |k: &str| u[k].as_u64().unwrap();
            let t = Tokens { input_tokens: n("input_tokens"), cached_input_tokens: n("cached_input_tokens"), output_tokens: n("output_tokens"), reasoning_output_tokens: n("reasoning_output_tokens"), total_tokens: n("total_tokens") };
            out.entry(slug.clone()).or_default().add(&t);
        }
    }
    out
}

fn tokens_of(row: &Value) -> Tokens {
    serde_json::from_value(row.clone()).unwrap()
}

/// Reads `switchboard usage --json --by <by>` until it counts `requests` (the router writes
/// off the request's path), then once more a moment later: exactly that many.
fn settled(home: &Home, by: &str, requests: u64) -> Value {
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        let v = json_of(&sb_in(home, "en_US.UTF-8", "UTC", &["usage", "--json", "--by", by]));
        if v["totals"]["requests"].as_u64() == Some(requests) || Instant::now() > until {
            std::thread::sleep(Duration::from_millis(300));
            return json_of(&sb_in(home, "en_US.UTF-8", "UTC", &["usage", "--json", "--by", by]));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_real_codexs_token_counts_equal_switchboards_per_provider_and_model_to_the_token() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let a = Metered::start("A", Wire::Responses, Some("echo counted-on-a"));
    let c = Metered::start("C", Wire::Chat, Some("echo counted-on-c"));
    let (ia, ic) = (unique_id("pa"), unique_id("pc"));
    add(&home, "custom", &ia, &a.base_url(), "a-model", "responses", "sk-usage-a-5d1e");
    add(&home, "chat-gateway", &ic, &c.base_url(), "c-model", "chat", "sk-usage-c-93f0");
    home.sb(&["models", &ia, "--add", "a-model-2"], None).ok();
    home.sb(&["use", &ia], None).ok();
    let (on_c, on_a2) = (format!("{ic}/c-model"), format!("{ia}/a-model-2"));
    let runs: [&[&str]; 4] = [&[], &["-m", &on_c, "resume", "--last"], &["-m", &on_a2], &["resume", "--last"]];
    for (i, args) in runs.iter().enumerate() {
        let r = codex(&home, work.path(), args, &format!("Turn {i}: run the command."));
        assert_eq!(r.code, Some(0), "{}", r.all());
    }
    let (sent_a, sent_c) = (a.sent(), c.sent());
    assert!(sent_a.len() >= 4 && sent_c.len() >= 2, "{} {}", sent_a.len(), sent_c.len());
    let requests = (sent_a.len() + sent_c.len()) as u64;
    // Codex's side: by the slug each turn ran on, then by provider and by model.
    let slugs = codex_counts(home.path());
    let provider_of = |slug: &str| if slug == "switchboard/current" { ia.clone() } else { slug.split('/').next().unwrap().to_owned() };
    let model_of = |slug: &str| if slug == "switchboard/current" { "a-model".to_owned() } else { slug.split_once('/').unwrap().1.to_owned() };
    let (mut by_provider, mut by_model): (BTreeMap<String, Tokens>, BTreeMap<String, Tokens>) = Default::default();
    for (slug, t) in &slugs {
        by_provider.entry(provider_of(slug)).or_default().add(t);
        by_model.entry(model_of(slug)).or_default().add(t);
    }
    assert_eq!(by_model.len(), 3, "{slugs:?}");
    assert!(by_model.values().all(|t| t.cached_input_tokens > 0 && t.reasoning_output_tokens > 0), "cached and reasoning tokens were counted: {by_model:?}");
    // Switchboard's side.
    let providers = settled(&home, "provider", requests);
    let models = settled(&home, "model", requests);
    let ours = |v: &Value, key: &str| -> BTreeMap<String, Tokens> { v["rows"].as_array().unwrap().iter().map(|r| (r[key].as_str().unwrap().to_owned(), tokens_of(r))).collect() };
    assert_eq!(ours(&providers, "provider"), by_provider, "per provider, to the token");
    assert_eq!(ours(&models, "model"), by_model, "per model, to the token");
    let mut reported = Tokens::default();
    for (_, r) in sent_a.iter().chain(&sent_c) {
        reported.add(&Tokens { input_tokens: r.input, cached_input_tokens: r.cached, output_tokens: r.output, reasoning_output_tokens: r.reasoning, total_tokens: r.total });
    }
    assert_eq!(tokens_of(&providers["totals"]), reported, "and what the providers reported");
    assert_eq!(providers["totals"]["requests"], requests);
    eprintln!("Codex's token_count and Switchboard's usage, per model: {by_model:?}");
}

/// What `switchboard token --router <port>` prints (it starts the router and tells it the home).
fn router_token(home: &Home) -> String {
    let mut cmd = Command::new(bin());
    cmd.args(["token", "--router", &home.port.to_string()]).env("CODEX_HOME", home.path());
    home.router_env(&mut cmd);
    let out = run(cmd, None);
    out.ok();
    out.stdout.trim().to_owned()
}

#[test]
fn fifty_streams_at_once_through_the_router_are_counted_exactly() {
    let home = Home::new();
    let up = Metered::start("F", Wire::Responses, None);
    let id = unique_id("fifty");
    add(&home, "custom", &id, &up.base_url(), "f-model", "responses", "sk-usage-f-77aa");
    home.sb(&["use", &id], None).ok();
    let token = router_token(&home);
    let text = home.config_text();
    let at = text.find("/codex/").expect("the router's table") + "/codex/".len();
    let url = format!("http://127.0.0.1:{}/codex/{}/v1/responses", home.port, &text[at..at + 16]);
    let threads: Vec<_> = (0..50)
        .map(|_| {
            let (url, token) = (url.clone(), token.clone());
            std::thread::spawn(move || {
                let body = r#"{"model":"switchboard/current","input":"hi","stream":true}"#;
                let mut r = ureq::post(&url).header("authorization", &format!("Bearer {token}")).header("content-type", "application/json").send(body).unwrap();
                r.body_mut().read_to_string().unwrap().contains("response.completed")
            })
        })
        .collect();
    assert!(threads.into_iter().all(|t| t.join().unwrap()), "every stream completed");
    assert_eq!(up.sent().len(), 50);
    let v = settled(&home, "provider", 50);
    let mut want = Tokens::default();
    for n in 1..=50 {
        let r = Reported::nth(up.wire(), n);
        want.add(&Tokens { input_tokens: r.input, cached_input_tokens: r.cached, output_tokens: r.output, reasoning_output_tokens: r.reasoning, total_tokens: r.total });
    }
    assert_eq!((v["rows"].as_array().unwrap().len(), v["totals"]["requests"].as_u64()), (1, Some(50)), "{v}");
    assert_eq!(tokens_of(&v["totals"]), want, "fifty streams, every token once");
    assert_eq!(v["not_counted"], 0);
}
