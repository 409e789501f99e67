//! The LiteLLM proxy (PyPI, pinned; installed by scripts/test): a gateway nobody here
//! wrote, started on a free port with the model list it is given.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::repo_root;

/// The proxy's master key: LiteLLM refuses to start without one.
pub const MASTER_KEY: &str = "sk-litellm-master-7777";

pub struct Gateway {
    child: Child,
    pub port: u16,
    _dir: tempfile::TempDir,
}

impl Gateway {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// The installed LiteLLM's version.
pub fn version() -> String {
    let python = bin().with_file_name("python");
    let out = Command::new(python).args(["-c", "import importlib.metadata as m; print(m.version('litellm'))"]).output().expect("run the venv's python");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn bin() -> std::path::PathBuf {
    let p = std::env::var_os("LITELLM_BIN").map(Into::into).unwrap_or_else(|| repo_root().join("tests/.venv/bin/litellm"));
    assert!(std::path::Path::new(&p).exists(), "{} is missing: scripts/test installs the LiteLLM proxy", std::path::Path::new(&p).display());
    p
}

/// Starts LiteLLM with `model_list` (YAML, indented as under `model_list:`).
pub fn start(model_list: &str) -> Gateway {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yaml");
    std::fs::write(
        &cfg,
        format!("model_list:\n{model_list}general_settings:\n  master_key: {MASTER_KEY}\nlitellm_settings:\n  telemetry: false\n"),
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(bin())
        .args(["--config", cfg.to_str().unwrap(), "--host", "127.0.0.1", "--port", &port.to_string()])
        .env("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start litellm");
    let gw = Gateway { child, port, _dir: dir };
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(90) {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return gw;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("LiteLLM did not start within 90 s");
}
