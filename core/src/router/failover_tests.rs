//! The failover's policy, as tables.

use std::time::{Duration, Instant};

use super::*;

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn each_failure_moves_waits_or_stays() {
    let s = Duration::from_secs;
    let refused = |status, wait: Option<u64>, exhausted| Upstream::Refused { status, wait: wait.map(s), exhausted };
    // (what the upstream did, its short wait already waited out, the decision)
    let cases: Vec<(Upstream, bool, Decision)> = vec![
        (Upstream::Unreached, false, Decision::Move(Reason::Connect)),
        (refused(500, None, false), false, Decision::Move(Reason::Status5xx)),
        (refused(502, None, false), false, Decision::Move(Reason::Status5xx)),
        (refused(503, Some(2), false), false, Decision::Move(Reason::Status5xx)),
        (refused(599, None, false), false, Decision::Move(Reason::Status5xx)),
        (refused(429, Some(3600), false), false, Decision::Move(Reason::RateLimited)),
        (refused(429, Some(6), false), false, Decision::Move(Reason::RateLimited)),
        (refused(429, Some(5), false), false, Decision::Wait(s(5))),
        (refused(429, Some(0), false), false, Decision::Wait(s(0))),
        (refused(429, Some(2), false), true, Decision::Move(Reason::RateLimited)),
        (refused(429, None, false), false, Decision::Move(Reason::RateLimited)),
        (refused(429, Some(1), true), false, Decision::Move(Reason::RateLimited)),
        (refused(400, None, false), false, Decision::Keep),
        (refused(401, None, false), false, Decision::Keep),
        (refused(403, None, false), false, Decision::Keep),
        (refused(404, None, false), false, Decision::Keep),
        (refused(422, None, false), false, Decision::Keep),
    ];
    for (u, waited, want) in cases {
        assert_eq!(judge(&u, waited), want, "{u:?} waited={waited}");
    }
    assert!(Reason::RateLimited.is_failure() && !Reason::CoolingDown.is_failure() && !Reason::OverBudget.is_failure());
}

#[test]
fn a_429s_wait_is_read_from_whatever_the_provider_says() {
    let now_ms = 1_800_000_000_000u64;
    let ms = Duration::from_millis;
    // (headers, the seconds its words name, the wait)
    let cases: Vec<(Vec<(String, String)>, Option<u64>, Option<Duration>)> = vec![
        (h(&[("retry-after", "20")]), None, Some(ms(20_000))),
        (h(&[("retry-after", "1.5")]), None, Some(ms(1500))),
        (h(&[("retry-after", "Fri, 15 Jan 2027 08:00:30 GMT")]), None, Some(ms((1_800_000_030_000u64).saturating_sub(now_ms)))),
        (h(&[("retry-after-ms", "250")]), None, Some(ms(250))),
        (h(&[("x-ratelimit-reset-requests", "6m0s")]), None, Some(ms(360_000))),
        (h(&[("x-ratelimit-reset-tokens", "20ms"), ("x-ratelimit-reset-requests", "1s")]), None, Some(ms(1000))),
        (h(&[("x-ratelimit-reset-tokens", "1h2m3.5s")]), None, Some(ms(3_723_500))),
        (h(&[("ratelimit-reset", "12")]), None, Some(ms(12_000))),
        // OpenRouter: an epoch time in milliseconds; others in seconds.
        (h(&[("x-ratelimit-reset", &(now_ms + 45_000).to_string())]), None, Some(ms(45_000))),
        (h(&[("x-ratelimit-reset", &(now_ms / 1000 + 90).to_string())]), None, Some(ms(90_000))),
        (h(&[("x-ratelimit-reset", &(now_ms - 5_000).to_string())]), None, Some(ms(0))),
        (h(&[("anthropic-ratelimit-tokens-reset", "2027-01-15T08:00:30Z")]), None, Some(ms((1_800_000_030_000u64).saturating_sub(now_ms)))),
        (h(&[("retry-after", "soon"), ("x-ratelimit-reset-tokens", "nonsense")]), Some(7), Some(ms(7000))),
        (h(&[]), Some(20), Some(ms(20_000))),
        (h(&[("x-request-id", "5")]), None, None),
        (h(&[]), None, None),
    ];
    for (headers, words, want) in cases {
        assert_eq!(wait_of(&headers, words, now_ms), want, "{headers:?} {words:?}");
    }
    // A refusal, as the router reads it: a 429's wait and a spent quota; no wait for others.
    assert_eq!(refused(429, &h(&[("retry-after", "2")]), "{}", now_ms), Upstream::Refused { status: 429, wait: Some(ms(2000)), exhausted: false });
    assert_eq!(refused(429, &[], r#"{"error":{"message":"Please try again in 20s."}}"#, now_ms), Upstream::Refused { status: 429, wait: Some(ms(20_000)), exhausted: false });
    assert_eq!(refused(429, &[], r#"{"error":{"type":"insufficient_quota"}}"#, now_ms), Upstream::Refused { status: 429, wait: None, exhausted: true });
    assert_eq!(refused(503, &h(&[("retry-after", "2")]), "", now_ms), Upstream::Refused { status: 503, wait: None, exhausted: false });
    for (name, reads) in [("retry-after", true), ("retry-after-ms", true), ("x-ratelimit-reset-requests", true), ("ratelimit-reset", true), ("anthropic-ratelimit-requests-reset", true), ("x-ratelimit-remaining-requests", false), ("content-type", false)] {
        assert_eq!(is_wait_header(name), reads, "{name}");
    }
}

#[test]
fn the_gate_holds_the_opening_until_the_first_output() {
    use Kind::*;
    // (events with their sizes, the steps)
    let cases: Vec<(Vec<(Kind, usize)>, Vec<Step>)> = vec![
        (vec![(Opening, 100), (Opening, 100), (Output, 50), (Failed, 10)], vec![Step::Hold, Step::Hold, Step::Open, Step::Open]),
        (vec![(Opening, 100), (Failed, 10)], vec![Step::Hold, Step::Fail]),
        (vec![(Failed, 10)], vec![Step::Fail]),
        (vec![(Output, 1), (Opening, 1)], vec![Step::Open, Step::Open]),
        (vec![(Opening, HOLD_BYTES - 1), (Opening, 2), (Failed, 1)], vec![Step::Hold, Step::Open, Step::Open]),
    ];
    for (events, want) in cases {
        let mut g = Gate::default();
        let got: Vec<Step> = events.iter().map(|(k, n)| g.see(*k, *n)).collect();
        assert_eq!(got, want, "{events:?}");
    }
    // (an event's type, what it is to the gate)
    for (ty, want) in [
        ("response.created", Opening),
        ("response.in_progress", Opening),
        ("response.queued", Opening),
        ("error", Failed),
        ("response.failed", Failed),
        ("response.output_item.added", Output),
        ("response.output_text.delta", Output),
        ("response.reasoning_summary_text.delta", Output),
        ("response.completed", Output),
        ("response.incomplete", Output),
        ("codex.rate_limits", Output),
    ] {
        assert_eq!(kind_of(ty), want, "{ty}");
    }
}

#[test]
fn the_candidates_are_the_model_then_its_fallbacks_each_once() {
    let l = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(order("kimi/k2", &l(&["or/k2", "glm/4.6"])), l(&["kimi/k2", "or/k2", "glm/4.6"]));
    assert_eq!(order("kimi/k2", &l(&["kimi/k2", "or/k2", "or/k2"])), l(&["kimi/k2", "or/k2"]));
    assert_eq!(order("kimi/k2", &[]), l(&["kimi/k2"]));
    let many: Vec<String> = (0..20).map(|i| format!("p{i}/m")).collect();
    assert_eq!(order("a/b", &many).len(), MAX_FALLBACKS + 1);
    // (candidates with what passes each by, the plan: tried, passed by)
    type Case = (Vec<(&'static str, Option<Reason>)>, Vec<&'static str>, Vec<(&'static str, Reason)>);
    let cases: Vec<Case> = vec![
        (vec![("a/m", None), ("b/m", None)], vec!["a/m", "b/m"], vec![]),
        (vec![("a/m", Some(Reason::CoolingDown)), ("b/m", None)], vec!["b/m"], vec![("a/m", Reason::CoolingDown)]),
        (vec![("a/m", Some(Reason::OverBudget)), ("b/m", None)], vec!["b/m"], vec![("a/m", Reason::OverBudget)]),
        // Everything cooling down: tried all the same, rather than none.
        (vec![("a/m", Some(Reason::CoolingDown)), ("b/m", Some(Reason::CoolingDown))], vec!["a/m", "b/m"], vec![]),
        // Over budget is never tried; what cools down is when it is all that is left.
        (vec![("a/m", Some(Reason::OverBudget)), ("b/m", Some(Reason::CoolingDown))], vec!["b/m"], vec![("a/m", Reason::OverBudget)]),
        (vec![("a/m", Some(Reason::OverBudget))], vec![], vec![("a/m", Reason::OverBudget)]),
    ];
    for (cands, tries, passed) in cases {
        let slugs: Vec<String> = cands.iter().map(|(c, _)| c.to_string()).collect();
        let p = plan(&slugs, |c| cands.iter().find(|(x, _)| *x == c).and_then(|(_, r)| *r));
        assert_eq!(p.tries, l(&tries), "{cands:?}");
        assert_eq!(p.passed, passed.iter().map(|(c, r)| (c.to_string(), *r)).collect::<Vec<_>>(), "{cands:?}");
    }
}

#[test]
fn an_upstream_that_keeps_failing_cools_down_longer_each_time_then_is_tried_again() {
    let p = Policy { threshold: 3, window: Duration::from_secs(60), base: Duration::from_secs(60), max: Duration::from_secs(600) };
    let t0 = Instant::now();
    let at = |s: u64| t0 + Duration::from_secs(s);
    let mut c = Cooldowns::default();
    // (seconds after t0, what happened: fail, ok, wait N; the cool-down begun; the health after)
    enum Ev {
        Fail,
        Ok,
        Wait(u64),
    }
    use Ev::*;
    use Health::*;
    let d = Duration::from_secs;
    let cases: Vec<(u64, Ev, Option<Duration>, Health)> = vec![
        (0, Fail, None, Healthy),
        (10, Fail, None, Healthy),
        // Three within the window: cooling down.
        (20, Fail, Some(d(60)), Cooling(d(60))),
        // A request already under way fails meanwhile: nothing new.
        (30, Fail, None, Cooling(d(50))),
        // Its cool-down over, it is tried; the trial fails: twice as long.
        (80, Fail, Some(d(120)), Cooling(d(120))),
        (200, Fail, Some(d(240)), Cooling(d(240))),
        (440, Fail, Some(d(480)), Cooling(d(480))),
        (920, Fail, Some(d(600)), Cooling(d(600))),
        // A success ends it all.
        (1520, Ok, None, Healthy),
        (1530, Fail, None, Healthy),
        // Failures spread out further than the window start nothing.
        (1600, Fail, None, Healthy),
        (1670, Fail, None, Healthy),
        // A 429 that names its wait skips it that long at once (at most the longest cool-down).
        (1700, Wait(90), None, Cooling(d(90))),
        (1800, Wait(5000), None, Cooling(d(600))),
    ];
    for (t, ev, began, health) in cases {
        let got = match ev {
            Fail => c.failed("h\nkimi", at(t), &p),
            Ok => {
                c.succeeded("h\nkimi");
                None
            }
            Wait(w) => {
                c.asked_to_wait("h\nkimi", at(t), d(w), &p);
                None
            }
        };
        assert_eq!(got, began, "at {t}");
        assert_eq!(c.health("h\nkimi", at(t)), health, "at {t}");
    }
    assert_eq!(c.health("h\nkimi", at(2400)), Trial, "its cool-down over, it is tried again");
    assert_eq!(c.health("h\nother", at(0)), Healthy, "each upstream its own");
    // The user's first cool-down; the longest is never shorter than it.
    assert_eq!(Policy::with_base(Some(2)).base, d(2));
    assert_eq!(Policy::with_base(Some(2)).max, d(600));
    assert_eq!(Policy::with_base(Some(1800)).max, d(1800));
    assert_eq!(Policy::with_base(None), Policy::default());
}

#[test]
fn the_cool_downs_stay_bounded() {
    let p = Policy::default();
    let mut c = Cooldowns::default();
    let t = Instant::now();
    for i in 0..(MAX_TRACKED + 50) {
        for _ in 0..3 {
            c.failed(&format!("h\np{i}"), t, &p);
        }
    }
    assert!(c.map.len() <= MAX_TRACKED);
}
