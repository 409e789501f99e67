//! Tables of cases for the pure verdict: every diagnosis code, the order of
//! the steps, and where a time-out is charged.

use super::*;
use crate::probe::observe::{Timed, timed};

fn entry() -> ProviderEntry {
    ProviderEntry { name: Some("P".into()), ..ProviderEntry::from_url("p", "http://127.0.0.1:9/v1") }
}

fn at<T>(ms: u64, seen: T) -> Option<Timed<T>> {
    timed(ms, seen)
}

/// Everything went well: key found, host reached, two models, a complete stream.
fn good() -> Observations {
    Observations {
        auth: at(1, AuthSeen::Key),
        connect: at(2, ConnectSeen::Reached { addr: "127.0.0.1:9".into() }),
        models: at(3, ModelsSeen::Listed(vec!["m1".into(), "m2".into()])),
        responses: at(40, ResponsesSeen::Stream { created: true, end: StreamEnd::Completed }),
        ttfb_ms: Some(20),
        path: at(30, PathSeen { codex_tools: Some(ToolsSeen::Taken), ..Default::default() }),
        ..Observations::default()
    }
}

fn refused_tools(chat: bool) -> PathSeen {
    let no = ToolsSeen::Refused { status: 400, message: "tool type 'custom' is not supported".into() };
    PathSeen { codex_tools: Some(no.clone()), functions: Some(no), chat: Some(chat), ..Default::default() }
}

fn status(code: u16, body: &str) -> ResponsesSeen {
    ResponsesSeen::Status { status: code, html: false, body: body.into() }
}

fn failed(chain: &str, timeout: bool, connect: bool) -> TransportFailure {
    TransportFailure { timeout, connect, chain: chain.into() }
}

type EntryFix = fn(&mut ProviderEntry);
type ObsFix = fn(&mut Observations);

/// (case, entry change, observations change, diagnosis, failing step, words the message holds)
fn cases() -> Vec<(&'static str, EntryFix, ObsFix, Diagnosis, Option<StepName>, &'static str)> {
    vec![
        ("all good", |_| {}, |_| {}, Diagnosis::Ok, None, "P answers the Responses API with m1"),
        ("no key in the keychain", |e| e.auth = Auth::Keychain, |o| o.auth = at(1, AuthSeen::KeychainEmpty), Diagnosis::MissingKey, Some(StepName::Config), "No key is stored for `p`"),
        ("env var unset", |_| {}, |o| o.auth = at(1, AuthSeen::EnvUnset { var: "K".into() }), Diagnosis::MissingKey, Some(StepName::Config), "K is not set"),
        (
            "keychain error",
            |_| {},
            |o| o.auth = at(1, AuthSeen::KeychainFailed(Some(crate::probe::observe::Failure(std::sync::Arc::new(crate::error::Error::Keychain(crate::locale::Words::new("reason-keychain-locked", Args::new().text("detail", "x")))))))),
            Diagnosis::MissingKey,
            Some(StepName::Config),
            "locked",
        ),
        (
            "token command fails",
            |_| {},
            |o| o.auth = at(1, AuthSeen::CommandFailed { shown: "az x".into(), status: "exit status: 3".into(), line: "run az login".into() }),
            Diagnosis::TokenCommandFailed,
            Some(StepName::Config),
            "run az login",
        ),
        (
            "token command hangs",
            |_| {},
            |o| o.auth = at(2000, AuthSeen::CommandTimedOut { shown: "sleep 30".into(), waited_ms: 2000 }),
            Diagnosis::TokenCommandFailed,
            Some(StepName::Config),
            "within 2.0 seconds",
        ),
        (
            "token command missing",
            |_| {},
            |o| o.auth = at(1, AuthSeen::CommandNotStarted { command: "nope".into(), error: "not found".into() }),
            Diagnosis::TokenCommandFailed,
            Some(StepName::Config),
            "could not be started",
        ),
        (
            "token command silent",
            |_| {},
            |o| o.auth = at(1, AuthSeen::CommandPrintedNothing { shown: "true".into() }),
            Diagnosis::TokenCommandFailed,
            Some(StepName::Config),
            "printed nothing",
        ),
        ("wire_api chat", |e| e.wire_api = Some("chat".into()), |_| {}, Diagnosis::InvalidConfig, Some(StepName::Config), "wire_api"),
        (
            "a header name that cannot be sent",
            |_| {},
            |o| o.refused_headers = vec![RefusedHeader { name: "X;A".into(), env_var: None, bad_name: true }],
            Diagnosis::InvalidConfig,
            Some(StepName::Config),
            "`X;A`",
        ),
        (
            "an env header value that cannot be sent",
            |_| {},
            |o| o.refused_headers = vec![RefusedHeader { name: "api-key".into(), env_var: Some("AZ".into()), bad_name: false }],
            Diagnosis::InvalidConfig,
            Some(StepName::Config),
            "The value of $AZ for the header `api-key`",
        ),
        ("unknown host", |_| {}, |o| o.connect = at(5, ConnectSeen::NoAddress), Diagnosis::Dns, Some(StepName::Connect), "could not be found"),
        ("port closed", |_| {}, |o| o.connect = at(1, ConnectSeen::Failed { refused: true }), Diagnosis::Unreachable, Some(StepName::Connect), "refused"),
        (
            "Ollama not running",
            |e| e.base_url = Some("http://localhost:11434/v1".into()),
            |o| o.connect = at(1, ConnectSeen::Failed { refused: true }),
            Diagnosis::Unreachable,
            Some(StepName::Connect),
            "Ollama is not running",
        ),
        (
            "both requests fail to connect",
            |_| {},
            |o| {
                o.models = at(1, ModelsSeen::Failed(failed("connection reset", false, true)));
                o.responses = at(1, ResponsesSeen::Failed(failed("connection reset", false, true)));
            },
            Diagnosis::Unreachable,
            Some(StepName::Models),
            "connection to 127.0.0.1:9 failed",
        ),
        (
            "https to a plain port",
            |e| e.base_url = Some("https://127.0.0.1:9/v1".into()),
            |o| o.responses = at(1, ResponsesSeen::Failed(failed("error sending request: received corrupt message of type InvalidContentType", false, true))),
            Diagnosis::Tls,
            Some(StepName::Responses),
            "TLS",
        ),
        (
            "the stream stalls",
            |_| {},
            |o| o.responses = at(9000, ResponsesSeen::Failed(failed("operation timed out", true, false))),
            Diagnosis::Timeout,
            Some(StepName::Responses),
            "stopped answering",
        ),
        (
            "the deadline passes during /responses",
            |_| {},
            |o| {
                o.responses = None;
                o.timed_out_after_ms = Some(2000);
            },
            Diagnosis::Timeout,
            Some(StepName::Responses),
            "did not answer within",
        ),
        ("401", |_| {}, |o| o.responses = at(5, status(401, r#"{"error":{"message":"bad key"}}"#)), Diagnosis::Unauthorized, Some(StepName::Responses), "(401): bad key"),
        ("403", |_| {}, |o| o.responses = at(5, status(403, "nope")), Diagnosis::Unauthorized, Some(StepName::Responses), "rejected the key (403)"),
        ("base URL ends in /responses", |e| e.base_url = Some("http://h/v1/responses".into()), |_| {}, Diagnosis::WrongBaseUrl, Some(StepName::Config), "ends in /responses"),
        ("a web page", |_| {}, |o| o.responses = at(5, ResponsesSeen::Html), Diagnosis::WrongBaseUrl, Some(StepName::Responses), "web page"),
        (
            "a web page in a 404",
            |_| {},
            |o| o.responses = at(5, ResponsesSeen::Status { status: 404, html: true, body: String::new() }),
            Diagnosis::WrongBaseUrl,
            Some(StepName::Responses),
            "web page",
        ),
        (
            "nothing at the path",
            |_| {},
            |o| {
                o.models = at(1, ModelsSeen::Status(404));
                o.responses = at(2, status(404, "{}"));
                o.chat_answers = Some(false);
            },
            Diagnosis::WrongBaseUrl,
            Some(StepName::Responses),
            "both /models and /responses gave 404",
        ),
        (
            "redirect to another host",
            |_| {},
            |o| o.responses = at(1, ResponsesSeen::Redirect { status: 307, location: "http://127.0.0.2:5/v1/responses".into() }),
            Diagnosis::WrongBaseUrl,
            Some(StepName::Responses),
            "another host (127.0.0.2:5)",
        ),
        (
            "redirect on the same host",
            |_| {},
            |o| o.responses = at(1, ResponsesSeen::Redirect { status: 308, location: "/api/v1/responses".into() }),
            Diagnosis::WrongBaseUrl,
            Some(StepName::Responses),
            "redirects (308) to http://127.0.0.1:9/api/v1",
        ),
        ("chat only, models listed", |_| {}, |o| o.responses = at(2, status(404, "{}")), Diagnosis::NoResponsesApi, Some(StepName::Responses), "Chat Completions"),
        (
            "chat only, found by the chat probe",
            |_| {},
            |o| {
                o.models = at(1, ModelsSeen::Status(404));
                o.responses = at(2, status(405, ""));
                o.chat_answers = Some(true);
            },
            Diagnosis::NoResponsesApi,
            Some(StepName::Responses),
            "gave 405",
        ),
        (
            "unknown model in a 404",
            |_| {},
            |o| o.responses = at(2, status(404, r#"{"error":{"code":"model_not_found"}}"#)),
            Diagnosis::ModelNotFound,
            Some(StepName::Responses),
            "It offers: m1, m2.",
        ),
        (
            "unknown model in a 400",
            |_| {},
            |o| o.responses = at(2, status(400, "The model foo does not exist")),
            Diagnosis::ModelNotFound,
            Some(StepName::Responses),
            "`m1`",
        ),
        (
            "unknown model mid-stream",
            |_| {},
            |o| o.responses = at(2, ResponsesSeen::Stream { created: true, end: StreamEnd::Failed(Some("model not found".into())) }),
            Diagnosis::ModelNotFound,
            Some(StepName::Responses),
            "does not know the model",
        ),
        (
            "Azure api-version",
            |e| {
                e.query_params.insert("api-version".into(), "2019-01-01".into());
            },
            |o| o.responses = at(2, status(400, r#"{"error":{"message":"API version not supported"}}"#)),
            Diagnosis::AzureApiVersion,
            Some(StepName::Responses),
            "`2019-01-01`",
        ),
        ("429", |_| {}, |o| o.responses = at(2, status(429, "")), Diagnosis::RateLimited, Some(StepName::Responses), "too many requests"),
        ("503", |_| {}, |o| o.responses = at(2, status(503, "")), Diagnosis::ProviderError, Some(StepName::Responses), "internal error (503)"),
        (
            "response.failed",
            |_| {},
            |o| o.responses = at(2, ResponsesSeen::Stream { created: true, end: StreamEnd::Failed(Some("overloaded".into())) }),
            Diagnosis::ProviderError,
            Some(StepName::Responses),
            "then failed: overloaded",
        ),
        ("no stream", |_| {}, |o| o.responses = at(2, ResponsesSeen::NotStream { body: "{}".into() }), Diagnosis::UnexpectedResponse, Some(StepName::Responses), "without a stream"),
        (
            "a stream of something else",
            |_| {},
            |o| o.responses = at(2, ResponsesSeen::Stream { created: false, end: StreamEnd::Closed }),
            Diagnosis::UnexpectedResponse,
            Some(StepName::Responses),
            "no response.created",
        ),
        (
            "an endless stream",
            |_| {},
            |o| o.responses = at(2, ResponsesSeen::Stream { created: false, end: StreamEnd::Capped }),
            Diagnosis::UnexpectedResponse,
            Some(StepName::Responses),
            "went on past 4 MB",
        ),
        ("a teapot", |_| {}, |o| o.responses = at(2, status(418, "plain words")), Diagnosis::UnexpectedResponse, Some(StepName::Responses), "answered 418."),
        // The Responses API answers, but refuses the tools Codex sends: Codex would fail there.
        ("Codex's tools refused, chat answers", |_| {}, |o| o.path = at(9, refused_tools(true)), Diagnosis::ToolsRefused, Some(StepName::Responses), "refused the tools Codex sends (400: tool type 'custom' is not supported)"),
        ("Codex's tools refused, no chat", |_| {}, |o| o.path = at(9, refused_tools(false)), Diagnosis::ToolsRefused, Some(StepName::Responses), "refused the tools Codex sends"),
        // Only apply_patch refused and no chat: directly, without it (the catalog leaves it out).
        (
            "apply_patch refused, functions taken",
            |_| {},
            |o| o.path = at(9, PathSeen { functions: Some(ToolsSeen::Taken), ..refused_tools(false) }),
            Diagnosis::Ok,
            None,
            "P answers the Responses API with m1",
        ),
        // Only apply_patch refused, chat answers too: Codex works directly without it (the note offers the bridge).
        (
            "apply_patch refused, functions taken, chat answers",
            |_| {},
            |o| o.path = at(9, PathSeen { functions: Some(ToolsSeen::Taken), ..refused_tools(true) }),
            Diagnosis::Ok,
            None,
            "P answers the Responses API with m1",
        ),
        // A bridged provider is never failed for what its Responses API does.
        ("bridged, its Responses API refuses", |e| e.api = Api::Chat, |o| { o.path = at(9, refused_tools(true)); o.bridge = at(1, Ok(15721)); }, Diagnosis::Ok, None, "through Switchboard's bridge"),
        // Out of time on the path check: nothing is said of it.
        ("no time for the path", |_| {}, |o| { o.path = None; o.timed_out_after_ms = Some(5); }, Diagnosis::Ok, None, "P answers the Responses API"),
    ]
}

#[test]
fn every_diagnosis_from_its_observations() {
    for (name, fix_entry, fix_obs, want, failing, words) in cases() {
        let mut e = entry();
        fix_entry(&mut e);
        let mut obs = good();
        fix_obs(&mut obs);
        let f = Facts { entry: &e, model: "m1", limit: Duration::from_secs(2), with_codex: false, lang: crate::locale::Language::English };
        let j = judge(&f, &obs);
        let Outcome::Done(v) = &j.outcome else { panic!("{name}: still needs {:?}", j.outcome) };
        assert_eq!(v.diagnosis, want, "{name}: {v:?}");
        assert!(v.message.contains(words), "{name}: {:?} lacks {words:?}", v.message);
        assert_eq!(v.hint.is_empty(), want == Diagnosis::Ok, "{name}: every failure has a fix");
        assert_eq!(v.fix.is_empty(), v.hint.is_empty(), "{name}: the window has a fix where the CLI has one");
        assert!(!v.fix.contains("switchboard ") && !v.fix.contains(" --"), "{name}: the window's fix names no command: {}", v.fix);
        let fails: Vec<StepName> = j.steps.iter().filter(|s| s.status == StepStatus::Fail).map(|s| s.name).collect();
        assert_eq!(fails, failing.into_iter().collect::<Vec<_>>(), "{name}: {:?}", j.steps);
        if let Some(step) = j.steps.iter().find(|s| s.status == StepStatus::Fail) {
            assert_eq!(step.message, v.message, "{name}: the failing step says the same as the verdict");
        }
    }
}

/// The window's fix is in the window's language and names its buttons, in each language.
#[test]
fn the_windows_fix_names_no_command_in_any_language() {
    use crate::locale::Language;
    for lang in [Language::SimplifiedChinese, Language::TraditionalChinese, Language::Japanese] {
        for (name, fix_entry, fix_obs, want, _, _) in cases() {
            let mut e = entry();
            fix_entry(&mut e);
            let mut obs = good();
            fix_obs(&mut obs);
            let f = Facts { entry: &e, model: "m1", limit: Duration::from_secs(2), with_codex: false, lang };
            let Outcome::Done(v) = judge(&f, &obs).outcome else { panic!("{name}") };
            assert_eq!(v.diagnosis, want, "{lang:?} {name}");
            assert!(!v.fix.contains("switchboard "), "{lang:?} {name}: {}", v.fix);
        }
    }
}

#[test]
fn the_table_covers_every_code() {
    let covered: Vec<Diagnosis> = cases().iter().map(|c| c.3).collect();
    for d in Diagnosis::ALL {
        assert!(covered.contains(&d), "no case for {d}");
    }
}

#[test]
fn the_judge_asks_for_the_next_observation() {
    let e = entry();
    let mut with_404 = good();
    with_404.models = at(1, ModelsSeen::Status(404));
    with_404.responses = at(2, status(404, "{}"));
    // (case, observations, with codex, what comes next)
    let cases: Vec<(&str, Observations, bool, Need)> = vec![
        ("nothing yet", Observations::default(), false, Need::Auth),
        ("key found", Observations { auth: good().auth, ..Default::default() }, false, Need::Connect),
        ("host reached", Observations { auth: good().auth, connect: good().connect, ..Default::default() }, false, Need::Exchange),
        ("only /models answered", Observations { responses: None, ..good() }, false, Need::Exchange),
        ("a bare 404", with_404, false, Need::ChatProbe),
        ("the way not checked yet", Observations { path: None, ..good() }, false, Need::Path),
        ("Codex asked for", good(), true, Need::Codex),
    ];
    for (name, obs, with_codex, want) in cases {
        let f = Facts { entry: &e, model: "m1", limit: Duration::from_secs(5), with_codex, lang: crate::locale::Language::English };
        assert_eq!(judge(&f, &obs).outcome, Outcome::Need(want), "{name}");
    }
}

#[test]
fn codex_has_the_last_word() {
    let e = entry();
    let f = Facts { entry: &e, model: "m1", limit: Duration::from_secs(5), with_codex: true, lang: crate::locale::Language::English };
    let cases = [(Ok(()), Diagnosis::Ok, StepStatus::Ok), (Err("stream error: 500".to_owned()), Diagnosis::UnexpectedResponse, StepStatus::Fail)];
    for (seen, want, step) in cases {
        let obs = Observations { codex: at(900, seen), ..good() };
        let j = judge(&f, &obs);
        let Outcome::Done(v) = j.outcome else { panic!() };
        assert_eq!(v.diagnosis, want);
        assert_eq!(j.steps.last().map(|s| (s.name, s.status)), Some((StepName::Codex, step)));
    }
}

#[test]
fn a_timeout_is_charged_to_the_step_that_was_running() {
    let e = entry();
    let f = Facts { entry: &e, model: "m1", limit: Duration::from_secs(2), with_codex: true, lang: crate::locale::Language::English };
    let base = Observations { timed_out_after_ms: Some(2000), ..Observations::default() };
    let chat_pending = Observations {
        models: at(1, ModelsSeen::Status(404)),
        responses: at(5, status(404, "{}")),
        timed_out_after_ms: Some(1995),
        ..good()
    };
    // (case, observations, (step, status) of every step judged)
    let cases: Vec<(&str, Observations, Vec<(StepName, StepStatus)>)> = vec![
        ("reading the key", base.clone(), vec![(StepName::Config, StepStatus::Fail)]),
        ("connecting", Observations { auth: good().auth, ..base.clone() }, vec![(StepName::Config, StepStatus::Ok), (StepName::Connect, StepStatus::Fail)]),
        (
            "/models answered, /responses running",
            Observations { responses: None, ttfb_ms: None, timed_out_after_ms: Some(2000), ..good() },
            vec![(StepName::Config, StepStatus::Ok), (StepName::Connect, StepStatus::Ok), (StepName::Models, StepStatus::Ok), (StepName::Responses, StepStatus::Fail)],
        ),
        (
            "both running",
            Observations { models: None, responses: None, ttfb_ms: None, timed_out_after_ms: Some(2000), ..good() },
            vec![(StepName::Config, StepStatus::Ok), (StepName::Connect, StepStatus::Ok), (StepName::Models, StepStatus::Warn), (StepName::Responses, StepStatus::Fail)],
        ),
        (
            "/responses answered, /models running",
            Observations { models: None, timed_out_after_ms: Some(2000), ..good() },
            vec![(StepName::Config, StepStatus::Ok), (StepName::Connect, StepStatus::Ok), (StepName::Models, StepStatus::Fail), (StepName::Responses, StepStatus::Ok)],
        ),
        (
            "the chat probe running",
            chat_pending,
            vec![(StepName::Config, StepStatus::Ok), (StepName::Connect, StepStatus::Ok), (StepName::Models, StepStatus::Warn), (StepName::Responses, StepStatus::Fail)],
        ),
        (
            "codex running",
            Observations { timed_out_after_ms: Some(1500), ..good() },
            vec![
                (StepName::Config, StepStatus::Ok),
                (StepName::Connect, StepStatus::Ok),
                (StepName::Models, StepStatus::Ok),
                (StepName::Responses, StepStatus::Ok),
                (StepName::Codex, StepStatus::Fail),
            ],
        ),
    ];
    for (name, obs, want) in cases {
        let j = judge(&f, &obs);
        let Outcome::Done(v) = &j.outcome else { panic!("{name}: {:?}", j.outcome) };
        assert_eq!(v.diagnosis, Diagnosis::Timeout, "{name}");
        let got: Vec<(StepName, StepStatus)> = j.steps.iter().map(|s| (s.name, s.status)).collect();
        assert_eq!(got, want, "{name}");
        let blamed = j.steps.iter().find(|s| s.status == StepStatus::Fail).unwrap();
        assert!(blamed.ms >= 1500, "{name}: the blamed step ran until the deadline: {blamed:?}");
    }
}

#[test]
fn steps_only_grow_as_observations_arrive() {
    let e = entry();
    let f = Facts { entry: &e, model: "m1", limit: Duration::from_secs(5), with_codex: false, lang: crate::locale::Language::English };
    let full = good();
    let partial = [
        Observations::default(),
        Observations { auth: full.auth.clone(), ..Default::default() },
        Observations { auth: full.auth.clone(), connect: full.connect.clone(), ..Default::default() },
        Observations { responses: None, ..full.clone() },
        full.clone(),
    ];
    let last = judge(&f, &full).steps;
    for obs in partial {
        let steps = judge(&f, &obs).steps;
        assert_eq!(steps[..], last[..steps.len()], "{obs:?}");
    }
}
