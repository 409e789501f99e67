//! Where the Codex CLI is: on PATH, else where its installers put it (npm under nvm,
//! volta or fnm, the standalone installer, Homebrew, an editor's Codex extension,
//! the Codex app), so a Switchboard opened from the dock, whose PATH lacks nvm's
//! folder, still finds it. An npm `codex` is a Node script: it is followed to the
//! native binary its package ships (what runs anyway), and used as it is only when
//! that binary is missing and `node` is on PATH.
//!
//! [`places`] decides where to look from the environment's values; this file reads the disk.

mod places;

use std::io::Read;
use std::path::{Path, PathBuf};

use places::{Env, Order, Place};

/// The Codex to run: see the module's comment for where it looks.
pub fn find() -> Option<PathBuf> {
    find_in(&env_now())
}

/// [`find`] in the environment `env` describes.
fn find_in(env: &Env) -> Option<PathBuf> {
    let node = env.path.iter().any(|d| is_exe(&d.join(if env.os == places::Os::Windows { "node.exe" } else { "node" })));
    for place in places::places(env) {
        let found = match place {
            Place::File(f) => usable(&f, env, node),
            Place::Package(pkg) => native(&pkg, env),
            Place::Each { dir, then, order } => children(&dir, order).into_iter().find_map(|c| usable(&dir.join(c).join(&then), env, node)),
            Place::Extensions(dir) => extension(&dir, env),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The environment now: PATH, HOME and the installers' variables, and `~/.npmrc`'s prefix.
fn env_now() -> Env {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let os = places::Os::current();
    let home = var("HOME").or_else(|| if os == places::Os::Windows { var("USERPROFILE") } else { None });
    let mut npm_prefixes: Vec<PathBuf> = var("NPM_CONFIG_PREFIX").or_else(|| var("npm_config_prefix")).into_iter().collect();
    if let Some(text) = home.as_ref().and_then(|h| read_head(&h.join(".npmrc"), 64 << 10)) {
        npm_prefixes.extend(places::npmrc_prefix(&String::from_utf8_lossy(&text), home.as_deref()));
    }
    Env {
        arch: if cfg!(target_arch = "aarch64") { "aarch64" } else { "x86_64" },
        path: std::env::var_os("PATH").map(|p| std::env::split_paths(&p).filter(|d| d.is_absolute()).collect()).unwrap_or_default(),
        nvm_dir: var("NVM_DIR"),
        volta_home: var("VOLTA_HOME"),
        fnm_dir: var("FNM_DIR"),
        xdg_data_home: var("XDG_DATA_HOME"),
        npm_prefixes,
        pnpm_home: var("PNPM_HOME"),
        bun_install: var("BUN_INSTALL"),
        codex_home: var("CODEX_HOME"),
        local_app_data: var("LOCALAPPDATA"),
        app_data: var("APPDATA"),
        home,
        ..Env::bare(os)
    }
}

/// `file` as a Codex to run: a native binary as it is; a Node shim followed to the
/// native binary of its package, else as it is when `node` is on PATH.
fn usable(file: &Path, env: &Env, node: bool) -> Option<PathBuf> {
    if !is_exe(file) && !is_cmd(file) {
        return None;
    }
    let Some(pkg) = shim_package(file) else {
        return (!is_cmd(file)).then(|| file.to_owned());
    };
    native(&pkg, env).or_else(|| node.then(|| file.to_owned()))
}

/// The `@openai/codex` package folder of a Node shim; `None` for anything else.
fn shim_package(file: &Path) -> Option<PathBuf> {
    let real = std::fs::canonicalize(file).ok()?;
    let js = |p: &Path| p.extension().is_some_and(|e| e == "js");
    let head = read_head(&real, 8 << 10).unwrap_or_default();
    if js(&real) || places::is_node_script(&head) {
        // `<pkg>/bin/codex.js`.
        let bin = real.parent()?;
        return Some(if bin.file_name().is_some_and(|n| n == "bin") { bin.parent()?.to_owned() } else { bin.to_owned() });
    }
    // A shell or .cmd shim naming the script (pnpm, npm on Windows).
    let text = String::from_utf8_lossy(&head);
    if text.contains("codex.js") && text.contains("node") {
        let pkg = places::script_package(&text, file.parent()?)?;
        return Some(std::fs::canonicalize(&pkg).unwrap_or(pkg));
    }
    None
}

/// The native binary the package at `pkg` ships, as its real path (the one a running
/// Codex reports as its own).
fn native(pkg: &Path, env: &Env) -> Option<PathBuf> {
    let pkg = std::fs::canonicalize(pkg).ok()?;
    let found = places::native_in(&pkg, env.os, env.arch).into_iter().find(|p| is_exe(p))?;
    Some(std::fs::canonicalize(&found).unwrap_or(found))
}

/// The Codex binary of the newest Codex extension in an editor's extensions folder.
fn extension(dir: &Path, env: &Env) -> Option<PathBuf> {
    let names = names(dir);
    for ext in places::extension_folders(&names) {
        let bin = dir.join(ext).join("bin");
        let direct = bin.join(env.os.exe());
        if is_exe(&direct) {
            return Some(direct);
        }
        let mut subs: Vec<String> = names_of_dirs(&bin).into_iter().filter(|n| places::extension_bin_matches(n, env.os, env.arch)).collect();
        subs.sort();
        if let Some(p) = subs.iter().map(|s| bin.join(s).join(env.os.exe())).find(|p| is_exe(p)) {
            return Some(p);
        }
    }
    None
}

/// The children of `dir` in `order`.
fn children(dir: &Path, order: Order) -> Vec<String> {
    let mut names = names(dir);
    match order {
        Order::Version => names.sort_by(|a, b| places::newest_first(a, b)),
        Order::Modified => {
            let mtime = |n: &String| std::fs::metadata(dir.join(n)).and_then(|m| m.modified()).ok();
            names.sort_by_key(|n| std::cmp::Reverse(mtime(n)));
        }
    }
    names
}

/// The names in `dir` (at most 1,000: a folder of versions is small).
fn names(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    rd.flatten().take(1000).filter_map(|e| e.file_name().into_string().ok()).collect()
}

fn names_of_dirs(dir: &Path) -> Vec<String> {
    names(dir).into_iter().filter(|n| dir.join(n).is_dir()).collect()
}

/// A regular file (through links) that may be run.
fn is_exe(p: &Path) -> bool {
    let Ok(m) = std::fs::metadata(p) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        m.is_file() && m.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        m.is_file()
    }
}

/// A Windows batch shim (`codex.cmd`): followed, never run.
fn is_cmd(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("cmd")) && p.is_file()
}

/// The first `limit` bytes of a regular file (never a FIFO or a device).
fn read_head(p: &Path, limit: u64) -> Option<Vec<u8>> {
    if !std::fs::metadata(p).ok()?.is_file() {
        return None;
    }
    let mut out = Vec::new();
    std::fs::File::open(p).ok()?.take(limit).read_to_end(&mut out).ok()?;
    Some(out)
}

#[cfg(test)]
#[path = "binary_tests.rs"]
mod tests;
