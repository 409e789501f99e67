//! A Responses stand-in that answers at once, a bare HTTP/1.1 client that times the
//! first SSE event, and the requests the benchmarks send: what the router's benchmark
//! (bench_router.rs) measures with, the router against the same stand-in reached
//! directly; the bridge's (bench_bridge.rs) sends the same requests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::{read_request, repo_root};

/// A small streamed request: one user message, for `model`.
pub fn small_request(model: &str) -> String {
    format!(r#"{{"model":"{model}","input":[{{"type":"message","role":"user","content":[{{"type":"input_text","text":"Say hello"}}]}}],"stream":true}}"#)
}

/// Codex 0.171's first request of a real run (16 KB: instructions, tools, apply_patch), for `model`.
pub fn codex_request(model: &str) -> String {
    let path = repo_root().join("core/tests/data/codex-wire/requests/01-turn1-initial-user-prompt.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["model"] = model.into();
    v.to_string()
}

/// Deltas a slow stream sends, one every `SLOW_GAP`.
pub const SLOW_DELTAS: usize = 80;
/// The time between a slow stream's deltas.
pub const SLOW_GAP: Duration = Duration::from_millis(100);
/// In a request's input: the stand-in answers slowly (for the streams held open).
pub const SLOWLY: &str = "STREAM-SLOWLY";
/// Connections the stand-in serves at once (the 50 streams, the router's pool, Codex's).
const ACCEPTORS: usize = 160;

// ---------------------------------------------------------------- the stand-in

/// A Responses provider on 127.0.0.1 that answers `POST /v1/responses` at once with a
/// chunked SSE stream (its first event in a write of its own), on keep-alive
/// connections; a request whose input says `STREAM-SLOWLY` gets its deltas 100 ms apart.
/// It serves `ACCEPTORS` connections at once.
pub struct StandIn {
    pub port: u16,
    /// Connections accepted so far.
    pub accepted: Arc<AtomicUsize>,
}

impl StandIn {
    pub fn start() -> StandIn {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        // Threads waiting in accept, started beforehand: a fresh connection costs the
        // stand-in no thread start (on a busy machine that took it ~3 ms at the p95).
        let accepted = Arc::new(AtomicUsize::new(0));
        for _ in 0..ACCEPTORS {
            let (listener, accepted) = (listener.try_clone().unwrap(), accepted.clone());
            std::thread::spawn(move || {
                while let Ok((conn, _)) = listener.accept() {
                    accepted.fetch_add(1, Ordering::SeqCst);
                    let _ = serve(conn);
                }
            });
        }
        StandIn { port, accepted }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }
}

fn chunk(data: &str) -> String {
    format!("{:x}\r\n{data}\r\n", data.len())
}

fn event(kind: &str, data: &str) -> String {
    format!("event: {kind}\ndata: {data}\n\n")
}

fn serve(conn: TcpStream) -> std::io::Result<()> {
    conn.set_nodelay(true)?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    while let Some(req) = read_request(&mut reader)? {
        let path = req.path().to_owned();
        if req.method == "GET" && path == "/v1/models" {
            let body = r#"{"object":"list","data":[{"id":"m1","object":"model"}]}"#;
            write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
            continue;
        }
        if req.method != "POST" || path != "/v1/responses" {
            let body = r#"{"error":{"message":"not found"}}"#;
            write!(conn, "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len())?;
            continue;
        }
        let created = event("response.created", r#"{"type":"response.created","response":{"id":"resp_bench","status":"in_progress"}}"#);
        conn.write_all(format!("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n{}", chunk(&created)).as_bytes())?;
        let delta = event("response.output_text.delta", r#"{"type":"response.output_text.delta","item_id":"msg_bench","output_index":0,"content_index":0,"delta":"OK"}"#);
        if req.body.contains(SLOWLY) {
            for _ in 0..SLOW_DELTAS {
                std::thread::sleep(SLOW_GAP);
                conn.write_all(chunk(&delta).as_bytes())?;
            }
        }
        let rest = [
            delta,
            event("response.output_item.done", r#"{"type":"response.output_item.done","output_index":0,"item":{"type":"message","role":"assistant","id":"msg_bench","content":[{"type":"output_text","text":"OK"}]}}"#),
            event(
                "response.completed",
                r#"{"type":"response.completed","response":{"id":"resp_bench","status":"completed","usage":{"input_tokens":1,"input_tokens_details":null,"output_tokens":1,"output_tokens_details":null,"total_tokens":2}}}"#,
            ),
        ]
        .concat();
        conn.write_all(format!("{}0\r\n\r\n", chunk(&rest)).as_bytes())?;
    }
    Ok(())
}

// ---------------------------------------------------------------- the client

/// Where a request goes: the port, the path and the bearer (none for the stand-in).
#[derive(Clone)]
pub struct Target {
    pub port: u16,
    pub path: String,
    pub bearer: Option<String>,
}

/// One HTTP/1.1 connection, reused (keep-alive) or not.
pub struct Conn {
    w: TcpStream,
    r: BufReader<TcpStream>,
}

impl Conn {
    pub fn open(port: u16) -> Conn {
        let w = TcpStream::connect(("127.0.0.1", port)).unwrap();
        w.set_nodelay(true).unwrap();
        w.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        Conn { r: BufReader::new(w.try_clone().unwrap()), w }
    }

    /// POSTs `body` (one write) and reads the whole answer; the time from `start` to the
    /// first whole SSE event, and the answer's body (de-chunked).
    pub fn post(&mut self, t: &Target, body: &str, start: Instant, on_first: impl FnOnce()) -> (Duration, String) {
        let auth = t.bearer.as_ref().map(|b| format!("Authorization: Bearer {b}\r\n")).unwrap_or_default();
        let head = format!(
            "POST {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{auth}Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: {}\r\n\r\n",
            t.path,
            t.port,
            body.len()
        );
        self.w.write_all([head.as_bytes(), body.as_bytes()].concat().as_slice()).unwrap();
        let mut line = String::new();
        self.r.read_line(&mut line).unwrap();
        let status = line.split_whitespace().nth(1).unwrap_or("").to_owned();
        let (mut length, mut chunked) = (None, false);
        loop {
            let mut h = String::new();
            self.r.read_line(&mut h).unwrap();
            let h = h.trim_end().to_ascii_lowercase();
            if h.is_empty() {
                break;
            }
            if let Some(v) = h.strip_prefix("content-length:") {
                length = v.trim().parse::<usize>().ok();
            }
            if h.starts_with("transfer-encoding:") && h.contains("chunked") {
                chunked = true;
            }
        }
        let mut all = Vec::new();
        let mut first = None;
        let mut on_first = Some(on_first);
        let mut seen = |all: &Vec<u8>, first: &mut Option<Duration>| {
            if first.is_none() && all.windows(2).any(|w| w == b"\n\n") {
                *first = Some(start.elapsed());
                if let Some(f) = on_first.take() {
                    f();
                }
            }
        };
        if chunked {
            loop {
                let mut size = String::new();
                self.r.read_line(&mut size).unwrap();
                let n = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16).unwrap();
                let mut data = vec![0; n + 2];
                self.r.read_exact(&mut data).unwrap();
                if n == 0 {
                    break;
                }
                all.extend_from_slice(&data[..n]);
                seen(&all, &mut first);
            }
        } else {
            let n = length.expect("a framed answer");
            let mut buf = [0u8; 16 << 10];
            while all.len() < n {
                let got = self.r.read(&mut buf[..(n - all.len()).min(16 << 10)]).unwrap();
                assert!(got > 0, "the answer ended early");
                all.extend_from_slice(&buf[..got]);
                seen(&all, &mut first);
            }
        }
        let text = String::from_utf8_lossy(&all).into_owned();
        assert!(status == "200" && text.contains("response.completed"), "HTTP {status}: {text}");
        (first.expect("an event"), text)
    }
}

/// `GET` on a fresh connection, read to its end: the time and the answer's size.
pub fn get(port: u16, path: &str, bearer: &str) -> (Duration, usize) {
    let start = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {bearer}\r\nConnection: close\r\n\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    assert!(all.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&all[..all.len().min(300)]));
    (start.elapsed(), all.len())
}

/// On a fresh connection: the time from connecting to the first event.
pub fn cold(t: &Target, body: &str) -> Duration {
    let start = Instant::now();
    let mut c = Conn::open(t.port);
    c.post(t, body, start, || {}).0
}

/// On `c`, kept alive.
pub fn warm(c: &mut Conn, t: &Target, body: &str) -> Duration {
    c.post(t, body, Instant::now(), || {}).0
}
