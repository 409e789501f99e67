//! The real Codex CLI (npm @openai/codex, pinned) against a Responses-API
//! stand-in on 127.0.0.1, configured only through `switchboard`, with keys
//! that live only in the real Secret Service.

use switchboard_e2e::*;

struct Case {
    preset: &'static str,
    prefix: &'static str,
    args: Vec<String>,
    key: Option<&'static str>,
    envs: Vec<(&'static str, &'static str)>,
    query: &'static str,
    headers: Vec<(&'static str, &'static str)>,
}

fn check(case: Case) {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let server = ResponsesServer::start_with_key(case.prefix, case.key);
    let id = unique_id(case.preset);
    let mut args = vec!["add".to_owned(), case.preset.to_owned(), "--id".into(), id.clone(), "--base-url".into(), server.base_url()];
    args.extend(case.args.iter().cloned());
    if case.key.is_some() {
        args.push("--key-stdin".into());
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    home.sb(&argv, case.key.map(|k| format!("{k}\n")).as_deref()).ok();
    home.sb(&["use", &id], None).ok();

    let out = codex_exec(&home, &[], &case.envs);
    assert_eq!(out.code, Some(0), "codex failed for {}\nstdout: {}\nstderr: {}\nconfig:\n{}", case.preset, out.stdout, out.stderr, home.config_text());
    assert!(out.stdout.contains("OK"), "codex printed: {}", out.stdout);

    // Codex's own requests (adding asked the provider first, from Switchboard's environment).
    let posts: Vec<Seen> = server.responses_posts().into_iter().filter(Seen::from_codex).collect();
    assert!(!posts.is_empty(), "no POST {}/responses; saw {:?}", case.prefix, server.seen());
    for p in &posts {
        match case.key {
            Some(k) => assert_eq!(p.header("authorization"), Some(format!("Bearer {k}").as_str()), "{p:?}"),
            None => assert!(p.header("authorization").is_none_or(|a| !a.contains("sk-")), "{p:?}"),
        }
        assert_eq!(p.query(), case.query, "{p:?}");
        for (h, v) in &case.headers {
            assert_eq!(p.header(h), Some(*v), "header {h} in {p:?}");
        }
        assert!(p.header("accept").is_some_and(|a| a.contains("text/event-stream")), "{p:?}");
    }
    if let Some(k) = case.key {
        assert!(!home.all_bytes().contains(k), "the key reached a file under CODEX_HOME");
        assert!(!out.all().contains(k), "the key reached Codex's output");
    }
    // The key lived only in the keychain: deleting it makes Codex fail.
    if let Some(k) = case.key {
        home.sb(&["key", "delete", &id], None).ok();
        let before = server.responses_posts().len();
        let out = codex_exec(&home, &[], &case.envs);
        assert_ne!(out.code, Some(0), "codex ran without a key: {}", out.stdout);
        assert!(!out.all().contains(k), "the key reached Codex's output");
        assert!(server.responses_posts()[before..].iter().all(|p| p.header("authorization") != Some(format!("Bearer {k}").as_str())));
    }
    home.sb(&["remove", &id, "--force"], None).ok();
}

#[test]
fn azure_preset_reaches_the_server_with_the_keychain_key_and_api_version() {
    check(Case {
        preset: "azure",
        prefix: "/openai/v1",
        args: vec!["--deployment".into(), "gpt5-prod".into(), "--api-version".into(), "2025-04-01-preview".into()],
        key: Some("azure-key-9f8e7d"),
        envs: vec![],
        query: "api-version=2025-04-01-preview",
        headers: vec![],
    });
}

#[test]
fn vercel_preset_reaches_the_server_with_the_keychain_key() {
    check(Case {
        preset: "vercel",
        prefix: "/v1",
        args: vec!["--model".into(), "anthropic/claude-sonnet-4.5".into()],
        key: Some("vck_test_0123456789"),
        envs: vec![],
        query: "",
        headers: vec![],
    });
}

#[test]
fn openrouter_preset_reaches_the_server_with_the_keychain_key() {
    check(Case {
        preset: "openrouter",
        prefix: "/api/v1",
        args: vec!["--model".into(), "openai/gpt-5.3-codex".into(), "--header".into(), "X-Title=Switchboard".into()],
        key: Some("sk-or-v1-abcdef123456"),
        envs: vec![],
        query: "",
        headers: vec![("x-title", "Switchboard")],
    });
}

#[test]
fn ollama_preset_reaches_the_server_without_a_key() {
    check(Case {
        preset: "ollama",
        prefix: "/v1",
        args: vec!["--model".into(), "gpt-oss:20b".into()],
        key: None,
        envs: vec![],
        query: "",
        headers: vec![],
    });
}

#[test]
fn custom_preset_sends_static_and_env_headers_and_query() {
    check(Case {
        preset: "custom",
        prefix: "/gateway/v1",
        args: vec![
            "--model".into(),
            "corp-model".into(),
            "--header".into(),
            "X-Client=codex".into(),
            "--env-header".into(),
            "X-Team=SB_TEST_TEAM".into(),
            "--query".into(),
            "tenant=dev".into(),
        ],
        key: Some("corp-key-555"),
        envs: vec![("SB_TEST_TEAM", "platform")],
        query: "tenant=dev",
        headers: vec![("x-client", "codex"), ("x-team", "platform")],
    });
}

#[test]
fn the_profile_file_lets_codex_p_select_a_provider() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let server = ResponsesServer::start("/v1");
    let id = unique_id("profile");
    home.sb(&["add", "openrouter", "--id", &id, "--base-url", &server.base_url(), "--key-stdin"], Some("sk-profile-1\n")).ok();
    // Not active: the profile alone selects it.
    let out = codex_exec(&home, &["-p", &id], &[]);
    assert_eq!(out.code, Some(0), "stdout: {}\nstderr: {}", out.stdout, out.stderr);
    let posts = server.responses_posts();
    assert!(!posts.is_empty());
    assert_eq!(posts[0].header("authorization"), Some("Bearer sk-profile-1"));
    assert!(posts[0].body.contains("openai/gpt-5.3-codex"), "profile's model was sent");
    home.sb(&["remove", &id], None).ok();
}

#[test]
fn a_token_command_provider_gets_the_commands_output() {
    let home = Home::new();
    let server = ResponsesServer::start("/v1");
    let id = unique_id("cmd");
    home.sb(
        &["add", "custom", "--id", &id, "--base-url", &server.base_url(), "--model", "m", "--token-command", "printf", "--token-arg", "short-lived-token"],
        None,
    )
    .ok();
    home.sb(&["use", &id], None).ok();
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "stdout: {}\nstderr: {}", out.stdout, out.stderr);
    assert_eq!(server.responses_posts()[0].header("authorization"), Some("Bearer short-lived-token"));
}

/// Switchboard's one list of built-in ids, checked against the real Codex: for each id a
/// hand-written table with a `name` stops Codex at start-up, `switchboard add` refuses the
/// id, and doctor names the table. A table Codex accepts for gcp passes doctor.
#[test]
fn every_id_codex_has_built_in_is_refused_and_a_breaking_table_is_named() {
    let server = ResponsesServer::start("/v1");
    for id in ["openai", "ollama", "lmstudio", "amazon-bedrock", "amazon-bedrock-runtime", "gcp"] {
        let home = Home::new();
        let text = format!(
            "model_provider = \"ok\"\nmodel = \"m\"\n\n[model_providers.ok]\nname = \"OK\"\nbase_url = \"{}\"\n\n[model_providers.{id}]\nname = \"Mine\"\nbase_url = \"{}\"\n",
            server.base_url(),
            server.base_url()
        );
        home.write_config(text.as_bytes());
        let out = codex_exec(&home, &[], &[]);
        assert_ne!(out.code, Some(0), "{id}: Codex ran with a named [model_providers.{id}]");
        assert!(out.all().contains(&format!("model_providers")), "{id}: {}", out.all());
        let doctor = home.sb(&["doctor", "--json"], None);
        let v: serde_json::Value = serde_json::from_str(&doctor.stdout).unwrap();
        let check = v["checks"].as_array().unwrap().iter().find(|c| c["name"] == "reserved_ids" && c["status"] == "fail").cloned();
        assert!(check.is_some_and(|c| c["message"].as_str().unwrap().contains(&format!("[model_providers.{id}]"))), "{id}: {v}");
        let before = home.read_config();
        home.sb(&["add", "custom", "--id", id, "--base-url", &server.base_url(), "--model", "m"], None).fails(1, "reserved");
        assert_eq!(home.read_config(), before, "{id}");
    }
    let home = Home::new();
    home.write_config(format!("model_provider = \"ok\"\nmodel = \"m\"\n\n[model_providers.ok]\nname = \"OK\"\nbase_url = \"{}\"\n\n[model_providers.gcp]\nbase_url = \"https://vertex.example/v1\"\nproject_id = \"p\"\n", server.base_url()).as_bytes());
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "a gcp table with only its own keys loads: {}", out.all());
    let v: serde_json::Value = serde_json::from_str(&home.sb(&["doctor", "--json"], None).stdout).unwrap();
    assert!(v["checks"].as_array().unwrap().iter().all(|c| c["name"] != "reserved_ids" || c["status"] == "ok"), "{v}");
}
