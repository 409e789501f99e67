//! Shared parts of the end-to-end tests: the real `switchboard` binary, a
//! throwaway Codex home, and a small Responses-API server on 127.0.0.1.

pub mod axe;
pub mod bridge;
pub mod cc_switch;
pub mod chat;
pub mod drip;
pub mod failing;
pub mod first_event;
pub mod hostile;
pub mod litellm;
pub mod providers;
pub mod responses;
pub mod router;
pub mod scripted;
pub mod tmux;
pub mod tray;
pub mod webdriver;
pub mod x11;

pub use hostile::{Echo, Endless};
pub use responses::{Behavior, ResponsesServer};
pub use tray::{TrayGuard, tray_click_label, tray_menu};

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

/// The `switchboard` binary under test: `$SWITCHBOARD_BIN`, else the debug build.
pub fn bin() -> PathBuf {
    let p = std::env::var_os("SWITCHBOARD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/debug/switchboard"));
    assert!(p.is_file(), "{} is missing: run `cargo build -p switchboard-cli` first", p.display());
    p
}

/// The pinned Codex CLI: `$CODEX_BIN`, else tests/node_modules/.bin/codex.
pub fn codex_bin() -> PathBuf {
    let p = std::env::var_os("CODEX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("tests/node_modules/.bin/codex"));
    assert!(p.exists(), "{} is missing: run `npm ci --prefix tests` (scripts/test does)", p.display());
    p
}

/// What Codex has built in comes from the pinned Codex (`SWITCHBOARD_CODEX`), kept
/// in a cache folder of this test binary's own: never from whatever a `codex` on
/// PATH or the machine's own cache happens to hold, so a test does not depend on
/// which tests ran before it.
pub fn codex_env(cmd: &mut Command) {
    static CACHE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(|| tempfile::tempdir().unwrap());
    cmd.env("XDG_CACHE_HOME", cache.path());
    let codex = std::env::var_os("CODEX_BIN").map(PathBuf::from).unwrap_or_else(|| repo_root().join("tests/node_modules/.bin/codex"));
    if codex.exists() {
        cmd.env("SWITCHBOARD_CODEX", codex);
    }
}

/// A unique provider id, so parallel tests never share a keychain entry.
pub fn unique_id(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst))
}

/// A throwaway Codex home, with a router port and runtime folder of its own (tests
/// run side by side: each Switchboard router started for this home is its own, and
/// is stopped when the home goes).
pub struct Home {
    pub dir: tempfile::TempDir,
    /// The port Switchboard's router (and bridge) gets for this home.
    pub port: u16,
    /// Its runtime folder (the router's token), outside the Codex home.
    run: tempfile::TempDir,
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

impl Home {
    pub fn new() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let run = tempfile::tempdir().unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(run.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        Home { dir: tempfile::tempdir().unwrap(), port, run }
    }

    /// This home's runtime folder (its router's token), made private.
    pub fn runtime(&self) -> PathBuf {
        self.run.path().to_owned()
    }

    /// The runtime folder itself, for a test that starts the app or the tray for this home.
    pub fn run(&self) -> &tempfile::TempDir {
        &self.run
    }

    /// Sets this home's router port and runtime folder on `cmd` (a `switchboard` or a `codex`).
    pub fn router_env(&self, cmd: &mut Command) {
        cmd.env("SWITCHBOARD_BRIDGE_PORT", self.port.to_string()).env("XDG_RUNTIME_DIR", self.runtime());
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn config(&self) -> PathBuf {
        self.path().join("config.toml")
    }

    pub fn write_config(&self, text: &[u8]) {
        std::fs::write(self.config(), text).unwrap();
    }

    pub fn read_config(&self) -> Vec<u8> {
        std::fs::read(self.config()).unwrap()
    }

    pub fn config_text(&self) -> String {
        String::from_utf8(self.read_config()).unwrap()
    }

    /// The provider Codex uses now: through the router (`model_provider = "switchboard"`
    /// and the router's current provider), or directly.
    pub fn using(&self) -> Option<String> {
        let doc: toml::Table = self.config_text().parse().ok()?;
        match doc.get("model_provider")?.as_str()? {
            "switchboard" => {
                let state: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(self.path().join("switchboard-router.json")).ok()?).ok()?;
                state["current"]["provider"].as_str().map(str::to_owned)
            }
            id => Some(id.to_owned()),
        }
    }

    /// What a process started for this home (the app, the tray) needs to find its
    /// router: the home, the runtime folder and the port.
    pub fn app_env(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![("CODEX_HOME", self.path().into()), ("XDG_RUNTIME_DIR", self.runtime().into()), ("SWITCHBOARD_BRIDGE_PORT", self.port.to_string().into())]
    }

    /// Runs `switchboard --codex-home <home> args...` with `stdin`, knowing the
    /// pinned Codex (see [`codex_env`]).
    pub fn sb(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self.path()).args(args);
        codex_env(&mut cmd);
        self.router_env(&mut cmd);
        run(cmd, stdin)
    }

    /// Every byte under the home (config, profiles, backups) as one string, for leak checks.
    pub fn all_bytes(&self) -> String {
        fn walk(p: &Path, out: &mut Vec<u8>) {
            for e in std::fs::read_dir(p).unwrap() {
                let e = e.unwrap();
                let ft = e.file_type().unwrap();
                if ft.is_dir() {
                    walk(&e.path(), out);
                } else if ft.is_file() {
                    out.extend(std::fs::read(e.path()).unwrap());
                }
            }
        }
        let mut out = Vec::new();
        walk(self.path(), &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        bridge::kill_bridges(self.port);
    }
}

/// A finished process.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, Some(0), "expected success\nstdout: {}\nstderr: {}", self.stdout, self.stderr);
        self
    }

    #[track_caller]
    pub fn fails(&self, code: i32, needle: &str) -> &Self {
        assert_eq!(self.code, Some(code), "expected exit {code}\nstdout: {}\nstderr: {}", self.stdout, self.stderr);
        assert!(
            self.stderr.to_lowercase().contains(&needle.to_lowercase()),
            "stderr lacks {needle:?}: {}",
            self.stderr
        );
        self
    }

    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn run(mut cmd: Command, stdin: Option<&str>) -> Run {
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap().into()
}

/// Whether the Secret Service holds an item of Switchboard's for `account` (asked over
/// D-Bus, as any other program could, so names the CLI would refuse can be checked too).
pub fn keychain_has(account: &str) -> bool {
    let attrs = format!("{{'service': 'switchboard', 'username': '{}'}}", account.replace('\'', "\\'"));
    let out = Command::new("gdbus")
        .args(["call", "--session", "--dest", "org.freedesktop.secrets", "--object-path", "/org/freedesktop/secrets"])
        .args(["--method", "org.freedesktop.Secret.Service.SearchItems", &attrs])
        .output()
        .expect("gdbus");
    assert!(out.status.success(), "SearchItems: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).contains("/org/freedesktop/secrets/collection/")
}

/// Waits for `child` to end: its exit code, or `None` (and killed) after `limit` or by a signal.
pub fn wait_exit(child: &mut Child, limit: Duration) -> Option<i32> {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs `cmd`, killing it after `limit`. Its output goes to files, not pipes, so a
/// process it leaves running (holding a copy of them) cannot make this wait.
pub fn run_with_timeout(mut cmd: Command, limit: Duration) -> Run {
    let (out, err) = (tempfile::tempfile().unwrap(), tempfile::tempfile().unwrap());
    cmd.stdin(Stdio::null()).stdout(out.try_clone().unwrap()).stderr(err.try_clone().unwrap());
    let mut child = cmd.spawn().expect("spawn");
    let start = Instant::now();
    let read = |mut f: std::fs::File| {
        use std::io::{Read, Seek};
        let mut s = String::new();
        f.rewind().unwrap();
        let _ = f.read_to_string(&mut s);
        s
    };
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Run { code: status.code(), stdout: read(out), stderr: read(err) };
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("timed out after {limit:?}\nstdout: {}\nstderr: {}", read(out), read(err));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One request the server saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names lower-cased.
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Seen {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap()
    }

    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(&name.to_lowercase()).map(String::as_str)
    }

    /// Sent by Codex (not by Switchboard asking the provider which way Codex reaches it).
    pub fn from_codex(&self) -> bool {
        self.header("user-agent").is_some_and(|u| u.starts_with("codex"))
    }
}

pub(crate) fn respond(conn: &mut TcpStream, status: u16, ctype: &str, body: &str) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
    write!(conn, "HTTP/1.1 {status} {reason}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
    conn.flush()
}

pub(crate) const MODELS: &str = r#"{"object":"list","data":[{"id":"m1","object":"model"},{"id":"m2","object":"model"}]}"#;
pub(crate) const HTML: &str = "<!doctype html><html><head><title>Welcome</title></head><body>Sign in</body></html>";

/// Reads one HTTP/1.1 request from `reader`; `None` at the end of the connection.
pub fn read_request(reader: &mut impl BufRead) -> std::io::Result<Option<Seen>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("").to_owned();
    let mut headers = BTreeMap::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h)?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_owned());
        }
    }
    let mut body = Vec::new();
    if let Some(len) = headers.get("content-length").and_then(|l| l.parse::<usize>().ok()) {
        body.resize(len, 0);
        reader.read_exact(&mut body)?;
    } else if headers.get("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size)?;
            let n = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16).unwrap_or(0);
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk)?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    }
    Ok(Some(Seen { method, target, headers, body: String::from_utf8_lossy(&body).into_owned() }))
}

/// The realistic config from shared/fixtures, copied into the repo for tests.
pub const EVERYDAY: &str = include_str!("../../core/tests/data/config-everyday.toml");

/// A realistic config of about `lines` lines: the everyday file plus many
/// trusted projects and MCP servers, as a long-used config grows.
pub fn big_config(lines: usize) -> String {
    let mut s = String::from(EVERYDAY);
    let mut i = 0;
    while s.lines().count() < lines {
        s.push_str(&format!(
            "\n# project {i}\n[projects.\"/home/dev/src/project-{i}\"]\ntrust_level = \"trusted\"\n\n[mcp_servers.tool{i}]\ncommand = \"npx\"\nargs = [\"-y\", \"@acme/tool-{i}\"]\n"
        ));
        i += 1;
    }
    s
}

/// The pinned Codex CLI for `home`, run in `work` (also its HOME), with no OpenAI key in
/// its environment and quiet logs; its arguments are the caller's.
pub fn codex_command(home: &Path, work: &Path) -> Command {
    let mut cmd = Command::new(codex_bin());
    cmd.current_dir(work).env("CODEX_HOME", home).env("HOME", work).env_remove("OPENAI_API_KEY").env_remove("CODEX_API_KEY").env("RUST_LOG", "error");
    cmd
}

/// `codex exec --strict-config "Reply OK"` with the pinned Codex CLI in `home`, with `envs` set.
pub fn codex_exec(home: &Home, extra: &[&str], envs: &[(&str, &str)]) -> Run {
    let work = tempfile::tempdir().unwrap();
    let mut cmd = codex_command(home.path(), work.path());
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "--strict-config"]).args(extra).arg("Reply OK");
    home.router_env(&mut cmd);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    run_with_timeout(cmd, Duration::from_secs(90))
}

/// A saved Codex session for `provider`, shaped like a rollout file's head (the real
/// Codex runs in tests/switching.rs): `sessions/2026/11/2<n>/rollout-...-<id>.jsonl`.
pub fn rollout(home: &Path, n: u32, id: &str, provider: &str, title: &str) {
    let dir = home.join(format!("sessions/2026/11/2{n}"));
    std::fs::create_dir_all(&dir).unwrap();
    let meta = serde_json::json!({"type": "session_meta", "payload": {"id": id, "timestamp": format!("2026-11-2{n}T09:30:00.000Z"), "cwd": format!("/home/dev/src/project-{n}"), "model_provider": provider, "base_instructions": "x".repeat(5000)}});
    let user = serde_json::json!({"type": "response_item", "payload": {"type": "message", "role": "user", "content": [{"type": "input_text", "text": title}]}});
    std::fs::write(dir.join(format!("rollout-2026-11-2{n}T09-30-00-{id}.jsonl")), format!("{meta}\n{user}\n")).unwrap();
}
