//! Whether Codex is signed in to OpenAI, for the built-in `openai` provider.
//!
//! Codex keeps its sign-in in `$CODEX_HOME/auth.json` (the file store) or in
//! the OS keychain under the service `Codex Auth` (account `cli|<hash of the
//! home>`). Only presence is checked: the file is not opened and the keychain
//! is searched by attributes, so the token itself is never read.

use std::collections::HashMap;
use std::path::Path;

use crate::locale::{self, Args, Language};
use crate::probe::{Diagnosis, Report};

/// Codex's keychain service name for its sign-in.
pub const KEYCHAIN_SERVICE: &str = "Codex Auth";

/// Where Codex's OpenAI sign-in was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    File,
    Keychain,
    None,
}

pub fn signed_in(home: &Path) -> SignIn {
    if home.join("auth.json").is_file() {
        return SignIn::File;
    }
    if in_keychain() { SignIn::Keychain } else { SignIn::None }
}

/// Whether the keychain holds an item of Codex's sign-in service (attributes only).
fn in_keychain() -> bool {
    if keyring::Entry::store_status().is_err() {
        return false;
    }
    let spec = HashMap::from([("service", KEYCHAIN_SERVICE)]);
    keyring_core::Entry::search(&spec).is_ok_and(|found| !found.is_empty())
}

/// The answer to "Test active provider" when it is `openai`: signed in or not.
pub fn report(home: &Path, lang: Language) -> Report {
    let w = |id: &str, args: Args| locale::text(lang, id, &args);
    let (ok, message, hint) = match signed_in(home) {
        SignIn::File => (true, w("test-openai-signed-in-file", Args::new().text("path", home.join("auth.json").display())), String::new()),
        SignIn::Keychain => (true, w("test-openai-signed-in-keychain", Args::new()), String::new()),
        SignIn::None => (false, w("test-openai-signed-out", Args::new()), w("test-openai-signed-out-hint", Args::new())),
    };
    Report {
        provider: "openai".into(),
        ok,
        diagnosis: if ok { Diagnosis::Ok } else { Diagnosis::MissingKey },
        message,
        hint,
        fix: String::new(),
        steps: Vec::new(),
        models: Vec::new(),
        ttfb_ms: None,
        offers_bridge: false,
        facts: None,
        model_info: None,
        path: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_json_means_signed_in_without_reading_it() {
        let tmp = tempfile::tempdir().unwrap();
        let auth = tmp.path().join("auth.json");
        std::fs::write(&auth, "{\"OPENAI_API_KEY\":\"sk-secret-never-read\"}").unwrap();
        // Unreadable: presence is enough, and the token is never opened.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&auth, std::fs::Permissions::from_mode(0o000)).unwrap();
        }
        let r = report(tmp.path(), Language::English);
        assert!(r.ok && r.diagnosis == Diagnosis::Ok, "{r:?}");
        assert!(!format!("{r:?}").contains("sk-secret"));
    }
}
