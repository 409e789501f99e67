//! Fetching the prices a provider lists itself: OpenRouter's `GET <base URL>/models`
//! (public, no key sent), read under a cap and a deadline, kept per provider for a day.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::clock::now_ms;
use super::price::{Price, openrouter};
use super::settings::{load_listed, save_listed};
use crate::locale::{Args, Words};

/// The most read of a model list (OpenRouter's is about 1 MB).
pub const MAX_BODY: usize = 32 << 20;
/// A list fetched this recently is not fetched again (unless asked).
pub const MAX_AGE: Duration = Duration::from_secs(24 * 3600);

/// The prices of the models `<base_url>/models` lists, OpenRouter's way.
pub async fn list(base_url: &str, limit: Duration) -> Result<BTreeMap<String, Price>, Words> {
    let url = format!("{}/models", base_url.trim_end_matches('/'));
    let client = crate::probe::http::client(limit).map_err(|detail| Words::new("reason-usage-fetch-unreachable", Args::new().text("detail", detail)))?;
    let get = async {
        let mut resp = client.get(&url).header("accept", "application/json").send().await.map_err(|e| crate::probe::http::chain(&e))?;
        let status = resp.status().as_u16();
        let (body, more) = crate::probe::http::read_capped(&mut resp, MAX_BODY).await.map_err(|e| crate::probe::http::chain(&e))?;
        Ok::<_, String>((status, body, more))
    };
    let (status, body, more) = match tokio::time::timeout(limit, get).await {
        Ok(Ok(got)) => got,
        Ok(Err(detail)) => return Err(Words::new("reason-usage-fetch-unreachable", Args::new().text("detail", detail))),
        Err(_) => return Err(Words::new("reason-usage-fetch-unreachable", Args::new().text("detail", format!("no answer within {} s", limit.as_secs())))),
    };
    if !(200..300).contains(&status) {
        return Err(Words::new("reason-usage-fetch-status", Args::new().text("status", status)));
    }
    let prices = if more { BTreeMap::new() } else { serde_json::from_slice::<Value>(&body).map(|v| openrouter(&v)).unwrap_or_default() };
    if prices.is_empty() {
        return Err(Words::new("reason-usage-fetch-shape", Args::new()));
    }
    Ok(prices)
}

/// What one provider's fetch came to.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub provider: String,
    /// The models priced, or why there are none (the list kept before stays).
    pub outcome: Result<usize, Words>,
}

/// Fetches the list of each `(provider id, base URL)` not fetched within `max_age`, and keeps it.
pub async fn refresh(home: &Path, providers: &[(String, String)], max_age: Duration, limit: Duration) -> Vec<Fetched> {
    let kept = load_listed(home);
    let now = now_ms();
    let mut out = Vec::new();
    for (id, base_url) in providers {
        let fresh = kept.providers.get(id).is_some_and(|l| now.saturating_sub(l.fetched_ms) < max_age.as_millis() as u64);
        if fresh {
            continue;
        }
        let outcome = match list(base_url, limit).await {
            Ok(models) => {
                let n = models.len();
                save_listed(home, id, models, now).map(|_| n).map_err(|e| e.as_words())
            }
            Err(w) => Err(w),
        };
        out.push(Fetched { provider: id.clone(), outcome });
    }
    out
}
