//! Days and months in the user's time zone: the report's `day`, `--since DATE`, and a
//! budget's month. The zone is the system's (`TZ`, else `/etc/localtime`, else the
//! Windows zone), UTC when it cannot be found (`zone`). Everything else is pure,
//! given a zone.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// A time zone (jiff's), for callers that name one.
pub type Zone = TimeZone;

/// The store groups requests in quarter hours (`BUCKET_MS`): every zone's offset from
/// UTC is a whole number of quarter hours, so a bucket never straddles a local midnight.
pub const BUCKET_MS: u64 = 15 * 60 * 1000;

/// The user's time zone, and its name (`UTC` when none was found).
pub fn zone() -> (TimeZone, String) {
    match TimeZone::try_system() {
        Ok(tz) => {
            let name = tz.iana_name().map(str::to_owned).unwrap_or_else(|| "local".to_owned());
            (tz, name)
        }
        Err(_) => (TimeZone::UTC, "UTC".to_owned()),
    }
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// The local date (`2026-05-01`) of an instant.
pub fn day_of(at_ms: u64, tz: &TimeZone) -> String {
    let ts = Timestamp::from_millisecond(at_ms.min(i64::MAX as u64) as i64).unwrap_or(Timestamp::MAX);
    ts.to_zoned(tz.clone()).date().to_string()
}

/// The local minute (`2026-05-01 14:03`) of an instant.
pub fn minute_of(at_ms: u64, tz: &TimeZone) -> String {
    let ts = Timestamp::from_millisecond(at_ms.min(i64::MAX as u64) as i64).unwrap_or(Timestamp::MAX);
    ts.to_zoned(tz.clone()).strftime("%Y-%m-%d %H:%M").to_string()
}

/// The first instant of the local day `date` (`YYYY-MM-DD`), or `None` when it is no date.
pub fn start_of(date: &str, tz: &TimeZone) -> Option<u64> {
    let d: Date = date.trim().parse().ok()?;
    let z = d.to_zoned(tz.clone()).ok()?.start_of_day().ok()?;
    u64::try_from(z.timestamp().as_millisecond()).ok()
}

/// The first instant of the local month holding `at_ms`.
pub fn month_start(at_ms: u64, tz: &TimeZone) -> u64 {
    let ts = Timestamp::from_millisecond(at_ms.min(i64::MAX as u64) as i64).unwrap_or(Timestamp::MAX);
    let z = ts.to_zoned(tz.clone());
    z.first_of_month().and_then(|f| f.start_of_day()).map(|s| s.timestamp().as_millisecond().max(0) as u64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::offset;

    #[test]
    fn days_and_months_are_the_zones_own() {
        let utc = TimeZone::UTC;
        let tokyo = TimeZone::fixed(offset(9));
        let la = TimeZone::fixed(offset(-8));
        let kathmandu = TimeZone::fixed(jiff::tz::Offset::from_seconds(5 * 3600 + 45 * 60).unwrap());
        let cases: &[(&TimeZone, u64, &str)] = &[(&utc, 0, "1970-01-01"), (&tokyo, 0, "1970-01-01"), (&la, 0, "1969-12-31")];
        for (tz, at, want) in cases {
            assert_eq!(day_of(*at, tz), *want);
        }
        assert_eq!(day_of(1_700_000_000_000, &utc), "2023-11-14", "22:13 UTC");
        assert_eq!(day_of(1_700_000_000_000, &tokyo), "2023-11-15", "07:13 in Tokyo");
        assert_eq!(day_of(1_700_000_000_000, &kathmandu), "2023-11-15", "03:58 in Kathmandu");
        assert_eq!(minute_of(1_700_000_000_000, &tokyo), "2023-11-15 07:13");
        assert_eq!(start_of("2023-11-15", &utc), Some(1_700_006_400_000));
        assert_eq!(start_of("2023-11-15", &tokyo), Some(1_700_006_400_000 - 9 * 3_600_000));
        assert_eq!(start_of(" 2023-11-15 ", &la), Some(1_700_006_400_000 + 8 * 3_600_000));
        for bad in ["", "yesterday", "2023-13-01", "2023-02-30", "15/11/2023", "11/15"] {
            assert_eq!(start_of(bad, &utc), None, "{bad}");
        }
        assert_eq!(month_start(1_700_000_000_000, &utc), 1_698_796_800_000, "2023-11-01T00:00Z");
        assert_eq!(month_start(1_698_796_800_000 - 1, &utc), 1_696_118_400_000, "a millisecond before: October");
        assert_eq!(month_start(1_698_796_800_000 - 1, &tokyo), 1_698_796_800_000 - 9 * 3_600_000, "already November in Tokyo");
        // Every local midnight is a bucket boundary, in every zone of whole quarter hours.
        for tz in [&utc, &tokyo, &la, &kathmandu] {
            assert_eq!(start_of("2024-02-29", tz).unwrap() % BUCKET_MS, 0);
        }
    }

    #[test]
    fn the_zone_has_a_name() {
        let (_, name) = zone();
        assert!(!name.is_empty());
    }
}
