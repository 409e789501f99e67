//! What a stand-in records (every request, every refusal, what it sent) and the
//! seeded randomness its ids and signatures come from.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::Seen;

#[derive(Default)]
pub(super) struct Log {
    pub(super) seen: Vec<Seen>,
    pub(super) requests: Vec<Value>,
    pub(super) refusals: Vec<(u16, String)>,
    /// Gemini: the thought signature sent on a call, by call id.
    pub(super) signatures: BTreeMap<String, String>,
    /// OpenRouter: the `reasoning_details` of the response whose first call had this id, merged as a client merges them.
    pub(super) details: BTreeMap<String, Value>,
    /// The `total_tokens` of every usage it streamed.
    pub(super) tokens: u64,
    /// For ids and signatures that look random and differ each time.
    pub(super) seed: u64,
}

impl Log {
    pub(super) fn random(&mut self) -> u64 {
        // splitmix64
        self.seed = self.seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(super) fn from(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n).map(|_| alphabet[(self.random() % alphabet.len() as u64) as usize] as char).collect()
    }

    pub(super) fn alnum(&mut self, n: usize) -> String {
        self.from(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n)
    }
}
