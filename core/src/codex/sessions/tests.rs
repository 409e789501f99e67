use super::*;

/// A rollout file shaped like Codex 0.169's (long instructions in the first line).
fn rollout(home: &Path, day: &str, time: &str, id: &str, provider: Option<&str>, user: &str, model: &str) -> PathBuf {
    let dir = home.join("sessions").join(day);
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("rollout-{time}-{id}.jsonl"));
    let provider = provider.map(|p| format!(r#""model_provider":{},"#, serde_json::json!(p))).unwrap_or_default();
    let instructions = "x".repeat(20_000);
    let lines = [
        format!(r#"{{"timestamp":"t","type":"session_meta","payload":{{"id":"{id}","timestamp":"2026-11-22T02:57:35.184Z","cwd":"/work/p","cli_version":"0.169.0",{provider}"base_instructions":"{instructions}"}}}}"#),
        r#"{"type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>\n<cwd>/w</cwd></environment_context>"}]}}"#.to_owned(),
        format!(r#"{{"type":"event_msg","payload":{{"type":"thread_settings_applied","thread_settings":{{"model":"{model}","model_provider_id":"x"}}}}}}"#),
        format!(r#"{{"type":"response_item","payload":{{"type":"message","role":"user","content":[{{"type":"input_text","text":{}}}]}}}}"#, serde_json::json!(user)),
    ];
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn lists_newest_first_with_provider_title_model_and_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let h = tmp.path();
    rollout(h, "2026/11/21", "2026-11-21T10-00-00", "0001-aaaa", Some("alpha"), "Fix the\nbuild please", "alpha-m");
    rollout(h, "2026/11/22", "2026-11-22T09-00-00", "0002-bbbb", Some("beta"), "second", "beta-m");
    rollout(h, "2026/11/22", "2026-11-22T11-00-00", "0003-cccc", None, "third", "gpt-5");
    fs::write(h.join("sessions/2026/11/22/notes.txt"), "not a session").unwrap();
    let all = list(h, None, 50);
    let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["0003-cccc", "0002-bbbb", "0001-aaaa"]);
    assert_eq!(all[0].provider, "openai", "no recorded provider means Codex's default");
    let a = &all[2];
    assert_eq!((a.provider.as_str(), a.title.as_str(), a.model.as_deref(), a.cwd.as_str()), ("alpha", "Fix the build please", Some("alpha-m"), "/work/p"));
    assert_eq!(a.started, "2026-11-22T02:57:35.184Z");
    assert_eq!(a.resume, ["codex", "-c", "model_provider=\"alpha\"", "-c", "model=\"alpha-m\"", "resume", "0001-aaaa"]);
    assert_eq!(list(h, Some("beta"), 50).iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["0002-bbbb"]);
    assert_eq!(list(h, None, 2).len(), 2);
    assert!(list(h, Some("nobody"), 50).is_empty());
    let c = counts(h);
    assert_eq!((c["alpha"], c["beta"], c["openai"]), (1, 1, 1), "{c:?}");
}

#[test]
fn odd_files_are_skipped_and_odd_values_stay_inert() {
    let tmp = tempfile::tempdir().unwrap();
    let h = tmp.path();
    let dir = h.join("sessions/2026/01/01");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("rollout-2026-01-01T00-00-00-x.jsonl"), "not json\n").unwrap();
    fs::write(dir.join("rollout-2026-01-01T00-00-01-y.jsonl"), r#"{"type":"session_meta","payload":{"id":"$(rm -rf ~)","model_provider":"a"}}"#).unwrap();
    rollout(h, "2026/01/01", "2026-01-01T00-00-02", "0004-dddd", Some("we\"ird"), "hi", "m\"1");
    let all = list(h, None, 50);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].resume[2], r#"model_provider='we"ird'"#);
    // The shell line gives a POSIX shell back the same argv.
    #[cfg(unix)]
    {
        let line = shell_line(&all[0].resume);
        let out = std::process::Command::new("sh").arg("-c").arg(format!("printf '%s\\n' {line}")).output().unwrap();
        let back: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect();
        assert_eq!(back, all[0].resume, "{line}");
    }
}

#[test]
fn titles_are_one_short_line() {
    for (input, want) in [
        ("plain", "plain"),
        ("two\nlines\ttabbed", "two lines tabbed"),
        ("\u{1b}[31mred", "[31mred"),
    ] {
        assert_eq!(one_line(input), want);
    }
    let long = one_line(&"word ".repeat(100));
    assert_eq!(long.chars().count(), TITLE_CHARS);
    assert!(long.ends_with('…'));
}
