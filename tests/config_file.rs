//! config.toml in the `switchboard` binary's hands, end to end: a refused command leaves
//! it byte-identical, a broken file is refused with its line and column, CRLF, a symlink,
//! 5,000 lines and a missing final newline come through an edit as they were, backups and
//! restore, and parallel writers lose nothing (the real Secret Service, as in cli.rs).

use std::fs;
use std::process::Command;

use serde_json::Value;
use switchboard_e2e::*;

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
}

/// Every refusal leaves config.toml byte-identical and says what to do.
#[test]
fn refusals_leave_the_file_byte_identical() {
    let home = Home::new();
    let crlf = EVERYDAY.replace('\n', "\r\n");
    home.write_config(crlf.as_bytes());
    let same = |what: &str| assert_eq!(home.read_config(), crlf.as_bytes(), "{what} changed the file");
    let k = Some("sk-never-stored\n");

    let cases: Vec<(Vec<&str>, Option<&str>, &str)> = vec![
        (vec!["add", "custom", "--id", "openai", "--base-url", "http://h/v1", "--model", "m"], None, "reserved"),
        (vec!["add", "custom", "--id", "ollama", "--base-url", "http://h/v1", "--model", "m"], None, "reserved"),
        (vec!["add", "custom", "--id", "amazon-bedrock-runtime", "--base-url", "http://h/v1", "--model", "m"], None, "reserved"),
        (vec!["add", "custom", "--id", "amazon-bedrock", "--base-url", "http://h/v1", "--model", "m"], None, "reserved"),
        (vec!["add", "custom", "--id", "lmstudio", "--base-url", "http://h/v1", "--model", "m"], None, "reserved"),
        (vec!["add", "custom", "--id", "gcp", "--base-url", "http://h/v1", "--model", "m"], None, "reserved"),
        (vec!["add", "openrouter", "--id", "gcp", "--key-stdin"], k, "reserved"),
        (vec!["add", "custom", "--id", "my gateway", "--base-url", "http://h/v1", "--model", "m"], None, "not a valid provider id"),
        (vec!["add", "custom", "--id", "gatewäy", "--base-url", "http://h/v1", "--model", "m"], None, "not a valid provider id"),
        (vec!["add", "custom", "--id", "company_gateway", "--base-url", "http://h/v1", "--model", "m"], None, "already exists"),
        (vec!["add", "custom", "--base-url", "ftp://h/v1", "--model", "m"], None, "http://"),
        (vec!["add", "custom", "--base-url", "openrouter.ai/api/v1", "--model", "m"], None, "http://"),
        (vec!["add", "openrouter", "--base-url", "javascript:alert(1)", "--key-stdin"], k, "http://"),
        (vec!["add", "openrouter"], None, "needs a key"),
        (vec!["add", "azure", "--key-stdin"], k, "--resource"),
        (vec!["add", "openrouter", "--key-stdin"], Some("\n"), "key is empty"),
        (vec!["add", "custom", "--base-url", "http://h/v1", "--model", "m", "--header", "Bad Name=v"], None, "not a valid header"),
        (vec!["add", "nope"], None, "no preset"),
        (vec!["remove", "company_gateway-missing"], None, "no provider"),
        (vec!["remove", "openai"], None, "built into codex"),
        (vec!["edit", "company_gateway", "--base-url", "not a url"], None, "http://"),
        (vec!["use", "missing"], None, "no provider"),
        (vec!["restore", "../config.toml"], None, "no backup"),
    ];
    for (args, stdin, needle) in cases {
        let out = home.sb(&args, stdin);
        out.fails(1, needle);
        assert!(out.stderr.contains("hint: "), "{args:?}: no hint: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 2, "{args:?}: one line plus a hint: {}", out.stderr);
        same(&format!("{args:?}"));
    }
    // The key of a refused add never reached the keychain.
    home.sb(&["token", "openrouter"], None).fails(1, "no key is stored");
    assert_eq!(home.sb(&["backups", "--json"], None).stdout.trim(), "[]", "a refusal takes no backup");
}

#[test]
fn broken_or_mistyped_configs_are_refused_with_line_and_column() {
    // (file, what the error names, whether a command that does not touch the bad part may still run)
    let cases: Vec<(&str, &str, bool)> = vec![
        ("model = \"a\"\n[tui\ntheme = \"dark\"\n", "line 2", false),
        ("model = \"a\"\nmodel = \"b\"\n", "line 2", false),
        ("model_providers = 5\n", "model_providers", false),
        ("model_providers = \"openrouter\"\n", "model_providers", false),
        ("model = 5\n", "`model`", false),
        ("model_provider = [\"x\"]\n", "`model_provider`", false),
        ("[[model_providers]]\nname = \"x\"\n", "model_providers", false),
        ("[model_providers.company]\nname = \"C\"\nbase_url = 42\n", "base_url", true),
        ("[model_providers.company]\nname = \"C\"\nhttp_headers = \"X-A: b\"\n", "http_headers", true),
    ];
    for (text, needle, local) in cases {
        let home = Home::new();
        home.write_config(text.as_bytes());
        for args in [vec!["list"], vec!["use", "company"], vec!["edit", "company", "--name", "D"], vec!["add", "ollama"]] {
            let out = home.sb(&args, None);
            if local && args[0] == "add" {
                out.ok();
                assert!(home.config_text().starts_with(text), "the broken table was kept as it was");
                continue;
            }
            assert_eq!(out.code, Some(1), "{text:?} {args:?}: {}", out.all());
            assert!(out.stderr.contains("hint:"), "{}", out.stderr);
            assert!(out.stderr.contains(needle), "{text:?} {args:?}: {}", out.stderr);
            assert_eq!(home.read_config(), text.as_bytes(), "{text:?} {args:?} wrote");
        }
    }
    // A provider with wire_api = "chat" cannot back Codex: refused, not silently rewritten.
    let home = Home::new();
    let chat = "[model_providers.old]\nname = \"Old\"\nbase_url = \"https://h/v1\"\nwire_api = \"chat\"\n";
    home.write_config(chat.as_bytes());
    home.sb(&["use", "old"], None).fails(1, "responses api");
    home.sb(&["edit", "old", "--name", "New"], None).fails(1, "responses api");
    assert_eq!(home.read_config(), chat.as_bytes());
}

#[test]
fn crlf_files_keep_crlf() {
    let home = Home::new();
    let crlf = EVERYDAY.replace('\n', "\r\n");
    home.write_config(crlf.as_bytes());
    let id = unique_id("crlf");
    home.sb(&["add", "custom", "--id", &id, "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--env-key", "CORP_KEY"], None).ok();
    home.sb(&["use", &id], None).ok();
    let text = home.config_text();
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "a bare LF crept in: {text:?}");
    home.sb(&["use", "openai", "--model", "gpt-5-codex"], None).ok();
    home.sb(&["remove", &id], None).ok();
    assert_eq!(home.config_text(), crlf, "add, use, use back and remove restore the exact bytes");
}

#[cfg(unix)]
#[test]
fn a_symlinked_config_stays_a_symlink_and_its_target_is_edited() {
    let home = Home::new();
    let dotfiles = tempfile::tempdir().unwrap();
    let real = dotfiles.path().join("codex/config.toml");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, EVERYDAY).unwrap();
    std::os::unix::fs::symlink(&real, home.config()).unwrap();
    let id = unique_id("link");
    home.sb(&["add", "ollama", "--id", &id], None).ok();
    home.sb(&["use", &id], None).ok();
    assert!(fs::symlink_metadata(home.config()).unwrap().file_type().is_symlink(), "the link was replaced by a file");
    let text = fs::read_to_string(&real).unwrap();
    assert!(text.contains("model_provider = \"switchboard\""), "{text}");
    let stray: Vec<_> = fs::read_dir(real.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(stray.len(), 1, "temporary files left in the dotfiles folder: {stray:?}");
}

#[test]
fn a_five_thousand_line_config_is_edited_without_loss() {
    let home = Home::new();
    let big = big_config(5000);
    assert!(big.lines().count() >= 5000);
    home.write_config(big.as_bytes());
    let id = unique_id("big");
    home.sb(&["add", "ollama", "--id", &id], None).ok();
    home.sb(&["use", &id], None).ok();
    home.sb(&["use", "openai", "--model", "gpt-5-codex"], None).ok();
    home.sb(&["remove", &id], None).ok();
    assert_eq!(home.config_text(), big);
}

#[test]
fn backups_are_listed_and_restore_is_itself_backed_up() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    home.sb(&["backups"], None).ok();
    let id = unique_id("bk");
    home.sb(&["add", "ollama", "--id", &id], None).ok();
    home.sb(&["use", &id], None).ok();
    let list = json(&home.sb(&["backups", "--json"], None));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let oldest = list[1]["name"].as_str().unwrap().to_owned();
    let before_restore = home.read_config();
    home.sb(&["restore", &oldest], None).ok();
    assert_eq!(home.config_text(), EVERYDAY);
    let list = json(&home.sb(&["backups", "--json"], None));
    let newest = list[0]["name"].as_str().unwrap();
    assert_eq!(fs::read(home.path().join("switchboard-backups").join(newest)).unwrap(), before_restore);
    for _ in 0..25 {
        home.sb(&["use", "ollama", "--model", &unique_id("m")], None).ok();
    }
    assert_eq!(json(&home.sb(&["backups", "--json"], None)).as_array().unwrap().len(), 20, "the last 20 are kept");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = home.path().join("switchboard-backups").join(newest);
        if p.exists() {
            assert_eq!(fs::metadata(p).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}

#[test]
fn parallel_writers_lose_nothing() {
    let home = Home::new();
    home.write_config(EVERYDAY.as_bytes());
    let ids: Vec<String> = (0..8).map(|_| unique_id("par")).collect();
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            Command::new(bin())
                .args(["--codex-home", home.path().to_str().unwrap(), "add", "ollama", "--id", id])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let text = home.config_text();
    for id in &ids {
        assert!(text.contains(&format!("[model_providers.{id}]")), "{id} was lost");
    }
    assert!(text.starts_with(EVERYDAY.split("[shell_environment_policy]").next().unwrap().trim_end()));
}

#[test]
fn add_then_remove_keeps_a_file_without_a_final_newline() {
    let home = Home::new();
    let original = EVERYDAY.trim_end();
    home.write_config(original.as_bytes());
    home.sb(&["add", "ollama", "--id", "ol"], None).ok();
    home.sb(&["remove", "ol"], None).ok();
    assert_eq!(home.config_text(), original);
}
