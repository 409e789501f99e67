//! Keeping the bridge there whenever Codex runs, with no step by hand.
//!
//! Codex runs a bridged provider's auth command (`switchboard token <id> --bridge
//! <port>`) at start-up, again once `refresh_interval_ms` has passed (Switchboard
//! writes 1000 ms, so every retry after a broken stream runs it), and after any
//! 401. Before it prints a token, that command makes sure the bridge answers:
//! - it asks `GET /_switchboard/health`, with the token, on 127.0.0.1:<port>;
//! - nothing there (after a reboot, or a kill -9): it starts `switchboard bridge
//!   serve`, detached, and waits for it to answer; two commands racing take the
//!   same lock file, and only one starts it;
//! - a bridge of another build (an update left the old one running): it asks that
//!   one to finish its streams and end, then starts its own;
//! - something else on the port: one line on stderr, which Codex shows in its log.
//!
//! The token lives in the user's private runtime folder (0700; the file 0600). The
//! bridge is started with a bare environment: no key, no variable of Codex's.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why the bridge cannot be reached, in one sentence for Codex's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Another program answers on the port.
    PortTaken(u16),
    /// It was started, and never answered.
    NoAnswer(u16),
    /// The runtime folder, the token or the lock could not be used.
    Files(String),
    /// The bridge could not be started.
    Spawn(String),
}

impl Problem {
    /// The sentence in `lang`, without the `switchboard: ` that starts the line in Codex's log.
    pub fn sentence_in(&self, lang: crate::locale::Language) -> String {
        use crate::locale::Args;
        let (id, args) = match self {
            Problem::PortTaken(p) => ("bridge-port-taken", Args::new().text("port", p)),
            Problem::NoAnswer(p) => ("bridge-no-answer", Args::new().text("port", p)),
            Problem::Files(e) => ("bridge-files", Args::new().text("detail", e)),
            Problem::Spawn(e) => ("bridge-spawn", Args::new().text("detail", e)),
        };
        crate::locale::text(lang, id, &args)
    }
}

/// The line for Codex's log, in English.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "switchboard: {}", self.sentence_in(crate::locale::Language::English))
    }
}

/// What the bridge says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub exe: String,
    pub pid: u32,
    pub streams: u64,
    pub version: String,
}

/// Where the bridge keeps its token and lock: `$XDG_RUNTIME_DIR/switchboard`
/// (mode 0700), else a private folder in the temp folder.
pub fn state_dir() -> PathBuf {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).filter(|p| p.is_absolute());
    match runtime {
        Some(r) => r.join("switchboard"),
        None => std::env::temp_dir().join(format!("switchboard-{}", user())),
    }
}

fn user() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "user".into())
}

fn token_path(dir: &Path, port: u16) -> PathBuf {
    dir.join(format!("bridge-{port}.token"))
}

/// The token for the bridge on `port`, made once (0600) and kept for the session,
/// so a restarted bridge accepts what Codex already holds.
pub fn token(port: u16) -> Result<String, Problem> {
    let dir = state_dir();
    crate::edit::atomic::create_private_dir(&dir).map_err(|e| Problem::Files(e.to_string()))?;
    let path = token_path(&dir, port);
    if let Some(t) = read_token(&path) {
        return Ok(t);
    }
    let _lock = lock(&dir, port)?;
    if let Some(t) = read_token(&path) {
        return Ok(t);
    }
    let t = super::route::new_token();
    crate::edit::atomic::stage(&path, t.as_bytes(), Some(0o600), &path)
        .and_then(|s| s.replace(&path))
        .map_err(|e| Problem::Files(e.to_string()))?;
    Ok(t)
}

fn read_token(path: &Path) -> Option<String> {
    let t = std::fs::read_to_string(path).ok()?;
    let t = t.trim();
    (t.len() == super::route::TOKEN_LEN).then(|| t.to_owned())
}

fn lock(dir: &Path, port: u16) -> Result<std::fs::File, Problem> {
    let path = dir.join(format!("bridge-{port}.lock"));
    let f = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| Problem::Files(e.to_string()))?;
    f.lock().map_err(|e| Problem::Files(e.to_string()))?;
    Ok(f)
}

/// The program that runs the bridge: the `switchboard` CLI (beside the app, for the window).
pub fn program() -> PathBuf {
    crate::codex::helper::find()
}

/// Which build of the running program this is (see [`exe_id_of`]).
pub fn exe_id() -> String {
    std::env::current_exe().map(|p| exe_id_of(&p)).unwrap_or_default()
}

/// Which build of the program at `path`: its file's identity, so an update (a new
/// file, even of the same version) is told apart from the bridge it left running.
pub fn exe_id_of(path: &Path) -> String {
    let meta = std::fs::canonicalize(path).ok().and_then(|p| std::fs::metadata(p).ok());
    let modified = meta.as_ref().and_then(|m| m.modified().ok()).and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let ino = {
        use std::os::unix::fs::MetadataExt;
        meta.as_ref().map_or(0, |m| m.ino())
    };
    #[cfg(not(unix))]
    let ino = meta.as_ref().map_or(0, |m| m.len());
    format!("{}:{ino}:{modified}", env!("CARGO_PKG_VERSION"))
}

/// What answers on the port, asked with `token`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Nothing,
    Bridge(Health),
    /// A bridge of ours that does not take this token (its token file was replaced).
    OtherToken,
    Other,
}

/// Asks what answers on 127.0.0.1:`port` (a plain HTTP/1.1 request, half a second at most).
pub fn probe(port: u16, token: &str) -> Found {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(300)) else { return Found::Nothing };
    let _ = s.set_read_timeout(Some(Duration::from_millis(800)));
    let _ = s.set_write_timeout(Some(Duration::from_millis(300)));
    let req = format!("GET /_switchboard/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return Found::Other;
    }
    let mut buf = Vec::new();
    let _ = s.take(64 * 1024).read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf);
    let Some((head, body)) = text.split_once("\r\n\r\n") else { return Found::Other };
    let status = head.split_whitespace().nth(1).unwrap_or("");
    let body = body.trim();
    // A chunked body (hyper may send one) holds the JSON between size lines.
    let json = body.find('{').and_then(|a| body.rfind('}').map(|b| &body[a..=b])).unwrap_or("");
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    match status {
        "200" if v["bridge"] == "switchboard" => Found::Bridge(Health {
            exe: v["exe"].as_str().unwrap_or("").to_owned(),
            pid: v["pid"].as_u64().unwrap_or(0) as u32,
            streams: v["streams"].as_u64().unwrap_or(0),
            version: v["version"].as_str().unwrap_or("").to_owned(),
        }),
        "401" if v["error"]["type"] == "switchboard_bridge" => Found::OtherToken,
        _ => Found::Other,
    }
}

/// Makes sure this build's bridge answers on `port`; returns the token Codex sends it.
pub fn ensure(port: u16) -> Result<String, Problem> {
    let token = token(port)?;
    let program = program();
    let mine = exe_id_of(&program);
    match probe(port, &token) {
        Found::Bridge(h) if h.exe == mine => return Ok(token),
        Found::Other => return Err(Problem::PortTaken(port)),
        _ => {}
    }
    let _lock = lock(&state_dir(), port)?;
    // Someone may have started it while we waited for the lock.
    match probe(port, &token) {
        Found::Bridge(h) if h.exe == mine => return Ok(token),
        Found::Bridge(_) => {
            // Another build: it stops taking connections at once and ends after its streams.
            ask_to_stop(port, &token);
            wait_free(port, Duration::from_secs(3));
        }
        Found::OtherToken | Found::Other => return Err(Problem::PortTaken(port)),
        Found::Nothing => {}
    }
    spawn(&program, port)?;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(4) {
        match probe(port, &token) {
            Found::Bridge(h) if h.exe == mine => return Ok(token),
            Found::Other => return Err(Problem::PortTaken(port)),
            _ => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    Err(Problem::NoAnswer(port))
}

/// POSTs `body` to the bridge's own `path` with `token`; its JSON answer, if it gave
/// a 200 (a plain HTTP/1.1 request, two seconds at most).
pub fn ask(port: u16, token: &str, path: &str, body: &serde_json::Value) -> Option<serde_json::Value> {
    let text = body.to_string();
    request(port, &format!("POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}", text.len()))
}

/// GETs the router's own `path` with `token` (`ask`'s way), when a router runs and
/// its token was made: never starts one.
pub fn look(port: u16, path: &str) -> Option<serde_json::Value> {
    let token = read_token(&token_path(&state_dir(), port))?;
    request(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"))
}

fn request(port: u16, req: &str) -> Option<serde_json::Value> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_millis(300)).ok()?;
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let _ = s.set_write_timeout(Some(Duration::from_secs(2)));
    s.write_all(req.as_bytes()).ok()?;
    let mut buf = Vec::new();
    let _ = s.take(1 << 20).read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf);
    let (head, body) = text.split_once("\r\n\r\n")?;
    if head.split_whitespace().nth(1) != Some("200") {
        return None;
    }
    let body = body.trim();
    let json = body.find('{').and_then(|a| body.rfind('}').map(|b| &body[a..=b]))?;
    serde_json::from_str(json).ok()
}

/// Asks the bridge on `port` to end once its streams finish; false if none answered.
pub fn stop(port: u16, token: &str) -> bool {
    if !matches!(probe(port, token), Found::Bridge(_)) {
        return false;
    }
    ask_to_stop(port, token);
    wait_free(port, Duration::from_secs(3));
    true
}

fn ask_to_stop(port: u16, token: &str) {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    if let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(300)) {
        let _ = s.set_read_timeout(Some(Duration::from_millis(500)));
        let req = format!("POST /_switchboard/shutdown HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let _ = s.write_all(req.as_bytes());
        let mut sink = [0u8; 512];
        let _ = s.read(&mut sink);
        let _ = s.shutdown(Shutdown::Both);
    }
}

fn wait_free(port: u16, limit: Duration) {
    let start = Instant::now();
    while start.elapsed() < limit {
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts `<program> bridge serve --port <port>`, detached in its own session,
/// with a bare environment: a few variables it needs and nothing of Codex's.
fn spawn(program: &Path, port: u16) -> Result<(), Problem> {
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(program);
    cmd.args(["bridge", "serve", "--port", &port.to_string()]).env_clear().stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    for var in KEPT_VARS {
        if let Some(v) = std::env::var_os(var) {
            cmd.env(var, v);
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own session: it outlives the Codex that started it, and a terminal's hangup.
        unsafe {
            cmd.pre_exec(|| {
                rustix::process::setsid().map(|_| ()).map_err(|e| std::io::Error::from_raw_os_error(e.raw_os_error()))
            });
        }
    }
    let child = cmd.spawn().map_err(|e| Problem::Spawn(e.to_string()))?;
    // Not waited for: it belongs to no one once it runs (its session leader is itself).
    drop(child);
    Ok(())
}

/// What the bridge keeps of the environment it is started from: where it may write,
/// how to reach the network (proxies, certificates), the locale, and its own settings.
pub const KEPT_VARS: &[&str] = &[
    "HOME", "PATH", "USER", "XDG_RUNTIME_DIR", "XDG_STATE_HOME", "TMPDIR", "LANG", "LC_ALL", "HTTPS_PROXY", "https_proxy",
    "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR",
    "SWITCHBOARD_BRIDGE_IDLE_SECS", "SYSTEMROOT", "APPDATA", "LOCALAPPDATA", "XDG_CACHE_HOME",
];
