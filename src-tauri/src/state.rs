//! What the window process holds while it runs, and how the window and the
//! in-process tray are told that something changed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use switchboard_core::Switchboard;
use switchboard_core::desktop::session::Session;
use switchboard_core::locale::Language;
use tauri::{AppHandle, Emitter, Manager};

/// The language the window shows (the picker's, else the system's): core's
/// sentences reach it in this one.
static WINDOW_LANGUAGE: std::sync::RwLock<Language> = std::sync::RwLock::new(Language::English);

pub fn window_language() -> Language {
    *WINDOW_LANGUAGE.read().unwrap_or_else(|e| e.into_inner())
}

pub fn set_window_language(lang: Language) {
    *WINDOW_LANGUAGE.write().unwrap_or_else(|e| e.into_inner()) = lang;
}

/// Tells the window to list again (it listens for this event).
pub const CONFIG_CHANGED: &str = "config-changed";
/// Tells a tray inside this process to redraw (after a switch or a test).
pub const TRAY_CHANGED: &str = "tray-changed";

pub struct AppState {
    pub sb: Switchboard,
    pub helper: PathBuf,
    /// Shared with the tray process: the last test of each provider, and whether the window has the focus.
    pub session: Session,
    /// The Codex home's files and the kept reports as the window last saw them (see `fingerprint`).
    pub seen: Mutex<u64>,
    /// The tray lives in this process (macOS, Windows, or Linux without `switchboard-tray`):
    /// closing the window hides it instead of ending the process.
    pub tray_inside: AtomicBool,
    /// Started at login with the tray inside: the window stays hidden until asked for.
    pub hidden_at_start: AtomicBool,
    /// How many of this process's own changes are under way (see [`Changing`]).
    changing: AtomicUsize,
}

/// Held while this process changes the files and until it has told the window:
/// the watcher leaves the refresh to it, so one change is one refresh even when
/// the watcher wakes between the operation's writes or before its `refresh`.
/// When the last one ends, anything the watcher left (an operation that failed
/// half-way, another program's write meanwhile) is shown if the files differ.
pub struct Changing(AppHandle);

/// Marks a change of this process's own as under way; call `refresh` before dropping it.
pub fn changing(app: &AppHandle) -> Changing {
    app.state::<AppState>().changing.fetch_add(1, Ordering::SeqCst);
    Changing(app.clone())
}

impl Drop for Changing {
    fn drop(&mut self) {
        if self.0.state::<AppState>().changing.fetch_sub(1, Ordering::SeqCst) == 1 {
            refresh_if_changed(&self.0);
        }
    }
}

impl AppState {
    pub fn new(sb: Switchboard, helper: PathBuf, session: Session) -> AppState {
        let seen = Mutex::new(fingerprint(sb.home(), &session));
        AppState {
            sb,
            helper,
            session,
            seen,
            tray_inside: AtomicBool::new(false),
            hidden_at_start: AtomicBool::new(false),
            changing: AtomicUsize::new(0),
        }
    }

    pub fn tray_inside(&self) -> bool {
        self.tray_inside.load(Ordering::Relaxed)
    }

    pub fn starts_hidden(&self) -> bool {
        self.hidden_at_start.load(Ordering::Relaxed)
    }

}

/// A hash of config.toml, the profile files and the kept test reports: a watcher
/// event whose files hash the same as the last refresh is the echo of our own write.
fn fingerprint(home: &Path, session: &Session) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(home.join("config.toml")).ok().hash(&mut h);
    std::fs::read(home.join(switchboard_core::router::state::FILE)).ok().hash(&mut h);
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
/// through its own watcher (or, where the tray lives here, through `TRAY_CHANGED`).
pub fn refresh(app: &AppHandle) {
    mark_seen(app);
    let _ = app.emit(CONFIG_CHANGED, ());
    refresh_tray(app);
}

/// A tray in this process redraws; the tray process follows its own watcher.
pub fn refresh_tray(app: &AppHandle) {
    let _ = app.emit(TRAY_CHANGED, ());
}

/// Records the current files as seen, so our own write's echo is dropped.
pub fn mark_seen(app: &AppHandle) {
    let state = app.state::<AppState>();
    *state.seen.lock().unwrap() = fingerprint(state.sb.home(), &state.session);
}

/// `refresh`, unless the files are as the window last saw them, or a change of
/// this process's own is under way (its `refresh` follows).
fn refresh_if_changed(app: &AppHandle) {
    let state = app.state::<AppState>();
    if state.changing.load(Ordering::SeqCst) > 0 {
        return;
    }
    if fingerprint(state.sb.home(), &state.session) != *state.seen.lock().unwrap() {
        refresh(app);
    }
}

pub fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// Watches what the window shows (core's `watch`); changes reach it within a second.
pub fn watch(app: &AppHandle, home: &Path, session: &Path) -> notify::Result<notify::RecommendedWatcher> {
    let app = app.clone();
    switchboard_core::desktop::watch::start(home, session, move || {
        refresh_if_changed(&app);
        true
    })
}
