//! Moving a Codex home the previous Switchboard set up over to the router, with the
//! real Codex CLI: one provider Codex reached directly and one through the bridge,
//! each with a session recorded while it was Codex's own provider, and the user's
//! own comments and tables around them. After `route`/`use`, config.toml keeps every
//! byte but the keys Use owns, the old sessions resume with the command
//! `switchboard sessions` prints, and a new session, filed under the router, is
//! found again by `codex exec resume --last` after more switches.

use serde_json::Value;
use switchboard_e2e::router::*;
use switchboard_e2e::scripted::{Plan, Scripted, Wire};
use switchboard_e2e::*;

/// `text` without what `use` of a routed provider owns: the top-level `model`,
/// `model_provider` and `model_catalog_json`, and the `[model_providers.switchboard]`
/// table with its sub-tables.
fn outside_owned(text: &str) -> String {
    let mut out = Vec::new();
    let mut top = true;
    let mut in_router = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            top = false;
            in_router = t.starts_with("[model_providers.switchboard]") || t.starts_with("[model_providers.switchboard.");
        }
        let owned_key = top && ["model ", "model=", "model_provider", "model_catalog_json"].iter().any(|k| t.starts_with(k));
        if !in_router && !owned_key {
            out.push(line);
        }
    }
    out.concat()
}

/// The resume command `switchboard sessions` prints for `provider`'s one session, run
/// as `codex … exec … resume <id> <prompt>` in `work`.
fn resume_printed(home: &Home, work: &std::path::Path, provider: &str, prompt: &str) -> Run {
    let listed: Value = serde_json::from_str(&home.sb(&["sessions", "--provider", provider, "--json"], None).ok().stdout).unwrap();
    let list = listed.as_array().unwrap();
    assert_eq!(list.len(), 1, "{listed}");
    let printed = home.sb(&["sessions", "--provider", provider], None);
    let line = list[0]["resume_line"].as_str().unwrap();
    assert!(printed.ok().stdout.contains(line), "{}", printed.stdout);
    let argv: Vec<String> = list[0]["resume"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    let at = argv.iter().position(|a| a == "resume").unwrap();
    let mut cmd = std::process::Command::new(codex_bin());
    cmd.args(&argv[1..at]).args(["exec", "--skip-git-repo-check", "--strict-config"]).args(&argv[at..]).arg(prompt);
    cmd.current_dir(work).env("CODEX_HOME", home.path()).env("HOME", work).env_remove("OPENAI_API_KEY").env("RUST_LOG", "error");
    home.router_env(&mut cmd);
    run_with_timeout(cmd, std::time::Duration::from_secs(120))
}

#[test]
fn a_home_the_previous_switchboard_set_up_moves_to_the_router_keeping_bytes_and_sessions() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let keys = ["sk-old-direct-4b1e", "sk-old-bridged-8c2f"];
    let a = Scripted::start(Plan::new("A", Wire::Responses).key(keys[0]));
    let c = Scripted::start(Plan::new("C", Wire::Chat).key(keys[1]));
    let (ia, ic) = (unique_id("olda"), unique_id("oldc"));
    home.write_config(EVERYDAY.as_bytes());
    add(&home, "custom", &ia, &a.base_url(), "a-model", "responses", keys[0]);
    add(&home, "chat-gateway", &ic, &c.base_url(), "c-model", "chat", keys[1]);
    // The previous Switchboard's layout: each provider Codex's own.
    for id in [&ia, &ic] {
        home.sb(&["route", id, "direct"], None).ok();
    }
    home.sb(&["use", &ic], None).ok();
    let old_c = codex(&home, work.path(), &[], "An old question for C.");
    assert_eq!(old_c.code, Some(0), "{}", old_c.all());
    home.sb(&["use", &ia], None).ok();
    let old_a = codex(&home, work.path(), &[], "An old question for A.");
    assert_eq!(old_a.code, Some(0), "{}", old_a.all());
    // That Switchboard kept no router state; the user's own edits come on top.
    std::fs::remove_file(home.path().join("switchboard-router.json")).unwrap();
    let mut text = home.config_text();
    assert!(!text.contains("[model_providers.switchboard]"), "{text}");
    assert!(text.contains(&format!("model_provider = \"{ia}\"")), "{text}");
    assert!(text.contains(&format!("args = [\"token\", \"{ic}\", \"--bridge\", \"{}\"]", home.port)), "the bridged table of old: {text}");
    text = text.replace(&format!("[model_providers.{ia}]\n"), &format!("[model_providers.{ia}]\n# my notes: this key rotates monthly\n"));
    text.push_str("\n# Added by hand after Switchboard set things up.\n[projects.\"/home/dev/src/later\"]\ntrust_level = \"trusted\"   # on purpose\n");
    home.write_config(text.as_bytes());
    let before = home.config_text();
    let sessions_before = rollouts(home.path());
    assert_eq!(sessions_before.len(), 2);

    // The move.
    home.sb(&["route", &ic, "router"], None).ok();
    home.sb(&["use", &ia], None).ok();
    let after = home.config_text();
    assert!(after.contains("model_provider = \"switchboard\"") && after.contains("[model_providers.switchboard]"), "{after}");
    assert_eq!(outside_owned(&after), outside_owned(&before), "config.toml changed outside the keys use owns\nbefore:\n{before}\nafter:\n{after}");
    assert!(after.contains("# my notes: this key rotates monthly") && after.contains("theme = \"dark\"   # easier on the eyes"));

    // A new session, under the router.
    let fresh = codex(&home, work.path(), &[], "A new question through the router.");
    assert_eq!(fresh.code, Some(0), "{}", fresh.all());
    assert!(fresh.stdout.contains("Done on A."), "{}", fresh.all());
    let new_files: Vec<_> = rollouts(home.path()).into_iter().filter(|f| !sessions_before.contains(f)).collect();
    assert_eq!(new_files.len(), 1);
    assert_eq!(rollout_lines(&new_files[0])[0]["payload"]["model_provider"], "switchboard");

    // The old sessions resume, each with its own provider, by the command printed for it.
    let (a_before, c_before) = (a.requests().len(), c.requests().len());
    let again_a = resume_printed(&home, work.path(), &ia, "Back to the old A session.");
    assert_eq!(again_a.code, Some(0), "{}", again_a.all());
    assert_eq!(a.requests().len(), a_before + 1, "A was not reached directly");
    assert!(user_said(&a.bodies().last().unwrap()["input"], "An old question for A."), "not the old session's history");
    let again_c = resume_printed(&home, work.path(), &ic, "Back to the old C session.");
    assert_eq!(again_c.code, Some(0), "{}", again_c.all());
    assert_eq!(c.requests().len(), c_before + 1, "C was not reached through the bridge");
    assert!(user_said(&c.bodies().last().unwrap()["messages"], "An old question for C."));
    assert_eq!(c.requests().last().unwrap().header("authorization"), Some(format!("Bearer {}", keys[1]).as_str()));

    // Two more switches; `resume --last` still finds the router's session (the old ones,
    // resumed since, are newer but filed under their own providers).
    home.sb(&["use", &ic], None).ok();
    home.sb(&["use", &ia], None).ok();
    let last = codex(&home, work.path(), &["resume", "--last"], "And once more.");
    assert_eq!(last.code, Some(0), "{}", last.all());
    let body = a.bodies().last().unwrap().clone();
    assert!(user_said(&body["input"], "A new question through the router.") && user_said(&body["input"], "And once more."), "resumed another session");
    assert!(!user_said(&body["input"], "An old question for A."));
    assert_eq!(rollouts(home.path()).len(), 3, "no new session file: the router's was resumed");
    let all = home.all_bytes();
    assert!(keys.iter().all(|k| !all.contains(k)), "a key is in a file of the Codex home");
}

/// Whether a user message of `list` (Responses `input` or chat `messages`) says `text`.
fn user_said(list: &Value, text: &str) -> bool {
    list.as_array().into_iter().flatten().filter(|m| m["role"] == "user").any(|m| m.to_string().contains(text))
}
