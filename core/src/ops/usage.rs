//! The Usage screen's one read (and `switchboard usage`'s data): the report by
//! model and by provider, each local day stacked by provider, the last failovers,
//! this month's budgets, and how many requests could not be counted. Also the
//! budget and price a user sets from the window. Reads the store; never writes it.

use serde::Serialize;

use super::switchboard::{Outcome, Switchboard};
use crate::error::{Error, Result};
use crate::locale::{Args, Words};
use crate::usage::budget::{self, Standing};
use crate::usage::price::{Price, UserPrices};
use crate::usage::report::{self, By, Report, Row};
use crate::usage::{Record, clock, settings, summary};

/// What the Usage screen shows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UsageView {
    /// Grouped by model (the table), then by provider (the chart's legend).
    pub models: Report,
    pub providers: Report,
    /// Each local day's rows by provider, days in order (the chart).
    pub days: Vec<Row>,
    /// The last requests that failed over, newest first.
    pub failovers: Vec<Record>,
    /// Providers with a monthly budget (and a known price): this month so far.
    pub budgets: Vec<Standing>,
    /// Requests the store could not keep (a full queue), so not in the figures.
    pub not_counted: u64,
    /// The zone the days are in.
    pub time_zone: String,
    /// Each provider's price and budget, for the window to show and set.
    pub prices: Vec<ProviderPrice>,
}

/// What is known of one provider's price, and its budget.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProviderPrice {
    pub provider: String,
    /// Your price for all its models, if you set one.
    pub yours: Option<Price>,
    /// How many of its models have a price from its own list (OpenRouter's).
    pub listed_models: u32,
    /// Its monthly budget, if one is set.
    pub monthly_budget: Option<f64>,
}

impl Switchboard {
    /// Usage from `since` (a local day, `YYYY-MM-DD`) on, or all of it.
    pub fn usage(&self, since: Option<&str>) -> Result<UsageView> {
        let (tz, zone_name) = clock::zone();
        let since = since.map(str::trim).filter(|d| !d.is_empty());
        let summary::Read { buckets, failovers, not_counted } = summary::read(&self.home, summary::since_ms(since, &tz)?, 20)?;
        let prices = settings::prices(&self.home);
        let models = report::report(&buckets, By::Model, since, &prices, &tz, &zone_name);
        let providers = report::report(&buckets, By::Provider, since, &prices, &tz, &zone_name);
        let days = report::by_day_and_provider(&buckets, &prices, &tz);
        let budgets = budget::every(&self.home, clock::now_ms(), &tz).into_iter().filter_map(|(_, _, standing)| standing).collect();
        let kept = settings::load(&self.home);
        let ids = self.config.load()?.provider_ids()?;
        let prices = ids
            .into_iter()
            .filter(|id| !crate::provider::table::is_built_in(id) && id != crate::router::routes::PROVIDER_ID)
            .map(|id| ProviderPrice {
                yours: prices.user.get(&id).and_then(|u| u.all.clone()),
                listed_models: prices.listed.get(&id).map_or(0, |l| l.len() as u32),
                monthly_budget: kept.budgets.get(&id).map(|b| b.monthly),
                provider: id,
            })
            .collect();
        Ok(UsageView { models, providers, days, failovers, budgets, not_counted, time_zone: zone_name, prices })
    }

    /// A monthly budget for `provider` (`None` removes it), in the currency of its
    /// known price (a provider without one is refused: nothing would count).
    pub fn set_budget(&self, provider: &str, monthly: Option<f64>) -> Result<Outcome> {
        self.known_provider(provider)?;
        let Some(amount) = monthly else {
            settings::update(&self.home, |s| Ok(drop(s.budgets.remove(provider))))?;
            return Ok(Outcome::said(Words::new("cli-budget-cleared", Args::new().text("id", provider))));
        };
        if !(amount.is_finite() && amount > 0.0 && amount <= 1e12) {
            return Err(Error::input("reason-usage-budget", Args::new()));
        }
        let Some(currency) = settings::prices(&self.home).currency_of(provider).map(str::to_owned) else {
            return Err(Error::input("reason-usage-budget-no-price", Args::new().text("id", provider)));
        };
        settings::update(&self.home, |s| Ok(drop(s.budgets.insert(provider.to_owned(), settings::Budget { monthly: amount }))))?;
        Ok(Outcome::said(Words::new("cli-budget-set", Args::new().text("id", provider).text("amount", format!("{amount:.2}")).text("currency", currency))))
    }

    /// Your price per million tokens for every model of `provider` (`None` removes it).
    pub fn set_price(&self, provider: &str, price: Option<Price>) -> Result<Outcome> {
        self.known_provider(provider)?;
        let all = Args::new().text("id", provider).message("model", "cli-price-all-models");
        let Some(p) = price else {
            settings::update(&self.home, |s| {
                if let Some(u) = s.prices.get_mut(provider) {
                    u.all = None;
                    if u.models.is_empty() {
                        s.prices.remove(provider);
                    }
                }
                Ok(())
            })?;
            return Ok(Outcome::said(Words::new("cli-price-cleared", all)));
        };
        let p = Price { currency: p.currency.trim().to_uppercase(), ..p };
        if let Some(why) = p.refused() {
            return Err(Error::input(why, Args::new()));
        }
        settings::update(&self.home, |s| Ok(s.prices.entry(provider.to_owned()).or_insert_with(UserPrices::default).all = Some(p.clone())))?;
        let amounts = Words::new("cli-price-amounts", Args::new().text("currency", &p.currency).text("input", p.input).text("output", p.output));
        Ok(Outcome::said(Words::new("cli-price-set", all.words("price", amounts))))
    }

    fn known_provider(&self, id: &str) -> Result<()> {
        match crate::provider::table::read_entry(&self.config.load()?, id)? {
            Some(_) => Ok(()),
            None => Err(Error::UnknownProvider(id.into())),
        }
    }
}
