//! `doctor`: one pass over the whole setup. The config loads, no reserved ids,
//! no legacy profile keys, the active provider exists, and every provider is
//! tested concurrently under one time limit (not the sum of the providers').

use std::time::Duration;

use serde::Serialize;

use crate::probe::{self, Redactor, Report, StepName, StepStatus};
use crate::provider::builtin::{self, Breaks};
use crate::provider::table;
use crate::provider::table::{active_provider, read_entry};
use crate::error::Error;
use crate::locale::{Args, Language};
use crate::ops::switchboard::Switchboard;

/// The checks doctor makes before testing providers. Serialises to the `--json` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckName {
    Config,
    ReservedIds,
    LegacyProfile,
    ActiveProvider,
    ProviderTable,
    ManagedLayers,
    PlainTextKeys,
    EnvOnlyKeys,
    Bridge,
    ModelCatalog,
    Router,
}

impl CheckName {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckName::Config => "config",
            CheckName::ReservedIds => "reserved_ids",
            CheckName::LegacyProfile => "legacy_profile",
            CheckName::ActiveProvider => "active_provider",
            CheckName::ProviderTable => "provider_table",
            CheckName::ManagedLayers => "managed_layers",
            CheckName::PlainTextKeys => "plain_text_keys",
            CheckName::EnvOnlyKeys => "env_only_keys",
            CheckName::Bridge => "bridge",
            CheckName::ModelCatalog => "model_catalog",
            CheckName::Router => "router",
        }
    }
}

impl std::fmt::Display for CheckName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: CheckName,
    pub status: StepStatus,
    pub message: String,
    pub hint: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub ok: bool,
    pub checks: Vec<Check>,
    pub providers: Vec<Report>,
}

fn check(name: CheckName, status: StepStatus, message: impl Into<String>, hint: impl Into<String>) -> Check {
    Check { name, status, message: message.into(), hint: hint.into() }
}

/// The message `id` in `lang` (the `doctor-` messages of core.ftl).
fn w(lang: Language, id: &str, args: Args) -> String {
    crate::locale::text(lang, id, &args)
}

/// Checks Codex's home and tests every provider, its sentences in `lang` (the
/// check names, statuses and diagnosis codes never change with it).
pub async fn run(sb: &Switchboard, timeout: Duration, lang: Language) -> DoctorReport {
    let mut checks = Vec::new();
    let doc = match sb.config_file().load() {
        Ok(d) => {
            checks.push(check(CheckName::Config, StepStatus::Ok, w(lang, "doctor-config-ok", Args::new().text("path", sb.config_file().path().display())), ""));
            d
        }
        Err(e) => {
            checks.push(check(CheckName::Config, StepStatus::Fail, e.message(lang), e.hint_in(lang)));
            // The parse error may quote a line that holds a hand-written token.
            let mut r = Redactor::default();
            for t in hand_written_tokens(&read_head(sb.config_file().path())) {
                r.add(&t);
            }
            return DoctorReport { ok: false, checks, providers: Vec::new() }.redacted(&r);
        }
    };
    let ids = doc.provider_ids().unwrap_or_default();
    checks.extend(built_in_checks(&doc, &ids, lang));
    let none = Args::new;
    if doc.has_top_level("profile") {
        checks.push(check(CheckName::LegacyProfile, StepStatus::Fail, w(lang, "doctor-profile-key", none()), w(lang, "doctor-profile-key-hint", none())));
    } else if doc.has_top_level("profiles") {
        checks.push(check(CheckName::LegacyProfile, StepStatus::Warn, w(lang, "doctor-profiles", none()), w(lang, "doctor-profiles-hint", none())));
    } else {
        checks.push(check(CheckName::LegacyProfile, StepStatus::Ok, w(lang, "doctor-profiles-none", none()), ""));
    }
    let active = active_provider(&doc).unwrap_or_else(|_| "openai".into());
    if table::is_built_in(&active) || ids.contains(&active) {
        checks.push(check(CheckName::ActiveProvider, StepStatus::Ok, w(lang, "doctor-active-ok", Args::new().text("id", &active)), ""));
    } else {
        checks.push(check(
            CheckName::ActiveProvider,
            StepStatus::Fail,
            w(lang, "doctor-active-missing", Args::new().text("id", &active)),
            w(lang, "doctor-active-missing-hint", none()),
        ));
    }
    let above = crate::codex::managed::overrides(&crate::codex::managed::root(), &doc);
    if above.is_empty() {
        checks.push(check(CheckName::ManagedLayers, StepStatus::Ok, w(lang, "doctor-managed-none", none()), ""));
    }
    for o in above {
        let hint = w(lang, "doctor-managed-hint", Args::new().text("file", o.file.display()));
        checks.push(check(CheckName::ManagedLayers, StepStatus::Warn, o.words.in_language(lang), hint));
    }

    checks.extend(key_checks(&crate::adopt::plaintext::scan(sb.home()), lang));
    checks.extend(bridge_checks(&doc, &ids, lang));
    checks.extend(router_checks(sb, &doc, &active, lang));
    checks.extend(catalog_check(sb, &doc, lang));

    let mut set = tokio::task::JoinSet::new();
    let mut order = Vec::new();
    // The router's own table is no provider to test: `router_checks` looks at it.
    for id in ids.iter().filter(|id| !table::is_built_in(id) && *id != crate::router::routes::PROVIDER_ID) {
        let entry = match read_entry(&doc, id) {
            Ok(Some(e)) => e,
            Ok(None) => continue,
            Err(e) => {
                checks.push(check(CheckName::ProviderTable, StepStatus::Fail, e.message(lang), e.hint_in(lang)));
                continue;
            }
        };
        let model = sb.model_for(&doc, id, &active);
        let opts = probe::Options { model, timeout, codex: None, progress: None, lang };
        order.push(id.clone());
        set.spawn(async move { probe::test_redacting(&entry, &opts).await });
    }
    let mut providers: Vec<Report> = Vec::new();
    let mut redactor = Redactor::default();
    while let Some(r) = set.join_next().await {
        if let Ok((report, r)) = r {
            providers.push(report);
            redactor.extend(&r);
        }
    }
    providers.sort_by_key(|r| order.iter().position(|id| *id == r.provider));
    let ok = checks.iter().all(|c| c.status != StepStatus::Fail) && providers.iter().all(|p| p.ok);
    DoctorReport { ok, checks, providers }.redacted(&redactor)
}

impl DoctorReport {
    /// Every text with every provider's credentials removed: one provider's
    /// server may quote anything, and the checks quote the config file.
    fn redacted(self, r: &Redactor) -> DoctorReport {
        let checks = self.checks.into_iter().map(|c| Check { message: r.text(&c.message), hint: r.text(&c.hint), ..c }).collect();
        let providers = self.providers.into_iter().map(|p| p.redacted(r)).collect();
        DoctorReport { ok: self.ok, checks, providers }
    }
}

/// Tables with an id built into Codex that make it refuse to start: a reserved id
/// at all, or keys the built-in provider does not take (`gcp` with a `name`).
fn built_in_checks(doc: &crate::edit::config_doc::ConfigDoc, ids: &[String], lang: Language) -> Vec<Check> {
    let mut whole = Vec::new();
    let mut out = Vec::new();
    for id in ids {
        let keys: Vec<String> = doc.with_provider(id, |t| Ok(t.iter().map(|(k, _)| k.to_owned()).collect())).ok().flatten().unwrap_or_default();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        match builtin::breaks(id, &keys) {
            None => {}
            Some(Breaks::Whole) => whole.push(format!("[model_providers.{id}]")),
            Some(Breaks::Keys(bad)) => {
                let bad = bad.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                let args = || Args::new().text("id", id).text("keys", &bad);
                out.push(check(CheckName::ReservedIds, StepStatus::Fail, w(lang, "doctor-builtin-keys", args()), w(lang, "doctor-builtin-keys-hint", args())));
            }
        }
    }
    if !whole.is_empty() {
        out.insert(
            0,
            check(
                CheckName::ReservedIds,
                StepStatus::Fail,
                w(lang, "doctor-builtin-id", Args::new().text("tables", whole.join(", "))),
                w(lang, "doctor-builtin-id-hint", Args::new()),
            ),
        );
    }
    if out.is_empty() {
        out.push(check(CheckName::ReservedIds, StepStatus::Ok, w(lang, "doctor-builtin-none", Args::new()), ""));
    }
    out
}

/// The bridge, for each port a bridged provider uses: running, stopped (Codex starts
/// it when it needs it), an older build (replaced at its next start), or the port
/// held by another program (then Codex cannot reach those providers).
fn bridge_checks(doc: &crate::edit::config_doc::ConfigDoc, ids: &[String], lang: Language) -> Vec<Check> {
    use crate::bridge::lifecycle::{self, Found};
    let mut ports: Vec<(u16, Vec<String>)> = Vec::new();
    for id in ids {
        if let Ok(Some(e)) = read_entry(doc, id) {
            if let Some(port) = e.bridge_port {
                match ports.iter_mut().find(|(p, _)| *p == port) {
                    Some((_, list)) => list.push(id.clone()),
                    None => ports.push((port, vec![id.clone()])),
                }
            }
        }
    }
    let mut out = Vec::new();
    for (port, users) in ports {
        let users = users.iter().map(|u| format!("`{u}`")).collect::<Vec<_>>().join(", ");
        let found = lifecycle::token(port).map(|t| lifecycle::probe(port, &t));
        let args = || Args::new().text("port", port).text("users", &users);
        out.push(match found {
            Ok(Found::Bridge(h)) if h.exe == lifecycle::exe_id_of(&lifecycle::program()) => {
                check(CheckName::Bridge, StepStatus::Ok, w(lang, "doctor-bridge-running", args().text("pid", h.pid).number("streams", h.streams as u32)), "")
            }
            Ok(Found::Bridge(h)) => check(CheckName::Bridge, StepStatus::Ok, w(lang, "doctor-bridge-older", args().text("version", &h.version)), ""),
            Ok(Found::Nothing) => check(CheckName::Bridge, StepStatus::Ok, w(lang, "doctor-bridge-stopped", args()), ""),
            Ok(Found::OtherToken | Found::Other) => {
                check(CheckName::Bridge, StepStatus::Fail, w(lang, "doctor-bridge-taken", args()), w(lang, "doctor-bridge-taken-hint", Args::new()))
            }
            Err(p) => check(CheckName::Bridge, StepStatus::Fail, p.sentence_in(lang), w(lang, "doctor-bridge-state-hint", Args::new())),
        });
    }
    out
}

/// The router, when Codex has its table: running (or stopped: Codex starts it), an
/// older build, or its port held by another program; and, while Codex uses it, what
/// Codex's default model stands for now.
fn router_checks(sb: &Switchboard, doc: &crate::edit::config_doc::ConfigDoc, active: &str, lang: Language) -> Vec<Check> {
    use crate::bridge::lifecycle::{self, Found};
    use crate::router::routes::{CURRENT, PROVIDER_ID, Routes};
    let Some((port, _)) = read_entry(doc, PROVIDER_ID).ok().flatten().and_then(|e| e.base_url).and_then(|u| crate::bridge::route::router_id_of(&u)) else {
        return Vec::new();
    };
    let args = || Args::new().text("port", port);
    let mut out = vec![match lifecycle::token(port).map(|t| lifecycle::probe(port, &t)) {
        Ok(Found::Bridge(h)) if h.exe == lifecycle::exe_id_of(&lifecycle::program()) => {
            check(CheckName::Router, StepStatus::Ok, w(lang, "doctor-router-running", args().text("pid", h.pid).number("streams", h.streams as u32)), "")
        }
        Ok(Found::Bridge(h)) => check(CheckName::Router, StepStatus::Ok, w(lang, "doctor-router-older", args().text("version", &h.version)), ""),
        Ok(Found::Nothing) => check(CheckName::Router, StepStatus::Ok, w(lang, "doctor-router-stopped", args()), ""),
        Ok(Found::OtherToken | Found::Other) => check(CheckName::Router, StepStatus::Fail, w(lang, "doctor-router-taken", args()), w(lang, "doctor-router-taken-hint", Args::new())),
        Err(p) => check(CheckName::Router, StepStatus::Fail, p.sentence_in(lang), w(lang, "doctor-bridge-state-hint", Args::new())),
    }];
    if active == PROVIDER_ID {
        let routes = Routes::load(sb.home());
        let model = doc.top_level_str("model").ok().flatten().unwrap_or_else(|| CURRENT.to_owned());
        out.push(match routes.resolve(&model) {
            Ok(r) => check(CheckName::Router, StepStatus::Ok, w(lang, "doctor-router-current", Args::new().text("slug", &model).text("id", &r.route.id).text("model", &r.model)), ""),
            Err(_) => check(
                CheckName::Router,
                StepStatus::Fail,
                w(lang, "doctor-router-unrouted", Args::new().text("slug", &model)),
                w(lang, "doctor-router-unrouted-hint", Args::new()),
            ),
        });
    }
    out
}

/// The catalog file config.toml names, when it names one: Switchboard's must be
/// there and readable (Codex will not start otherwise); another is the user's.
fn catalog_check(sb: &Switchboard, doc: &crate::edit::config_doc::ConfigDoc, lang: Language) -> Option<Check> {
    use crate::catalog::{POINTER_KEY, store};
    if !doc.has_top_level(POINTER_KEY) {
        return None;
    }
    let named = doc.top_level_str(POINTER_KEY).ok().flatten();
    Some(match named.as_deref() {
        Some(store::FILE) if store::usable(sb.home()) => {
            check(CheckName::ModelCatalog, StepStatus::Ok, w(lang, "doctor-catalog-ok", Args::new().text("file", store::FILE)), "")
        }
        Some(store::FILE) => check(
            CheckName::ModelCatalog,
            StepStatus::Fail,
            w(lang, "doctor-catalog-missing", Args::new().text("file", store::FILE)),
            w(lang, "doctor-catalog-missing-hint", Args::new()),
        ),
        _ => check(CheckName::ModelCatalog, StepStatus::Ok, w(lang, "doctor-catalog-own", Args::new()), ""),
    })
}

/// Keys in plain text, and keys only in an environment variable: listed by
/// provider and field, never with a value.
fn key_checks(found: &[crate::adopt::plaintext::Finding], lang: Language) -> [Check; 2] {
    let list = |plain: bool| -> Vec<String> {
        found.iter().filter(|f| f.plain_text() == plain).map(|f| format!("{}: {} in {}", f.provider, f.field(), f.file)).collect()
    };
    let (plain, env) = (list(true), list(false));
    let plain_check = if plain.is_empty() {
        check(CheckName::PlainTextKeys, StepStatus::Ok, w(lang, "doctor-plain-none", Args::new()), "")
    } else {
        let stuck = found.iter().any(|f| f.plain_text() && !f.movable);
        check(
            CheckName::PlainTextKeys,
            StepStatus::Warn,
            w(lang, "doctor-plain", Args::new().number("count", plain.len() as u32).text("list", plain.join("; "))),
            w(lang, if stuck { "doctor-plain-stuck-hint" } else { "doctor-plain-hint" }, Args::new()),
        )
    };
    let env_check = if env.is_empty() {
        check(CheckName::EnvOnlyKeys, StepStatus::Ok, w(lang, "doctor-env-none", Args::new()), "")
    } else {
        check(CheckName::EnvOnlyKeys, StepStatus::Warn, w(lang, "doctor-env", Args::new().text("list", env.join("; "))), w(lang, "doctor-env-hint", Args::new()))
    };
    [plain_check, env_check]
}

/// Tests one provider, with the model `use` would pick unless one is given.
pub async fn test_one(sb: &Switchboard, id: &str, model: Option<&str>, timeout: Duration, with_codex: bool, lang: crate::locale::Language) -> Result<Report, Error> {
    test_one_with(sb, id, model, timeout, with_codex, None, lang).await
}

/// `test_one`, reporting each step to `progress` as it finishes.
pub async fn test_one_with(
    sb: &Switchboard,
    id: &str,
    model: Option<&str>,
    timeout: Duration,
    with_codex: bool,
    progress: Option<probe::Progress>,
    lang: crate::locale::Language,
) -> Result<Report, Error> {
    let doc = sb.config_file().load()?;
    let entry = read_entry(&doc, id)?
        .ok_or_else(|| if table::is_built_in(id) { Error::BuiltIn(id.into()) } else { Error::UnknownProvider(id.into()) })?;
    let active = active_provider(&doc)?;
    let own = sb.model_for(&doc, id, &active);
    let model = model.map(str::to_owned).unwrap_or_else(|| own.clone());
    let codex = if with_codex { probe::codex_run(sb.home()) } else { None };
    let mut report = probe::test(&entry, &probe::Options { model: model.clone(), timeout, codex: codex.clone(), progress, lang }).await;
    // What Codex will know of the model there; what the Test learnt is kept for the catalog.
    let name = entry.name.clone().unwrap_or_else(|| id.to_owned());
    let bridged = entry.api == crate::provider::api::Api::Chat;
    if !model.is_empty() {
        report.model_info = sb.learn_model(id, &name, &model, bridged, model == own, report.facts.as_ref()).ok().map(|k| k.worded(lang));
    }
    if with_codex && codex.is_none() {
        report.steps.retain(|s| s.name != StepName::Codex);
        report.steps.push(probe::Step::new(StepName::Codex, StepStatus::Skipped, "no `codex` binary on PATH", 0));
    }
    Ok(report)
}

/// The first 4 MB of a regular file, decoded leniently (nothing for a FIFO or a device).
fn read_head(path: &std::path::Path) -> String {
    use std::io::Read;
    let mut bytes = Vec::new();
    if std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        if let Ok(f) = std::fs::File::open(path) {
            let _ = f.take(4 << 20).read_to_end(&mut bytes);
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The values of `experimental_bearer_token = ...` lines, read without a TOML parser
/// (the file is the one that did not parse).
fn hand_written_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((key, value)) = line.split_once('=') else { continue };
        if key.trim().trim_matches(['"', '\'']) != "experimental_bearer_token" {
            continue;
        }
        let value = value.trim();
        let token = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value.split([' ', '\t', '#', ',', '}']).next().unwrap_or(""),
        };
        if !token.is_empty() {
            out.push(token.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_tokens_are_found_in_a_broken_file() {
        let cases: &[(&str, &[&str])] = &[
            ("experimental_bearer_token = \"sk-1\"\n", &["sk-1"]),
            ("  \"experimental_bearer_token\"='sk-2' # mine\n[tui\n", &["sk-2"]),
            ("experimental_bearer_token = \"sk-unterminated\n", &["sk-unterminated"]),
            ("experimental_bearer_token = sk-bare # no quotes\n", &["sk-bare"]),
            ("env_key = \"K\"\nname = \"experimental_bearer_token\"\n", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(hand_written_tokens(text), *want, "{text:?}");
        }
    }

    #[test]
    fn check_names_are_the_json_contract() {
        let cases = [
            (CheckName::Config, "config"),
            (CheckName::ReservedIds, "reserved_ids"),
            (CheckName::LegacyProfile, "legacy_profile"),
            (CheckName::ActiveProvider, "active_provider"),
            (CheckName::ProviderTable, "provider_table"),
            (CheckName::ManagedLayers, "managed_layers"),
            (CheckName::PlainTextKeys, "plain_text_keys"),
            (CheckName::EnvOnlyKeys, "env_only_keys"),
            (CheckName::Bridge, "bridge"),
            (CheckName::ModelCatalog, "model_catalog"),
            (CheckName::Router, "router"),
        ];
        for (name, s) in cases {
            assert_eq!(serde_json::to_string(&name).unwrap(), format!("\"{s}\""));
            assert_eq!(name.to_string(), s);
        }
    }
}
