//! What the tray's loop acts on: a menu click or a file event.

#[derive(Debug)]
pub enum Action {
    /// Use a provider, with one of its models when the submenu named one.
    Use(String, Option<String>),
    Test,
    Open,
    Quit,
    /// config.toml or a kept test report changed.
    Refresh,
}
