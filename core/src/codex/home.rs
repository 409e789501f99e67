//! Finding the Codex home: `--codex-home`, then `$CODEX_HOME` (must exist), then `~/.codex`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Resolves the Codex home. `flag` is `--codex-home`; `env` is `$CODEX_HOME`.
pub fn resolve(flag: Option<&Path>, env: Option<&str>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        std::fs::create_dir_all(dir).map_err(Error::io("io-create", dir))?;
        return Ok(dir.to_owned());
    }
    if let Some(dir) = env.filter(|s| !s.is_empty()) {
        let dir = PathBuf::from(dir);
        if !dir.is_dir() {
            return Err(Error::CodexHomeMissing(dir));
        }
        return Ok(dir);
    }
    let home = directories::BaseDirs::new().ok_or(Error::NoHomeDir)?.home_dir().join(".codex");
    std::fs::create_dir_all(&home).map_err(Error::io("io-create", &home))?;
    Ok(home)
}

/// Resolves from the real environment.
pub fn from_env(flag: Option<&Path>) -> Result<PathBuf> {
    resolve(flag, std::env::var("CODEX_HOME").ok().as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_flag_then_env_then_default() {
        let tmp = tempfile::tempdir().unwrap();
        let flag = tmp.path().join("flag");
        let env = tmp.path().join("env");
        std::fs::create_dir(&env).unwrap();
        assert_eq!(resolve(Some(&flag), Some(env.to_str().unwrap())).unwrap(), flag);
        assert!(flag.is_dir(), "the flag's directory is created");
        assert_eq!(resolve(None, Some(env.to_str().unwrap())).unwrap(), env);
        let missing = tmp.path().join("missing");
        let err = resolve(None, Some(missing.to_str().unwrap())).unwrap_err();
        assert_eq!(err.code(), "codex_home");
        assert!(!missing.exists(), "CODEX_HOME is never created");
    }
}
