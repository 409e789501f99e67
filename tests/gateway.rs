//! The probe against a real OpenAI-compatible gateway nobody here wrote: the
//! LiteLLM proxy (PyPI, pinned; installed by scripts/test) in front of a
//! Responses-API stand-in. Switchboard's verdict must match a real `codex exec`.

use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::litellm::{self, MASTER_KEY};
use switchboard_e2e::*;

/// Starts LiteLLM with one model, `gw-model`, routed to `upstream`'s Responses API.
fn start_gateway(upstream: &ResponsesServer) -> litellm::Gateway {
    litellm::start(&format!(
        "  - model_name: gw-model\n    litellm_params:\n      model: openai/upstream-model\n      api_base: {}\n      api_key: {}\n",
        upstream.base_url(),
        upstream.key.clone().unwrap()
    ))
}

fn codex_verdict(home: &Home, id: &str, model: &str) -> bool {
    let work = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(codex_bin());
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "-c"])
        .arg(format!("model_provider=\"{id}\""))
        .arg("-c")
        .arg(format!("model=\"{model}\""))
        .arg("Reply OK")
        .current_dir(work.path())
        .env("CODEX_HOME", home.path())
        .env("HOME", work.path())
        .env_remove("OPENAI_API_KEY");
    run_with_timeout(cmd, Duration::from_secs(120)).code == Some(0)
}

#[test]
fn verdicts_match_codex_through_a_real_litellm_gateway() {
    let upstream = ResponsesServer::start_full("127.0.0.1", "/v1", Some("upstream-key"), Behavior::Good, Duration::ZERO);
    let gw = start_gateway(&upstream);
    let base = format!("http://127.0.0.1:{}/v1", gw.port);
    let home = Home::new();

    // (id, key, model, expected diagnosis)
    let cases = [
        (unique_id("litellm-good"), MASTER_KEY, "gw-model", "ok"),
        // LiteLLM without a database answers a key it does not know with 400 "No connected db",
        // not 401; the verdict quotes that reason, and Codex fails too.
        (unique_id("litellm-badkey"), "sk-wrong-key", "gw-model", "unexpected_response"),
        (unique_id("litellm-nomodel"), MASTER_KEY, "no-such-model", "model_not_found"),
    ];
    for (id, key, model, expected) in &cases {
        home.sb(&["add", "custom", "--id", id, "--base-url", &base, "--model", model, "--key-stdin"], Some(key)).ok();
        let run = home.sb(&["test", id, "--json", "--timeout", "30"], None);
        let v: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{}", run.all()));
        assert_eq!(v["diagnosis"], *expected, "{id}: {v}");
        assert!(!run.all().contains(key), "the key leaked");
        let codex_ok = codex_verdict(&home, id, model);
        assert_eq!(v["ok"].as_bool().unwrap(), codex_ok, "{id}: Switchboard said {} but codex exec {}", v["diagnosis"], if codex_ok { "succeeded" } else { "failed" });
        home.sb(&["key", "delete", id], None).ok();
    }
    // The good case went through the gateway to the upstream with the upstream's own key.
    assert!(upstream.responses_posts().iter().all(|p| p.header("authorization") == Some("Bearer upstream-key")));
    assert!(upstream.responses_posts().len() >= 2);
}
