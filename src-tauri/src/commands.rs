//! Tauri commands: parse the arguments, call core, turn errors into a sentence
//! and a hint. No domain logic lives here.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use switchboard_core::backup::BackupInfo;
use switchboard_core::preset::{self, Inputs, KeySource, Preset};
use switchboard_core::probe::{self, Report, Step};
use switchboard_core::provider::ProviderEntry;
use switchboard_core::switchboard::read_entry;
use switchboard_core::{Error, Listing, Outcome, Switchboard, doctor};
use tauri::{AppHandle, Emitter, State};

use crate::AppState;

/// An error as the UI shows it.
#[derive(Debug, Serialize)]
pub struct UiError {
    pub message: String,
    pub hint: String,
    pub code: String,
}

impl From<Error> for UiError {
    fn from(e: Error) -> Self {
        UiError { message: e.to_string(), hint: e.hint(), code: e.code().into() }
    }
}

type Res<T> = Result<T, UiError>;

/// What the add/edit form sends. Empty strings mean "not given".
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProviderForm {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub model: String,
    pub resource: String,
    pub deployment: String,
    pub api_version: String,
    pub headers: Vec<(String, String)>,
    pub env_headers: Vec<(String, String)>,
    pub query: Vec<(String, String)>,
    /// `keychain`, `env`, `command`, `none`, or empty for "leave as it is".
    pub key_mode: String,
    pub env_var: String,
    pub token_command: String,
    pub token_args: Vec<String>,
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl ProviderForm {
    fn inputs(&self) -> Inputs {
        let key = match self.key_mode.as_str() {
            "keychain" => KeySource::Keychain,
            "env" => KeySource::Env(self.env_var.trim().to_owned()),
            "command" => KeySource::Command {
                command: self.token_command.trim().to_owned(),
                args: self.token_args.clone(),
                refresh_interval_ms: None,
            },
            "none" => KeySource::None,
            _ => KeySource::Unspecified,
        };
        Inputs {
            id: opt(&self.id),
            name: opt(&self.name),
            base_url: opt(&self.base_url),
            model: opt(&self.model),
            resource: opt(&self.resource),
            deployment: opt(&self.deployment),
            api_version: opt(&self.api_version),
            headers: self.headers.clone(),
            env_headers: self.env_headers.clone(),
            query: self.query.clone(),
            key,
        }
    }
}

/// Runs a blocking core call on a clone of the Switchboard, off the UI thread.
async fn blocking<T: Send + 'static>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&Switchboard) -> Result<T, Error> + Send + 'static,
) -> Res<T> {
    let sb = state.sb.clone();
    tauri::async_runtime::spawn_blocking(move || f(&sb))
        .await
        .map_err(|e| UiError { message: format!("Internal error: {e}"), hint: String::new(), code: "internal".into() })?
        .map_err(UiError::from)
}

/// A core call that changes the providers; the window and the tray are told afterwards.
async fn change(
    app: &AppHandle,
    state: &State<'_, AppState>,
    f: impl FnOnce(&Switchboard) -> Result<Outcome, Error> + Send + 'static,
) -> Res<Outcome> {
    let out = blocking(state, f).await?;
    crate::refresh(app);
    Ok(out)
}

#[tauri::command]
pub async fn list(state: State<'_, AppState>) -> Res<Listing> {
    blocking(&state, move |sb| sb.list()).await
}

#[tauri::command]
pub fn presets() -> Vec<Preset> {
    preset::PRESETS.to_vec()
}

#[tauri::command]
pub async fn add(app: AppHandle, state: State<'_, AppState>, preset: String, form: ProviderForm, key: Option<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.add(&preset, &form.inputs(), key.as_deref())).await
}

#[tauri::command]
pub async fn edit(app: AppHandle, state: State<'_, AppState>, id: String, form: ProviderForm, key: Option<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.edit(&id, &form.inputs(), key.as_deref())).await
}

#[tauri::command]
pub async fn use_provider(app: AppHandle, state: State<'_, AppState>, id: String, model: Option<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.use_provider(&id, model.as_deref().filter(|m| !m.trim().is_empty()))).await
}

#[tauri::command]
pub async fn remove(app: AppHandle, state: State<'_, AppState>, id: String, force: bool) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.remove(&id, force)).await
}

#[tauri::command]
pub async fn set_key(app: AppHandle, state: State<'_, AppState>, id: String, key: String) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_key(&id, &key)).await
}

#[tauri::command]
pub async fn delete_key(app: AppHandle, state: State<'_, AppState>, id: String) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.delete_key(&id)).await
}

#[tauri::command]
pub async fn backups(state: State<'_, AppState>) -> Res<Vec<BackupInfo>> {
    blocking(&state, move |sb| sb.backups()).await
}

#[tauri::command]
pub async fn restore(app: AppHandle, state: State<'_, AppState>, name: String) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.restore(&name)).await
}

/// One finished probe step, as sent to the window while a test runs.
#[derive(Clone, Serialize)]
struct StepEvent {
    id: String,
    step: Step,
}

#[tauri::command]
pub async fn test_provider(app: AppHandle, state: State<'_, AppState>, id: String, model: Option<String>) -> Res<Report> {
    let sb = state.sb.clone();
    let emitter = app.clone();
    let pid = id.clone();
    let progress = probe::Progress(std::sync::Arc::new(move |step: &Step| {
        let _ = emitter.emit("probe-step", StepEvent { id: pid.clone(), step: step.clone() });
    }));
    let model = model.filter(|m| !m.trim().is_empty());
    let report = doctor::test_one_with(&sb, &id, model.as_deref(), Duration::from_secs(15), false, Some(progress)).await?;
    state.last_tests.lock().unwrap().insert(id, report.clone());
    crate::refresh_tray(&app);
    Ok(report)
}

/// Models for the picker: from a saved provider, or from a base URL being typed.
#[tauri::command]
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
#[derive(Serialize)]
pub struct About {
    codex_home: String,
    helper: String,
    version: &'static str,
}

#[tauri::command]
pub fn about(state: State<'_, AppState>) -> About {
    About {
        codex_home: state.sb.home().display().to_string(),
        helper: state.helper.display().to_string(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_maps_to_core_inputs() {
        let f = ProviderForm {
            id: " corp ".into(),
            base_url: "http://h/v1".into(),
            model: "m".into(),
            key_mode: "env".into(),
            env_var: "CORP_KEY".into(),
            headers: vec![("X-A".into(), "1".into())],
            ..Default::default()
        };
        let i = f.inputs();
        assert_eq!(i.id.as_deref(), Some("corp"));
        assert_eq!(i.name, None, "empty means not given");
        assert_eq!(i.key, KeySource::Env("CORP_KEY".into()));
        assert_eq!(i.headers, vec![("X-A".to_owned(), "1".to_owned())]);
        assert_eq!(ProviderForm::default().inputs().key, KeySource::Unspecified);
        let cmd = ProviderForm { key_mode: "command".into(), token_command: "az".into(), token_args: vec!["x".into()], ..Default::default() };
        assert!(matches!(cmd.inputs().key, KeySource::Command { ref command, .. } if command == "az"));
    }

    #[test]
    fn errors_become_a_sentence_and_a_hint() {
        let e: UiError = Error::ReservedId("openai".into()).into();
        assert!(e.message.contains("reserved"));
        assert!(!e.hint.is_empty());
        assert_eq!(e.code, "reserved_id");
    }
}
