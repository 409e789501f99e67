//! What the tray's loop acts on: a menu click or a file event.

#[derive(Debug)]
pub enum Action {
    Use(String),
    Test,
    Open,
    Quit,
    /// config.toml or a kept test report changed.
    Refresh,
}
