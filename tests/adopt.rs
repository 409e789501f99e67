//! Bringing an existing setup in, end to end: keys in plain text found by
//! `doctor` and moved by `secure` (config.toml byte-identical outside the
//! table, our backups scrubbed, nothing else touched), env-only keys, and the
//! CC Switch import from fixture databases built from CC Switch's schema. The
//! real Secret Service, the real `switchboard` and the real Codex CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

use switchboard_e2e::*;

use switchboard_e2e::cc_switch::{Shape, fixture};

const HEAD: &str = "# my settings\r\nmodel = \"m-1\"\r\napproval_policy = \"on-request\"\r\n\r\n";
const TAIL: &str = "\r\n[tui]\r\nnotifications = true # keep\r\n";

fn table(id: &str, url: &str, body: &str) -> String {
    format!("[model_providers.{id}]\r\nname = \"Mine\"\r\nbase_url = \"{url}\"\r\nwire_api = \"responses\"\r\n{body}")
}

/// Every file under `dir` (recursively) that contains `needle`.
fn files_with(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if e.file_type().unwrap().is_dir() {
            out.extend(files_with(&p, needle));
        } else if String::from_utf8_lossy(&std::fs::read(&p).unwrap()).contains(needle) {
            out.push(p);
        }
    }
    out
}

fn backups(home: &Home) -> Vec<String> {
    let dir = home.path().join("switchboard-backups");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with("config-")).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn secure_moves_a_plain_text_token_scrubs_our_backups_and_codex_still_works() {
    let key = "sk-plain-7c1f0e9d2b";
    let home = Home::new();
    let server = ResponsesServer::start_with_key("/v1", Some(key));
    let id = unique_id("plain");
    let mine = table(&id, &server.base_url(), &format!("experimental_bearer_token = \"{key}\"\r\nrequires_openai_auth = true\r\n"));
    let other = table("other-gw", "https://gw.example/v1", "env_key = \"OTHER_GW_KEY\"\r\n");
    home.write_config(format!("{HEAD}model_provider = \"{id}\"\r\n\r\n{mine}\r\n{other}{TAIL}").as_bytes());
    // Two of our backups that hold the key, and a file of someone else's in the same folder.
    home.sb(&["use", &id, "--model", "m-2"], None).ok();
    home.sb(&["use", &id, "--model", "m-1"], None).ok();
    assert_eq!(backups(&home).len(), 2);
    let notes = home.path().join("switchboard-backups/notes.txt");
    std::fs::write(&notes, format!("my note: {key}\n")).unwrap();
    let before = home.config_text();

    // Codex works with the token in the file (so the check after secure means something).
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!server.responses_posts().is_empty());

    let doctor = home.sb(&["doctor", "--json", "--timeout", "5"], None);
    assert!(!doctor.all().contains(key), "doctor printed the key");
    assert!(!doctor.all().contains(&key[3..12]), "doctor printed part of the key");
    let report: serde_json::Value = serde_json::from_str(&doctor.stdout).unwrap();
    let plain = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "plain_text_keys").unwrap();
    assert_eq!(plain["status"], "warn", "{plain}");
    let msg = plain["message"].as_str().unwrap();
    assert!(msg.contains(&format!("{id}: experimental_bearer_token in config.toml")), "{msg}");
    let env = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "env_only_keys").unwrap();
    assert!(env["message"].as_str().unwrap().contains("other-gw: env_key (OTHER_GW_KEY)"), "{env}");

    let run = home.sb(&["secure", &id], None);
    run.ok();
    assert!(!run.all().contains(key), "secure printed the key");
    assert!(run.stdout.contains("switchboard-backups/"), "{}", run.stdout);
    assert!(run.stdout.contains("Scrubbed it from 3 backups in Switchboard's own switchboard-backups/ folder"), "{}", run.stdout);

    // Byte-identical outside the table; the table uses the keychain now.
    let after = home.config_text();
    let start = before.find(&format!("[model_providers.{id}]")).unwrap();
    let end = before.find("[model_providers.other-gw]").unwrap();
    assert_eq!(&after[..start], &before[..start]);
    assert!(after.ends_with(&before[end..]), "after:\n{after}");
    let new_table = &after[start..after.len() - (before.len() - end)];
    assert!(new_table.contains(&format!("args = [\"token\", \"{id}\"]")), "{new_table}");
    assert!(!new_table.contains("experimental_bearer_token") && !new_table.contains("requires_openai_auth"), "{new_table}");

    // The key is in no file we own; the other file is untouched.
    assert_eq!(files_with(home.path(), key), vec![notes.clone()]);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), format!("my note: {key}\n"));
    assert_eq!(backups(&home).len(), 3, "scrubbed in place, none deleted");

    // The real Codex, --strict-config, through the keychain.
    let n = server.responses_posts().len();
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}\nconfig:\n{after}", out.all());
    assert!(!out.all().contains(key));
    let posts = server.responses_posts();
    assert!(posts.len() > n && posts[n..].iter().all(|p| p.header("authorization") == Some(format!("Bearer {key}").as_str())), "{posts:?}");

    let doctor = home.sb(&["doctor", "--json", "--timeout", "5"], None);
    let report: serde_json::Value = serde_json::from_str(&doctor.stdout).unwrap();
    let plain = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "plain_text_keys").unwrap();
    assert_eq!(plain["status"], "ok", "{plain}");

    // Only the keychain held it: without it Codex fails.
    home.sb(&["key", "delete", &id], None).ok();
    assert_ne!(codex_exec(&home, &[], &[]).code, Some(0));
}

#[test]
fn secure_moves_a_header_and_an_env_key_and_refuses_an_unset_variable() {
    let (hkey, ekey) = ("sk-header-55aa01", "sk-env-99bb02");
    let home = Home::new();
    let server = ResponsesServer::start_with_key("/v1", Some(ekey));
    let (hid, eid) = (unique_id("hdr"), unique_id("env"));
    let var = format!("SB_TEST_{}", eid.replace('-', "_").to_uppercase());
    let h = table(&hid, "https://h.example/v1", &format!("http_headers = {{ Authorization = \"Bearer {hkey}\", X-Title = \"t\" }}\r\n"));
    let e = table(&eid, &server.base_url(), &format!("env_key = \"{var}\"\r\n"));
    let text = format!("{HEAD}model_provider = \"{eid}\"\r\n\r\n{h}\r\n{e}{TAIL}");
    home.write_config(text.as_bytes());

    // Unset variable: refused, nothing written (no backup, no key, no record).
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(["secure", &eid]).env_remove(&var);
    let r = run(cmd, None);
    r.fails(1, &format!("${var}"));
    assert!(r.stderr.contains("not set"), "{}", r.stderr);
    assert_eq!(home.config_text(), text);
    assert!(backups(&home).is_empty());
    home.sb(&["token", &eid], None).fails(1, "no key");

    // With the variable set in the CLI's environment, both move in one commit.
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(["secure", &hid, &eid, "--json"]).env(&var, ekey);
    let r = run(cmd, None);
    r.ok();
    assert!(!r.all().contains(hkey) && !r.all().contains(ekey));
    let done: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(done["moved"].as_array().unwrap().len(), 2, "{done}");
    assert_eq!(backups(&home).len(), 1, "one commit");
    let after = home.config_text();
    assert!(after.starts_with(HEAD) && after.ends_with(TAIL));
    assert!(after.contains("X-Title = \"t\""), "the other header stays: {after}");
    assert!(!after.contains("env_key") && !after.contains("Authorization"), "{after}");
    assert!(files_with(home.path(), hkey).is_empty() && files_with(home.path(), ekey).is_empty());
    assert_eq!(home.sb(&["token", &hid], None).stdout.trim(), hkey);

    // Codex, without the variable, reaches the server with the key from the keychain.
    let out = codex_exec(&home, &[], &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(server.responses_posts().iter().any(|p| p.header("authorization") == Some(format!("Bearer {ekey}").as_str())));
    for id in [&hid, &eid] {
        home.sb(&["key", "delete", id], None).ok();
    }
}

#[test]
fn secure_writes_nothing_when_the_keychain_cannot_be_reached() {
    let key = "sk-nokeychain-1234";
    let home = Home::new();
    let id = unique_id("nokc");
    let text = format!("{HEAD}{}{TAIL}", table(&id, "https://x.example/v1", &format!("experimental_bearer_token = \"{key}\"\r\n")));
    home.write_config(text.as_bytes());
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(["secure", "--all"]).env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let r = run(cmd, None);
    assert_eq!(r.code, Some(1), "{}", r.all());
    assert!(!r.all().contains(key));
    assert_eq!(home.config_text(), text, "config unchanged");
    assert!(backups(&home).is_empty(), "no backup");
    let left: Vec<_> = std::fs::read_dir(home.path().join("switchboard-backups"))
        .map(|rd| rd.flatten().map(|e| e.file_name()).filter(|n| n.to_string_lossy().starts_with(".pending-")).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "no intent record left: {left:?}");
    // Unmovable and conflicting keys are refused the same way.
    let y = unique_id("xk");
    home.write_config(table(&y, "https://y.example/v1", "http_headers = { x-api-key = \"sk-y\" }\r\n").as_bytes());
    home.sb(&["secure", &y], None).fails(1, "Authorization: Bearer");
    home.sb(&["secure"], None).fails(1, "--all");
}

#[test]
fn cc_switch_import_from_every_supported_schema() {
    for shape in [Shape::V1Fresh, Shape::V10Upgraded, Shape::V17Fresh, Shape::V17UpgradedFromV1] {
        let key = format!("sk-ccs-{}-3f9a", shape.version());
        let home = Home::new();
        let server = ResponsesServer::start_with_key("/v1", Some(&key));
        let db_dir = tempfile::tempdir().unwrap();
        let db = db_dir.path().join("cc-switch.db");
        // An existing provider that one CC Switch entry duplicates (same URL and model).
        home.write_config(format!("{HEAD}{}{TAIL}", table("dup-here", "https://dup.example/v1", "")).as_bytes());
        std::fs::write(home.path().join("dup-here.config.toml"), "model_provider = \"dup-here\"\nmodel = \"dup-model\"\n").unwrap();
        fixture(&db, shape, &server.base_url(), &key);
        let db_before = std::fs::read(&db).unwrap();
        let listing_before: Vec<_> = std::fs::read_dir(db_dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        let config_before = home.read_config();

        let dry = home.sb(&["import-cc-switch", "--db", db.to_str().unwrap(), "--dry-run", "--json"], None);
        dry.ok();
        assert!(!dry.all().contains(&key), "{shape:?}: dry run printed the key");
        assert_eq!(home.read_config(), config_before, "{shape:?}: dry run wrote");
        let preview: serde_json::Value = serde_json::from_str(&dry.stdout).unwrap();
        assert_eq!(preview["version"], shape.version());
        let status: Vec<(String, String)> = preview["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["name"].as_str().unwrap().to_owned(), c["status"].as_str().unwrap().to_owned()))
            .collect();
        let want = [
            ("OpenAI Official", "official"),
            ("My Gateway", "ready"),
            ("OpenRouter", "ready"),
            ("Token Only", "ready"),
            ("Chat Upstream", "not_responses"),
            ("Dup Gateway", "duplicate"),
            ("Grok OAuth", "official"),
        ];
        assert_eq!(status, want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>(), "{shape:?}");
        let text = home.sb(&["import-cc-switch", "--db", db.to_str().unwrap(), "--dry-run"], None);
        assert!(text.stdout.contains("import as `my-gateway`") && text.stdout.contains("already here as `dup-here`"), "{}", text.stdout);

        let run = home.sb(&["import-cc-switch", "--db", db.to_str().unwrap()], None);
        run.ok();
        assert!(!run.all().contains(&key) && !run.all().contains("sk-or-"), "{shape:?}: import printed a key");
        assert!(run.stdout.contains("Imported 3 providers"), "{}", run.stdout);
        let config = home.config_text();
        assert!(config.starts_with(HEAD) && config.contains(TAIL), "{config}");
        assert!(!config.contains("requires_openai_auth") && !config.contains("[model_providers.custom]"), "{config}");
        for id in ["my-gateway", "openrouter", "token-only"] {
            assert!(config.contains(&format!("args = [\"token\", \"{id}\"]")), "{id}: {config}");
        }
        assert!(config.contains("base_url = \"https://openrouter.ai/api/v1\""), "{config}");
        // CC Switch's files: the same bytes, no journal or other file created.
        assert_eq!(std::fs::read(&db).unwrap(), db_before, "{shape:?}: the database changed");
        let listing_after: Vec<_> = std::fs::read_dir(db_dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(listing_after, listing_before);
        // No key in any file under the Codex home.
        for k in [key.as_str(), "sk-or-v1-fixture", "sk-token-only"] {
            assert!(files_with(home.path(), k).is_empty(), "{shape:?}: {k} reached a file");
        }
        assert_eq!(home.sb(&["token", "token-only"], None).stdout.trim(), "sk-token-only");

        // The real Codex against the imported provider, through the keychain.
        home.sb(&["use", "my-gateway"], None).ok();
        let out = codex_exec(&home, &[], &[]);
        assert_eq!(out.code, Some(0), "{shape:?}: {}\n{}", out.all(), home.config_text());
        assert!(server.responses_posts().iter().all(|p| p.header("authorization") == Some(format!("Bearer {key}").as_str())));
        assert!(server.responses_posts().iter().any(|p| p.body.contains("gw-model")), "the model came from CC Switch");

        // Again: everything is a duplicate now, and nothing is written.
        let again_before = home.read_config();
        home.sb(&["import-cc-switch", "--db", db.to_str().unwrap()], None).ok();
        assert_eq!(home.read_config(), again_before);
        for id in ["my-gateway", "openrouter", "token-only"] {
            home.sb(&["remove", id, "--force"], None).ok();
        }
    }
}

#[test]
fn cc_switch_import_refuses_unknown_versions_and_missing_files() {
    let home = Home::new();
    home.write_config(HEAD.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    for (shape, needle) in [(Shape::Legacy, "schema version 0"), (Shape::Future, "schema version 18")] {
        let db = dir.path().join(format!("{}.db", shape.version()));
        fixture(&db, shape, "https://x.example/v1", "sk-never-1");
        let before = std::fs::read(&db).unwrap();
        let r = home.sb(&["import-cc-switch", "--db", db.to_str().unwrap()], None);
        r.fails(1, needle);
        assert!(r.stderr.contains("3.8 to 3.20"), "{}", r.stderr);
        assert!(!r.all().contains("sk-never-1"));
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }
    let not_db = dir.path().join("notes.db");
    std::fs::write(&not_db, "not sqlite at all, sk-never-2").unwrap();
    let r = home.sb(&["import-cc-switch", "--db", not_db.to_str().unwrap()], None);
    r.fails(1, "could not be read as a CC Switch database");
    assert!(!r.all().contains("sk-never-2"));
    home.sb(&["import-cc-switch", "--db", dir.path().join("absent.db").to_str().unwrap()], None).fails(1, "no CC Switch database");
    // A keychain that cannot be reached: nothing is imported, nothing written.
    let good = dir.path().join("good.db");
    fixture(&good, Shape::V17Fresh, "https://x.example/v1", "sk-never-3");
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(["import-cc-switch", "--db", good.to_str().unwrap()]);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let r = run(cmd, None);
    assert_eq!(r.code, Some(1), "{}", r.all());
    assert!(!r.all().contains("sk-never-3"));
    assert!(home.path().read_dir().unwrap().flatten().all(|e| !e.file_name().to_string_lossy().ends_with(".config.toml")), "no profile written");
    // The default path is ~/.cc-switch/cc-switch.db.
    let fake_home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(["import-cc-switch", "--dry-run"]).env("HOME", fake_home.path());
    run(cmd, None).fails(1, &fake_home.path().join(".cc-switch/cc-switch.db").display().to_string());
    assert_eq!(home.read_config(), HEAD.as_bytes());
    assert!(backups(&home).is_empty());
}

#[test]
fn secure_killed_at_random_points_is_finished_or_undone_by_the_next_run() {
    use std::time::{Duration, Instant};
    let key = "sk-kill-secure-0f1e2d";
    let make = |id: &str| format!("{HEAD}{}{TAIL}", table(id, "https://k.example/v1", &format!("experimental_bearer_token = \"{key}\"\r\n")));
    // How long an uninterrupted secure takes.
    let h = Home::new();
    let id = unique_id("ksec");
    h.write_config(make(&id).as_bytes());
    h.sb(&["use", &id], None).ok();
    let t = Instant::now();
    h.sb(&["secure", &id], None).ok();
    // Twice the measured time: on a loaded machine a run takes longer than it did here.
    let window = 2 * t.elapsed().as_micros() as u64 + 5_000;
    h.sb(&["key", "delete", &id], None).ok();
    let (mut before, mut after) = (0, 0);
    let mut seed = std::process::id() as u64 | 1;
    // At least 30 runs, and on until kills have landed both before and after the commit.
    for run in 0..90 {
        if run >= 30 && before > 0 && after > 0 {
            break;
        }
        let h = Home::new();
        let id = unique_id("ksec");
        let text = make(&id);
        h.write_config(text.as_bytes());
        h.sb(&["use", &id], None).ok(); // a backup that holds the key
        let written = h.read_config();
        let mut child = Command::new(bin())
            .arg("--codex-home")
            .arg(h.path())
            .args(["secure", &id])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % window));
        let _ = Command::new("kill").args(["-9", &child.id().to_string()]).status();
        let _ = child.wait();
        // The next run finishes or undoes it.
        h.sb(&["list"], None).ok();
        let now = h.config_text();
        let has_key = h.sb(&["token", &id], None).code == Some(0);
        if now.as_bytes() == written.as_slice() {
            before += 1;
            assert!(!has_key, "run {run}: the key stored before the commit was not undone");
        } else {
            after += 1;
            assert!(now.contains(&format!("args = [\"token\", \"{id}\"]")) && !now.contains(key), "run {run}: half-applied:\n{now}");
            assert!(has_key, "run {run}: committed without its key");
            assert!(files_with(h.path(), key).is_empty(), "run {run}: a backup still holds the key after recovery");
        }
        let records: Vec<_> = std::fs::read_dir(h.path().join("switchboard-backups"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".pending-"))
            .collect();
        assert!(records.is_empty(), "run {run}: an intent record is left");
        let _ = h.sb(&["key", "delete", &id], None);
    }
    eprintln!("secure under kill -9: {before} before, {after} after");
    assert!(before > 0 && after > 0, "kills landed both before and after the commit: {before}/{after}");
}

#[test]
fn secure_all_covers_profile_files_and_names_each_file() {
    let key = "sk-profile-31c2d3";
    let home = Home::new();
    let id = unique_id("prof");
    home.write_config(format!("{HEAD}{TAIL}").as_bytes());
    let profile = home.path().join("work.config.toml");
    let ptext = format!("# work profile\nmodel = \"w\"\n\n{}\n# end\n", table(&id, "https://w.example/v1", &format!("experimental_bearer_token = \"{key}\"\r\n")).replace("\r\n", "\n"));
    std::fs::write(&profile, &ptext).unwrap();
    let doctor = home.sb(&["doctor", "--json", "--timeout", "3"], None);
    assert!(doctor.stdout.contains(&format!("{id}: experimental_bearer_token in work.config.toml")), "{}", doctor.stdout);
    assert!(!doctor.all().contains(key));
    let run = home.sb(&["secure", "--all"], None);
    run.ok();
    assert!(run.stdout.contains("work.config.toml") && !run.all().contains(key), "{}", run.all());
    let after = std::fs::read_to_string(&profile).unwrap();
    assert!(after.starts_with("# work profile\nmodel = \"w\"\n\n") && after.ends_with("# end\n"), "{after}");
    assert!(after.contains(&format!("args = [\"token\", \"{id}\"]")), "{after}");
    assert_eq!(home.config_text(), format!("{HEAD}{TAIL}"), "config.toml untouched");
    assert!(files_with(home.path(), key).is_empty());
    assert_eq!(home.sb(&["token", &id], None).stdout.trim(), key);
    home.sb(&["key", "delete", &id], None).ok();
}
