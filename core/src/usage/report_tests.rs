use std::collections::BTreeMap;

use jiff::tz::{TimeZone, offset};
use serde_json::json;

use super::*;
use crate::usage::price::{Price, UserPrices};

const H: u64 = 3_600_000;
/// 2023-11-14T00:00:00Z.
const DAY0: u64 = 1_699_920_000_000;

fn b(start_ms: u64, provider: &str, model: &str, requests: u64, failovers: u64, t: [u64; 5]) -> Bucket {
    Bucket {
        start_ms,
        provider: provider.into(),
        model: model.into(),
        requests,
        failovers,
        tokens: Tokens { input_tokens: t[0], cached_input_tokens: t[1], output_tokens: t[2], reasoning_output_tokens: t[3], total_tokens: t[4] },
    }
}

fn buckets() -> Vec<Bucket> {
    vec![
        b(DAY0 + H, "kimi", "kimi-k2.6", 3, 0, [3000, 1000, 300, 100, 3300]),
        b(DAY0 + 22 * H, "openrouter", "moonshotai/kimi-k2.6", 2, 2, [2_000_000, 1_000_000, 1_000_000, 0, 3_000_000]),
        b(DAY0 + 23 * H + 45 * 60_000, "kimi", "kimi-k2.6", 1, 0, [100, 0, 10, 0, 110]),
        b(DAY0 + 25 * H, "glm", "glm-5", 4, 1, [400, 0, 40, 20, 440]),
        b(DAY0 + 26 * H, "kimi", "kimi-k2-thinking", 1, 0, [50, 0, 5, 5, 55]),
    ]
}

fn prices() -> Prices {
    let usd = |input, output, cached| Price { currency: "USD".into(), input, output, cached_input: cached, reasoning: None };
    let mut p = Prices::default();
    p.listed.insert("openrouter".into(), BTreeMap::from([("moonshotai/kimi-k2.6".to_owned(), usd(0.6, 2.5, Some(0.15)))]));
    p.user.insert("kimi".into(), UserPrices { all: None, models: BTreeMap::from([("kimi-k2.6".to_owned(), Price { currency: "CNY".into(), ..usd(4.0, 16.0, Some(1.0)) })]) });
    p
}

/// (key, requests, failovers, total tokens, cost by currency, unpriced requests) of each row.
type Seen = (String, u64, u64, u64, Vec<(String, f64)>, u64);

fn seen(rows: &[Row]) -> Vec<Seen> {
    rows.iter()
        .map(|r| {
            let key = match (&r.provider, &r.model) {
                (Some(p), Some(m)) => format!("{p}/{m}"),
                _ => r.day.clone().or(r.provider.clone()).unwrap_or_default(),
            };
            (key, r.requests, r.failovers, r.tokens.total_tokens, r.cost.iter().map(|(c, v)| (c.clone(), *v)).collect(), r.unpriced_requests)
        })
        .collect()
}

fn s(key: &str, requests: u64, failovers: u64, total: u64, cost: &[(&str, f64)], unpriced: u64) -> Seen {
    (key.into(), requests, failovers, total, cost.iter().map(|(c, v)| (c.to_string(), *v)).collect(), unpriced)
}

#[test]
fn rows_group_by_day_provider_and_model() {
    let (utc, tokyo, la) = (TimeZone::UTC, TimeZone::fixed(offset(9)), TimeZone::fixed(offset(-8)));
    // kimi-k2.6 in CNY: (2000·4 + 1000·1 + 200·16 + 100·16)/1e6 = 0.0138, and (100·4 + 10·16)/1e6 = 0.00056.
    // OpenRouter in USD: (1e6·0.6 + 1e6·0.15 + 1e6·2.5)/1e6 = 3.25.
    let cases: Vec<(By, &TimeZone, Vec<Seen>)> = vec![
        (
            By::Day,
            &utc,
            vec![
                s("2023-11-14", 6, 2, 3_003_410, &[("CNY", 0.01436), ("USD", 3.25)], 0),
                s("2023-11-15", 5, 1, 495, &[], 5),
            ],
        ),
        // In Tokyo everything but the first bucket is on the 15th; in Los Angeles the first is on the 13th.
        (
            By::Day,
            &tokyo,
            vec![s("2023-11-14", 3, 0, 3300, &[("CNY", 0.0138)], 0), s("2023-11-15", 8, 3, 3_000_605, &[("CNY", 0.00056), ("USD", 3.25)], 5)],
        ),
        (
            By::Day,
            &la,
            vec![s("2023-11-13", 3, 0, 3300, &[("CNY", 0.0138)], 0), s("2023-11-14", 8, 3, 3_000_605, &[("CNY", 0.00056), ("USD", 3.25)], 5)],
        ),
        (
            By::Provider,
            &utc,
            vec![
                s("openrouter", 2, 2, 3_000_000, &[("USD", 3.25)], 0),
                s("kimi", 5, 0, 3465, &[("CNY", 0.01436)], 1),
                s("glm", 4, 1, 440, &[], 4),
            ],
        ),
        (
            By::Model,
            &utc,
            vec![
                s("openrouter/moonshotai/kimi-k2.6", 2, 2, 3_000_000, &[("USD", 3.25)], 0),
                s("kimi/kimi-k2.6", 4, 0, 3410, &[("CNY", 0.01436)], 0),
                s("glm/glm-5", 4, 1, 440, &[], 4),
                s("kimi/kimi-k2-thinking", 1, 0, 55, &[], 1),
            ],
        ),
    ];
    for (by, tz, want) in cases {
        assert_eq!(seen(&rows(&buckets(), by, &prices(), tz)), want, "{by:?} in {tz:?}");
    }
    assert!(rows(&[], By::Day, &prices(), &utc).is_empty());
}

#[test]
fn totals_are_the_sum_of_the_rows_whatever_the_grouping() {
    let utc = TimeZone::UTC;
    let mut want = Tokens::default();
    for x in buckets() {
        want.add(&x.tokens);
    }
    for by in [By::Day, By::Provider, By::Model] {
        let r = report(&buckets(), by, Some("2023-11-14"), &prices(), &utc, "UTC");
        assert_eq!(r.totals.tokens, want, "{by:?}");
        assert_eq!((r.totals.requests, r.totals.failovers, r.totals.unpriced_requests), (11, 3, 5), "{by:?}");
        assert_eq!(seen(&[r.totals.clone()]), vec![s("", 11, 3, 3_003_905, &[("CNY", 0.01436), ("USD", 3.25)], 5)]);
    }
}

#[test]
fn a_report_speaks_codexs_names_in_json() {
    let r = report(&buckets()[..1], By::Provider, None, &prices(), &TimeZone::UTC, "UTC");
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(
        v,
        json!({
            "by": "provider",
            "time_zone": "UTC",
            "rows": [{"provider": "kimi", "requests": 3, "failovers": 0, "input_tokens": 3000, "cached_input_tokens": 1000, "output_tokens": 300, "reasoning_output_tokens": 100, "total_tokens": 3300, "cost": {"CNY": 0.0138}, "unpriced_requests": 0}],
            "totals": {"requests": 3, "failovers": 0, "input_tokens": 3000, "cached_input_tokens": 1000, "output_tokens": 300, "reasoning_output_tokens": 100, "total_tokens": 3300, "cost": {"CNY": 0.0138}, "unpriced_requests": 0}
        })
    );
    let none = report(&buckets()[3..4], By::Model, None, &prices(), &TimeZone::UTC, "UTC");
    assert!(serde_json::to_value(&none).unwrap()["rows"][0].get("cost").is_none(), "no price: no cost, not a zero");
    for (s, by) in [("day", Some(By::Day)), ("provider", Some(By::Provider)), ("model", Some(By::Model)), ("week", None), ("Day", None)] {
        assert_eq!(By::parse(s), by);
    }
}

#[test]
fn the_chart_has_a_row_per_day_and_provider() {
    let got = by_day_and_provider(&buckets(), &prices(), &TimeZone::UTC);
    let keys: Vec<(String, String, u64)> = got.iter().map(|r| (r.day.clone().unwrap(), r.provider.clone().unwrap(), r.requests)).collect();
    assert_eq!(
        keys,
        [("2023-11-14".into(), "kimi".into(), 4), ("2023-11-14".into(), "openrouter".into(), 2), ("2023-11-15".into(), "glm".into(), 4), ("2023-11-15".into(), "kimi".into(), 1)]
    );
    assert!(got.iter().all(|r| r.model.is_none()));
}
