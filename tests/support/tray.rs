//! The tray process as a tray host sees it: its dbusmenu on the session bus, read with
//! `GetLayout` and clicked with `Event "clicked"` (gdbus), a guard that ends it, and the
//! desktop notifications sent on the session bus (dbus-monitor).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// Ends, when dropped, the tray process that runs for the session folder `runtime`
/// (`$XDG_RUNTIME_DIR`) and the window process it started, so a failed test leaves
/// nothing running. The tray writes its process id into `switchboard/tray.lock`.
pub struct TrayGuard(pub PathBuf);

impl Drop for TrayGuard {
    fn drop(&mut self) {
        for file in ["switchboard/window", "switchboard/tray.lock"] {
            let pid = std::fs::read_to_string(self.0.join(file)).ok().and_then(|t| t.split_whitespace().next().map(str::to_owned));
            if let Some(pid) = pid {
                let _ = Command::new("kill").arg(pid).status();
            }
        }
    }
}

/// Where a tray exports its dbusmenu: the tray process (ksni), and the tray inside the
/// window process (Tauri's, through libayatana-appindicator).
const MENU_PATHS: &[&str] = &["/MenuBar", "/org/ayatana/NotificationItem/tray_icon_tray_app_main/Menu"];

/// The tray menu as a tray host sees it: the dbusmenu that a tray exports on the
/// session bus. Returns the bus name and (id, label, checked) per item.
pub fn tray_menu() -> Option<(String, Vec<(i32, String, bool)>)> {
    tray_menu_at().map(|(name, _, items)| (name, items))
}

/// [`tray_menu`], with the object path it answered at.
fn tray_menu_at() -> Option<(String, &'static str, Vec<(i32, String, bool)>)> {
    let names = Command::new("dbus-send")
        .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/", "org.freedesktop.DBus.ListNames"])
        .output()
        .ok()?;
    let names = String::from_utf8_lossy(&names.stdout).into_owned();
    // The connection that answered last time first: asking the others costs a timeout each.
    static LAST: Mutex<Option<(String, &'static str)>> = Mutex::new(None);
    let last = LAST.lock().unwrap().clone();
    let mut candidates: Vec<(&str, &'static str)> =
        names.split('"').filter(|s| s.starts_with(":1.")).flat_map(|n| MENU_PATHS.iter().map(move |p| (n, *p))).collect();
    if let Some((l, p)) = &last {
        candidates.retain(|c| c != &(l.as_str(), *p));
        candidates.insert(0, (l.as_str(), p));
    }
    for (name, path) in candidates {
        let out = Command::new("gdbus")
            .args(["call", "--session", "--timeout", "2", "--dest", name, "--object-path", path, "--method", "com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]"])
            .output()
            .ok()?;
        if !out.status.success() {
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut items = Vec::new();
        for chunk in text.split("<(").skip(1) {
            let Some(id) = chunk.split(',').next().and_then(|s| s.trim().parse::<i32>().ok()) else { continue };
            let Some(label) = chunk.split("'label': <'").nth(1).and_then(|r| r.split("'>").next()) else { continue };
            let checked = chunk.split("'toggle-state': <").nth(1).is_some_and(|r| r.starts_with('1'));
            items.push((id, label.replace("__", "_"), checked));
        }
        *LAST.lock().unwrap() = Some((name.to_owned(), path));
        return Some((name.to_owned(), path, items));
    }
    None
}

/// Clicks the tray item whose label contains `label`, the way a tray host does. The app
/// rebuilds its menu whenever config.toml changes, so a stale item id is looked up again.
pub fn tray_click_label(label: &str) {
    for _ in 0..20 {
        if let Some((dest, path, items)) = tray_menu_at() {
            if let Some((id, _, _)) = items.iter().find(|(_, l, _)| l.contains(label)) {
                if try_tray_click(&dest, path, *id) {
                    return;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("could not click the tray item {label:?}");
}

fn try_tray_click(dest: &str, path: &str, id: i32) -> bool {
    let out = Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            dest,
            "--object-path",
            path,
            "--method",
            "com.canonical.dbusmenu.Event",
            "--",
            &id.to_string(),
            "clicked",
            "<int32 0>",
            "0",
        ])
        .output()
        .expect("gdbus");
    out.status.success()
}

/// Records every desktop notification sent on the session bus (dbus-monitor).
pub struct Notifications {
    child: Child,
    log: PathBuf,
}

impl Notifications {
    pub fn watch(dir: &Path) -> Notifications {
        let log = dir.join("notifications.log");
        let child = Command::new("dbus-monitor")
            .args(["--session", "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"])
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-monitor (Debian's dbus package)");
        std::thread::sleep(Duration::from_millis(300));
        Notifications { child, log }
    }

    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
