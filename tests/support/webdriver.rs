//! A small WebDriver client for driving the real app through tauri-driver
//! (which fronts WebKitWebDriver from Debian's webkit2gtk-driver).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};


/// `tauri-driver` on a free port; killed on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Driver {
    /// Starts tauri-driver; the app it launches inherits `envs`.
    pub fn start(envs: &[(&str, &std::ffi::OsStr)]) -> Driver {
        let bin = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new(bin);
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Ok(native_driver) = std::env::var("WEBKIT_WEBDRIVER") {
            cmd.args(["--native-driver", &native_driver]);
        }
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("start tauri-driver (scripts/test installs it)");
        let d = Driver { child, port };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "tauri-driver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        d
    }

    /// Opens the app at `application` in a new session.
    pub fn session(&self, application: &Path) -> Session {
        self.session_with_args(application, &[])
    }

    /// Opens the app with command-line arguments (a link or a file, as the desktop passes them).
    pub fn session_with_args(&self, application: &Path, args: &[&str]) -> Session {
        let base = format!("http://127.0.0.1:{}", self.port);
        let caps = json!({"capabilities": {"alwaysMatch": {"tauri:options": {"application": application, "args": args}}}});
        // The previous test's window process may still be exiting; until it has, a new
        // launch is handed to it (single instance) and the session fails. Try again briefly.
        let url = format!("{base}/session");
        let start = Instant::now();
        let v = loop {
            match agent().post(&url).send_json(&caps) {
                Ok(mut r) => {
                    let v = r.body_mut().read_json::<Value>().unwrap_or(Value::Null);
                    if v["value"]["sessionId"].is_string() || start.elapsed() > Duration::from_secs(15) {
                        break v;
                    }
                }
                Err(e) if start.elapsed() > Duration::from_secs(15) => panic!("POST {url}: {e}"),
                Err(_) => {}
            }
            std::thread::sleep(Duration::from_millis(500));
        };
        let id = v["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {v}")).to_owned();
        Session { base: format!("{base}/session/{id}") }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(60))).build().into()
}

fn post(url: &str, body: &Value) -> Value {
    let mut r = agent().post(url).send_json(body).unwrap_or_else(|e| panic!("POST {url}: {e}"));
    r.body_mut().read_json::<Value>().unwrap_or(Value::Null)
}

fn get(url: &str) -> Value {
    let mut r = agent().get(url).call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    r.body_mut().read_json::<Value>().unwrap_or(Value::Null)
}

pub struct Session {
    base: String,
}

#[derive(Clone)]
pub struct Element {
    base: String,
    /// The key the driver names element references with.
    key: String,
    id: String,
}

impl Session {
    /// Finds the first element matching `css`, waiting up to `wait`.
    pub fn find_within(&self, css: &str, wait: Duration) -> Option<Element> {
        let start = Instant::now();
        loop {
            let v = post(&format!("{}/element", self.base), &json!({"using": "css selector", "value": css}));
            // The W3C key, element-6066-…, as the driver spells it.
            let found = v["value"].as_object().and_then(|o| o.iter().find(|(k, _)| k.starts_with("element-6066")));
            if let Some((key, id)) = found.and_then(|(k, id)| Some((k, id.as_str()?))) {
                return Some(Element { base: self.base.clone(), key: key.clone(), id: id.to_owned() });
            }
            if start.elapsed() > wait {
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    #[track_caller]
    pub fn find(&self, css: &str) -> Element {
        self.find_within(css, Duration::from_secs(15)).unwrap_or_else(|| panic!("no element {css}\npage text: {}", self.text("body")))
    }

    pub fn exists(&self, css: &str) -> bool {
        self.find_within(css, Duration::ZERO).is_some()
    }

    pub fn text(&self, css: &str) -> String {
        self.find_within(css, Duration::from_secs(2)).map(|e| e.text()).unwrap_or_default()
    }

    /// Waits until the text of `css` contains `needle`; returns the text.
    #[track_caller]
    pub fn wait_text(&self, css: &str, needle: &str, wait: Duration) -> String {
        let start = Instant::now();
        loop {
            let t = self.text(css);
            if t.contains(needle) {
                return t;
            }
            assert!(start.elapsed() < wait, "`{css}` never showed {needle:?}; it shows: {t}");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn script(&self, js: &str) -> Value {
        post(&format!("{}/execute/sync", self.base), &json!({"script": js, "args": []}))["value"].clone()
    }

    /// A script that answers by calling its last argument.
    pub fn script_async(&self, js: &str) -> Value {
        post(&format!("{}/execute/async", self.base), &json!({"script": js, "args": []}))["value"].clone()
    }

    /// Saves a PNG of the window, taken from the X display as a person would see it
    /// (WebKitWebDriver's own screenshot hangs when WebKit's compositing is off, as the app sets).
    pub fn screenshot(&self, path: &Path) {
        let rect = get(&format!("{}/window/rect", self.base))["value"].clone();
        let (w, h) = (rect["width"].as_u64().unwrap_or(1000), rect["height"].as_u64().unwrap_or(720));
        let (x, y) = (rect["x"].as_i64().unwrap_or(0), rect["y"].as_i64().unwrap_or(0));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::thread::sleep(Duration::from_millis(300));
        let st = Command::new("import")
            .args(["-silent", "-window", "root", "-crop", &format!("{w}x{h}+{x}+{y}"), "+repage"])
            .arg(path)
            .status()
            .expect("ImageMagick's import (scripts/test installs it)");
        assert!(st.success(), "screenshot failed");
    }

    pub fn set_size(&self, width: u32, height: u32) {
        post(&format!("{}/window/rect", self.base), &json!({"width": width, "height": height}));
    }

    pub fn close(self) {
        let _ = agent().delete(&self.base).call();
    }
}

impl Element {
    #[track_caller]
    pub fn click(&self) -> &Self {
        let url = format!("{}/element/{}/click", self.base, self.id);
        let mut v = post(&url, &json!({}));
        if v["value"]["error"] == "element not interactable" {
            // WebKitWebDriver scrolls the window, not the page's own scrolling
            // area: a person scrolls the button into view first, and so do we.
            let el = json!({ &self.key: self.id });
            post(&format!("{}/execute/sync", self.base), &json!({"script": "arguments[0].scrollIntoView({block: 'center'})", "args": [el]}));
            v = post(&url, &json!({}));
        }
        assert!(v["value"].get("error").is_none(), "click failed: {v}");
        self
    }

    pub fn clear(&self) -> &Self {
        post(&format!("{}/element/{}/clear", self.base, self.id), &json!({}));
        self
    }

    #[track_caller]
    pub fn type_text(&self, text: &str) -> &Self {
        let v = post(&format!("{}/element/{}/value", self.base, self.id), &json!({"text": text}));
        assert!(v["value"].get("error").is_none(), "typing failed: {v}");
        self
    }

    pub fn text(&self) -> String {
        get(&format!("{}/element/{}/text", self.base, self.id))["value"].as_str().unwrap_or_default().to_owned()
    }

    pub fn attr(&self, name: &str) -> Option<String> {
        get(&format!("{}/element/{}/attribute/{name}", self.base, self.id))["value"].as_str().map(str::to_owned)
    }
}

/// The desktop app under test: `$SWITCHBOARD_APP`, else the debug build.
pub fn app_bin() -> PathBuf {
    let p = std::env::var_os("SWITCHBOARD_APP").map(PathBuf::from).unwrap_or_else(|| crate::repo_root().join("target/debug/switchboard-app"));
    assert!(p.is_file(), "{} is missing: scripts/test builds it", p.display());
    p
}

/// Where screenshots go: `$SB_SCREENSHOTS`, else target/screenshots.
pub fn shots_dir() -> PathBuf {
    std::env::var_os("SB_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| crate::repo_root().join("target/screenshots"))
}

/// Where the header and footer are, measured in the page.
pub fn page_layout(s: &Session) -> Value {
    s.script(
        "const h = document.querySelector('header.top'), f = document.querySelector('footer'), n = document.querySelector('.now'); \
         const line = parseFloat(getComputedStyle(n).lineHeight) || 20; \
         return { header: h.getBoundingClientRect().height, nowLines: Math.round(n.getBoundingClientRect().height / line), \
                  ellipsised: n.scrollWidth > n.clientWidth, footerBottom: f.getBoundingClientRect().bottom, \
                  footerTop: f.getBoundingClientRect().top, footerWidth: f.scrollWidth - f.clientWidth, height: window.innerHeight, \
                  width: document.documentElement.scrollWidth - window.innerWidth }",
    )
}

/// A screenshot of the X display named `name`.png in [`shots_dir`].
pub fn shot(s: &Session, name: &str) {
    s.screenshot(&shots_dir().join(format!("{name}.png")));
}

/// How long the app tests wait for the window to follow.
pub const T: Duration = Duration::from_secs(15);

/// Polls `f` every 200 ms for up to [`T`].
#[track_caller]
pub fn wait_for<R>(mut f: impl FnMut() -> Option<R>) -> R {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < T, "timed out waiting");
        std::thread::sleep(Duration::from_millis(200));
    }
}
