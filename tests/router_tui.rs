//! Codex's own TUI through Switchboard's router, driven in tmux and read off its
//! screen: `/model` lists every provider's models and a pick sends the next turn to
//! that provider, with its own model id; a session on Switchboard's choice follows a
//! switch made with the CLI or the tray while it runs; a session started on one
//! provider's model stays there. Three stand-ins on 127.0.0.1 (two Responses APIs,
//! one Chat Completions only, reached through the router's translation), each with
//! its own key in the real keychain. The screens end up in docs/screenshots/tui/.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_e2e::chat::{ChatServer, Script};
use switchboard_e2e::tmux::{self, Tui};
use switchboard_e2e::*;

/// One stand-in provider as Switchboard knows it.
struct Provider {
    id: String,
    /// What the screens call it, and the id a saved screen shows instead of `id`.
    name: &'static str,
    stable: &'static str,
    model: &'static str,
    key: String,
}

impl Provider {
    /// The row `/model` shows for its model.
    fn row(&self) -> String {
        format!("{} · {}", self.model, self.name)
    }

    /// The model Codex names when it asks for this provider's model.
    fn slug(&self) -> String {
        format!("{}/{}", self.id, self.model)
    }
}

/// A Codex home with three providers added through Switchboard and `a` in use.
struct Three {
    home: Home,
    a: (Provider, ResponsesServer),
    b: (Provider, ResponsesServer),
    c: (Provider, ChatServer),
}

fn provider(stable: &'static str, name: &'static str, model: &'static str) -> Provider {
    let id = unique_id(stable);
    Provider { key: format!("{stable}-key-{}", id.replace('-', "")), id, name, stable, model }
}

fn add(home: &Home, p: &Provider, url: &str, api: &str) {
    home.sb(&["add", "custom", "--id", &p.id, "--name", p.name, "--base-url", url, "--model", p.model, "--api", api, "--key-stdin"], Some(&format!("{}\n", p.key))).ok();
}

impl Three {
    fn new() -> Three {
        let home = Home::new();
        let a = provider("alpha", "Alpha", "alpha-large");
        let b = provider("beta", "Beta", "beta-coder");
        let c = provider("gamma", "Gamma", "gamma-chat");
        let (sa, sb) = (ResponsesServer::start_with_key("/v1", Some(&a.key)), ResponsesServer::start_with_key("/v1", Some(&b.key)));
        let sc = ChatServer::start("/v1", Script::Slow { chunks: 2, gap: Duration::ZERO });
        add(&home, &a, &sa.base_url(), "responses");
        add(&home, &b, &sb.base_url(), "responses");
        add(&home, &c, &sc.base_url(), "chat");
        home.sb(&["use", &a.id], None).ok();
        assert!(home.config_text().contains("model = \"switchboard/current\""), "{}", home.config_text());
        Three { home, a: (a, sa), b: (b, sb), c: (c, sc) }
    }

    /// Each stand-in's requests whose body holds `marker`: (provider, model asked for, Authorization).
    fn reached(&self, marker: &str) -> Vec<(&'static str, String, String)> {
        let mut out = Vec::new();
        let model = |body: &str| serde_json::from_str::<Value>(body).ok().and_then(|v| v["model"].as_str().map(str::to_owned)).unwrap_or_default();
        let mut take = |p: &Provider, seen: Vec<Seen>| {
            for s in seen.into_iter().filter(|s| s.method == "POST" && s.body.contains(marker)) {
                out.push((p.stable, model(&s.body), s.header("authorization").unwrap_or("").to_owned()));
            }
        };
        take(&self.a.0, self.a.1.seen());
        take(&self.b.0, self.b.1.seen());
        take(&self.c.0, self.c.1.seen().into_iter().filter(|s| s.path().ends_with("/chat/completions")).collect());
        out
    }

    /// Sends `prompt` in `tui` and asserts that its turn reached `p`'s stand-in alone,
    /// asking for `p`'s own model id with `p`'s key. Returns the screen.
    #[track_caller]
    fn turn_reaches(&self, tui: &Tui, prompt: &str, p: &Provider) -> String {
        let screen = tui.turn(prompt);
        let reached = self.reached(prompt);
        assert!(!reached.is_empty(), "{prompt:?} reached no stand-in; the screen:\n{screen}");
        for (who, model, auth) in &reached {
            assert_eq!(
                (*who, model.as_str()),
                (p.stable, p.model),
                "{prompt:?} should reach {} asking for {} (the `<id>/` prefix gone); every request that carried it: {reached:?}\nthe screen:\n{screen}",
                p.stable,
                p.model
            );
            assert_eq!(auth, &format!("Bearer {}", p.key), "{prompt:?} reached {who} without its key");
        }
        assert!(!screen.contains("■"), "an error on the screen:\n{screen}");
        screen
    }

    /// The ids a saved screen shows as the stable names.
    fn stable(&self) -> Vec<(&str, &str)> {
        vec![(self.a.0.id.as_str(), self.a.0.stable), (self.b.0.id.as_str(), self.b.0.stable), (self.c.0.id.as_str(), self.c.0.stable)]
    }
}

impl Drop for Three {
    fn drop(&mut self) {
        for id in [&self.a.0.id, &self.b.0.id, &self.c.0.id] {
            let _ = self.home.sb(&["remove", id, "--force"], None);
        }
    }
}

#[test]
fn the_model_picker_lists_every_providers_models_and_a_pick_reaches_that_provider() {
    let t = Three::new();
    let (a, b, c) = (&t.a.0, &t.b.0, &t.c.0);
    let tui = Tui::start(&t.home, &["--strict-config"]);
    tui.wait_text("Switchboard's choice");

    let picker = tui.pick_model(&b.row());
    for p in [a, b, c] {
        assert!(picker.contains(&p.row()), "/model lacks {}:\n{picker}", p.row());
    }
    assert!(picker.contains("Switchboard's choice (current)"), "{picker}");
    assert!(picker.contains(&format!("{} on {}, through Switchboard", c.model, c.name)), "{picker}");
    let stable = t.stable();
    tmux::save_text("01-model-picker", &picker, &stable);
    tui.wait_text(&format!("Model changed to {}", b.slug()));

    // The pick (another provider's model, spoken to directly) takes the next turn there.
    t.turn_reaches(&tui, "first turn after picking Beta, reply OK", b);
    assert!(t.a.1.responses_posts().is_empty(), "the current provider was reached: {:?}", t.a.1.responses_posts());

    // A chat-only provider's model: translated by the router, its own id upstream.
    tui.pick_model(&c.row());
    tui.wait_text(&format!("Model changed to {}", c.slug()));
    let screen = t.turn_reaches(&tui, "second turn after picking Gamma, reply OK", c);
    assert!(screen.contains("part 0 part 1"), "Gamma's answer on the screen:\n{screen}");
    assert!(t.a.1.responses_posts().is_empty(), "the current provider was reached");
    tui.save("02-after-picks", &stable);
}

#[test]
fn a_session_on_switchboards_choice_follows_use_and_the_tray_while_it_runs() {
    let t = Three::new();
    let (a, b, c) = (&t.a.0, &t.b.0, &t.c.0);
    let tui = Tui::start(&t.home, &["--strict-config"]);
    t.turn_reaches(&tui, "turn one on the default model, reply OK", a);

    // `switchboard use` while the TUI runs: its next turn goes to Beta.
    t.home.sb(&["use", &b.id], None).ok();
    assert_eq!(t.home.using().as_deref(), Some(b.id.as_str()));
    t.turn_reaches(&tui, "turn two after switchboard use beta, reply OK", b);

    // The tray (its own process, clicked as a tray host does over D-Bus) switches to Gamma.
    let tray = Tray::start(&t.home);
    tray_click_label(&format!("({})", c.id));
    let start = Instant::now();
    while t.home.using().as_deref() != Some(c.id.as_str()) {
        assert!(start.elapsed() < tmux::DEADLINE, "the tray did not switch to {}: {:?}", c.id, t.home.using());
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = t.turn_reaches(&tui, "turn three after the tray chose gamma, reply OK", c);
    assert!(screen.contains("part 0 part 1"), "Gamma's answer on the screen:\n{screen}");
    drop(tray);
    tui.save("03-follows-use-and-tray", &t.stable());
}

#[test]
fn a_session_started_on_one_providers_model_stays_there_after_a_switch() {
    let t = Three::new();
    let (a, b) = (&t.a.0, &t.b.0);
    let tui = Tui::start(&t.home, &["--strict-config", "-m", &a.slug()]);
    let screen = tui.wait_text(&a.row());
    assert!(!screen.contains("Switchboard's choice"), "the footer names the pinned model:\n{screen}");
    t.turn_reaches(&tui, "pinned turn one, reply OK", a);
    t.home.sb(&["use", &b.id], None).ok();
    t.turn_reaches(&tui, "pinned turn two after switchboard use beta, reply OK", a);
    assert!(t.b.1.responses_posts().is_empty(), "Beta was reached: {:?}", t.b.1.responses_posts());
    tui.save("04-pinned-stays", &t.stable());
}

/// The rows of an open `/model` picker as it shows them (its first page): each row's
/// name, without the selection mark, its number and its description.
fn picker_rows(screen: &str) -> Vec<String> {
    let (_, picker) = screen.rsplit_once("Select Model and Effort").unwrap_or(("", ""));
    picker
        .lines()
        .take_while(|l| !l.contains("enter select"))
        // Not a description's second line, far to the right.
        .filter(|l| l.len() - l.trim_start().len() < 10)
        .map(|l| l.trim_start().trim_start_matches('›').trim_start())
        .filter(|l| !l.is_empty() && !l.starts_with(['↑', '↓']))
        .map(|l| l.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches('.').trim_start())
        .map(|l| l.split("  ").next().unwrap_or(l).to_owned())
        .collect()
}

#[test]
fn the_model_picker_offers_only_models_the_router_serves() {
    let t = Three::new();
    let tui = Tui::start(&t.home, &["--strict-config"]);
    tui.type_line("/model");
    let picker = tui.wait("the /model picker", |s| tmux::picker_selection(s).map(|_| s.to_owned()));
    let ours: Vec<String> = [&t.a.0, &t.b.0, &t.c.0].iter().map(|p| p.row()).collect();
    let rows = picker_rows(&picker);
    assert!(rows.len() >= 4, "{rows:?}\n{picker}");
    let foreign: Vec<&String> = rows.iter().filter(|r| !r.starts_with("Switchboard's choice") && !ours.iter().any(|o| r.starts_with(o.as_str()))).collect();
    assert!(foreign.is_empty(), "/model offers models no provider of Switchboard's serves: {foreign:?}\n{picker}");
}

#[test]
fn a_running_session_does_not_name_the_provider_it_left() {
    let t = Three::new();
    let (a, b) = (&t.a.0, &t.b.0);
    let tui = Tui::start(&t.home, &["--strict-config"]);
    t.turn_reaches(&tui, "before the switch, reply OK", a);
    t.home.sb(&["use", &b.id], None).ok();
    t.turn_reaches(&tui, "after the switch, reply OK", b);
    tui.type_line("/status");
    let status = tui.wait_text("Model provider:");
    let model = status.lines().rfind(|l| l.trim_start().starts_with("Model:")).unwrap_or("").to_owned();
    assert!(!model.contains(&a.row()), "/status names the provider left behind while turns go to {}: {model}\n{status}", b.name);
}

/// The tray process for a home, ended on drop.
struct Tray {
    child: std::process::Child,
    _guard: TrayGuard,
    _config: tempfile::TempDir,
}

impl Tray {
    fn start(home: &Home) -> Tray {
        assert!(std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(), "run on a D-Bus session (scripts/test does)");
        let app = std::env::var_os("SWITCHBOARD_APP").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target/debug/switchboard-app"));
        let bin = app.with_file_name("switchboard-tray");
        assert!(bin.is_file(), "{} is missing: cargo build --workspace --bins", bin.display());
        let config = tempfile::tempdir().unwrap();
        let child = Command::new(bin)
            .envs(home.app_env())
            .env("XDG_CONFIG_HOME", config.path().join("config"))
            .env("XDG_STATE_HOME", config.path().join("state"))
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let guard = TrayGuard(home.runtime());
        Tray { child, _guard: guard, _config: config }
    }
}

impl Drop for Tray {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
