//! Where installers put Codex, decided from the environment's values alone: the
//! places to look, in order, the native binary an npm package ships, and the order
//! of versioned folders. Pure: the caller reads the disk.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

/// The systems whose installers differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    Mac,
    Windows,
}

impl Os {
    pub fn current() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::Mac
        } else {
            Os::Linux
        }
    }

    /// The name of Codex's executable.
    pub fn exe(self) -> &'static str {
        if self == Os::Windows { "codex.exe" } else { "codex" }
    }
}

/// What the places are decided from: HOME and a few variables, read by the caller.
#[derive(Debug, Clone)]
pub struct Env {
    pub os: Os,
    /// Where system-wide folders (`/usr/local/bin`, `/Applications`) are: `/`.
    pub root: PathBuf,
    /// `x86_64` or `aarch64`.
    pub arch: &'static str,
    pub home: Option<PathBuf>,
    /// PATH, split.
    pub path: Vec<PathBuf>,
    pub nvm_dir: Option<PathBuf>,
    pub volta_home: Option<PathBuf>,
    pub fnm_dir: Option<PathBuf>,
    pub xdg_data_home: Option<PathBuf>,
    /// `NPM_CONFIG_PREFIX`, then `prefix=` of `~/.npmrc` (see [`npmrc_prefix`]).
    pub npm_prefixes: Vec<PathBuf>,
    pub pnpm_home: Option<PathBuf>,
    pub bun_install: Option<PathBuf>,
    pub codex_home: Option<PathBuf>,
    /// Windows: `%LOCALAPPDATA%` and `%APPDATA%`.
    pub local_app_data: Option<PathBuf>,
    pub app_data: Option<PathBuf>,
}

impl Env {
    /// An environment with nothing set, for `os` on x86_64, with `/` as the root.
    pub fn bare(os: Os) -> Env {
        Env {
            os,
            root: PathBuf::from("/"),
            arch: "x86_64",
            home: None,
            path: Vec::new(),
            nvm_dir: None,
            volta_home: None,
            fnm_dir: None,
            xdg_data_home: None,
            npm_prefixes: Vec::new(),
            pnpm_home: None,
            bun_install: None,
            codex_home: None,
            local_app_data: None,
            app_data: None,
        }
    }
}

/// How the children of a folder are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By the version in the name, newest first (`v22.11.0`, `openai.chatgpt-26.715.1-linux-x64`).
    Version,
    /// The most recently modified first (folders named by a hash).
    Modified,
}

/// One place to look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A file that may be `codex` (a native binary, or a script to follow).
    File(PathBuf),
    /// `<dir>/<child>/<then>` for each child of `dir`, in `order`.
    Each { dir: PathBuf, then: PathBuf, order: Order },
    /// An `@openai/codex` package folder: the native binary it ships.
    Package(PathBuf),
    /// A VS Code extension folder (`<dir>/openai.chatgpt-*`, newest first): the
    /// binary under its `bin/` for this system.
    Extensions(PathBuf),
}

/// Every place to look, in order: PATH, the npm global prefixes (nvm, volta, fnm,
/// `~/.npm-global`, `~/.npmrc`'s prefix, pnpm, bun), the standalone installer,
/// Homebrew and the system's folders, the editor extensions, the Codex app.
pub fn places(env: &Env) -> Vec<Place> {
    let exe = env.os.exe();
    let mut out: Vec<Place> = Vec::new();
    let file = |out: &mut Vec<Place>, p: PathBuf| out.push(Place::File(p));
    for dir in &env.path {
        file(&mut out, dir.join(exe));
        if env.os == Os::Windows {
            // npm's shim on Windows; followed to the package it names.
            file(&mut out, dir.join("codex.cmd"));
        }
    }
    let home = env.home.as_deref();
    let under = |rel: &str| home.map(|h| h.join(rel));
    let win = env.os == Os::Windows;
    // npm's global bin folder is `<prefix>/bin` except on Windows, where it is the prefix.
    let bin = |prefix: &Path| if win { prefix.to_owned() } else { prefix.join("bin") };
    let node_versions = |out: &mut Vec<Place>, dir: Option<PathBuf>, then: &str| {
        if let Some(dir) = dir {
            out.push(Place::Each { dir, then: PathBuf::from(then).join(exe), order: Order::Version });
        }
    };
    // nvm: each Node version is its own npm prefix.
    let nvm_then = if win { "" } else { "bin" };
    node_versions(&mut out, env.nvm_dir.as_ref().map(|d| d.join("versions/node")), nvm_then);
    node_versions(&mut out, under(".nvm/versions/node"), nvm_then);
    if win {
        node_versions(&mut out, env.app_data.as_ref().map(|d| d.join("nvm")), "");
    }
    // volta: its shim, and the package it installed (the shim needs volta's own node).
    for v in [env.volta_home.clone(), under(".volta")].into_iter().flatten() {
        let image = v.join("tools/image/packages/@openai/codex");
        out.push(Place::Package(image.join("lib/node_modules/@openai/codex")));
        out.push(Place::Package(image.join("node_modules/@openai/codex")));
        file(&mut out, v.join("bin").join(exe));
    }
    // fnm: each Node version is its own npm prefix.
    let fnm_then = if win { "installation" } else { "installation/bin" };
    let mut fnm = vec![env.fnm_dir.clone(), env.xdg_data_home.as_ref().map(|d| d.join("fnm")), under(".local/share/fnm"), under(".fnm")];
    if env.os == Os::Mac {
        fnm.push(under("Library/Application Support/fnm"));
    }
    if win {
        fnm.push(env.app_data.as_ref().map(|d| d.join("fnm")));
    }
    for dir in fnm.into_iter().flatten() {
        node_versions(&mut out, Some(dir.join("node-versions")), fnm_then);
    }
    // Plain npm prefixes.
    let mut prefixes = env.npm_prefixes.clone();
    prefixes.extend([under(".npm-global"), under(".npm-packages")].into_iter().flatten());
    if win {
        prefixes.extend(env.app_data.as_ref().map(|d| d.join("npm")));
    }
    for p in prefixes {
        file(&mut out, bin(&p).join(exe));
        if win {
            file(&mut out, p.join("codex.cmd"));
            out.push(Place::Package(p.join("node_modules/@openai/codex")));
        }
    }
    // pnpm and bun.
    let pnpm = match env.os {
        Os::Linux => under(".local/share/pnpm"),
        Os::Mac => under("Library/pnpm"),
        Os::Windows => env.local_app_data.as_ref().map(|d| d.join("pnpm")),
    };
    for p in [env.pnpm_home.clone(), pnpm].into_iter().flatten() {
        file(&mut out, p.join(if win { "codex.cmd" } else { "codex" }));
    }
    for b in [env.bun_install.clone(), under(".bun")].into_iter().flatten() {
        file(&mut out, b.join("bin").join(exe));
    }
    // The standalone installer: its link in ~/.local/bin, and the release it points at.
    if !win {
        file(&mut out, under(".local/bin").map(|d| d.join(exe)).unwrap_or_default());
    }
    for c in [env.codex_home.clone(), under(".codex")].into_iter().flatten() {
        let current = c.join("packages/standalone/current");
        file(&mut out, current.join("bin").join(exe));
        file(&mut out, current.join(exe));
    }
    if win {
        if let Some(l) = &env.local_app_data {
            file(&mut out, l.join("Programs/OpenAI/Codex/bin").join(exe));
        }
    } else {
        // Homebrew and the system's folders.
        let sys = |rel: &str| env.root.join(rel);
        file(&mut out, sys("opt/homebrew/bin/codex"));
        file(&mut out, sys("home/linuxbrew/.linuxbrew/bin/codex"));
        file(&mut out, under(".linuxbrew/bin/codex").unwrap_or_default());
        file(&mut out, sys("usr/local/bin/codex"));
        file(&mut out, sys("usr/bin/codex"));
    }
    // The editors' Codex extension (openai.chatgpt) ships its own binary.
    for editor in [".vscode", ".vscode-server", ".vscode-insiders", ".vscode-server-insiders", ".cursor", ".cursor-server", ".windsurf", ".windsurf-server", ".vscode-oss"] {
        if let Some(d) = under(editor) {
            out.push(Place::Extensions(d.join("extensions")));
        }
    }
    // The Codex app.
    match env.os {
        Os::Mac => {
            for apps in [Some(env.root.join("Applications")), under("Applications")].into_iter().flatten() {
                let res = apps.join("Codex.app/Contents/Resources");
                file(&mut out, res.join("codex"));
                file(&mut out, res.join("bin/codex"));
            }
        }
        Os::Windows => {
            if let Some(l) = &env.local_app_data {
                let app = l.join("OpenAI/Codex/bin");
                // The app unpacks each update into a folder of its own; the first one stays behind.
                out.push(Place::Each { dir: app.clone(), then: PathBuf::from(exe), order: Order::Modified });
                file(&mut out, app.join(exe));
            }
        }
        Os::Linux => {}
    }
    out.retain(|p| !matches!(p, Place::File(f) if f.as_os_str().is_empty()));
    let mut seen = Vec::new();
    out.retain(|p| {
        let new = !seen.contains(p);
        seen.push(p.clone());
        new
    });
    out
}

/// The `prefix=` of an `.npmrc` (`~` and `${HOME}` expanded), if it sets one.
pub fn npmrc_prefix(text: &str, home: Option<&Path>) -> Option<PathBuf> {
    let value = text.lines().rev().find_map(|l| {
        let l = l.trim();
        let (k, v) = l.split_once('=')?;
        (k.trim() == "prefix").then(|| v.trim().trim_matches('"').trim_matches('\'').to_owned())
    })?;
    if value.is_empty() {
        return None;
    }
    let home_str = home.map(|h| h.to_string_lossy().into_owned());
    let expanded = if let Some(rest) = value.strip_prefix("~/").or_else(|| value.strip_prefix("~\\")) {
        home?.join(rest)
    } else if value.contains("${HOME}") || value.contains("$HOME") {
        PathBuf::from(value.replace("${HOME}", home_str.as_deref()?).replace("$HOME", home_str.as_deref()?))
    } else {
        PathBuf::from(value)
    };
    expanded.is_absolute().then_some(expanded)
}

/// Rust's target triple for the npm platform package of `os` and `arch`, and that package's folder name.
pub fn platform(os: Os, arch: &str) -> (&'static str, &'static str) {
    let arm = arch == "aarch64";
    match (os, arm) {
        (Os::Linux, false) => ("x86_64-unknown-linux-musl", "codex-linux-x64"),
        (Os::Linux, true) => ("aarch64-unknown-linux-musl", "codex-linux-arm64"),
        (Os::Mac, false) => ("x86_64-apple-darwin", "codex-darwin-x64"),
        (Os::Mac, true) => ("aarch64-apple-darwin", "codex-darwin-arm64"),
        (Os::Windows, false) => ("x86_64-pc-windows-msvc", "codex-win32-x64"),
        (Os::Windows, true) => ("aarch64-pc-windows-msvc", "codex-win32-arm64"),
    }
}

/// Where the `@openai/codex` package at `pkg` keeps its native binary, in the order
/// its `bin/codex.js` looks: the platform package nested in it, then hoisted beside
/// it (npm's global layout), then its own `vendor/` (and the older `vendor/<triple>/codex/`).
pub fn native_in(pkg: &Path, os: Os, arch: &str) -> Vec<PathBuf> {
    let (triple, platform_pkg) = platform(os, arch);
    let exe = os.exe();
    let mut roots = vec![pkg.join("node_modules/@openai").join(platform_pkg)];
    if let Some(scope) = pkg.parent() {
        roots.push(scope.join(platform_pkg));
    }
    roots.push(pkg.to_owned());
    let mut out = Vec::new();
    for r in &roots {
        out.push(r.join("vendor").join(triple).join("bin").join(exe));
    }
    for r in &roots {
        out.push(r.join("vendor").join(triple).join("codex").join(exe));
    }
    out
}

/// The `@openai/codex` package a shim script names (pnpm's `sh` shim, npm's `.cmd`):
/// the path before `@openai/codex/bin/codex.js` in `text`, with the shim's own folder
/// for `$basedir` or `%~dp0`.
pub fn script_package(text: &str, shim_dir: &Path) -> Option<PathBuf> {
    let norm = text.replace('\\', "/");
    let end = norm.find("@openai/codex/bin/codex.js")?;
    let start = norm[..end].rfind(|c: char| c == '"' || c == '\'' || c.is_whitespace()).map_or(0, |i| i + 1);
    let raw = &norm[start..end + "@openai/codex".len()];
    for var in ["${basedir}", "$basedir", "%~dp0", "%dp0%"] {
        if let Some(rest) = raw.strip_prefix(var) {
            return Some(shim_dir.join(rest.trim_start_matches('/')));
        }
    }
    let path = PathBuf::from(raw);
    Some(if path.is_absolute() { path } else { shim_dir.join(path) })
}

/// Whether a file's first bytes are a Node script (`#!` naming node on its first line).
pub fn is_node_script(head: &[u8]) -> bool {
    head.starts_with(b"#!") && head.split(|b| *b == b'\n').next().is_some_and(|l| l.windows(4).any(|w| w == b"node"))
}

/// Whether a folder under an extension's `bin/` holds the binary for `os` and `arch`
/// (`linux-x86_64`, `macos-aarch64`, `windows-x86_64`, ...).
pub fn extension_bin_matches(name: &str, os: Os, arch: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let os_ok = match os {
        Os::Linux => n.contains("linux"),
        Os::Mac => n.contains("macos") || n.contains("darwin") || n.contains("mac"),
        Os::Windows => n.contains("windows") || n.contains("win32"),
    };
    let arch_ok = if arch == "aarch64" { n.contains("aarch64") || n.contains("arm64") } else { n.contains("x86_64") || n.contains("x64") || n.contains("amd64") };
    os_ok && arch_ok
}

/// The Codex extension's folders among `names` (`openai.chatgpt-<version>[-<platform>]`), newest first.
pub fn extension_folders(names: &[String]) -> Vec<String> {
    let mut v: Vec<String> = names.iter().filter(|n| n.to_ascii_lowercase().starts_with("openai.chatgpt-")).cloned().collect();
    v.sort_by(|a, b| newest_first(a, b));
    v
}

/// The numbers of the first version in a name: `v22.11.0` → [22, 11, 0];
/// `openai.chatgpt-26.715.61943-linux-x64` → [26, 715, 61943].
pub fn version_of(name: &str) -> Vec<u64> {
    let start = name.find(|c: char| c.is_ascii_digit()).unwrap_or(name.len());
    let rest = &name[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    rest[..end].split('.').filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect()
}

/// Newest version first; names without a version last, by name.
pub fn newest_first(a: &str, b: &str) -> Ordering {
    let (va, vb) = (version_of(a), version_of(b));
    match (va.is_empty(), vb.is_empty()) {
        (false, true) => Ordering::Less,
        (true, false) => Ordering::Greater,
        _ => vb.cmp(&va).then_with(|| a.cmp(b)),
    }
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
