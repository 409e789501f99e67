//! Typed errors. Every variant renders as one plain sentence (`Display`, in
//! English; `message` in another language, from `locales/*/core.ftl`) and carries a
//! concrete next step, worded for the CLI (`hint`) and for the window (`fix_in`).
//! No variant ever holds a secret.

use std::path::PathBuf;

use crate::locale::{self, Args, Language, Words};
use crate::provider::field::Field;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    CodexHomeMissing(PathBuf),
    NoHomeDir,
    InvalidToml { path: PathBuf, line: usize, column: usize, reason: String },
    /// `found` and `expected` are message ids (`type-*`).
    WrongType { key: String, found: &'static str, expected: &'static str },
    /// `form` is a message id (`layout-*`).
    UnsupportedLayout { id: String, form: &'static str },
    ReservedId(String),
    InvalidId(String),
    DuplicateId(String),
    UnknownProvider(String),
    BuiltIn(String),
    /// `what` and `reason` are message ids (`url-*`).
    InvalidUrl { what: &'static str, url: String, reason: &'static str },
    WireApi(String),
    UnknownPreset(String),
    MissingInput { preset: &'static str, field: Field },
    /// A value of one input is unusable; `reason` is the whole sentence.
    InvalidField { field: Field, reason: Words },
    InvalidInput(Words),
    /// A message id (`part-*`): what could not be changed.
    Unspliceable(&'static str),
    ActiveProvider(String),
    HasSessions { id: String, count: u32 },
    EmptyKey,
    NoKey(String),
    NoSecretService,
    Keychain(Words),
    ConcurrentEdit,
    UnknownBackup(String),
    /// `kind` is a message id (`kind-*`).
    NotAFile { path: PathBuf, kind: &'static str },
    TooLarge { path: PathBuf, limit_mb: u64 },
    DiskFull { path: PathBuf },
    BadBackup { name: String, why: Words },
    BadShare(Words),
    ShareVersion(u64),
    ShareHasKey(String),
    ShareRunsCommand { id: String, command: String },
    IdTaken { id: String, free: String },
    NothingToSecure(Option<String>),
    UnmovableKey { id: String, field: String },
    ConflictingKeys(String),
    EnvUnset { id: String, var: String },
    CcSwitchMissing(PathBuf),
    CcSwitchVersion { path: PathBuf, version: i64, min: i64, max: i64 },
    CcSwitchRead { path: PathBuf, reason: Words },
    /// `action` is a message id (`io-*`).
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
}

impl Error {
    /// The sentence in `lang` (`Display` is the English one).
    pub fn message(&self, lang: Language) -> String {
        let (id, args) = self.words();
        locale::text(lang, id, &args)
    }

    /// A concrete next step, in one line, as the CLI words it (commands and flags).
    pub fn hint(&self) -> String {
        self.hint_in(Language::English)
    }

    pub fn hint_in(&self, lang: Language) -> String {
        let (id, args) = self.words();
        locale::text(lang, &format!("{}-hint", id.trim_end_matches("-one")), &args)
    }

    /// The next step as the window words it (its buttons and fields), where that
    /// differs from the CLI's; else the CLI's.
    pub fn fix_in(&self, lang: Language) -> String {
        let (id, args) = self.words();
        let id = id.trim_end_matches("-one");
        locale::catalog::text_preferring(lang, &format!("{id}-fix"), &format!("{id}-hint"), &args)
    }

    /// The sentence as core decided it, to be worded in any language later.
    pub fn as_words(&self) -> Words {
        let (id, args) = self.words();
        Words::new(id, args)
    }

    /// The message's id in `locales/*/core.ftl` and its arguments (the parts
    /// core keeps as words of their own are worded in the same language).
    fn words(&self) -> (&'static str, Args) {
        let a = Args::new();
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            Error::CodexHomeMissing(p) => ("error-codex-home-missing", a.text("path", path(p))),
            Error::NoHomeDir => ("error-no-home-dir", a),
            Error::InvalidToml { path: p, line, column, reason } => {
                ("error-invalid-toml", a.text("path", path(p)).text("line", line).text("column", column).text("reason", reason))
            }
            Error::WrongType { key, found, expected } => ("error-wrong-type", a.text("key", key).message("found", found).message("expected", expected)),
            Error::UnsupportedLayout { id, form } => ("error-unsupported-layout", a.text("id", id).message("form", form)),
            Error::ReservedId(id) => ("error-reserved-id", a.text("id", id)),
            Error::InvalidId(id) => ("error-invalid-id", a.text("id", id)),
            Error::DuplicateId(id) => ("error-duplicate-id", a.text("id", id)),
            Error::UnknownProvider(id) => ("error-unknown-provider", a.text("id", id)),
            Error::BuiltIn(id) => ("error-built-in", a.text("id", id)),
            Error::InvalidUrl { what, url, reason } => ("error-invalid-url", a.text("url", url).message("what", what).message("reason", reason)),
            Error::WireApi(v) => ("error-wire-api", a.text("value", v)),
            Error::UnknownPreset(p) => ("error-unknown-preset", a.text("preset", p)),
            Error::MissingInput { preset, field } => ("error-missing-input", a.text("preset", preset).text("flag", field.flag())),
            Error::InvalidField { reason, .. } => ("error-invalid-field", a.words("reason", reason.clone())),
            Error::InvalidInput(reason) => ("error-invalid-input", a.words("reason", reason.clone())),
            Error::Unspliceable(part) => ("error-unspliceable", a.message("key", part)),
            Error::ActiveProvider(id) => ("error-active-provider", a.text("id", id)),
            Error::HasSessions { id, count } => ("error-has-sessions", a.text("id", id).number("count", *count)),
            Error::EmptyKey => ("error-empty-key", a),
            Error::NoKey(id) => ("error-no-key", a.text("id", id)),
            Error::NoSecretService => ("error-no-secret-service", a),
            Error::Keychain(reason) => ("error-keychain", a.words("reason", reason.clone())),
            Error::ConcurrentEdit => ("error-concurrent-edit", a),
            Error::UnknownBackup(name) => ("error-unknown-backup", a.text("name", name)),
            Error::NotAFile { path: p, kind } => ("error-not-a-file", a.text("path", path(p)).message("kind", kind)),
            Error::TooLarge { path: p, limit_mb } => ("error-too-large", a.text("path", path(p)).text("limit", limit_mb)),
            Error::DiskFull { path: p } => ("error-disk-full", a.text("path", path(p))),
            Error::BadBackup { name, why } => ("error-bad-backup", a.text("name", name).words("why", why.clone())),
            Error::BadShare(reason) => ("error-bad-share", a.words("reason", reason.clone())),
            Error::ShareVersion(v) => ("error-share-version", a.text("version", v)),
            Error::ShareHasKey(field) => ("error-share-has-key", a.text("field", field)),
            Error::ShareRunsCommand { id, command } => ("error-share-runs-command", a.text("id", id).text("command", command)),
            Error::IdTaken { id, free } => ("error-id-taken", a.text("id", id).text("free", free)),
            Error::NothingToSecure(Some(id)) => ("error-nothing-to-secure-one", a.text("id", id)),
            Error::NothingToSecure(None) => ("error-nothing-to-secure", a),
            Error::UnmovableKey { id, field } => ("error-unmovable-key", a.text("field", field).text("id", id)),
            Error::ConflictingKeys(id) => ("error-conflicting-keys", a.text("id", id)),
            Error::EnvUnset { id, var } => ("error-env-unset", a.text("id", id).text("var", var)),
            Error::CcSwitchMissing(p) => ("error-cc-switch-missing", a.text("path", path(p))),
            Error::CcSwitchVersion { path: p, version, min, max } => {
                ("error-cc-switch-version", a.text("path", path(p)).text("version", version).text("min", min).text("max", max))
            }
            Error::CcSwitchRead { path: p, reason } => ("error-cc-switch-read", a.text("path", path(p)).words("reason", reason.clone())),
            Error::Io { action, path: p, source } => ("error-io", a.message("action", action).text("path", path(p)).text("reason", source)),
        }
    }

    /// A short machine-readable code for scripts and the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::CodexHomeMissing(_) | Error::NoHomeDir => "codex_home",
            Error::InvalidToml { .. } => "invalid_toml",
            Error::WrongType { .. } => "wrong_type",
            Error::UnsupportedLayout { .. } => "unsupported_layout",
            Error::ReservedId(_) => "reserved_id",
            Error::InvalidId(_) => "invalid_id",
            Error::DuplicateId(_) => "duplicate_id",
            Error::UnknownProvider(_) => "unknown_provider",
            Error::BuiltIn(_) => "built_in",
            Error::InvalidUrl { .. } => "invalid_url",
            Error::WireApi(_) => "wire_api",
            Error::UnknownPreset(_) => "unknown_preset",
            Error::MissingInput { .. } | Error::InvalidInput(_) | Error::InvalidField { .. } => "invalid_input",
            Error::Unspliceable(_) => "unsupported_layout",
            Error::ActiveProvider(_) => "active_provider",
            Error::HasSessions { .. } => "has_sessions",
            Error::EmptyKey => "empty_key",
            Error::NoKey(_) => "missing_key",
            Error::NoSecretService => "no_secret_service",
            Error::Keychain(_) => "keychain",
            Error::ConcurrentEdit => "concurrent_edit",
            Error::UnknownBackup(_) => "unknown_backup",
            Error::NotAFile { .. } => "not_a_file",
            Error::TooLarge { .. } => "invalid_input",
            Error::DiskFull { .. } => "disk_full",
            Error::BadBackup { .. } => "bad_backup",
            Error::Io { .. } => "io",
            Error::BadShare(_) => "bad_share",
            Error::ShareVersion(_) => "share_version",
            Error::ShareHasKey(_) => "share_has_key",
            Error::ShareRunsCommand { .. } => "share_runs_command",
            Error::IdTaken { .. } => "duplicate_id",
            Error::NothingToSecure(_) => "nothing_to_secure",
            Error::UnmovableKey { .. } => "unmovable_key",
            Error::ConflictingKeys(_) => "conflicting_keys",
            Error::EnvUnset { .. } => "env_unset",
            Error::CcSwitchMissing(_) => "cc_switch_missing",
            Error::CcSwitchVersion { .. } => "cc_switch_version",
            Error::CcSwitchRead { .. } => "cc_switch_read",
        }
    }

    /// The input this error is about, if it is about one.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::MissingInput { field, .. } | Error::InvalidField { field, .. } => Some(*field),
            Error::InvalidId(_) | Error::ReservedId(_) | Error::DuplicateId(_) | Error::IdTaken { .. } => Some(Field::Id),
            Error::ShareHasKey(_) => Some(Field::Key),
            Error::ShareRunsCommand { .. } => Some(Field::TokenCommand),
            Error::InvalidUrl { .. } => Some(Field::BaseUrl),
            Error::EmptyKey | Error::EnvUnset { .. } => Some(Field::Key),
            _ => None,
        }
    }

    /// The input `field` is unusable, for the reason `id` (a `reason-*` message) says.
    pub fn invalid(field: Field, id: &'static str, args: Args) -> Error {
        Error::InvalidField { field, reason: Words::new(id, args) }
    }

    /// The input is unusable, for the reason `id` (a `reason-*` message) says.
    pub fn input(id: &'static str, args: Args) -> Error {
        Error::InvalidInput(Words::new(id, args))
    }

    /// `action` is a message id (`io-*`): what could not be done to `path`.
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| {
            if is_disk_full(&source) { Error::DiskFull { path } } else { Error::Io { action, path, source } }
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// No space (or quota) left on the device.
fn is_disk_full(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(e.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded) || {
        #[cfg(unix)]
        {
            matches!(e.raw_os_error(), Some(28))
        }
        #[cfg(not(unix))]
        {
            false
        }
    }
}
