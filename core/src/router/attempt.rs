//! One try of a request at one candidate (a provider and its own model id): its
//! credential, the history cleaned for it, then passed through (a Responses
//! provider) or translated (a Chat Completions one). Each candidate of a failover
//! gets the request in its own terms this way.

use std::sync::Arc;

use hyper::{HeaderMap, Response, StatusCode};
use serde_json::{Value, json};

use super::chat::{self, Upstream};
use super::history::{self, Target};
use super::http::{Body, error, forwarded_headers};
use super::passthrough::{self, Outgoing};
use super::routes::Route;
use super::shared::Shared;
use crate::catalog::store::Store;
use crate::probe::redact::Redactor;
use crate::provider::api::Api;

/// Where one try goes.
pub struct Candidate<'a> {
    pub route: &'a Route,
    /// The provider's own model id.
    pub model: String,
}

/// What a try came to.
pub enum Sent {
    /// The provider's answer, or what the router made of its failure.
    Answered(Response<Body>),
    /// Not sent: the router holds no usable credential for it (a 401, so Codex runs
    /// its auth command again).
    NoCredential(Response<Body>),
}

/// The request for the Codex home `home`, from the environment `scope`, with
/// Codex's `headers`, sent to `c`.
pub async fn send(shared: &Arc<Shared>, home: &str, scope: Option<&str>, headers: &HeaderMap, c: &Candidate<'_>, store: &Store, mut body: Value) -> Sent {
    let route = c.route;
    let handed = shared.creds.get(home, route, scope);
    if handed.is_none() && route.entry.auth != crate::provider::auth::Auth::None {
        // Codex runs its auth command again after a 401, which hands the credential over.
        return Sent::NoCredential(error(StatusCode::UNAUTHORIZED, &format!("Switchboard has no credential for {} yet.", route.id)));
    }
    if let Some(problem) = handed.as_ref().and_then(|h| h.problem.clone()) {
        shared.creds.forget(home, &route.id);
        return Sent::NoCredential(error(StatusCode::UNAUTHORIZED, &problem));
    }
    body["model"] = json!(c.model);
    let codex = shared.codex.get();
    let window = super::models::window_of(route, &c.model, store, codex.as_ref().map(|c| &c.models[..]));
    let passthrough = route.api == Api::Responses;
    history::clean(&mut body, &Target { tag: &route.tag, passthrough, window, model: &c.model });
    let mut redactor = Redactor::for_entry(&route.entry);
    if let Some(k) = handed.as_ref().and_then(|h| h.key.as_deref()) {
        redactor.add(k);
    }
    let resp = if passthrough {
        let forwarded = passthrough_headers(headers);
        passthrough::respond(shared.clone(), None, Outgoing { route, handed: handed.clone(), forwarded }, body, redactor).await
    } else {
        let mut forwarded = forwarded_headers(headers);
        forwarded.extend(route.entry.http_headers.iter().map(|(k, v)| (k.clone(), v.clone())));
        forwarded.extend(handed.iter().flat_map(|h| h.env_headers.iter().map(|(k, v)| (k.clone(), v.clone()))));
        let query = (!route.entry.query_params.is_empty()).then(|| route.entry.query_params.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"));
        let to = Upstream { url: route.upstream.clone(), preset: route.entry.preset.map(|p| p.as_str().to_owned()), query, forwarded, credential: handed.and_then(|h| h.key) };
        chat::respond(shared.clone(), None, to, body, redactor).await
    };
    if resp.status() == StatusCode::UNAUTHORIZED || resp.status() == StatusCode::FORBIDDEN {
        // The provider refused the key: the next auth run reads it again.
        shared.creds.forget(home, &route.id);
    }
    Sent::Answered(resp)
}

/// Codex's headers for a provider Codex would otherwise reach itself: all of them but
/// the hop's own, the router's token, and the body's framing.
fn passthrough_headers(h: &HeaderMap) -> Vec<(String, String)> {
    const DROP: &[&str] = &["host", "authorization", "content-length", "content-type", "accept", "accept-encoding", "connection", "keep-alive", "transfer-encoding", "te", "upgrade", "origin"];
    h.iter().filter(|(k, _)| !DROP.contains(&k.as_str())).filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_owned(), v.to_owned()))).collect()
}
