//! Monthly budgets per provider: what this local month cost so far against the budget
//! the user set, in the currency of the provider's price (a provider without a known
//! price has no budget standing). `status` is pure; `of` is what the router asks
//! before it sends a request, kept cheap: each home's and provider's standing is
//! worked out again at most every `REFRESH`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use jiff::tz::TimeZone;
use serde::Serialize;

use super::clock::{day_of, month_start, now_ms, zone};
use super::price::Prices;
use super::report::Bucket;
use super::settings;
use super::store::Store;

/// Past this share of the budget: a warning.
pub const WARN_AT: f64 = 0.8;
/// How long a standing is reused before it is worked out again.
pub const REFRESH: Duration = Duration::from_secs(5);

/// Where spending stands against a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", rename = "BudgetStatus")]
pub enum Status {
    /// Under 80%.
    Ok,
    /// 80% or more.
    Warn,
    /// 100% or more: the router sends the request to the provider's fallback, or says why not.
    Over,
}

/// `spent` against `budget`. A budget of nothing (or less) is always over.
pub fn status(spent: f64, budget: f64) -> Status {
    if budget.is_nan() || budget <= 0.0 || spent >= budget {
        Status::Over
    } else if spent >= budget * WARN_AT {
        Status::Warn
    } else {
        Status::Ok
    }
}

/// A provider's budget this month, with what it cost so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Standing {
    pub provider: String,
    pub status: Status,
    pub spent: f64,
    pub budget: f64,
    pub currency: String,
    /// The local month (`2026-05`).
    pub month: String,
}

/// What `provider`'s buckets cost in `currency` (other currencies and unpriced models left out).
pub fn spent(buckets: &[Bucket], provider: &str, prices: &Prices, currency: &str) -> f64 {
    buckets
        .iter()
        .filter(|b| b.provider == provider)
        .filter_map(|b| prices.of(&b.provider, &b.model).filter(|(p, _)| p.currency == currency).map(|(p, _)| p.cost(&b.tokens)))
        .sum()
}

/// The standing of `provider` given this month's buckets: `None` without a budget or a price.
pub fn standing_of(provider: &str, monthly: Option<f64>, buckets: &[Bucket], prices: &Prices, month: &str) -> Option<Standing> {
    let budget = monthly?;
    let currency = prices.currency_of(provider)?.to_owned();
    let spent = spent(buckets, provider, prices, &currency);
    Some(Standing { provider: provider.to_owned(), status: status(spent, budget), spent: (spent * 1e8).round() / 1e8, budget, currency, month: month.to_owned() })
}

/// This month's buckets in `home` (of `provider` only, or of every provider), and the month
/// (`YYYY-MM`).
fn this_month(home: &Path, provider: Option<&str>, now: u64, tz: &TimeZone) -> (Vec<Bucket>, String) {
    let start = month_start(now, tz);
    let buckets = match Store::open_existing(home) {
        Ok(Some(store)) => store.buckets(start, provider).unwrap_or_default(),
        _ => Vec::new(),
    };
    (buckets, day_of(start, tz).get(..7).unwrap_or_default().to_owned())
}

/// Works out `provider`'s standing now, from the store (no cache).
pub fn compute(home: &Path, provider: &str, now: u64, tz: &TimeZone) -> Option<Standing> {
    let monthly = settings::load(home).budgets.get(provider).map(|b| b.monthly)?;
    let (buckets, month) = this_month(home, Some(provider), now, tz);
    standing_of(provider, Some(monthly), &buckets, &settings::prices(home), &month)
}

/// Every budget in `home`: its provider, its monthly amount, and where it stands now
/// (`None`: no price is known). One read of the settings, the prices and the store.
pub fn every(home: &Path, now: u64, tz: &TimeZone) -> Vec<(String, f64, Option<Standing>)> {
    let budgets = settings::load(home).budgets;
    if budgets.is_empty() {
        return Vec::new();
    }
    let prices = settings::prices(home);
    let (buckets, month) = this_month(home, None, now, tz);
    budgets
        .into_iter()
        .map(|(id, b)| {
            let standing = standing_of(&id, Some(b.monthly), &buckets, &prices, &month);
            (id, b.monthly, standing)
        })
        .collect()
}

type Cache = Mutex<HashMap<(PathBuf, String), (Instant, Option<Standing>)>>;

/// `provider`'s standing this month in the Codex home `home`, worked out again at most
/// every `REFRESH` (a few milliseconds when it is: a settings file and an indexed query).
pub fn standing(home: impl AsRef<Path>, provider: &str) -> Option<Standing> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (home.as_ref().to_owned(), provider.to_owned());
    if let Some((at, s)) = cache.lock().unwrap().get(&key) {
        if at.elapsed() < REFRESH {
            return s.clone();
        }
    }
    let s = compute(home.as_ref(), provider, now_ms(), &zone().0);
    let mut c = cache.lock().unwrap();
    if c.len() >= 1024 {
        c.clear();
    }
    c.insert(key, (Instant::now(), s.clone()));
    s
}

/// Where `provider`'s spending stands this month (`None`: no budget, or no known price).
/// What the router asks before it sends a request there.
pub fn of(home: impl AsRef<Path>, provider: &str) -> Option<Status> {
    standing(home, provider).map(|s| s.status)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::usage::price::{Price, UserPrices};
    use crate::usage::record::Tokens;

    #[test]
    fn status_warns_at_80_percent_and_is_over_at_100() {
        let cases = [
            (0.0, 10.0, Status::Ok),
            (7.99, 10.0, Status::Ok),
            (8.0, 10.0, Status::Warn),
            (9.99, 10.0, Status::Warn),
            (10.0, 10.0, Status::Over),
            (25.0, 10.0, Status::Over),
            (0.0, 0.0, Status::Over),
            (0.0, -5.0, Status::Over),
            (0.0, f64::NAN, Status::Over),
            (f64::NAN, 10.0, Status::Ok),
        ];
        for (spent, budget, want) in cases {
            assert_eq!(status(spent, budget), want, "{spent} of {budget}");
        }
    }

    fn bucket(provider: &str, model: &str, input: u64, output: u64) -> Bucket {
        Bucket {
            start_ms: 0,
            provider: provider.into(),
            model: model.into(),
            requests: 1,
            failovers: 0,
            tokens: Tokens { input_tokens: input, output_tokens: output, total_tokens: input + output, ..Tokens::default() },
        }
    }

    #[test]
    fn a_standing_needs_a_budget_and_a_price_and_counts_its_currency_only() {
        let price = |currency: &str, input: f64| Price { currency: currency.into(), input, output: input, cached_input: None, reasoning: None };
        let mut prices = Prices::default();
        prices.user.insert("kimi".into(), UserPrices { all: Some(price("CNY", 10.0)), models: BTreeMap::from([("cheap".to_owned(), price("USD", 1.0))]) });
        prices.listed.insert("openrouter".into(), BTreeMap::from([("a/b".to_owned(), price("USD", 2.0))]));
        let buckets = [bucket("kimi", "k2", 500_000, 300_000), bucket("kimi", "cheap", 1_000_000, 0), bucket("openrouter", "a/b", 1_000_000, 500_000), bucket("openrouter", "c/d", 9_000_000, 0)];
        let cases: &[(&str, Option<f64>, Option<(Status, f64, &str)>)] = &[
            ("kimi", Some(10.0), Some((Status::Warn, 8.0, "CNY"))),
            ("kimi", Some(100.0), Some((Status::Ok, 8.0, "CNY"))),
            ("openrouter", Some(3.0), Some((Status::Over, 3.0, "USD"))),
            ("openrouter", None, None),
            ("glm", Some(10.0), None),
        ];
        for (provider, monthly, want) in cases {
            let got = standing_of(provider, *monthly, &buckets, &prices, "2026-05");
            assert_eq!(got.as_ref().map(|s| (s.status, s.spent, s.currency.as_str())), *want, "{provider}");
        }
    }

    #[test]
    fn the_routers_question_is_answered_from_the_store_and_cached() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path();
        assert_eq!(of(home, "glm"), None, "no budget");
        settings::update(home, |s| {
            s.prices.entry("kimi".into()).or_default().all = Some(Price { currency: "USD".into(), input: 1.0, output: 1.0, cached_input: None, reasoning: None });
            s.budgets.insert("kimi".into(), settings::Budget { monthly: 1.0 });
            Ok(())
        })
        .unwrap();
        let mut store = Store::open(home).unwrap();
        let mut r = crate::usage::store::tests::record(now_ms(), "kimi", "k", 0);
        r.tokens = Tokens { input_tokens: 850_000, total_tokens: 850_000, ..Tokens::default() };
        store.insert(&[r.clone()]).unwrap();
        let (tz, _) = zone();
        assert_eq!(compute(home, "kimi", now_ms(), &tz).map(|s| s.status), Some(Status::Warn));
        assert_eq!(of(home, "kimi"), Some(Status::Warn));
        store.insert(&[r]).unwrap();
        assert_eq!(of(home, "kimi"), Some(Status::Warn), "within REFRESH the cached answer");
        assert_eq!(compute(home, "kimi", now_ms(), &tz).map(|s| (s.status, s.spent)), Some((Status::Over, 1.7)));
        // Last month's spending is not this month's.
        let next_month = month_start(now_ms(), &tz) + 40 * 86_400_000;
        assert_eq!(compute(home, "kimi", next_month, &tz).map(|s| s.status), Some(Status::Ok));
    }
}
