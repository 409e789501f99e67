//! Sharing and importing providers: what a provider becomes in a share
//! (`share`), what the recipient is shown first (`preview`), and the import
//! itself, which builds each provider through its preset exactly as `add` does.
//!
//! Every provider of a share is decided first, with no lock and no write: a
//! refusal of any one (a command not allowed, an id clash, a value `add` would
//! refuse) writes nothing at all. Then the new ones are added in one
//! transaction (`Switchboard::add_all`): one commit of config.toml for all.

use serde::{Deserialize, Serialize};

use crate::ops::add::NewProvider;
use crate::error::{Error, Result};
use crate::provider::build::{self, Inputs, KeySource};
use crate::provider::preset::{self, PresetId};
use crate::provider::table::{self, Auth, ProviderSpec};
use crate::share::format::{Share, SharedAuth, SharedProvider, is_credential_header, looks_secret};
use crate::ops::switchboard::{Outcome, Switchboard};
use crate::provider::table::{active_provider, read_entry};
use crate::provider::{profile, secret};
use crate::locale::{Args, Language, Words};

/// A share made from the user's providers, and what was left out of it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Made {
    pub share: Share,
    pub link: String,
    /// The share file's text.
    pub file: String,
    /// What was left out, one sentence each (never a value).
    pub omitted: Vec<String>,
}

/// The text of a share given as a link or as a path to a share file.
pub fn source_text(source: &str) -> Result<String> {
    use crate::share::format::{FILE_SUFFIX, MAX_BYTES, SCHEME};
    let s = source.trim();
    if s.get(..SCHEME.len() + 1).is_some_and(|p| p.eq_ignore_ascii_case(&format!("{SCHEME}:"))) {
        return Ok(s.to_owned());
    }
    let path = std::path::PathBuf::from(s.strip_prefix("file://").unwrap_or(s));
    let meta = std::fs::metadata(&path).map_err(Error::io("io-read", &path))?;
    if meta.len() > MAX_BYTES as u64 {
        return Err(Error::BadShare(Words::new("reason-share-file-too-large", Args::new().text("path", path.display()))));
    }
    std::fs::read_to_string(&path)
        .map_err(|_| Error::BadShare(Words::new("reason-share-file-not-text", Args::new().text("path", path.display()).text("scheme", SCHEME).text("suffix", FILE_SUFFIX))))
}

/// Describes providers `ids` for a share, without their keys; what was left out is said in `lang`.
pub fn share(sb: &Switchboard, ids: &[String], lang: Language) -> Result<Made> {
    let doc = sb.config_file().load()?;
    let active = active_provider(&doc)?;
    let mut providers = Vec::new();
    let mut omitted = Vec::new();
    for id in ids {
        let entry = read_entry(&doc, id)?
            .ok_or_else(|| if table::is_built_in(id) { Error::BuiltIn(id.clone()) } else { Error::UnknownProvider(id.clone()) })?;
        let model = sb.model_for(&doc, id, &active);
        providers.push(describe(&entry.to_spec(), model, &mut omitted));
    }
    let share = Share::new(providers);
    let omitted = omitted.iter().map(|w| w.in_language(lang)).collect();
    Ok(Made { link: share.to_link(), file: share.to_toml(), share, omitted })
}

/// Every provider with a table in config.toml.
pub fn all_ids(sb: &Switchboard) -> Result<Vec<String>> {
    sb.config_file().load()?.provider_ids()
}

fn describe(spec: &ProviderSpec, model: String, omitted: &mut Vec<Words>) -> SharedProvider {
    let id = &spec.id;
    let preset = preset::detect_id(&spec.base_url);
    let mut query = spec.query_params.clone();
    let (mut base_url, mut resource, mut api_version) = (Some(spec.base_url.clone()), None, None);
    if preset == PresetId::Azure {
        api_version = query.remove("api-version");
        let azure = preset::get(PresetId::Azure).expect("azure preset");
        let (head, tail) = azure.base_url.split_once("{resource}").expect("azure template");
        if let Some(r) = spec.base_url.strip_prefix(head).and_then(|r| r.strip_suffix(tail)) {
            if build::validate_resource(r).is_ok() {
                (base_url, resource) = (None, Some(r.to_owned()));
            }
        }
    }
    let mut headers = spec.http_headers.clone();
    headers.retain(|h, v| {
        let keep = !is_credential_header(h, v);
        if !keep {
            omitted.push(Words::new("share-omitted-header", Args::new().text("header", h).text("id", id)));
        }
        keep
    });
    let auth = match &spec.auth {
        Auth::Keychain => SharedAuth::Keychain,
        Auth::FileToken => {
            omitted.push(Words::new("share-omitted-file-key", Args::new().text("id", id)));
            SharedAuth::Keychain
        }
        Auth::Env { var } => SharedAuth::Env { var: var.clone() },
        Auth::None => SharedAuth::None,
        Auth::Command { command, args, refresh_interval_ms, .. } => {
            let mut args = args.clone();
            if args.iter().any(|a| looks_secret(a)) {
                omitted.push(Words::new("share-omitted-args", Args::new().text("id", id)));
                args.clear();
            }
            SharedAuth::Command { command: command.clone(), args, refresh_interval_ms: *refresh_interval_ms }
        }
    };
    SharedProvider {
        id: id.clone(),
        preset: if preset == PresetId::BuiltIn { PresetId::Custom } else { preset },
        name: spec.name.clone(),
        base_url,
        resource,
        api_version,
        model,
        auth,
        api: spec.api,
        query,
        headers,
        env_headers: spec.env_http_headers.clone(),
    }
}

/// The inputs `add` takes for a shared provider, under `id`.
pub fn inputs(p: &SharedProvider, id: &str) -> Inputs {
    let pairs = |m: &table::StringMap| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
    let azure = p.preset == PresetId::Azure;
    Inputs {
        id: Some(id.to_owned()),
        name: Some(p.name.clone()),
        base_url: p.base_url.clone(),
        model: (!azure).then(|| p.model.clone()),
        resource: p.resource.clone(),
        deployment: azure.then(|| p.model.clone()),
        api_version: p.api_version.clone(),
        headers: pairs(&p.headers),
        env_headers: pairs(&p.env_headers),
        query: pairs(&p.query),
        key: match &p.auth {
            SharedAuth::Keychain => KeySource::Keychain,
            SharedAuth::Env { var } => KeySource::Env(var.clone()),
            SharedAuth::Command { command, args, refresh_interval_ms } => {
                KeySource::Command { command: command.clone(), args: args.clone(), refresh_interval_ms: *refresh_interval_ms }
            }
            SharedAuth::None => KeySource::None,
        },
        api: Some(p.api),
        context_window: None,
    }
}

/// Something the recipient should look at before importing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Caution {
    /// `http://` to a host other than this machine: the key would cross the network in clear.
    PlainHttp { host: String },
    /// The host is not the one the preset normally uses.
    UnusualHost { host: String, usual: String },
    /// Codex would run this command line.
    RunsCommand { command_line: String },
}

impl Caution {
    /// One sentence for the CLI, in `lang` (the window words the typed caution itself).
    pub fn sentence_in(&self, lang: Language) -> String {
        let (id, args) = match self {
            Caution::PlainHttp { host } => ("share-caution-plain-http", Args::new().text("host", host)),
            Caution::UnusualHost { host, usual } => ("share-caution-unusual-host", Args::new().text("host", host).text("usual", usual)),
            Caution::RunsCommand { command_line } => ("share-caution-runs-command", Args::new().text("command", command_line)),
        };
        crate::locale::text(lang, id, &args)
    }
}

/// Whether the provider's id is free here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Clash {
    Free,
    /// The same provider is already here: importing changes nothing.
    Same,
    /// Another provider has this id; `free` is one that is not taken.
    Taken { free: String },
}

/// One provider of a share as the recipient sees it before importing.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reviewed {
    pub provider: SharedProvider,
    /// The address Codex will call, and its host (shown prominently).
    pub base_url: String,
    pub host: String,
    pub cautions: Vec<Caution>,
    pub clash: Clash,
    /// What `add` would refuse in it, if anything (one sentence).
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    pub providers: Vec<Reviewed>,
    /// Fields that were ignored.
    pub warnings: Vec<String>,
}

/// Reads a share (link or file text) and says what importing each provider would
/// do, its sentences in `lang`.
pub fn preview(sb: &Switchboard, text: &str, lang: Language) -> Result<Preview> {
    let read = crate::share::format::read(text)?;
    let doc = sb.config_file().load()?;
    let providers = read
        .share
        .providers
        .into_iter()
        .map(|p| {
            let built = build(&p, &p.id);
            let (base_url, problem) = match &built {
                Ok((_, spec, _)) => (spec.base_url.clone(), None),
                Err(e) => (p.base_url.clone().unwrap_or_default(), Some(e.message(lang))),
            };
            let clash = match &built {
                Ok((_, spec, model)) => clash(sb, &doc, spec, model).unwrap_or(Clash::Free),
                Err(_) => Clash::Free,
            };
            let host = host_of(&base_url);
            let cautions = cautions(&p, &base_url, &host);
            Reviewed { provider: p, base_url, host, cautions, clash, problem }
        })
        .collect();
    Ok(Preview { providers, warnings: read.warnings.iter().map(|w| w.in_language(lang)).collect() })
}

fn host_of(url: &str) -> String {
    url::Url::parse(url).ok().and_then(|u| u.host_str().map(|h| match u.port() {
        Some(p) => format!("{h}:{p}"),
        None => h.to_owned(),
    })).unwrap_or_default()
}

fn is_local(host: &str) -> bool {
    let h = host.rsplit_once(':').filter(|(_, p)| p.parse::<u16>().is_ok()).map_or(host, |(h, _)| h);
    let h = h.trim_start_matches('[').trim_end_matches(']');
    h == "localhost" || h.ends_with(".localhost") || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// What the recipient should know before saying yes: plain http to another machine,
/// a host the preset does not normally use, a command Codex would run.
pub fn cautions(p: &SharedProvider, base_url: &str, host: &str) -> Vec<Caution> {
    let mut out = Vec::new();
    if base_url.starts_with("http://") && !is_local(host) {
        out.push(Caution::PlainHttp { host: host.to_owned() });
    }
    if let Some(preset) = preset::get(p.preset) {
        let detected = preset::detect_id(base_url);
        if preset.preset != PresetId::Custom && detected != preset.preset {
            let usual = if preset.base_url.is_empty() { String::new() } else { host_of(&preset.base_url.replace("{resource}", "<resource>")) };
            out.push(Caution::UnusualHost { host: host.to_owned(), usual });
        }
    }
    if let Some(command_line) = p.auth.command_line() {
        out.push(Caution::RunsCommand { command_line });
    }
    out
}

fn build(p: &SharedProvider, id: &str) -> Result<(Inputs, ProviderSpec, String)> {
    let inputs = inputs(p, id);
    let (spec, model) = preset::get(p.preset).ok_or_else(|| Error::UnknownPreset(p.preset.as_str().into()))?.build(&inputs)?;
    Ok((inputs, spec, model))
}

fn clash(sb: &Switchboard, doc: &crate::edit::config_doc::ConfigDoc, spec: &ProviderSpec, model: &str) -> Result<Clash> {
    let Some(entry) = read_entry(doc, &spec.id)? else { return Ok(Clash::Free) };
    if entry.to_spec() == *spec && profile::model(sb.home(), &spec.id)?.as_deref() == Some(model) {
        return Ok(Clash::Same);
    }
    Ok(Clash::Taken { free: free_id(sb, doc, &spec.id) })
}

/// The first of `id-2`, `id-3`, … that no provider uses.
pub fn free_id(sb: &Switchboard, doc: &crate::edit::config_doc::ConfigDoc, id: &str) -> String {
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let stem: String = id.chars().take(table::MAX_ID_LEN - suffix.len()).collect();
            format!("{stem}{suffix}")
        })
        .find(|c| read_entry(doc, c).ok().flatten().is_none() && !profile::path(sb.home(), c).exists() && table::validate_id(c).is_ok())
        .expect("some id is free")
}

/// What to do with one provider of a share.
#[derive(Clone, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Choice {
    /// The provider's id in the share.
    pub id: String,
    /// Import it under this id instead.
    pub new_id: Option<String>,
    /// The key to store in the keychain (keychain auth only).
    pub key: Option<String>,
    /// The user has read the token command and agrees that Codex may run it.
    pub allow_command: bool,
}

impl std::fmt::Debug for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Choice")
            .field("id", &self.id)
            .field("new_id", &self.new_id)
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .field("allow_command", &self.allow_command)
            .finish()
    }
}

/// Imports the chosen providers of a share. Every one is decided before any is
/// written, so a refusal writes nothing; then the new ones are added in one
/// transaction.
pub fn import(sb: &Switchboard, text: &str, choices: &[Choice]) -> Result<Outcome> {
    let read = crate::share::format::read(text)?;
    if choices.is_empty() {
        return Err(Error::input("reason-nothing-chosen", Args::new()));
    }
    let doc = sb.config_file().load()?;
    let mut plan = Vec::new();
    for c in choices {
        let p = read
            .share
            .providers
            .iter()
            .find(|p| p.id == c.id)
            .ok_or_else(|| Error::input("reason-share-no-provider", Args::new().text("id", &c.id)))?;
        if let (Some(command_line), false) = (p.auth.command_line(), c.allow_command) {
            return Err(Error::ShareRunsCommand { id: p.id.clone(), command: command_line });
        }
        let id = c.new_id.clone().unwrap_or_else(|| p.id.clone());
        if plan.iter().any(|(i, _, _, _, _): &(String, _, _, _, _)| *i == id) {
            return Err(Error::DuplicateId(id));
        }
        let key = c.key.as_deref().map(secret::clean_key).transpose()?;
        if key.is_some() && p.auth != SharedAuth::Keychain {
            return Err(Error::input("reason-share-key-not-keychain", Args::new().text("id", &p.id)));
        }
        let (_, spec, model) = build(p, &id)?;
        let clash = clash(sb, &doc, &spec, &model)?;
        if let Clash::Taken { free } = clash {
            return Err(Error::IdTaken { id, free });
        }
        plan.push((id, spec, model, key, clash == Clash::Same));
    }
    let mut lines: Vec<Words> = Vec::new();
    let mut warnings = read.warnings.clone();
    let mut backup = None;
    let mut new = Vec::new();
    let mut same = Vec::new();
    for (id, spec, model, key, is_same) in plan {
        if is_same {
            same.push((id, key));
            continue;
        }
        lines.push(Words::new("op-imported", Args::new().text("name", &spec.name).text("id", &id).text("model", &model)));
        warnings.extend(sb.missing_key_warning(&spec, key.is_some()));
        new.push(NewProvider { spec, model, key: key.map(secret::Key::new), context_window: None });
    }
    if !new.is_empty() {
        backup = sb.add_all(new)?.backup;
    }
    // Already here exactly like this: at most a key to store, and nothing in config.toml.
    for (id, key) in same {
        match key {
            Some(k) => lines.push(sb.set_key(&id, &k)?.words),
            None => lines.push(Words::new("op-import-same", Args::new().text("id", &id))),
        }
    }
    let said = lines.into_iter().reduce(|all, line| all.and("\n", line)).unwrap_or_default();
    Ok(Outcome { backup, ..Outcome::said(said).warned(warnings) })
}
