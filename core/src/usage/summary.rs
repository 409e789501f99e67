//! A home's usage read whole, for `switchboard usage` and the window's Usage screen
//! (`ops::usage`): the store read once from a local day on (`read`: its buckets, the last
//! failovers, the records the router could not hand over), then grouped (`report`) and
//! priced with what `settings` knows, in the user's zone (`clock`). An empty home (no
//! store yet) reads as no usage.

use std::path::Path;

use super::clock;
use super::record::Record;
use super::report::{self, Bucket, By, Report};
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

/// What a home's store holds from an instant on.
#[derive(Debug, Default)]
pub struct Read {
    pub buckets: Vec<Bucket>,
    /// The last requests that failed over, newest first.
    pub failovers: Vec<Record>,
    /// Requests the router finished but could not hand over (its queue was full).
    pub not_counted: u64,
}

/// `home`'s store from `from_ms` on, with its last `failovers`: one opening of the store
/// (none when there is no store yet, which reads as no usage).
pub fn read(home: &Path, from_ms: u64, failovers: usize) -> Result<Read> {
    Ok(match Store::open_existing(home)? {
        Some(s) => Read { buckets: s.buckets(from_ms, None)?, failovers: s.last(failovers, true)?, not_counted: s.not_counted()? },
        None => Read::default(),
    })
}

/// The providers `read` counts, each once, in order.
pub fn providers(read: &Read) -> Vec<String> {
    let mut out: Vec<String> = read.buckets.iter().map(|b| b.provider.clone()).collect();
    out.sort();
    out.dedup();
    out
}

/// What `read` (from the local day `since` on) comes to, grouped `by`, priced with what
/// `home`'s settings know now.
pub fn report(home: &Path, read: &Read, by: By, since: Option<&str>) -> Report {
    let (tz, zone) = clock::zone();
    report::report(&read.buckets, by, since.map(str::trim), &settings::prices(home), &tz, &zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usage::clock::now_ms;
    use crate::usage::record::{Failover, Tokens};

    #[test]
    fn a_home_reads_whole_and_an_empty_one_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let empty = read(dir.path(), 0, 5).unwrap();
        assert!(empty.buckets.is_empty() && empty.failovers.is_empty() && empty.not_counted == 0);
        assert!(report(dir.path(), &empty, By::Model, None).rows.is_empty());
        assert!(!crate::usage::store::path(dir.path()).exists(), "reading makes no store");
        let mut r = crate::usage::store::tests::record(now_ms(), "kimi", "kimi-k2.6", 2);
        let plain = r.clone();
        r.failovers = vec![Failover { from_provider: "glm".into(), from_model: "glm-5".into(), reason: "timeout".into(), status: None }];
        Store::open(dir.path()).unwrap().insert(&[plain, r.clone()]).unwrap();
        let all = read(dir.path(), 0, 5).unwrap();
        assert_eq!((all.failovers.clone(), all.not_counted, providers(&all)), (vec![r], 0, vec!["kimi".to_owned()]));
        let by_model = report(dir.path(), &all, By::Model, None);
        assert_eq!(by_model.rows.len(), 1);
        assert_eq!(by_model.rows[0].tokens, Tokens { input_tokens: 400, cached_input_tokens: 40, output_tokens: 28, reasoning_output_tokens: 12, total_tokens: 428 });
        let (tz, _) = clock::zone();
        assert!(matches!(since_ms(Some("soon"), &tz), Err(Error::InvalidInput(_))));
        assert!(read(dir.path(), since_ms(Some("2999-01-01"), &tz).unwrap(), 5).unwrap().buckets.is_empty());
    }
}
