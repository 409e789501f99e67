//! Switchboard's window process: the window, its file watcher, and thin commands
//! over switchboard-core. No domain logic lives here.
//!
//! On Linux the tray is its own small process (`switchboard-tray`, no WebKit): this
//! process starts it, and ends when its window closes, taking WebKit's web and
//! network processes with it. macOS and Windows keep the tray here (`tray`), and so
//! does Linux when the tray process is missing; closing the window then hides it.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod adopt;
mod bindings;
mod commands;
mod failover;
mod login;
mod routing;
mod sessions;
mod share;
mod startup;
mod state;
mod tray;
#[cfg(target_os = "linux")]
mod tray_process;
mod usage;
mod update;

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::Ordering;

use switchboard_core::Switchboard;
use switchboard_core::codex::{helper, home};
use switchboard_core::desktop::log;
use switchboard_core::desktop::session::{Session, Window};
use tauri::{Manager, RunEvent, WindowEvent};

use state::AppState;

/// This process's name in the desktop log.
const PROCESS: &str = "switchboard-app";

/// A cold launch (after a reboot) spent seconds faulting in WebKitGTK's libraries page
/// by page, first in their own initialisers, before `main`. The executable's
/// `.preinit_array` runs before those: it asks the kernel to read every mapped file
/// ahead, in large sequential reads, while the initialisers run (`desktop::warm`).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".preinit_array")]
static READ_AHEAD: extern "C" fn() = read_ahead_at_start;

#[cfg(target_os = "linux")]
extern "C" fn read_ahead_at_start() {
    // scripts/bench-app measures with and without it.
    if std::env::var_os("SWITCHBOARD_NO_READ_AHEAD").is_none() {
        switchboard_core::desktop::warm::advise_mapped();
    }
}

fn main() {
    startup::mark("main");
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--tray`: started at login. On Linux the tray process alone starts (no window, no
    // WebKit); elsewhere, or when it is missing, this process starts hidden with its tray.
    let at_login = args.iter().any(|a| a == "--tray");
    #[cfg(target_os = "linux")]
    if at_login && tray_process::start() {
        return;
    }
    // Opened from the tray process, the tray runs already. Otherwise the tray starts in
    // `setup`, once the single-instance check has passed: a second launch hands over and
    // exits, and starts nothing.
    let from_tray = args.iter().any(|a| a == "--from-tray");
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
    let contract = bindings::builder();
    let pid = std::process::id();
    let builder = tauri::Builder::default()
        // A second launch (or Open in the tray) brings this window forward.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            state::show_window(app);
            share::opened(app, &args, Path::new(&cwd));
        }))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(update::plugin());
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_autostart::init(tauri_plugin_autostart::MacosLauncher::LaunchAgent, Some(vec!["--tray"])));
    let app = builder
        .manage(AppState::new(sb, helper, session.clone()))
        .manage(update::Pending::default())
        .invoke_handler(contract.invoke_handler())
        .on_page_load(|webview, payload| match payload.event() {
            tauri::webview::PageLoadEvent::Started => startup::mark("page-started"),
            tauri::webview::PageLoadEvent::Finished => {
                startup::mark("page-finished");
                startup::keep_read_list();
                // The window is created hidden and shown once its page has loaded (unless it
                // starts in the tray): mapped before, WebKit's UI and web processes sometimes
                // waited half a second on each other (see startup.rs).
                if webview.label() == "main" && !webview.app_handle().state::<AppState>().starts_hidden() {
                    let _ = webview.window().show();
                }
            }
        })
        .on_window_event(move |window, event| match event {
            WindowEvent::Focused(focused) => {
                let state = window.state::<AppState>();
                let _ = state.session.set_window(Window { pid, focused: *focused });
            }
            WindowEvent::CloseRequested { api, .. } => {
                if window.state::<AppState>().tray_inside() {
                    // The tray lives in this process: closing hides the window.
                    let _ = window.hide();
                    api.prevent_close();
                } else {
                    // The user closed the window: this process ends by their choice.
                    log::chosen();
                }
            }
            _ => {}
        })
        .setup(move |app| {
            startup::mark("setup");
            // From here on (the single-instance check has passed), an end the user did not
            // choose leaves a line in the log.
            let marker = session.quit_marker(pid);
            let _ = std::fs::remove_file(&marker);
            session.sweep_quit_markers();
            log::watch_exits(PROCESS, Some(&marker));
            let handle = app.handle().clone();
            let _ = session.set_window(Window { pid, focused: false });
            share::setup(app);
            let tray_inside = tray_inside(from_tray);
            if tray_inside {
                app.state::<AppState>().tray_inside.store(true, Ordering::Relaxed);
                tray::build(&handle)?;
                if at_login {
                    app.state::<AppState>().hidden_at_start.store(true, Ordering::Relaxed);
                }
            }
            // The window shows when its page has loaded; should that never happen, it shows anyway.
            let later = handle.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(3));
                if !later.state::<AppState>().starts_hidden() {
                    if let Some(w) = later.get_webview_window("main") {
                        if !w.is_visible().unwrap_or(true) {
                            let _ = w.show();
                        }
                    }
                }
            });
            match state::watch(&handle, &home, session.dir()) {
                Ok(w) => {
                    app.manage(Mutex::new(w));
                }
                Err(e) => eprintln!("warning: config.toml changes made elsewhere will not show until restart: {e}"),
            }
            Ok(())
        })
        .build(update::context(tauri::generate_context!()))
        .expect("error while starting Switchboard");
    app.run(move |app, event| {
        if let RunEvent::Exit = event {
            let session = &app.state::<AppState>().session;
            session.clear_window(pid);
            let _ = std::fs::remove_file(session.quit_marker(pid));
        }
    });
}

/// Whether the tray lives in this process: always on macOS and Windows; on Linux
/// only when the tray process cannot be started (it is not installed beside the
/// app), which is logged. Opened from the tray process, there is one already.
fn tray_inside(from_tray: bool) -> bool {
    #[cfg(target_os = "linux")]
    {
        if from_tray || tray_process::start() {
            return false;
        }
        log::line(
            PROCESS,
            "switchboard-tray is not installed beside the app, so the tray runs inside the window process; closing the window hides it",
        );
        true
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = from_tray;
        true
    }
}
