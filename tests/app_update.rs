//! Signed in-app updates in the real app, against a feed on 127.0.0.1 (`SWITCHBOARD_UPDATE_URL`),
//! through tauri-driver and WebKitWebDriver under Xvfb.
//!
//! The app is laid out as one install (the app, the CLI and the tray side by side in a
//! temporary folder) and updated as Tauri's updater updates a Linux install that is one
//! executable file (an AppImage): the file is swapped for the downloaded one, and the app
//! restarts into it. The installed app is a copy of the debug build stamped as version
//! 0.0.5 (debug builds only read that stamp); the update is the debug build itself,
//! unmodified, version 0.1.0, signed at test time with a key made at test time by Tauri's
//! own `tauri signer` (the public half reaches the app through SWITCHBOARD_UPDATE_PUBKEY,
//! which only debug builds read).
//!
//! In turn: an unreachable feed shows nothing; an older version is not offered; a tampered
//! bundle is refused, with the app still working and its file unchanged, and Later keeps
//! that version from being offered again; a bundle signed with another key is refused;
//! with checking turned off in the footer no request reaches the feed; then the real update is offered with its notes, installed, and started: the new
//! process asks the feed as 0.1.0, its file is the new build byte for byte, the old tray
//! process gave way to a new one, config.toml is as it was and its `[auth]` command
//! (the installed CLI) still answers.

use std::io::{BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use switchboard_e2e::responses::{Behavior, ResponsesServer};
use switchboard_e2e::tray::TrayGuard;
use switchboard_e2e::webdriver::{Driver, Session, T, app_bin, shot, wait_for};
use switchboard_e2e::*;

/// How long a download, its signature check and the swap may take.
const INSTALL: Duration = Duration::from_secs(60);

/// What the feed serves now.
#[derive(Default)]
struct Served {
    latest: String,
    bundle: Arc<Vec<u8>>,
}

/// latest.json and the bundle on 127.0.0.1, and every request it saw (path and query).
struct Feed {
    port: u16,
    served: Arc<Mutex<Served>>,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Feed {
    fn start() -> Feed {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let served = Arc::new(Mutex::new(Served::default()));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (served.clone(), seen.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let (s, r) = (s.clone(), r.clone());
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(conn.try_clone().unwrap());
                    let Ok(Some(req)) = read_request(&mut reader) else { return };
                    r.lock().unwrap().push(req.target.clone());
                    let (ctype, body): (&str, Arc<Vec<u8>>) = match req.path() {
                        "/latest.json" => ("application/json", Arc::new(s.lock().unwrap().latest.clone().into_bytes())),
                        "/bundle" => ("application/octet-stream", s.lock().unwrap().bundle.clone()),
                        _ => ("text/plain", Arc::new(b"not found".to_vec())),
                    };
                    let mut conn = conn;
                    let status = if ctype == "text/plain" { "404 Not Found" } else { "200 OK" };
                    let head = format!("HTTP/1.1 {status}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
                    let _ = conn.write_all(head.as_bytes()).and_then(|_| conn.write_all(&body)).and_then(|_| conn.flush());
                });
            }
        });
        Feed { port, served, seen }
    }

    /// The URL the app is given: the updater fills in the version asking.
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/latest.json?current={{{{current_version}}}}&target={{{{target}}}}", self.port)
    }

    /// Serves `version` with `signature` for `bundle`.
    fn serve(&self, version: &str, notes: &str, signature: &str, bundle: Arc<Vec<u8>>) {
        let latest = json!({
            "version": version,
            "notes": notes,
            "pub_date": "2026-12-01T09:00:00Z",
            "platforms": {"linux-x86_64": {"signature": signature, "url": format!("http://127.0.0.1:{}/bundle", self.port)}},
        });
        *self.served.lock().unwrap() = Served { latest: latest.to_string(), bundle };
    }

    /// Waits until the app running `version` has asked the feed (`before` requests were seen before).
    fn asked_by(&self, version: &str, before: usize) {
        let want = format!("/latest.json?current={version}&");
        let start = std::time::Instant::now();
        while !self.seen.lock().unwrap()[before..].iter().any(|t| t.starts_with(&want)) {
            assert!(start.elapsed() < INSTALL, "no request from {version}; seen: {:?}", &self.seen.lock().unwrap());
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

/// Tauri's own signer, from the UI's npm packages (scripts/test installs them).
fn tauri_cli() -> PathBuf {
    let p = repo_root().join("ui/node_modules/.bin/tauri");
    assert!(p.exists(), "{} is missing: `npm ci --prefix ui` installs it", p.display());
    p
}

/// A minisign key pair made by `tauri signer generate`; the public half, as the app takes it.
fn key_pair(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new(tauri_cli()).args(["signer", "generate", "--ci", "-p", "", "-w"]).arg(&key).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let public = std::fs::read_to_string(key.with_extension("key.pub")).unwrap();
    (key, public.trim().to_owned())
}

/// `file`'s signature for `version` by `key`, as latest.json carries it (the .sig file's text).
fn sign(key: &Path, file: &Path, version: &str) -> String {
    let out = Command::new(tauri_cli()).args(["signer", "sign", "-p", "", "--app-version", version, "-f"]).arg(key).arg(file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sig = file.with_file_name(format!("{}.sig", file.file_name().unwrap().to_string_lossy()));
    let text = std::fs::read_to_string(&sig).unwrap();
    std::fs::remove_file(sig).unwrap();
    text.trim().to_owned()
}

fn pid_in(file: &Path) -> Option<u32> {
    std::fs::read_to_string(file).ok()?.split_whitespace().next()?.parse().ok()
}

fn exe_of(pid: u32) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/{pid}/exe")).ok()
}

/// The providers page is there and answers: the app works.
fn works(s: &Session) {
    s.find("[data-testid=provider-kept]");
    s.find("[data-testid=test-kept]");
    assert!(!s.exists("[data-testid=load-error]"));
}

/// Nothing about an update is on screen once the feed has been asked (or could not be).
fn nothing_shown(s: &Session) {
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!s.exists("[data-testid=update]"), "an update was offered");
    assert!(!s.exists("[data-testid=notice]"), "a notice: {}", s.text("[data-testid=notice]"));
}

#[test]
fn a_signed_newer_version_is_offered_installed_and_started_and_the_rest_refused() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under Xvfb (scripts/test does)");
    let work = tempfile::tempdir().unwrap();
    // The install: the app (stamped 0.0.5), the CLI and the tray side by side.
    let app_dir = work.path().join("Switchboard");
    std::fs::create_dir(&app_dir).unwrap();
    let built = app_bin();
    let installed = app_dir.join("switchboard-app");
    // The build without its debug sections (60 MB, not 400): the same code, and a download,
    // a signature check and a swap that take seconds in a debug build.
    let stripped = work.path().join("switchboard-app.stripped");
    let out = Command::new("strip").arg("--strip-debug").arg("-o").arg(&stripped).arg(&built).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let new_build = Arc::new(std::fs::read(&stripped).unwrap());
    let mut old_build = (*new_build).clone();
    old_build.extend_from_slice(b"\n#switchboard-test-version=0.0.5\n");
    std::fs::write(&installed, &old_build).unwrap();
    std::fs::set_permissions(&installed, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    for name in ["switchboard", "switchboard-tray"] {
        std::fs::copy(built.with_file_name(name), app_dir.join(name)).unwrap();
    }
    // The update as published: the new build, signed (and a tampered copy, and another key).
    let keys = work.path().join("keys");
    std::fs::create_dir(&keys).unwrap();
    let (key, public) = key_pair(&keys, "release.key");
    let (other_key, _) = key_pair(&keys, "other.key");
    let published = keys.join("Switchboard.AppImage");
    std::fs::write(&published, &*new_build).unwrap();
    let notes = "Faster switching.\n- The router keeps your sessions.\n- 新しいプロバイダー";
    let mut tampered = (*new_build).clone();
    let mid = tampered.len() / 2;
    tampered[mid] ^= 0xff;
    let tampered = Arc::new(tampered);

    // A Codex home with a provider and its key; the window's Use writes the installed CLI.
    let home = Home::new();
    home.write_config(b"# mine\nmodel = \"gpt-5.5\"\n");
    let upstream = ResponsesServer::start_full("127.0.0.1", "/v1", None, Behavior::Good, Duration::ZERO);
    let key_text = format!("sk-update-{}", unique_id("k"));
    home.sb(&["add", "custom", "--id", "kept", "--name", "Kept", "--base-url", &upstream.base_url(), "--model", "m1", "--key-stdin", "--api", "responses"], Some(&key_text)).ok();

    let feed = Feed::start();
    let state = work.path().join("state");
    let (rt, port_s, url) = (home.run().path().to_owned(), home.port.to_string(), feed.url());
    let _tray = TrayGuard(rt.clone());
    let unreachable = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}/latest.json", l.local_addr().unwrap().port())
    };
    let launch = |feed_url: &str| {
        let env: [(&str, &std::ffi::OsStr); 6] = [
            ("CODEX_HOME", home.path().as_os_str()),
            ("XDG_RUNTIME_DIR", rt.as_os_str()),
            ("XDG_STATE_HOME", state.as_os_str()),
            ("SWITCHBOARD_BRIDGE_PORT", port_s.as_ref()),
            ("SWITCHBOARD_UPDATE_URL", feed_url.as_ref()),
            ("SWITCHBOARD_UPDATE_PUBKEY", public.as_ref()),
        ];
        let driver = Driver::start(&env);
        let s = driver.session(&installed);
        s.set_size(1000, 760);
        works(&s);
        (driver, s)
    };
    let same_file = |want: &[u8]| std::fs::read(&installed).unwrap() == want;

    // 1. A feed nobody answers: nothing on screen.
    let (d, s) = launch(&unreachable);
    nothing_shown(&s);
    works(&s);
    s.close();
    drop(d);

    // 2. An older version: not offered.
    feed.serve("0.0.1", "old", &sign(&key, &published, "0.0.1"), new_build.clone());
    let before = feed.count();
    let (d, s) = launch(&url);
    feed.asked_by("0.0.5", before);
    nothing_shown(&s);
    s.close();
    drop(d);

    // 3. A tampered bundle: offered (the feed's signature is good), refused on download.
    feed.serve("0.1.1", notes, &sign(&key, &published, "0.1.1"), tampered.clone());
    let (d, s) = launch(&url);
    let title = s.wait_text("[data-testid=update]", "0.1.1", T);
    assert!(title.contains("Switchboard 0.1.1 is available") && title.contains("You have 0.0.5"), "{title}");
    s.find("[data-testid=update-install]").click();
    let refused = s.wait_text("[data-testid=update-failure]", "refused", INSTALL);
    assert!(refused.contains("signature does not match"), "{refused}");
    assert!(!s.exists("[data-testid=update-install]"), "a refused signature is not tried again");
    shot(&s, "60-update-refused");
    assert!(same_file(&old_build), "a refused update changed the installed app");
    works(&s);
    // Later: this version is not offered again.
    s.find("[data-testid=update-later]").click();
    wait_for(|| (!s.exists("[data-testid=update]")).then_some(()));
    let kept: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(state.join("switchboard/update.json")).unwrap()).unwrap();
    assert_eq!(kept, json!({"check": "ask", "later": "0.1.1"}));
    s.close();
    drop(d);
    let before = feed.count();
    let (d, s) = launch(&url);
    feed.asked_by("0.0.5", before);
    nothing_shown(&s);
    s.close();
    drop(d);

    // 4. Signed with another key: refused, nothing changed.
    feed.serve("0.1.0", notes, &sign(&other_key, &published, "0.1.0"), new_build.clone());
    let (d, s) = launch(&url);
    s.wait_text("[data-testid=update]", "0.1.0", T);
    s.find("[data-testid=update-install]").click();
    s.wait_text("[data-testid=update-failure]", "signature does not match", INSTALL);
    assert!(same_file(&old_build), "an update signed by another key changed the installed app");
    works(&s);
    // Never: the footer's switch, kept; the next start asks no feed.
    s.find("[data-testid=update-checking]").click();
    wait_for(|| std::fs::read_to_string(state.join("switchboard/update.json")).ok().filter(|t| t.contains("\"never\"")));
    s.close();
    drop(d);
    let before = feed.count();
    let (d, s) = launch(&url);
    nothing_shown(&s);
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(feed.count(), before, "the feed was asked with checking off");
    let checking = s.find("[data-testid=update-checking]");
    assert_eq!(checking.attr("checked"), None, "the switch does not show never");
    checking.click();
    wait_for(|| std::fs::read_to_string(state.join("switchboard/update.json")).ok().filter(|t| t.contains("\"ask\"")));
    s.close();
    drop(d);

    // 5. The real update: offered with its notes, installed, and started.
    feed.serve("0.1.0", notes, &sign(&key, &published, "0.1.0"), new_build.clone());
    let (d, s) = launch(&url);
    let offer = s.wait_text("[data-testid=update]", "Switchboard 0.1.0 is available", T);
    assert!(offer.contains("You have 0.0.5") && offer.contains("2026-12-01"), "{offer}");
    let shown_notes = s.script("return document.querySelector('[data-testid=update-notes]').value");
    assert_eq!(shown_notes, json!(notes));
    // Use in the window: config.toml's [auth] command is now the installed CLI.
    s.find("[data-testid=use-kept]").click();
    wait_for(|| (home.using().as_deref() == Some("kept")).then_some(()));
    let config = home.config_text();
    let cli = app_dir.join("switchboard");
    assert!(config.contains(&*cli.to_string_lossy()), "the installed CLI is not in config.toml: {config}");
    shot(&s, "61-update-offered");
    let old_window = pid_in(&rt.join("switchboard/window")).unwrap();
    let old_tray = wait_for(|| pid_in(&rt.join("switchboard/tray.lock")));
    let before = feed.count();
    s.find("[data-testid=update-install]").click();
    // The new version asks the feed as itself: it runs.
    let log_of = || std::fs::read_to_string(state.join("switchboard/switchboard.log")).unwrap_or_default();
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| feed.asked_by("0.1.0", before))).is_err() {
        panic!("the new version did not start; installed is the update: {}; log: {}", same_file(&new_build), log_of());
    }
    assert!(same_file(&new_build), "the installed app is not the update, byte for byte");
    let new_window = wait_for(|| pid_in(&rt.join("switchboard/window")).filter(|p| *p != old_window && exe_of(*p).is_some()));
    assert_eq!(exe_of(new_window), Some(installed.clone()), "the new window runs from the install");
    let new_tray = wait_for(|| pid_in(&rt.join("switchboard/tray.lock")).filter(|p| *p != old_tray && exe_of(*p).is_some()));
    assert!(exe_of(old_tray).is_none(), "the old tray process is still running");
    assert_eq!(exe_of(new_tray), Some(app_dir.join("switchboard-tray")));
    let log = std::fs::read_to_string(state.join("switchboard/switchboard.log")).unwrap_or_default();
    assert!(log.contains("updated from 0.0.5 to 0.1.0"), "{log}");
    assert!(!log.contains("not by the user") || log.contains("switchboard-tray"), "the app's end was logged as unchosen: {log}");
    // Nothing else changed: config.toml as it was, and its [auth] command still answers.
    assert_eq!(home.config_text(), config);
    let table: toml::Table = toml::from_str(&config).unwrap();
    let provider = table["model_provider"].as_str().unwrap();
    let auth = &table["model_providers"][provider]["auth"];
    let argv: Vec<&str> = std::iter::once(auth["command"].as_str().unwrap()).chain(auth["args"].as_array().unwrap().iter().map(|a| a.as_str().unwrap())).collect();
    assert_eq!(Path::new(argv[0]), cli);
    let mut cmd = Command::new(argv[0]);
    cmd.args(&argv[1..]);
    home.router_env(&mut cmd);
    let out = run_with_timeout(cmd, Duration::from_secs(30));
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(!out.stdout.trim().is_empty(), "the auth command printed no token");
    drop(s);
    drop(d);
}
