//! Shared parts of the end-to-end tests: the real `switchboard` binary, a
//! throwaway Codex home, and a small Responses-API server on 127.0.0.1.

pub mod bridge;
pub mod cc_switch;
pub mod chat;
pub mod hostile;
pub mod litellm;
pub mod tray;
pub mod webdriver;
pub mod x11;

pub use hostile::{Echo, Endless};
pub use tray::{TrayGuard, tray_click_label, tray_menu};

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
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

/// A throwaway Codex home.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

impl Home {
    pub fn new() -> Self {
        Home { dir: tempfile::tempdir().unwrap() }
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

    /// Runs `switchboard --codex-home <home> args...` with `stdin`, knowing the
    /// pinned Codex (see [`codex_env`]).
    pub fn sb(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(self.path()).args(args);
        codex_env(&mut cmd);
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
}

/// How a stand-in server behaves: each acts out one thing a provider can do.
#[derive(Debug, Clone)]
pub enum Behavior {
    /// `/models` lists m1 and m2; `/responses` streams "OK".
    Good,
    /// 401 on everything.
    Unauthorized,
    /// `/models` and `/chat/completions` answer; `/responses` is 404.
    ChatOnly,
    /// A web page on every path.
    Html,
    /// `/models` lists m1 and m2; `/responses` says the model does not exist (404).
    UnknownModel,
    /// Any status with a JSON error body on `/responses`; `/models` lists m1, m2.
    Status(u16, &'static str),
    /// Reads the request and never answers.
    Hang,
    /// `/responses` redirects (307) to this URL.
    Redirect(String),
    /// 404 on everything.
    NotFound,
    /// A hostile provider that quotes the credential it received back, in one place.
    EchoKey(Echo),
    /// An endless body, written as fast as the client reads it (for at most 30 s).
    Endless(Endless),
    /// `/models` answers at once; `/responses` reads the request and never answers.
    HangResponses,
    /// Like `Good`, but 400 to any `/responses` request that carries a `custom` tool.
    NoCustomTools,
    /// Like `Good`, but the answer names this model, whatever was asked for: as Azure
    /// names the model behind a deployment.
    Serves(&'static str),
}

/// A Responses-API stand-in on 127.0.0.1: `POST <prefix>/responses` answers an
/// SSE stream that says "OK"; everything else is 404. It records every request.
pub struct ResponsesServer {
    pub port: u16,
    pub host: String,
    /// When set, `POST /responses` without `Authorization: Bearer <key>` gets 401.
    pub key: Option<String>,
    pub prefix: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl ResponsesServer {
    pub fn start(prefix: &str) -> Self {
        Self::start_with_key(prefix, None)
    }

    pub fn start_with_key(prefix: &str, key: Option<&str>) -> Self {
        Self::start_full("127.0.0.1", prefix, key, Behavior::Good, Duration::ZERO)
    }

    /// A server on `host` (any 127.x address) acting out `behavior`, answering after `delay`.
    pub fn start_full(host: &str, prefix: &str, key: Option<&str>, behavior: Behavior, delay: Duration) -> Self {
        let listener = TcpListener::bind((host, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s2, stop2, prefix2) = (seen.clone(), stop.clone(), prefix.to_owned());
        let key2 = key.map(str::to_owned);
        let behavior = Arc::new(behavior);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s3, p3, k3, b3) = (s2.clone(), prefix2.clone(), key2.clone(), behavior.clone());
                std::thread::spawn(move || {
                    let _ = serve(conn, &p3, k3.as_deref(), &b3, delay, &s3);
                });
            }
        });
        ResponsesServer { port, host: host.to_owned(), key: key.map(str::to_owned), prefix: prefix.to_owned(), seen, stop }
    }

    /// The base URL Codex should use: `http://127.0.0.1:<port><prefix>`.
    pub fn base_url(&self) -> String {
        format!("http://{}:{}{}", self.host, self.port, self.prefix)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The POSTs to `<prefix>/responses`.
    pub fn responses_posts(&self) -> Vec<Seen> {
        let want = format!("{}/responses", self.prefix);
        self.seen().into_iter().filter(|s| s.method == "POST" && s.path() == want).collect()
    }
}

impl Drop for ResponsesServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect((self.host.as_str(), self.port));
    }
}

fn respond(conn: &mut TcpStream, status: u16, ctype: &str, body: &str) -> std::io::Result<()> {
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

const MODELS: &str = r#"{"object":"list","data":[{"id":"m1","object":"model"},{"id":"m2","object":"model"}]}"#;
const HTML: &str = "<!doctype html><html><head><title>Welcome</title></head><body>Sign in</body></html>";

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

fn serve(conn: TcpStream, prefix: &str, key: Option<&str>, behavior: &Behavior, delay: Duration, seen: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    loop {
        let Some(s) = read_request(&mut reader)? else { return Ok(()) };
        seen.lock().unwrap().push(s.clone());
        std::thread::sleep(delay);
        let responses = s.method == "POST" && s.path() == format!("{prefix}/responses");
        let models = s.method == "GET" && s.path() == format!("{prefix}/models");
        let chat = s.path() == format!("{prefix}/chat/completions");
        let json = "application/json";
        match behavior {
            Behavior::Good | Behavior::Serves(_) => {}
            Behavior::Unauthorized => {
                respond(&mut conn, 401, json, r#"{"error":{"message":"Invalid API key","code":"invalid_api_key"}}"#)?;
                continue;
            }
            Behavior::ChatOnly => {
                if models {
                    respond(&mut conn, 200, json, MODELS)?;
                } else if chat {
                    respond(&mut conn, 400, json, r#"{"error":{"message":"messages is required"}}"#)?;
                } else {
                    respond(&mut conn, 404, json, r#"{"error":"Not Found"}"#)?;
                }
                continue;
            }
            Behavior::Html => {
                respond(&mut conn, 200, "text/html; charset=utf-8", HTML)?;
                continue;
            }
            Behavior::UnknownModel if responses => {
                let m = serde_json::from_str::<serde_json::Value>(&s.body).ok().and_then(|v| v["model"].as_str().map(str::to_owned)).unwrap_or_default();
                let body = format!(r#"{{"error":{{"message":"The model `{m}` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}}}"#);
                respond(&mut conn, 404, json, &body)?;
                continue;
            }
            Behavior::Status(code, body) if responses => {
                respond(&mut conn, *code, json, body)?;
                continue;
            }
            Behavior::UnknownModel | Behavior::Status(..) if models => {
                respond(&mut conn, 200, json, MODELS)?;
                continue;
            }
            Behavior::Hang => {
                std::thread::sleep(Duration::from_secs(60));
                return Ok(());
            }
            Behavior::Redirect(to) if responses => {
                write!(conn, "HTTP/1.1 307 Temporary Redirect\r\nlocation: {to}\r\ncontent-length: 0\r\n\r\n")?;
                conn.flush()?;
                continue;
            }
            Behavior::NotFound => {
                respond(&mut conn, 404, json, r#"{"error":"Not Found"}"#)?;
                continue;
            }
            Behavior::EchoKey(how) => {
                hostile::echo(&mut conn, *how, &s, prefix)?;
                continue;
            }
            Behavior::Endless(how) if hostile::endless_route(*how, models, responses) => return hostile::endless(&mut conn, *how),
            Behavior::HangResponses if responses => {
                std::thread::sleep(Duration::from_secs(60));
                return Ok(());
            }
            Behavior::NoCustomTools if responses && s.body.replace(' ', "").contains(r#""type":"custom""#) => {
                respond(&mut conn, 400, json, r#"{"error":{"message":"Invalid value: 'custom'. Supported values are: 'function'.","type":"invalid_request_error","param":"tools[0].type"}}"#)?;
                continue;
            }
            _ => {}
        }
        if models {
            respond(&mut conn, 200, json, MODELS)?;
            continue;
        }
        let authorized = key.is_none_or(|k| s.header("authorization") == Some(format!("Bearer {k}").as_str()));
        if s.method == "POST" && s.path() == format!("{prefix}/responses") && !authorized {
            let body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
            write!(conn, "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
            conn.flush()?;
            return Ok(());
        }
        if s.method == "POST" && s.path() == format!("{prefix}/responses") {
            let served = if let Behavior::Serves(m) = behavior { Some(*m) } else { None };
            conn.write_all(sse_ok(served).as_bytes())?;
            conn.flush()?;
            return Ok(());
        }
        let body = "{\"error\":{\"message\":\"not found\"}}";
        write!(
            conn,
            "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        )?;
        conn.flush()?;
    }
}

fn sse_ok(served: Option<&str>) -> String {
    let created = match served {
        Some(m) => format!(r#"{{"type":"response.created","response":{{"id":"resp_test","model":"{m}"}}}}"#),
        None => r#"{"type":"response.created","response":{"id":"resp_test"}}"#.to_owned(),
    };
    let events = [
        ("response.created", created.as_str()),
        (
            "response.output_item.done",
            r#"{"type":"response.output_item.done","item":{"type":"message","role":"assistant","id":"msg_test","content":[{"type":"output_text","text":"OK"}]}}"#,
        ),
        (
            "response.completed",
            r#"{"type":"response.completed","response":{"id":"resp_test","usage":{"input_tokens":1,"input_tokens_details":null,"output_tokens":1,"output_tokens_details":null,"total_tokens":2}}}"#,
        ),
    ];
    let mut body = String::new();
    for (name, data) in events {
        body.push_str(&format!("event: {name}\ndata: {data}\n\n"));
    }
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
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

/// `codex exec --strict-config "Reply OK"` with the pinned Codex CLI in `home`, with `envs` set.
pub fn codex_exec(home: &Home, extra: &[&str], envs: &[(&str, &str)]) -> Run {
    let work = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(codex_bin());
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "--strict-config"])
        .args(extra)
        .arg("Reply OK")
        .current_dir(work.path())
        .env("CODEX_HOME", home.path())
        .env("HOME", work.path())
        .env_remove("OPENAI_API_KEY")
        .env_remove("CODEX_API_KEY")
        .env("RUST_LOG", "error");
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
