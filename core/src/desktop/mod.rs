//! What the window and the tray share: the session folder, the tray's words, the chosen language, start at login, the file watcher, the log of how they end, reading ahead for cold launches, and what the user chose for updates.

pub mod autostart;
pub mod chosen_language;
pub mod log;
pub mod session;
pub mod tray_menu;
pub mod update;
pub mod warm;
#[cfg(feature = "watch")]
pub mod watch;
