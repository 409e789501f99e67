//! A home's usage read whole, for `switchboard usage` (the window's Usage screen reads
//! more of it: `ops::usage`): the store's buckets grouped (`report`), priced with what
//! `settings` knows, in the user's zone (`clock`), with the last failovers and the records
//! the router could not hand over. An empty home (no store yet) reads as no usage.

use std::path::Path;

use super::clock;
use super::record::Record;
use super::report::{self, By, Report};
use super::settings;
use super::store::Store;
use crate::error::{Error, Result};
use crate::locale::Args;

/// The first instant of the local day `date` (`YYYY-MM-DD`), or why it is not a date.
pub fn since_ms(date: Option<&str>, tz: &clock::Zone) -> Result<u64> {
    match date {
        Some(d) => {
            // Shown as typed, but never a control character to a terminal.
            let shown: String = d.trim().chars().flat_map(|c| if c.is_control() { c.escape_default().collect() } else { vec![c] }).collect();
            clock::start_of(d, tz).ok_or_else(|| Error::input("reason-usage-date", Args::new().text("date", shown)))
        }
        None => Ok(0),
    }
}

/// `home`'s usage from the local day `since` on, grouped `by`, with its last `failovers`
/// (and the count the router could not hand over).
pub fn report(home: &Path, by: By, since: Option<&str>, failovers: usize) -> Result<(Report, Vec<Record>, u64)> {
    let (tz, zone) = clock::zone();
    let from = since_ms(since, &tz)?;
    let store = Store::open_existing(home)?;
    let (buckets, last, not_counted) = match &store {
        Some(s) => (s.buckets(from, None)?, s.last(failovers, true)?, s.not_counted()?),
        None => Default::default(),
    };
    let prices = settings::prices(home);
    Ok((report::report(&buckets, by, since.map(str::trim), &prices, &tz, &zone), last, not_counted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usage::clock::now_ms;
    use crate::usage::record::{Failover, Tokens};

    #[test]
    fn a_home_reads_whole_and_an_empty_one_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (empty, last, lost) = report(dir.path(), By::Model, None, 5).unwrap();
        assert!(empty.rows.is_empty() && last.is_empty() && lost == 0);
        assert!(!crate::usage::store::path(dir.path()).exists(), "reading makes no store");
        let mut r = crate::usage::store::tests::record(now_ms(), "kimi", "kimi-k2.6", 2);
        let plain = r.clone();
        r.failovers = vec![Failover { from_provider: "glm".into(), from_model: "glm-5".into(), reason: "timeout".into(), status: None }];
        Store::open(dir.path()).unwrap().insert(&[plain, r.clone()]).unwrap();
        let (by_model, last, lost) = report(dir.path(), By::Model, None, 5).unwrap();
        assert_eq!((by_model.rows.len(), last, lost), (1, vec![r], 0));
        assert_eq!(by_model.rows[0].tokens, Tokens { input_tokens: 400, cached_input_tokens: 40, output_tokens: 28, reasoning_output_tokens: 12, total_tokens: 428 });
        assert!(matches!(report(dir.path(), By::Day, Some("soon"), 5), Err(Error::InvalidInput(_))));
        assert_eq!(report(dir.path(), By::Day, Some("2999-01-01"), 5).unwrap().0.rows.len(), 0);
    }
}
