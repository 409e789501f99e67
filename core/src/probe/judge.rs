//! The verdict: a pure function from what was observed to the steps, one
//! diagnosis, a sentence and a fix. It also says what must be observed next,
//! so the order of the steps lives here and nowhere else. No I/O.

use std::time::Duration;

use super::endpoint::Endpoint;
use super::observe::{AuthSeen, BridgeDown, ConnectSeen, ModelsSeen, Observations, RefusedHeader, ResponsesSeen, StreamEnd, TransportFailure};
use super::path::{Decision, PathSeen, ToolsSeen, decide};
use super::diagnosis::{Diagnosis, Hint, Verdict, verdict};
use super::report::{Step, StepName, StepStatus};
use super::shape;
use crate::locale::{self, Args, Language};
use crate::provider::api::Api;
use crate::provider::table::{Auth, ProviderEntry};

/// The message `id` of `locales/*/core.ftl` in `lang`.
fn w(lang: Language, id: &str, args: Args) -> String {
    locale::text(lang, id, &args)
}

/// The fix `id` (a `-hint` message) in `lang`, as the CLI and the window word it.
fn h(lang: Language, id: &str, args: Args) -> Hint {
    Hint::worded(lang, id, args)
}

fn no_args() -> Args {
    Args::new()
}


/// What the test is about, besides the observations.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub entry: &'a ProviderEntry,
    pub model: &'a str,
    pub limit: Duration,
    pub with_codex: bool,
    /// The language of the sentences (the JSON report's codes never change with it).
    pub lang: Language,
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
    /// The way Codex reaches it: `/responses` with Codex's own tools (see `path`).
    Path,
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
        let lang = self.f.lang;
        let late = w(lang, "test-late", no_args());
        let late = late.as_str();
        let v = match need {
            Need::Auth => verdict(
                Diagnosis::Timeout,
                w(lang, "test-timeout-key", Args::new().text("secs", secs)),
                h(lang, "test-timeout-key-hint", no_args()),
            ),
            _ => verdict(
                Diagnosis::Timeout,
                w(lang, "test-timeout-host", Args::new().text("host", &host).text("secs", secs)),
                h(lang, "test-timeout-host-hint", no_args()),
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
                        let (status, message) = models_step(&m.seen, lang);
                        self.ok(StepName::Models, if status == StepStatus::Fail { StepStatus::Warn } else { status }, message, m.ms);
                    }
                }
                self.fail(StepName::Responses, ms, v)
            }
            Need::ChatProbe => {
                let before = self.obs.responses.as_ref().map_or(0, |r| r.ms);
                self.fail(StepName::Responses, before.max(ms), v)
            }
            Need::Path => self.fail(StepName::Responses, ms, v),
            Need::Codex => self.fail(StepName::Codex, ms, v),
        }
    }
}

/// Judges `obs`. Pure: the same facts always give the same judgement.
pub fn judge(f: &Facts, obs: &Observations) -> Judgement {
    let mut j = Judge { f, obs, steps: Vec::new() };
    let entry = f.entry;
    let lang = f.lang;

    // 1. Config, no network: the table, the URL, the key, the headers.
    let config_ms = obs.auth.as_ref().map_or(0, |a| a.ms);
    let ep = match shape::check(entry, lang) {
        Ok(ep) => ep,
        Err(v) => return j.fail(StepName::Config, config_ms, v),
    };
    let Some(auth) = &obs.auth else { return j.pending(Need::Auth, Some(&ep)) };
    if let Some(v) = auth_verdict(entry, &auth.seen, lang) {
        return j.fail(StepName::Config, config_ms, v);
    }
    if let Some(v) = headers_verdict(entry, &obs.refused_headers, lang) {
        return j.fail(StepName::Config, config_ms, v);
    }
    j.ok(StepName::Config, StepStatus::Ok, w(lang, "test-config-ok", Args::new().text("url", ep.as_str()).text("key", key_source(entry, lang))), config_ms);

    // 2. Reach the host: DNS, then TCP.
    let Some(connect) = &obs.connect else { return j.pending(Need::Connect, Some(&ep)) };
    let reached = match connect_verdict(&ep, &connect.seen, lang) {
        Ok(msg) => msg,
        Err(v) => return j.fail(StepName::Connect, connect.ms, v),
    };
    // A provider behind the bridge: the bridge answers too (it starts if it must).
    if entry.api == Api::Chat {
        let Some(bridge) = &obs.bridge else { return j.pending(Need::Bridge, Some(&ep)) };
        match &bridge.seen {
            Ok(port) => j.ok(StepName::Connect, StepStatus::Ok, w(lang, "test-bridge-ok", Args::new().text("reached", &reached).text("port", port)), connect.ms + bridge.ms),
            Err(down) => {
                let why = match down {
                    BridgeDown::Url => w(lang, "test-bridge-url", no_args()),
                    BridgeDown::Problem(p) => p.sentence_in(lang),
                    BridgeDown::Lost(e) => e.clone(),
                };
                let v = verdict(
                    Diagnosis::Unreachable,
                    w(lang, "test-bridge-down", Args::new().text("why", why)),
                    h(lang, "test-bridge-down-hint", no_args()),
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
    let (status, mut message) = models_step(&models.seen, lang);
    if let ModelsSeen::Failed(t) = &models.seen {
        if let Some(v) = transport_verdict(t, &ep, lang) {
            if !matches!(answer, Answer::Ok(_)) {
                return j.fail(StepName::Models, models.ms, v);
            }
            message = v.message;
        }
    }
    j.ok(StepName::Models, if status == StepStatus::Fail { StepStatus::Warn } else { status }, message, models.ms);
    let answered = match answer {
        Answer::Ok(msg) => msg,
        Answer::Fail(v) => return j.fail(StepName::Responses, resp.ms, v),
        Answer::NeedChatProbe => return j.pending(Need::ChatProbe, Some(&ep)),
    };

    // 4b. The way Codex reaches it: whether the Responses API takes the tools Codex
    // sends (a direct provider needs that; a bridged one may not need the bridge any more).
    // Out of time here, the Test says nothing of it.
    match (&obs.path, obs.timed_out_after_ms) {
        (Some(path), _) => {
            if let Some(v) = tools_verdict(f, &path.seen) {
                return j.fail(StepName::Responses, resp.ms + path.ms, v);
            }
        }
        (None, None) => return j.pending(Need::Path, Some(&ep)),
        (None, Some(_)) => {}
    }
    j.ok(StepName::Responses, StepStatus::Ok, answered, resp.ms);

    // 5. Optional: Codex's own verdict.
    if f.with_codex {
        let Some(codex) = &obs.codex else { return j.pending(Need::Codex, Some(&ep)) };
        if let Err(line) = &codex.seen {
            let v = verdict(
                Diagnosis::UnexpectedResponse,
                w(lang, "test-codex-failed", Args::new().text("line", line)),
                h(lang, "test-codex-failed-hint", no_args()),
            );
            j.steps.push(Step::new(StepName::Codex, StepStatus::Fail, line.clone(), codex.ms));
            return Judgement { steps: j.steps, outcome: Outcome::Done(v) };
        }
        j.ok(StepName::Codex, StepStatus::Ok, w(lang, "test-codex-ok", no_args()), codex.ms);
    }
    let name = entry.name.as_deref().unwrap_or(&entry.id);
    let args = Args::new().text("name", name).text("model", f.model);
    let ok = verdict(Diagnosis::Ok, w(lang, if entry.api == Api::Chat { "test-ok-bridged" } else { "test-ok" }, args), "");
    Judgement { steps: j.steps, outcome: Outcome::Done(ok) }
}

fn key_source(entry: &ProviderEntry, lang: Language) -> String {
    match &entry.auth {
        Auth::Keychain => w(lang, "test-key-keychain", no_args()),
        Auth::Env { var } => w(lang, "test-key-env", Args::new().text("var", var)),
        Auth::Command { command, .. } => w(lang, "test-key-command", Args::new().text("command", command)),
        Auth::None => w(lang, "test-key-none", no_args()),
        Auth::FileToken => w(lang, "test-key-file", no_args()),
    }
}

fn auth_verdict(entry: &ProviderEntry, seen: &AuthSeen, lang: Language) -> Option<Verdict> {
    let id = &entry.id;
    Some(match seen {
        AuthSeen::NoKey | AuthSeen::Key => return None,
        AuthSeen::KeychainEmpty => verdict(
            Diagnosis::MissingKey,
            w(lang, "test-keychain-empty", Args::new().text("id", id)),
            h(lang, "test-keychain-empty-hint", Args::new().text("id", id)),
        ),
        AuthSeen::KeychainFailed(Some(e)) => verdict(Diagnosis::MissingKey, e.0.message(lang), Hint::of(&e.0, lang)),
        AuthSeen::KeychainFailed(None) => verdict(Diagnosis::MissingKey, w(lang, "test-keychain-unreadable", no_args()), String::new()),
        AuthSeen::EnvUnset { var } => verdict(
            Diagnosis::MissingKey,
            w(lang, "test-env-unset", Args::new().text("var", var).text("id", id)),
            h(lang, "test-env-unset-hint", Args::new().text("var", var).text("id", id)),
        ),
        AuthSeen::CommandTimedOut { shown, waited_ms } => verdict(
            Diagnosis::TokenCommandFailed,
            w(lang, "test-command-timeout", Args::new().text("command", shown).text("secs", format!("{:.1}", *waited_ms as f32 / 1000.0))),
            h(lang, "test-command-timeout-hint", no_args()),
        ),
        AuthSeen::CommandNotStarted { command, error } => verdict(
            Diagnosis::TokenCommandFailed,
            w(lang, "test-command-not-started", Args::new().text("command", command).text("error", error)),
            h(lang, "test-command-not-started-hint", no_args()),
        ),
        AuthSeen::CommandFailed { shown, status, line } => verdict(
            Diagnosis::TokenCommandFailed,
            w(lang, "test-command-failed", Args::new().text("command", shown).text("status", status).text("line", clip(line))),
            h(lang, "test-command-failed-hint", no_args()),
        ),
        AuthSeen::CommandPrintedNothing { shown } => verdict(
            Diagnosis::TokenCommandFailed,
            w(lang, "test-command-silent", Args::new().text("command", shown)),
            h(lang, "test-command-silent-hint", no_args()),
        ),
    })
}

fn headers_verdict(entry: &ProviderEntry, refused: &[RefusedHeader], lang: Language) -> Option<Verdict> {
    let bad = refused.first()?;
    let args = || Args::new().text("name", &bad.name).text("id", &entry.id);
    let (message, hint) = match (&bad.env_var, bad.bad_name) {
        (var, true) => {
            let table = if var.is_some() { "env_http_headers" } else { "http_headers" };
            (w(lang, "test-header-bad-name", Args::new().text("name", &bad.name).text("table", table)), h(lang, "test-header-bad-name-hint", Args::new().text("id", &entry.id)))
        }
        (Some(var), false) => (
            w(lang, "test-header-env-control", args().text("var", var)),
            h(lang, "test-header-env-control-hint", Args::new().text("name", &bad.name).text("var", var)),
        ),
        (None, false) => (w(lang, "test-header-control", Args::new().text("name", &bad.name)), h(lang, "test-header-control-hint", Args::new().text("name", &bad.name))),
    };
    Some(verdict(Diagnosis::InvalidConfig, message, hint))
}

fn connect_verdict(ep: &Endpoint, seen: &ConnectSeen, lang: Language) -> Result<String, Verdict> {
    let (host, port) = (ep.host_name(), ep.port());
    let hp = || Args::new().text("host", &host).text("port", port);
    match seen {
        ConnectSeen::Reached { addr } => Ok(w(lang, "test-reached", Args::new().text("host", ep.host()).text("addr", addr))),
        ConnectSeen::NoAddress => Err(verdict(Diagnosis::Dns, w(lang, "test-dns", Args::new().text("host", &host)), h(lang, "test-dns-hint", no_args()))),
        ConnectSeen::Failed { .. } if port == 11434 && ep.is_local() => {
            Err(verdict(Diagnosis::Unreachable, w(lang, "test-ollama-down", hp()), h(lang, "test-ollama-down-hint", no_args())))
        }
        ConnectSeen::Failed { refused: true } => Err(verdict(Diagnosis::Unreachable, w(lang, "test-refused", hp()), h(lang, "test-refused-hint", no_args()))),
        ConnectSeen::Failed { refused: false } => {
            Err(verdict(Diagnosis::Unreachable, w(lang, "test-unreachable", hp()), h(lang, "test-network-hint", no_args())))
        }
    }
}

/// The models step as a warning at worst (`Fail` marks a transport failure the caller may promote).
fn models_step(seen: &ModelsSeen, lang: Language) -> (StepStatus, String) {
    match seen {
        ModelsSeen::Listed(list) => (StepStatus::Ok, w(lang, "test-models-listed", Args::new().number("count", list.len() as u32))),
        ModelsSeen::Answered => (StepStatus::Ok, w(lang, "test-models-answered", no_args())),
        ModelsSeen::TooLarge => (StepStatus::Warn, w(lang, "test-models-too-large", Args::new().text("mb", super::http::MODELS_CAP >> 20))),
        ModelsSeen::Status(code) => (StepStatus::Warn, w(lang, "test-models-status", Args::new().text("status", code))),
        ModelsSeen::Html => (StepStatus::Warn, w(lang, "test-models-html", no_args())),
        ModelsSeen::Failed(_) => (StepStatus::Fail, w(lang, "test-models-failed", no_args())),
    }
}

enum Answer {
    Ok(String),
    Fail(Verdict),
    NeedChatProbe,
}

fn responses_verdict(f: &Facts, ep: &Endpoint, seen: &ResponsesSeen, models_ok: bool, listed: &[String], chat: Option<bool>) -> Answer {
    let entry = f.entry;
    let lang = f.lang;
    let fail = Answer::Fail;
    match seen {
        ResponsesSeen::Failed(t) => fail(transport_verdict(t, ep, lang).unwrap_or_else(|| unexpected(&t.chain, lang))),
        ResponsesSeen::Redirect { status, location } => {
            let route = ep.route("/responses", &entry.query_params);
            let (host, suggested) = match ep.resolve(&route, location) {
                Some(to) => (to.host(), to.suggested_base()),
                None => (String::new(), location.clone()),
            };
            let message = if host != ep.host() {
                w(lang, "test-redirect-other-host", Args::new().text("host", &host))
            } else {
                w(lang, "test-redirect", Args::new().text("status", status).text("url", &suggested))
            };
            fail(verdict(Diagnosis::WrongBaseUrl, message, h(lang, "test-redirect-hint", Args::new().text("id", &entry.id).text("url", &suggested))))
        }
        // Behind the bridge, a 404 is the provider's: its Chat Completions path is elsewhere.
        ResponsesSeen::Status { status: 404 | 405, html: false, body } if entry.api == Api::Chat && !mentions_model(body) => fail(wrong_base_url_404(entry, ep, lang)),
        ResponsesSeen::Status { status: status @ (404 | 405), html, body } => {
            if *html {
                fail(wrong_base_url_html(entry, ep, lang))
            } else if mentions_model(body) {
                fail(model_not_found(f.model, listed, lang))
            } else if models_ok || chat == Some(true) {
                fail(no_responses_api(entry, *status, chat == Some(true), lang))
            } else if chat.is_none() {
                Answer::NeedChatProbe
            } else {
                fail(wrong_base_url_404(entry, ep, lang))
            }
        }
        ResponsesSeen::Status { status, body, .. } => fail(status_verdict(*status, body, f, listed)),
        ResponsesSeen::Html => fail(wrong_base_url_html(entry, ep, lang)),
        ResponsesSeen::NotStream { body } if body.trim_start().starts_with('<') => fail(wrong_base_url_html(entry, ep, lang)),
        ResponsesSeen::NotStream { .. } => {
            fail(verdict(Diagnosis::UnexpectedResponse, w(lang, "test-not-stream", no_args()), h(lang, "test-not-stream-hint", no_args())))
        }
        ResponsesSeen::Stream { created, end } => stream_verdict(*created, end, f, listed),
    }
}

fn stream_verdict(created: bool, end: &StreamEnd, f: &Facts, listed: &[String]) -> Answer {
    let lang = f.lang;
    match end {
        StreamEnd::Completed => Answer::Ok(w(lang, "test-streamed", no_args())),
        StreamEnd::Failed(msg) => {
            if msg.as_deref().is_some_and(mentions_model) {
                return Answer::Fail(model_not_found(f.model, listed, lang));
            }
            let said = msg.as_deref().map_or_else(|| w(lang, "test-stream-failed-unsaid", no_args()), clip);
            Answer::Fail(verdict(
                Diagnosis::ProviderError,
                w(lang, "test-stream-failed", Args::new().text("message", said)),
                h(lang, "test-stream-failed-hint", no_args()),
            ))
        }
        StreamEnd::Capped => Answer::Fail(verdict(
            Diagnosis::UnexpectedResponse,
            w(lang, "test-stream-capped", Args::new().text("mb", super::http::STREAM_CAP >> 20)),
            h(lang, "test-other-protocol-hint", no_args()),
        )),
        StreamEnd::Closed | StreamEnd::Broken(_) if created => Answer::Ok(w(lang, "test-streamed-partly", no_args())),
        StreamEnd::Broken(e) => Answer::Fail(unexpected(e, lang)),
        StreamEnd::Closed => {
            Answer::Fail(verdict(Diagnosis::UnexpectedResponse, w(lang, "test-no-events", no_args()), h(lang, "test-other-protocol-hint", no_args())))
        }
    }
}

fn status_verdict(status: u16, body: &str, f: &Facts, listed: &[String]) -> Verdict {
    let entry = f.entry;
    let lang = f.lang;
    let lower = body.to_lowercase();
    let api_version = lower.contains("api-version") || lower.contains("api version");
    if matches!(status, 400 | 422) && mentions_model(body) && !api_version {
        return model_not_found(f.model, listed, lang);
    }
    let id = &entry.id;
    let said = error_message(body).map(|m| clip(&m));
    let with_said = |plain: &str, quoting: &str| match &said {
        Some(m) => w(lang, quoting, Args::new().text("status", status).text("said", m)),
        None => w(lang, plain, Args::new().text("status", status)),
    };
    match status {
        401 | 403 => verdict(
            Diagnosis::Unauthorized,
            with_said("test-unauthorized", "test-unauthorized-said"),
            h(lang, "test-unauthorized-hint", Args::new().text("id", id)),
        ),
        429 => verdict(Diagnosis::RateLimited, w(lang, "test-rate-limited", no_args()), h(lang, "test-rate-limited-hint", no_args())),
        500..=599 => verdict(
            Diagnosis::ProviderError,
            w(lang, "test-server-error", Args::new().text("status", status)),
            h(lang, "test-server-error-hint", no_args()),
        ),
        400 | 422 if api_version => verdict(
            Diagnosis::AzureApiVersion,
            match entry.query_params.get("api-version") {
                Some(v) => w(lang, "test-api-version-named", Args::new().text("version", v)),
                None => w(lang, "test-api-version", no_args()),
            },
            h(lang, "test-api-version-hint", Args::new().text("id", id)),
        ),
        _ => verdict(Diagnosis::UnexpectedResponse, with_said("test-status", "test-status-said"), h(lang, "test-status-hint", no_args())),
    }
}

fn model_not_found(model: &str, models: &[String], lang: Language) -> Verdict {
    let message = if models.is_empty() {
        w(lang, "test-model-unknown", Args::new().text("model", model))
    } else {
        let shown: Vec<&str> = models.iter().take(8).map(String::as_str).collect();
        let list = format!("{}{}", shown.join(", "), if models.len() > 8 { ", …" } else { "" });
        w(lang, "test-model-unknown-offers", Args::new().text("model", model).text("models", list))
    };
    verdict(Diagnosis::ModelNotFound, message, h(lang, "test-model-unknown-hint", no_args()))
}

/// A direct provider whose Responses API refuses the tools Codex sends: Codex would
/// fail there at its first request, so the Test fails, with the bridge as the fix
/// when Chat Completions answers.
fn tools_verdict(f: &Facts, seen: &PathSeen) -> Option<Verdict> {
    let entry = f.entry;
    if entry.api != Api::Responses {
        return None;
    }
    let lang = f.lang;
    let name = entry.name.as_deref().unwrap_or(&entry.id);
    let (status, message) = match (decide(seen), &seen.codex_tools) {
        // Functions taken: Codex works there without apply_patch (the catalog leaves it
        // out), so the Test passes and the note offers the bridge for it.
        (Decision::BridgeToolsRefused { .. }, _) if seen.functions == Some(ToolsSeen::Taken) => return None,
        (Decision::BridgeToolsRefused { status, message, .. }, _) => (status, message),
        (Decision::Unclear, Some(ToolsSeen::Refused { status, message })) if seen.functions != Some(ToolsSeen::Taken) => (*status, message.clone()),
        _ => return None,
    };
    let said = if message.is_empty() { status.to_string() } else { format!("{status}: {}", clip(&message)) };
    let hint = if seen.chat == Some(true) {
        h(lang, "test-tools-refused-bridge-hint", Args::new().text("id", &entry.id))
    } else {
        h(lang, "test-tools-refused-hint", no_args())
    };
    Some(verdict(Diagnosis::ToolsRefused, w(lang, "test-tools-refused", Args::new().text("name", name).text("said", said)), hint))
}

fn no_responses_api(entry: &ProviderEntry, status: u16, chat_answers: bool, lang: Language) -> Verdict {
    let hint = if chat_answers {
        h(lang, "test-chat-only-bridge-hint", Args::new().text("id", &entry.id))
    } else {
        h(lang, "test-chat-only-hint", no_args())
    };
    let name = entry.name.as_deref().unwrap_or(&entry.id);
    verdict(Diagnosis::NoResponsesApi, w(lang, "test-chat-only", Args::new().text("name", name).text("status", status)), hint)
}

fn documented_base(entry: &ProviderEntry, ep: &Endpoint) -> Option<&'static str> {
    ep.known_base().or_else(|| {
        let p = crate::provider::preset::detect(entry.base_url.as_deref().unwrap_or(""));
        crate::provider::preset::PRESETS.iter().find(|x| x.preset == p).map(|x| x.base_url).filter(|u| !u.is_empty() && !u.contains('{'))
    })
}

fn wrong_base_url_html(entry: &ProviderEntry, ep: &Endpoint, lang: Language) -> Verdict {
    let hint = match documented_base(entry, ep) {
        Some(url) => {
            let name = Endpoint::parse(url).map(|e| e.display_name()).unwrap_or_else(|| url.to_owned());
            h(lang, "test-web-page-known-hint", Args::new().text("name", name).text("url", url))
        }
        None => h(lang, "test-web-page-hint", no_args()),
    };
    verdict(Diagnosis::WrongBaseUrl, w(lang, "test-web-page", no_args()), hint)
}

fn wrong_base_url_404(entry: &ProviderEntry, ep: &Endpoint, lang: Language) -> Verdict {
    let hint = match documented_base(entry, ep) {
        Some(url) => h(lang, "test-use-url-hint", Args::new().text("url", url)),
        None => h(lang, "test-path-hint", no_args()),
    };
    verdict(Diagnosis::WrongBaseUrl, w(lang, "test-nothing-here", Args::new().text("url", ep.as_str())), hint)
}

fn transport_verdict(t: &TransportFailure, ep: &Endpoint, lang: Language) -> Option<Verdict> {
    let lower = t.chain.to_lowercase();
    let host = || Args::new().text("host", ep.host());
    if t.timeout {
        return Some(verdict(Diagnosis::Timeout, w(lang, "test-stopped", host()), h(lang, "test-stopped-hint", no_args())));
    }
    let tls = ["certificate", "tls", "handshake", "ssl", "invalidcontenttype", "corrupt message"];
    if tls.iter().any(|x| lower.contains(x)) {
        let plain = ["corrupt", "invalidcontenttype", "wrong version"].iter().any(|x| lower.contains(x));
        let hint = if ep.is_https() && plain { "test-tls-plain-hint" } else { "test-tls-hint" };
        return Some(verdict(Diagnosis::Tls, w(lang, "test-tls", host()), h(lang, hint, no_args())));
    }
    if t.connect {
        return Some(verdict(Diagnosis::Unreachable, w(lang, "test-connect-failed", host()), h(lang, "test-network-hint", no_args())));
    }
    None
}

fn unexpected(detail: &str, lang: Language) -> Verdict {
    verdict(Diagnosis::UnexpectedResponse, w(lang, "test-request-failed", Args::new().text("detail", clip(detail))), h(lang, "test-request-failed-hint", no_args()))
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
