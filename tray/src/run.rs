//! The tray's loop: menu clicks and file events in, core calls and menu updates out.

use switchboard_core::desktop::chosen_language;
use std::path::PathBuf;
use std::time::Duration;

use ksni::TrayMethods;
use switchboard_core::desktop::session::Session;
use switchboard_core::ops::switchboard::Source;
use switchboard_core::codex::helper;
use switchboard_core::desktop::{log, tray_menu, warm};
use switchboard_core::ops::doctor;
use switchboard_core::{Listing, Switchboard};
use tokio::sync::mpsc::unbounded_channel;

use crate::action::Action;
use crate::item::Item;
use crate::{bus, notice, watch, window};

/// This process's name in the desktop log.
const PROCESS: &str = "switchboard-tray";

/// Runs the tray until Quit, or until its session bus ends; the exit code.
pub fn run(home: PathBuf, open: bool) -> i32 {
    let session = Session::for_home(&home);
    // Held until the process ends; the OS releases it if the tray dies.
    let _lock = match session.tray_lock() {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            // A tray runs already; it is the one that opens windows.
            if open {
                let _ = window::open();
            }
            return 0;
        }
        Err(e) => {
            eprintln!("error: cannot use {}: {e}", session.dir().display());
            return 1;
        }
    };
    // The one tray: from here on, an end the user did not choose leaves a line in the log.
    log::watch_exits(PROCESS, None);
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    rt.block_on(serve(home, session, open))
}

async fn serve(home: PathBuf, session: Session, open: bool) -> i32 {
    let sb = Switchboard::new(home.clone(), helper::find());
    let (tx, mut rx) = unbounded_channel();
    let handle = match Item::new(tx.clone()).assume_sni_available(true).spawn().await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: no tray: {e}");
            return 1;
        }
    };
    let _watcher = match watch::start(&home, session.dir(), tx.clone()) {
        Ok(w) => Some(w),
        Err(e) => {
            eprintln!("warning: config.toml changes made elsewhere will not show in the tray: {e}");
            None
        }
    };
    refresh(&handle, &sb, &session).await;
    if open {
        let _ = window::open();
    } else {
        // Started at login: once the desktop has settled, read the window's files ahead, so
        // the first window after a reboot opens warm (`desktop::warm`; only asks the kernel).
        std::thread::spawn(|| {
            std::thread::sleep(Duration::from_secs(20));
            warm::read_ahead(warm::load_list());
        });
    }
    let gone = bus::gone();
    tokio::pin!(gone);
    // The router's moves to a fallback, said as they happen (none from before the tray started).
    let mut moves = tokio::time::interval(MOVES_EVERY);
    let mut seen = switchboard_core::usage::clock::now_ms();
    loop {
        let action = tokio::select! {
            _ = moves.tick() => {
                for line in new_moves(&sb, &mut seen).await {
                    notice::send(&session, &line).await;
                }
                continue;
            }
            a = rx.recv() => match a {
                Some(a) => a,
                None => return 0,
            },
            () = &mut gone => {
                log::line(PROCESS, "the session bus it registered on has ended (the session is over), so the tray exits");
                // Said once: the exit that follows is this one.
                log::chosen();
                return 0;
            }
        };
        match action {
            Action::Refresh => refresh(&handle, &sb, &session).await,
            Action::Open => {
                if let Err(e) = window::open() {
                    notice::send(&session, &format!("Cannot open Switchboard: {e}")).await;
                }
            }
            Action::Quit => {
                log::chosen();
                if let Some(w) = session.window() {
                    // The window's end is the user's choice too: said before it is asked to end.
                    let _ = session.ask_to_quit(w.pid);
                    window::close(w.pid);
                    session.clear_window(w.pid);
                }
                handle.shutdown().await;
                return 0;
            }
            Action::Use(id, model) => {
                let sb2 = sb.clone();
                let done = tokio::task::spawn_blocking(move || sb2.use_provider(&id, model.as_deref())).await;
                refresh(&handle, &sb, &session).await;
                let line = match done {
                    Ok(Ok(_)) => listing(&sb).await.map(|l| tray_menu::switched(&l, chosen_language::current())).unwrap_or_default(),
                    Ok(Err(e)) => tray_menu::switch_failed(&e.message(chosen_language::current()), chosen_language::current()),
                    Err(e) => tray_menu::switch_failed(&e.to_string(), chosen_language::current()),
                };
                if !line.is_empty() {
                    notice::send(&session, &line).await;
                }
            }
            Action::Test => {
                // Off the loop: the menu keeps answering while the provider is called.
                let (sb, session, tx) = (sb.clone(), session.clone(), tx.clone());
                tokio::spawn(async move {
                    let Some(listing) = listing(&sb).await else { return };
                    let active = listing.active.clone();
                    let lang = chosen_language::current();
                    let name = tray_menu::active_label(&listing, lang);
                    let tested = if active == "openai" {
                        // Signed in or not, from the presence of Codex's sign-in; the token is not read.
                        Ok(switchboard_core::codex::openai_auth::report(sb.home(), lang))
                    } else if listing.providers.iter().any(|p| p.id == active && p.source == Source::BuiltIn) {
                        return;
                    } else {
                        doctor::test_one(&sb, &active, None, Duration::from_secs(15), false, lang).await
                    };
                    let line = match tested {
                        Ok(report) => {
                            let _ = session.record_test(&active, &report);
                            tray_menu::tested(&name, &report)
                        }
                        Err(e) => format!("✘ {name}: {}", e.message(lang)),
                    };
                    let _ = tx.send(Action::Refresh);
                    notice::send(&session, &line).await;
                });
            }
        }
    }
}

/// How often the router is asked for the requests it moved.
const MOVES_EVERY: Duration = Duration::from_secs(3);

/// The moves made since `seen` (then moved on), each in a line in the chosen language.
async fn new_moves(sb: &Switchboard, seen: &mut u64) -> Vec<String> {
    let sb = sb.clone();
    let Ok(moves) = tokio::task::spawn_blocking(move || sb.failovers()).await else { return Vec::new() };
    let lang = chosen_language::current();
    let fresh: Vec<String> = moves.iter().filter(|m| m.at_ms > *seen).map(|m| m.words().in_language(lang)).collect();
    *seen = moves.iter().map(|m| m.at_ms).max().unwrap_or(0).max(*seen);
    // The latest first, as the router lists them; a burst is said as its latest move.
    fresh.into_iter().take(1).collect()
}

/// The listing, read off the loop: it may ask the keychain over D-Bus.
async fn listing(sb: &Switchboard) -> Option<Listing> {
    let sb = sb.clone();
    tokio::task::spawn_blocking(move || sb.list()).await.ok()?.ok()
}

async fn refresh(handle: &ksni::Handle<Item>, sb: &Switchboard, session: &Session) {
    let Some(listing) = listing(sb).await else { return };
    let last = session.tests().remove(&listing.active);
    // The window's picker, else the system's language: read at each redraw, so a
    // choice in the window reaches the menu at once (the watcher sees its file).
    let lang = chosen_language::current();
    let entries = tray_menu::menu(&listing, last.as_ref(), lang);
    let title = tray_menu::title(&listing, lang);
    handle
        .update(move |item| {
            item.entries = entries;
            item.title = title;
        })
        .await;
}
