//! Start at login, on Linux: an XDG autostart entry,
//! `$XDG_CONFIG_HOME/autostart/switchboard.desktop` (`~/.config` when unset), that
//! starts the tray alone (no window, no WebKit). Off unless the user turns it on.
//! macOS and Windows register a login item / Run key through the app's shell
//! (tauri-plugin-autostart), which starts the window process with `--tray`.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "switchboard.desktop";

/// The autostart folder: `$XDG_CONFIG_HOME/autostart` if that is absolute, else `~/.config/autostart`.
pub fn dir(xdg_config_home: Option<&Path>, home: &Path) -> PathBuf {
    match xdg_config_home.filter(|p| p.is_absolute()) {
        Some(c) => c.join("autostart"),
        None => home.join(".config").join("autostart"),
    }
}

/// One argument of `Exec=`, quoted as the Desktop Entry spec asks: inside double
/// quotes `"`, `` ` ``, `$` and `\` are escaped; `%` is doubled everywhere.
pub fn exec_arg(arg: &str) -> String {
    const RESERVED: &[char] = &[' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`'];
    let arg = arg.replace('%', "%%");
    if !arg.is_empty() && !arg.contains(RESERVED) {
        return arg;
    }
    let mut out = String::from("\"");
    for c in arg.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The entry's text for the tray binary `exec`.
pub fn entry(exec: &Path) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Switchboard\nComment=Switchboard in the tray: which provider Codex uses\n\
         Exec={}\nIcon=switchboard-app\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
        exec_arg(&exec.to_string_lossy())
    )
}

#[derive(Debug, Clone)]
pub struct Autostart {
    file: PathBuf,
}

impl Autostart {
    /// This user's entry, from `$XDG_CONFIG_HOME` and `$HOME`.
    pub fn for_user() -> Option<Autostart> {
        let config = std::env::var_os("XDG_CONFIG_HOME").map(PathBuf::from);
        let home = directories::BaseDirs::new()?.home_dir().to_owned();
        Some(Autostart::at(&dir(config.as_deref(), &home)))
    }

    pub fn at(dir: &Path) -> Autostart {
        Autostart { file: dir.join(FILE_NAME) }
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    pub fn is_enabled(&self) -> bool {
        self.file.is_file()
    }

    /// Writes the entry (whole-file replace) so that `exec` starts at login.
    pub fn enable(&self, exec: &Path) -> std::io::Result<()> {
        let dir = self.file.parent().ok_or_else(|| std::io::Error::other("no autostart folder"))?;
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(entry(exec).as_bytes())?;
        tmp.persist(&self.file).map_err(|e| e.error)?;
        Ok(())
    }

    pub fn disable(&self) -> std::io::Result<()> {
        match std::fs::remove_file(&self.file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // XDG autostart is Linux's; macOS and Windows use tauri-plugin-autostart.
    #[cfg(unix)]
    #[test]
    fn folder_follows_xdg_config_home() {
        let home = Path::new("/home/ana");
        assert_eq!(dir(Some(Path::new("/cfg")), home), PathBuf::from("/cfg/autostart"));
        assert_eq!(dir(None, home), PathBuf::from("/home/ana/.config/autostart"));
        assert_eq!(dir(Some(Path::new("rel")), home), PathBuf::from("/home/ana/.config/autostart"), "relative is ignored, per the spec");
    }

    #[test]
    fn exec_is_quoted_per_the_desktop_entry_spec() {
        let cases = [
            ("/usr/bin/switchboard-tray", "/usr/bin/switchboard-tray"),
            ("/opt/My Apps/switchboard-tray", "\"/opt/My Apps/switchboard-tray\""),
            ("/opt/a$b/x", "\"/opt/a\\$b/x\""),
            ("/opt/100%/x", "/opt/100%%/x"),
            ("/opt/q\"t/x", "\"/opt/q\\\"t/x\""),
        ];
        for (arg, want) in cases {
            assert_eq!(exec_arg(arg), want, "{arg}");
        }
        let e = entry(Path::new("/opt/My Apps/switchboard-tray"));
        assert!(e.starts_with("[Desktop Entry]\n") && e.contains("\nExec=\"/opt/My Apps/switchboard-tray\"\n"), "{e}");
    }

    #[test]
    fn enable_then_disable_leaves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let a = Autostart::at(&tmp.path().join("autostart"));
        assert!(!a.is_enabled(), "off by default");
        a.enable(Path::new("/usr/bin/switchboard-tray")).unwrap();
        assert!(a.is_enabled());
        assert!(std::fs::read_to_string(a.file()).unwrap().contains("Exec=/usr/bin/switchboard-tray\n"));
        a.disable().unwrap();
        a.disable().unwrap();
        assert!(!a.is_enabled());
        assert_eq!(std::fs::read_dir(tmp.path().join("autostart")).unwrap().count(), 0, "no temp file left");
    }
}
