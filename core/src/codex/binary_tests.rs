//! `find_in` over real folders laid out as the installers lay them out.
#![cfg(unix)]

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use super::places::{Env, Os};
use super::*;

const NATIVE: &str = "node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex";
const SCRIPT: &str = "#!/usr/bin/env node\n// Unified entry point for the Codex CLI.\n";

fn write(path: &Path, text: &str, mode: u32) -> PathBuf {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    path.to_owned()
}

fn real(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap()
}

/// `npm install -g @openai/codex` under the prefix `prefix`: the platform package
/// nested in Codex's (`hoisted`: beside it), and `bin/codex` linking to `codex.js`.
fn npm_global(prefix: &Path, hoisted: bool) -> PathBuf {
    let pkg = prefix.join("lib/node_modules/@openai/codex");
    write(&pkg.join("bin/codex.js"), SCRIPT, 0o755);
    let native = if hoisted { prefix.join("lib").join(NATIVE) } else { pkg.join(NATIVE) };
    write(&native, "\x7fELF", 0o755);
    std::fs::create_dir_all(prefix.join("bin")).unwrap();
    symlink("../lib/node_modules/@openai/codex/bin/codex.js", prefix.join("bin/codex")).unwrap();
    real(&native)
}

fn env(home: &Path) -> Env {
    // System folders under the test's own root, so nothing on this machine is found.
    Env { home: Some(home.to_owned()), root: home.join("root"), ..Env::bare(Os::Linux) }
}

#[test]
fn nvm_with_a_bare_path_gives_the_native_binary_of_the_newest_node() {
    let home = tempfile::tempdir().unwrap();
    let older = npm_global(&home.path().join(".nvm/versions/node/v9.11.2"), false);
    let newest = npm_global(&home.path().join(".nvm/versions/node/v22.11.0"), false);
    std::fs::create_dir_all(home.path().join(".nvm/versions/node/v23.0.0/bin")).unwrap();
    let e = Env { path: vec![PathBuf::from("/nonexistent")], ..env(home.path()) };
    assert_eq!(find_in(&e), Some(newest));
    assert_ne!(find_in(&e), Some(older));
}

#[test]
fn a_hoisted_platform_package_is_found_too() {
    let home = tempfile::tempdir().unwrap();
    let native = npm_global(&home.path().join(".npm-global"), true);
    assert_eq!(find_in(&env(home.path())), Some(native));
}

#[test]
fn a_shim_whose_package_lacks_the_binary_runs_only_with_node_on_path() {
    let home = tempfile::tempdir().unwrap();
    let prefix = home.path().join(".npm-global");
    npm_global(&prefix, false);
    std::fs::remove_dir_all(prefix.join("lib/node_modules/@openai/codex/node_modules")).unwrap();
    assert_eq!(find_in(&env(home.path())), None, "no node, no native binary: nothing that runs");
    let bin = home.path().join("node-bin");
    write(&bin.join("node"), "#!/bin/sh\n", 0o755);
    let e = Env { path: vec![bin], ..env(home.path()) };
    assert_eq!(find_in(&e), Some(prefix.join("bin/codex")));
}

#[test]
fn path_comes_first_and_a_native_codex_there_is_taken_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    npm_global(&home.path().join(".nvm/versions/node/v22.11.0"), false);
    let on_path = write(&home.path().join("bin/codex"), "\x7fELF", 0o755);
    let e = Env { path: vec![home.path().join("bin")], ..env(home.path()) };
    assert_eq!(find_in(&e), Some(on_path));
}

#[test]
fn a_shim_on_path_is_still_followed_to_its_native_binary() {
    let home = tempfile::tempdir().unwrap();
    let native = npm_global(&home.path().join("prefix"), false);
    write(&home.path().join("node-bin/node"), "#!/bin/sh\n", 0o755);
    let e = Env { path: vec![home.path().join("node-bin"), home.path().join("prefix/bin")], ..env(home.path()) };
    assert_eq!(find_in(&e), Some(native));
}

#[test]
fn a_file_that_cannot_be_run_is_passed_over() {
    let home = tempfile::tempdir().unwrap();
    write(&home.path().join("bin/codex"), "\x7fELF", 0o644);
    let local = write(&home.path().join(".local/bin/codex"), "\x7fELF", 0o755);
    let e = Env { path: vec![home.path().join("bin")], ..env(home.path()) };
    assert_eq!(find_in(&e), Some(local));
}

#[test]
fn the_npmrc_prefix_and_a_pnpm_shell_shim() {
    let home = tempfile::tempdir().unwrap();
    let native = npm_global(&home.path().join("custom-prefix"), false);
    let e = Env { npm_prefixes: vec![home.path().join("custom-prefix")], ..env(home.path()) };
    assert_eq!(find_in(&e), Some(native));

    let home = tempfile::tempdir().unwrap();
    let pnpm = home.path().join(".local/share/pnpm");
    let pkg = pnpm.join("global/5/node_modules/@openai/codex");
    write(&pkg.join("bin/codex.js"), SCRIPT, 0o755);
    let native = write(&pkg.join(NATIVE), "\x7fELF", 0o755);
    write(&pnpm.join("codex"), "#!/bin/sh\nbasedir=$(dirname \"$0\")\nexec node \"$basedir/global/5/node_modules/@openai/codex/bin/codex.js\" \"$@\"\n", 0o755);
    assert_eq!(find_in(&env(home.path())), Some(real(&native)));
}

#[test]
fn the_newest_editor_extension_for_this_system() {
    let home = tempfile::tempdir().unwrap();
    let ext = home.path().join(".vscode/extensions");
    write(&ext.join("openai.chatgpt-0.4.19/bin/linux-x86_64/codex"), "\x7fELF", 0o755);
    write(&ext.join("openai.chatgpt-26.715.61943-linux-x64/bin/macos-aarch64/codex"), "\x7fELF", 0o755);
    let want = write(&ext.join("openai.chatgpt-26.715.61943-linux-x64/bin/linux-x86_64/codex"), "\x7fELF", 0o755);
    write(&ext.join("ms-python.python-2026.1.0/bin/linux-x86_64/codex"), "\x7fELF", 0o755);
    assert_eq!(find_in(&env(home.path())), Some(want));
    // An npm install comes before any editor's copy.
    let native = npm_global(&home.path().join(".nvm/versions/node/v22.11.0"), false);
    assert_eq!(find_in(&env(home.path())), Some(native));
}

#[test]
fn a_volta_package_before_its_shim() {
    let home = tempfile::tempdir().unwrap();
    let pkg = home.path().join(".volta/tools/image/packages/@openai/codex/lib/node_modules/@openai/codex");
    let native = write(&pkg.join(NATIVE), "\x7fELF", 0o755);
    write(&home.path().join(".volta/bin/codex"), "\x7fELF volta-shim", 0o755);
    assert_eq!(find_in(&env(home.path())), Some(real(&native)));
}

#[test]
fn nothing_anywhere() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(find_in(&Env { path: vec![home.path().join("bin")], ..env(home.path()) }), None);
}

#[test]
fn homebrew_before_the_system_folders_before_the_editors() {
    let home = tempfile::tempdir().unwrap();
    let e = env(home.path());
    write(&home.path().join(".vscode/extensions/openai.chatgpt-1.0.0/bin/linux-x86_64/codex"), "\x7fELF", 0o755);
    let usr = write(&e.root.join("usr/bin/codex"), "\x7fELF", 0o755);
    assert_eq!(find_in(&e), Some(usr));
    let brew = write(&e.root.join("home/linuxbrew/.linuxbrew/bin/codex"), "\x7fELF", 0o755);
    assert_eq!(find_in(&e), Some(brew));
}
