//! The session bus the tray registered its menu on. When it ends (the user logged
//! out, or the session was torn down), the tray has nothing left to serve.

use futures_util::StreamExt;

/// Resolves once the session bus connection has ended; at once if there is none.
/// Event-driven: it waits on the connection's own stream of messages, which ends
/// when the bus goes away. Nothing is polled.
pub async fn gone() {
    let Ok(conn) = zbus::Connection::session().await else { return };
    let mut stream = zbus::MessageStream::from(&conn);
    while let Some(message) = stream.next().await {
        if message.is_err() {
            break;
        }
    }
}
