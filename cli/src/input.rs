//! What the CLI reads from the person: a key, from standard input only.

use std::io::{IsTerminal, Read};

use switchboard_core::Error;

/// Reads a key from standard input; never echoes it, never takes it as an argument.
pub(crate) fn read_key() -> Result<String, Error> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Paste the key and press Enter: ");
        let mut line = String::new();
        stdin.read_line(&mut line).map_err(|e| Error::input("reason-key-unreadable", switchboard_core::locale::Args::new().text("error", e)))?;
        return switchboard_core::provider::secret::clean_key(&line);
    }
    let mut buf = String::new();
    stdin
        .take(64 * 1024)
        .read_to_string(&mut buf)
        .map_err(|_| Error::input("reason-key-not-utf8", switchboard_core::locale::Args::new()))?;
    switchboard_core::provider::secret::clean_key(&buf)
}
