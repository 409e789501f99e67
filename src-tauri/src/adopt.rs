//! Commands for bringing an existing setup in: keys outside the keychain (the
//! banner), `secure`, and the CC Switch import preview. Thin: core decides.

use std::collections::BTreeMap;
use std::path::PathBuf;

use switchboard_core::adopt::cc_import::{Imported, CcPreview};
use switchboard_core::adopt::plaintext::Finding;
use switchboard_core::adopt::secure::{Secured, Targets};
use tauri::{AppHandle, State};

use crate::state::AppState;
use crate::commands::{Res, blocking};

/// Every key kept in plain text or only in an environment variable (never a value).
#[tauri::command]
#[specta::specta]
pub async fn plain_keys(state: State<'_, AppState>) -> Res<Vec<Finding>> {
    blocking(&state, |sb| Ok(sb.plain_keys())).await
}

/// Moves the keys of `ids` (all movable plain-text keys when empty) into the
/// keychain. `env` holds the values the user typed for env-only providers,
/// by variable name; the app's own environment is never read.
#[tauri::command]
#[specta::specta]
pub async fn secure(app: AppHandle, state: State<'_, AppState>, ids: Vec<String>, env: BTreeMap<String, String>) -> Res<Secured> {
    let targets = if ids.is_empty() { Targets::All } else { Targets::Ids(ids) };
    let _changing = crate::state::changing(&app);
    let mut out = blocking(&state, move |sb| sb.secure(&targets, &|var| env.get(var).cloned())).await?;
    crate::state::refresh(&app);
    out.message = out.words.for_window(crate::state::window_language());
    Ok(out)
}

/// CC Switch's Codex providers, judged; `db` defaults to ~/.cc-switch/cc-switch.db.
#[tauri::command]
#[specta::specta]
pub async fn cc_switch_preview(state: State<'_, AppState>, db: Option<String>) -> Res<CcPreview> {
    let lang = crate::state::window_language();
    blocking(&state, move |sb| sb.cc_switch_preview(db.map(PathBuf::from).as_deref()).map(|p| p.worded(lang))).await
}

/// Imports the CC Switch providers named by their CC Switch ids.
#[tauri::command]
#[specta::specta]
pub async fn import_cc_switch(app: AppHandle, state: State<'_, AppState>, db: Option<String>, only: Vec<String>) -> Res<Imported> {
    let _changing = crate::state::changing(&app);
    let mut out = blocking(&state, move |sb| sb.import_cc_switch(db.map(PathBuf::from).as_deref(), Some(&only))).await?;
    crate::state::refresh(&app);
    out.message = out.words.for_window(crate::state::window_language());
    Ok(out)
}
