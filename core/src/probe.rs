//! The connection test: one provider, called exactly as Codex would call it
//! (same base URL, query parameters, static and env headers, and auth), in
//! timed steps, ending in one diagnosis code with a plain sentence and a fix.
//!
//! Steps: `config` (no network) → `connect` (DNS, TCP) → `models`
//! (`GET {base}/models`, a warning at worst) → `responses` (`POST
//! {base}/responses`, streamed) → optionally `codex` (a real `codex exec`).
//! The key is only ever put in the Authorization header; no message quotes it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::time::timeout_at;

use crate::provider::{self, Auth, ProviderEntry};

/// A diagnosis code. The strings are a contract: the UI and scripts rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Diagnosis {
    Ok,
    MissingKey,
    TokenCommandFailed,
    InvalidConfig,
    Dns,
    Unreachable,
    Tls,
    Timeout,
    Unauthorized,
    WrongBaseUrl,
    NoResponsesApi,
    ModelNotFound,
    AzureApiVersion,
    RateLimited,
    ProviderError,
    UnexpectedResponse,
}

impl Diagnosis {
    pub fn code(self) -> &'static str {
        match self {
            Diagnosis::Ok => "ok",
            Diagnosis::MissingKey => "missing_key",
            Diagnosis::TokenCommandFailed => "token_command_failed",
            Diagnosis::InvalidConfig => "invalid_config",
            Diagnosis::Dns => "dns",
            Diagnosis::Unreachable => "unreachable",
            Diagnosis::Tls => "tls",
            Diagnosis::Timeout => "timeout",
            Diagnosis::Unauthorized => "unauthorized",
            Diagnosis::WrongBaseUrl => "wrong_base_url",
            Diagnosis::NoResponsesApi => "no_responses_api",
            Diagnosis::ModelNotFound => "model_not_found",
            Diagnosis::AzureApiVersion => "azure_api_version",
            Diagnosis::RateLimited => "rate_limited",
            Diagnosis::ProviderError => "provider_error",
            Diagnosis::UnexpectedResponse => "unexpected_response",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Ok,
    Warn,
    Fail,
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Step {
    pub name: &'static str,
    pub status: StepStatus,
    pub message: String,
    pub ms: u64,
}

/// The verdict on one provider. Serialises to the `--json` contract.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    pub provider: String,
    pub ok: bool,
    pub diagnosis: Diagnosis,
    pub message: String,
    pub hint: String,
    pub steps: Vec<Step>,
    pub models: Vec<String>,
    /// Time to the first byte of the `/responses` answer, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttfb_ms: Option<u64>,
}

/// What to test and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub model: String,
    /// Bounds the whole test.
    pub timeout: Duration,
    /// Run the real `codex` binary as a last step (`None`: skip).
    pub codex: Option<CodexRun>,
    /// Called as each step finishes (the app shows steps live).
    pub progress: Option<Progress>,
}

/// A callback for finished steps.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(&Step) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

#[derive(Debug, Clone)]
pub struct CodexRun {
    pub binary: PathBuf,
    pub codex_home: PathBuf,
}

/// Where the key comes from, resolved the way Codex will resolve it.
enum Credential {
    None,
    Bearer(String),
}

/// A failure that ends the test.
struct Verdict {
    diagnosis: Diagnosis,
    message: String,
    hint: String,
}

fn verdict(diagnosis: Diagnosis, message: impl Into<String>, hint: impl Into<String>) -> Verdict {
    Verdict { diagnosis, message: message.into(), hint: hint.into() }
}

struct Run {
    progress: Option<Progress>,
    started: Instant,
    deadline: tokio::time::Instant,
    steps: Vec<Step>,
    models: Vec<String>,
    ttfb_ms: Option<u64>,
}

impl Run {
    fn step(&mut self, name: &'static str, status: StepStatus, message: impl Into<String>, since: Instant) {
        self.step_ms(name, status, message, since.elapsed().as_millis() as u64);
    }

    fn step_ms(&mut self, name: &'static str, status: StepStatus, message: impl Into<String>, ms: u64) {
        let step = Step { name, status, message: message.into(), ms };
        if let Some(p) = &self.progress {
            (p.0)(&step);
        }
        self.steps.push(step);
    }
}

/// Tests one provider. Never fails: every problem becomes a diagnosis.
pub async fn test(entry: &ProviderEntry, opts: &Options) -> Report {
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + opts.timeout;
    let mut run = Run { progress: opts.progress.clone(), started, deadline, steps: Vec::new(), models: Vec::new(), ttfb_ms: None };
    let result = match timeout_at(deadline, steps(entry, opts, &mut run)).await {
        Ok(r) => r,
        Err(_) => {
            let (name, message) = next_step_name(&run);
            run.step(name, StepStatus::Fail, message, last_step_end(&run));
            Err(timeout_verdict(entry, opts.timeout))
        }
    };
    let (diagnosis, message, hint) = match result {
        Ok(()) => (Diagnosis::Ok, ok_message(entry, &opts.model), String::new()),
        Err(v) => (v.diagnosis, v.message, v.hint),
    };
    for name in ["config", "connect", "models", "responses"] {
        if !run.steps.iter().any(|s| s.name == name) {
            run.steps.push(Step { name, status: StepStatus::Skipped, message: String::new(), ms: 0 });
        }
    }
    if opts.codex.is_some() && !run.steps.iter().any(|s| s.name == "codex") {
        run.steps.push(Step { name: "codex", status: StepStatus::Skipped, message: String::new(), ms: 0 });
    }
    Report {
        provider: entry.id.clone(),
        ok: diagnosis == Diagnosis::Ok,
        diagnosis,
        message,
        hint,
        steps: run.steps,
        models: run.models,
        ttfb_ms: run.ttfb_ms,
    }
}

fn next_step_name(run: &Run) -> (&'static str, String) {
    let order = ["config", "connect", "models", "responses", "codex"];
    let name = order.iter().find(|n| !run.steps.iter().any(|s| s.name == **n)).copied().unwrap_or("responses");
    (name, "No answer before the time limit.".into())
}

fn last_step_end(run: &Run) -> Instant {
    let used: u64 = run.steps.iter().map(|s| s.ms).sum();
    run.started + Duration::from_millis(used)
}

fn timeout_verdict(entry: &ProviderEntry, limit: Duration) -> Verdict {
    let host = host_of(entry.base_url.as_deref().unwrap_or(""));
    verdict(
        Diagnosis::Timeout,
        format!("{host} did not answer within {} seconds.", limit.as_secs_f32()),
        "The provider may be overloaded or a firewall may be swallowing the request; try again, or raise --timeout.",
    )
}

fn ok_message(entry: &ProviderEntry, model: &str) -> String {
    format!("{} answers the Responses API with {model}; Codex will work.", entry.name.as_deref().unwrap_or(&entry.id))
}

async fn steps(entry: &ProviderEntry, opts: &Options, run: &mut Run) -> Result<(), Verdict> {
    // 1. Config, no network.
    let t = Instant::now();
    let base = match check_config(entry) {
        Ok(base) => base,
        Err(v) => {
            run.step("config", StepStatus::Fail, v.message.clone(), t);
            return Err(v);
        }
    };
    let cred = match resolve_auth(entry, run.deadline).await {
        Ok(c) => c,
        Err(v) => {
            run.step("config", StepStatus::Fail, v.message.clone(), t);
            return Err(v);
        }
    };
    let how = match &entry.auth {
        Auth::Keychain => "key from the system keychain".to_owned(),
        Auth::Env { var } => format!("key from ${var}"),
        Auth::Command { command, .. } => format!("token from `{command}`"),
        Auth::None => "no key".to_owned(),
        Auth::FileToken => "key written in config.toml".to_owned(),
    };
    run.step("config", StepStatus::Ok, format!("{base}, {how}"), t);

    // 2. Reach the host: DNS, then TCP.
    let t = Instant::now();
    match reach(&base).await {
        Ok(addr) => run.step("connect", StepStatus::Ok, format!("{} is reachable at {addr}", host_of(&base)), t),
        Err(v) => {
            run.step("connect", StepStatus::Fail, v.message.clone(), t);
            return Err(v);
        }
    }

    let client = client(opts.timeout).map_err(|e| verdict(Diagnosis::UnexpectedResponse, e, ""))?;
    let headers = headers(entry, &cred);

    // 3 and 4 run side by side: GET /models (a warning at worst) and the
    // streamed POST /responses that decides the verdict.
    let t = Instant::now();
    let (models, (posted, ttfb)) = tokio::join!(
        async {
            let m = get_models(&client, &base, entry, &headers).await;
            (m, t.elapsed())
        },
        async {
            let r = post_responses(&client, &base, entry, &headers, &opts.model).await;
            (r, t.elapsed())
        }
    );
    let (models, models_took) = models;
    let models_ok = matches!(models, ModelsAnswer::Listed(_) | ModelsAnswer::Answered);
    let ms = models_took.as_millis() as u64;
    match &models {
        ModelsAnswer::Listed(list) => {
            run.models = list.clone();
            run.step_ms("models", StepStatus::Ok, format!("{} models listed", list.len()), ms);
        }
        ModelsAnswer::Answered => run.step_ms("models", StepStatus::Ok, "answered, without a model list Switchboard can read", ms),
        ModelsAnswer::Status(code) => run.step_ms("models", StepStatus::Warn, format!("GET /models answered {code}"), ms),
        ModelsAnswer::Html => run.step_ms("models", StepStatus::Warn, "GET /models answered with a web page", ms),
        ModelsAnswer::Failed(e) => {
            let v = transport_verdict(e, &base);
            let failed = v.is_some() && !matches!(posted.0, Ok(_));
            run.step_ms("models", if failed { StepStatus::Fail } else { StepStatus::Warn }, v.as_ref().map_or("GET /models failed".to_owned(), |v| v.message.clone()), ms);
            if failed {
                return Err(v.unwrap());
            }
        }
    }
    let (result, first_byte) = posted;
    run.ttfb_ms = first_byte;
    let ms = ttfb.as_millis() as u64;
    match result {
        Ok(msg) => run.step_ms("responses", StepStatus::Ok, msg, ms),
        Err(failure) => {
            let v = match failure {
                PostFailure::Verdict(v) => v,
                PostFailure::ModelNotFound => model_not_found(&opts.model, &run.models),
                PostFailure::NotFound { status, html, body } => {
                    if html {
                        wrong_base_url_html(entry, &base)
                    } else if mentions_model(&body) {
                        model_not_found(&opts.model, &run.models)
                    } else if models_ok || chat_completions_answers(&client, &base, entry, &headers).await {
                        no_responses_api(entry, status)
                    } else {
                        wrong_base_url_404(entry, &base)
                    }
                }
            };
            run.step_ms("responses", StepStatus::Fail, v.message.clone(), t.elapsed().as_millis() as u64);
            return Err(v);
        }
    }

    // 5. Optional: Codex's own verdict.
    if let Some(codex) = &opts.codex {
        let t = Instant::now();
        match run_codex(codex, entry, &opts.model, run.deadline).await {
            Ok(()) => run.step("codex", StepStatus::Ok, "codex exec replied", t),
            Err(line) => {
                run.step("codex", StepStatus::Fail, line.clone(), t);
                return Err(verdict(
                    Diagnosis::UnexpectedResponse,
                    format!("The provider answered Switchboard, but Codex failed: {line}"),
                    "Run the same codex command yourself to see its full output.",
                ));
            }
        }
    }
    Ok(())
}

/// Validates the URL and table without the network. Returns the base URL.
fn check_config(entry: &ProviderEntry) -> Result<String, Verdict> {
    let id = &entry.id;
    if let Err(e) = provider::validate_id(id) {
        return Err(verdict(Diagnosis::InvalidConfig, e.to_string(), e.hint()));
    }
    if let Some(w) = entry.wire_api.as_deref().filter(|w| *w != "responses") {
        return Err(verdict(
            Diagnosis::InvalidConfig,
            format!("wire_api is \"{w}\", which Codex no longer accepts; it only speaks the Responses API."),
            "Set wire_api = \"responses\" if the provider supports it, or use one that does.",
        ));
    }
    if entry.auth_conflict {
        return Err(verdict(
            Diagnosis::InvalidConfig,
            "The provider has an [auth] table and also env_key, experimental_bearer_token or requires_openai_auth; Codex refuses to load that.",
            format!("Keep one way of giving the key: run `switchboard edit {id} --key-stdin` to let Switchboard tidy it."),
        ));
    }
    let base = entry.base_url.clone().unwrap_or_default();
    if base.is_empty() {
        return Err(verdict(Diagnosis::InvalidConfig, "The provider has no base_url.", format!("Set one with `switchboard edit {id} --base-url URL`.")));
    }
    if let Err(e) = provider::validate_url("base URL", &base) {
        return Err(verdict(Diagnosis::InvalidConfig, e.to_string(), e.hint()));
    }
    let base = base.trim_end_matches('/').to_owned();
    let path = path_of(&base);
    for tail in ["/responses", "/chat/completions", "/completions"] {
        if path.ends_with(tail) {
            let fixed = &base[..base.len() - tail.len()];
            return Err(verdict(
                Diagnosis::WrongBaseUrl,
                format!("Your base URL ends in {tail}, but Codex adds /responses itself."),
                format!("Use {fixed} as the base URL: `switchboard edit {id} --base-url {fixed}`."),
            ));
        }
    }
    if let Some(expected) = known_base(&base) {
        if !path.starts_with(path_of(expected)) {
            return Err(verdict(
                Diagnosis::WrongBaseUrl,
                format!("{} serves its API under {}, which your base URL lacks.", host_of(&base), path_of(expected)),
                format!("Use {expected}: `switchboard edit {id} --base-url {expected}`."),
            ));
        }
    }
    if host_of(&base).contains(".openai.azure.") && !path.starts_with("/openai") {
        let fixed = format!("{}/openai/v1", origin_of(&base));
        return Err(verdict(
            Diagnosis::WrongBaseUrl,
            "Azure OpenAI serves its API under /openai, which your base URL lacks.",
            format!("Use {fixed}."),
        ));
    }
    Ok(base)
}

/// The documented base URL of a well-known host.
fn known_base(base: &str) -> Option<&'static str> {
    match host_of(base).as_str() {
        "openrouter.ai" => Some("https://openrouter.ai/api/v1"),
        "ai-gateway.vercel.sh" => Some("https://ai-gateway.vercel.sh/v1"),
        "api.openai.com" => Some("https://api.openai.com/v1"),
        "localhost:11434" | "127.0.0.1:11434" => Some("http://localhost:11434/v1"),
        _ => None,
    }
}

async fn resolve_auth(entry: &ProviderEntry, deadline: tokio::time::Instant) -> Result<Credential, Verdict> {
    let id = &entry.id;
    match &entry.auth {
        Auth::None => Ok(Credential::None),
        Auth::FileToken => Ok(entry.file_token.as_ref().map_or(Credential::None, |k| Credential::Bearer(k.expose().to_owned()))),
        Auth::Keychain => {
            let got = tokio::task::spawn_blocking({
                let id = id.clone();
                move || crate::secret::get(&id)
            })
            .await
            .map_err(|_| verdict(Diagnosis::MissingKey, "The keychain could not be read.", ""))?;
            match got {
                Ok(Some(k)) => Ok(Credential::Bearer(k.expose().to_owned())),
                Ok(None) => Err(verdict(
                    Diagnosis::MissingKey,
                    format!("No key is stored for `{id}` in the system keychain."),
                    format!("Paste your key with `switchboard key set {id}` (it reads standard input)."),
                )),
                Err(e) => Err(verdict(Diagnosis::MissingKey, e.to_string(), e.hint())),
            }
        }
        Auth::Env { var } => match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => Ok(Credential::Bearer(v.trim().to_owned())),
            _ => Err(verdict(
                Diagnosis::MissingKey,
                format!("The environment variable {var} is not set, so Codex has no key for `{id}`."),
                format!("Export {var} in the shell that starts Codex, or keep the key in the keychain: `switchboard key set {id}`."),
            )),
        },
        Auth::Command { command, args, timeout_ms, .. } => {
            let limit = Duration::from_millis(timeout_ms.unwrap_or(5000));
            let now = tokio::time::Instant::now();
            let limit_at = (now + limit).min(deadline);
            let waited = limit_at.duration_since(now);
            let mut cmd = tokio::process::Command::new(command);
            cmd.args(args).stdin(std::process::Stdio::null()).kill_on_drop(true);
            let shown = std::iter::once(command.as_str()).chain(args.iter().map(String::as_str)).collect::<Vec<_>>().join(" ");
            match timeout_at(limit_at, cmd.output()).await {
                Err(_) => Err(verdict(
                    Diagnosis::TokenCommandFailed,
                    format!("The token command `{shown}` did not finish within {:.1} seconds.", waited.as_secs_f32()),
                    "Run it yourself: it may be waiting for a login or a prompt.",
                )),
                Ok(Err(e)) => Err(verdict(
                    Diagnosis::TokenCommandFailed,
                    format!("The token command `{command}` could not be started: {e}."),
                    "Check that it is installed and on PATH, or give its absolute path.",
                )),
                Ok(Ok(out)) if !out.status.success() => {
                    let err = String::from_utf8_lossy(&out.stderr);
                    let line = err.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no error output");
                    let line: String = line.chars().take(200).collect();
                    Err(verdict(
                        Diagnosis::TokenCommandFailed,
                        format!("The token command `{shown}` failed ({}): {line}", out.status),
                        "Run it yourself to see why; you may need to log in again (for example `az login`).",
                    ))
                }
                Ok(Ok(out)) => {
                    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
                    if token.is_empty() {
                        Err(verdict(
                            Diagnosis::TokenCommandFailed,
                            format!("The token command `{shown}` printed nothing."),
                            "It must print the token on standard output.",
                        ))
                    } else {
                        Ok(Credential::Bearer(token))
                    }
                }
            }
        }
    }
}

async fn reach(base: &str) -> Result<String, Verdict> {
    let host_port = host_of(base);
    let (host, port) = split_host_port(&host_port, base.starts_with("https://"));
    let addrs: Vec<std::net::SocketAddr> = match tokio::net::lookup_host((host.as_str(), port)).await {
        Ok(a) => a.collect(),
        Err(_) => Vec::new(),
    };
    if addrs.is_empty() {
        return Err(verdict(
            Diagnosis::Dns,
            format!("The name {host} could not be found (DNS)."),
            "Check the spelling of the base URL, and that you are on the network (or VPN) that knows this host.",
        ));
    }
    let mut last = None;
    for addr in &addrs {
        match tokio::net::TcpStream::connect(addr).await {
            Ok(_) => return Ok(addr.to_string()),
            Err(e) => last = Some(e),
        }
    }
    let refused = last.as_ref().is_some_and(|e| e.kind() == std::io::ErrorKind::ConnectionRefused);
    let (message, hint) = if port == 11434 && is_local(&host) {
        (
            format!("Ollama is not running on {host}:{port}."),
            "Start it with `ollama serve` (or open the Ollama app), then test again.".to_owned(),
        )
    } else if refused {
        (format!("Nothing is listening on {host}:{port}: the connection was refused."), "Check the port in the base URL, and that the server is running.".to_owned())
    } else {
        (format!("{host}:{port} cannot be reached."), "Check your network, VPN or proxy.".to_owned())
    };
    Err(verdict(Diagnosis::Unreachable, message, hint))
}

fn is_local(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1" | "[::1]")
}

fn client(limit: Duration) -> Result<reqwest::Client, String> {
    install_crypto();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(limit)
        .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("Could not set up HTTP: {e}"))
}

fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

fn headers(entry: &ProviderEntry, cred: &Credential) -> reqwest::header::HeaderMap {
    use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
    let mut h = HeaderMap::new();
    let mut put = |k: &str, v: &str, sensitive: bool| {
        if let (Ok(name), Ok(mut value)) = (HeaderName::from_bytes(k.as_bytes()), HeaderValue::from_str(v)) {
            value.set_sensitive(sensitive);
            h.insert(name, value);
        }
    };
    for (k, v) in &entry.http_headers {
        put(k, v, false);
    }
    for (k, var) in &entry.env_http_headers {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                put(k, &v, false);
            }
        }
    }
    if let Credential::Bearer(token) = cred {
        put("authorization", &format!("Bearer {token}"), true);
    }
    h
}

fn with_query(url: &str, entry: &ProviderEntry) -> String {
    if entry.query_params.is_empty() {
        return url.to_owned();
    }
    let q: Vec<String> = entry.query_params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{url}{}{}", if url.contains('?') { '&' } else { '?' }, q.join("&"))
}

enum ModelsAnswer {
    Listed(Vec<String>),
    Answered,
    Status(u16),
    Html,
    Failed(reqwest::Error),
}

async fn get_models(client: &reqwest::Client, base: &str, entry: &ProviderEntry, headers: &reqwest::header::HeaderMap) -> ModelsAnswer {
    let url = with_query(&format!("{base}/models"), entry);
    let resp = match client.get(&url).headers(headers.clone()).send().await {
        Ok(r) => r,
        Err(e) => return ModelsAnswer::Failed(e),
    };
    let status = resp.status().as_u16();
    let html = is_html(&resp);
    let body = resp.text().await.unwrap_or_default();
    if html || body.trim_start().starts_with('<') {
        return ModelsAnswer::Html;
    }
    if !(200..300).contains(&status) {
        return ModelsAnswer::Status(status);
    }
    let mut models = model_ids(&body);
    // Ollama lists what is installed at /api/tags.
    if models.is_empty() && entry.base_url.as_deref().is_some_and(|b| b.contains(":11434")) {
        let tags = format!("{}/api/tags", origin_of(base));
        if let Ok(r) = client.get(&tags).send().await {
            if let Ok(text) = r.text().await {
                models = model_ids(&text);
            }
        }
    }
    if models.is_empty() { ModelsAnswer::Answered } else { ModelsAnswer::Listed(models) }
}

/// Model ids from an OpenAI list (`data[].id`), Codex's catalog (`models[].slug`) or Ollama (`models[].name`).
fn model_ids(body: &str) -> Vec<String> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else { return Vec::new() };
    let mut out = Vec::new();
    for list in [&v["data"], &v["models"]] {
        if let Some(items) = list.as_array() {
            for it in items {
                if let Some(id) = it["id"].as_str().or(it["slug"].as_str()).or(it["name"].as_str()).or(it["model"].as_str()) {
                    out.push(id.to_owned());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

enum PostFailure {
    Verdict(Verdict),
    /// The provider does not know the model (the message needs the model list).
    ModelNotFound,
    /// 404/405: what it means depends on the other routes.
    NotFound { status: u16, html: bool, body: String },
}

async fn post_responses(
    client: &reqwest::Client,
    base: &str,
    entry: &ProviderEntry,
    headers: &reqwest::header::HeaderMap,
    model: &str,
) -> (Result<String, PostFailure>, Option<u64>) {
    let mut ttfb = None;
    let r = post_responses_inner(client, base, entry, headers, model, &mut ttfb).await;
    (r, ttfb)
}

async fn post_responses_inner(
    client: &reqwest::Client,
    base: &str,
    entry: &ProviderEntry,
    headers: &reqwest::header::HeaderMap,
    model: &str,
    ttfb: &mut Option<u64>,
) -> Result<String, PostFailure> {
    let sent = Instant::now();
    let url = with_query(&format!("{base}/responses"), entry);
    let body = serde_json::json!({
        "model": model,
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "Reply OK"}]}],
        "stream": true,
        "store": false,
        "max_output_tokens": 16,
    });
    let resp = client
        .post(&url)
        .headers(headers.clone())
        .header("accept", "text/event-stream")
        .json(&body)
        .send()
        .await
        .map_err(|e| PostFailure::Verdict(transport_verdict(&e, base).unwrap_or_else(|| unexpected(&e.to_string()))))?;
    *ttfb = Some(sent.elapsed().as_millis() as u64);
    let status = resp.status().as_u16();
    if resp.status().is_redirection() {
        let to = resp.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("").to_owned();
        let target = if to.starts_with("http") { to.clone() } else { format!("{}{to}", origin_of(base)) };
        let other_host = host_of(&target) != host_of(base);
        let suggested = target.trim_end_matches('/').trim_end_matches("/responses").split('?').next().unwrap_or("").to_owned();
        return Err(PostFailure::Verdict(verdict(
            Diagnosis::WrongBaseUrl,
            if other_host {
                format!("The base URL redirects to another host ({}); Switchboard did not follow it with your key.", host_of(&target))
            } else {
                format!("The base URL redirects ({status}) to {suggested}.")
            },
            format!("If you trust that address, use it as the base URL: `switchboard edit {} --base-url {suggested}`.", entry.id),
        )));
    }
    let html = is_html(&resp);
    let sse = resp.headers().get("content-type").and_then(|c| c.to_str().ok()).is_some_and(|c| c.contains("text/event-stream"));
    if status == 404 || status == 405 {
        let body = read_limited(resp).await;
        return Err(PostFailure::NotFound { status, html, body });
    }
    if !(200..300).contains(&status) {
        let body = read_limited(resp).await;
        return Err(status_verdict(status, &body, entry));
    }
    if html {
        return Err(PostFailure::Verdict(wrong_base_url_html(entry, base)));
    }
    if !sse {
        let body = read_limited(resp).await;
        if body.trim_start().starts_with('<') {
            return Err(PostFailure::Verdict(wrong_base_url_html(entry, base)));
        }
        return Err(PostFailure::Verdict(verdict(
            Diagnosis::UnexpectedResponse,
            "The provider answered /responses without a stream (no text/event-stream), which Codex cannot use.",
            "Check that the provider supports streaming on the Responses API.",
        )));
    }
    read_stream(resp).await
}

/// Reads Server-Sent Events until `response.completed` (or the stream ends after `response.created`).
async fn read_stream(mut resp: reqwest::Response) -> Result<String, PostFailure> {
    let mut buf = String::new();
    let mut created = false;
    loop {
        match resp.chunk().await {
            Ok(Some(bytes)) => {
                buf.push_str(&String::from_utf8_lossy(&bytes));
                while let Some(end) = buf.find("\n\n").or_else(|| buf.find("\r\n\r\n")) {
                    let event: String = buf.drain(..end + 2).collect();
                    for line in event.lines() {
                        let Some(data) = line.strip_prefix("data:") else { continue };
                        let Ok(v) = serde_json::from_str::<serde_json::Value>(data.trim()) else { continue };
                        match v["type"].as_str().unwrap_or("") {
                            "response.created" => created = true,
                            "response.completed" => return Ok("streamed through response.completed".into()),
                            "response.failed" | "error" => {
                                let msg = v["response"]["error"]["message"]
                                    .as_str()
                                    .or(v["error"]["message"].as_str())
                                    .or(v["message"].as_str())
                                    .unwrap_or("the provider reported an error")
                                    .to_owned();
                                if mentions_model(&msg) {
                                    return Err(PostFailure::ModelNotFound);
                                }
                                return Err(PostFailure::Verdict(verdict(
                                    Diagnosis::ProviderError,
                                    format!("The provider started answering, then failed: {}", clip(&msg)),
                                    "Try again; if it keeps failing, try another model.",
                                )));
                            }
                            _ => {}
                        }
                    }
                }
            }
            Ok(None) => break,
            Err(_) if created => break,
            Err(e) => return Err(PostFailure::Verdict(unexpected(&e.to_string()))),
        }
    }
    if created {
        Ok("streamed (response.created seen; the stream ended before response.completed)".into())
    } else {
        Err(PostFailure::Verdict(verdict(
            Diagnosis::UnexpectedResponse,
            "The provider's stream did not contain Responses API events (no response.created).",
            "The endpoint may speak another protocol; check that it implements POST /v1/responses.",
        )))
    }
}

fn status_verdict(status: u16, body: &str, entry: &ProviderEntry) -> PostFailure {
    if matches!(status, 400 | 422) && mentions_model(body) && !body.to_lowercase().contains("api-version") && !body.to_lowercase().contains("api version") {
        return PostFailure::ModelNotFound;
    }
    let id = &entry.id;
    let provider_msg = error_message(body);
    PostFailure::Verdict(match status {
        401 | 403 => verdict(
            Diagnosis::Unauthorized,
            format!("The provider rejected the key ({status}){}.", provider_msg.map(|m| format!(": {}", clip(&m))).unwrap_or_default()),
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
        400 | 422 if body.to_lowercase().contains("api-version") || body.to_lowercase().contains("api version") => verdict(
            Diagnosis::AzureApiVersion,
            format!("Azure refused the api-version{}.", entry.query_params.get("api-version").map(|v| format!(" `{v}`")).unwrap_or_default()),
            format!(
                "With the /openai/v1 base URL leave api-version out (`switchboard edit {id} --api-version \"\"`); with the older /openai path use a supported one such as 2025-04-01-preview."
            ),
        ),
        _ => verdict(
            Diagnosis::UnexpectedResponse,
            format!("The provider answered {status}{}.", provider_msg.map(|m| format!(": {}", clip(&m))).unwrap_or_default()),
            "Check the base URL, model and headers against the provider's documentation.",
        ),
    })
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

fn no_responses_api(entry: &ProviderEntry, status: u16) -> Verdict {
    verdict(
        Diagnosis::NoResponsesApi,
        format!(
            "{} answers, but has no Responses API (POST /responses gave {status}): it speaks only Chat Completions, and Codex needs the Responses API.",
            entry.name.as_deref().unwrap_or(&entry.id)
        ),
        "Use a provider or gateway version that supports /v1/responses (for Ollama, 0.13.3 or later).",
    )
}

fn wrong_base_url_html(entry: &ProviderEntry, base: &str) -> Verdict {
    let hint = match known_base(base).or_else(|| preset_base(entry)) {
        Some(url) => format!("Your base URL answers with a web page. {}'s API lives at {url}.", display_host(url)),
        None => "The base URL points at a web page, not the API; it usually ends in /v1.".into(),
    };
    verdict(Diagnosis::WrongBaseUrl, "Your base URL answers with a web page, not the API.", hint)
}

fn wrong_base_url_404(entry: &ProviderEntry, base: &str) -> Verdict {
    let hint = match known_base(base).or_else(|| preset_base(entry)) {
        Some(url) => format!("Use {url}."),
        None => "Check the path: most providers serve the API under /v1 (for example https://host/v1).".into(),
    };
    verdict(Diagnosis::WrongBaseUrl, format!("Nothing answers at {base}: both /models and /responses gave 404."), hint)
}

fn preset_base(entry: &ProviderEntry) -> Option<&'static str> {
    let p = crate::preset::detect(entry.base_url.as_deref().unwrap_or(""));
    crate::preset::PRESETS.iter().find(|x| x.preset == p).map(|x| x.base_url).filter(|u| !u.is_empty() && !u.contains('{'))
}

fn display_host(url: &str) -> String {
    match host_of(url).as_str() {
        "openrouter.ai" => "OpenRouter".into(),
        "ai-gateway.vercel.sh" => "Vercel AI Gateway".into(),
        "localhost:11434" => "Ollama".into(),
        h => h.to_owned(),
    }
}

async fn chat_completions_answers(client: &reqwest::Client, base: &str, entry: &ProviderEntry, headers: &reqwest::header::HeaderMap) -> bool {
    let url = with_query(&format!("{base}/chat/completions"), entry);
    match client.post(&url).headers(headers.clone()).json(&serde_json::json!({})).send().await {
        Ok(r) => !matches!(r.status().as_u16(), 404 | 405) && !is_html(&r),
        Err(_) => false,
    }
}

fn transport_verdict(e: &reqwest::Error, base: &str) -> Option<Verdict> {
    let chain = error_chain(e);
    let lower = chain.to_lowercase();
    if e.is_timeout() {
        return Some(verdict(Diagnosis::Timeout, format!("{} stopped answering.", host_of(base)), "Try again, or raise --timeout."));
    }
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") || lower.contains("ssl") || lower.contains("invalidcontenttype") || lower.contains("corrupt message") {
        return Some(verdict(
            Diagnosis::Tls,
            format!("The secure (TLS) connection to {} failed.", host_of(base)),
            if base.starts_with("https://") && (lower.contains("corrupt") || lower.contains("invalidcontenttype") || lower.contains("wrong version")) {
                "The server does not speak HTTPS on this port; try http:// instead.".to_owned()
            } else {
                "A proxy or firewall may be intercepting TLS, or the server's certificate is not trusted by this machine.".to_owned()
            },
        ));
    }
    if e.is_connect() {
        return Some(verdict(Diagnosis::Unreachable, format!("The connection to {} failed.", host_of(base)), "Check your network, VPN or proxy."));
    }
    None
}

fn unexpected(detail: &str) -> Verdict {
    verdict(Diagnosis::UnexpectedResponse, format!("The request failed: {}", clip(detail)), "Check the base URL and try again.")
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

async fn read_limited(mut resp: reqwest::Response) -> String {
    let mut out = Vec::new();
    while let Ok(Some(chunk)) = resp.chunk().await {
        out.extend_from_slice(&chunk);
        if out.len() > 64 * 1024 {
            break;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_html(resp: &reqwest::Response) -> bool {
    resp.headers().get("content-type").and_then(|c| c.to_str().ok()).is_some_and(|c| c.contains("text/html"))
}

fn error_message(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    v["error"]["message"].as_str().or(v["message"].as_str()).or(v["error"].as_str()).map(str::to_owned)
}

fn mentions_model(body: &str) -> bool {
    let b = body.to_lowercase();
    b.contains("model_not_found")
        || (b.contains("model") && (b.contains("not found") || b.contains("does not exist") || b.contains("not exist") || b.contains("unknown") || b.contains("invalid model") || b.contains("not a valid model")))
}

fn clip(s: &str) -> String {
    let one = s.lines().next().unwrap_or("").trim();
    if one.chars().count() > 200 { format!("{}…", one.chars().take(200).collect::<String>()) } else { one.to_owned() }
}

async fn run_codex(codex: &CodexRun, entry: &ProviderEntry, model: &str, deadline: tokio::time::Instant) -> Result<(), String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut cmd = tokio::process::Command::new(&codex.binary);
    cmd.args(["exec", "--skip-git-repo-check", "--ephemeral", "-c"])
        .arg(format!("model_provider=\"{}\"", entry.id))
        .arg("-c")
        .arg(format!("model={}", toml_edit::Value::from(model).to_string().trim()))
        .arg("Reply OK")
        .current_dir(work.path())
        .env("CODEX_HOME", &codex.codex_home)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    match timeout_at(deadline, cmd.output()).await {
        Err(_) => Err("codex did not finish before the time limit".into()),
        Ok(Err(e)) => Err(format!("codex could not be started: {e}")),
        Ok(Ok(out)) if out.status.success() => Ok(()),
        Ok(Ok(out)) => {
            let err = String::from_utf8_lossy(&out.stderr);
            let line = err
                .lines()
                .rev()
                .map(str::trim)
                .find(|l| l.to_lowercase().contains("error"))
                .or_else(|| err.lines().rev().map(str::trim).find(|l| !l.is_empty()))
                .unwrap_or("codex exited with an error");
            Err(clip(line))
        }
    }
}

/// The provider's model list for a picker (Ollama: its installed models).
/// Best effort: an empty list when there is none or the provider cannot be reached.
pub async fn list_models(entry: &ProviderEntry, limit: Duration) -> Vec<String> {
    let deadline = tokio::time::Instant::now() + limit;
    let Ok(base) = check_config(entry) else { return Vec::new() };
    let cred = match timeout_at(deadline, resolve_auth(entry, deadline)).await {
        Ok(Ok(c)) => c,
        _ => Credential::None,
    };
    let Ok(client) = client(limit) else { return Vec::new() };
    let headers = headers(entry, &cred);
    match timeout_at(deadline, get_models(&client, &base, entry, &headers)).await {
        Ok(ModelsAnswer::Listed(list)) => list,
        _ => Vec::new(),
    }
}

/// Finds `codex` on PATH.
pub fn find_codex() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join("codex")).find(|p| p.is_file())
}

fn host_of(url: &str) -> String {
    url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("").to_lowercase()
}

fn origin_of(url: &str) -> String {
    let scheme = url.split("://").next().unwrap_or("https");
    format!("{scheme}://{}", host_of(url))
}

fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    rest.find('/').map_or("", |i| &rest[i..])
}

fn split_host_port(host_port: &str, https: bool) -> (String, u16) {
    let default = if https { 443 } else { 80 };
    if let Some(rest) = host_port.strip_prefix('[') {
        let (h, after) = rest.split_once(']').unwrap_or((rest, ""));
        let port = after.strip_prefix(':').and_then(|p| p.parse().ok()).unwrap_or(default);
        return (h.to_owned(), port);
    }
    match host_port.rsplit_once(':') {
        Some((h, p)) if p.parse::<u16>().is_ok() => (h.to_owned(), p.parse().unwrap()),
        _ => (host_port.to_owned(), default),
    }
}

/// Path helper for callers that only have a Codex home.
pub fn codex_run(codex_home: &Path) -> Option<CodexRun> {
    find_codex().map(|binary| CodexRun { binary, codex_home: codex_home.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str) -> ProviderEntry {
        ProviderEntry { name: Some("P".into()), ..ProviderEntry::from_url("p", url) }
    }

    #[test]
    fn url_shape_is_checked_before_the_network() {
        let code = |u: &str| check_config(&entry(u)).err().map(|v| v.diagnosis);
        assert_eq!(code("https://h.example/v1"), None);
        assert_eq!(code("https://h.example/v1/responses"), Some(Diagnosis::WrongBaseUrl));
        assert_eq!(code("https://h.example/v1/chat/completions/"), Some(Diagnosis::WrongBaseUrl));
        assert_eq!(code("https://openrouter.ai/v1"), Some(Diagnosis::WrongBaseUrl));
        assert_eq!(code("https://openrouter.ai/api/v1"), None);
        assert_eq!(code("https://ai-gateway.vercel.sh"), Some(Diagnosis::WrongBaseUrl));
        assert_eq!(code("https://contoso.openai.azure.com/v1"), Some(Diagnosis::WrongBaseUrl));
        assert_eq!(code("https://contoso.openai.azure.com/openai/v1"), None);
        assert_eq!(code("ftp://h/v1"), Some(Diagnosis::InvalidConfig));
        let mut chat = entry("https://h/v1");
        chat.wire_api = Some("chat".into());
        assert_eq!(check_config(&chat).err().map(|v| v.diagnosis), Some(Diagnosis::InvalidConfig));
    }

    #[test]
    fn model_lists_in_three_formats() {
        assert_eq!(model_ids(r#"{"object":"list","data":[{"id":"b"},{"id":"a"}]}"#), ["a", "b"]);
        assert_eq!(model_ids(r#"{"models":[{"slug":"gpt-5"}]}"#), ["gpt-5"]);
        assert_eq!(model_ids(r#"{"models":[{"name":"qwen3:8b","model":"qwen3:8b"}]}"#), ["qwen3:8b"]);
        assert!(model_ids("<html>").is_empty());
    }

    #[test]
    fn codes_are_the_contract() {
        let json = serde_json::to_string(&Diagnosis::NoResponsesApi).unwrap();
        assert_eq!(json, "\"no_responses_api\"");
        assert_eq!(Diagnosis::AzureApiVersion.code(), "azure_api_version");
    }
}
