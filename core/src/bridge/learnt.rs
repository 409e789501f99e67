//! What the bridge learnt of each provider (`lesson`), kept across restarts in
//! `bridge-lessons.json` in Switchboard's state folder, by the provider's base
//! URL: `{"version": 1, "upstreams": {"https://api.mistral.ai/v1": ["no_stream_options"]}}`.
//! Every bridge on the machine shares the file: a lesson is merged into what the
//! file holds under a lock, and the file is replaced whole. Nothing in it is a
//! secret (a base URL and the names of fields). Bounded: at most `MAX_UPSTREAMS`
//! providers, and a file read of at most 1 MB.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use serde::{Deserialize, Serialize};

use super::dialect::Lesson;

/// The file's name in the state folder.
pub const FILE: &str = "bridge-lessons.json";
/// The most providers remembered; past it, a new one is not kept.
pub const MAX_UPSTREAMS: usize = 1000;
const MAX_BYTES: u64 = 1 << 20;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    #[serde(default)]
    upstreams: BTreeMap<String, Vec<Lesson>>,
}

/// The file in the state folder, if this user has one.
pub fn default_path() -> Option<PathBuf> {
    crate::places::state_dir().map(|d| d.join(FILE))
}

/// What the file says of every provider (nothing when it is missing or unreadable).
pub fn read(path: &Path) -> BTreeMap<String, Vec<Lesson>> {
    use std::io::Read;
    let Ok(f) = std::fs::File::open(path) else { return BTreeMap::new() };
    if !f.metadata().is_ok_and(|m| m.is_file()) {
        return BTreeMap::new();
    }
    let mut bytes = Vec::new();
    if f.take(MAX_BYTES).read_to_end(&mut bytes).is_err() {
        return BTreeMap::new();
    }
    serde_json::from_slice::<Stored>(&bytes).map(|s| s.upstreams).unwrap_or_default()
}

/// What the file says of `upstream`.
pub fn lessons_for(path: &Path, upstream: &str) -> Vec<Lesson> {
    read(path).remove(upstream).unwrap_or_default()
}

/// The bridge's copy of the file, read at start and kept in step with what it learns.
#[derive(Debug)]
pub struct Learnt {
    path: Option<PathBuf>,
    known: RwLock<BTreeMap<String, Vec<Lesson>>>,
}

impl Learnt {
    /// The lessons in `path` (none kept on disk when `path` is `None`).
    pub fn open(path: Option<PathBuf>) -> Learnt {
        let known = path.as_deref().map(read).unwrap_or_default();
        Learnt { path, known: RwLock::new(known) }
    }

    pub fn lessons(&self, upstream: &str) -> Vec<Lesson> {
        self.known.read().unwrap().get(upstream).cloned().unwrap_or_default()
    }

    /// Adds `lessons` for `upstream`, in memory and in the file (best effort: a file
    /// that cannot be written leaves the lessons for this bridge's life only).
    pub fn remember(&self, upstream: &str, lessons: &[Lesson]) {
        {
            let mut known = self.known.write().unwrap();
            if known.len() >= MAX_UPSTREAMS && !known.contains_key(upstream) {
                return;
            }
            merge(known.entry(upstream.to_owned()).or_default(), lessons);
        }
        if let Some(path) = &self.path {
            let _ = persist(path, upstream, lessons);
        }
    }
}

fn merge(into: &mut Vec<Lesson>, lessons: &[Lesson]) {
    into.extend_from_slice(lessons);
    into.sort();
    into.dedup();
}

fn persist(path: &Path, upstream: &str, lessons: &[Lesson]) -> std::io::Result<()> {
    let dir = crate::edit::atomic::parent(path).to_owned();
    std::fs::create_dir_all(&dir)?;
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(format!("{FILE}.lock")))?;
    lock.lock()?;
    let mut upstreams = read(path);
    if upstreams.len() >= MAX_UPSTREAMS && !upstreams.contains_key(upstream) {
        return Ok(());
    }
    merge(upstreams.entry(upstream.to_owned()).or_default(), lessons);
    let bytes = serde_json::to_vec_pretty(&Stored { version: 1, upstreams }).map_err(std::io::Error::other)?;
    crate::edit::atomic::stage(path, &bytes, Some(0o600), Path::new(FILE))
        .and_then(|s| s.replace(path))
        .map_err(|e| std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_are_kept_merged_and_shared_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join(FILE);
        let a = Learnt::open(Some(path.clone()));
        assert!(a.lessons("https://api.mistral.ai/v1").is_empty());
        a.remember("https://api.mistral.ai/v1", &[Lesson::NoStreamOptions]);
        // Another bridge learns something else of the same provider, and of another.
        let b = Learnt::open(Some(path.clone()));
        assert_eq!(b.lessons("https://api.mistral.ai/v1"), vec![Lesson::NoStreamOptions]);
        b.remember("https://api.mistral.ai/v1", &[Lesson::ShortToolIds, Lesson::NoStreamOptions]);
        b.remember("http://127.0.0.1:4000/v1", &[Lesson::NoParallelToolCalls]);
        a.remember("http://127.0.0.1:4000/v1", &[Lesson::AssistantAfterTool]);
        let all = read(&path);
        assert_eq!(all["https://api.mistral.ai/v1"], vec![Lesson::NoStreamOptions, Lesson::ShortToolIds]);
        assert_eq!(all["http://127.0.0.1:4000/v1"], vec![Lesson::NoParallelToolCalls, Lesson::AssistantAfterTool]);
        assert_eq!(lessons_for(&path, "https://nowhere.example/v1"), Vec::<Lesson>::new());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"no_stream_options\""), "{text}");
        // A broken file reads as nothing, and is replaced whole by the next lesson.
        std::fs::write(&path, "{not json").unwrap();
        assert!(read(&path).is_empty());
        Learnt::open(Some(path.clone())).remember("https://h/v1", &[Lesson::ShortToolIds]);
        assert_eq!(read(&path).len(), 1);
        // Memory only, when there is no file.
        let m = Learnt::open(None);
        m.remember("https://h/v1", &[Lesson::NoReasoningEffort]);
        assert_eq!(m.lessons("https://h/v1"), vec![Lesson::NoReasoningEffort]);
    }
}
