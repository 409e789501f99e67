//! Tauri commands: parse the arguments, call core, turn errors into a sentence
//! and a hint. No domain logic lives here.

use std::time::Duration;

use serde::Serialize;
use switchboard_core::edit::backup::BackupInfo;
use switchboard_core::provider::draft::{self, Checked, Draft};
use switchboard_core::provider::api::Api;
use switchboard_core::provider::field::Field;
use switchboard_core::provider::preset::{self, PresetId};
use switchboard_core::probe::{self, Report, Step};
use switchboard_core::provider::table::ProviderEntry;
use switchboard_core::provider::table::read_entry;
use switchboard_core::ops::doctor;
use switchboard_core::{Error, Listing, Outcome, Switchboard};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::state::AppState;

/// An error as the UI shows it: core's sentence and hint, its code, and the
/// form field it is about, if any.
#[derive(Debug, Serialize, specta::Type)]
pub struct UiError {
    pub message: String,
    pub hint: String,
    pub code: String,
    pub field: Option<Field>,
}

impl From<Error> for UiError {
    /// In the window's language, with the fix worded for the window.
    fn from(e: Error) -> Self {
        let lang = crate::state::window_language();
        UiError { message: e.message(lang), hint: e.fix_in(lang), code: e.code().into(), field: e.field() }
    }
}

pub type Res<T> = Result<T, UiError>;

impl UiError {
    pub fn internal(message: String) -> Self {
        UiError { message: format!("Internal error: {message}"), hint: String::new(), code: "internal".into(), field: None }
    }
}

/// Runs a blocking core call on a clone of the Switchboard, off the UI thread.
pub async fn blocking<T: Send + 'static>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&Switchboard) -> Result<T, Error> + Send + 'static,
) -> Res<T> {
    let sb = state.sb.clone();
    tauri::async_runtime::spawn_blocking(move || f(&sb))
        .await
        .map_err(|e| UiError { message: format!("Internal error: {e}"), hint: String::new(), code: "internal".into(), field: None })?
        .map_err(UiError::from)
}

/// A core call that changes the providers; the window and the tray are told afterwards.
pub async fn change(
    app: &AppHandle,
    state: &State<'_, AppState>,
    f: impl FnOnce(&Switchboard) -> Result<Outcome, Error> + Send + 'static,
) -> Res<Outcome> {
    let _changing = crate::state::changing(app);
    let out = blocking(state, f).await?;
    crate::state::refresh(app);
    Ok(out.for_window(crate::state::window_language()))
}

/// The listing, with the last test of each provider (run from the window or the tray).
#[tauri::command]
#[specta::specta]
pub async fn list(state: State<'_, AppState>) -> Res<Listing> {
    crate::startup::mark("list-asked");
    let mut listing = blocking(&state, move |sb| sb.list()).await?;
    let mut tests = state.session.tests();
    // What Codex knows of each model, in the window's language (core lists it in English).
    let lang = crate::state::window_language();
    for p in &mut listing.providers {
        p.last_test = tests.remove(&p.id);
        p.model_info = p.model_info.take().map(|k| k.worded(lang));
    }
    listing.managed = std::mem::take(&mut listing.managed).into_iter().map(|m| m.worded(lang)).collect();
    crate::startup::mark("listed");
    Ok(listing)
}

#[tauri::command]
#[specta::specta]
pub fn presets() -> Vec<preset::PresetView> {
    preset::worded(crate::state::window_language())
}

/// Checks the form as add (`id` absent) or edit of `id` would, writing nothing.
#[tauri::command]
#[specta::specta]
pub async fn check_draft(
    state: State<'_, AppState>,
    preset: PresetId,
    id: Option<String>,
    draft: Draft,
    key: Option<String>,
    existing: Vec<String>,
) -> Res<Checked> {
    let preset = preset::get(preset).unwrap_or(&preset::PRESETS[preset::PRESETS.len() - 1]);
    let current = match id {
        Some(id) => Some(
            blocking(&state, move |sb| read_entry(&sb.config_file().load()?, &id)?.ok_or(Error::UnknownProvider(id)))
                .await?
                .to_spec(),
        ),
        None => None,
    };
    Ok(draft::check(preset, current.as_ref(), &draft, key.as_deref(), &existing, crate::state::window_language()))
}

fn inputs(d: &Draft) -> Result<switchboard_core::provider::build::Inputs, Error> {
    d.inputs()
}

#[tauri::command]
#[specta::specta]
pub async fn add(app: AppHandle, state: State<'_, AppState>, preset: PresetId, draft: Draft, key: Option<String>) -> Res<Outcome> {
    let mut given = inputs(&draft)?;
    // Input `add` would refuse is refused before the provider is asked anything.
    let (checked, name) = (given.clone(), preset.as_str());
    let key = blocking(&state, move |sb| sb.check_add(name, &checked, key.as_deref())).await?;
    // Unless the form's bridge option was touched, the provider's own answers choose the way.
    let chosen = match switchboard_core::provider::preset::get(preset) {
        Some(p) => switchboard_core::probe::choose::choose(p, &given, key.as_deref(), switchboard_core::probe::choose::LIMIT).await,
        None => None,
    };
    if let Some(c) = &chosen {
        c.apply(&mut given);
    }
    change(&app, &state, move |sb| {
        let out = sb.add(preset.as_str(), &given, key.as_deref())?;
        Ok(match chosen {
            Some(c) => out.by_way(c.words),
            None => out,
        })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn edit(app: AppHandle, state: State<'_, AppState>, id: String, draft: Draft, key: Option<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.edit(&id, &inputs(&draft)?, key.as_deref())).await
}

/// Moves a provider onto Switchboard's bridge (`chat`) or off it (`responses`), at
/// another base URL when the Test found the way there: the Test's fix or offer.
#[tauri::command]
#[specta::specta]
pub async fn set_api(app: AppHandle, state: State<'_, AppState>, id: String, api: Api, base_url: Option<String>) -> Res<Outcome> {
    let inputs = switchboard_core::provider::build::Inputs { api: Some(api), base_url, ..Default::default() };
    change(&app, &state, move |sb| sb.edit(&id, &inputs, None)).await
}

#[tauri::command]
#[specta::specta]
pub async fn use_provider(app: AppHandle, state: State<'_, AppState>, id: String, model: Option<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.use_provider(&id, model.as_deref().filter(|m| !m.trim().is_empty()))).await
}

#[tauri::command]
#[specta::specta]
pub async fn remove(app: AppHandle, state: State<'_, AppState>, id: String, force: bool) -> Res<Outcome> {
    let removed = id.clone();
    let out = change(&app, &state, move |sb| sb.remove(&id, force)).await?;
    let _ = state.session.forget_test(&removed);
    Ok(out)
}

#[tauri::command]
#[specta::specta]
pub async fn set_key(app: AppHandle, state: State<'_, AppState>, id: String, key: String) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_key(&id, &key)).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_key(app: AppHandle, state: State<'_, AppState>, id: String) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.delete_key(&id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn backups(state: State<'_, AppState>) -> Res<Vec<BackupInfo>> {
    blocking(&state, move |sb| sb.backups()).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore(app: AppHandle, state: State<'_, AppState>, name: String) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.restore(&name)).await
}

/// Tests a provider; each finished step goes to `on_step` while it runs. The
/// report is kept, and reaches the window with the listing.
#[tauri::command]
#[specta::specta]
pub async fn test_provider(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    model: Option<String>,
    on_step: Channel<Step>,
) -> Res<Report> {
    let sb = state.sb.clone();
    let progress = probe::Progress(std::sync::Arc::new(move |step: &Step| {
        let _ = on_step.send(step.clone());
    }));
    let model = model.filter(|m| !m.trim().is_empty());
    let report = doctor::test_one_with(&sb, &id, model.as_deref(), Duration::from_secs(15), false, Some(progress), crate::state::window_language()).await?;
    // Kept where the tray reads it; this window has the report already.
    let _ = state.session.record_test(&id, &report);
    crate::state::mark_seen(&app);
    crate::state::refresh_tray(&app);
    Ok(report)
}

/// Models for the picker: from a saved provider, or from a base URL being typed.
#[tauri::command]
#[specta::specta]
pub async fn list_models(state: State<'_, AppState>, id: Option<String>, base_url: Option<String>) -> Res<Vec<String>> {
    let entry = match (id, base_url) {
        (Some(id), _) => {
            blocking(&state, move |sb| read_entry(&sb.config_file().load()?, &id)?.ok_or(Error::UnknownProvider(id))).await?
        }
        (None, Some(url)) => ProviderEntry::from_url("picker", &url),
        (None, None) => return Ok(Vec::new()),
    };
    Ok(probe::list_models(&entry, Duration::from_secs(4)).await)
}

/// Where things are, for the footer.
#[derive(Serialize, specta::Type)]
pub struct About {
    codex_home: String,
    helper: String,
    version: &'static str,
}

#[tauri::command]
#[specta::specta]
pub fn about(state: State<'_, AppState>) -> About {
    About {
        codex_home: state.sb.home().display().to_string(),
        helper: state.helper.display().to_string(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// The language the window starts in: the one chosen in its picker before, else the system's.
#[tauri::command]
#[specta::specta]
pub fn start_language() -> switchboard_core::locale::Language {
    switchboard_core::desktop::chosen_language::current()
}

/// The picker's choice: kept for the next start and for the tray, which follows it.
#[tauri::command]
#[specta::specta]
pub fn choose_language(app: AppHandle, lang: switchboard_core::locale::Language) -> Res<()> {
    switchboard_core::desktop::chosen_language::choose(lang)?;
    crate::state::set_window_language(lang);
    crate::state::refresh_tray(&app);
    Ok(())
}

/// The language the window now shows: core's sentences follow it from the next call.
#[tauri::command]
#[specta::specta]
pub fn set_language(lang: switchboard_core::locale::Language) {
    crate::state::set_window_language(lang);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_maps_to_core_inputs() {
        use switchboard_core::provider::draft::KeyMode;
        use switchboard_core::provider::build::KeySource;
        let f = Draft {
            id: " corp ".into(),
            base_url: "http://h/v1".into(),
            model: "m".into(),
            key_mode: Some(KeyMode::Env),
            env_var: "CORP_KEY".into(),
            headers: "X-A=1".into(),
            ..Default::default()
        };
        let i = inputs(&f).unwrap();
        assert_eq!(i.id.as_deref(), Some("corp"));
        assert_eq!(i.name, None, "empty means not given");
        assert_eq!(i.key, KeySource::Env("CORP_KEY".into()));
        assert_eq!(i.headers, vec![("X-A".to_owned(), "1".to_owned())]);
        assert_eq!(inputs(&Draft::default()).unwrap().key, KeySource::Unspecified);
        let cmd = Draft { key_mode: Some(KeyMode::Command), token_command: "az".into(), token_args: "x".into(), ..Default::default() };
        assert!(matches!(inputs(&cmd).unwrap().key, KeySource::Command { ref command, .. } if command == "az"));
    }

    #[test]
    fn errors_become_a_sentence_and_a_hint() {
        let e: UiError = Error::ReservedId("openai".into()).into();
        assert!(e.message.contains("reserved"));
        assert!(!e.hint.is_empty());
        assert_eq!(e.code, "reserved_id");
    }
}
