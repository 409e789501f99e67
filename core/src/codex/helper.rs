//! Which `switchboard` binary goes into `[auth].command`: the path Codex runs to
//! get a key, so it must be absolute and survive updates on every system.
//!
//! - Linux: the sidecar installed beside the app (`/usr/bin/switchboard` from the .deb).
//! - macOS: the sidecar inside the bundle, `Switchboard.app/Contents/MacOS/switchboard`.
//!   A bundle run from a quarantined download is "translocated" to a random read-only
//!   path that is gone after a restart; that path is never written, the copy in
//!   `/Applications` is used instead.
//! - Windows: `switchboard.exe` beside `switchboard-app.exe`, usually under
//!   `C:\Program Files\Switchboard\`. Codex starts `auth.command` as a program with an
//!   argument list (no shell), so the path is written as it is, spaces and all: quoting it
//!   would make the quotes part of the file name. (Codex's source,
//!   `codex-rs/login/src/auth/external_bearer.rs`: an absolute `command` is used as it is,
//!   a bare name is looked up on `PATH`, anything else is joined to `cwd`; then
//!   `Command::new(program).args(args)` with stdin closed, on every system.)
//!
//! [`choose`] is pure (the file system is passed in), so every system's rule is tested here.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

impl Os {
    pub const fn current() -> Os {
        if cfg!(target_os = "macos") {
            Os::MacOs
        } else if cfg!(windows) {
            Os::Windows
        } else {
            Os::Linux
        }
    }

    /// The CLI's file name.
    pub const fn cli_name(self) -> &'static str {
        match self {
            Os::Windows => "switchboard.exe",
            _ => "switchboard",
        }
    }
}

/// Where the CLI is: beside `exe` (the running app), else `env` (`$SWITCHBOARD_HELPER`),
/// else the first on `path` (`$PATH` split), else the bare name.
pub fn choose(os: Os, exe: Option<&Path>, env: Option<&Path>, path: &[PathBuf], is_file: impl Fn(&Path) -> bool) -> PathBuf {
    if let Some(dir) = exe.and_then(|e| e.parent()) {
        let beside = dir.join(os.cli_name());
        if os == Os::MacOs && is_translocated(&beside) {
            let installed = Path::new("/Applications/Switchboard.app/Contents/MacOS").join(os.cli_name());
            if is_file(&installed) {
                return installed;
            }
        } else if is_file(&beside) {
            return beside;
        }
    }
    if let Some(p) = env {
        return p.to_owned();
    }
    path.iter().map(|d| d.join(os.cli_name())).find(|p| is_file(p)).unwrap_or_else(|| PathBuf::from(os.cli_name()))
}

/// macOS Gatekeeper's random, temporary location for a quarantined app.
fn is_translocated(p: &Path) -> bool {
    p.to_string_lossy().contains("/AppTranslocation/")
}

/// The running binary, symlinks resolved, in the form other programs accept: on Windows
/// without the `\\?\` prefix that `canonicalize` adds (Codex would get that path).
pub fn current_exe() -> Option<PathBuf> {
    std::env::current_exe().ok().and_then(|p| dunce::canonicalize(p).ok())
}

/// The CLI for the running process.
pub fn find() -> PathBuf {
    let exe = current_exe();
    let env = std::env::var_os("SWITCHBOARD_HELPER").map(PathBuf::from);
    let path: Vec<PathBuf> = std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    choose(Os::current(), exe.as_deref(), env.as_deref(), &path, |p| p.is_file())
}

/// Another binary installed beside the running one (the tray starts the window, and back).
pub fn sibling(name: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let file = if cfg!(windows) { format!("{name}.exe") } else { name.to_owned() };
    let p = exe.parent()?.join(file);
    p.is_file().then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(files: &'static [&'static str]) -> impl Fn(&Path) -> bool {
        move |p| files.iter().any(|f| Path::new(f) == p)
    }

    #[test]
    fn each_system_finds_the_installed_cli() {
        let none: &[PathBuf] = &[];
        let cases: [(Os, &str, &'static [&'static str], &str); 6] = [
            (Os::Linux, "/usr/bin/switchboard-app", &["/usr/bin/switchboard"], "/usr/bin/switchboard"),
            (
                Os::MacOs,
                "/Applications/Switchboard.app/Contents/MacOS/switchboard-app",
                &["/Applications/Switchboard.app/Contents/MacOS/switchboard"],
                "/Applications/Switchboard.app/Contents/MacOS/switchboard",
            ),
            (
                Os::MacOs,
                "/private/var/folders/x/T/AppTranslocation/ABC/d/Switchboard.app/Contents/MacOS/switchboard-app",
                &[
                    "/private/var/folders/x/T/AppTranslocation/ABC/d/Switchboard.app/Contents/MacOS/switchboard",
                    "/Applications/Switchboard.app/Contents/MacOS/switchboard",
                ],
                "/Applications/Switchboard.app/Contents/MacOS/switchboard",
            ),
            (
                Os::MacOs,
                "/private/var/folders/x/T/AppTranslocation/ABC/d/Switchboard.app/Contents/MacOS/switchboard-app",
                &["/private/var/folders/x/T/AppTranslocation/ABC/d/Switchboard.app/Contents/MacOS/switchboard"],
                "switchboard",
            ),
            (
                Os::Windows,
                r"C:\Program Files\Switchboard/switchboard-app.exe",
                &[r"C:\Program Files\Switchboard/switchboard.exe"],
                r"C:\Program Files\Switchboard/switchboard.exe",
            ),
            (Os::Linux, "/opt/elsewhere/switchboard-app", &[], "switchboard"),
        ];
        for (os, exe, files, want) in cases {
            assert_eq!(choose(os, Some(Path::new(exe)), None, none, has(files)), PathBuf::from(want), "{os:?} {exe}");
        }
    }

    #[test]
    fn windows_path_with_spaces_is_written_unquoted() {
        // Codex runs the command as a program with arguments, not through a shell: the
        // path goes into config.toml exactly, and TOML's own quoting carries the spaces.
        // On Windows the path has its own backslashes (and TOML writes it as a literal
        // string); elsewhere a path can only be split on `/`.
        let exe = r"C:\Program Files\Switchboard\switchboard-app.exe";
        let (exe, want) = if cfg!(windows) {
            (exe.to_owned(), "command = 'C:\\Program Files\\Switchboard\\switchboard.exe'\n")
        } else {
            (exe.replace('\\', "/"), "command = \"C:/Program Files/Switchboard/switchboard.exe\"\n")
        };
        let found = choose(Os::Windows, Some(Path::new(&exe)), None, &[], |p| p.to_string_lossy().ends_with("switchboard.exe"));
        let s = found.to_string_lossy();
        assert!(s.contains("Program Files") && !s.starts_with('"'), "{s}");
        let mut doc = toml_edit::DocumentMut::new();
        doc["command"] = toml_edit::value(s.as_ref());
        assert_eq!(doc.to_string(), want);
    }

    #[test]
    fn falls_back_to_the_environment_then_path() {
        let path = vec![PathBuf::from("/a"), PathBuf::from("/b")];
        let env = Path::new("/custom/switchboard");
        assert_eq!(choose(Os::Linux, None, Some(env), &path, has(&["/b/switchboard"])), env);
        assert_eq!(choose(Os::Linux, None, None, &path, has(&["/b/switchboard"])), PathBuf::from("/b/switchboard"));
        assert_eq!(choose(Os::Windows, None, None, &path, has(&["/b/switchboard.exe"])), PathBuf::from("/b/switchboard.exe"));
    }
}
