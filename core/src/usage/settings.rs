//! What the user set for usage, in the Codex home (`switchboard-usage.json`): prices
//! per million tokens (per provider, or per model of a provider) and monthly budgets;
//! and the prices providers list themselves, fetched and kept apart
//! (`switchboard-usage-prices.json`: OpenRouter's, per provider made from its preset).
//! Each file is written whole and atomically (0600); the user's under Switchboard's
//! one writer lock. No secret in either.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::price::{Price, Prices, UserPrices};
use crate::error::{Error, Result};
use crate::locale::Args;

pub const FILE: &str = "switchboard-usage.json";
pub const LISTED_FILE: &str = "switchboard-usage-prices.json";
/// The most providers with a price or a budget of the user's.
const MAX_PROVIDERS: usize = 1_000;

/// A monthly budget, in the currency of the provider's price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Budget {
    pub monthly: f64,
}

/// `switchboard-usage.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Settings {
    #[serde(default)]
    pub version: u32,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prices: BTreeMap<String, UserPrices>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub budgets: BTreeMap<String, Budget>,
}

/// A provider's own price list, as fetched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Listed {
    /// When it was fetched, in milliseconds since the Unix epoch.
    pub fetched_ms: u64,
    pub models: BTreeMap<String, Price>,
}

/// `switchboard-usage-prices.json`: each provider's list, by provider id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListedFile {
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub providers: BTreeMap<String, Listed>,
}

pub fn path(home: &Path) -> PathBuf {
    home.join(FILE)
}

fn read<T: for<'de> Deserialize<'de> + Default>(home: &Path, name: &str) -> T {
    let Ok(Some(bytes)) = crate::edit::atomic::read_regular(&home.join(name), Path::new(name)) else { return T::default() };
    serde_json::from_slice(&bytes).unwrap_or_default()
}

fn write<T: Serialize>(home: &Path, name: &str, value: &T) -> Result<()> {
    let target = home.join(name);
    let body = serde_json::to_vec_pretty(value).expect("settings serialise");
    crate::edit::atomic::stage(&target, &body, Some(0o600), Path::new(name))?.replace(&target)
}

/// The user's settings (the default when there is no file, or it cannot be read).
pub fn load(home: &Path) -> Settings {
    read(home, FILE)
}

/// Changes the user's settings under Switchboard's one writer lock: read, `change`, write.
/// Nothing is written when `change` refuses, or changes nothing.
pub fn update<T>(home: &Path, change: impl FnOnce(&mut Settings) -> Result<T>) -> Result<T> {
    let _lock = crate::edit::lock::lock(crate::edit::backup::Backups::new(home).dir())?;
    let before = load(home);
    let mut s = before.clone();
    let out = change(&mut s)?;
    if s.prices.len() > MAX_PROVIDERS || s.budgets.len() > MAX_PROVIDERS {
        return Err(Error::input("reason-usage-too-many", Args::new().text("limit", MAX_PROVIDERS)));
    }
    if s != before {
        s.version = 1;
        write(home, FILE, &s)?;
    }
    Ok(out)
}

/// The lists fetched so far.
pub fn load_listed(home: &Path) -> ListedFile {
    read(home, LISTED_FILE)
}

/// Keeps `models` as `provider`'s list, fetched now.
pub fn save_listed(home: &Path, provider: &str, models: BTreeMap<String, Price>, now_ms: u64) -> Result<()> {
    let mut f = load_listed(home);
    f.version = 1;
    f.providers.insert(provider.to_owned(), Listed { fetched_ms: now_ms, models });
    write(home, LISTED_FILE, &f)
}

/// Every price known for `home`: the user's, then the providers' lists.
pub fn prices(home: &Path) -> Prices {
    let listed = load_listed(home).providers.into_iter().map(|(id, l)| (id, l.models)).collect();
    Prices { user: load(home).prices, listed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(input: f64) -> Price {
        Price { currency: "USD".into(), input, output: input * 4.0, cached_input: None, reasoning: None }
    }

    #[test]
    fn settings_and_lists_round_trip_and_merge_into_prices() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path();
        assert_eq!(load(home), Settings::default());
        update(home, |s| {
            s.prices.entry("kimi".into()).or_default().all = Some(usd(1.0));
            s.budgets.insert("kimi".into(), Budget { monthly: 20.0 });
            Ok(())
        })
        .unwrap();
        save_listed(home, "openrouter", BTreeMap::from([("moonshotai/kimi-k2.6".to_owned(), usd(0.6))]), 42).unwrap();
        let back = load(home);
        assert_eq!((back.version, back.budgets["kimi"].monthly), (1, 20.0));
        let p = prices(home);
        assert_eq!(p.of("kimi", "any").map(|(p, _)| p.input), Some(1.0));
        assert_eq!(p.of("openrouter", "moonshotai/kimi-k2.6").map(|(p, _)| p.input), Some(0.6));
        assert_eq!(load_listed(home).providers["openrouter"].fetched_ms, 42);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for f in [FILE, LISTED_FILE] {
                assert_eq!(std::fs::metadata(home.join(f)).unwrap().permissions().mode() & 0o777, 0o600, "{f}");
            }
        }
        // A refusal writes nothing; a broken file reads as nothing.
        let stamp = std::fs::read(path(home)).unwrap();
        let refused = update(home, |s| {
            s.budgets.clear();
            Err::<(), _>(Error::input("reason-usage-budget", Args::new()))
        });
        assert!(refused.is_err());
        assert_eq!(std::fs::read(path(home)).unwrap(), stamp);
        std::fs::write(path(home), "{broken").unwrap();
        assert_eq!(load(home), Settings::default());
    }

    #[test]
    fn no_more_than_a_thousand_providers() {
        let dir = tempfile::tempdir().unwrap();
        let r = update(dir.path(), |s| {
            for i in 0..=MAX_PROVIDERS {
                s.budgets.insert(format!("p{i}"), Budget { monthly: 1.0 });
            }
            Ok(())
        });
        assert!(matches!(r, Err(Error::InvalidInput(_))));
        assert!(!path(dir.path()).exists());
    }
}
