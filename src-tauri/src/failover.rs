//! Failover's commands: each model's ordered fallbacks, a provider's deadline, and the
//! requests the router moved lately, each in a sentence in the window's language.

use serde::Serialize;
use switchboard_core::Outcome;
use switchboard_core::ops::route::FailoverSettings;
use tauri::{AppHandle, State};

use crate::commands::{Res, blocking, change};
use crate::state::AppState;

/// Each model's fallbacks, the providers' deadlines and the cool-down.
#[tauri::command]
#[specta::specta]
pub async fn failover_settings(state: State<'_, AppState>) -> Res<FailoverSettings> {
    blocking(&state, move |sb| Ok(sb.failover_settings())).await
}

/// `slug`'s fallbacks, in the order they are tried (none: it has none).
#[tauri::command]
#[specta::specta]
pub async fn set_fallbacks(app: AppHandle, state: State<'_, AppState>, slug: String, fallbacks: Vec<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_fallbacks(&slug, &fallbacks)).await
}

/// How long provider `id` has for its headers, in seconds (`None`: the default).
#[tauri::command]
#[specta::specta]
pub async fn set_deadline(app: AppHandle, state: State<'_, AppState>, id: String, secs: Option<u32>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_deadline(&id, secs.map(u64::from))).await
}

/// A request the router moved, as the window shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct MoveView {
    pub at_ms: u64,
    /// Where it went in the end.
    pub provider: String,
    /// The providers it moved away from, in order.
    pub from: Vec<String>,
    pub served: bool,
    /// What happened, in a sentence in the window's language.
    pub text: String,
}

/// The requests the router moved lately, the latest first.
#[tauri::command]
#[specta::specta]
pub async fn failovers(state: State<'_, AppState>) -> Res<Vec<MoveView>> {
    let lang = crate::state::window_language();
    blocking(&state, move |sb| {
        Ok(sb
            .failovers()
            .into_iter()
            .map(|m| MoveView {
                at_ms: m.at_ms,
                from: m.failovers.iter().map(|f| f.from_provider.clone()).collect(),
                served: m.served,
                text: m.words().in_language(lang),
                provider: m.provider,
            })
            .collect())
    })
    .await
}
