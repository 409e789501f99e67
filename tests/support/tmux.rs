//! The real Codex TUI in a detached tmux session of its own (a private server on a
//! socket in a temporary folder, a fixed 160x50 window), driven as a person does:
//! keys sent with `send-keys`, the screen read back with `capture-pane`. Every wait
//! polls the screen under a deadline and, when it runs out, fails showing the screen.
//! Dropping it ends its tmux server, and so Codex.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Home, codex_bin, codex_env, repo_root};

/// How long any one thing on the screen may take (a loaded 2-core machine, a cold Codex).
pub const DEADLINE: Duration = Duration::from_secs(60);

/// Whether tmux can be run here.
pub fn available() -> bool {
    Command::new("tmux").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// One Codex TUI running in tmux.
pub struct Tui {
    /// The tmux server's socket.
    socket: PathBuf,
    /// The socket's folder, and `work/` in it: Codex's working folder and `HOME`.
    _dir: tempfile::TempDir,
}

impl Tui {
    /// Starts `codex <args>` for `home` (its router's port and runtime folder, a
    /// throwaway HOME, no OpenAI key), and waits until its composer takes a prompt,
    /// answering the first-run screens on the way.
    pub fn start(home: &Home, args: &[&str]) -> Tui {
        assert!(available(), "tmux is missing (scripts/deps.sh installs it)");
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let work = dir.path().join("work");
        std::fs::create_dir(&work).unwrap();
        // The tmux server starts with this command's environment, and Codex inherits it:
        // nothing of the caller's but what Codex and its auth command need.
        let mut cmd = Command::new("tmux");
        cmd.env_clear();
        for keep in ["PATH", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY"] {
            if let Some(v) = std::env::var_os(keep) {
                cmd.env(keep, v);
            }
        }
        cmd.env("HOME", &work).env("CODEX_HOME", home.path()).env("TERM", "xterm-256color").env("LANG", "C.UTF-8").env("RUST_LOG", "error");
        codex_env(&mut cmd);
        home.router_env(&mut cmd);
        cmd.arg("-S").arg(&socket).args(["-f", "/dev/null", "new-session", "-d", "-s", "codex", "-x", "160", "-y", "50", "-c"]).arg(&work);
        // The TUI's own TERM: tmux sets its default-terminal inside, so say it again.
        // No tips under answers: they change from run to run.
        cmd.args(["env", "TERM=xterm-256color"]).arg(codex_bin()).args(["--no-daemon", "-c", "tui.show_tooltips=false"]).args(args);
        let out = cmd.output().expect("tmux");
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        let tui = Tui { socket, _dir: dir };
        tui.ready();
        tui
    }

    fn tmux(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket);
        cmd
    }

    /// The screen as it is now, with what scrolled above it, trailing spaces trimmed.
    pub fn screen(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p", "-J", "-S", "-300", "-t", "codex"]).output().expect("tmux capture-pane");
        let text = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
        let end = lines.iter().rposition(|l| !l.is_empty()).map_or(0, |e| e + 1);
        lines[start..end.max(start)].join("\n")
    }

    /// Presses keys by their tmux names (`Enter`, `Down`, `Escape`, `s`).
    pub fn keys(&self, keys: &[&str]) {
        let out = self.tmux().args(["send-keys", "-t", "codex"]).args(keys).output().expect("tmux send-keys");
        assert!(out.status.success(), "send-keys {keys:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Types `text` as it is, then Enter.
    pub fn type_line(&self, text: &str) {
        let out = self.tmux().args(["send-keys", "-t", "codex", "-l", text]).output().expect("tmux send-keys");
        assert!(out.status.success(), "send-keys -l: {}", String::from_utf8_lossy(&out.stderr));
        // Keys that come this fast look like a paste to Codex, which would take an Enter
        // among them as a new line: let the burst settle first.
        std::thread::sleep(Duration::from_millis(300));
        self.keys(&["Enter"]);
    }

    /// Polls the screen until `found` says yes (it returns what it found), for at most
    /// `DEADLINE`; then fails, naming `what` and showing the screen.
    #[track_caller]
    pub fn wait<R>(&self, what: &str, mut found: impl FnMut(&str) -> Option<R>) -> R {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if let Some(r) = found(&screen) {
                return r;
            }
            assert!(start.elapsed() < DEADLINE, "timed out after {DEADLINE:?} waiting for {what}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until the screen shows `needle`, and returns the screen.
    #[track_caller]
    pub fn wait_text(&self, needle: &str) -> String {
        self.wait(&format!("{needle:?} on the screen"), |s| s.contains(needle).then(|| s.to_owned()))
    }

    /// Answers the first-run screens (trust this folder, press enter to continue)
    /// until the composer is there.
    #[track_caller]
    fn ready(&self) {
        let mut answered = Vec::new();
        self.wait("Codex's composer (\"Ask Codex to do anything\")", |s| {
            if s.contains("Ask Codex to do anything") && !s.contains("Trust this folder") {
                return Some(());
            }
            let last = s.lines().rev().take(15).collect::<Vec<_>>().join("\n");
            let asks = ["Trust this folder", "Trust and continue", "Press enter to continue", "press enter to continue"];
            // Once per screen: the answer needs a moment to take.
            if asks.iter().any(|a| last.contains(a)) && answered.last() != Some(&last) {
                answered.push(last.clone());
                self.keys(&["Enter"]);
            }
            None
        });
    }

    /// Opens `/model` and moves the selection with the arrow keys to the row that
    /// shows `label`, then Enter; a reasoning-effort step that follows is accepted
    /// (its default, with Enter). Returns the picker's screen as it was first shown.
    #[track_caller]
    pub fn pick_model(&self, label: &str) -> String {
        self.type_line("/model");
        self.wait_text("Select Model");
        let mut picker = None;
        for _ in 0..60 {
            let s = self.screen();
            let Some(selected) = picker_selection(&s) else {
                std::thread::sleep(Duration::from_millis(150));
                continue;
            };
            let picker = picker.get_or_insert(s);
            if selected.contains(label) {
                let changes = |s: &str| s.matches("Model changed to").count();
                let before = changes(&self.screen());
                self.keys(&["Enter"]);
                let reasoning = self.wait("the reasoning step or the change of model", |s| {
                    if changes(s) > before {
                        return Some(false);
                    }
                    let bottom = s.lines().rev().take(12).collect::<Vec<_>>().join("\n");
                    bottom.contains("Select Reasoning Level").then_some(true)
                });
                if reasoning {
                    self.keys(&["Enter"]);
                    self.wait("the change of model", |s| (changes(s) > before).then_some(()));
                }
                return picker.clone();
            }
            self.keys(&["Down"]);
            // Wait for the selection to move before reading it again.
            let before = selected.clone();
            let start = Instant::now();
            while picker_selection(&self.screen()).as_deref() == Some(before.as_str()) && start.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("no row of /model shows {label:?}; the screen:\n{}", self.screen());
    }

    /// Sends `prompt` (one line, unique in this session) and waits until its turn ends
    /// on the screen (Codex's "Worked for", or an error); returns the screen.
    #[track_caller]
    pub fn turn(&self, prompt: &str) -> String {
        self.type_line(prompt);
        let mark = format!("› {prompt}");
        self.wait(&format!("the turn of {prompt:?} to end"), |s| {
            let (_, after) = s.split_once(&mark)?;
            (after.contains("Worked for") || after.contains("■")).then(|| s.to_owned())
        })
    }

    /// Saves the screen as docs/screenshots/tui/<name>.txt (see [`save_text`]).
    pub fn save(&self, name: &str, stable: &[(&str, &str)]) -> String {
        save_text(name, &self.screen(), stable)
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").stdout(Stdio::null()).stderr(Stdio::null()).status();
    }
}

/// Saves `screen` as docs/screenshots/tui/<name>.txt, with each `(from, to)` of
/// `stable` replaced and clock times masked, so a run that saw the same writes the
/// same bytes. Returns the text as saved.
pub fn save_text(name: &str, screen: &str, stable: &[(&str, &str)]) -> String {
    let mut text = screen.to_owned();
    for (from, to) in stable {
        text = text.replace(from, to);
    }
    // Runs of blank lines (the TUI's padding) as one.
    let mut kept: Vec<&str> = Vec::new();
    let masked = mask_times(&text);
    for line in masked.lines() {
        if !(line.is_empty() && kept.last().is_some_and(|l| l.is_empty())) {
            kept.push(line);
        }
    }
    let text = format!("{}\n", kept.join("\n"));
    let dir = repo_root().join("docs/screenshots/tui");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.txt"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, &text).unwrap();
    }
    text
}

/// The selected row of an open picker: the line starting with `›` below its title.
pub fn picker_selection(screen: &str) -> Option<String> {
    let (_, picker) = screen.rsplit_once("Select Model")?;
    picker.lines().skip(1).find(|l| l.trim_start().starts_with('›')).map(str::to_owned)
}

/// The clock Codex prints after each turn (`Worked for 2s • 15:19`), as `H:MM`.
fn mask_times(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| match l.rsplit_once('•') {
            Some((head, _)) if l.contains("Worked for") => format!("{head}• H:MM"),
            _ => l.to_owned(),
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn clock_times_are_masked() {
        assert_eq!(super::mask_times("  Worked for <1s • 3:15 PM\n  Worked for 2s • 15:19\n• OK 12:05"), "  Worked for <1s • H:MM\n  Worked for 2s • H:MM\n• OK 12:05");
    }
}
