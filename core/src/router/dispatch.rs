//! The router's handlers, for one Codex home: the credentials it lacks (`wants`) and
//! is handed (`credentials`), the models Codex lists (`models`), and a request sent
//! where its model says (`responses`), then on to that model's fallbacks, in order,
//! while a provider fails before any output (`failover` decides, `attempt` sends,
//! `gate` holds a stream until its first output). Each request is recorded once its
//! answer is done with (`usage`), and each move is kept for the window (`events`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::{HeaderMap, Response, StatusCode};
use serde_json::{Value, json};

use super::attempt::{self, Candidate, Sent};
use super::creds::Handed;
use super::events::Moved;
use super::failover::{self, Decision, Health, Policy, Reason, Upstream};
use super::gate::{self, Gated, Watch, Watched};
use super::http::{Body, error, full, json_bytes, now_ms};
use super::routes::Unrouted;
use super::shared::Shared;
use super::sessions::{SeenSession, now};
use crate::locale::{Args, Words};
use crate::usage::{Failover, Record, budget};

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

/// Every model Codex lists through the router, in Codex's catalog format: the answer
/// kept for the home while its routes and Codex's list stay the same (`models_answer`).
pub fn models(shared: &Arc<Shared>, home: &str) -> Response<Body> {
    let (routes, store) = shared.routes.get(home);
    let codex = shared.codex.get();
    json_bytes(StatusCode::OK, shared.models.get(home, &routes, &store, codex.as_ref()))
}

/// What Codex is told when the model names no route, as a refusal it shows.
fn unrouted(why: Unrouted) -> Response<Body> {
    let message = match why {
        Unrouted::NothingChosen => "Switchboard has no provider chosen for switchboard/current: press Use on one in Switchboard, or run `switchboard use <id>`.".to_owned(),
        Unrouted::Unknown(m) => format!("`{m}` is none of Switchboard's models: pick one with /model (each is <provider>/<model>), or run `switchboard models` to list more."),
    };
    error(StatusCode::BAD_REQUEST, &message)
}

/// A request sent where its model says, then to the model's fallbacks while each
/// fails before any output; `scope` is the environment of the Codex that sent it
/// (what its auth command printed after the router's token). `raw` is the body as it
/// came, read again for each candidate after the first.
pub async fn responses(shared: Arc<Shared>, permit: tokio::sync::OwnedSemaphorePermit, home: &str, scope: Option<&str>, headers: &HeaderMap, raw: bytes::Bytes, body: Value) -> Response<Body> {
    let started = Instant::now();
    let (routes, store) = shared.routes.get(home);
    let asked = body.get("model").and_then(Value::as_str).unwrap_or("").to_owned();
    let resolved = match routes.resolve(&asked) {
        Ok(r) => r,
        Err(why) => return unrouted(why),
    };
    let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let session = header("session-id").or_else(|| header("thread-id")).or_else(|| body.pointer("/client_metadata/session_id").and_then(Value::as_str).map(str::to_owned));
    let slug = format!("{}/{}", resolved.route.id, resolved.model);
    let mut candidates = failover::order(&slug, routes.fallbacks_of(&slug));
    candidates.retain(|c| routes.resolve(c).is_ok());
    let policy = Policy::with_base(routes.cool_down);
    // A provider over its monthly budget is passed by like one cooling down, but never tried.
    let over: Vec<&str> = candidates.iter().map(|c| provider_of(c)).filter(|p| budget::of(home, p) == Some(budget::Status::Over)).collect();
    let plan = {
        let now = Instant::now();
        let cool = shared.cooldowns.lock().unwrap();
        failover::plan(&candidates, |c| match over.contains(&provider_of(c)) {
            true => Some(Reason::OverBudget),
            false => matches!(cool.health(&cool_key(home, provider_of(c)), now), Health::Cooling(_)).then_some(Reason::CoolingDown),
        })
    };
    let mut req = Request {
        shared: shared.clone(),
        home: home.to_owned(),
        at_ms: now_ms(),
        started,
        session,
        client: header("originator").unwrap_or_default(),
        asked,
        follows: resolved.follows,
        moves: plan.passed.iter().map(|(c, r)| moved_from(c, *r, None)).collect(),
        policy,
        quiet: false,
        permit: Some(permit),
    };
    if plan.tries.is_empty() {
        return over_budget(req, &resolved.route.id, &resolved.model);
    }
    let mut last: Option<Served> = None;
    let mut body = Some(body);
    for (i, slug) in plan.tries.iter().enumerate() {
        let more = i + 1 < plan.tries.len();
        let Ok(r) = routes.resolve(slug) else { continue };
        let c = Candidate { route: r.route, model: r.model };
        let deadline = routes.deadline_of(&c.route.id);
        let mut waited = false;
        loop {
            let this = body.take().or_else(|| serde_json::from_slice(&raw).ok()).unwrap_or_default();
            let sending = attempt::send(&shared, home, scope, headers, &c, &store, this);
            // The deadline holds while there is somewhere else to go.
            let sent = if more { tokio::time::timeout(deadline, sending).await.ok() } else { Some(sending.await) };
            let resp = match sent {
                Some(Sent::Answered(r)) => r,
                // Not sent for want of a credential: Codex runs its auth command again when nothing else was tried.
                Some(Sent::NoCredential(r)) if last.is_none() => return r,
                Some(Sent::NoCredential(_)) => break,
                None => {
                    req.failed(&c, Reason::Timeout, None, more);
                    let r = error(StatusCode::GATEWAY_TIMEOUT, &format!("{} sent no answer within {} s.", c.route.id, deadline.as_secs()));
                    last = Some(Served::of(r, &c, 0, Watch::default(), Judged::Failure));
                    break;
                }
            };
            if let Some(what) = resp.extensions().get::<Upstream>().cloned() {
                let status = match what {
                    Upstream::Unreached => 0,
                    Upstream::Refused { status, .. } => status,
                };
                match failover::judge(&what, waited) {
                    Decision::Keep => return req.finish(Served::of(resp, &c, status, Watch::default(), Judged::Refusal)),
                    Decision::Wait(d) => {
                        tokio::time::sleep(d).await;
                        waited = true;
                        continue;
                    }
                    Decision::Move(reason) => {
                        let wait = match what {
                            Upstream::Refused { wait: Some(w), exhausted: false, .. } => Some(w),
                            _ => None,
                        };
                        req.failed_waiting(&c, reason, Some(status).filter(|s| *s != 0), more, wait);
                        let served = Served::of(resp, &c, status, Watch::default(), Judged::Failure);
                        if !more {
                            return req.finish(served);
                        }
                        last = Some(served);
                        break;
                    }
                }
            }
            let status = resp.status().as_u16();
            if !more {
                return req.finish(Served::of(resp, &c, status, Watch::default(), Judged::Answer));
            }
            match gate::hold(resp, deadline).await {
                Gated::Open(resp, watch) => return req.finish(Served::of(resp, &c, status, watch, Judged::Answer)),
                Gated::Failed(resp, watch, broke) => {
                    req.failed(&c, if broke { Reason::Connect } else { Reason::ErrorEvent }, None, more);
                    last = Some(Served::of(resp, &c, status, watch, Judged::Failure));
                    break;
                }
            }
        }
    }
    match last {
        Some(served) => req.finish(served),
        None => error(StatusCode::BAD_GATEWAY, &format!("Switchboard could reach none of the providers for {}.", req.asked)),
    }
}

/// Codex is told that the model's provider is over its monthly budget and none of its
/// fallbacks is within one (a 402, which Codex shows and does not retry).
fn over_budget(mut req: Request, id: &str, model: &str) -> Response<Body> {
    let slug = format!("{id}/{model}");
    let args = match budget::standing(&req.home, id) {
        Some(s) => Args::new().text("spent", format!("{:.2}", s.spent)).text("budget", format!("{:.2}", s.budget)).text("currency", s.currency).text("month", s.month),
        None => Args::new().text("spent", "?").text("budget", "?").text("currency", "").text("month", ""),
    };
    let words = Words::new("router-over-budget", args.text("provider", id).text("model", &slug));
    let resp = error(StatusCode::PAYMENT_REQUIRED, &words.in_language(crate::desktop::chosen_language::current()));
    // Recorded with the models passed by; no move to show, since it went nowhere.
    req.quiet = true;
    req.finish(Served { resp, provider: id.to_owned(), model: model.to_owned(), status: 402, watch: Watch::default(), judged: Judged::Refusal })
}

/// The provider id of a `<id>/<model>` slug.
fn provider_of(slug: &str) -> &str {
    slug.split_once('/').map_or(slug, |(id, _)| id)
}

/// What the cool-downs know an upstream by: the home and the provider.
fn cool_key(home: &str, id: &str) -> String {
    format!("{home}\n{id}")
}

fn moved_from(slug: &str, reason: Reason, status: Option<u16>) -> Failover {
    let (p, m) = slug.split_once('/').unwrap_or((slug, ""));
    Failover { from_provider: p.to_owned(), from_model: m.to_owned(), reason: reason.code().to_owned(), status }
}

/// What was made of an answer before it goes to Codex.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Judged {
    /// Its upstream failed, and that was counted.
    Failure,
    /// A refusal Codex gets as it came: neither a failure nor a success of the upstream.
    Refusal,
    /// An answer: how it ends says whether the upstream served it.
    Answer,
}

/// An answer about to go to Codex, and whose it is.
struct Served {
    resp: Response<Body>,
    provider: String,
    model: String,
    /// The status the usage record keeps (the upstream's refusal, 0 when nothing answered).
    status: u16,
    watch: Watch,
    judged: Judged,
}

impl Served {
    fn of(resp: Response<Body>, c: &Candidate<'_>, status: u16, watch: Watch, judged: Judged) -> Served {
        Served { resp, provider: c.route.id.clone(), model: c.model.clone(), status, watch, judged }
    }
}

/// One request from Codex, on its way through its candidates.
struct Request {
    shared: Arc<Shared>,
    home: String,
    at_ms: u64,
    started: Instant,
    session: Option<String>,
    client: String,
    asked: String,
    follows: bool,
    /// The moves made so far.
    moves: Vec<Failover>,
    policy: Policy,
    /// Its moves are not shown as a failover (Codex was refused).
    quiet: bool,
    /// The request's place among the streams at once, held until Codex has its answer.
    permit: Option<tokio::sync::OwnedSemaphorePermit>,
}

impl Request {
    /// `c` failed for `reason`: counted against it, and a move when there is somewhere to go.
    fn failed(&mut self, c: &Candidate<'_>, reason: Reason, status: Option<u16>, more: bool) {
        self.failed_waiting(c, reason, status, more, None);
    }

    /// The same, when the upstream named how long to leave it alone.
    fn failed_waiting(&mut self, c: &Candidate<'_>, reason: Reason, status: Option<u16>, more: bool, wait: Option<Duration>) {
        let key = cool_key(&self.home, &c.route.id);
        let mut cool = self.shared.cooldowns.lock().unwrap();
        match wait {
            Some(w) => cool.asked_to_wait(&key, Instant::now(), w, &self.policy),
            None => {
                cool.failed(&key, Instant::now(), &self.policy);
            }
        }
        if more {
            self.moves.push(moved_from(&format!("{}/{}", c.route.id, c.model), reason, status));
        }
    }

    /// `s` goes to Codex: the session and the moves are noted now, and the request is
    /// recorded, and its upstream's health, once Codex has had the whole answer.
    fn finish(mut self, s: Served) -> Response<Body> {
        let shared = self.shared.clone();
        if let Some(id) = self.session.clone() {
            shared.seen.note(&self.home, SeenSession { id, client: std::mem::take(&mut self.client), asked: self.asked.clone(), follows: self.follows, provider: s.provider.clone(), model: s.model.clone(), last: now() });
        }
        if !self.moves.is_empty() && !self.quiet {
            let m = Moved { at_ms: self.at_ms, session: self.session.clone(), asked: self.asked.clone(), provider: s.provider.clone(), model: s.model.clone(), served: s.judged != Judged::Failure, failovers: self.moves.clone() };
            shared.events.note(&self.home, m);
        }
        let (parts, body) = s.resp.into_parts();
        let stream = parts.headers.get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|c| c.contains("text/event-stream"));
        let ok = parts.status.is_success();
        let key = cool_key(&self.home, &s.provider);
        let (provider, model, status, judged) = (s.provider, s.model, s.status, s.judged);
        let done = move |w: &Watch| {
            if judged == Judged::Answer {
                let mut cool = self.shared.cooldowns.lock().unwrap();
                if w.completed || (ok && !stream && w.ended) {
                    cool.succeeded(&key);
                } else if w.ended {
                    // It broke off, or failed, after its output began.
                    cool.failed(&key, Instant::now(), &self.policy);
                }
            }
            let first_token_ms = w.first_output.map(|t| t.saturating_duration_since(self.started).as_millis() as u64);
            let r = Record {
                at_ms: self.at_ms,
                session: self.session.take(),
                asked: std::mem::take(&mut self.asked),
                provider,
                model,
                status,
                completed: w.completed,
                tokens: w.tokens.unwrap_or_default(),
                first_token_ms,
                total_ms: self.started.elapsed().as_millis() as u64,
                failovers: std::mem::take(&mut self.moves),
            };
            self.shared.usage.record(&self.home, r);
            drop(self.permit.take());
        };
        let watched = Watched::new(body, s.watch, Box::new(done));
        Response::from_parts(parts, http_body_util::BodyExt::boxed(watched))
    }
}
