//! The router's handlers, for one Codex home: the credentials it lacks (`wants`) and
//! is handed (`credentials`), the models Codex lists (`models`), and a request sent
//! where its model says (`responses`): passed through to a Responses provider, or
//! translated for a Chat Completions one, its history cleaned for the upstream.

use std::sync::Arc;

use hyper::{HeaderMap, Response, StatusCode};
use serde_json::{Value, json};

use super::chat::{self, Upstream};
use super::creds::Handed;
use super::history::{self, Target};
use super::http::{Body, error, full};
use super::passthrough::{self, Outgoing};
use super::routes::Unrouted;
use super::http::forwarded_headers;
use super::shared::Shared;
use super::sessions::{SeenSession, now};
use crate::probe::redact::Redactor;
use crate::provider::api::Api;

/// `{"id": "<home id>", "home": "/abs/path"}`, the body of the credential requests:
/// the folder is remembered for the id.
fn home_of(shared: &Arc<Shared>, body: &Value) -> Option<String> {
    let home = body.get("home").and_then(Value::as_str).filter(|h| h.starts_with('/') || h.get(1..2) == Some(":"))?;
    let id = body.get("id").and_then(Value::as_str).filter(|id| crate::bridge::route::is_home_id(id))?;
    let mut homes = shared.homes.lock().unwrap();
    if homes.len() >= 256 && !homes.contains_key(id) {
        homes.clear();
    }
    homes.insert(id.to_owned(), home.to_owned());
    Some(home.to_owned())
}

/// Which credentials of a home the router lacks.
pub fn wants(shared: &Arc<Shared>, body: &Value) -> Response<Body> {
    let Some(home) = home_of(shared, body) else { return error(StatusCode::BAD_REQUEST, "Name the Codex home.") };
    let home = home.as_str();
    let (routes, _) = shared.routes.get(home);
    full(StatusCode::OK, json!({"wants": shared.creds.wants(home, scope_of(body), &routes), "epoch": routes.epoch}))
}

/// The environment a hand-over was read in (see `creds`).
fn scope_of(body: &Value) -> Option<&str> {
    body.get("scope").and_then(Value::as_str).filter(|s| s.len() <= 64)
}

/// The auth command hands credentials over: `{"home", "epoch", "credentials": {id: Handed}}`.
pub fn credentials(shared: &Arc<Shared>, body: Value) -> Response<Body> {
    let Some(home) = home_of(shared, &body) else { return error(StatusCode::BAD_REQUEST, "Name the Codex home.") };
    let (routes, _) = shared.routes.get(&home);
    let epoch = body.get("epoch").and_then(Value::as_u64).unwrap_or(routes.epoch);
    let Some(given) = body.get("credentials").and_then(Value::as_object) else { return error(StatusCode::BAD_REQUEST, "No credentials.") };
    let mut kept = 0;
    for (id, v) in given {
        let (Some(route), Ok(handed)) = (routes.routes.get(id), serde_json::from_value::<Handed>(v.clone())) else { continue };
        shared.creds.put(&home, route, scope_of(&body), epoch, handed);
        kept += 1;
    }
    full(StatusCode::OK, json!({"kept": kept}))
}

/// Every model Codex lists through the router, in Codex's catalog format.
pub fn models(shared: &Arc<Shared>, home: &str) -> Response<Body> {
    let (routes, store) = shared.routes.get(home);
    let codex = shared.codex.get();
    let list = super::models::catalog(&routes, &store, codex.as_ref().map(|c| &c.models[..]));
    full(StatusCode::OK, json!({"models": list}))
}

/// What Codex is told when the model names no route, as a refusal it shows.
fn unrouted(why: Unrouted) -> Response<Body> {
    let message = match why {
        Unrouted::NothingChosen => "Switchboard has no provider chosen for switchboard/current: press Use on one in Switchboard, or run `switchboard use <id>`.".to_owned(),
        Unrouted::Unknown(m) => format!("`{m}` is none of Switchboard's models: pick one with /model (each is <provider>/<model>), or run `switchboard models` to list more."),
    };
    error(StatusCode::BAD_REQUEST, &message)
}

/// A request sent where its model says; `scope` is the environment of the Codex that
/// sent it (what its auth command printed after the router's token).
pub async fn responses(shared: Arc<Shared>, permit: tokio::sync::OwnedSemaphorePermit, home: &str, scope: Option<&str>, headers: &HeaderMap, mut body: Value) -> Response<Body> {
    let (routes, store) = shared.routes.get(home);
    let asked = body.get("model").and_then(Value::as_str).unwrap_or("").to_owned();
    let resolved = match routes.resolve(&asked) {
        Ok(r) => r,
        Err(why) => return unrouted(why),
    };
    let route = resolved.route;
    let handed = shared.creds.get(home, route, scope);
    if handed.is_none() && route.entry.auth != crate::provider::auth::Auth::None {
        // Codex runs its auth command again after a 401, which hands the credential over.
        return error(StatusCode::UNAUTHORIZED, &format!("Switchboard has no credential for {} yet.", route.id));
    }
    if let Some(problem) = handed.as_ref().and_then(|h| h.problem.clone()) {
        shared.creds.forget(home, &route.id);
        return error(StatusCode::UNAUTHORIZED, &problem);
    }
    let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let session = header("session-id").or_else(|| header("thread-id")).or_else(|| body.pointer("/client_metadata/session_id").and_then(Value::as_str).map(str::to_owned));
    if let Some(id) = session {
        shared.seen.note(home, SeenSession {
            id,
            client: header("originator").unwrap_or_default(),
            asked: asked.clone(),
            follows: resolved.follows,
            provider: route.id.clone(),
            model: resolved.model.clone(),
            last: now(),
        });
    }
    body["model"] = json!(resolved.model);
    let codex = shared.codex.get();
    let window = super::models::window_of(route, &resolved.model, &store, codex.as_ref().map(|c| &c.models[..]));
    let passthrough = route.api == Api::Responses;
    history::clean(&mut body, &Target { tag: &route.tag, passthrough, window, model: &resolved.model });
    let mut redactor = Redactor::for_entry(&route.entry);
    if let Some(k) = handed.as_ref().and_then(|h| h.key.as_deref()) {
        redactor.add(k);
    }
    let resp = if passthrough {
        let forwarded = passthrough_headers(headers);
        passthrough::respond(shared.clone(), permit, Outgoing { route, handed: handed.clone(), forwarded }, body, redactor).await
    } else {
        let mut forwarded = forwarded_headers(headers);
        forwarded.extend(route.entry.http_headers.iter().map(|(k, v)| (k.clone(), v.clone())));
        forwarded.extend(handed.iter().flat_map(|h| h.env_headers.iter().map(|(k, v)| (k.clone(), v.clone()))));
        let query = (!route.entry.query_params.is_empty()).then(|| route.entry.query_params.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"));
        let to = Upstream { url: route.upstream.clone(), preset: route.entry.preset.map(|p| p.as_str().to_owned()), query, forwarded, credential: handed.and_then(|h| h.key) };
        chat::respond(shared.clone(), permit, to, body, redactor).await
    };
    if resp.status() == StatusCode::UNAUTHORIZED || resp.status() == StatusCode::FORBIDDEN {
        // The provider refused the key: the next auth run reads it again.
        shared.creds.forget(home, &route.id);
    }
    resp
}

/// Codex's headers for a provider Codex would otherwise reach itself: all of them but
/// the hop's own, the router's token, and the body's framing.
fn passthrough_headers(h: &HeaderMap) -> Vec<(String, String)> {
    const DROP: &[&str] = &["host", "authorization", "content-length", "content-type", "accept", "accept-encoding", "connection", "keep-alive", "transfer-encoding", "te", "upgrade", "origin"];
    h.iter().filter(|(k, _)| !DROP.contains(&k.as_str())).filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_owned(), v.to_owned()))).collect()
}
