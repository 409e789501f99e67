//! Signed in-app updates, through Tauri's updater plugin: at start (unless the user chose
//! never) the window asks whether the feed offers a newer version; the user reads its
//! notes and installs it, or puts it off (Later, remembered for that version). The plugin
//! refuses a bundle whose minisign signature does not match the public key built in
//! (`plugins.updater.pubkey` in tauri.conf.json) or whose signed version is not the one
//! announced, and offers nothing older than the running version. An update replaces the
//! installed app (with the CLI and the tray inside it) and nothing else: config.toml and
//! the keys are not touched, and `[auth].command` names the installed CLI's stable path.
//!
//! A feed that cannot be reached, or says nothing usable, is silent: one line on stderr.
//! What the user chose is core's (`desktop::update`); this module is the I/O.

use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use switchboard_core::desktop::log;
use switchboard_core::desktop::update::{self as choice, Check};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_updater::{Error, Update, UpdaterExt};

use crate::commands::UiError;

const PROCESS: &str = "switchboard-app";

/// How long the check at start may take before it is given up, silently.
const CHECK_TIMEOUT: Duration = Duration::from_secs(20);

/// A newer version, as the window offers it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct UpdateOffer {
    pub version: String,
    /// The running version.
    pub current: String,
    /// When it was published (RFC 3339), if the feed says.
    pub date: Option<String>,
    /// The release notes: plain text, bounded.
    pub notes: String,
}

/// The update found by the last check, until it is installed or put off.
#[derive(Default)]
pub struct Pending(Mutex<Option<Update>>);

/// The updater plugin, with the public key from tauri.conf.json (see [`test_only`] for
/// the one exception, in debug builds).
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R, tauri_plugin_updater::Config> {
    let builder = tauri_plugin_updater::Builder::new();
    #[cfg(debug_assertions)]
    let builder = match test_only::pubkey() {
        Some(key) => builder.pubkey(key),
        None => builder,
    };
    builder.build()
}

/// The app's context, with the version a test stamped on this debug build, if any.
pub fn context<R: Runtime>(mut context: tauri::Context<R>) -> tauri::Context<R> {
    #[cfg(debug_assertions)]
    if let Some(v) = test_only::stamped_version() {
        context.package_info_mut().version = v;
    }
    #[cfg(not(debug_assertions))]
    let _ = &mut context;
    context
}

/// What the user chose: check at start and ask, or never.
#[tauri::command]
#[specta::specta]
pub fn update_setting() -> Check {
    choice::load().check
}

/// Keeps the user's choice; answers it as kept.
#[tauri::command]
#[specta::specta]
pub fn set_update_setting(check: Check) -> Result<Check, UiError> {
    let mut c = choice::load();
    c.check = check;
    choice::save(&c).map_err(UiError::from)?;
    Ok(choice::load().check)
}

/// Asks the feed for a newer version, unless the user chose never. `None` when there is
/// none, it was put off, or the feed could not be asked (nothing is shown then).
#[tauri::command]
#[specta::specta]
pub async fn update_check(app: AppHandle, pending: State<'_, Pending>) -> Result<Option<UpdateOffer>, UiError> {
    let kept = choice::load();
    if kept.check == Check::Never {
        return Ok(None);
    }
    let found = match tokio::time::timeout(CHECK_TIMEOUT, find(&app)).await {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            eprintln!("{PROCESS}: no update check: {e}");
            None
        }
        Err(_) => {
            eprintln!("{PROCESS}: no update check: the feed did not answer in {} s", CHECK_TIMEOUT.as_secs());
            None
        }
    };
    let Some(update) = found.filter(|u| choice::offers(&kept, &u.version)) else { return Ok(None) };
    let offer = UpdateOffer {
        version: update.version.clone(),
        current: update.current_version.clone(),
        date: update.date.and_then(|d| d.format(&time::format_description::well_known::Rfc3339).ok()),
        notes: choice::notes(update.body.as_deref()),
    };
    *pending.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(update);
    Ok(Some(offer))
}

/// Puts `version` off: it is not offered again (a newer one is).
#[tauri::command]
#[specta::specta]
pub fn update_later(pending: State<'_, Pending>, version: String) -> Result<(), UiError> {
    pending.0.lock().unwrap_or_else(|e| e.into_inner()).take();
    let mut c = choice::load();
    c.later = Some(version);
    choice::save(&c).map_err(UiError::from)
}

/// Downloads `version`, checks its signature, installs it and starts it. On a refusal or
/// a failure nothing was changed and the app goes on; the error's code says which
/// (`update-signature`, `update-download`, `update-install`, `update-gone`).
#[tauri::command]
#[specta::specta]
pub async fn update_install(app: AppHandle, pending: State<'_, Pending>, version: String) -> Result<(), UiError> {
    let update = pending.0.lock().unwrap_or_else(|e| e.into_inner()).take();
    let Some(update) = update.filter(|u| u.version == version) else {
        return Err(failed("update-gone", format!("no update to {version} is pending")));
    };
    let from = update.current_version.clone();
    if let Err(e) = update.download_and_install(|_, _| {}, || {}).await {
        eprintln!("{PROCESS}: the update to {version} was not installed: {e}");
        // Checked once more, it may be tried again (a download cut short, say).
        *pending.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(update);
        return Err(failed(failure(&e), e.to_string()));
    }
    log::line(PROCESS, &format!("updated from {from} to {version}; starting it"));
    #[cfg(target_os = "linux")]
    end_old_tray(&app);
    // The end is the user's choice, not a crash.
    log::chosen();
    app.request_restart();
    Ok(())
}

/// Which of the window's sentences an updater error gets.
pub fn failure(e: &Error) -> &'static str {
    match e {
        Error::Minisign(_) | Error::Base64(_) | Error::SignatureUtf8(_) | Error::SignedVersionMismatch { .. } | Error::MissingSignedVersion => {
            "update-signature"
        }
        Error::Reqwest(_) | Error::Network(_) => "update-download",
        _ => "update-install",
    }
}

fn failed(code: &str, message: String) -> UiError {
    UiError { message, hint: String::new(), code: code.into(), field: None }
}

/// The updater for the feed the user's setup names.
async fn find(app: &AppHandle) -> Result<Option<Update>, String> {
    let mut builder = app.updater_builder().timeout(CHECK_TIMEOUT);
    let env = std::env::var("SWITCHBOARD_UPDATE_URL").ok();
    if let Some(url) = choice::feed(env.as_deref(), cfg!(debug_assertions))? {
        builder = builder.endpoints(vec![url]).map_err(|e| e.to_string())?;
    }
    let updater = builder.build().map_err(|e| match e {
        Error::EmptyEndpoints => "this build names no feed (release builds do)".to_owned(),
        e => e.to_string(),
    })?;
    updater.check().await.map_err(|e| e.to_string())
}

/// On Linux the tray is its own process, started from the old install (an AppImage's old
/// mount): it is ended, and the new window starts the new one.
#[cfg(target_os = "linux")]
fn end_old_tray(app: &AppHandle) {
    use tauri::Manager;
    let session = &app.state::<crate::state::AppState>().session;
    // The lock is free: no tray runs.
    if let Ok(Some(_free)) = session.tray_lock() {
        return;
    }
    let pid = std::fs::read_to_string(session.tray_lock_file()).ok().and_then(|t| t.trim().parse::<i32>().ok());
    let Some(pid) = pid.and_then(rustix::process::Pid::from_raw) else { return };
    if rustix::process::kill_process(pid, rustix::process::Signal::TERM).is_err() {
        return;
    }
    // Until the old tray has let go of its lock, a new one would give way to it.
    for _ in 0..50 {
        if let Ok(Some(_free)) = session.tray_lock() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
}

/// Two overrides for the updater's end-to-end test (tests/app_update.rs), compiled into
/// debug builds only: the release workflow builds release builds, which have neither,
/// so no variable or file can change the key a release trusts.
#[cfg(debug_assertions)]
mod test_only {
    use std::io::{Read, Seek, SeekFrom};

    /// The public key a test made (`SWITCHBOARD_UPDATE_PUBKEY`), instead of the release's.
    pub fn pubkey() -> Option<String> {
        std::env::var("SWITCHBOARD_UPDATE_PUBKEY").ok().filter(|k| !k.trim().is_empty())
    }

    /// What a test appends to a copy of this debug binary to make it an older version.
    pub const STAMP: &str = "\n#switchboard-test-version=";

    /// The version stamped at the end of this executable, if any (see [`STAMP`]).
    pub fn stamped_version() -> Option<semver::Version> {
        let mut f = std::fs::File::open(std::env::current_exe().ok()?).ok()?;
        let len = f.seek(SeekFrom::End(0)).ok()?;
        f.seek(SeekFrom::Start(len.saturating_sub(64))).ok()?;
        let mut tail = Vec::new();
        f.read_to_end(&mut tail).ok()?;
        parse_stamp(&tail)
    }

    pub fn parse_stamp(tail: &[u8]) -> Option<semver::Version> {
        let text = std::str::from_utf8(tail.rsplit(|b| *b == 0).next()?).ok()?;
        let (_, rest) = text.rsplit_once(STAMP)?;
        semver::Version::parse(rest.strip_suffix('\n')?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_gets_its_sentence() {
        let table: &[(Error, &str)] = &[
            (Error::MissingSignedVersion, "update-signature"),
            (Error::SignedVersionMismatch { signed: "0.1.0".into(), announced: "9.0.0".into() }, "update-signature"),
            (Error::SignatureUtf8("x".into()), "update-signature"),
            (Error::Network("503".into()), "update-download"),
            (Error::InvalidUpdaterFormat, "update-install"),
            (Error::TempDirNotOnSameMountPoint, "update-install"),
            (Error::Io(std::io::Error::other("disk full")), "update-install"),
        ];
        for (e, code) in table {
            assert_eq!(failure(e), *code, "{e}");
        }
    }

    #[cfg(debug_assertions)]
    #[test]
    fn a_stamped_version_is_read_off_the_end_only() {
        let table: &[(&[u8], Option<&str>)] = &[
            (b"\x7fELF...\n#switchboard-test-version=0.0.5\n", Some("0.0.5")),
            (b"\0\0\n#switchboard-test-version=1.2.3-beta.1\n", Some("1.2.3-beta.1")),
            (b"\x7fELF...", None),
            (b"\n#switchboard-test-version=0.0.5", None),
            (b"\n#switchboard-test-version=0.0.5\nmore\n", None),
            (b"\n#switchboard-test-version=zero\n", None),
            (b"\n#switchboard-test-version=0.0.5\n\0", None),
        ];
        for (tail, want) in table {
            assert_eq!(test_only::parse_stamp(tail).map(|v| v.to_string()).as_deref(), *want, "{tail:?}");
        }
    }
}
