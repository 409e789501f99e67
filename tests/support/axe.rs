//! axe-core 4 (tests/node_modules/axe-core) run inside the real app's page, and the
//! window's own words as the locale files write them, for the app tests to look for.

use std::path::Path;

use crate::webdriver::Session;

/// Each look a screen is checked in: (theme, window language, the system's locale).
pub const LOOKS: [(&str, &str, &str); 8] = [
    ("light", "en", "en_US.UTF-8"),
    ("dark", "en", "en_US.UTF-8"),
    ("light", "zh-CN", "zh_CN.UTF-8"),
    ("dark", "zh-CN", "zh_CN.UTF-8"),
    ("light", "zh-TW", "zh_TW.UTF-8"),
    ("dark", "zh-TW", "zh_TW.UTF-8"),
    ("dark", "ja", "ja_JP.UTF-8"),
    ("light", "ja", "ja_JP.UTF-8"),
];

/// axe-core's script, to inject into the page.
pub fn source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (scripts/test installs tests/package.json)", path.display()))
}

/// The violations axe finds on the page as it is now, one line per node.
pub fn audit(s: &Session, axe: &str, screen: &str) -> Vec<String> {
    if s.script("return typeof window.axe") != "object" {
        s.script(&format!("{axe}\nreturn true"));
    }
    let found = s.script_async(
        "const done = arguments[arguments.length - 1]; \
         axe.run(document, { resultTypes: ['violations'] }).then( \
           (r) => done(r.violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')}: ${n.failureSummary.replace(/\\s+/g, ' ')}`))), \
           (e) => done(['axe failed: ' + e]));",
    );
    found.as_array().unwrap_or_else(|| panic!("{screen}: axe answered {found}")).iter().map(|v| format!("{screen}: {}", v.as_str().unwrap_or_default())).collect()
}

/// A one-line message of `locales/<lang>/window.ftl`, as written (placeables left in).
pub fn message(lang: &str, id: &str) -> String {
    message_in(lang, "window", id)
}

/// A one-line message of `locales/<lang>/<file>.ftl`, as written.
pub fn message_in(lang: &str, file: &str, id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../locales/{lang}/{file}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{id} = ");
    text.lines().find_map(|l| l.strip_prefix(&prefix)).unwrap_or_else(|| panic!("{id} is not a one-line message of {}", path.display())).to_owned()
}
