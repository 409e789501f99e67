//! The Usage screen's commands: the figures (OpenRouter's own prices fetched first
//! when a day old), a monthly budget and a price per million tokens per provider.

use std::time::Duration;

use switchboard_core::Outcome;
use switchboard_core::ops::usage::UsageView;
use switchboard_core::provider::preset_row::PresetId;
use switchboard_core::usage::fetch;
use switchboard_core::usage::price::Price;
use tauri::{AppHandle, State};

use crate::commands::{Res, blocking, change};
use crate::state::AppState;

/// Usage from `since` (a local day, YYYY-MM-DD) on, or all of it.
#[tauri::command]
#[specta::specta]
pub async fn usage(state: State<'_, AppState>, since: Option<String>) -> Res<UsageView> {
    // OpenRouter providers' own price lists, at most a day old (best effort, a few seconds at most).
    let listing = blocking(&state, |sb| sb.list()).await?;
    let openrouter: Vec<(String, String)> = listing
        .providers
        .iter()
        .filter(|p| p.preset == PresetId::Openrouter && !p.base_url.is_empty())
        .map(|p| (p.id.clone(), p.base_url.clone()))
        .collect();
    if !openrouter.is_empty() {
        fetch::refresh(state.sb.home(), &openrouter, fetch::MAX_AGE, Duration::from_secs(6)).await;
    }
    blocking(&state, move |sb| sb.usage(since.as_deref())).await
}

/// A monthly budget for `id` (`None` removes it).
#[tauri::command]
#[specta::specta]
pub async fn set_budget(app: AppHandle, state: State<'_, AppState>, id: String, monthly: Option<f64>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_budget(&id, monthly)).await
}

/// Your price per million tokens for every model of `id` (`None` removes it).
#[tauri::command]
#[specta::specta]
pub async fn set_price(app: AppHandle, state: State<'_, AppState>, id: String, price: Option<Price>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_price(&id, price)).await
}
