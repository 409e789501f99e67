//! API keys in the OS keychain (macOS Keychain, Windows Credential Manager,
//! Secret Service on Linux) through `keyring` v4. One service name for the app,
//! the provider id as the account. There is no file fallback, on purpose.

use crate::locale::{Args, Words};
use crate::error::{Error, Result};

/// The keychain service name every Switchboard key is stored under.
pub const SERVICE: &str = "switchboard";

/// A key as read from the keychain. `Debug` never prints it.
#[derive(Clone)]
pub struct Key(String);

impl Key {
    pub fn new(key: String) -> Self {
        Key(key)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

/// Cleans a key as typed or pasted: trailing newline removed, empty refused.
pub fn clean_key(raw: &str) -> Result<String> {
    let key = raw.strip_suffix('\n').unwrap_or(raw);
    let key = key.strip_suffix('\r').unwrap_or(key);
    let key = key.trim();
    if key.is_empty() {
        return Err(Error::EmptyKey);
    }
    if key.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(crate::provider::field::Field::Key, "reason-key-control", Args::new()));
    }
    Ok(key.to_owned())
}

fn entry(id: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, id).map_err(map_err)
}

pub fn get(id: &str) -> Result<Option<Key>> {
    match entry(id)?.get_password() {
        Ok(k) => Ok(Some(Key(k))),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(map_err(e)),
    }
}

pub fn set(id: &str, key: &str) -> Result<()> {
    let key = clean_key(key)?;
    entry(id)?.set_password(&key).map_err(map_err)
}

/// The keychain account that holds a key `edit` is about to give `id`, until
/// config.toml's commit (see `pending`). Ids hold no spaces, so it names no provider.
pub fn staged(id: &str) -> String {
    format!("{id} (pending)")
}

/// Makes the key waiting under [`staged`] `id`'s key, if one is still waiting.
pub fn promote_staged(id: &str) -> Result<()> {
    if let Some(k) = get(&staged(id))? {
        set(id, k.expose())?;
        delete(&staged(id))?;
    }
    Ok(())
}

/// Deletes the key waiting under [`staged`], if any.
pub fn drop_staged(id: &str) -> Result<bool> {
    delete(&staged(id))
}

/// Deletes the key. Returns false when there was none.
pub fn delete(id: &str) -> Result<bool> {
    match entry(id)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(map_err(e)),
    }
}

/// Whether a key is stored; `None` when the keychain cannot be reached.
pub fn has(id: &str) -> Option<bool> {
    get(id).ok().map(|k| k.is_some())
}

fn map_err(e: keyring::Error) -> Error {
    match e {
        keyring::Error::NoDefaultStore => Error::NoSecretService,
        keyring::Error::PlatformFailure(inner) => {
            let text = inner.to_string();
            if text.contains("ServiceUnknown") || text.contains("not provided by any") || text.contains("D-Bus") || text.contains("dbus") {
                Error::NoSecretService
            } else {
                Error::Keychain(Words::new("reason-detail", Args::new().text("detail", first_line(&text))))
            }
        }
        keyring::Error::NoStorageAccess(inner) => Error::Keychain(Words::new("reason-keychain-locked", Args::new().text("detail", first_line(&inner.to_string())))),
        other => Error::Keychain(Words::new("reason-detail", Args::new().text("detail", first_line(&other.to_string())))),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_keys() {
        assert_eq!(clean_key("sk-abc\n").unwrap(), "sk-abc");
        assert_eq!(clean_key("sk-abc\r\n").unwrap(), "sk-abc");
        assert_eq!(clean_key("  sk-abc  ").unwrap(), "sk-abc");
        assert_eq!(clean_key("\n").unwrap_err().code(), "empty_key");
        assert_eq!(clean_key("").unwrap_err().code(), "empty_key");
        assert_eq!(clean_key("a\nb").unwrap_err().code(), "invalid_input");
        assert_eq!(format!("{:?}", Key("sk-secret".into())), "Key(<redacted>)");
    }
}
