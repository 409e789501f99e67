//! Switchboard finds Codex where npm put it, with the PATH a desktop app gets from
//! the dock: no nvm folder and no `node` on it. A HOME laid out as `npm install -g
//! @openai/codex` lays out an nvm Node (the real Codex 0.171 package, its native
//! binary nested in it) is enough for Switchboard to read Codex's built-in list from
//! the native binary, and for the real Codex to know the routed model: its window,
//! and apply_patch as a freeform tool. With nothing in HOME, Codex still runs.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use switchboard_e2e::*;

const WARNING: &str = "Model metadata for";
/// In Codex 0.171's built-in list, with apply_patch freeform. (Its newer entries,
/// `gpt-5.6-*` and `gpt-6*`, have `tool_mode = "code_mode_only"`: Codex then sends
/// its tools inside the input, not as the request's `tools`.)
const MODEL: &str = "gpt-5.5";

/// The installers' variables that would point the search elsewhere.
const INSTALLER_VARS: &[&str] =
    &["SWITCHBOARD_CODEX", "NVM_DIR", "VOLTA_HOME", "FNM_DIR", "XDG_DATA_HOME", "NPM_CONFIG_PREFIX", "npm_config_prefix", "PNPM_HOME", "BUN_INSTALL", "CODEX_HOME"];

/// A HOME of its own, a cache of its own (no list of Codex's cached anywhere), and
/// an empty folder as the whole PATH.
struct Desk {
    home: Home,
    user_home: tempfile::TempDir,
    cache: tempfile::TempDir,
    path: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        Desk { home: Home::new(), user_home: tempfile::tempdir().unwrap(), cache: tempfile::tempdir().unwrap(), path: tempfile::tempdir().unwrap() }
    }

    fn sb(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self.home.path()).args(args);
        for v in INSTALLER_VARS {
            cmd.env_remove(v);
        }
        cmd.env("HOME", self.user_home.path()).env("PATH", self.path.path()).env("XDG_CACHE_HOME", self.cache.path());
        self.home.router_env(&mut cmd);
        run(cmd, None)
    }

    /// The real Codex, started from a terminal of this user's (node on its PATH).
    fn codex(&self) -> Run {
        let home = self.user_home.path().to_str().unwrap();
        let cache = self.cache.path().to_str().unwrap();
        codex_exec(&self.home, &[], &[("HOME", home), ("XDG_CACHE_HOME", cache), ("PATH", "/usr/bin:/bin")])
    }

    fn cached(&self) -> Option<Value> {
        let text = std::fs::read_to_string(self.cache.path().join("switchboard/codex-models.json")).ok()?;
        Some(serde_json::from_str(&text).unwrap())
    }

    /// `npm install -g @openai/codex` under nvm's Node 22.11.0: the package in
    /// `lib/node_modules` with its platform package nested in it (the big native
    /// binary linked, not copied), and `bin/codex` a link to its `codex.js`.
    fn install_with_nvm(&self) -> PathBuf {
        let real = repo_root().join("tests/node_modules/@openai");
        let platform = std::fs::read_dir(&real)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .find(|n| n.starts_with("codex-"))
            .expect("the platform package of the pinned Codex (npm ci --prefix tests)");
        let node = self.user_home.path().join(".nvm/versions/node");
        // An older Node without Codex, which must not stop the search.
        std::fs::create_dir_all(node.join("v18.20.4/bin")).unwrap();
        let prefix = node.join("v22.11.0");
        let pkg = prefix.join("lib/node_modules/@openai/codex");
        std::fs::create_dir_all(pkg.join("bin")).unwrap();
        std::fs::create_dir_all(pkg.join("node_modules/@openai")).unwrap();
        std::fs::copy(real.join("codex/package.json"), pkg.join("package.json")).unwrap();
        std::fs::copy(real.join("codex/bin/codex.js"), pkg.join("bin/codex.js")).unwrap();
        symlink(real.join(&platform), pkg.join("node_modules/@openai").join(&platform)).unwrap();
        std::fs::create_dir_all(prefix.join("bin")).unwrap();
        symlink("../lib/node_modules/@openai/codex/bin/codex.js", prefix.join("bin/codex")).unwrap();
        std::fs::canonicalize(real.join(&platform)).unwrap()
    }

    fn add_and_use(&self, server: &ResponsesServer) -> String {
        let id = unique_id("disc");
        self.sb(&["add", "custom", "--id", &id, "--base-url", &server.base_url(), "--model", MODEL, "--no-key"]).ok();
        self.sb(&["use", &id]).ok();
        assert_eq!(self.home.using().as_deref(), Some(id.as_str()));
        id
    }

    fn model_info(&self, id: &str) -> Value {
        let v: Value = serde_json::from_str(&self.sb(&["list", "--json"]).stdout).unwrap();
        v["providers"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["model_info"].clone()
    }
}

/// The tools of Codex's last request to `server`, `type:name`.
fn tools_sent(server: &ResponsesServer) -> Vec<String> {
    let post = server.responses_posts().into_iter().rfind(Seen::from_codex).expect("Codex sent a request");
    let v: Value = serde_json::from_str(&post.body).unwrap();
    v["tools"].as_array().into_iter().flatten().map(|t| format!("{}:{}", t["type"].as_str().unwrap_or(""), t["name"].as_str().unwrap_or(""))).collect()
}

/// Whether a `codex` sits in a system folder Switchboard also looks in (then the
/// empty HOME is not empty of Codex on this machine).
fn codex_in_system_folders() -> bool {
    ["/usr/local/bin/codex", "/usr/bin/codex", "/opt/homebrew/bin/codex", "/home/linuxbrew/.linuxbrew/bin/codex"].iter().any(|p| Path::new(p).exists())
}

#[test]
fn with_a_bare_path_switchboard_finds_codex_under_nvm_and_codex_knows_the_model() {
    let d = Desk::new();
    let platform = d.install_with_nvm();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    let id = d.add_and_use(&server);

    // Switchboard ran the native binary the package ships (node is nowhere on its PATH),
    // and kept Codex's list, naming that binary.
    let cache = d.cached().expect("Switchboard read Codex's built-in list and cached it");
    let exe = cache["exe"].as_str().unwrap();
    assert_eq!(Path::new(exe), platform.join("vendor/x86_64-unknown-linux-musl/bin/codex"), "{exe}");
    assert_eq!(cache["version"], "0.171.0");
    assert!(cache["models"].as_array().unwrap().iter().any(|m| m["slug"] == MODEL), "{MODEL} in the cached list");
    let info = d.model_info(&id);
    eprintln!("with Codex's list, Switchboard says of {MODEL}: {info}");
    assert_eq!(info["context_window"], 272_000, "Codex's own window for {MODEL}: {info}");

    let before = server.responses_posts().len();
    let out = d.codex();
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!out.all().contains(WARNING), "{}", out.all());
    assert!(server.responses_posts().len() > before, "Codex's request reached the provider");
    let names = tools_sent(&server);
    assert!(names.contains(&"custom:apply_patch".to_owned()), "apply_patch as Codex's freeform tool: {names:?}");
    let post = server.responses_posts().into_iter().rfind(Seen::from_codex).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&post.body).unwrap()["model"], MODEL);
}

#[test]
fn with_no_codex_in_home_codex_still_runs_through_the_router() {
    let d = Desk::new();
    let server = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    let id = d.add_and_use(&server);
    if codex_in_system_folders() {
        eprintln!("a codex in this machine's system folders: not checking that none was found");
    } else {
        assert!(d.cached().is_none(), "no Codex anywhere, so no list of its: {:?}", d.cached());
    }
    let info = d.model_info(&id);
    eprintln!("without Codex's list, Switchboard says of {MODEL}: {info}");

    let out = d.codex();
    assert_eq!(out.code, Some(0), "{}", out.all());
    let names = tools_sent(&server);
    eprintln!(
        "without Codex's list: metadata warning {}, tools {names:?}, cache after the run names {:?}",
        out.all().contains(WARNING),
        d.cached().map(|c| c["exe"].clone())
    );
    let post = server.responses_posts().into_iter().rfind(Seen::from_codex).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&post.body).unwrap()["model"], MODEL);
}
