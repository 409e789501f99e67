//! The bridge's server, grown into the router: a thin shell of I/O on 127.0.0.1
//! only, over hyper, around the pure parts (`bridge::request`, `bridge::stream`,
//! `bridge::failure`, `routes`, `history`, `tag`, `models`).
//!
//! It serves two kinds of URL: a bridged provider's own (`/<preset>/<scheme>/<host>/...`,
//! translated to Chat Completions: `chat`), and the router's, one per Codex home
//! (`/codex/<home>/v1/...`: `dispatch`), through which Codex reaches every model.
//!
//! Locked: a request must name the bridge's own loopback Host (no DNS rebinding),
//! carry no `Origin` (no browser), and bring the token its auth command printed;
//! anything else gets 403 or 401 before a byte goes upstream. Bounded: the request
//! body, the provider's error bodies and answers, one deadline per request, a
//! pause limit between the provider's chunks, and a cap on streams at once.
//! Idle for long, it ends itself; an update asks it to end (`/_switchboard/shutdown`).

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde_json::{Value, json};
use tokio::sync::{Notify, Semaphore};

use super::chat::{self, Upstream};
use super::creds::Creds;
use super::http::{Body, error, forwarded_headers, full};
use super::sessions::Seen;
pub use super::shared::{Config, Limits, Shared};
use crate::bridge::route::{self, Target};
use crate::probe::redact::Redactor;

/// Serves on 127.0.0.1:`port` until idle for `idle_exit` or asked to shut down.
pub async fn serve(listener: tokio::net::TcpListener, cfg: Config) -> std::io::Result<()> {
    crate::probe::http::install_crypto();
    super::heap::limit_arenas();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(20))
        .user_agent(concat!("switchboard-bridge/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(std::io::Error::other)?;
    let shared = Arc::new(Shared {
        streams: Arc::new(Semaphore::new(cfg.limits.max_streams)),
        cfg,
        client,
        active: AtomicUsize::new(0),
        last: std::sync::Mutex::new(Instant::now()),
        stopping: AtomicBool::new(false),
        stop: Notify::new(),
        creds: Creds::default(),
        seen: Seen::default(),
        routes: Default::default(),
        homes: Default::default(),
        codex: Default::default(),
        models: Default::default(),
        cooldowns: Default::default(),
        events: Default::default(),
        usage: Default::default(),
    });
    let idle = tokio::spawn(watch_idle(shared.clone()));
    let trimmer = tokio::spawn(super::heap::trim_when_quiet(shared.clone()));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((sock, _)) = accepted else { continue };
                let _ = sock.set_nodelay(true);
                let shared = shared.clone();
                tokio::spawn(async move {
                    let svc = hyper::service::service_fn(move |req| {
                        let shared = shared.clone();
                        async move { Ok::<_, Infallible>(handle(&shared, req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(hyper_util::rt::TokioIo::new(sock), svc)
                        .await;
                });
            }
            () = shared.stop.notified() => break,
        }
    }
    // No new connections; the streams in flight finish.
    drop(listener);
    idle.abort();
    trimmer.abort();
    let start = Instant::now();
    while shared.active.load(Ordering::SeqCst) > 0 && start.elapsed() < shared.cfg.limits.deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// Ends the server after `idle_exit` without a request in flight: one timer, no polling.
async fn watch_idle(shared: Arc<Shared>) {
    loop {
        let since = *shared.last.lock().unwrap();
        let due = since + shared.cfg.limits.idle_exit;
        tokio::time::sleep_until(due.into()).await;
        let quiet = shared.active.load(Ordering::SeqCst) == 0 && shared.last.lock().unwrap().elapsed() >= shared.cfg.limits.idle_exit;
        if quiet {
            shared.stopping.store(true, Ordering::SeqCst);
            shared.stop.notify_one();
            return;
        }
    }
}

async fn handle(shared: &Arc<Shared>, req: Request<Incoming>) -> Response<Body> {
    let cfg = &shared.cfg;
    let header = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok()).map(str::to_owned);
    // A browser cannot reach it: its own Host only, no Origin, no preflight.
    if !route::host_allowed(header("host").as_deref(), cfg.port) {
        return error(StatusCode::FORBIDDEN, "This bridge answers only requests to its own loopback address.");
    }
    if req.headers().contains_key("origin") || req.method() == hyper::Method::OPTIONS {
        return error(StatusCode::FORBIDDEN, "This bridge does not answer web pages.");
    }
    let Some(target) = route::target(req.method().as_str(), req.uri().path()) else {
        return error(StatusCode::NOT_FOUND, "Switchboard's bridge serves POST <provider>/responses and GET <provider>/models.");
    };
    let auth = header("authorization");
    let Some(credential) = route::authorize(auth.as_deref(), &cfg.token) else {
        return error(StatusCode::UNAUTHORIZED, "Switchboard's bridge needs the token its auth command prints (`switchboard token <id>`).");
    };
    let credential = credential.map(str::to_owned);
    *shared.last.lock().unwrap() = Instant::now();
    match target {
        Target::Health => full(
            StatusCode::OK,
            json!({"bridge": "switchboard", "version": env!("CARGO_PKG_VERSION"), "exe": cfg.exe_id, "pid": std::process::id(), "streams": shared.active.load(Ordering::SeqCst)}),
        ),
        Target::Shutdown => {
            shared.stopping.store(true, Ordering::SeqCst);
            shared.stop.notify_one();
            full(StatusCode::OK, json!({"stopping": true}))
        }
        Target::Models { .. } => error(StatusCode::NOT_FOUND, "This bridge keeps no model list."),
        Target::Wants | Target::Credentials => match read_json(req, cfg.limits.max_request.min(1 << 20)).await {
            Ok(body) if matches!(target, Target::Wants) => super::dispatch::wants(shared, &body),
            Ok(body) => super::dispatch::credentials(shared, body),
            Err(r) => r,
        },
        Target::Router { home: id, op } => {
            let headers = req.headers().clone();
            // The auth command says which folder the id stands for; Codex runs it again after a 401.
            let Some(home) = shared.homes.lock().unwrap().get(&id).cloned() else {
                return error(StatusCode::UNAUTHORIZED, "Switchboard's router does not know this Codex home yet.");
            };
            match op {
                route::RouterOp::Models => super::dispatch::models(shared, &home),
                route::RouterOp::Sessions => full(StatusCode::OK, json!({"sessions": shared.seen.of(&home)})),
                route::RouterOp::Events => full(StatusCode::OK, json!({"failovers": shared.events.of(&home)})),
                route::RouterOp::Responses => {
                    let Some(permit) = permit_for(shared) else { return busy() };
                    match read_raw(req, cfg.limits.max_request).await {
                        Ok((raw, body)) => super::dispatch::responses(shared.clone(), permit, &home, credential.as_deref(), &headers, raw, body).await,
                        Err(r) => r,
                    }
                }
            }
        }
        Target::Responses { upstream, preset } => {
            let query = req.uri().query().map(str::to_owned);
            let forwarded = forwarded_headers(req.headers());
            let Some(permit) = permit_for(shared) else { return busy() };
            let parsed = match read_json(req, cfg.limits.max_request).await {
                Ok(v) => v,
                Err(r) => return r,
            };
            let mut redactor = Redactor::default();
            if let Some(c) = &credential {
                redactor.add(c);
            }
            let to = Upstream { url: upstream, preset, query, forwarded, credential };
            chat::respond(shared.clone(), Some(permit), to, parsed, redactor).await
        }
    }
}

/// A place among the streams at once, if there is one.
fn permit_for(shared: &Arc<Shared>) -> Option<tokio::sync::OwnedSemaphorePermit> {
    shared.streams.clone().try_acquire_owned().ok()
}

fn busy() -> Response<Body> {
    let mut r = error(StatusCode::SERVICE_UNAVAILABLE, "Switchboard's bridge is carrying as many streams as it may; try again.");
    r.headers_mut().insert("retry-after", "1".parse().unwrap());
    r
}

/// A request's JSON body, read under `cap`.
async fn read_json(req: Request<Incoming>, cap: usize) -> Result<Value, Response<Body>> {
    read_raw(req, cap).await.map(|(_, v)| v)
}

/// A request's body under `cap`, as it came and as JSON.
async fn read_raw(req: Request<Incoming>, cap: usize) -> Result<(bytes::Bytes, Value), Response<Body>> {
    let body = match Limited::new(req.into_body(), cap).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return Err(error(StatusCode::PAYLOAD_TOO_LARGE, "The request is larger than Switchboard's bridge takes.")),
    };
    let v = serde_json::from_slice::<Value>(&body).map_err(|_| error(StatusCode::BAD_REQUEST, "The request is not JSON."))?;
    Ok((body, v))
}

