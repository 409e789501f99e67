//! Typed errors. Every variant renders as one plain sentence (`Display`) and
//! carries a concrete hint (`Error::hint`). No variant ever holds a secret.

use std::path::PathBuf;

use crate::provider::field::Field;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("CODEX_HOME is set to {0}, but that directory does not exist.")]
    CodexHomeMissing(PathBuf),
    #[error("Could not find your home directory.")]
    NoHomeDir,
    #[error("{path} is not valid TOML (line {line}, column {column}): {reason}.")]
    InvalidToml { path: PathBuf, line: usize, column: usize, reason: String },
    #[error("`{key}` in config.toml is {found}, but Codex expects {expected}.")]
    WrongType { key: String, found: &'static str, expected: &'static str },
    #[error("The provider `{id}` is written in a form Switchboard does not edit ({form}).")]
    UnsupportedLayout { id: String, form: &'static str },
    #[error("`{0}` is reserved for a provider built into Codex.")]
    ReservedId(String),
    #[error("`{0}` is not a valid provider id.")]
    InvalidId(String),
    #[error("A provider with the id `{0}` already exists.")]
    DuplicateId(String),
    #[error("There is no provider with the id `{0}`.")]
    UnknownProvider(String),
    #[error("`{0}` is built into Codex and cannot be changed or removed.")]
    BuiltIn(String),
    #[error("`{url}` is not a usable {what}: {reason}.")]
    InvalidUrl { what: &'static str, url: String, reason: &'static str },
    #[error("wire_api `{0}` is not supported; Codex only speaks the Responses API.")]
    WireApi(String),
    #[error("There is no preset called `{0}`.")]
    UnknownPreset(String),
    #[error("The {preset} preset needs {}.", field.flag())]
    MissingInput { preset: &'static str, field: Field },
    /// A value of one input is unusable; `reason` is the whole sentence.
    #[error("{reason}")]
    InvalidField { field: Field, reason: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error("Switchboard could not change {0} in config.toml without disturbing the rest of the file.")]
    Unspliceable(&'static str),
    #[error("`{0}` is the active provider.")]
    ActiveProvider(String),
    #[error("{}", if *.count == 1 { format!("`{id}` holds 1 saved Codex session, which Codex could no longer resume once the provider is gone.", id = .id) } else { format!("`{id}` holds {count} saved Codex sessions, which Codex could no longer resume once the provider is gone.", id = .id, count = .count) })]
    HasSessions { id: String, count: u32 },
    #[error("The key is empty.")]
    EmptyKey,
    #[error("No key is stored for `{0}` in the system keychain.")]
    NoKey(String),
    #[error("No Secret Service is running, so the system keychain cannot be reached.")]
    NoSecretService,
    #[error("The system keychain refused the request: {0}.")]
    Keychain(String),
    #[error("config.toml kept changing while Switchboard tried to save it.")]
    ConcurrentEdit,
    #[error("There is no backup called `{0}`.")]
    UnknownBackup(String),
    #[error("{path} is {kind}, not a regular file.")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path} is larger than {limit_mb} MB, far larger than any Codex config; Switchboard will not edit it.")]
    TooLarge { path: PathBuf, limit_mb: u64 },
    #[error("The disk is full: there is no space left to save {path}.")]
    DiskFull { path: PathBuf },
    #[error("The backup `{name}` is {why}, so it cannot be restored.")]
    BadBackup { name: String, why: String },
    #[error("This share cannot be read: {0}.")]
    BadShare(String),
    #[error("This share is in format version {0}, and this Switchboard reads version 1.")]
    ShareVersion(u64),
    #[error("This share carries a secret (`{0}`), and Switchboard never takes a key from a link or a file.")]
    ShareHasKey(String),
    #[error("`{id}` would make Codex run a program named by whoever sent the share: {command}")]
    ShareRunsCommand { id: String, command: String },
    #[error("A different provider with the id `{id}` already exists.")]
    IdTaken { id: String, free: String },
    #[error("{}", match .0 { Some(id) => format!("`{id}` keeps no key in plain text or in an environment variable."), None => "No provider keeps a key in plain text or in an environment variable.".into() })]
    NothingToSecure(Option<String>),
    #[error("The key in {field} of `{id}` cannot be moved: Codex sends a key from the keychain only as `Authorization: Bearer`.")]
    UnmovableKey { id: String, field: String },
    #[error("`{0}` holds two different keys in plain text, so Switchboard cannot tell which one to keep.")]
    ConflictingKeys(String),
    #[error("`{id}` reads its key from ${var}, but that variable is not set here.")]
    EnvUnset { id: String, var: String },
    #[error("There is no CC Switch database at {0}.")]
    CcSwitchMissing(PathBuf),
    #[error("{path} has schema version {version}, which this Switchboard does not know (it reads CC Switch 3.8 to 3.20, versions {min} to {max}).")]
    CcSwitchVersion { path: PathBuf, version: i64, min: i64, max: i64 },
    #[error("{path} could not be read as a CC Switch database: {reason}.")]
    CcSwitchRead { path: PathBuf, reason: String },
    #[error("Could not {action} {path}: {source}.")]
    Io { action: &'static str, path: PathBuf, #[source] source: std::io::Error },
}

impl Error {
    /// A concrete next step for the user, in one line.
    pub fn hint(&self) -> String {
        match self {
            Error::CodexHomeMissing(p) => format!("Create it (mkdir -p {}) or unset CODEX_HOME.", p.display()),
            Error::NoHomeDir => "Set HOME, or pass --codex-home DIR.".into(),
            Error::InvalidToml { .. } => "Fix the file by hand or restore a backup (switchboard backups); nothing was written.".into(),
            Error::WrongType { key, .. } => format!("Fix `{key}` in config.toml by hand; nothing was written."),
            Error::UnsupportedLayout { id, .. } => format!("Rewrite it as a [model_providers.{id}] table, or edit it by hand; nothing was written."),
            Error::ReservedId(_) => "Pick another id, for example `ollama-local` or `my-openai`.".into(),
            Error::InvalidId(_) => "Use only letters, digits, `-` and `_`.".into(),
            Error::DuplicateId(id) => format!("Choose another --id, or change it with `switchboard edit {id}`."),
            Error::UnknownProvider(_) => "Run `switchboard list` to see the providers you have.".into(),
            Error::BuiltIn(_) => "Add your own provider with another id instead.".into(),
            Error::InvalidUrl { .. } => "Use a full http:// or https:// address, for example https://openrouter.ai/api/v1.".into(),
            Error::WireApi(_) => "Use a provider that offers the Responses API (POST /v1/responses).".into(),
            Error::UnknownPreset(_) => "Run `switchboard presets` to see them.".into(),
            Error::MissingInput { field, .. } => format!("Pass {}.", field.flag()),
            Error::InvalidInput(_) | Error::InvalidField { .. } => "Check the value and try again; nothing was written.".into(),
            Error::ActiveProvider(_) => "Switch to another provider first (switchboard use openai), or pass --force.".into(),
            Error::HasSessions { id, .. } => format!("See them with `switchboard sessions --provider {id}`; to remove the provider anyway, pass --force. Nothing was written."),
            Error::EmptyKey => "Paste the key on standard input, for example: printf %s \"$KEY\" | switchboard key set <id>.".into(),
            Error::NoKey(id) => format!("Store one with `switchboard key set {id}` (the key is read from standard input)."),
            Error::NoSecretService => "Log in to a desktop session (GNOME Keyring or KWallet), or start one by hand: \
                dbus-run-session -- sh -c 'printf pass | gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'."
                .into(),
            Error::Keychain(_) => "Unlock your keychain (it may be locked) and try again.".into(),
            Error::Unspliceable(_) => "Edit config.toml by hand, or restore a backup; nothing was written.".into(),
            Error::ConcurrentEdit => "Another program is editing config.toml right now; try again in a moment.".into(),
            Error::UnknownBackup(_) => "Run `switchboard backups` to see the names.".into(),
            Error::NotAFile { .. } => "Point it at a regular file (or remove it so Switchboard can create one); nothing was written.".into(),
            Error::TooLarge { .. } => "Check that the path points at your Codex config; nothing was written.".into(),
            Error::DiskFull { .. } => "Free some disk space and try again; nothing was changed.".into(),
            Error::BadBackup { .. } => "Pick another backup (switchboard backups); config.toml was not changed.".into(),
            Error::Io { .. } => "Check that the path exists and that you may write to it.".into(),
            Error::BadShare(_) => "Ask for a new link or file (made with `switchboard share`); nothing was written.".into(),
            Error::ShareVersion(_) => "Update Switchboard, or ask for a share made by your version; nothing was written.".into(),
            Error::ShareHasKey(_) => "Ask for a share without it (`switchboard share` leaves keys out) and give your own key with --key-stdin or `switchboard key set`; nothing was written.".into(),
            Error::ShareRunsCommand { .. } => "Read the command; if you trust it, import again with --allow-command. Nothing was written.".into(),
            Error::IdTaken { free, .. } => format!("Import it under another id, for example --id {free}; nothing was written."),
            Error::NothingToSecure(_) => "Run `switchboard doctor` to see where your keys are; nothing was written.".into(),
            Error::UnmovableKey { id, .. } => format!("Keep it, or move it by hand to a token command (switchboard edit {id} --token-command ...); nothing was written."),
            Error::ConflictingKeys(id) => format!("Delete the key that is wrong from [model_providers.{id}] by hand, then secure it again; nothing was written."),
            Error::EnvUnset { id, var } => format!("Run it from a shell where ${var} is set (for example `{var}=... switchboard secure {id}`), or store the key with `switchboard key set {id}`; nothing was written."),
            Error::CcSwitchMissing(_) => "Pass the database with --db PATH (CC Switch can move its folder; see its settings).".into(),
            Error::CcSwitchVersion { .. } => "Update Switchboard, or add the providers by hand with `switchboard add`; nothing was written.".into(),
            Error::CcSwitchRead { .. } => "Check that the path is CC Switch's cc-switch.db; nothing was written.".into(),
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

    pub(crate) fn invalid(field: Field, reason: impl Into<String>) -> Error {
        Error::InvalidField { field, reason: reason.into() }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| {
            if is_disk_full(&source) { Error::DiskFull { path } } else { Error::Io { action, path, source } }
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
