//! Desktop notifications over D-Bus (`org.freedesktop.Notifications.Notify`): one
//! line, never when the window has the focus (the window shows the result itself).

use std::collections::HashMap;
use std::time::Duration;

use switchboard_core::desktop::session::Session;

/// Whether a notification is wanted now: not while the window has the focus.
pub fn wanted(session: &Session) -> bool {
    !session.window().is_some_and(|w| w.focused)
}

/// Shows `line`; a desktop without a notification server just doesn't show it.
pub async fn send(session: &Session, line: &str) {
    if !wanted(session) {
        return;
    }
    let call = async {
        let conn = zbus::Connection::session().await?;
        let hints: HashMap<&str, zbus::zvariant::Value<'_>> = HashMap::new();
        conn.call_method(
            Some("org.freedesktop.Notifications"),
            "/org/freedesktop/Notifications",
            Some("org.freedesktop.Notifications"),
            "Notify",
            &("Switchboard", 0u32, "", line, "", Vec::<&str>::new(), hints, 6000i32),
        )
        .await
        .map(|_| ())
    };
    let _ = tokio::time::timeout(Duration::from_secs(3), call).await;
}
