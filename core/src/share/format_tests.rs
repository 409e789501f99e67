use super::*;

fn corp() -> SharedProvider {
    SharedProvider {
        id: "corp".into(),
        preset: PresetId::Custom,
        name: "Corp gateway".into(),
        base_url: Some("https://llm.corp.example/v1".into()),
        resource: None,
        api_version: None,
        model: "corp-large".into(),
        api: crate::provider::api::Api::Responses,
        auth: SharedAuth::Command { command: "az".into(), args: vec!["account".into(), "get access token".into()], refresh_interval_ms: Some(0) },
        query: [("x y".to_owned(), "a&b=c".to_owned())].into(),
        headers: [("X-Client".to_owned(), "codex".to_owned())].into(),
        env_headers: [("X-Team".to_owned(), "CODEX_TEAM".to_owned())].into(),
    }
}

fn azure() -> SharedProvider {
    SharedProvider {
        id: "azure".into(),
        preset: PresetId::Azure,
        name: "Azure AI Foundry".into(),
        base_url: None,
        resource: Some("contoso".into()),
        api_version: Some("2025-04-01-preview".into()),
        model: "gpt5-prod".into(),
        api: crate::provider::api::Api::Responses,
        auth: SharedAuth::Keychain,
        query: StringMap::new(),
        headers: StringMap::new(),
        env_headers: StringMap::new(),
    }
}

#[test]
fn link_and_file_read_back_what_was_written() {
    let share = Share::new(vec![corp(), azure()]);
    for text in [share.to_link(), share.to_toml()] {
        let read = read(&text).unwrap();
        assert_eq!(read.share, share, "{text}");
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    }
    assert!(share.to_link().starts_with("switchboard://import?v=1&id=corp&preset=custom"));
}

#[test]
fn unknown_fields_are_ignored_with_a_warning() {
    let link = format!("{}&colour=blue", Share::new(vec![azure()]).to_link());
    let read = read(&link).unwrap();
    assert_eq!(read.share.providers, vec![azure()]);
    assert!(read.warnings[0].in_language(crate::locale::Language::English).contains("`colour`"), "{:?}", read.warnings);
    let file = format!("{}\n[extra]\nx = 1\n", Share::new(vec![azure()]).to_toml()).replace("version = 1", "version = 1\nsigned_by = \"me\"");
    let read = read_toml(&file).unwrap();
    assert_eq!(read.warnings.len(), 2, "{:?}", read.warnings);
}

#[test]
fn refusals() {
    let ok_link = Share::new(vec![azure()]).to_link();
    let ok_file = Share::new(vec![azure()]).to_toml();
    let secret = "sk-live-1234567890abcdefSECRET";
    let cases: Vec<(String, &str)> = vec![
        (format!("{ok_link}&key={secret}"), "share_has_key"),
        (format!("{ok_link}&api_key={secret}"), "share_has_key"),
        (format!("{ok_link}&token={secret}"), "share_has_key"),
        (format!("{ok_link}&header.Authorization=Bearer%20{secret}"), "share_has_key"),
        (format!("{ok_link}&header.X-Custom={secret}"), "share_has_key"),
        (ok_file.replace("auth = \"keychain\"", &format!("auth = \"keychain\"\nkey = \"{secret}\"")), "share_has_key"),
        (ok_file.replace("auth = \"keychain\"", &format!("auth = \"keychain\"\nheaders = {{ api-key = \"{secret}\" }}")), "share_has_key"),
        (format!("token = \"{secret}\"\n{ok_file}"), "share_has_key"),
        (ok_link.replace("v=1", "v=2"), "share_version"),
        (ok_file.replace("version = 1", "version = 7"), "share_version"),
        (ok_link.replace("v=1&", ""), "bad_share"),
        ("switchboard://import?v=1".into(), "bad_share"),
        ("switchboard://elsewhere?v=1&id=a".into(), "bad_share"),
        ("switchboard:%%%".into(), "bad_share"),
        (format!("not toml = = {secret}"), "bad_share"),
        (ok_link.replace("preset=azure", "preset=nope"), "bad_share"),
        (ok_link.replace("auth=keychain", "auth=magic"), "bad_share"),
        (ok_link.replace("auth=keychain", "auth=env"), "bad_share"),
        (format!("{ok_link}&id=azure&preset=azure&deployment=x&auth=none"), "bad_share"),
    ];
    for (text, code) in cases {
        let e = read(&text).expect_err(&text);
        assert_eq!(e.code(), code, "{text}: {e}");
        let said = format!("{e} {}", e.hint());
        assert!(!said.contains(secret) && !said.contains("1234567890"), "the refusal quotes the value: {said}");
    }
}

#[test]
fn credential_shapes() {
    for (name, value, cred) in [
        ("Authorization", "x", true),
        ("api-key", "x", true),
        ("X-Api-Key", "x", true),
        ("X-Auth-Token", "x", true),
        ("X-Client", "codex", false),
        ("X-Title", "My team's gateway", false),
        ("X-Org", "Bearer abc", true),
        ("X-Org", "a1b2c3d4e5f6a7b8c9d0e1f2a3", true),
        ("HTTP-Referer", "https://example.com/some/long/path/2024", false),
        ("OpenAI-Organization", "org-team", false),
    ] {
        assert_eq!(is_credential_header(name, value), cred, "{name}: {value}");
    }
}

#[test]
fn command_line_is_shown_in_full_and_quoted() {
    assert_eq!(corp().auth.command_line().unwrap(), "az account 'get access token'");
    assert_eq!(azure().auth.command_line(), None);
}

/// The README's example file and link read, and describe the same providers.
#[test]
fn the_readme_examples_read_and_agree() {
    let readme = include_str!("../../../README.md");
    let at = readme.find("A file, `team.switchboard.toml`:").expect("the README shows a share file");
    let file = readme[at..].split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
    let at = readme.find("The same two providers as a link").expect("the README shows a link");
    let link = readme[at..].split("```\n").nth(1).unwrap().trim();
    let (a, b) = (read(file).unwrap(), read(link).unwrap());
    assert_eq!(a.share, b.share);
    assert_eq!(a.share.to_link(), link, "the README's link is what `share` prints");
    assert!(a.warnings.is_empty() && b.warnings.is_empty());
}
