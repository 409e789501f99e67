//! Share and Import in the window, and the links and share files the app is
//! opened with (first launch, a second launch, or the OS's deep-link event).
//! The format, the checks and the import itself are core's (`share`, `import`).

use std::path::Path;
use std::sync::Mutex;

use switchboard_core::share::import::{self, Choice, Made, Preview};
use switchboard_core::share::format::{FILE_SUFFIX, SCHEME};
use switchboard_core::{Error, Outcome};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::state::AppState;
use crate::commands::{Res, UiError, blocking, change};

/// The link or share file the window has not picked up yet.
#[derive(Default)]
pub struct Opened(Mutex<Option<String>>);

/// The share the app was started with or handed, if `arg` is one: a
/// `switchboard:` link, or a path to a `*.switchboard.toml` file (relative to `cwd`).
pub fn share_arg(arg: &str, cwd: &Path) -> Option<String> {
    if arg.get(..SCHEME.len() + 1).is_some_and(|s| s.eq_ignore_ascii_case(&format!("{SCHEME}:"))) {
        return Some(arg.to_owned());
    }
    let arg = arg.strip_prefix("file://").unwrap_or(arg);
    arg.ends_with(FILE_SUFFIX).then(|| cwd.join(arg).display().to_string())
}

/// Keeps the share from `args` for the window and tells it; shows the window.
pub fn opened(app: &AppHandle, args: &[String], cwd: &Path) {
    if let Some(s) = args.iter().skip(1).find_map(|a| share_arg(a, cwd)) {
        handed(app, s);
    }
}

fn handed(app: &AppHandle, share: String) {
    *app.state::<Opened>().0.lock().unwrap() = Some(share);
    let _ = app.emit("import-requested", ());
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// At start: the share on the command line, and deep links the OS delivers as events.
pub fn setup(app: &tauri::App) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let args: Vec<String> = std::env::args().collect();
    app.manage(Opened(Mutex::new(args.iter().skip(1).find_map(|a| share_arg(a, &cwd)))));
    use tauri_plugin_deep_link::DeepLinkExt;
    let handle = app.handle().clone();
    app.deep_link().on_open_url(move |event| {
        if let Some(url) = event.urls().first() {
            handed(&handle, url.to_string());
        }
    });
}

/// The share the app was opened with, once.
#[tauri::command]
#[specta::specta]
pub fn opened_with(opened: State<'_, Opened>) -> Option<String> {
    opened.0.lock().unwrap().take()
}

/// A link or a file's text: a path is read here, in the shell, not by the page.
fn text_of(source: &str) -> Result<String, Error> {
    import::source_text(source)
}

/// What importing `source` (a link or a share file's path) would do, provider by provider.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(state: State<'_, AppState>, source: String) -> Res<Preview> {
    let lang = crate::state::window_language();
    blocking(&state, move |sb| import::preview(sb, &text_of(&source)?, lang)).await
}

/// Imports the chosen providers of `source`, each with its own key and consent.
#[tauri::command]
#[specta::specta]
pub async fn import_share(app: AppHandle, state: State<'_, AppState>, source: String, choices: Vec<Choice>) -> Res<Outcome> {
    change(&app, &state, move |sb| import::import(sb, &text_of(&source)?, &choices)).await
}

/// The share of providers `ids`: the link, the file's text, what was left out.
#[tauri::command]
#[specta::specta]
pub async fn share_providers(state: State<'_, AppState>, ids: Vec<String>) -> Res<Made> {
    let lang = crate::state::window_language();
    blocking(&state, move |sb| import::share(sb, &ids, lang)).await
}

/// Saves the share file of `ids` in the Downloads folder (else the home folder); returns its path.
#[tauri::command]
#[specta::specta]
pub async fn save_share(app: AppHandle, state: State<'_, AppState>, ids: Vec<String>) -> Res<String> {
    let dir = app.path().download_dir().or_else(|_| app.path().home_dir()).map_err(|e| UiError::internal(e.to_string()))?;
    blocking(&state, move |sb| {
        let made = import::share(sb, &ids, switchboard_core::locale::Language::English)?;
        let stem = if ids.len() == 1 { ids[0].clone() } else { "providers".into() };
        let path = (1..)
            .map(|n| dir.join(if n == 1 { format!("{stem}{FILE_SUFFIX}") } else { format!("{stem}-{n}{FILE_SUFFIX}") }))
            .find(|p| !p.exists())
            .expect("a free name");
        std::fs::write(&path, made.file).map_err(|e| Error::Io { action: "io-write", path: path.clone(), source: e })?;
        Ok(path.display().to_string())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_arguments_are_shares() {
        let cwd = Path::new("/home/u");
        assert_eq!(share_arg("switchboard://import?v=1", cwd).as_deref(), Some("switchboard://import?v=1"));
        assert_eq!(share_arg("SWITCHBOARD://import?v=1", cwd).as_deref(), Some("SWITCHBOARD://import?v=1"));
        assert_eq!(share_arg("team.switchboard.toml", cwd).as_deref(), Some("/home/u/team.switchboard.toml"));
        assert_eq!(share_arg("file:///tmp/a.switchboard.toml", cwd).as_deref(), Some("/tmp/a.switchboard.toml"));
        for no in ["--flag", "config.toml", "https://example.com", ""] {
            assert_eq!(share_arg(no, cwd), None, "{no}");
        }
    }

    /// The .deb's desktop entry is written from this config: the scheme handler and the file type.
    #[test]
    fn the_bundle_registers_the_scheme_and_the_share_file_type() {
        let conf: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        let schemes = &conf["plugins"]["deep-link"]["desktop"]["schemes"];
        assert!(schemes.as_array().unwrap().iter().any(|s| s == SCHEME), "{schemes}");
        let assoc = &conf["bundle"]["fileAssociations"][0];
        assert_eq!(assoc["mimeType"], "application/x-switchboard-share");
        let files = &conf["bundle"]["linux"]["deb"]["files"];
        let mime = files["/usr/share/mime/packages/switchboard.xml"].as_str().unwrap();
        let xml = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(mime)).unwrap();
        assert!(xml.contains("application/x-switchboard-share") && xml.contains(&format!("*{FILE_SUFFIX}")), "{xml}");
    }
}
