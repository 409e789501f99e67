//! Drives a test: asks the judge what to observe next, observes it, and
//! stops at the judge's verdict or at the deadline, which is charged to the
//! step that was running. Live steps and the final report pass one redaction.

use std::time::{Duration, Instant};

use reqwest::header::HeaderMap;
use tokio::time::timeout_at;

use super::endpoint::Endpoint;
use super::diagnosis::{Diagnosis, Verdict};
use super::judge::{Facts, Need, Outcome, judge};
use super::observe::{AuthSeen, BridgeDown, ModelsSeen, Observations, timed};
use super::options::Options;
use super::redact::Redactor;
use super::model_facts::ModelFacts;
use super::report::{Report, Step, StepName, StepStatus};
use super::{auth, codex, http, net, shape};
use crate::provider::table::ProviderEntry;

/// What the observers share: the parsed URL, the headers with the key, the client.
struct Context {
    ep: Option<Endpoint>,
    headers: HeaderMap,
    /// For a provider behind the bridge: the bridge's endpoint and the headers Codex sends it.
    bridge: Option<(Endpoint, HeaderMap)>,
    /// The key found by the auth step, for the bridge's headers.
    key: Option<String>,
    client: Option<Result<reqwest::Client, String>>,
    redactor: Redactor,
}

fn ms(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

pub async fn test(entry: &ProviderEntry, opts: &Options) -> (Report, Redactor) {
    let deadline = tokio::time::Instant::now() + opts.timeout;
    let facts = Facts { entry, model: &opts.model, limit: opts.timeout, with_codex: opts.codex.is_some(), lang: opts.lang };
    let mut obs = Observations::default();
    let mut cx = Context { ep: shape::check(entry, opts.lang).ok(), headers: HeaderMap::new(), bridge: None, key: None, client: None, redactor: Redactor::for_entry(entry) };
    let mut shown = 0;
    let mut last = None;
    let (steps, verdict) = loop {
        let j = judge(&facts, &obs);
        shown = emit(opts, &cx.redactor, &j.steps, shown);
        let need = match j.outcome {
            Outcome::Done(v) => break (j.steps, v),
            Outcome::Need(n) if last == Some(n) => {
                // An observer that records nothing must not make the test spin.
                let v = super::diagnosis::verdict(Diagnosis::UnexpectedResponse, format!("Switchboard could not observe {n:?}."), "Please report this.".to_owned());
                break (j.steps, v);
            }
            Outcome::Need(n) => n,
        };
        last = Some(need);
        let started = Instant::now();
        if timeout_at(deadline, observe(need, entry, opts, deadline, &mut obs, &mut cx)).await.is_err() {
            obs.timed_out_after_ms = Some(ms(started));
            let j = judge(&facts, &obs);
            emit(opts, &cx.redactor, &j.steps, shown);
            match j.outcome {
                Outcome::Done(v) => break (j.steps, v),
                Outcome::Need(_) => unreachable!("a timed-out observation always ends the test"),
            }
        }
    };
    let mut report = finish(entry, opts, steps, verdict, &obs);
    if report.ok {
        report.facts = timeout_at(deadline, model_facts(entry, opts, &obs, &cx)).await.ok();
    }
    (report.redacted(&cx.redactor), cx.redactor)
}

/// After a good Test: the model's window from the provider's list (or Ollama), and,
/// for a provider Codex reaches directly, whether it takes a `custom` tool.
async fn model_facts(entry: &ProviderEntry, opts: &Options, obs: &super::observe::Observations, cx: &Context) -> ModelFacts {
    let name = entry.name.as_deref().unwrap_or(&entry.id);
    let mut facts = ModelFacts {
        window: obs.listed_window,
        window_from: if obs.listed_window.is_some() { name.to_string() } else { String::new() },
        custom_tools: None,
        // A deployment's own model (Azure), when the answer names another than the one asked for.
        // Only a model name's characters: anything else is not kept.
        served_as: obs
            .served_model
            .clone()
            .filter(|m| *m != opts.model && m.len() <= 100 && m.chars().all(|c| c.is_ascii_alphanumeric() || "._:/-".contains(c)))
            .unwrap_or_default(),
    };
    let (Some(ep), Some(Ok(client))) = (&cx.ep, &cx.client) else { return facts };
    if facts.window.is_none() && ep.port() == 11434 {
        facts.window = super::model_facts::ollama_window(client, ep, &opts.model).await;
        if facts.window.is_some() {
            facts.window_from = "Ollama".into();
        }
    }
    if cx.bridge.is_none() {
        facts.custom_tools = match obs.path.as_ref().map(|p| super::path::decide(&p.seen)) {
            Some(d) if d.custom_tools().is_some() => d.custom_tools(),
            // Codex's tools refused while a function alone was taken: apply_patch is what was refused.
            _ if obs.path.as_ref().is_some_and(|p| p.seen.functions == Some(super::path::ToolsSeen::Taken)) => Some(false),
            _ => super::model_facts::takes_custom_tools(client, ep, entry, &cx.headers, &opts.model).await,
        };
    }
    facts
}

/// Sends the steps not shown yet, redacted, to the progress callback.
fn emit(opts: &Options, r: &Redactor, steps: &[Step], shown: usize) -> usize {
    if let Some(p) = &opts.progress {
        for s in &steps[shown.min(steps.len())..] {
            (p.0)(&s.redacted(r));
        }
    }
    steps.len()
}

async fn observe(need: Need, entry: &ProviderEntry, opts: &Options, deadline: tokio::time::Instant, obs: &mut Observations, cx: &mut Context) {
    let t = Instant::now();
    match need {
        Need::Auth => {
            let (seen, key) = auth::resolve(entry, deadline).await;
            if let Some(k) = &key {
                cx.redactor.add(k);
            }
            let (headers, refused) = http::headers(entry, key.as_deref());
            cx.headers = headers;
            cx.key = key;
            obs.refused_headers = refused;
            obs.auth = timed(ms(t), seen);
        }
        Need::Bridge => {
            let port = entry.bridge_port.unwrap_or(crate::bridge::route::DEFAULT_PORT);
            let ensured = tokio::task::spawn_blocking(move || crate::bridge::lifecycle::ensure(port)).await;
            let seen = match ensured {
                Ok(Ok(token)) => {
                    cx.redactor.add(&token);
                    let preset = entry.preset.map(|p| p.as_str());
                    let url = entry.base_url.as_deref().and_then(|u| crate::bridge::route::bridge_url(port, preset, u));
                    match url.as_deref().and_then(Endpoint::parse) {
                        Some(bep) => {
                            let composite = crate::bridge::route::composite(&token, cx.key.as_deref());
                            cx.bridge = Some((bep, http::headers(entry, Some(&composite)).0));
                            Ok(port)
                        }
                        None => Err(BridgeDown::Url),
                    }
                }
                Ok(Err(problem)) => Err(BridgeDown::Problem(problem)),
                Err(e) => Err(BridgeDown::Lost(e.to_string())),
            };
            obs.bridge = timed(ms(t), seen);
        }
        Need::Connect => {
            let Some(ep) = &cx.ep else { return };
            obs.connect = timed(ms(t), net::reach(ep).await);
        }
        Need::Exchange => {
            let Some(ep) = &cx.ep else { return };
            let client = match cx.client.get_or_insert_with(|| http::client(opts.timeout)) {
                Ok(c) => c.clone(),
                Err(e) => {
                    let failed = super::observe::TransportFailure { chain: e.clone(), ..Default::default() };
                    obs.models = timed(0, ModelsSeen::Failed(failed.clone()));
                    obs.responses = timed(0, super::observe::ResponsesSeen::Failed(failed));
                    return;
                }
            };
            // Each answer is recorded as it lands, so a deadline finds the one still running.
            let (models, responses, ttfb, listed, served) =
                (&mut obs.models, &mut obs.responses, &mut obs.ttfb_ms, &mut obs.listed_window, &mut obs.served_model);
            let headers = &cx.headers;
            // Codex's request goes where Codex sends it: through the bridge, for a bridged provider.
            let (r_ep, r_headers) = match &cx.bridge {
                Some((bep, bh)) => (bep, bh),
                None => (ep, headers),
            };
            tokio::join!(
                async {
                    let (seen, window) = http::get_models_for(&client, ep, entry, headers, &opts.model).await;
                    *listed = window;
                    *models = timed(ms(t), seen);
                },
                async {
                    let seen = http::post_responses(&client, r_ep, entry, r_headers, &opts.model, ttfb, served).await;
                    *responses = timed(ms(t), seen);
                }
            );
        }
        Need::ChatProbe => {
            let (Some(ep), Some(Ok(client))) = (&cx.ep, &cx.client) else {
                obs.chat_answers = Some(false);
                return;
            };
            obs.chat_answers = Some(http::chat_completions_answers(client, ep, entry, &cx.headers).await);
        }
        Need::Path => {
            let (Some(ep), Some(Ok(client))) = (&cx.ep, &cx.client) else {
                obs.path = timed(0, super::path::PathSeen::default());
                return;
            };
            let other = super::path::other_responses_url(entry).and_then(|u| Endpoint::parse(&u));
            let seen = super::path::observe_path(client, ep, entry, &cx.headers, &opts.model, other.as_ref(), None).await;
            obs.path = timed(ms(t), seen);
            if entry.api == crate::provider::api::Api::Chat {
                if let (Some(file), Some(up)) = (crate::bridge::learnt::default_path(), entry.base_url.as_deref()) {
                    obs.learnt = crate::bridge::learnt::lessons_for(&file, up.trim_end_matches('/'));
                }
            }
        }
        Need::Codex => {
            let Some(run) = &opts.codex else { return };
            let seen = codex::run(run, entry, &opts.model, deadline).await;
            obs.codex = timed(ms(t), seen);
        }
    }
}

/// The report: the judged steps, the ones never reached marked skipped.
fn finish(entry: &ProviderEntry, opts: &Options, mut steps: Vec<Step>, v: Verdict, obs: &Observations) -> Report {
    let wanted = if opts.codex.is_some() { &StepName::ALL[..] } else { &StepName::ALL[..4] };
    for name in wanted {
        if !steps.iter().any(|s| s.name == *name) {
            steps.push(Step::new(*name, StepStatus::Skipped, "", 0));
        }
    }
    let models = match obs.models.as_ref().map(|m| &m.seen) {
        Some(ModelsSeen::Listed(l)) => l.clone(),
        _ => Vec::new(),
    };
    Report {
        provider: entry.id.clone(),
        ok: v.diagnosis == Diagnosis::Ok,
        diagnosis: v.diagnosis,
        message: v.message,
        fix: if v.fix != v.hint { v.fix } else { String::new() },
        hint: v.hint,
        steps,
        models,
        ttfb_ms: obs.ttfb_ms,
        offers_bridge: (v.diagnosis == Diagnosis::NoResponsesApi && obs.chat_answers == Some(true))
            || (v.diagnosis == Diagnosis::ToolsRefused && obs.path.as_ref().is_some_and(|p| p.seen.chat == Some(true))),
        facts: None,
        model_info: None,
        // Which way, once the provider answered (before that, the verdict says what is wrong).
        path: (v.diagnosis == Diagnosis::Ok || v.diagnosis == Diagnosis::ToolsRefused)
            .then(|| super::path::note(entry, obs.path.as_ref().map(|p| &p.seen), &obs.learnt, opts.lang)),
    }
}

/// The model list for a picker, redacted like everything else.
pub async fn list_models(entry: &ProviderEntry, limit: Duration) -> Vec<String> {
    let deadline = tokio::time::Instant::now() + limit;
    let Ok(ep) = shape::check(entry, crate::locale::Language::English) else { return Vec::new() };
    let mut redactor = Redactor::for_entry(entry);
    let key = match timeout_at(deadline, auth::resolve(entry, deadline)).await {
        Ok((AuthSeen::Key, Some(k))) => Some(k),
        _ => None,
    };
    if let Some(k) = &key {
        redactor.add(k);
    }
    let Ok(client) = http::client(limit) else { return Vec::new() };
    let (headers, _) = http::headers(entry, key.as_deref());
    match timeout_at(deadline, http::get_models(&client, &ep, entry, &headers)).await {
        Ok(ModelsSeen::Listed(list)) => list.iter().map(|m| redactor.text(m)).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::probe::Progress;

    #[tokio::test]
    async fn live_steps_are_redacted_before_they_leave() {
        // A hand-written token that a header name quotes: the failing config step says it.
        let mut e = ProviderEntry::from_url("p", "https://h.example/v1");
        e.auth = crate::provider::table::Auth::FileToken;
        e.file_token = Some(crate::provider::secret::Key::new("sk-live-SECRET-1".into()));
        e.http_headers.insert("sk-live-SECRET-1;x".into(), "v".into());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress = Progress(Arc::new(move |s: &Step| sink.lock().unwrap().push(s.clone())));
        let opts = Options { model: "m".into(), timeout: Duration::from_secs(5), codex: None, progress: Some(progress), lang: crate::locale::Language::English };
        let (report, _) = test(&e, &opts).await;
        assert_eq!(report.diagnosis, Diagnosis::InvalidConfig);
        let live = seen.lock().unwrap().clone();
        assert_eq!(live.len(), 1, "{live:?}");
        assert!(live[0].message.contains("[redacted];x"), "{live:?}");
        let all = format!("{live:?}{}", serde_json::to_string(&report).unwrap());
        assert!(!all.contains("SECRET"), "{all}");
    }
}
