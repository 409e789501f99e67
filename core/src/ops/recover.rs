//! Finishing or undoing what a crash interrupted, under the lock, before an
//! operation decides anything: each intent record (`pending`) left behind is
//! judged by whether its provider's table exists, the one fact config.toml's
//! atomic commit makes true or false.

use std::path::Path;
use std::time::Duration;

use crate::edit::atomic;
use crate::edit::file::TomlFile;
use crate::edit::lock::Lock;
use crate::edit::pending::{self, Pending};
use crate::provider::table::{Auth, active_provider, read_entry};
use crate::provider::{profile, secret};

/// Finishes or undoes the side effects of operations a crash interrupted in the
/// Codex home `home` whose config.toml is `config`: a key stored for a provider
/// whose table never got written is deleted; a profile the operation meant to
/// write is written; a `secure` is finished or undone.
pub(crate) fn run(home: &Path, config: &TomlFile, lock: &Lock) {
    let lock_dir = config.backups().expect("config has backups").dir();
    // Temporary files a crash left in our own folder (an intent record or a
    // scrubbed backup being written), once they are stale.
    atomic::sweep(lock_dir);
    for (path, rec) in pending::all(lock, lock_dir) {
        let done = match &rec {
            Some(p) if !p.secure_files.is_empty() => secure(home, config, lock, p),
            Some(p) => provider(home, config, lock, p),
            None => true,
        };
        if done {
            let _ = pending::remove(&path);
        }
    }
}

/// An add, edit or remove: whether the record is done with.
fn provider(home: &Path, config: &TomlFile, lock: &Lock, p: &Pending) -> bool {
    let Ok(doc) = config.load() else { return false };
    let Ok(entry) = read_entry(&doc, &p.id) else { return false };
    if let Some(entry) = entry {
        // An edit's commit happened if the table and the active model are the edit's.
        let committed = p.edited_table.as_ref().is_none_or(|d| {
            *d == pending::digest(&entry.to_spec())
                && (p.model_if_present.is_none()
                    || active_provider(&doc).ok().as_deref() != Some(p.id.as_str())
                    || doc.top_level_str("model").ok().flatten() == p.model_if_present)
        });
        if !committed {
            !p.staged_key || secret::drop_staged(&p.id).is_ok()
        } else {
            let key = !p.staged_key || secret::promote_staged(&p.id).is_ok();
            key && p.model_if_present.as_deref().is_none_or(|m| profile::write(lock, home, &p.id, m).is_ok())
        }
    } else {
        let key = !p.drop_key_if_absent || secret::delete(&p.id).is_ok();
        let file = !p.drop_profile_if_absent || profile::remove(home, &p.id).is_ok();
        let staged = !p.staged_key || secret::drop_staged(&p.id).is_ok();
        key && file && staged
    }
}

/// A `secure`: when one of its files uses the keychain for the provider, the
/// key is in use (keep it, scrub our backups of it); otherwise the commit never
/// happened (delete the key if this operation stored the first one).
fn secure(home: &Path, config: &TomlFile, lock: &Lock, p: &Pending) -> bool {
    // A kill just after a swap leaves the displaced file (with the plain-text
    // key) under a temporary name: under the lock, all of ours are debris now.
    let mut dirs = vec![home.to_owned()];
    for name in &p.secure_files {
        if let Ok(real) = std::fs::canonicalize(home.join(name)) {
            dirs.push(atomic::parent(&real).to_owned());
        }
    }
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        atomic::sweep_older_than(&dir, Duration::ZERO);
    }
    let lock_dir = config.backups().expect("config has backups").dir();
    let in_use = p.secure_files.iter().any(|name| {
        let file = TomlFile::plain(home.join(name), lock_dir.to_owned());
        file.load().ok().and_then(|doc| read_entry(&doc, &p.id).ok().flatten()).is_some_and(|e| e.auth == Auth::Keychain)
    });
    if in_use {
        match secret::get(&p.id) {
            Ok(Some(k)) => config.backups().expect("config has backups").scrub(lock, k.expose()).is_ok(),
            Ok(None) => true,
            Err(_) => false,
        }
    } else {
        !p.drop_key_if_absent || secret::delete(&p.id).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use crate::edit::pending::{Pending, any, digest};
    use crate::ops::switchboard::Switchboard;
    use crate::provider::build::Inputs;
    use crate::provider::table::read_entry;

    /// A Codex home with one active keyless provider `p0` (model m0), and the bytes of its profile.
    fn home() -> (tempfile::TempDir, Switchboard, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let sb = Switchboard::new(dir.path().to_owned(), "switchboard".into());
        sb.add("ollama", &Inputs { id: Some("p0".into()), model: Some("m0".into()), ..Default::default() }, None).unwrap();
        sb.use_provider("p0", None).unwrap();
        let profile = fs::read(crate::provider::profile::path(dir.path(), "p0")).unwrap();
        (dir, sb, profile)
    }

    fn leave_record(sb: &Switchboard, spec: &crate::provider::table::ProviderSpec) {
        let lock = sb.config_file().lock().unwrap();
        let rec = Pending { id: "p0".into(), model_if_present: Some("m9".into()), edited_table: Some(digest(spec)), ..Default::default() };
        let _left_behind = rec.save(&lock, sb.lock_dir()).unwrap();
    }

    #[test]
    fn an_edit_killed_between_its_commit_and_the_profile_is_finished_and_one_killed_before_is_not() {
        // Killed after the commit: config.toml has the edit, the profile does not yet.
        let (dir, sb, before) = home();
        let edit = Inputs { name: Some("Renamed".into()), model: Some("m9".into()), ..Default::default() };
        sb.edit("p0", &edit, None).unwrap();
        fs::write(crate::provider::profile::path(dir.path(), "p0"), &before).unwrap();
        let spec = read_entry(&sb.config_file().load().unwrap(), "p0").unwrap().unwrap().to_spec();
        leave_record(&sb, &spec);
        sb.recover_if_needed().unwrap();
        assert_eq!(crate::provider::profile::model(dir.path(), "p0").unwrap().as_deref(), Some("m9"));
        assert!(!any(sb.lock_dir()));

        // Killed before the commit: neither config.toml nor the profile has the edit, and
        // recovery keeps it that way.
        let (dir, sb, before) = home();
        let config = fs::read(dir.path().join("config.toml")).unwrap();
        let mut spec = read_entry(&sb.config_file().load().unwrap(), "p0").unwrap().unwrap().to_spec();
        spec.name = "Renamed".into();
        leave_record(&sb, &spec);
        sb.recover_if_needed().unwrap();
        assert_eq!(fs::read(crate::provider::profile::path(dir.path(), "p0")).unwrap(), before);
        assert_eq!(fs::read(dir.path().join("config.toml")).unwrap(), config);
        assert!(!any(sb.lock_dir()));
    }
}
