use super::*;
use crate::edit::toml::Want;
use std::cell::RefCell;

thread_local! {
    /// Runs between the final check and the swap: where another program's write is hardest to see.
    static BEFORE_SWAP: RefCell<Option<Box<dyn FnMut(&Path)>>> = RefCell::new(None);
}

pub(super) fn before_swap(target: &Path) {
    BEFORE_SWAP.with(|h| {
        if let Some(f) = h.borrow_mut().as_mut() {
            f(target)
        }
    });
}

fn in_the_window(f: impl FnMut(&Path) + 'static) {
    BEFORE_SWAP.with(|h| *h.borrow_mut() = Some(Box::new(f)));
}

fn set_model(doc: &mut ConfigDoc) -> Result<()> {
    doc.set_top_level("model", Some("m2")).map(|_| ())
}

#[test]
fn new_file_gets_0600_and_no_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    let w = f.update(set_model).unwrap();
    assert_eq!(w, Written { changed: true, backup: None });
    assert_eq!(fs::read_to_string(f.path()).unwrap(), "model = \"m2\"\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(f.path()).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[cfg(unix)]
#[test]
fn keeps_mode_and_symlink_and_backs_up() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dotfiles = tmp.path().join("dotfiles/codex");
    fs::create_dir_all(&dotfiles).unwrap();
    let real = dotfiles.join("config.toml");
    fs::write(&real, "model = \"m1\"\n").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let home = tmp.path().join("home");
    fs::create_dir(&home).unwrap();
    std::os::unix::fs::symlink("../dotfiles/codex/config.toml", home.join("config.toml")).unwrap();
    let f = TomlFile::config(&home);
    let w = f.update(set_model).unwrap();
    assert!(w.changed);
    assert!(fs::symlink_metadata(home.join("config.toml")).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), "model = \"m2\"\n");
    assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
    let b = f.backups().unwrap();
    assert_eq!(b.read(&w.backup.unwrap()).unwrap(), b"model = \"m1\"\n");
    let leftovers: Vec<_> = fs::read_dir(&dotfiles).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn an_edit_made_meanwhile_is_kept_and_ours_reapplied() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m1\"\n").unwrap();
    let mut runs = 0;
    let w = f
        .update(|doc| {
            runs += 1;
            if runs == 1 {
                // Another editor saves while our first attempt is in flight.
                fs::write(tmp.path().join("config.toml"), "# theirs\nmodel = \"m1\"\n[tui]\nx = 1\n").unwrap();
            }
            doc.upsert_provider("p", &[("name".into(), Want::Set("P".into()))])?;
            Ok(())
        })
        .unwrap();
    assert!(w.changed);
    assert_eq!(runs, 2);
    let text = fs::read_to_string(f.path()).unwrap();
    assert!(text.starts_with("# theirs\nmodel = \"m1\"\n[tui]\nx = 1\n"), "{text}");
    assert!(text.contains("[model_providers.p]"), "{text}");
}

#[test]
fn no_change_means_no_write_and_no_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m2\"\n").unwrap();
    assert_eq!(f.update(set_model).unwrap(), Written::default());
    assert!(f.backups().unwrap().list().unwrap().is_empty());
}

#[test]
fn refuses_non_utf8_and_huge_files_without_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    let bad = b"model = \"a\"\n\xff\xfe = 1\n".to_vec();
    fs::write(f.path(), &bad).unwrap();
    let e = f.update(set_model).unwrap_err();
    assert_eq!(e.code(), "invalid_toml");
    assert!(e.to_string().contains("line 2"), "{e}");
    assert_eq!(fs::read(f.path()).unwrap(), bad);
    let huge = vec![b'#'; MAX_BYTES as usize + 1];
    fs::write(f.path(), &huge).unwrap();
    assert_eq!(f.update(set_model).unwrap_err().code(), "invalid_input");
    assert_eq!(fs::read(f.path()).unwrap().len(), huge.len());
}

#[test]
fn a_refusal_takes_no_lock_and_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m1\"\n").unwrap();
    let e = f.update(|_| Err(Error::input("reason-detail", crate::locale::Args::new().text("detail", "no")))).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("config.toml")], "no lock, no backups folder");
}

#[cfg(unix)]
#[test]
fn backups_folder_is_private_from_the_start() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m1\"\n").unwrap();
    f.update(set_model).unwrap();
    let dir = f.backups().unwrap().dir().to_owned();
    assert_eq!(fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
    assert_eq!(fs::metadata(dir.join(".lock")).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn a_stale_temporary_file_is_swept_by_the_next_write() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m1\"\n").unwrap();
    let debris = tmp.path().join(".config.toml.zzzzzz.sbtmp");
    fs::write(&debris, "half").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options().write(true).open(&debris).unwrap().set_modified(old).unwrap();
    f.update(set_model).unwrap();
    assert!(!debris.exists());
}

#[test]
fn one_backup_per_commit_of_an_edit_that_runs_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m1\"\n").unwrap();
    let lock = f.lock().unwrap();
    let w = f
        .update_locked(&lock, |doc| {
            doc.set_top_levels(&[("model", Some("m2")), ("model_provider", Some("p"))])?;
            Ok(())
        })
        .unwrap();
    assert!(w.changed);
    assert_eq!(f.backups().unwrap().list().unwrap().len(), 1);
}

#[test]
fn a_write_that_lands_between_the_final_check_and_the_swap_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let f = TomlFile::config(tmp.path());
    fs::write(f.path(), "model = \"m1\"\n").unwrap();
    let mut fired = 0;
    in_the_window(move |target| {
        fired += 1;
        if fired == 1 {
            // Another editor saves atomically in the last microseconds before our swap.
            let other = target.with_file_name("other.tmp");
            fs::write(&other, "# theirs\nmodel = \"m1\"\n[tui]\nx = 1\n").unwrap();
            fs::rename(&other, target).unwrap();
        }
    });
    let w = f.update(set_model).unwrap();
    in_the_window(|_| {});
    assert!(w.changed);
    let text = fs::read_to_string(f.path()).unwrap();
    if text.contains("# theirs") {
        assert_eq!(text, "# theirs\nmodel = \"m2\"\n[tui]\nx = 1\n", "their write kept, ours re-applied on it");
        let b = f.backups().unwrap();
        let list = b.list().unwrap();
        assert_eq!(list.len(), 1, "one backup: of the version we replaced, {list:?}");
        assert_eq!(b.read(&list[0].name).unwrap(), b"# theirs\nmodel = \"m1\"\n[tui]\nx = 1\n");
    } else {
        panic!("their write was undone: {text}");
    }
    let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".sbtmp")), "{names:?}");
}
