//! Switching costs nothing: the model comes back, sessions made under another
//! provider resume with that provider (the real Codex CLI against local
//! servers), and an organisation's managed layer is named when it wins.

use std::process::Command;
use std::time::Duration;

use switchboard_e2e::*;

/// `codex <args>` in `home` with a throwaway HOME and working folder.
fn codex(home: &Home, args: &[String]) -> Run {
    let work = tempfile::tempdir().unwrap();
    codex_in(home, work.path(), args)
}

/// `codex <args>` in `home`, run in the folder `work` (also its HOME).
fn codex_in(home: &Home, work: &std::path::Path, args: &[String]) -> Run {
    let mut cmd = codex_command(home.path(), work);
    cmd.args(args);
    run_with_timeout(cmd, Duration::from_secs(90))
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

fn add_keyed(home: &Home, id: &str, url: &str, model: &str, key: &str) {
    home.sb(&["add", "custom", "--id", id, "--name", id, "--base-url", url, "--model", model, "--key-stdin"], Some(&format!("{key}\n"))).ok();
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
}

#[test]
fn a_session_made_under_a_resumes_with_a_after_b_becomes_active() {
    let home = Home::new();
    let (ka, kb) = ("alpha-key-5e1f0c", "beta-key-7d2a9b");
    let a = ResponsesServer::start_with_key("/v1", Some(ka));
    let b = ResponsesServer::start_with_key("/v1", Some(kb));
    let (alpha, beta) = (unique_id("alpha"), unique_id("beta"));
    add_keyed(&home, &alpha, &a.base_url(), "alpha-model", ka);
    add_keyed(&home, &beta, &b.base_url(), "beta-model", kb);
    // Each its own provider, as before the router (or for those set to be reached directly):
    // sessions are filed by provider, and each resumes with its own.
    home.sb(&["route", &alpha, "direct"], None).ok();
    home.sb(&["route", &beta, "direct"], None).ok();
    home.sb(&["use", &alpha], None).ok();

    // A session recorded on disk under alpha (no --ephemeral), in a project folder.
    let project = tempfile::tempdir().unwrap();
    let asked = a.responses_posts().len();
    let first = codex_in(&home, project.path(), &strings(&["exec", "--skip-git-repo-check", "--strict-config", "Summarise the build\nlog please"]));
    assert_eq!(first.code, Some(0), "{}", first.all());
    assert_eq!(a.responses_posts().len(), asked + 1);

    let switched = home.sb(&["use", &beta], None);
    switched.ok();
    assert!(switched.stdout.contains(&format!("Your `{alpha}` sessions stay on disk")), "{}", switched.stdout);
    assert!(switched.stdout.contains(&format!("switchboard sessions --provider {alpha}")), "{}", switched.stdout);

    let listing = json(home.sb(&["list", "--json"], None).ok());
    assert_eq!(listing["sessions"][&alpha], 1, "{listing}");
    assert!(listing["sessions"].get(&beta).is_none(), "{listing}");

    let sessions = json(home.sb(&["sessions", "--provider", &alpha, "--json"], None).ok());
    let list = sessions.as_array().unwrap();
    assert_eq!(list.len(), 1, "{sessions}");
    let s = &list[0];
    assert_eq!(s["provider"], alpha.as_str());
    assert_eq!(s["title"], "Summarise the build log please");
    assert!(s["started"].as_str().unwrap().contains('T'), "RFC 3339: {s}");
    assert!(!s["cwd"].as_str().unwrap().is_empty());
    let resume: Vec<String> = s["resume"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    assert_eq!(resume[0], "codex");
    let id = s["id"].as_str().unwrap();
    assert_eq!(resume.last().map(String::as_str), Some(id));

    // Plain `codex exec resume` under beta is refused by Codex (why the command selects alpha).
    let plain = codex(&home, &strings(&["exec", "--skip-git-repo-check", "resume", id, "Reply OK"]));
    assert_ne!(plain.code, Some(0), "Codex resumed across providers: {}", plain.all());

    // The printed command, run as `codex … exec resume …`, reaches alpha's server with alpha's key.
    let at = resume.iter().position(|a| a == "resume").unwrap();
    let mut argv: Vec<String> = resume[1..at].to_vec();
    argv.extend(strings(&["exec", "--skip-git-repo-check", "--strict-config", "resume", id, "Reply OK"]));
    let (a_before, b_before) = (a.responses_posts().len(), b.responses_posts().len());
    let resumed = codex(&home, &argv);
    assert_eq!(resumed.code, Some(0), "argv {argv:?}\n{}", resumed.all());
    assert!(resumed.stdout.contains("OK"), "{}", resumed.stdout);
    let posts = a.responses_posts();
    assert_eq!(posts.len(), a_before + 1, "alpha's server was not reached");
    assert_eq!(posts.last().unwrap().header("authorization"), Some(format!("Bearer {ka}").as_str()));
    assert_eq!(b.responses_posts().len(), b_before, "beta's server was reached");
    // The folder the session ran in, where its resume command belongs.
    assert_eq!(std::path::Path::new(s["cwd"].as_str().unwrap()).canonicalize().unwrap(), project.path().canonicalize().unwrap());

    // Still beta for everything else, and no key anywhere on disk or in the output.
    assert!(home.config_text().contains(&format!("model_provider = \"{beta}\"")));
    assert!(!home.all_bytes().contains(ka) && !home.all_bytes().contains(kb));
    assert!(!resumed.all().contains(ka));
    for id in [&alpha, &beta] {
        home.sb(&["remove", id, "--force"], None).ok();
    }
}

#[test]
fn openai_gets_its_model_back_and_the_file_its_bytes() {
    let home = Home::new();
    let original = "# mine\nmodel = \"gpt-5.1-codex\"   # the one I like\napproval_policy = \"on-request\"\n\n[projects.\"/src\"]\ntrust_level = \"trusted\"\n";
    home.write_config(original.as_bytes());
    let alpha = unique_id("alpha");
    add_keyed(&home, &alpha, "http://127.0.0.1:9/v1", "alpha-model", "k-1");
    let added = home.read_config();
    let out = home.sb(&["use", &alpha], None);
    out.ok();
    assert!(out.stdout.contains("alpha-model"), "{}", out.stdout);
    let back = home.sb(&["use", "openai"], None);
    back.ok();
    assert!(back.stdout.contains("model gpt-5.1-codex"), "{}", back.stdout);
    assert_eq!(String::from_utf8(home.read_config()).unwrap(), String::from_utf8(added).unwrap(), "use X then use openai gives the same bytes back");
    // `codex -p openai` reads the remembered model too.
    let profile = std::fs::read_to_string(home.path().join("openai.config.toml")).unwrap();
    assert!(profile.contains("model = \"gpt-5.1-codex\""), "{profile}");
    let listing = json(home.sb(&["list", "--json"], None).ok());
    let openai = listing["providers"].as_array().unwrap().iter().find(|p| p["id"] == "openai").unwrap().clone();
    assert_eq!(openai["model"], "gpt-5.1-codex");

    // --model wins and becomes the one remembered.
    home.sb(&["use", "openai", "--model", "o-next"], None).ok();
    home.sb(&["use", &alpha], None).ok();
    assert!(home.config_text().contains("model = \"switchboard/current\""));
    assert!(std::fs::read_to_string(home.path().join("switchboard-router.json")).unwrap().contains("\"alpha-model\""));
    let again = home.sb(&["use", "openai"], None);
    assert!(again.ok().stdout.contains("model o-next"), "{}", again.stdout);
    home.sb(&["remove", &alpha, "--force"], None).ok();
}

#[test]
fn keychain_and_hand_written_providers_get_their_models_back() {
    let home = Home::new();
    home.write_config(b"model_provider = \"corp\"\nmodel = \"corp-large\"\n\n[model_providers.corp]\nname = \"Corp gateway\"\nbase_url = \"https://llm.corp.example/v1\"\nenv_key = \"CORP_KEY\"\n");
    let alpha = unique_id("alpha");
    add_keyed(&home, &alpha, "http://127.0.0.1:9/v1", "alpha-model", "k-2");

    // Keychain provider: --model wins and is remembered across a trip away.
    home.sb(&["use", &alpha, "--model", "alpha-pro"], None).ok();
    home.sb(&["use", "corp"], None).ok();
    assert!(home.config_text().contains("model = \"corp-large\""), "hand-written provider lost its model:\n{}", home.config_text());
    let back = home.sb(&["use", &alpha], None);
    assert!(back.ok().stdout.contains("model alpha-pro"), "{}", back.stdout);

    // Hand-written provider: its model came back above, and again after openai.
    home.sb(&["use", "openai"], None).ok();
    assert!(!home.config_text().contains("model ="), "openai had no model of its own:\n{}", home.config_text());
    let corp = home.sb(&["use", "corp"], None);
    assert!(corp.ok().stdout.contains("model corp-large"), "{}", corp.stdout);
    home.sb(&["use", "corp", "--model", "corp-xl"], None).ok();
    home.sb(&["use", &alpha], None).ok();
    assert!(home.sb(&["use", "corp"], None).ok().stdout.contains("model corp-xl"));
    let listing = json(home.sb(&["list", "--json"], None).ok());
    let p = listing["providers"].as_array().unwrap().iter().find(|p| p["id"] == "corp").unwrap().clone();
    assert_eq!(p["source"], "config", "remembering a model does not make it Switchboard's: {p}");
    let a = listing["providers"].as_array().unwrap().iter().find(|p| p["id"] == alpha.as_str()).unwrap().clone();
    assert_eq!(a["source"], "switchboard", "{a}");
    home.sb(&["remove", &alpha, "--force"], None).ok();
}

#[test]
fn a_managed_layer_that_sets_the_provider_is_named_by_use_list_and_doctor() {
    let home = Home::new();
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("etc/codex")).unwrap();
    std::fs::write(root.path().join("etc/codex/managed_config.toml"), "model_provider = \"corp\"\n").unwrap();
    home.write_config(b"[model_providers.corp]\nname = \"Corp\"\nbase_url = \"http://127.0.0.1:9/v1\"\n\n[model_providers.mine]\nname = \"Mine\"\nbase_url = \"http://127.0.0.1:9/v1\"\n");
    let sb = |args: &[&str]| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home.path()).args(args).env("SWITCHBOARD_SYSTEM_ROOT", root.path());
        run(cmd, None)
    };
    let used = sb(&["use", "mine"]);
    used.ok();
    assert!(used.stderr.contains("organisation") && used.stderr.contains("managed_config.toml") && used.stderr.contains("wins"), "{}", used.stderr);
    assert!(home.config_text().contains("model_provider = \"mine\""), "use still writes");
    let listing = json(sb(&["list", "--json"]).ok());
    assert_eq!(listing["managed"][0]["layer"], "managed", "{listing}");
    assert_eq!(listing["managed"][0]["value"], "corp");
    let doctor = sb(&["doctor", "--json", "--timeout", "2"]);
    let report = json(&doctor);
    let check = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "managed_layers").unwrap().clone();
    assert_eq!(check["status"], "warn", "{check}");
    // Without the layer nothing is said.
    std::fs::remove_file(root.path().join("etc/codex/managed_config.toml")).unwrap();
    let quiet = sb(&["use", "corp"]);
    assert!(quiet.ok().stderr.is_empty(), "{}", quiet.stderr);
}

#[test]
fn sessions_without_any_say_so() {
    let home = Home::new();
    let out = home.sb(&["sessions"], None);
    assert!(out.ok().stdout.contains("No saved Codex sessions"), "{}", out.stdout);
    assert_eq!(json(home.sb(&["sessions", "--json"], None).ok()), serde_json::json!([]));
}
