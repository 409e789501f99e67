//! One routed request, as the usage store keeps it. Pure.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Token counts under Codex's own names (its `token_count` records and the
/// Responses API's `usage`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Tokens {
    pub input_tokens: u64,
    pub cached_input_tokens: u64,
    pub output_tokens: u64,
    pub reasoning_output_tokens: u64,
    pub total_tokens: u64,
}

impl Tokens {
    /// From a Responses `usage` object (`response.completed`'s `response.usage`), as
    /// Codex reads it: `input_tokens`, `input_tokens_details.cached_tokens`,
    /// `output_tokens`, `output_tokens_details.reasoning_tokens`, `total_tokens`.
    /// `None` when there is no usage object.
    pub fn from_usage(usage: &Value) -> Option<Tokens> {
        let n = |v: &Value| v.as_u64().unwrap_or(0);
        usage.is_object().then(|| Tokens {
            input_tokens: n(&usage["input_tokens"]),
            cached_input_tokens: n(&usage["input_tokens_details"]["cached_tokens"]),
            output_tokens: n(&usage["output_tokens"]),
            reasoning_output_tokens: n(&usage["output_tokens_details"]["reasoning_tokens"]),
            total_tokens: n(&usage["total_tokens"]),
        })
    }

    /// Adds `o`, field by field (saturating: a provider's nonsense never panics).
    pub fn add(&mut self, o: &Tokens) {
        self.input_tokens = self.input_tokens.saturating_add(o.input_tokens);
        self.cached_input_tokens = self.cached_input_tokens.saturating_add(o.cached_input_tokens);
        self.output_tokens = self.output_tokens.saturating_add(o.output_tokens);
        self.reasoning_output_tokens = self.reasoning_output_tokens.saturating_add(o.reasoning_output_tokens);
        self.total_tokens = self.total_tokens.saturating_add(o.total_tokens);
    }
}

/// A move from one upstream to the next before any output reached Codex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Failover {
    /// The provider (and its model) the request left.
    pub from_provider: String,
    pub from_model: String,
    /// Why, as a code: `connect`, `timeout`, `status_5xx`, `rate_limited`,
    /// `error_event`, `cooling_down`, `over_budget`.
    pub reason: String,
    /// The status the upstream answered, when it answered one.
    pub status: Option<u16>,
}

/// One routed request. No prompt, answer or key: counts, times and names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// TypeScript has a `Record` of its own: the window's bindings name it `UsageRecord`.
#[serde(rename = "UsageRecord")]
pub struct Record {
    /// When the request arrived, in milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// The Codex session it belongs to, when Codex said (`session-id`).
    pub session: Option<String>,
    /// What Codex asked for (`switchboard/current`, `<id>/<model>`).
    pub asked: String,
    /// The provider that served it (after any failover) and its own model id.
    pub provider: String,
    pub model: String,
    /// The final HTTP status Codex got (200 for a stream that completed), or the
    /// upstream's refusal; 0 when nothing answered.
    pub status: u16,
    /// Whether the response completed (`response.completed` reached Codex).
    pub completed: bool,
    pub tokens: Tokens,
    /// Time to the first output event reaching Codex, and to the end.
    pub first_token_ms: Option<u64>,
    pub total_ms: u64,
    /// The moves made before it was served, in order.
    pub failovers: Vec<Failover>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn t(input: u64, cached: u64, output: u64, reasoning: u64, total: u64) -> Tokens {
        Tokens { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: total }
    }

    #[test]
    fn tokens_are_read_as_codex_reads_a_responses_usage() {
        let cases = [
            (json!({"input_tokens": 1200, "input_tokens_details": {"cached_tokens": 1024}, "output_tokens": 300, "output_tokens_details": {"reasoning_tokens": 128}, "total_tokens": 1500}), Some(t(1200, 1024, 300, 128, 1500))),
            // What the bridge makes of a chat usage without details, and a provider's nulls.
            (json!({"input_tokens": 10, "input_tokens_details": null, "output_tokens": 2, "output_tokens_details": null, "total_tokens": 12}), Some(t(10, 0, 2, 0, 12))),
            (json!({"input_tokens": 10, "output_tokens": 2}), Some(t(10, 0, 2, 0, 0))),
            (json!({}), Some(Tokens::default())),
            (json!({"input_tokens": -5, "output_tokens": "7", "total_tokens": 1.5}), Some(Tokens::default())),
            (json!(null), None),
            (json!("usage"), None),
            (json!([1, 2]), None),
        ];
        for (usage, want) in cases {
            assert_eq!(Tokens::from_usage(&usage), want, "{usage}");
        }
    }

    #[test]
    fn tokens_add_up_field_by_field() {
        let mut sum = Tokens::default();
        for x in [t(1, 2, 3, 4, 5), t(10, 20, 30, 40, 50), Tokens::default()] {
            sum.add(&x);
        }
        assert_eq!(sum, t(11, 22, 33, 44, 55));
        // Under Codex's own names, as `--json` prints them.
        let v = serde_json::to_value(t(1, 2, 3, 4, 5)).unwrap();
        assert_eq!(v, json!({"input_tokens": 1, "cached_input_tokens": 2, "output_tokens": 3, "reasoning_output_tokens": 4, "total_tokens": 5}));
    }
}
