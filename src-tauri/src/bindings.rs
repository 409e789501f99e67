//! The one contract between Rust and the window: every command, and every type
//! its arguments and answers use, exported to `ui/src/lib/bindings.ts` by
//! tauri-specta. The file is committed; a test fails when it is stale.

use tauri_specta::{Builder, ErrorHandlingMode, collect_commands};

use crate::{adopt, commands, login, share, update};

/// Where the generated TypeScript lives, from this crate's folder.
#[cfg(test)]
pub const PATH: &str = "../ui/src/lib/bindings.ts";

#[cfg(test)]
const HEADER: &str = "// Generated from the Rust types by tauri-specta (src-tauri/src/bindings.rs). Do not edit.\n\
// Regenerate: SWITCHBOARD_BLESS=1 cargo test -p switchboard-app bindings\n";

/// The commands the window may call; `main` registers exactly these.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::list,
            commands::presets,
            commands::check_draft,
            commands::add,
            commands::edit,
            commands::use_provider,
            commands::set_api,
            commands::remove,
            commands::set_key,
            commands::delete_key,
            commands::backups,
            commands::restore,
            commands::test_provider,
            commands::list_models,
            commands::about,
            commands::start_language,
            commands::choose_language,
            commands::set_language,
            crate::sessions::sessions,
            crate::routing::set_listed,
            crate::routing::set_route,
            crate::routing::running_sessions,
            crate::failover::failover_settings,
            crate::failover::set_fallbacks,
            crate::failover::set_deadline,
            crate::failover::failovers,
            crate::usage::usage,
            crate::usage::set_budget,
            crate::usage::set_price,
            share::opened_with,
            share::preview_import,
            share::import_share,
            share::share_providers,
            share::save_share,
            adopt::plain_keys,
            adopt::secure,
            adopt::cc_switch_preview,
            adopt::import_cc_switch,
            login::autostart,
            login::set_autostart,
            update::update_setting,
            update::set_update_setting,
            update::update_check,
            update::update_later,
            update::update_install,
        ])
        // Failed commands reject with a `UiError`, as `invoke` does.
        .error_handling(ErrorHandlingMode::Throw)
        // Byte counts and milliseconds stay far below 2^53.
        .dangerously_cast_bigints_to_number()
        // Each type crosses one way, so one TypeScript type per Rust type.
        .disable_serde_phases()
}

/// Writes the bindings to `path`.
#[cfg(test)]
pub fn export(path: &std::path::Path) {
    builder().export(specta_typescript::Typescript::default().header(HEADER), path).expect("export the TypeScript bindings");
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_ts_is_fresh() {
        let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(super::PATH);
        if std::env::var_os("SWITCHBOARD_BLESS").is_some() {
            super::export(&committed);
        }
        let fresh = std::env::temp_dir().join(format!("switchboard-bindings-{}.ts", std::process::id()));
        super::export(&fresh);
        let want = std::fs::read_to_string(&fresh).unwrap();
        let _ = std::fs::remove_file(&fresh);
        let have = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale: run `SWITCHBOARD_BLESS=1 cargo test -p switchboard-app bindings` and commit it",
            committed.display()
        );
    }
}
