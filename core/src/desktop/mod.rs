//! What the window and the tray share: the session folder, the tray's words, start at login, the file watcher, and the log of how they end.

pub mod autostart;
pub mod log;
pub mod session;
pub mod tray_menu;
#[cfg(feature = "watch")]
pub mod watch;
