//! Switchboard's window process: the window, its file watcher, and thin commands
//! over switchboard-core. No domain logic lives here.
//!
//! On Linux the tray is its own small process (`switchboard-tray`, no WebKit): this
//! process starts it, and ends when its window closes, taking WebKit's web and
//! network processes with it. macOS and Windows keep the tray here for now (`tray`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod adopt;
mod bindings;
mod commands;
mod login;
mod sessions;
mod share;
#[cfg(not(target_os = "linux"))]
mod tray;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use switchboard_core::session::{Session, Window};
use switchboard_core::{Switchboard, helper, home};
use tauri::{AppHandle, Emitter, Manager, RunEvent, WindowEvent};

pub struct AppState {
    pub sb: Switchboard,
    pub helper: PathBuf,
    /// Shared with the tray process: the last test of each provider, and whether the window has the focus.
    pub session: Session,
    /// The Codex home's files and the kept reports as the window last saw them (see `fingerprint`).
    pub seen: Mutex<u64>,
}

/// A hash of config.toml, the profile files and the kept test reports: a watcher
/// event whose files hash the same as the last refresh is the echo of our own write.
fn fingerprint(home: &Path, session: &Session) -> u64 {
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
    let mut tests: Vec<_> = session.tests().into_iter().map(|(id, r)| (id, r.ok, r.message)).collect();
    tests.sort();
    tests.hash(&mut h);
    h.finish()
}

/// The window shows the providers again (after any change); the tray follows
/// through its own watcher (or, where the tray lives here, at once).
pub fn refresh(app: &AppHandle) {
    mark_seen(app);
    let _ = app.emit("config-changed", ());
    refresh_tray(app);
}

/// Records the current files as seen, so our own write's echo is dropped.
pub fn mark_seen(app: &AppHandle) {
    let state = app.state::<AppState>();
    *state.seen.lock().unwrap() = fingerprint(state.sb.home(), &state.session);
}

/// `refresh`, unless the files are as the window last saw them.
fn refresh_if_changed(app: &AppHandle) {
    let state = app.state::<AppState>();
    if fingerprint(state.sb.home(), &state.session) != *state.seen.lock().unwrap() {
        refresh(app);
    }
}

pub fn refresh_tray(_app: &AppHandle) {
    #[cfg(not(target_os = "linux"))]
    tray::refresh(_app);
}

pub fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// Watches what the window shows (core's `watch`); changes reach it within a second.
fn watch(app: &AppHandle, home: &Path, session: &Path) -> notify::Result<notify::RecommendedWatcher> {
    let app = app.clone();
    switchboard_core::watch::start(home, session, move || {
        refresh_if_changed(&app);
        true
    })
}

/// Starts the tray process beside this binary; it exits at once if a tray runs already.
/// The tray outlives this process, so it gets no handle on our output: whoever ran us
/// and reads our output to its end (a launcher, a script) is not held open by the tray.
#[cfg(target_os = "linux")]
fn start_tray(open_window: bool) -> bool {
    use std::process::Stdio;
    let Some(tray) = helper::sibling("switchboard-tray") else { return false };
    let mut cmd = std::process::Command::new(tray);
    if open_window {
        cmd.arg("--open");
    }
    match cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--tray`: started at login. On Linux the tray alone starts (no window, no WebKit);
    // elsewhere the window process starts hidden with its tray.
    let at_login = args.iter().any(|a| a == "--tray");
    #[cfg(target_os = "linux")]
    {
        if at_login && start_tray(false) {
            return;
        }
    }
    // Opened from the tray, the tray runs already. Otherwise it starts in `setup`, once
    // the single-instance check has passed: a second launch hands over and exits, and
    // starts nothing.
    #[cfg(target_os = "linux")]
    let with_tray = !args.iter().any(|a| a == "--from-tray");
    // WebKitGTK's compositing mode roughly doubles the idle memory of the web process
    // (about 195 MB against 105 MB PSS, measured by scripts/bench-app) and this window
    // needs none of it. Set before any thread starts; a user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // SAFETY: single-threaded here, before Tauri or any other thread starts.
        unsafe { std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1") };
    }
    let helper = helper::find();
    let home = match home::from_env(None) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}\nhint: {}", e.hint());
            std::process::exit(1);
        }
    };
    let sb = Switchboard::new(home.clone(), helper.clone());
    let session = Session::for_home(&home);
    let _ = session.ensure();
    let seen = Mutex::new(fingerprint(&home, &session));
    let contract = bindings::builder();
    let pid = std::process::id();
    let builder = tauri::Builder::default()
        // A second launch (or Open in the tray) brings this window forward.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            show_window(app);
            share::opened(app, &args, Path::new(&cwd));
        }))
        .plugin(tauri_plugin_deep_link::init());
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_autostart::init(tauri_plugin_autostart::MacosLauncher::LaunchAgent, Some(vec!["--tray"])));
    let app = builder
        .manage(AppState { sb, helper, session: session.clone(), seen })
        .invoke_handler(contract.invoke_handler())
        .on_window_event(move |window, event| match event {
            WindowEvent::Focused(focused) => {
                let state = window.state::<AppState>();
                let _ = state.session.set_window(Window { pid, focused: *focused });
            }
            #[cfg(not(target_os = "linux"))]
            WindowEvent::CloseRequested { api, .. } => {
                // The tray lives in this process here: closing hides the window.
                let _ = window.hide();
                api.prevent_close();
            }
            _ => {}
        })
        .setup(move |app| {
            let handle = app.handle().clone();
            let _ = session.set_window(Window { pid, focused: false });
            share::setup(app);
            #[cfg(target_os = "linux")]
            if with_tray {
                start_tray(false);
            }
            #[cfg(not(target_os = "linux"))]
            {
                tray::build(&handle)?;
                if at_login {
                    if let Some(w) = app.get_webview_window("main") {
                        let _ = w.hide();
                    }
                }
            }
            let _ = at_login;
            match watch(&handle, &home, session.dir()) {
                Ok(w) => {
                    app.manage(Mutex::new(w));
                }
                Err(e) => eprintln!("warning: config.toml changes made elsewhere will not show until restart: {e}"),
            }
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while starting Switchboard");
    app.run(move |app, event| {
        if let RunEvent::Exit = event {
            app.state::<AppState>().session.clear_window(pid);
        }
    });
}
