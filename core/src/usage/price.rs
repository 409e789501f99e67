//! What a request cost, where a price is known. Pure. A price is per million tokens in
//! one currency; it comes from the user (`switchboard price`, per provider or per
//! model of a provider) or from OpenRouter's own model list (`pricing`, per token, as
//! strings), fetched for a provider made from the OpenRouter preset. The user's
//! price wins. A provider without either has no cost: no price is invented.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::record::Tokens;

/// The most models kept of one provider's list.
pub const MAX_LISTED: usize = 10_000;

/// A price per million tokens.
///
/// Input tokens include the cached ones and output tokens include the reasoning ones
/// (as in Codex's counts and the providers' bills): cached input is charged at
/// `cached_input` instead of `input` when that is set, and reasoning at `reasoning`
/// instead of `output` when that is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Price {
    /// An ISO 4217 code: `USD`.
    pub currency: String,
    pub input: f64,
    pub output: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_input: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<f64>,
}

impl Price {
    /// What `t` cost at this price.
    pub fn cost(&self, t: &Tokens) -> f64 {
        let cached = t.cached_input_tokens.min(t.input_tokens);
        let reasoning = t.reasoning_output_tokens.min(t.output_tokens);
        let (fresh, visible) = (t.input_tokens - cached, t.output_tokens - reasoning);
        let per = |n: u64, p: f64| n as f64 * p;
        (per(fresh, self.input)
            + per(cached, self.cached_input.unwrap_or(self.input))
            + per(visible, self.output)
            + per(reasoning, self.reasoning.unwrap_or(self.output)))
            / 1e6
    }

    /// Why this price cannot be kept (a `reason-usage-*` message id), if it cannot.
    pub fn refused(&self) -> Option<&'static str> {
        let ok = |p: f64| p.is_finite() && (0.0..=1e6).contains(&p);
        if !(self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase())) {
            return Some("reason-usage-currency");
        }
        let all = [Some(self.input), Some(self.output), self.cached_input, self.reasoning];
        if all.into_iter().flatten().all(ok) { None } else { Some("reason-usage-price") }
    }
}

/// Where a price came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Set by the user.
    User,
    /// The provider's own model list (OpenRouter's `pricing`).
    Listed,
}

/// The user's prices for one provider: one for all its models, and some per model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UserPrices {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Price>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub models: BTreeMap<String, Price>,
}

/// Every price known for one Codex home.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prices {
    /// The user's, by provider id.
    pub user: BTreeMap<String, UserPrices>,
    /// Listed by the provider itself, by provider id, then model id.
    pub listed: BTreeMap<String, BTreeMap<String, Price>>,
}

impl Prices {
    /// The price of `model` at `provider`: the user's for that model, the user's for the
    /// provider, the provider's own list; `None` when none is known.
    pub fn of(&self, provider: &str, model: &str) -> Option<(&Price, Source)> {
        let user = self.user.get(provider);
        user.and_then(|u| u.models.get(model).or(u.all.as_ref()))
            .map(|p| (p, Source::User))
            .or_else(|| self.listed.get(provider).and_then(|l| l.get(model)).map(|p| (p, Source::Listed)))
    }

    /// The currency a provider's budget is in: its user price's, else its list's.
    pub fn currency_of(&self, provider: &str) -> Option<&str> {
        let user = self.user.get(provider);
        user.and_then(|u| u.all.as_ref().or_else(|| u.models.values().next()))
            .or_else(|| self.listed.get(provider).and_then(|l| l.values().next()))
            .map(|p| p.currency.as_str())
    }
}

/// OpenRouter's per-token price (a string, as its API gives it, or a number) per million
/// tokens; `None` when absent, not a number, or negative (`-1`: a variable price).
fn per_million(v: &Value) -> Option<f64> {
    let n = match v {
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        Value::Number(n) => n.as_f64()?,
        _ => return None,
    };
    (n.is_finite() && n >= 0.0).then(|| (n * 1e6 * 1e9).round() / 1e9)
}

/// The prices of an OpenRouter `/models` answer (`{"data": [{"id", "pricing": {"prompt",
/// "completion", "input_cache_read", "internal_reasoning", ...}}]}`), in US dollars per
/// million tokens. A model without a prompt and a completion price is left out.
/// `internal_reasoning` of 0 (most models) means reasoning is billed as completion.
pub fn openrouter(models: &Value) -> BTreeMap<String, Price> {
    let mut out = BTreeMap::new();
    for m in models.get("data").and_then(Value::as_array).into_iter().flatten() {
        let (Some(id), Some(p)) = (m.get("id").and_then(Value::as_str), m.get("pricing")) else { continue };
        let (Some(input), Some(output)) = (per_million(&p["prompt"]), per_million(&p["completion"])) else { continue };
        if id.is_empty() || id.len() > 256 || out.len() >= MAX_LISTED {
            continue;
        }
        let price = Price {
            currency: "USD".into(),
            input,
            output,
            cached_input: per_million(&p["input_cache_read"]),
            reasoning: per_million(&p["internal_reasoning"]).filter(|r| *r > 0.0),
        };
        out.insert(id.to_owned(), price);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn usd(input: f64, output: f64, cached: Option<f64>, reasoning: Option<f64>) -> Price {
        Price { currency: "USD".into(), input, output, cached_input: cached, reasoning }
    }

    fn tokens(input: u64, cached: u64, output: u64, reasoning: u64) -> Tokens {
        Tokens { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: input + output }
    }

    #[test]
    fn cost_charges_each_kind_of_token_once() {
        let cases = [
            // (price, tokens, cost)
            (usd(1.0, 2.0, None, None), tokens(1_000_000, 0, 0, 0), 1.0),
            (usd(1.0, 2.0, None, None), tokens(0, 0, 1_000_000, 0), 2.0),
            (usd(1.0, 2.0, None, None), tokens(1_000_000, 400_000, 0, 0), 1.0),
            (usd(1.0, 2.0, Some(0.1), None), tokens(1_000_000, 400_000, 0, 0), 0.6 + 0.04),
            (usd(1.0, 2.0, Some(0.0), None), tokens(1_000_000, 1_000_000, 0, 0), 0.0),
            (usd(1.0, 2.0, None, None), tokens(0, 0, 1_000_000, 600_000), 2.0),
            (usd(1.0, 2.0, None, Some(5.0)), tokens(0, 0, 1_000_000, 600_000), 0.8 + 3.0),
            (usd(0.6, 2.5, Some(0.15), None), tokens(12_000, 8_000, 900, 300), (4_000.0 * 0.6 + 8_000.0 * 0.15 + 900.0 * 2.5) / 1e6),
            // Counts a provider got wrong (more cached than input) are charged no more than the input.
            (usd(1.0, 2.0, Some(0.5), None), tokens(100, 500, 0, 0), 50.0 / 1e6),
            (usd(1.0, 2.0, None, None), Tokens::default(), 0.0),
        ];
        for (i, (p, t, want)) in cases.iter().enumerate() {
            let got = p.cost(t);
            assert!((got - want).abs() < 1e-12, "case {i}: {got} != {want}");
        }
    }

    #[test]
    fn a_price_is_refused_unless_sane() {
        let cases = [
            (usd(1.0, 2.0, None, None), None),
            (usd(0.0, 0.0, Some(0.0), Some(0.0)), None),
            (usd(-1.0, 2.0, None, None), Some("reason-usage-price")),
            (usd(1.0, f64::NAN, None, None), Some("reason-usage-price")),
            (usd(1.0, 2.0, Some(f64::INFINITY), None), Some("reason-usage-price")),
            (usd(1.0, 2.0, None, Some(2e6)), Some("reason-usage-price")),
            (Price { currency: "usd".into(), ..usd(1.0, 2.0, None, None) }, Some("reason-usage-currency")),
            (Price { currency: "EURO".into(), ..usd(1.0, 2.0, None, None) }, Some("reason-usage-currency")),
            (Price { currency: "CNY".into(), ..usd(1.0, 2.0, None, None) }, None),
        ];
        for (p, want) in cases {
            assert_eq!(p.refused(), want, "{p:?}");
        }
    }

    #[test]
    fn the_users_price_wins_then_the_providers_list() {
        let mut prices = Prices::default();
        prices.listed.insert("openrouter".into(), BTreeMap::from([("moonshotai/kimi-k2.6".to_owned(), usd(0.6, 2.5, Some(0.15), None))]));
        prices.user.insert("kimi".into(), UserPrices { all: Some(Price { currency: "CNY".into(), ..usd(4.0, 16.0, Some(1.0), None) }), models: BTreeMap::new() });
        prices.user.insert(
            "mixed".into(),
            UserPrices { all: None, models: BTreeMap::from([("fast".to_owned(), usd(0.1, 0.2, None, None))]) },
        );
        let cases: &[(&str, &str, Option<(f64, Source)>)] = &[
            ("openrouter", "moonshotai/kimi-k2.6", Some((0.6, Source::Listed))),
            ("openrouter", "moonshotai/kimi-k2.6:nitro", None),
            ("kimi", "kimi-k2.6", Some((4.0, Source::User))),
            ("kimi", "anything", Some((4.0, Source::User))),
            ("mixed", "fast", Some((0.1, Source::User))),
            ("mixed", "slow", None),
            ("glm", "glm-5", None),
        ];
        for (provider, model, want) in cases {
            assert_eq!(prices.of(provider, model).map(|(p, s)| (p.input, s)), *want, "{provider} {model}");
        }
        // The user's price for the whole provider, over its list.
        prices.user.insert("openrouter".into(), UserPrices { all: Some(usd(9.0, 9.0, None, None)), models: BTreeMap::new() });
        assert_eq!(prices.of("openrouter", "moonshotai/kimi-k2.6").map(|(p, s)| (p.input, s)), Some((9.0, Source::User)));
        assert_eq!(prices.currency_of("kimi"), Some("CNY"));
        assert_eq!(prices.currency_of("mixed"), Some("USD"));
        assert_eq!(prices.currency_of("glm"), None);
    }

    #[test]
    fn openrouters_list_is_read_as_it_is_published() {
        let list = json!({"data": [
            {"id": "moonshotai/kimi-k2.6", "pricing": {"prompt": "0.0000006", "completion": "0.0000025", "request": "0", "image": "0", "web_search": "0", "internal_reasoning": "0", "input_cache_read": "0.00000015"}},
            {"id": "openai/o3", "pricing": {"prompt": "0.000002", "completion": "0.000008", "internal_reasoning": "0.000008", "input_cache_read": "0.0000005"}},
            {"id": "qwen/qwen3-coder:free", "pricing": {"prompt": "0", "completion": "0"}},
            {"id": "openrouter/auto", "pricing": {"prompt": "-1", "completion": "-1"}},
            {"id": "broken/one", "pricing": {"prompt": "cheap", "completion": "0.000001"}},
            {"id": "no/pricing"},
            {"pricing": {"prompt": "0.000001", "completion": "0.000001"}},
            {"id": "numbers/too", "pricing": {"prompt": 0.000001, "completion": 0.000003}}
        ]});
        let got = openrouter(&list);
        assert_eq!(got.keys().collect::<Vec<_>>(), ["moonshotai/kimi-k2.6", "numbers/too", "openai/o3", "qwen/qwen3-coder:free"]);
        assert_eq!(got["moonshotai/kimi-k2.6"], usd(0.6, 2.5, Some(0.15), None));
        assert_eq!(got["openai/o3"], usd(2.0, 8.0, Some(0.5), Some(8.0)));
        assert_eq!(got["qwen/qwen3-coder:free"], usd(0.0, 0.0, None, None));
        assert_eq!(got["numbers/too"], usd(1.0, 3.0, None, None));
        assert!(openrouter(&json!({"error": "nope"})).is_empty());
        assert!(openrouter(&json!([])).is_empty());
    }
}
