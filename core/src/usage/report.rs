//! `switchboard usage` and the window's Usage screen: the store's quarter-hour sums
//! (`Bucket`) grouped by local day, provider or model, with the cost where a price is
//! known. Pure: the store gives the buckets, the caller the zone and the prices.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::clock::day_of;
use super::price::Prices;
use super::record::Tokens;

/// What a report groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum By {
    Day,
    Provider,
    Model,
}

impl By {
    pub fn parse(s: &str) -> Option<By> {
        match s {
            "day" => Some(By::Day),
            "provider" => Some(By::Provider),
            "model" => Some(By::Model),
            _ => None,
        }
    }
}

/// The requests one provider's model served in one quarter hour, summed by the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bucket {
    /// The quarter hour's first millisecond since the Unix epoch.
    pub start_ms: u64,
    pub provider: String,
    pub model: String,
    pub requests: u64,
    /// The requests among them that reached this provider after a failover.
    pub failovers: u64,
    pub tokens: Tokens,
}

/// One group of a report. Only the keys it is grouped by are set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Row {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub requests: u64,
    pub failovers: u64,
    #[serde(flatten)]
    pub tokens: Tokens,
    /// What the group cost, by currency; empty when no price is known for any of it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub cost: BTreeMap<String, f64>,
    /// Requests of the group with no known price (not in `cost`).
    pub unpriced_requests: u64,
}

impl Row {
    fn add(&mut self, b: &Bucket, prices: &Prices) {
        self.requests += b.requests;
        self.failovers += b.failovers;
        self.tokens.add(&b.tokens);
        match prices.of(&b.provider, &b.model) {
            Some((p, _)) => *self.cost.entry(p.currency.clone()).or_default() += p.cost(&b.tokens),
            None => self.unpriced_requests += b.requests,
        }
    }

    fn merge(&mut self, o: &Row) {
        self.requests += o.requests;
        self.failovers += o.failovers;
        self.tokens.add(&o.tokens);
        for (c, v) in &o.cost {
            *self.cost.entry(c.clone()).or_default() += v;
        }
        self.unpriced_requests += o.unpriced_requests;
    }

    fn rounded(mut self) -> Row {
        for v in self.cost.values_mut() {
            *v = (*v * 1e8).round() / 1e8;
        }
        self
    }
}

/// A whole report, as `switchboard usage --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// The window's bindings already have the Test's `Report`: a struct's name is not in its JSON.
#[serde(rename = "UsageReport")]
pub struct Report {
    pub by: By,
    /// The first local day counted (`--since`), if one was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// The zone the days are in (an IANA name, `UTC`, or `local`).
    pub time_zone: String,
    pub rows: Vec<Row>,
    pub totals: Row,
}

/// The buckets grouped by `by`: days in order, providers and models by tokens (most first).
pub fn rows(buckets: &[Bucket], by: By, prices: &Prices, tz: &TimeZone) -> Vec<Row> {
    // A model is its provider's: the same name at two providers is two rows.
    let mut groups: BTreeMap<(String, String), Row> = BTreeMap::new();
    for b in buckets {
        let key = match by {
            By::Day => (day_of(b.start_ms, tz), String::new()),
            By::Provider => (b.provider.clone(), String::new()),
            By::Model => (b.provider.clone(), b.model.clone()),
        };
        groups
            .entry(key.clone())
            .or_insert_with(|| Row {
                day: (by == By::Day).then(|| key.0.clone()),
                provider: (by != By::Day).then(|| key.0.clone()),
                model: (by == By::Model).then(|| key.1.clone()),
                ..Row::default()
            })
            .add(b, prices);
    }
    let mut out: Vec<Row> = groups.into_values().map(Row::rounded).collect();
    if by != By::Day {
        out.sort_by(|a, b| b.tokens.total_tokens.cmp(&a.tokens.total_tokens).then(b.requests.cmp(&a.requests)).then(a.provider.cmp(&b.provider)).then(a.model.cmp(&b.model)));
    }
    out
}

/// Each local day's requests by provider (the window's chart, a bar per day stacked
/// by provider): days in order, then providers by name.
pub fn by_day_and_provider(buckets: &[Bucket], prices: &Prices, tz: &TimeZone) -> Vec<Row> {
    let mut groups: BTreeMap<(String, String), Row> = BTreeMap::new();
    for b in buckets {
        let (day, provider) = (day_of(b.start_ms, tz), b.provider.clone());
        groups
            .entry((day.clone(), provider.clone()))
            .or_insert_with(|| Row { day: Some(day), provider: Some(provider), ..Row::default() })
            .add(b, prices);
    }
    groups.into_values().map(Row::rounded).collect()
}

/// The sum of `rows` (no key set).
pub fn totals(rows: &[Row]) -> Row {
    let mut t = Row::default();
    for r in rows {
        t.merge(r);
    }
    t.rounded()
}

/// The whole report of `buckets`.
pub fn report(buckets: &[Bucket], by: By, since: Option<&str>, prices: &Prices, tz: &TimeZone, zone_name: &str) -> Report {
    let rows = rows(buckets, by, prices, tz);
    let totals = totals(&rows);
    Report { by, since: since.map(str::to_owned), time_zone: zone_name.to_owned(), rows, totals }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
