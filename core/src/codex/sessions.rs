//! Codex's saved sessions, read-only: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl`.
//!
//! Codex lists only the active provider's sessions, so after a switch the
//! others seem gone. They are still on disk; this module finds them and gives
//! each one the command line that resumes it with the provider that made it
//! (Codex refuses to resume a session under another provider).
//!
//! Only the head of each file is read: the first line is the `session_meta`
//! record (id, timestamp, cwd, model_provider), and the first user message and
//! the model come within the next few lines. Nothing here ever writes.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// How much of a rollout file is read, at most, to find the title and model.
const HEAD_BYTES: u64 = 256 * 1024;
/// How much is read to find the provider alone (it comes before the long instructions).
const PROVIDER_BYTES: usize = 4096;
/// Titles are cut to this many characters.
const TITLE_CHARS: usize = 100;

/// One saved session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Session {
    pub id: String,
    pub provider: String,
    /// When it started, RFC 3339.
    pub started: String,
    pub cwd: String,
    /// The first thing the user asked, on one line.
    pub title: String,
    /// The model it ran with, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The command line that resumes it in a terminal, with its own provider.
    pub resume: Vec<String>,
    /// `resume` as one line for a POSIX shell (what "Copy resume command" copies).
    pub resume_line: String,
}

/// The rollout files under `home`, newest first (their names start with the time).
pub fn files(home: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let root = home.join("sessions");
    for year in sorted_dirs(&root) {
        for month in sorted_dirs(&year) {
            for day in sorted_dirs(&month) {
                let Ok(rd) = fs::read_dir(&day) else { continue };
                let mut names: Vec<PathBuf> = rd
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("rollout-") && n.ends_with(".jsonl")))
                    .collect();
                names.sort_by(|a, b| b.cmp(a));
                out.extend(names);
            }
        }
    }
    out
}

/// Subfolders, newest (largest name) first.
fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<PathBuf> = rd.flatten().filter(|e| e.file_type().is_ok_and(|t| t.is_dir())).map(|e| e.path()).collect();
    v.sort_by(|a, b| b.cmp(a));
    v
}

/// Up to `limit` sessions, newest first, only `provider`'s when given.
pub fn list(home: &Path, provider: Option<&str>, limit: usize) -> Vec<Session> {
    let mut out = Vec::new();
    for path in files(home) {
        if out.len() >= limit {
            break;
        }
        if let Some(want) = provider {
            if provider_of(&path).as_deref() != Some(want) {
                continue;
            }
        }
        if let Some(s) = read(&path) {
            if provider.is_none_or(|p| p == s.provider) {
                out.push(s);
            }
        }
    }
    out
}

/// How many sessions each provider holds.
pub fn counts(home: &Path) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    for path in files(home) {
        if let Some(p) = provider_of(&path) {
            *out.entry(p).or_insert(0) += 1;
        }
    }
    out
}

/// How many of the newest sessions [`any`] looks through.
const RECENT: usize = 1000;

/// Whether `provider` has one of the 1,000 newest sessions. Bounded, because
/// `use` runs it and must stay instant even with years of sessions on disk.
pub fn any(home: &Path, provider: &str) -> bool {
    files(home).iter().take(RECENT).any(|p| provider_of(p).as_deref() == Some(provider))
}

/// A file's provider never changes, so it is read once per process.
static PROVIDERS: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);

/// The provider that made the session in `path`, from the head of its first line.
pub fn provider_of(path: &Path) -> Option<String> {
    if let Some(p) = PROVIDERS.lock().unwrap().as_ref().and_then(|m| m.get(path)) {
        return Some(p.clone());
    }
    let mut buf = vec![0u8; PROVIDER_BYTES];
    let n = fs::File::open(path).and_then(|mut f| read_up_to(&mut f, &mut buf)).ok()?;
    let head = String::from_utf8_lossy(&buf[..n]);
    let first = head.split('\n').next().unwrap_or("");
    let found = match string_after(first, "\"model_provider\":") {
        Some(p) if !p.is_empty() => p,
        // Not in the head (another key order, or none recorded): read it properly.
        _ => read(path)?.provider,
    };
    PROVIDERS.lock().unwrap().get_or_insert_with(HashMap::new).insert(path.to_owned(), found.clone());
    Some(found)
}

fn read_up_to(f: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The JSON string value following `key` in `text` (`"key":"value"` or `"key": "value"`).
fn string_after(text: &str, key: &str) -> Option<String> {
    let at = text.find(key)? + key.len();
    let rest = text[at..].trim_start();
    let mut de = serde_json::Deserializer::from_str(rest).into_iter::<String>();
    de.next()?.ok()
}

#[derive(Deserialize)]
struct Line {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    payload: serde_json::Value,
}

#[derive(Deserialize)]
struct Meta {
    id: String,
    #[serde(default)]
    timestamp: String,
    #[serde(default)]
    cwd: String,
    #[serde(default)]
    model_provider: Option<String>,
}

/// One session from the head of its rollout file; `None` when it is not one.
pub fn read(path: &Path) -> Option<Session> {
    let f = fs::File::open(path).ok()?;
    let mut lines = BufReader::new(f.take(HEAD_BYTES)).lines();
    let first: Line = serde_json::from_str(&lines.next()?.ok()?).ok()?;
    if first.kind != "session_meta" {
        return None;
    }
    let meta: Meta = serde_json::from_value(first.payload).ok()?;
    if !is_session_id(&meta.id) {
        return None;
    }
    // Sessions made before providers were recorded ran with Codex's default.
    let provider = meta.model_provider.filter(|p| !p.is_empty()).unwrap_or_else(|| "openai".into());
    let (mut title, mut model) = (None, None);
    for line in lines {
        let Ok(line) = line else { break };
        if title.is_none() {
            title = user_text(&line);
        }
        if model.is_none() {
            model = model_in(&line);
        }
        if title.is_some() && model.is_some() {
            break;
        }
    }
    let resume = resume_command(&meta.id, &provider, model.as_deref());
    let resume_line = shell_line(&resume);
    Some(Session { id: meta.id, provider, started: meta.timestamp, cwd: meta.cwd, title: one_line(&title.unwrap_or_default()), model, resume, resume_line })
}

/// The user's words, if `line` is a user message (not the context Codex adds itself).
fn user_text(line: &str) -> Option<String> {
    if !line.contains("\"user_message\"") && !(line.contains("\"role\":\"user\"") || line.contains("\"role\": \"user\"")) {
        return None;
    }
    let l: Line = serde_json::from_str(line).ok()?;
    let p = &l.payload;
    let text = match (l.kind.as_str(), p.get("type").and_then(|t| t.as_str())) {
        ("event_msg", Some("user_message")) => p.get("message")?.as_str()?.to_owned(),
        ("response_item", Some("message")) if p.get("role").and_then(|r| r.as_str()) == Some("user") => p
            .get("content")?
            .as_array()?
            .iter()
            .filter_map(|c| c.get("text").and_then(|t| t.as_str()))
            .collect::<Vec<_>>()
            .join(" "),
        _ => return None,
    };
    let trimmed = text.trim();
    // Codex's own context blocks (`<environment_context>`, `<user_instructions>`, …) are not the user's words.
    if trimmed.is_empty() || trimmed.starts_with('<') || trimmed.starts_with("# AGENTS.md") {
        return None;
    }
    Some(trimmed.to_owned())
}

/// The model named by a `turn_context` or `thread_settings_applied` record.
fn model_in(line: &str) -> Option<String> {
    if !line.contains("\"turn_context\"") && !line.contains("\"thread_settings_applied\"") {
        return None;
    }
    let l: Line = serde_json::from_str(line).ok()?;
    let p = &l.payload;
    let m = match l.kind.as_str() {
        "turn_context" => p.get("model"),
        _ => p.get("thread_settings").and_then(|s| s.get("model")),
    };
    m.and_then(|m| m.as_str()).filter(|m| !m.is_empty()).map(str::to_owned)
}

/// Session ids are UUIDs: letters, digits and `-` only, so they are safe in a command line.
fn is_session_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `text` on one line, control characters dropped, cut to [`TITLE_CHARS`].
pub fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean: String = flat.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > TITLE_CHARS {
        let cut: String = clean.chars().take(TITLE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        clean
    }
}

/// `codex -c model_provider="<provider>" [-c model="<model>"] resume <id>`: the
/// session's own provider (and model) for that one run. Put `exec` before
/// `resume` to resume it without the terminal interface.
pub fn resume_command(id: &str, provider: &str, model: Option<&str>) -> Vec<String> {
    let mut v = vec!["codex".to_owned(), "-c".into(), format!("model_provider={}", toml_string(provider))];
    if let Some(m) = model {
        v.push("-c".into());
        v.push(format!("model={}", toml_string(m)));
    }
    v.push("resume".into());
    v.push(id.to_owned());
    v
}

/// `s` as a TOML basic string, the form `codex -c key=value` parses.
fn toml_string(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_owned()
}

/// `argv` as one line a POSIX shell runs as the same argv.
pub fn shell_line(argv: &[String]) -> String {
    argv.iter()
        .map(|a| {
            if !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@".contains(c)) {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
