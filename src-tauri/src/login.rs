//! Start at login: the window's toggle. Linux writes core's XDG autostart entry for the
//! tray binary; macOS and Windows use tauri-plugin-autostart (a login item / Run key
//! that starts this binary with `--tray`).

use tauri::AppHandle;

use crate::commands::UiError;

fn failed(e: impl std::fmt::Display) -> UiError {
    UiError { message: format!("Could not change the login item: {e}"), hint: String::new(), code: "autostart".into(), field: None }
}

/// Whether Switchboard starts at login.
#[tauri::command]
#[specta::specta]
pub fn autostart(app: AppHandle) -> Result<bool, UiError> {
    imp::get(&app).map_err(failed)
}

/// Turns start at login on or off; answers the new state.
#[tauri::command]
#[specta::specta]
pub fn set_autostart(app: AppHandle, on: bool) -> Result<bool, UiError> {
    imp::set(&app, on).map_err(failed)?;
    imp::get(&app).map_err(failed)
}

#[cfg(target_os = "linux")]
mod imp {
    use switchboard_core::desktop::autostart::Autostart;
    use switchboard_core::codex::helper;
    use tauri::AppHandle;

    fn entry() -> std::io::Result<Autostart> {
        Autostart::for_user().ok_or_else(|| std::io::Error::other("no home folder"))
    }

    pub fn get(_app: &AppHandle) -> std::io::Result<bool> {
        Ok(entry()?.is_enabled())
    }

    pub fn set(_app: &AppHandle, on: bool) -> std::io::Result<()> {
        let a = entry()?;
        if !on {
            return a.disable();
        }
        // The tray alone starts at login; it opens the window when asked.
        let tray = helper::sibling("switchboard-tray").ok_or_else(|| std::io::Error::other("switchboard-tray is not installed beside the app"))?;
        a.enable(&tray)
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use tauri::AppHandle;
    use tauri_plugin_autostart::ManagerExt;

    pub fn get(app: &AppHandle) -> Result<bool, String> {
        app.autolaunch().is_enabled().map_err(|e| e.to_string())
    }

    pub fn set(app: &AppHandle, on: bool) -> Result<(), String> {
        let m = app.autolaunch();
        if on { m.enable() } else { m.disable() }.map_err(|e| e.to_string())
    }
}
