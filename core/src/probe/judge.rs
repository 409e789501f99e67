//! The verdict: a pure function from what was observed to the steps, one
//! diagnosis, a sentence and a fix. It also says what must be observed next,
//! so the order of the steps lives here and nowhere else. No I/O.

use std::time::Duration;

use super::endpoint::Endpoint;
use super::observe::{AuthSeen, ConnectSeen, ModelsSeen, Observations, RefusedHeader, ResponsesSeen, StreamEnd, TransportFailure};
use super::diagnosis::{Diagnosis, Verdict, verdict};
use super::report::{Step, StepName, StepStatus};
use super::shape;
use crate::provider::api::Api;
use crate::provider::table::{Auth, ProviderEntry};


/// What the test is about, besides the observations.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub entry: &'a ProviderEntry,
    pub model: &'a str,
    pub limit: Duration,
    pub with_codex: bool,
}

/// The next thing to observe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Resolve the key and build the headers.
    Auth,
    /// DNS, then TCP.
    Connect,
    /// Switchboard's bridge, for a provider behind it.
    Bridge,
    /// `GET /models` and `POST /responses`, side by side.
    Exchange,
    /// `POST /chat/completions`, to explain a 404 on `/responses`.
    ChatProbe,
    Codex,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Need(Need),
    Done(Verdict),
}

/// The steps decided so far (a later call only appends), and what comes next.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub steps: Vec<Step>,
    pub outcome: Outcome,
}

struct Judge<'a> {
    f: &'a Facts<'a>,
    obs: &'a Observations,
    steps: Vec<Step>,
}

impl Judge<'_> {
    fn ok(&mut self, name: StepName, status: StepStatus, message: impl Into<String>, ms: u64) {
        self.steps.push(Step::new(name, status, message, ms));
    }

    fn fail(mut self, name: StepName, ms: u64, v: Verdict) -> Judgement {
        self.steps.push(Step::new(name, StepStatus::Fail, v.message.clone(), ms));
        Judgement { steps: self.steps, outcome: Outcome::Done(v) }
    }

    /// `need` is not observed yet: wait for it, or charge the time-out to it.
    fn pending(mut self, need: Need, ep: Option<&Endpoint>) -> Judgement {
        let Some(ms) = self.obs.timed_out_after_ms else {
            return Judgement { steps: self.steps, outcome: Outcome::Need(need) };
        };
        let secs = self.f.limit.as_secs_f32();
        let host = ep.map(Endpoint::host).unwrap_or_default();
        let late = "No answer before the time limit.";
        let v = match need {
            Need::Auth => verdict(
                Diagnosis::Timeout,
                format!("The key could not be read within {secs} seconds."),
                "The keychain or the token command may be waiting for you to unlock or log in; try again.",
            ),
            _ => verdict(
                Diagnosis::Timeout,
                format!("{host} did not answer within {secs} seconds."),
                "The provider may be overloaded or a firewall may be swallowing the request; try again, or raise --timeout.",
            ),
        };
        match need {
            Need::Auth => self.fail(StepName::Config, ms, v),
            Need::Connect | Need::Bridge => self.fail(StepName::Connect, ms, v),
            Need::Exchange => {
                let answer = match (&self.obs.responses, ep) {
                    (Some(r), Some(ep)) => Some((r.ms, responses_verdict(self.f, ep, &r.seen, false, &[], None))),
                    _ => None,
                };
                match (&self.obs.models, answer) {
                    // The answer came; /models was the step still running.
                    (None, Some((r_ms, Answer::Ok(msg)))) => {
                        self.steps.push(Step::new(StepName::Models, StepStatus::Fail, v.message.clone(), ms));
                        self.ok(StepName::Responses, StepStatus::Ok, msg, r_ms);
                        return Judgement { steps: self.steps, outcome: Outcome::Done(v) };
                    }
                    (None, Some((r_ms, Answer::Fail(failed)))) => {
                        self.ok(StepName::Models, StepStatus::Warn, late, ms);
                        return self.fail(StepName::Responses, r_ms, failed);
                    }
                    (None, _) => self.ok(StepName::Models, StepStatus::Warn, late, ms),
                    (Some(m), _) => {
                        let (status, message) = models_step(&m.seen);
                        self.ok(StepName::Models, if status == StepStatus::Fail { StepStatus::Warn } else { status }, message, m.ms);
                    }
                }
                self.fail(StepName::Responses, ms, v)
            }
            Need::ChatProbe => {
                let before = self.obs.responses.as_ref().map_or(0, |r| r.ms);
                self.fail(StepName::Responses, before.max(ms), v)
            }
            Need::Codex => self.fail(StepName::Codex, ms, v),
        }
    }
}

/// Judges `obs`. Pure: the same facts always give the same judgement.
pub fn judge(f: &Facts, obs: &Observations) -> Judgement {
    let mut j = Judge { f, obs, steps: Vec::new() };
    let entry = f.entry;

    // 1. Config, no network: the table, the URL, the key, the headers.
    let config_ms = obs.auth.as_ref().map_or(0, |a| a.ms);
    let ep = match shape::check(entry) {
        Ok(ep) => ep,
        Err(v) => return j.fail(StepName::Config, config_ms, v),
    };
    let Some(auth) = &obs.auth else { return j.pending(Need::Auth, Some(&ep)) };
    if let Some(v) = auth_verdict(entry, &auth.seen) {
        return j.fail(StepName::Config, config_ms, v);
    }
    if let Some(v) = headers_verdict(entry, &obs.refused_headers) {
        return j.fail(StepName::Config, config_ms, v);
    }
    j.ok(StepName::Config, StepStatus::Ok, format!("{}, {}", ep.as_str(), key_source(entry)), config_ms);

    // 2. Reach the host: DNS, then TCP.
    let Some(connect) = &obs.connect else { return j.pending(Need::Connect, Some(&ep)) };
    let reached = match connect_verdict(&ep, &connect.seen) {
        Ok(msg) => msg,
        Err(v) => return j.fail(StepName::Connect, connect.ms, v),
    };
    // A provider behind the bridge: the bridge answers too (it starts if it must).
    if entry.api == Api::Chat {
        let Some(bridge) = &obs.bridge else { return j.pending(Need::Bridge, Some(&ep)) };
        match &bridge.seen {
            Ok(port) => j.ok(StepName::Connect, StepStatus::Ok, format!("{reached}; Switchboard's bridge answers on 127.0.0.1:{port}"), connect.ms + bridge.ms),
            Err(why) => {
                let v = verdict(
                    Diagnosis::Unreachable,
                    format!("Switchboard's bridge, which Codex reaches this provider through, cannot run: {}", why.trim_start_matches("switchboard: ")),
                    "Run `switchboard bridge status`; if another program holds the port, stop it or pick another (SWITCHBOARD_BRIDGE_PORT, then `switchboard edit <id> --api chat`).",
                );
                return j.fail(StepName::Connect, connect.ms + bridge.ms, v);
            }
        }
    } else {
        j.ok(StepName::Connect, StepStatus::Ok, reached, connect.ms);
    }

    // 3 and 4: GET /models (a warning at worst) and POST /responses (the verdict).
    let (Some(models), Some(resp)) = (&obs.models, &obs.responses) else { return j.pending(Need::Exchange, Some(&ep)) };
    let listed: &[String] = match &models.seen {
        ModelsSeen::Listed(l) => l,
        _ => &[],
    };
    let models_ok = matches!(models.seen, ModelsSeen::Listed(_) | ModelsSeen::Answered);
    let answer = responses_verdict(f, &ep, &resp.seen, models_ok, listed, obs.chat_answers);
    let (status, mut message) = models_step(&models.seen);
    if let ModelsSeen::Failed(t) = &models.seen {
        if let Some(v) = transport_verdict(t, &ep) {
            if !matches!(answer, Answer::Ok(_)) {
                return j.fail(StepName::Models, models.ms, v);
            }
            message = v.message;
        }
    }
    j.ok(StepName::Models, if status == StepStatus::Fail { StepStatus::Warn } else { status }, message, models.ms);
    match answer {
        Answer::Ok(msg) => j.ok(StepName::Responses, StepStatus::Ok, msg, resp.ms),
        Answer::Fail(v) => return j.fail(StepName::Responses, resp.ms, v),
        Answer::NeedChatProbe => return j.pending(Need::ChatProbe, Some(&ep)),
    }

    // 5. Optional: Codex's own verdict.
    if f.with_codex {
        let Some(codex) = &obs.codex else { return j.pending(Need::Codex, Some(&ep)) };
        if let Err(line) = &codex.seen {
            let v = verdict(
                Diagnosis::UnexpectedResponse,
                format!("The provider answered Switchboard, but Codex failed: {line}"),
                "Run the same codex command yourself to see its full output.",
            );
            j.steps.push(Step::new(StepName::Codex, StepStatus::Fail, line.clone(), codex.ms));
            return Judgement { steps: j.steps, outcome: Outcome::Done(v) };
        }
        j.ok(StepName::Codex, StepStatus::Ok, "codex exec replied", codex.ms);
    }
    let name = entry.name.as_deref().unwrap_or(&entry.id);
    let ok = if entry.api == Api::Chat {
        verdict(Diagnosis::Ok, format!("{name} answers with {} through Switchboard's bridge, which speaks Chat Completions to it; Codex will work.", f.model), "")
    } else {
        verdict(Diagnosis::Ok, format!("{name} answers the Responses API with {}; Codex will work.", f.model), "")
    };
    Judgement { steps: j.steps, outcome: Outcome::Done(ok) }
}

fn key_source(entry: &ProviderEntry) -> String {
    match &entry.auth {
        Auth::Keychain => "key from the system keychain".to_owned(),
        Auth::Env { var } => format!("key from ${var}"),
        Auth::Command { command, .. } => format!("token from `{command}`"),
        Auth::None => "no key".to_owned(),
        Auth::FileToken => "key written in config.toml".to_owned(),
    }
}

fn auth_verdict(entry: &ProviderEntry, seen: &AuthSeen) -> Option<Verdict> {
    let id = &entry.id;
    Some(match seen {
        AuthSeen::NoKey | AuthSeen::Key => return None,
        AuthSeen::KeychainEmpty => verdict(
            Diagnosis::MissingKey,
            format!("No key is stored for `{id}` in the system keychain."),
            format!("Paste your key with `switchboard key set {id}` (it reads standard input)."),
        ),
        AuthSeen::KeychainFailed { message, hint } => verdict(Diagnosis::MissingKey, message, hint),
        AuthSeen::EnvUnset { var } => verdict(
            Diagnosis::MissingKey,
            format!("The environment variable {var} is not set, so Codex has no key for `{id}`."),
            format!("Export {var} in the shell that starts Codex, or keep the key in the keychain: `switchboard key set {id}`."),
        ),
        AuthSeen::CommandTimedOut { shown, waited_ms } => verdict(
            Diagnosis::TokenCommandFailed,
            format!("The token command `{shown}` did not finish within {:.1} seconds.", *waited_ms as f32 / 1000.0),
            "Run it yourself: it may be waiting for a login or a prompt.",
        ),
        AuthSeen::CommandNotStarted { command, error } => verdict(
            Diagnosis::TokenCommandFailed,
            format!("The token command `{command}` could not be started: {error}."),
            "Check that it is installed and on PATH, or give its absolute path.",
        ),
        AuthSeen::CommandFailed { shown, status, line } => verdict(
            Diagnosis::TokenCommandFailed,
            format!("The token command `{shown}` failed ({status}): {}", clip(line)),
            "Run it yourself to see why; you may need to log in again (for example `az login`).",
        ),
        AuthSeen::CommandPrintedNothing { shown } => {
            verdict(Diagnosis::TokenCommandFailed, format!("The token command `{shown}` printed nothing."), "It must print the token on standard output.")
        }
    })
}

fn headers_verdict(entry: &ProviderEntry, refused: &[RefusedHeader]) -> Option<Verdict> {
    let h = refused.first()?;
    let id = &entry.id;
    let (table, what) = match &h.env_var {
        Some(var) => ("env_http_headers", format!("the value of ${var} for the header `{}`", h.name)),
        None => ("http_headers", format!("the header `{}`", h.name)),
    };
    let (message, hint) = if h.bad_name {
        (
            format!("The header name `{}` in {table} is not a valid HTTP header name, so it cannot be sent.", h.name),
            format!(
                "Header names may hold only letters, digits and !#$%&'*+-.^_`|~; fix it with `switchboard edit {id} --header NAME=VALUE` or in config.toml."
            ),
        )
    } else {
        (
            format!("{} cannot be sent: it holds a line break or another control character.", capitalise(&what)),
            format!("Remove the control characters from {what}."),
        )
    };
    Some(verdict(Diagnosis::InvalidConfig, message, hint))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn connect_verdict(ep: &Endpoint, seen: &ConnectSeen) -> Result<String, Verdict> {
    let (host, port) = (ep.host_name(), ep.port());
    match seen {
        ConnectSeen::Reached { addr } => Ok(format!("{} is reachable at {addr}", ep.host())),
        ConnectSeen::NoAddress => Err(verdict(
            Diagnosis::Dns,
            format!("The name {host} could not be found (DNS)."),
            "Check the spelling of the base URL, and that you are on the network (or VPN) that knows this host.",
        )),
        ConnectSeen::Failed { .. } if port == 11434 && ep.is_local() => Err(verdict(
            Diagnosis::Unreachable,
            format!("Ollama is not running on {host}:{port}."),
            "Start it with `ollama serve` (or open the Ollama app), then test again.",
        )),
        ConnectSeen::Failed { refused: true } => Err(verdict(
            Diagnosis::Unreachable,
            format!("Nothing is listening on {host}:{port}: the connection was refused."),
            "Check the port in the base URL, and that the server is running.",
        )),
        ConnectSeen::Failed { refused: false } => {
            Err(verdict(Diagnosis::Unreachable, format!("{host}:{port} cannot be reached."), "Check your network, VPN or proxy."))
        }
    }
}

/// The models step as a warning at worst (`Fail` marks a transport failure the caller may promote).
fn models_step(seen: &ModelsSeen) -> (StepStatus, String) {
    match seen {
        ModelsSeen::Listed(list) => (StepStatus::Ok, format!("{} models listed", list.len())),
        ModelsSeen::Answered => (StepStatus::Ok, "answered, without a model list Switchboard can read".into()),
        ModelsSeen::TooLarge => (StepStatus::Warn, format!("GET /models answered more than {} MB; Switchboard stopped reading there", super::http::MODELS_CAP >> 20)),
        ModelsSeen::Status(code) => (StepStatus::Warn, format!("GET /models answered {code}")),
        ModelsSeen::Html => (StepStatus::Warn, "GET /models answered with a web page".into()),
        ModelsSeen::Failed(_) => (StepStatus::Fail, "GET /models failed".into()),
    }
}

enum Answer {
    Ok(String),
    Fail(Verdict),
    NeedChatProbe,
}

fn responses_verdict(f: &Facts, ep: &Endpoint, seen: &ResponsesSeen, models_ok: bool, listed: &[String], chat: Option<bool>) -> Answer {
    let entry = f.entry;
    let fail = Answer::Fail;
    match seen {
        ResponsesSeen::Failed(t) => fail(transport_verdict(t, ep).unwrap_or_else(|| unexpected(&t.chain))),
        ResponsesSeen::Redirect { status, location } => {
            let route = ep.route("/responses", &entry.query_params);
            let (host, suggested) = match ep.resolve(&route, location) {
                Some(to) => (to.host(), to.suggested_base()),
                None => (String::new(), location.clone()),
            };
            let message = if host != ep.host() {
                format!("The base URL redirects to another host ({host}); Switchboard did not follow it with your key.")
            } else {
                format!("The base URL redirects ({status}) to {suggested}.")
            };
            fail(verdict(
                Diagnosis::WrongBaseUrl,
                message,
                format!("If you trust that address, use it as the base URL: `switchboard edit {} --base-url {suggested}`.", entry.id),
            ))
        }
        // Behind the bridge, a 404 is the provider's: its Chat Completions path is elsewhere.
        ResponsesSeen::Status { status: 404 | 405, html: false, body } if entry.api == Api::Chat && !mentions_model(body) => fail(wrong_base_url_404(entry, ep)),
        ResponsesSeen::Status { status: status @ (404 | 405), html, body } => {
            if *html {
                fail(wrong_base_url_html(entry, ep))
            } else if mentions_model(body) {
                fail(model_not_found(f.model, listed))
            } else if models_ok || chat == Some(true) {
                fail(no_responses_api(entry, *status, chat == Some(true)))
            } else if chat.is_none() {
                Answer::NeedChatProbe
            } else {
                fail(wrong_base_url_404(entry, ep))
            }
        }
        ResponsesSeen::Status { status, body, .. } => fail(status_verdict(*status, body, f, listed)),
        ResponsesSeen::Html => fail(wrong_base_url_html(entry, ep)),
        ResponsesSeen::NotStream { body } if body.trim_start().starts_with('<') => fail(wrong_base_url_html(entry, ep)),
        ResponsesSeen::NotStream { .. } => fail(verdict(
            Diagnosis::UnexpectedResponse,
            "The provider answered /responses without a stream (no text/event-stream), which Codex cannot use.",
            "Check that the provider supports streaming on the Responses API.",
        )),
        ResponsesSeen::Stream { created, end } => stream_verdict(*created, end, f, listed),
    }
}

fn stream_verdict(created: bool, end: &StreamEnd, f: &Facts, listed: &[String]) -> Answer {
    match end {
        StreamEnd::Completed => Answer::Ok("streamed through response.completed".into()),
        StreamEnd::Failed(msg) => {
            let msg = msg.as_deref().unwrap_or("the provider reported an error");
            if mentions_model(msg) {
                return Answer::Fail(model_not_found(f.model, listed));
            }
            Answer::Fail(verdict(
                Diagnosis::ProviderError,
                format!("The provider started answering, then failed: {}", clip(msg)),
                "Try again; if it keeps failing, try another model.",
            ))
        }
        StreamEnd::Capped => Answer::Fail(verdict(
            Diagnosis::UnexpectedResponse,
            format!("The provider's stream went on past {} MB without response.completed; Switchboard stopped reading.", super::http::STREAM_CAP >> 20),
            "The endpoint may speak another protocol; check that it implements POST /v1/responses.",
        )),
        StreamEnd::Closed | StreamEnd::Broken(_) if created => {
            Answer::Ok("streamed (response.created seen; the stream ended before response.completed)".into())
        }
        StreamEnd::Broken(e) => Answer::Fail(unexpected(e)),
        StreamEnd::Closed => Answer::Fail(verdict(
            Diagnosis::UnexpectedResponse,
            "The provider's stream did not contain Responses API events (no response.created).",
            "The endpoint may speak another protocol; check that it implements POST /v1/responses.",
        )),
    }
}

fn status_verdict(status: u16, body: &str, f: &Facts, listed: &[String]) -> Verdict {
    let entry = f.entry;
    let lower = body.to_lowercase();
    let api_version = lower.contains("api-version") || lower.contains("api version");
    if matches!(status, 400 | 422) && mentions_model(body) && !api_version {
        return model_not_found(f.model, listed);
    }
    let id = &entry.id;
    let quoted = error_message(body).map(|m| format!(": {}", clip(&m))).unwrap_or_default();
    match status {
        401 | 403 => verdict(
            Diagnosis::Unauthorized,
            format!("The provider rejected the key ({status}){quoted}."),
            format!("Check the key, or paste a new one with `switchboard key set {id}`."),
        ),
        429 => verdict(
            Diagnosis::RateLimited,
            "The provider says too many requests (429): the key works, but its rate limit or credit is used up.",
            "Wait a minute, or check your plan and credit with the provider.",
        ),
        500..=599 => verdict(
            Diagnosis::ProviderError,
            format!("The provider had an internal error ({status}); this is on their side."),
            "Try again in a few minutes, or check the provider's status page.",
        ),
        400 | 422 if api_version => verdict(
            Diagnosis::AzureApiVersion,
            format!("Azure refused the api-version{}.", entry.query_params.get("api-version").map(|v| format!(" `{v}`")).unwrap_or_default()),
            format!(
                "With the /openai/v1 base URL leave api-version out (`switchboard edit {id} --api-version \"\"`); with the older /openai path use a supported one such as 2025-04-01-preview."
            ),
        ),
        _ => verdict(
            Diagnosis::UnexpectedResponse,
            format!("The provider answered {status}{quoted}."),
            "Check the base URL, model and headers against the provider's documentation.",
        ),
    }
}

fn model_not_found(model: &str, models: &[String]) -> Verdict {
    let offered = if models.is_empty() {
        String::new()
    } else {
        let shown: Vec<&str> = models.iter().take(8).map(String::as_str).collect();
        format!(" It offers: {}{}.", shown.join(", "), if models.len() > 8 { ", …" } else { "" })
    };
    verdict(
        Diagnosis::ModelNotFound,
        format!("The provider does not know the model `{model}`.{offered}"),
        "Pick one of the provider's models (the model picker lists them), or check the spelling.",
    )
}

fn no_responses_api(entry: &ProviderEntry, status: u16, chat_answers: bool) -> Verdict {
    let hint = if chat_answers {
        format!("Let Codex reach it through Switchboard's bridge, which speaks Chat Completions to it: `switchboard edit {} --api chat`.", entry.id)
    } else {
        "Use a provider or gateway version that supports /v1/responses (for Ollama, 0.13.3 or later).".to_owned()
    };
    verdict(
        Diagnosis::NoResponsesApi,
        format!(
            "{} answers, but has no Responses API (POST /responses gave {status}): it speaks only Chat Completions, and Codex needs the Responses API.",
            entry.name.as_deref().unwrap_or(&entry.id)
        ),
        hint,
    )
}

fn documented_base(entry: &ProviderEntry, ep: &Endpoint) -> Option<&'static str> {
    ep.known_base().or_else(|| {
        let p = crate::provider::preset::detect(entry.base_url.as_deref().unwrap_or(""));
        crate::provider::preset::PRESETS.iter().find(|x| x.preset == p).map(|x| x.base_url).filter(|u| !u.is_empty() && !u.contains('{'))
    })
}

fn wrong_base_url_html(entry: &ProviderEntry, ep: &Endpoint) -> Verdict {
    let hint = match documented_base(entry, ep) {
        Some(url) => {
            let name = Endpoint::parse(url).map(|e| e.display_name()).unwrap_or_else(|| url.to_owned());
            format!("Your base URL answers with a web page. {name}'s API lives at {url}.")
        }
        None => "The base URL points at a web page, not the API; it usually ends in /v1.".into(),
    };
    verdict(Diagnosis::WrongBaseUrl, "Your base URL answers with a web page, not the API.", hint)
}

fn wrong_base_url_404(entry: &ProviderEntry, ep: &Endpoint) -> Verdict {
    let hint = match documented_base(entry, ep) {
        Some(url) => format!("Use {url}."),
        None => "Check the path: most providers serve the API under /v1 (for example https://host/v1).".into(),
    };
    verdict(Diagnosis::WrongBaseUrl, format!("Nothing answers at {}: both /models and /responses gave 404.", ep.as_str()), hint)
}

fn transport_verdict(t: &TransportFailure, ep: &Endpoint) -> Option<Verdict> {
    let lower = t.chain.to_lowercase();
    let host = ep.host();
    if t.timeout {
        return Some(verdict(Diagnosis::Timeout, format!("{host} stopped answering."), "Try again, or raise --timeout."));
    }
    let tls = ["certificate", "tls", "handshake", "ssl", "invalidcontenttype", "corrupt message"];
    if tls.iter().any(|w| lower.contains(w)) {
        let plain = ["corrupt", "invalidcontenttype", "wrong version"].iter().any(|w| lower.contains(w));
        return Some(verdict(
            Diagnosis::Tls,
            format!("The secure (TLS) connection to {host} failed."),
            if ep.is_https() && plain {
                "The server does not speak HTTPS on this port; try http:// instead."
            } else {
                "A proxy or firewall may be intercepting TLS, or the server's certificate is not trusted by this machine."
            },
        ));
    }
    if t.connect {
        return Some(verdict(Diagnosis::Unreachable, format!("The connection to {host} failed."), "Check your network, VPN or proxy."));
    }
    None
}

fn unexpected(detail: &str) -> Verdict {
    verdict(Diagnosis::UnexpectedResponse, format!("The request failed: {}", clip(detail)), "Check the base URL and try again.")
}

/// The provider's own error message in a JSON error body.
fn error_message(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    v["error"]["message"].as_str().or(v["message"].as_str()).or(v["error"].as_str()).map(str::to_owned)
}

fn mentions_model(body: &str) -> bool {
    let b = body.to_lowercase();
    let missing = ["not found", "does not exist", "not exist", "unknown", "invalid model", "not a valid model"];
    b.contains("model_not_found") || (b.contains("model") && missing.iter().any(|w| b.contains(w)))
}

/// The first line, at most 200 characters.
pub fn clip(s: &str) -> String {
    let one = s.lines().next().unwrap_or("").trim();
    if one.chars().count() > 200 { format!("{}…", one.chars().take(200).collect::<String>()) } else { one.to_owned() }
}

#[cfg(test)]
#[path = "judge_tests.rs"]
mod tests;
