//! The two promises under attack, measured from outside with real processes:
//! racing `switchboard` processes on the same provider, an outside writer, kill -9
//! at random points, a full disk, a FIFO and a device as config.toml, hostile ids
//! and names. Each test asserts the figure it must reach and prints what it saw.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;
use switchboard_e2e::{Home, bin, keychain_has, run_with_timeout, unique_id};

/// A small deterministic generator, so a failing run can be repeated with its seed.
struct Rng(u64);

impl Rng {
    fn seeded() -> Self {
        let seed = std::env::var("SB_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64
        });
        eprintln!("seed {seed} (set SB_SEED to repeat)");
        Rng(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn spawn(home: &Home, args: &[&str], stdin: Option<&str>) -> Child {
    let mut cmd = Command::new(bin());
    cmd.arg("--codex-home").arg(home.path()).args(args);
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() }).stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    child
}

fn wait_ok(child: Child, what: &str) {
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{what} failed: {}", String::from_utf8_lossy(&out.stderr));
}

fn listing(home: &Home) -> Value {
    serde_json::from_str(&home.sb(&["list", "--json"], None).ok().stdout).unwrap()
}

fn entry<'a>(list: &'a Value, id: &str) -> &'a Value {
    list["providers"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap_or_else(|| panic!("no {id}: {list}"))
}

fn add_keyless(home: &Home, id: &str, model: &str) {
    home.sb(&["add", "custom", "--id", id, "--base-url", "http://127.0.0.1:9/v1", "--model", model, "--no-key"], None).ok();
}

/// Every file under `dir` whose name says it is one of our temporary files.
fn debris(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if e.file_type().unwrap().is_dir() {
            out.extend(debris(&p));
        } else if p.file_name().unwrap().to_string_lossy().ends_with(".sbtmp") {
            out.push(p);
        }
    }
    out
}

fn backups_dir(home: &Home) -> PathBuf {
    home.path().join("switchboard-backups")
}

/// (name, bytes) of every backup.
fn backups(home: &Home) -> Vec<(String, Vec<u8>)> {
    let Ok(rd) = std::fs::read_dir(backups_dir(home)) else { return Vec::new() };
    rd.flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| n.starts_with("config-") && n.ends_with(".toml"))
        .map(|n| (n.clone(), std::fs::read(backups_dir(home).join(&n)).unwrap()))
        .collect()
}

#[test]
fn parallel_edits_of_different_fields_of_one_provider_all_survive() {
    let home = Home::new();
    add_keyless(&home, "p", "m0");
    let rounds = 20;
    let mut lost = 0;
    for i in 0..rounds {
        let name = format!("Name {i}");
        let model = format!("model-{i}");
        let a = spawn(&home, &["edit", "p", "--name", &name], None);
        let b = spawn(&home, &["edit", "p", "--model", &model], None);
        wait_ok(a, "edit --name");
        wait_ok(b, "edit --model");
        let l = listing(&home);
        let p = entry(&l, "p");
        lost += usize::from(p["name"] != name.as_str()) + usize::from(p["model"] != model.as_str());
    }
    eprintln!("parallel edits: {lost} of {} field updates lost", rounds * 2);
    assert_eq!(lost, 0);
}

#[test]
fn edit_beside_use_never_pairs_one_provider_with_another_model() {
    let home = Home::new();
    add_keyless(&home, "p0", "model-p0");
    add_keyless(&home, "p1", "model-p1");
    let rounds = 20;
    let mut mispaired = 0;
    for i in 0..rounds {
        home.sb(&["use", "p1"], None).ok();
        let m = format!("model-p1-{i}");
        let a = spawn(&home, &["edit", "p1", "--model", &m], None);
        let b = spawn(&home, &["use", "p0"], None);
        wait_ok(a, "edit");
        wait_ok(b, "use");
        let l = listing(&home);
        assert_eq!(l["active"], "p0");
        if l["model"] != "model-p0" {
            mispaired += 1;
        }
        assert_eq!(entry(&l, "p1")["model"], m.as_str(), "the edit itself is kept");
    }
    eprintln!("edit beside use: {mispaired} of {rounds} rounds end with p0 and another provider's model");
    assert_eq!(mispaired, 0);
}

#[test]
fn an_outside_atomic_writer_is_never_undone() {
    let home = Home::new();
    add_keyless(&home, "p0", "m0");
    add_keyless(&home, "p1", "m1");
    let text = home.config_text();
    home.write_config(format!("# writer 0\n{text}").as_bytes());
    let config = home.config();
    let stop = Arc::new(AtomicBool::new(false));
    let undone = Arc::new(AtomicUsize::new(0));
    let writes = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (stop, undone, writes, config) = (stop.clone(), undone.clone(), writes.clone(), config.clone());
        std::thread::spawn(move || {
            let mut rng = Rng::seeded();
            let tmp = config.with_file_name("outside-editor.tmp");
            let mut n = 0u64;
            while !stop.load(Ordering::SeqCst) {
                // Another program's atomic save: read, change its own line, write a temp file, rename.
                let text = std::fs::read_to_string(&config).unwrap();
                let line = text.lines().find(|l| l.starts_with("# writer ")).expect("the writer's line survives").to_owned();
                n += 1;
                std::fs::write(&tmp, text.replacen(&line, &format!("# writer {n}"), 1)).unwrap();
                std::fs::rename(&tmp, &config).unwrap();
                writes.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(rng.below(50)));
                let now = std::fs::read_to_string(&config).unwrap();
                if !now.lines().any(|l| l == format!("# writer {n}")) {
                    undone.fetch_add(1, Ordering::SeqCst);
                }
            }
        })
    };
    let start = Instant::now();
    let (mut uses, mut gave_up) = (0, 0);
    while start.elapsed() < Duration::from_secs(10) {
        let id = if uses % 2 == 0 { "p1" } else { "p0" };
        let r = home.sb(&["use", id], None);
        assert!(r.code == Some(0) || r.stderr.contains("kept changing"), "{r:?}");
        gave_up += usize::from(r.code != Some(0));
        uses += 1;
    }
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    let (undone, writes) = (undone.load(Ordering::SeqCst), writes.load(Ordering::SeqCst));
    eprintln!(
        "outside writer: {undone} of {writes} atomic writes undone beside {uses} `use` runs over 10 s \
         ({gave_up} gave up with \"kept changing\")"
    );
    assert!(writes > 100 && uses > 50, "the race really ran: {writes} writes, {uses} uses");
    assert_eq!(undone, 0);
    assert!(debris(home.path()).is_empty());
}

/// One operation a kill -9 interrupts, with the state it must leave: before or after.
struct Op {
    args: Vec<String>,
    stdin: Option<String>,
    /// The provider id whose key the op may store.
    key_id: Option<String>,
}

/// The kinds of operation the kill -9 test interrupts (see `ops` in it).
const KINDS: usize = 4;

#[test]
fn kill_9_at_random_points_leaves_before_or_after_and_no_debris() {
    let mut rng = Rng::seeded();
    let base = Home::new();
    add_keyless(&base, "p0", "m0");
    add_keyless(&base, "p1", "m1");
    // A keychain provider whose key an edit replaces (the keychain is shared by every run).
    let kk = unique_id("kk");
    let (old_key, new_key) = (format!("sk-old-{kk}"), format!("sk-new-{kk}"));
    base.sb(&["add", "custom", "--id", &kk, "--base-url", "http://127.0.0.1:9/v1", "--model", "mk", "--key-stdin"], Some(&old_key)).ok();
    base.sb(&["use", "p0"], None).ok();
    let before = base.read_config();
    let kk_profile = format!("{kk}.config.toml");
    let profiles = ["p0.config.toml", "p1.config.toml", kk_profile.as_str()].map(|f| (f, std::fs::read(base.path().join(f)).unwrap()));
    let fresh = || {
        let h = Home::new();
        h.write_config(&before);
        for (f, b) in &profiles {
            std::fs::write(h.path().join(f), b).unwrap();
        }
        h
    };
    let ops = |i: usize| -> Op {
        match i % KINDS {
            0 => Op { args: vec!["use".into(), "p1".into()], stdin: None, key_id: None },
            3 => Op { args: vec!["edit".into(), kk.clone(), "--name".into(), "Renamed K".into(), "--key-stdin".into()], stdin: Some(new_key.clone()), key_id: None },
            1 => Op { args: ["edit", "p0", "--name", "Renamed", "--model", "m9"].map(String::from).to_vec(), stdin: None, key_id: None },
            _ => {
                let id = unique_id("kill");
                Op {
                    args: ["add", "custom", "--id", &id, "--base-url", "http://127.0.0.1:9/v1", "--model", "mk", "--key-stdin"]
                        .map(String::from)
                        .to_vec(),
                    stdin: Some(format!("sk-kill-{id}")),
                    key_id: Some(id),
                }
            }
        }
    };
    // The "after" of each kind, and how long each takes when not interrupted.
    let mut afters = Vec::new();
    let mut profile_afters = Vec::new();
    let mut durations = Vec::new();
    for i in 0..KINDS {
        let h = fresh();
        base.sb(&["key", "set", &kk], Some(&old_key)).ok();
        let op = ops(i);
        let args: Vec<&str> = op.args.iter().map(String::as_str).collect();
        let t = Instant::now();
        wait_ok(spawn(&h, &args, op.stdin.as_deref()), "uninterrupted op");
        durations.push(t.elapsed());
        profile_afters.push(std::fs::read(h.path().join("p0.config.toml")).unwrap());
        let after = h.read_config();
        afters.push(match &op.key_id {
            Some(id) => String::from_utf8(after).unwrap().replace(id.as_str(), "<ID>").into_bytes(),
            None => after,
        });
        if let Some(id) = &op.key_id {
            h.sb(&["remove", id], None).ok();
        }
    }
    let runs = 30 * KINDS;
    let (mut corrupt, mut half, mut left_debris, mut orphan_keys, mut bad_backups) = (0, 0, 0, 0, 0);
    let mut outcomes = [0usize; 2];
    let mut homes = Vec::new();
    for run in 0..runs {
        let h = fresh();
        base.sb(&["key", "set", &kk], Some(&old_key)).ok();
        let kind = run % KINDS;
        let op = ops(run);
        let args: Vec<&str> = op.args.iter().map(String::as_str).collect();
        let child = spawn(&h, &args, op.stdin.as_deref());
        let window = 2 * durations[kind].as_micros() as u64 + 5_000;
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let pid = child.id();
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        let _ = child.wait_with_output();
        let now = h.read_config();
        let normalised = match &op.key_id {
            Some(id) => String::from_utf8_lossy(&now).replace(id.as_str(), "<ID>").into_bytes(),
            None => now.clone(),
        };
        if now == before {
            outcomes[0] += 1;
        } else if normalised == afters[kind] {
            outcomes[1] += 1;
        } else if !parses(&now) {
            corrupt += 1;
        } else {
            half += 1;
        }
        left_debris += debris(h.path()).len();
        for (name, bytes) in backups(&h) {
            if bytes != before {
                bad_backups += 1;
                eprintln!("backup {name} is not the before state");
            }
        }
        // The next run finishes or undoes what the killed one left: p0's profile (its
        // remembered model) then agrees with config.toml.
        h.sb(&["list"], None).ok();
        let profile = std::fs::read(h.path().join("p0.config.toml")).unwrap();
        let settled = h.read_config();
        if (settled == before && profile != profiles[0].1) || (settled != before && kind == 1 && profile != profile_afters[1]) {
            half += 1;
            eprintln!("run {run}: p0's profile is not the one of config.toml's state");
        }
        // The replaced key is the one of config.toml's state, and no staged key is left.
        if kind == 3 {
            let token = h.sb(&["token", &kk], None).ok().stdout.trim().to_owned();
            if token != *if settled == before { &old_key } else { &new_key } {
                half += 1;
                eprintln!("run {run}: the key is not the one of config.toml's state");
            }
            if keychain_has(&format!("{kk} (pending)")) {
                orphan_keys += 1;
                eprintln!("run {run}: a staged key was left");
            }
        }
        if let Some(id) = &op.key_id {
            let has_table = String::from_utf8_lossy(&h.read_config()).contains(&format!("[model_providers.{id}]"));
            let has_key = h.sb(&["token", id], None).code == Some(0);
            if has_key != has_table {
                orphan_keys += 1;
                eprintln!("run {run}: table {has_table}, key {has_key}");
            }
            if has_table {
                assert!(h.path().join(format!("{id}.config.toml")).is_file(), "the profile is finished by recovery");
            }
            let _ = h.sb(&["remove", id, "--force"], None);
            let _ = h.sb(&["key", "delete", id], None);
        }
        homes.push(h);
    }
    eprintln!(
        "kill -9 (use, edit --name --model, add --key-stdin, edit --name --key-stdin): {runs} runs, {} before and {} after; {corrupt} corrupt, {half} half-applied, {bad_backups} bad backups, \
         {orphan_keys} orphan keys; {left_debris} temporary files left by the kills",
        outcomes[0], outcomes[1]
    );
    assert_eq!((corrupt, half, bad_backups, orphan_keys), (0, 0, 0, 0));
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "kills landed both before and after the commit: {outcomes:?}");
    // The next run sweeps what a crash left once it is a minute old.
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let mut swept = 0;
    for h in &homes {
        let left = debris(h.path());
        if left.is_empty() {
            continue;
        }
        for p in &left {
            std::fs::File::options().write(true).open(p).unwrap().set_modified(hour_ago).unwrap();
        }
        h.sb(&["use", "openai"], None).ok();
        h.sb(&["use", "p1"], None).ok();
        assert!(debris(h.path()).is_empty(), "swept: {:?}", debris(h.path()));
        swept += left.len();
    }
    eprintln!("kill -9: {swept} stale temporary files removed by the next run");
    base.sb(&["key", "delete", &kk], None).ok();
}

/// Whether the real `switchboard list` can read `bytes` as a config.
fn parses(bytes: &[u8]) -> bool {
    let h = Home::new();
    h.write_config(bytes);
    h.sb(&["list"], None).code == Some(0)
}

#[test]
fn a_fifo_or_a_device_as_config_is_refused_at_once() {
    for kind in ["fifo", "dev-zero", "dev-null-dir"] {
        let home = Home::new();
        match kind {
            "fifo" => assert!(Command::new("mkfifo").arg(home.config()).status().unwrap().success()),
            "dev-zero" => std::os::unix::fs::symlink("/dev/zero", home.config()).unwrap(),
            _ => std::os::unix::fs::symlink("/dev/null", home.config()).unwrap(),
        }
        for args in [vec!["list"], vec!["use", "openai"], vec!["doctor", "--timeout", "1"]] {
            let mut cmd = Command::new(bin());
            cmd.arg("--codex-home").arg(home.path()).args(&args);
            let t = Instant::now();
            let r = run_with_timeout(cmd, Duration::from_secs(10));
            assert_eq!(r.code, Some(1), "{kind} {args:?}: {r:?}");
            assert!(r.all().contains("not a regular file"), "{kind}: {}", r.all());
            assert!(t.elapsed() < Duration::from_secs(3), "{kind} {args:?} took {:?}", t.elapsed());
        }
        assert!(!backups_dir(&home).exists(), "{kind}: no lock, no backups folder");
    }
}

#[test]
fn ids_names_and_header_names_are_checked_before_anything_is_written() {
    let home = Home::new();
    home.write_config(b"# mine\n");
    let long = "a".repeat(250);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--id", &long], "not a valid provider id"),
        (vec!["--id", "ok", "--name", "Evil\u{1b}[31mName"], "control character"),
        (vec!["--id", "ok", "--header", "X;A=1"], "not a valid header name"),
        (vec!["--id", "ok", "--header", "Bad Name=1"], "not a valid header name"),
        (vec!["--id", "ok", "--env-header", "X(A)=VAR"], "not a valid env header name"),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["add", "custom", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"];
        args.extend(extra);
        home.sb(&args, None).fails(1, needle);
        assert_eq!(home.read_config(), b"# mine\n");
        let names: Vec<_> = std::fs::read_dir(home.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "nothing else written: {names:?}");
    }
    // A name that arrived by hand is shown escaped, never as a raw escape sequence.
    home.write_config(b"[model_providers.hand]\nname = \"Evil\\u001b[31mRed\"\nbase_url = \"http://127.0.0.1:9/v1\"\n");
    let out = home.sb(&["list"], None).ok().stdout.clone();
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("Evil\\u{1b}[31mRed"), "{out}");
}

#[test]
fn a_refused_use_creates_nothing_and_the_backups_folder_is_private() {
    let home = Home::new();
    home.write_config(b"model = \"m\"\n");
    home.sb(&["use", "nope"], None).fails(1, "no provider");
    assert!(!backups_dir(&home).exists(), "a refusal takes no lock");
    add_keyless(&home, "p", "m1");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(backups_dir(&home)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn restore_refuses_an_empty_or_broken_backup() {
    let home = Home::new();
    add_keyless(&home, "p", "m1");
    home.sb(&["use", "p"], None).ok();
    let now = home.read_config();
    for (name, body) in [("config-20260101-000000-001.toml", ""), ("config-20260101-000000-002.toml", "[model_providers.p\nname = ")] {
        std::fs::write(backups_dir(&home).join(name), body).unwrap();
        home.sb(&["restore", name], None).fails(1, "cannot be restored");
        assert_eq!(home.read_config(), now);
    }
}

/// A tmpfs of `kib` KiB mounted for the test; `None` (with a message) where mounting is not allowed.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u32) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k,mode=0700"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root); the disk-full test did not run");
            return None;
        }
        Some(SmallDisk { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_is_named_and_leaves_no_empty_backup() {
    let Some(disk) = SmallDisk::mount(4096) else { return };
    let home = disk.dir.path();
    let sb = |args: &[&str]| {
        let mut cmd = Command::new(bin());
        cmd.arg("--codex-home").arg(home).args(args);
        switchboard_e2e::run(cmd, None)
    };
    assert_eq!(sb(&["add", "custom", "--id", "p", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--no-key"]).code, Some(0));
    for i in 0..6 {
        let r = sb(&["use", if i % 2 == 0 { "p" } else { "openai" }]);
        assert_eq!(r.code, Some(0), "{r:?}");
    }
    let good: Vec<_> = std::fs::read_dir(home.join("switchboard-backups")).unwrap().flatten().map(|e| e.file_name()).collect();
    let config = std::fs::read(home.join("config.toml")).unwrap();
    // Fill the disk to the last byte.
    let filler = home.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    use std::io::Write;
    while f.write_all(&chunk).is_ok() {}
    while f.write_all(&chunk[..1]).is_ok() {}
    drop(f);
    let r = sb(&["use", "p"]);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("disk is full"), "{}", r.stderr);
    assert!(r.stderr.contains("Free some disk space"), "{}", r.stderr);
    assert!(!r.stderr.contains(".sbtmp"), "names the real file, not a temporary one: {}", r.stderr);
    assert_eq!(std::fs::read(home.join("config.toml")).unwrap(), config);
    let after: Vec<_> = std::fs::read_dir(home.join("switchboard-backups")).unwrap().flatten().collect();
    for e in &after {
        let name = e.file_name().into_string().unwrap();
        assert!(!name.ends_with(".sbtmp"), "no debris: {name}");
        if name.starts_with("config-") {
            assert!(e.metadata().unwrap().len() > 0, "no empty backup: {name}");
        }
    }
    assert!(good.iter().all(|g| home.join("switchboard-backups").join(g).exists()), "every good backup kept");
    // An add whose model Codex does not know needs the catalog file rewritten
    // first (issue 17): a full disk stops it there, with nothing changed.
    let catalog = std::fs::read(home.join("switchboard-models.json")).unwrap();
    let r = sb(&["add", "custom", "--id", "q", "--base-url", "http://127.0.0.1:9/v1", "--model", "m2", "--no-key"]);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("disk is full") && r.stderr.contains("nothing was changed"), "{}", r.stderr);
    assert_eq!(std::fs::read(home.join("config.toml")).unwrap(), config);
    assert_eq!(std::fs::read(home.join("switchboard-models.json")).unwrap(), catalog);
    assert!(!home.join("q.config.toml").exists(), "no profile for a provider that was not added");
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(sb(&["use", "p"]).code, Some(0));
}
