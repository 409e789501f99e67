//! Bringing setups in: keys found outside the keychain and moved into it, and CC Switch's providers.

pub mod cc_import;
pub mod cc_switch;
pub mod plaintext;
pub mod secure;
