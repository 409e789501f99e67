//! The tray inside the window process: on macOS and Windows, and on Linux when the
//! tray process (`switchboard-tray`) is not installed beside the app. It draws core's
//! `tray_menu`; switching and testing call core, and it redraws on `TRAY_CHANGED`.

use std::time::Duration;

use switchboard_core::ops::switchboard::Source;
use switchboard_core::desktop::tray_menu;
use switchboard_core::ops::doctor;
use tauri::menu::{CheckMenuItemBuilder, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Listener, Manager};

use crate::state::{AppState, TRAY_CHANGED};

const TRAY_ID: &str = "main";

pub fn build(app: &AppHandle) -> tauri::Result<()> {
    let icon = tauri::image::Image::from_bytes(include_bytes!("../../icons/tray.png"))?;
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(icon)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    let handle = app.clone();
    app.listen_any(TRAY_CHANGED, move |_| redraw(&handle));
    redraw(app);
    Ok(())
}

fn redraw(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(listing) = state.sb.list() else { return };
    let last = state.session.tests().remove(&listing.active);
    let lang = crate::state::window_language();
    let entries = tray_menu::menu(&listing, last.as_ref(), lang);
    let title = tray_menu::title(&listing, lang);
    let Some(icon) = app.tray_by_id(TRAY_ID) else { return };
    if let Ok(menu) = build_menu(app, &entries) {
        let _ = icon.set_menu(Some(menu));
    }
    let _ = icon.set_tooltip(Some(&title));
    let _ = icon.set_title(Some(&title));
}

fn build_menu(app: &AppHandle, entries: &[tray_menu::Entry]) -> tauri::Result<tauri::menu::Menu<tauri::Wry>> {
    let mut b = MenuBuilder::new(app);
    for e in entries {
        b = match e {
            tray_menu::Entry::Provider { id, label, checked, models } if models.is_empty() => {
                b.item(&CheckMenuItemBuilder::with_id(format!("use:{id}"), label).checked(*checked).build(app)?)
            }
            // Several models through the router: a submenu, `use:<id>#<model>` each (ids hold no `#`).
            tray_menu::Entry::Provider { id, label, checked, models } => {
                let mut sub = SubmenuBuilder::new(app, if *checked { format!("● {label}") } else { label.clone() });
                for (m, on) in models {
                    sub = sub.item(&CheckMenuItemBuilder::with_id(format!("use:{id}#{m}"), m).checked(*on).build(app)?);
                }
                b.item(&sub.build()?)
            }
            tray_menu::Entry::Separator => b.separator(),
            tray_menu::Entry::Note(text) => b.item(&MenuItemBuilder::with_id("note", text).enabled(false).build(app)?),
            tray_menu::Entry::Action { id, label } => b.item(&MenuItemBuilder::with_id(*id, label).build(app)?),
        };
    }
    b.build()
}

fn on_menu(app: &AppHandle, id: &str) {
    match id {
        "open" => crate::state::show_window(app),
        "quit" => {
            switchboard_core::desktop::log::chosen();
            app.exit(0);
        }
        "test" => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                let state = app.state::<AppState>();
                let Ok(listing) = state.sb.list() else { return };
                let active = listing.active.clone();
                if active == "openai" {
                    // Signed in or not, from the presence of Codex's sign-in; the token is not read.
                    let report = switchboard_core::codex::openai_auth::report(state.sb.home(), crate::state::window_language());
                    let _ = state.session.record_test(&active, &report);
                    crate::state::refresh(&app);
                    return;
                }
                if listing.providers.iter().any(|p| p.id == active && p.source == Source::BuiltIn) {
                    return;
                }
                if let Ok(report) = doctor::test_one(&state.sb, &active, None, Duration::from_secs(15), false, crate::state::window_language()).await {
                    let _ = state.session.record_test(&active, &report);
                    crate::state::refresh(&app);
                }
            });
        }
        other => {
            if let Some(what) = other.strip_prefix("use:") {
                let (provider, model) = match what.split_once('#') {
                    Some((p, m)) => (p.to_owned(), Some(m.to_owned())),
                    None => (what.to_owned(), None),
                };
                let app = app.clone();
                tauri::async_runtime::spawn_blocking(move || {
                    let _changing = crate::state::changing(&app);
                    let _ = app.state::<AppState>().sb.use_provider(&provider, model.as_deref());
                    crate::state::refresh(&app);
                });
            }
        }
    }
}
