//! The Sessions view's command: Codex's saved sessions across providers, read-only.

use switchboard_core::codex::sessions::{self, Session};
use tauri::State;

use crate::state::AppState;

/// Up to `limit` (default 200) sessions, newest first, only `provider`'s when given.
#[tauri::command]
#[specta::specta]
pub async fn sessions(state: State<'_, AppState>, provider: Option<String>, limit: Option<u32>) -> Result<Vec<Session>, String> {
    let home = state.sb.home().to_owned();
    let limit = limit.unwrap_or(200) as usize;
    tauri::async_runtime::spawn_blocking(move || sessions::list(&home, provider.as_deref(), limit)).await.map_err(|e| e.to_string())
}
