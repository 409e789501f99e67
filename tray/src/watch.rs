//! The tray's file watcher: core's `watch`, each burst one `Refresh`.

use std::path::Path;

use tokio::sync::mpsc::UnboundedSender;

use crate::action::Action;

pub fn start(home: &Path, session: &Path, tx: UnboundedSender<Action>) -> notify::Result<notify::RecommendedWatcher> {
    switchboard_core::desktop::watch::start(home, session, move || tx.send(Action::Refresh).is_ok())
}
