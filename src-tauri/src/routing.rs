//! The router's commands: which models of a provider Codex lists, whether Codex
//! reaches a provider through the router or directly, and the Codex sessions the
//! router saw lately (which follow Use, which are pinned).

use switchboard_core::Outcome;
use switchboard_core::router::sessions::SeenSession;
use tauri::{AppHandle, State};

use crate::commands::{Res, blocking, change};
use crate::state::AppState;

/// The models of `id` Codex's /model picker lists besides its own, in order.
#[tauri::command]
#[specta::specta]
pub async fn set_listed(app: AppHandle, state: State<'_, AppState>, id: String, models: Vec<String>) -> Res<Outcome> {
    change(&app, &state, move |sb| sb.set_listed(&id, &models)).await
}

/// Codex reaches `id` directly (`direct`), or through the router. The provider in
/// use moves at once (Use again); another one at its next Use.
#[tauri::command]
#[specta::specta]
pub async fn set_route(app: AppHandle, state: State<'_, AppState>, id: String, direct: bool) -> Res<Outcome> {
    change(&app, &state, move |sb| {
        let out = sb.set_direct(&id, direct)?;
        if sb.list()?.active == id { sb.use_provider(&id, None) } else { Ok(out) }
    })
    .await
}

/// The sessions the router saw in the last hour, latest first (none when no router runs).
#[tauri::command]
#[specta::specta]
pub async fn running_sessions(state: State<'_, AppState>) -> Res<Vec<SeenSession>> {
    blocking(&state, move |sb| Ok(sb.running())).await
}
