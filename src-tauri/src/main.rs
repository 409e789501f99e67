//! Switchboard's desktop shell: window, tray, file watcher, and thin commands
//! over switchboard-core. No domain logic lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod adopt;
mod bindings;
mod commands;
mod sessions;
mod share;
mod tray;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use switchboard_core::probe::Report;
use switchboard_core::switchboard::Source;
use switchboard_core::{Switchboard, doctor, home};
use tauri::menu::{CheckMenuItemBuilder, MenuBuilder, MenuItemBuilder};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, WindowEvent};

pub struct AppState {
    pub sb: Switchboard,
    pub helper: PathBuf,
    /// The last test of each provider, from the window or the tray; the listing carries it.
    pub last_tests: Mutex<HashMap<String, Report>>,
    /// The Codex home's files as the window last saw them (see `fingerprint`).
    pub seen: Mutex<u64>,
}

/// A hash of config.toml and the profile files: a watcher event whose files
/// hash the same as the last refresh is the echo of our own write, not news.
fn fingerprint(home: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(home.join("config.toml")).ok().hash(&mut h);
    let mut names: Vec<PathBuf> = std::fs::read_dir(home)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(".config.toml")).collect())
        .unwrap_or_default();
    names.sort();
    for p in names {
        p.hash(&mut h);
        std::fs::read(&p).ok().hash(&mut h);
    }
    h.finish()
}

const TRAY_ID: &str = "main";

/// The `switchboard` CLI that Codex runs for keychain auth: the bundled sidecar
/// beside this binary, else `$SWITCHBOARD_HELPER`, else one on PATH.
fn helper_path() -> PathBuf {
    let exe = std::env::current_exe().and_then(|p| p.canonicalize()).ok();
    if let Some(side) = exe.as_ref().and_then(|e| e.parent()).map(|d| d.join("switchboard")) {
        if side.is_file() {
            return side;
        }
    }
    if let Some(p) = std::env::var_os("SWITCHBOARD_HELPER") {
        return PathBuf::from(p);
    }
    std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).map(|d| d.join("switchboard")).find(|p| p.is_file()))
        .unwrap_or_else(|| PathBuf::from("switchboard"))
}

/// The window and the tray show the providers again (after any change).
pub fn refresh(app: &AppHandle) {
    let state = app.state::<AppState>();
    *state.seen.lock().unwrap() = fingerprint(state.sb.home());
    let _ = app.emit("config-changed", ());
    refresh_tray(app);
}

/// `refresh`, unless the files are as the window last saw them.
fn refresh_if_changed(app: &AppHandle) {
    let state = app.state::<AppState>();
    if fingerprint(state.sb.home()) != *state.seen.lock().unwrap() {
        refresh(app);
    }
}

pub fn refresh_tray(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(listing) = state.sb.list() else { return };
    let last = state.last_tests.lock().unwrap().get(&listing.active).cloned();
    let entries = tray::menu(&listing, last.as_ref());
    let title = tray::title(&listing);
    let Some(icon) = app.tray_by_id(TRAY_ID) else { return };
    if let Ok(menu) = build_menu(app, &entries) {
        let _ = icon.set_menu(Some(menu));
    }
    let _ = icon.set_tooltip(Some(&title));
    let _ = icon.set_title(Some(&title));
}

fn build_menu(app: &AppHandle, entries: &[tray::Entry]) -> tauri::Result<tauri::menu::Menu<tauri::Wry>> {
    let mut b = MenuBuilder::new(app);
    for e in entries {
        b = match e {
            tray::Entry::Provider { id, label, checked } => {
                b.item(&CheckMenuItemBuilder::with_id(format!("use:{id}"), label).checked(*checked).build(app)?)
            }
            tray::Entry::Separator => b.separator(),
            tray::Entry::Note(text) => b.item(&MenuItemBuilder::with_id("note", text).enabled(false).build(app)?),
            tray::Entry::Action { id, label } => b.item(&MenuItemBuilder::with_id(*id, label).build(app)?),
        };
    }
    b.build()
}

fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

fn on_menu(app: &AppHandle, id: &str) {
    match id {
        "open" => show_window(app),
        "quit" => app.exit(0),
        "test" => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                let state = app.state::<AppState>();
                let Ok(listing) = state.sb.list() else { return };
                let active = listing.active.clone();
                if active == "openai" {
                    // Signed in or not, from the presence of Codex's sign-in; the token is not read.
                    let report = switchboard_core::openai_auth::report(state.sb.home());
                    state.last_tests.lock().unwrap().insert(active, report);
                    refresh(&app);
                    return;
                }
                if listing.providers.iter().any(|p| p.id == active && p.source == Source::BuiltIn) {
                    return;
                }
                if let Ok(report) = doctor::test_one(&state.sb, &active, None, Duration::from_secs(15), false).await {
                    state.last_tests.lock().unwrap().insert(active, report);
                    // The window lists the report too.
                    refresh(&app);
                }
            });
        }
        other => {
            if let Some(provider) = other.strip_prefix("use:") {
                // Off the GTK thread: the edit and the tray rebuild touch files and D-Bus.
                let (app, provider) = (app.clone(), provider.to_owned());
                tauri::async_runtime::spawn_blocking(move || {
                    let _ = app.state::<AppState>().sb.use_provider(&provider, None);
                    refresh(&app);
                });
            }
        }
    }
}

/// Watches the Codex home (and a symlinked config's real folder) with inotify
/// or the platform's equivalent, no polling. Changes reach the window and the
/// tray within a second.
fn watch(app: &AppHandle, home: &Path) -> notify::Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            let relevant = ev.paths.iter().any(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n == "config.toml" || n.ends_with(".config.toml"))
            });
            if relevant && !ev.kind.is_access() {
                let _ = tx.send(());
            }
        }
    })?;
    watcher.watch(home, RecursiveMode::NonRecursive)?;
    let config = home.join("config.toml");
    if let Ok(real) = std::fs::canonicalize(&config) {
        if let Some(dir) = real.parent().filter(|d| *d != home) {
            let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
        }
    }
    let app = app.clone();
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Coalesce the burst of events one save makes.
            std::thread::sleep(Duration::from_millis(80));
            while rx.try_recv().is_ok() {}
            refresh_if_changed(&app);
        }
    });
    Ok(watcher)
}

fn main() {
    // WebKitGTK's compositing mode roughly doubles the idle memory of the web process
    // (about 195 MB against 105 MB PSS, measured by scripts/bench-app) and this window
    // needs none of it. Set before any thread starts; a user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // SAFETY: single-threaded here, before Tauri or any other thread starts.
        unsafe { std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1") };
    }
    let helper = helper_path();
    let home = match home::from_env(None) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}\nhint: {}", e.hint());
            std::process::exit(1);
        }
    };
    let sb = Switchboard::new(home.clone(), helper.clone());
    let seen = Mutex::new(fingerprint(&home));
    let contract = bindings::builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            show_window(app);
            share::opened(app, &args, Path::new(&cwd));
        }))
        .plugin(tauri_plugin_deep_link::init())
        .manage(AppState { sb, helper, last_tests: Mutex::new(HashMap::new()), seen })
        .invoke_handler(contract.invoke_handler())
        .on_window_event(|window, event| {
            // Closing the window keeps the app in the tray; Quit is in the tray menu.
            if let WindowEvent::CloseRequested { api, .. } = event {
                let _ = window.hide();
                api.prevent_close();
            }
        })
        .setup(move |app| {
            share::setup(app);
            let handle = app.handle().clone();
            let icon = tauri::image::Image::from_bytes(include_bytes!("../../icons/tray.png"))?;
            TrayIconBuilder::with_id(TRAY_ID)
                .icon(icon)
                .show_menu_on_left_click(true)
                .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
                .build(app)?;
            refresh_tray(&handle);
            match watch(&handle, &home) {
                Ok(w) => {
                    app.manage(Mutex::new(w));
                }
                Err(e) => eprintln!("warning: config.toml changes made elsewhere will not show until restart: {e}"),
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Switchboard");
}
