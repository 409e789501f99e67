//! `switchboard share` and `import`, end to end: the real binary, the real
//! Secret Service, and for keychain auth the real Codex CLI reaching a local
//! server with the key given on import.

use switchboard_e2e::*;

/// `[model_providers.<id>]` parsed by an independent TOML parser.
fn table(home: &Home, id: &str) -> toml::Value {
    let doc: toml::Table = home.config_text().parse().unwrap();
    doc["model_providers"][id].clone()
}

fn model(home: &Home, id: &str) -> String {
    let doc: toml::Table = std::fs::read_to_string(home.path().join(format!("{id}.config.toml"))).unwrap().parse().unwrap();
    doc["model"].as_str().unwrap().to_owned()
}

trait Piped {
    fn sb_piped(&self, args: &[&str], stdin: &str) -> Run;
}

impl Piped for Home {
    /// `sb` with `stdin` written through a file, so a process that exits before reading it is fine.
    fn sb_piped(&self, args: &[&str], stdin: &str) -> Run {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), stdin).unwrap();
        let mut cmd = std::process::Command::new(bin());
        cmd.arg("--codex-home").arg(self.path()).args(args);
        cmd.stdin(std::fs::File::open(f.path()).unwrap()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        cmd.output().unwrap().into()
    }
}

fn backups(home: &Home) -> usize {
    std::fs::read_dir(home.path().join("switchboard-backups")).map_or(0, |d| {
        d.flatten().filter(|e| e.file_name().to_string_lossy().starts_with("config-")).count()
    })
}

/// No key stored for `id`: `token` fails.
#[track_caller]
fn no_key(home: &Home, id: &str) {
    let r = home.sb(&["token", id], None);
    assert_eq!(r.code, Some(1), "a key is stored for {id}: {}", r.stdout);
}

struct Case {
    preset: &'static str,
    args: Vec<String>,
    key: Option<&'static str>,
    import_flags: &'static [&'static str],
}

fn case(preset: &'static str, args: &[&str], key: Option<&'static str>, import_flags: &'static [&'static str]) -> Case {
    Case { preset, args: args.iter().map(|s| s.to_string()).collect(), key, import_flags }
}

#[test]
fn share_then_import_gives_the_same_table_and_model_for_each_preset_and_auth_mode() {
    let cases = [
        case("azure", &["--resource", "contoso", "--deployment", "gpt5-prod", "--api-version", "2025-04-01-preview"], Some("az-KEY-1"), &[]),
        case("azure", &["--base-url", "https://contoso.services.ai.azure.com/openai/v1", "--deployment", "d", "--env-key", "AZURE_KEY"], None, &[]),
        case("vercel", &["--model", "anthropic/claude-sonnet-4.5", "--env-key", "AI_GATEWAY_API_KEY"], None, &[]),
        case("vercel", &["--header", "X-Title=Team"], Some("vk-KEY-2"), &[]),
        case("openrouter", &["--model", "openai/gpt-5.3-codex", "--header", "HTTP-Referer=https://team.example"], Some("sk-or-KEY-3"), &[]),
        case("openrouter", &["--token-command", "/usr/bin/vault", "--token-arg", "read", "--token-arg", "-field=key", "--refresh-interval-ms", "0"], None, &["--allow-command"]),
        case("ollama", &["--model", "qwen3-coder:30b"], None, &[]),
        case("ollama", &["--base-url", "http://127.0.0.1:11434/v1", "--no-key"], None, &[]),
        case("custom", &["--base-url", "https://llm.corp.example/v1", "--model", "corp-large", "--query", "tenant=blue", "--env-header", "X-Team=CODEX_TEAM", "--key-stdin"], Some("corp-KEY-4"), &[]),
        case("custom", &["--base-url", "https://llm.corp.example/v1", "--model", "m", "--token-command", "az", "--token-arg", "account", "--token-arg", "get-access-token"], None, &["--allow-command"]),
        case("custom", &["--base-url", "http://10.0.0.5:8080/v1", "--model", "m", "--no-key"], None, &[]),
    ];
    for c in cases {
        let (a, b) = (Home::new(), Home::new());
        let id = unique_id(c.preset);
        let mut args = vec!["add", c.preset, "--id", &id];
        args.extend(c.args.iter().map(String::as_str));
        if c.key.is_some() && !args.contains(&"--key-stdin") {
            args.push("--key-stdin");
        }
        a.sb(&args, c.key).ok();
        let file = a.path().join("team.switchboard.toml");
        let shared = a.sb(&["share", &id, "--file", file.to_str().unwrap()], None);
        shared.ok();
        let link = shared.stdout.trim().to_owned();
        assert!(link.starts_with("switchboard://import?v=1&id="), "{link}");
        if let Some(k) = c.key {
            assert!(!shared.all().contains(k) && !std::fs::read_to_string(&file).unwrap().contains(k), "the key reached the share");
        }
        // The link into one home, the file into another: both give the same table and model.
        for (source, into) in [(link.clone(), &b), (file.to_str().unwrap().to_owned(), &Home::new())] {
            let mut args = vec!["import", source.as_str()];
            args.extend(c.import_flags);
            if c.key.is_some() {
                args.push("--key-stdin");
            }
            let r = into.sb(&args, c.key);
            r.ok();
            assert_eq!(table(into, &id), table(&a, &id), "{} {:?}\n{}", c.preset, c.args, into.config_text());
            assert_eq!(model(into, &id), model(&a, &id));
            if let Some(k) = c.key {
                assert_eq!(into.sb(&["token", &id], None).ok().stdout.trim(), k);
                assert!(!into.all_bytes().contains(k) && !r.all().contains(k), "the key reached a file or the output");
                into.sb(&["key", "delete", &id], None).ok();
            }
        }
        if c.key.is_some() {
            a.sb(&["key", "delete", &id], None).ok();
        }
    }
}

#[test]
fn an_imported_key_reaches_the_real_codex() {
    const KEY: &str = "sk-imported-e2e-KEY";
    let (a, b) = (Home::new(), Home::new());
    let server = ResponsesServer::start_with_key("/v1", Some(KEY));
    let id = unique_id("team");
    a.sb(&["add", "custom", "--id", &id, "--base-url", &server.base_url(), "--model", "m1", "--header", "X-Client=codex", "--key-stdin"], Some("sender-own-key")).ok();
    let link = a.sb(&["share", &id], None).ok().stdout.trim().to_owned();
    assert!(!link.contains("sender-own-key"));
    b.sb(&["import", &link, "--key-stdin"], Some(KEY)).ok();
    b.sb(&["use", &id], None).ok();
    let out = codex_exec(&b, &[], &[]);
    assert_eq!(out.code, Some(0), "codex failed\n{}\n{}", out.all(), b.config_text());
    // Codex's own requests (the sender's add asked the provider with the sender's key first).
    let posts: Vec<Seen> = server.responses_posts().into_iter().filter(Seen::from_codex).collect();
    assert!(!posts.is_empty());
    assert!(posts.iter().all(|p| p.header("authorization") == Some(&format!("Bearer {KEY}")) && p.header("x-client") == Some("codex")));
    assert!(!b.all_bytes().contains(KEY) && !out.all().contains(KEY));
    for h in [&a, &b] {
        h.sb(&["key", "delete", &id], None).ok();
    }
}

#[test]
fn a_team_file_holds_several_providers_and_a_second_import_changes_nothing() {
    let (a, b) = (Home::new(), Home::new());
    let ids = [unique_id("or"), unique_id("ol"), unique_id("gw")];
    a.sb(&["add", "openrouter", "--id", &ids[0], "--key-stdin", "--header", "Authorization=Bearer sk-sender-SECRET-99"], Some("sk-or-sender-KEY")).ok();
    a.sb(&["add", "ollama", "--id", &ids[1]], None).ok();
    a.sb(&["add", "custom", "--id", &ids[2], "--base-url", "https://gw.example/v1", "--model", "m", "--env-key", "GW_KEY"], None).ok();
    let file = a.path().join("all.switchboard.toml");
    let r = a.sb(&["share", "--all", "--file", file.to_str().unwrap(), "--json"], None);
    r.ok();
    // The credential header is left out, and `share` says which.
    assert!(r.stderr.contains("`Authorization`"), "{}", r.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    for secret in ["sk-sender-SECRET-99", "sk-or-sender-KEY"] {
        assert!(!r.all().contains(secret) && !text.contains(secret), "{secret} reached the share");
    }
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    // --file never overwrites a file that is not a share; it does replace an older share.
    let config = a.read_config();
    a.sb(&["share", "--all", "--file", a.config().to_str().unwrap()], None).fails(1, "not a share file");
    assert_eq!(a.read_config(), config);
    a.sb(&["share", "--all", "--file", file.to_str().unwrap()], None).ok();
    assert_eq!(json["providers"].as_array().unwrap().len(), 3);
    // Three providers, one transaction: config.toml is committed once (one backup, of
    // the user's own file), and what the user wrote stays first, byte for byte.
    b.write_config(b"# mine\r\nmodel = \"gpt-5\"\r\n");
    b.sb(&["import", file.to_str().unwrap()], None).ok();
    assert_eq!(backups(&b), 1, "one commit for the whole import");
    assert!(b.read_config().starts_with(b"# mine\r\nmodel = \"gpt-5\"\r\n"));
    for id in &ids {
        assert!(table(&b, id).get("http_headers").is_none_or(|h| h.get("Authorization").is_none()));
    }
    let before = (b.read_config(), backups(&b));
    let again = b.sb(&["import", file.to_str().unwrap()], None);
    again.ok();
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
    assert_eq!((b.read_config(), backups(&b)), before, "a second import of the same providers changed something");
    a.sb(&["key", "delete", &ids[0]], None).ok();
}

#[test]
fn every_refusal_writes_nothing_and_never_echoes_the_value() {
    const SECRET: &str = "sk-live-REFUSED-abcdef123456";
    let a = Home::new();
    let taken = unique_id("taken");
    let fresh = unique_id("fresh");
    a.sb(&["add", "custom", "--id", &taken, "--base-url", "https://one.example/v1", "--model", "m", "--no-key"], None).ok();
    let good = |id: &str, extra: &str| format!("switchboard://import?v=1&id={id}&preset=custom&name=T&base_url=https%3A%2F%2Ftwo.example%2Fv1&model=m&auth=keychain{extra}");
    let file_with = |line: &str| format!("version = 1\n[[provider]]\nid = \"{fresh}\"\npreset = \"custom\"\nbase_url = \"https://two.example/v1\"\nmodel = \"m\"\nauth = \"keychain\"\n{line}\n");
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let suggested = format!("--id {taken}-2");
    let cases: Vec<(&str, String, &[&str], &str)> = vec![
        ("key in link", good(&fresh, &format!("&key={SECRET}")), &[], "carries a secret (`key`)"),
        ("api_key in link", good(&fresh, &format!("&api_key={SECRET}")), &[], "carries a secret"),
        ("token in link", good(&fresh, &format!("&token={SECRET}")), &[], "carries a secret"),
        ("key in file", path("k.switchboard.toml", file_with(&format!("key = \"{SECRET}\""))), &[], "carries a secret (`key`)"),
        ("credential header in file", path("h.switchboard.toml", file_with(&format!("headers = {{ Authorization = \"Bearer {SECRET}\" }}"))), &[], "headers.Authorization"),
        ("credential header in link", good(&fresh, &format!("&header.x-api-key={SECRET}")), &[], "headers.x-api-key"),
        (
            "command without the flag",
            format!("switchboard://import?v=1&id={fresh}&preset=custom&base_url=https%3A%2F%2Ftwo.example%2Fv1&model=m&auth=command&command=%2Ftmp%2Fevil&arg=--steal"),
            &[],
            "/tmp/evil --steal",
        ),
        ("duplicate id", good(&taken, ""), &[], &suggested),
        ("malformed link", "switchboard://import?v=1&id=".into(), &[], "cannot be read"),
        ("not a link at all", "switchboard:/%%%".into(), &[], "cannot be read"),
        ("garbage file", path("g.switchboard.toml", format!("this is = = not toml {SECRET}")), &[], "line 1"),
        ("unknown version", good(&fresh, "").replace("v=1", "v=2"), &[], "version 2"),
        ("unknown version in file", path("v.switchboard.toml", file_with("").replace("version = 1", "version = 3")), &[], "version 3"),
        ("a value add refuses", good(&fresh, "").replace("two.example", "two%20example"), &[], "not a usable base URL"),
        ("reserved id", good("openai", ""), &[], "reserved"),
    ];
    for (what, source, flags, needle) in cases {
        let before = (a.read_config(), backups(&a));
        let mut args = vec!["import", source.as_str()];
        if !source.contains("auth=command") {
            args.push("--key-stdin");
        }
        args.extend(flags);
        let r = a.sb_piped(&args, "sk-would-be-stored-KEY");
        assert_eq!(r.code, Some(1), "{what}: expected a refusal\n{}", r.all());
        assert!(r.stderr.contains(needle), "{what}: stderr lacks {needle:?}\n{}", r.stderr);
        assert!(!r.all().contains(SECRET) && !r.all().contains("abcdef123456"), "{what}: the refusal echoed the value\n{}", r.all());
        assert_eq!((a.read_config(), backups(&a)), before, "{what}: config.toml or the backups changed");
        no_key(&a, &fresh);
        no_key(&a, &taken);
        assert!(!a.path().join(format!("{fresh}.config.toml")).exists(), "{what}: a profile was written");
    }
    // --id takes the suggested free id, and the command is allowed only with the flag.
    a.sb(&["import", &good(&taken, ""), "--id", &format!("{taken}-2"), "--key-stdin"], Some("sk-second-KEY")).ok();
    assert_eq!(a.sb(&["token", &format!("{taken}-2")], None).ok().stdout.trim(), "sk-second-KEY");
    a.sb(&["key", "delete", &format!("{taken}-2")], None).ok();
}

#[test]
fn unknown_fields_are_ignored_with_a_warning() {
    let a = Home::new();
    let id = unique_id("newer");
    let link = format!("switchboard://import?v=1&id={id}&preset=ollama&model=m&auth=none&colour=blue&header.X-Client=codex");
    let r = a.sb(&["import", &link], None);
    r.ok();
    assert!(r.stderr.contains("Ignored `colour`"), "{}", r.stderr);
    assert_eq!(table(&a, &id)["http_headers"]["X-Client"].as_str(), Some("codex"));
}
