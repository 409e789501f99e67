//! What the router's tests share: providers added for a Codex home that reaches
//! them through Switchboard's router, and the real Codex run in that home as a
//! user runs it (sessions recorded, the shell allowed).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::{Home, Run, codex_command, run_with_timeout};

/// `switchboard add <preset> --id <id> --base-url <url> --model <model> --api <api>`,
/// with `key` read into the keychain (the way is chosen: adding asks the provider nothing).
pub fn add(home: &Home, preset: &str, id: &str, url: &str, model: &str, api: &str, key: &str) {
    home.sb(&["add", preset, "--id", id, "--name", id, "--base-url", url, "--model", model, "--api", api, "--key-stdin"], Some(&format!("{key}\n"))).ok();
}

/// `codex exec <args> <prompt>` in `work` (also its HOME), sessions recorded, with
/// the shell allowed, this home's router port and runtime folder, and `envs`.
pub fn codex_with(home: &Home, work: &Path, args: &[&str], prompt: &str, envs: &[(&str, &str)]) -> Run {
    run_with_timeout(codex_cmd(home, work, args, prompt, envs), Duration::from_secs(120))
}

pub fn codex(home: &Home, work: &Path, args: &[&str], prompt: &str) -> Run {
    codex_with(home, work, args, prompt, &[])
}

/// The command `codex_with` runs.
pub fn codex_cmd(home: &Home, work: &Path, args: &[&str], prompt: &str, envs: &[(&str, &str)]) -> Command {
    let mut cmd = codex_command(home.path(), work);
    cmd.args(["exec", "--skip-git-repo-check", "--strict-config", "--dangerously-bypass-approvals-and-sandbox"]).args(args).arg(prompt);
    home.router_env(&mut cmd);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

/// Every rollout file under `$CODEX_HOME/sessions`.
pub fn rollouts(home: &Path) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("rollout-") && n.to_string_lossy().ends_with(".jsonl")) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&home.join("sessions"), &mut out);
    out.sort();
    out
}

/// The lines of a rollout file, as JSON.
pub fn rollout_lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path).unwrap().lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

/// The live (not zombie) processes whose command line holds `needle`.
pub fn pids_with(needle: &str) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_string_lossy().parse::<u32>().ok())
        .filter(|pid| {
            let alive = std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'));
            alive && std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| String::from_utf8_lossy(&c).replace('\0', " ").contains(needle))
        })
        .collect()
}

/// A figure of `/proc/<pid>/status` in kB (`VmRSS`, `VmHWM`).
pub fn status_kb(pid: u32, field: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field).and_then(|v| v.strip_prefix(':')).map(|v| v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0)))
        .unwrap_or(0)
}
