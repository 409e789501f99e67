//! Failover with real parts: the real Codex runs a tool task (a shell call) on a
//! model whose provider fails, in each way a provider fails, and completes it through
//! the model's fallback, which gets the request in its own terms (its model id, its
//! key, its way: passed through or translated). A provider that fails after its output
//! began is not moved: Codex shows the error, and nothing twice. A provider that keeps
//! failing is skipped for its cool-down (set short here with `--cool-down`, as a user
//! sets it), then tried again.

use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_e2e::failing::{Fail, Failing, PARTIAL, refusing_url};
use switchboard_e2e::router::*;
use switchboard_e2e::scripted::{Plan, Scripted, Wire};
use switchboard_e2e::*;

const KEY_A: &str = "sk-failover-a-5c1e07";
const KEY_B: &str = "sk-failover-b-93d2aa";

/// A home whose model `<a>/a-model` (Use's choice) falls back to `<b>/b-model`, a
/// scripted provider that runs `echo hi-from-b` and then answers.
struct Setup {
    home: Home,
    work: tempfile::TempDir,
    b: Scripted,
    a: String,
    ib: String,
}

fn setup(a_url: &str, a_wire: Wire, b_wire: Wire) -> Setup {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let b = Scripted::start(Plan::new("B", b_wire).command("echo hi-from-b").key(KEY_B));
    let (ia, ib) = (unique_id("fa"), unique_id("fb"));
    let kind = |w: Wire| if w == Wire::Chat { ("chat-gateway", "chat") } else { ("custom", "responses") };
    add(&home, kind(a_wire).0, &ia, a_url, "a-model", kind(a_wire).1, KEY_A);
    add(&home, kind(b_wire).0, &ib, &b.base_url(), "b-model", kind(b_wire).1, KEY_B);
    home.sb(&["use", &ia], None).ok();
    let set = home.sb(&["fallback", &format!("{ia}/a-model"), &format!("{ib}/b-model")], None);
    set.ok();
    assert!(set.stdout.contains(&format!("{ib}/b-model")), "{}", set.all());
    Setup { home, work, b, a: ia, ib }
}

impl Setup {
    fn codex(&self, args: &[&str]) -> Run {
        codex(&self.home, self.work.path(), args, "Run echo hi.")
    }

    /// Codex completed its tool task through B, which got its own model id and key.
    #[track_caller]
    fn completed_through_b(&self, run: &Run) {
        assert_eq!(run.code, Some(0), "{}", run.all());
        assert!(run.stdout.contains("Done on B."), "{}", run.all());
        let seen = self.b.requests();
        assert_eq!(seen.len(), 2, "the shell call, then the answer");
        for s in &seen {
            let body: Value = serde_json::from_str(&s.body).unwrap();
            assert_eq!(body["model"], "b-model", "the fallback gets its own model id");
            assert_eq!(s.header("authorization"), Some(format!("Bearer {KEY_B}").as_str()));
        }
        assert!(seen[1].body.contains("hi-from-b"), "the shell ran and its output went back");
        assert!(!run.all().contains(KEY_A) && !run.all().contains(KEY_B));
    }

    /// The moves the router made lately (`switchboard fallback --json`), the latest first.
    fn moves(&self) -> Vec<Value> {
        let out = self.home.sb(&["fallback", "--json"], None);
        out.ok();
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        v["recent"].as_array().cloned().unwrap_or_default()
    }

    /// Each move's reasons, oldest first: `[["status_5xx"], ...]`.
    fn reasons(&self) -> Vec<Vec<String>> {
        let mut all: Vec<Vec<String>> = self.moves().iter().map(|m| m["failovers"].as_array().unwrap().iter().map(|f| f["reason"].as_str().unwrap().to_owned()).collect()).collect();
        all.reverse();
        all
    }

    /// Every move left A for B.
    #[track_caller]
    fn moved_from_a_to_b(&self) {
        for m in self.moves() {
            assert_eq!(m["provider"], self.ib.as_str(), "{m}");
            assert_eq!(m["model"], "b-model");
            assert_eq!(m["served"], true);
            assert_eq!(m["asked"], "switchboard/current");
            assert!(m["failovers"].as_array().unwrap().iter().all(|f| f["from_provider"] == self.a.as_str() && f["from_model"] == "a-model"), "{m}");
        }
    }
}

/// The same reason for each of `n` requests.
fn each(reason: &str, n: usize) -> Vec<Vec<String>> {
    vec![vec![reason.to_owned()]; n]
}

#[test]
fn a_provider_that_refuses_connections_fails_over() {
    let s = setup(&refusing_url(), Wire::Responses, Wire::Responses);
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    assert_eq!(s.reasons(), each("connect", 2));
    s.moved_from_a_to_b();
}

#[test]
fn a_provider_that_hangs_before_its_headers_fails_over_at_its_deadline() {
    let a = Failing::start(Fail::Hang);
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    let set = s.home.sb(&["fallback", "--deadline", &s.a, "2"], None);
    set.ok();
    let started = Instant::now();
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    let took = started.elapsed();
    assert_eq!(a.calls(), 2);
    assert_eq!(s.reasons(), each("timeout", 2));
    assert!(took >= Duration::from_secs(4) && took < Duration::from_secs(25), "two waits of 2 s, not the default 30: {took:?}");
    let listed = s.home.sb(&["fallback"], None);
    assert!(listed.stdout.contains(&format!("{} 2 s", s.a)), "{}", listed.all());
}

#[test]
fn a_500_fails_over_and_its_answer_never_reaches_codex() {
    let a = Failing::start(Fail::Status(500, vec![], r#"{"error":{"message":"internal error from A"}}"#.into()));
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    assert_eq!(a.calls(), 2);
    assert!(!run.all().contains("internal error from A"), "{}", run.all());
    assert_eq!(s.reasons(), each("status_5xx", 2));
    assert_eq!(s.moves()[0]["failovers"][0]["status"], 500);
    // A got the request in its own terms too: its model id.
    assert!(a.bodies().iter().all(|b| b["model"] == "a-model"));
    // Every request is in the usage store, with its move, under the provider that served it.
    let deadline = Instant::now() + Duration::from_secs(10);
    let row = loop {
        let out = s.home.sb(&["usage", "--by", "provider", "--json"], None);
        let v: Value = serde_json::from_str(&out.stdout).unwrap_or_default();
        let row = v["rows"].as_array().into_iter().flatten().find(|r| r["provider"] == s.ib.as_str()).cloned();
        match row {
            Some(r) if r["requests"] == 2 => break r,
            _ if Instant::now() > deadline => panic!("not recorded: {}", out.all()),
            _ => std::thread::sleep(Duration::from_millis(200)),
        }
    };
    assert_eq!(row["failovers"], 2, "{row}");
    assert!(row["input_tokens"].as_u64().unwrap() > 0 && row["total_tokens"].as_u64().unwrap() > 0, "{row}");
}

#[test]
fn a_503_fails_over_to_a_provider_reached_through_the_translation() {
    let a = Failing::start(Fail::Status(503, vec![], r#"{"error":{"message":"overloaded"}}"#.into()));
    let s = setup(&a.base_url(), Wire::Responses, Wire::Chat);
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    // B speaks Chat Completions: it got messages, not Responses input.
    assert!(s.b.bodies().iter().all(|b| b["messages"].is_array() && b.get("input").is_none()));
    assert_eq!(s.reasons(), each("status_5xx", 2));
    assert_eq!(s.moves()[0]["failovers"][0]["status"], 503);
}

#[test]
fn a_429_with_a_long_wait_fails_over_and_the_provider_is_left_alone_that_long() {
    let a = Failing::start(Fail::Status(429, vec![("retry-after", "3600".into())], r#"{"error":{"message":"Rate limit reached."}}"#.into()));
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    assert_eq!(a.calls(), 1, "asked to wait an hour, A is not asked again meanwhile");
    assert_eq!(s.reasons(), [vec!["rate_limited".to_owned()], vec!["cooling_down".to_owned()]]);
    assert_eq!(s.moves()[1]["failovers"][0]["status"], 429);
}

#[test]
fn a_429_with_a_short_wait_is_waited_out_once() {
    let a = Failing::start(Fail::Status(429, vec![("retry-after", "4".into())], "{}".into()));
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    let started = Instant::now();
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    // The first request: A, its 4 s waited out, A again, then B, and A is left alone for
    // the 4 s it asked for: the second request passes it by.
    assert_eq!(a.calls(), 2, "asked once more after the wait, and only once");
    assert!(started.elapsed() >= Duration::from_secs(4));
    assert_eq!(s.reasons(), [vec!["rate_limited".to_owned()], vec!["cooling_down".to_owned()]]);
}

#[test]
fn an_error_event_before_any_output_fails_over() {
    let a = Failing::start(Fail::ErrorEvent);
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    assert!(!run.all().contains("overloaded"), "A's error never reached Codex: {}", run.all());
    assert_eq!(a.calls(), 2);
    assert_eq!(s.reasons(), each("error_event", 2));
}

#[test]
fn a_chat_providers_error_chunk_before_any_content_fails_over() {
    let a = Failing::start(Fail::ChatErrorChunk);
    let s = setup(&a.base_url(), Wire::Chat, Wire::Responses);
    let run = s.codex(&[]);
    s.completed_through_b(&run);
    assert_eq!(a.calls(), 2);
    assert!(a.bodies().iter().all(|b| b["model"] == "a-model" && b["messages"].is_array()), "A got its request translated");
    assert_eq!(s.reasons(), each("error_event", 2));
}

#[test]
fn a_failure_after_output_has_begun_is_not_moved() {
    let a = Failing::start(Fail::AfterOutput);
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    // Codex's own retries off: this one request, as it went.
    let run = s.codex(&["-c", "model_providers.switchboard.stream_max_retries=0", "-c", "model_providers.switchboard.request_max_retries=0"]);
    assert_ne!(run.code, Some(0), "the turn fails: {}", run.all());
    assert!(run.all().contains("The stream broke off in the middle."), "Codex shows the provider's error: {}", run.all());
    assert!(!run.stdout.contains("Done on B."));
    assert_eq!(s.b.requests().len(), 0, "the fallback is never asked once output has reached Codex");
    assert_eq!(a.calls(), 1);
    assert!(run.all().matches(PARTIAL).count() <= 1, "nothing shown twice: {}", run.all());
    assert!(s.moves().is_empty(), "no move");
}

#[test]
fn a_provider_that_keeps_failing_is_skipped_for_its_cool_down_then_tried_again() {
    let a = Failing::start(Fail::Status(503, vec![], "{}".into()));
    let s = setup(&a.base_url(), Wire::Responses, Wire::Responses);
    s.home.sb(&["fallback", "--cool-down", "3"], None).ok();
    // Two requests a turn: A fails both (two failures), then the third fails: cooling down.
    let first = s.codex(&[]);
    s.completed_through_b(&first);
    let second = codex(&s.home, s.work.path(), &["resume", "--last"], "Once more.");
    assert_eq!(second.code, Some(0), "{}", second.all());
    assert_eq!(a.calls(), 3, "the fourth request passed A by");
    let r = s.reasons();
    assert_eq!(r[..4], [each("status_5xx", 3), vec![vec!["cooling_down".to_owned()]]].concat()[..]);
    // The cool-down over, A is tried again; its trial fails, so it cools down again, longer.
    std::thread::sleep(Duration::from_millis(3300));
    let third = codex(&s.home, s.work.path(), &["resume", "--last"], "And again.");
    assert_eq!(third.code, Some(0), "{}", third.all());
    assert_eq!(a.calls(), 4, "tried once after its cool-down, then passed by");
    assert_eq!(s.reasons()[4..], [vec!["status_5xx".to_owned()], vec!["cooling_down".to_owned()]]);
    let listed = s.home.sb(&["fallback"], None);
    assert!(listed.stdout.contains(&s.a) && listed.stdout.contains(&s.ib), "{}", listed.all());
}

#[test]
fn fallbacks_are_set_checked_listed_and_forgotten_with_their_provider() {
    let home = Home::new();
    let up = Scripted::start(Plan::new("X", Wire::Responses));
    let (ia, ib, ic) = (unique_id("la"), unique_id("lb"), unique_id("lc"));
    for id in [&ia, &ib, &ic] {
        add(&home, "custom", id, &up.base_url(), "m", "responses", "sk-list-0001");
    }
    home.sb(&["use", &ia], None).ok();
    let (sa, sb_, sc) = (format!("{ia}/m"), format!("{ib}/m"), format!("{ic}/other-model"));
    home.sb(&["fallback", &sa, &sb_, &sc], None).ok();
    home.sb(&["fallback", &sb_, &sa], None).ok();
    let state = || -> Value { serde_json::from_str(&std::fs::read_to_string(home.path().join("switchboard-router.json")).unwrap()).unwrap() };
    assert_eq!(state()["fallbacks"][&sa], serde_json::json!([sb_, sc]));
    // Refused, each with its reason, and nothing written.
    let before = state();
    for (args, says) in [
        (vec![sa.clone(), sa.clone()], "its own fallback"),
        (vec![sa.clone(), "switchboard/current".into()], "switchboard/current"),
        (vec!["switchboard/current".into(), sb_.clone()], "switchboard/current"),
        (vec![sa.clone(), "nosuch/m".into()], "nosuch"),
        (vec![sa.clone(), ib.clone()], "<provider>/<model>"),
        (vec![sa.clone(), "openai/gpt-5".into()], "openai"),
    ] {
        let mut all = vec!["fallback".to_owned()];
        all.extend(args);
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let out = home.sb(&refs, None);
        assert_eq!(out.code, Some(1), "{refs:?}: {}", out.all());
        assert!(out.stderr.contains(says), "{refs:?}: {}", out.stderr);
    }
    for bad in [["--deadline", ia.as_str(), "0"], ["--deadline", ia.as_str(), "99999"], ["--deadline", ia.as_str(), "soon"], ["--deadline", "nosuch", "5"]] {
        let out = home.sb(&[&["fallback"][..], &bad[..]].concat(), None);
        assert_eq!(out.code, Some(1), "{bad:?}: {}", out.all());
    }
    assert_eq!(state(), before);
    // A provider reached directly can be no one's fallback.
    home.sb(&["route", &ic, "direct"], None).ok();
    let direct = home.sb(&["fallback", &sb_, &sc], None);
    assert!(direct.code == Some(1) && direct.stderr.contains("directly"), "{}", direct.all());
    home.sb(&["route", &ic, "router"], None).ok();
    // Listed; then cleared; then a removed provider leaves nothing behind.
    let listed = home.sb(&["fallback"], None);
    assert!(listed.stdout.contains(&format!("{sa} → {sb_} → {sc}")), "{}", listed.all());
    let one = home.sb(&["fallback", &sb_], None);
    assert!(one.stdout.contains(&format!("{sb_} → {sa}")) && !one.stdout.contains(&sc), "{}", one.all());
    home.sb(&["fallback", "--deadline", &ib, "7"], None).ok();
    home.sb(&["fallback", &sb_, "--clear"], None).ok();
    assert!(state()["fallbacks"].get(&sb_).is_none());
    home.sb(&["remove", &ib, "--force"], None).ok();
    let st = state();
    assert_eq!(st["fallbacks"][&sa], serde_json::json!([sc]), "{st}");
    assert!(st.get("deadlines").is_none(), "{st}");
    home.sb(&["fallback", "--deadline", &ia, "default"], None).ok();
    let help = home.sb(&["fallback", "--help"], None);
    assert!(help.stdout.contains("--deadline") && help.stdout.contains("cool-down") && help.stdout.contains("429"), "{}", help.stdout);
}
