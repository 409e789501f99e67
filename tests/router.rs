//! The router with real parts: the real Codex CLI moves one recorded session
//! between providers (two that speak Responses, one only Chat Completions) and
//! from a large window to a small one, through `switchboard`'s router, which the
//! auth command starts when Codex needs it.

use serde_json::Value;
use switchboard_e2e::router::*;
use switchboard_e2e::scripted::{Plan, Scripted, Wire};
use switchboard_e2e::*;

/// Every `id` of the items of a Responses request.
fn ids(body: &Value) -> Vec<String> {
    body["input"].as_array().into_iter().flatten().filter_map(|i| i["id"].as_str().map(str::to_owned)).collect()
}

/// The text of every user message of a request, in either API.
fn user_texts(body: &Value) -> Vec<String> {
    let list = body.get("input").or_else(|| body.get("messages")).and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter()
        .filter(|m| m["role"] == "user")
        .map(|m| match &m["content"] {
            Value::String(s) => s.clone(),
            c => c.as_array().into_iter().flatten().filter_map(|p| p["text"].as_str()).collect::<Vec<_>>().join(""),
        })
        .collect()
}

#[test]
fn one_session_moves_between_three_providers_and_each_gets_a_history_it_can_take() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let keys = ["sk-router-a-1f3c5e", "sk-router-b-7e2d11", "sk-router-c-9a4b07"];
    let a = Scripted::start(Plan::new("A", Wire::Responses).command("echo hi-from-a").key(keys[0]));
    let b = Scripted::start(Plan::new("B", Wire::Responses).command("echo hi-from-b").key(keys[1]));
    let c = Scripted::start(Plan::new("C", Wire::Chat).command("echo hi-from-c").key(keys[2]).system_first());
    let (ia, ib, ic) = (unique_id("ra"), unique_id("rb"), unique_id("rc"));
    add(&home, "custom", &ia, &a.base_url(), "a-model", "responses", keys[0]);
    add(&home, "custom", &ib, &b.base_url(), "b-model", "responses", keys[1]);
    add(&home, "chat-gateway", &ic, &c.base_url(), "c-model", "chat", keys[2]);
    home.sb(&["use", &ia], None).ok();
    let text = home.config_text();
    assert!(text.contains("model_provider = \"switchboard\"") && text.contains("model = \"switchboard/current\""), "{text}");

    // Turn 1 on A (Use's choice), turn 2 pinned to B, turn 3 pinned to C: one session.
    let t1 = codex(&home, work.path(), &[], "Run echo hi on A.");
    assert_eq!(t1.code, Some(0), "{}", t1.all());
    let t2 = codex(&home, work.path(), &["-m", &format!("{ib}/b-model"), "resume", "--last"], "Now on B.");
    assert_eq!(t2.code, Some(0), "{}", t2.all());
    let t3 = codex(&home, work.path(), &["-m", &format!("{ic}/c-model"), "resume", "--last"], "Now on C.");
    assert_eq!(t3.code, Some(0), "{}", t3.all());
    for (run, said) in [(&t1, "Done on A."), (&t2, "Done on B."), (&t3, "Done on C.")] {
        assert!(run.stdout.contains(said), "{}", run.all());
    }
    let (ra, rb, rc) = (a.bodies(), b.bodies(), c.bodies());
    assert_eq!((ra.len(), rb.len(), rc.len()), (2, 2, 2), "a call and its answer on each");
    // Each provider got its own model id and its own key, and nothing of the router's.
    for (seen, model, key) in [(a.requests(), "a-model", keys[0]), (b.requests(), "b-model", keys[1]), (c.requests(), "c-model", keys[2])] {
        for s in seen {
            let body: Value = serde_json::from_str(&s.body).unwrap();
            assert_eq!(body["model"], model, "the `<id>/` prefix comes off");
            assert_eq!(s.header("authorization"), Some(format!("Bearer {key}").as_str()));
        }
    }
    // A gets back what it made, as it made it (the router's marks come off).
    assert!(ids(&ra[1]).contains(&"rs-from-A-1".to_owned()) && ids(&ra[1]).contains(&"fc-from-A-1".to_owned()), "{:?}", ids(&ra[1]));
    assert!(ra[1].to_string().contains("\"encrypted_content\":\"ENC-FROM-A-1\""));
    // B: A's history, cleaned. No reasoning of A's, no id A issued, no mark of the router's;
    // A's call and its output stay (their call id pairs them), and the shell really ran.
    for body in &rb {
        let text = body.to_string();
        assert!(!text.contains("ENC-FROM-A") && !text.contains("sbr1:"), "A's reasoning reached B: {text}");
        assert!(ids(body).iter().all(|id| !id.contains("from-A") && !id.starts_with("sb")), "{:?}", ids(body));
        assert!(text.contains("call_A_1") && text.contains("hi-from-a\\n"), "A's turn is in B's history");
        assert_eq!(user_texts(body).iter().filter(|t| *t == "Run echo hi on A." || *t == "Now on B.").count(), 2);
    }
    assert!(ids(&rb[1]).contains(&"rs-from-B-1".to_owned()) && rb[1].to_string().contains("\"ENC-FROM-B-1\""), "B's own reasoning comes back to it");
    // C, through the translation: the whole conversation, no one's encrypted reasoning,
    // and Codex's instructions first only (what a switch adds goes as the user's words).
    for body in &rc {
        let roles: Vec<&str> = body["messages"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert!(roles[0] == "system" && !roles[1..].contains(&"system"), "{roles:?}");
        let text = body.to_string();
        assert!(!text.contains("ENC-FROM") && !text.contains("sbr1:"), "{text}");
        assert!(text.contains("call_A_1") && text.contains("call_B_1") && text.contains("hi-from-b"), "{text}");
        let users = user_texts(body);
        for prompt in ["Run echo hi on A.", "Now on B.", "Now on C."] {
            assert!(users.iter().any(|u| u == prompt), "{prompt} missing: {users:?}");
        }
    }
    assert!(rc[1].to_string().contains("hi-from-c"), "C's shell call ran");

    // One rollout file holds the three turns, filed under the router.
    let files = rollouts(home.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let lines = rollout_lines(&files[0]);
    assert_eq!(lines[0]["type"], "session_meta");
    assert_eq!(lines[0]["payload"]["model_provider"], "switchboard");
    let models: Vec<&str> = lines.iter().filter(|l| l["type"] == "turn_context").filter_map(|l| l["payload"]["model"].as_str()).collect();
    assert_eq!(models, ["switchboard/current".to_owned(), format!("{ib}/b-model"), format!("{ic}/c-model")], "{models:?}");
    let said: Vec<&str> = lines.iter().filter(|l| l["payload"]["type"] == "message" && l["payload"]["role"] == "assistant").filter_map(|l| l["payload"]["content"][0]["text"].as_str()).collect();
    assert_eq!(said, ["Done on A.", "Done on B.", "Done on C."]);
    let all = home.all_bytes();
    for k in keys {
        assert!(!all.contains(k) && !t1.all().contains(k) && !t2.all().contains(k) && !t3.all().contains(k), "a key is in a file or an output");
    }
}

/// What a user pastes: `chars` characters of build log.
fn pasted(chars: usize, from: usize) -> String {
    let mut s = String::from("Here is the build log:\n");
    let mut i = from;
    while s.len() < chars {
        s.push_str(&format!("step {i}: compiled crate-{} in {} ms, 0 warnings\n", i % 311, i % 97));
        i += 1;
    }
    s
}

#[test]
fn a_switch_to_a_small_window_completes() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let big = Scripted::start(Plan::new("BIG", Wire::Responses));
    let small = Scripted::start(Plan::new("SMALL", Wire::Responses).window(32_768));
    let tiny = Scripted::start(Plan::new("TINY", Wire::Chat).window(32_768).system_first());
    let (ib, is, it) = (unique_id("big"), unique_id("small"), unique_id("tiny"));
    home.sb(&["add", "custom", "--id", &ib, "--base-url", &big.base_url(), "--model", "big-model", "--api", "responses", "--no-key", "--context-window", "1M"], None).ok();
    home.sb(&["add", "custom", "--id", &is, "--base-url", &small.base_url(), "--model", "small-model", "--api", "responses", "--no-key", "--context-window", "32k"], None).ok();
    home.sb(&["add", "chat-gateway", "--id", &it, "--base-url", &tiny.base_url(), "--model", "tiny-model", "--api", "chat", "--no-key", "--context-window", "32k"], None).ok();
    home.sb(&["use", &ib], None).ok();
    let t1 = codex(&home, work.path(), &[], &pasted(80_000, 0));
    assert_eq!(t1.code, Some(0), "{}", t1.all());
    let t1b = codex(&home, work.path(), &["resume", "--last"], &pasted(80_000, 5000));
    assert_eq!(t1b.code, Some(0), "{}", t1b.all());
    let t2 = codex(&home, work.path(), &["-m", &format!("{is}/small-model"), "resume", "--last"], "Now briefly.");
    assert_eq!(t2.code, Some(0), "{}", t2.all());
    assert!(t2.stdout.contains("Done on SMALL."), "{}", t2.all());
    let t3 = codex(&home, work.path(), &["-m", &format!("{it}/tiny-model"), "resume", "--last"], "And on chat.");
    assert_eq!(t3.code, Some(0), "{}", t3.all());
    assert!(t3.stdout.contains("Done on TINY."), "{}", t3.all());
    // Neither small model was sent more than it takes: the router fitted each request.
    assert_eq!((small.refused().len(), tiny.refused().len()), (0, 0), "a request longer than the window went upstream");
    let noted = |b: &Value| user_texts(b).iter().any(|t| t.contains("Switchboard left out") && t.contains("context window"));
    for (bodies, last) in [(small.bodies(), "Now briefly."), (tiny.bodies(), "And on chat.")] {
        assert!(bodies.iter().any(noted), "the router trimmed nothing: Codex alone made it fit");
        for b in &bodies {
            let first = b.get("input").unwrap_or(&b["messages"])[0].to_string();
            assert!(first.contains("You are Codex"), "Codex's instructions were left out: {}", &first[..first.len().min(300)]);
        }
        assert_eq!(user_texts(bodies.last().unwrap()).last().map(String::as_str), Some(last), "the prompt under way stays");
    }
    // The large model got the whole history, untouched.
    let whole = big.bodies();
    assert!(!whole.iter().any(noted));
    assert!(whole[1].to_string().contains("step 0: compiled") && whole[1].to_string().contains("step 5000: compiled"));
}
