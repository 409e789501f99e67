//! `switchboard-tray`: Switchboard's tray as its own small process, without WebKit.
//!
//! It holds the menu (one entry per provider, Test, Open, Quit), switches and tests
//! through core, follows config.toml with a file watcher, and starts the window
//! process (`switchboard-app`) only when asked. Closing the window ends that process
//! and its WebKit helpers; this one stays, at a few MB. One tray per user: a second
//! start exits at once (the lock lives in the session folder).
//!
//! `switchboard-tray --open` also opens the window (the window process starts the
//! tray this way, and a login start runs the tray alone).

#[cfg(target_os = "linux")]
mod action;
#[cfg(target_os = "linux")]
mod bus;
#[cfg(target_os = "linux")]
mod item;
#[cfg(target_os = "linux")]
mod notice;
#[cfg(target_os = "linux")]
mod run;
#[cfg(target_os = "linux")]
mod watch;
mod window;

fn main() {
    let home = match switchboard_core::codex::home::from_env(None) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}\nhint: {}", e.hint());
            std::process::exit(1);
        }
    };
    let open = std::env::args().skip(1).any(|a| a == "--open");
    #[cfg(target_os = "linux")]
    std::process::exit(run::run(home, open));
    #[cfg(not(target_os = "linux"))]
    {
        // On macOS and Windows the window process keeps its own tray; this binary only
        // opens it, so a login item or shortcut pointing here still works.
        let _ = (home, open);
        std::process::exit(if window::open().is_ok() { 0 } else { 1 });
    }
}
