//! Configuration from environment variables, each with a default that works on a laptop.

use std::{env, net::SocketAddr, path::PathBuf};

/// Everything the server can be told at start-up.
#[derive(Clone, Debug)]
pub struct Config {
    /// `IPL_BIND`: where to listen (default `127.0.0.1:8080`).
    pub bind: SocketAddr,
    /// `IPL_DATA_DIR`: where the SQLite database lives (default `./data`).
    pub data_dir: PathBuf,
    /// `IPL_DIST_DIR`: the built browser app (default `./dist`).
    pub dist_dir: PathBuf,
    /// `IPL_BODY_LIMIT_BYTES`: the largest request body accepted (default 256 KiB).
    pub body_limit_bytes: usize,
    /// `IPL_REQUEST_TIMEOUT_SECS`: how long one request may take (default 15 s).
    pub request_timeout_secs: u64,
    /// `IPL_LOG_FORMAT`: `json` for one JSON object per line, `text` for people (default).
    pub log_json: bool,
    /// `IPL_SECRET_KEY`: 64 hex digits; without it a key is made once in the data directory.
    pub secret_key: Option<String>,
    /// `IPL_SUBMISSIONS_PER_MINUTE`: how many application requests (submit, status, correct)
    /// one client address may make per minute, after a burst of a fifth of that (default 30).
    pub submissions_per_minute: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("data"),
            dist_dir: PathBuf::from("dist"),
            body_limit_bytes: 256 * 1024,
            request_timeout_secs: 15,
            log_json: false,
            secret_key: None,
            submissions_per_minute: 30,
        }
    }
}

/// A variable that is set but cannot be understood.
#[derive(Debug, thiserror::Error)]
#[error("environment variable {name} has an invalid value {value:?}: {expected}")]
pub struct ConfigError {
    name: &'static str,
    value: String,
    expected: &'static str,
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so that tests need not touch the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let defaults = Self::default();
        Ok(Self {
            bind: parse(&lookup, "IPL_BIND", "an address such as 127.0.0.1:8080")?.unwrap_or(defaults.bind),
            data_dir: lookup("IPL_DATA_DIR").map(PathBuf::from).unwrap_or(defaults.data_dir),
            dist_dir: lookup("IPL_DIST_DIR").map(PathBuf::from).unwrap_or(defaults.dist_dir),
            body_limit_bytes: parse(&lookup, "IPL_BODY_LIMIT_BYTES", "a number of bytes")?
                .unwrap_or(defaults.body_limit_bytes),
            request_timeout_secs: parse(&lookup, "IPL_REQUEST_TIMEOUT_SECS", "a number of seconds")?
                .unwrap_or(defaults.request_timeout_secs),
            secret_key: lookup("IPL_SECRET_KEY"),
            submissions_per_minute: parse(&lookup, "IPL_SUBMISSIONS_PER_MINUTE", "a whole number above 0")?
                .filter(|per_minute: &u32| *per_minute > 0)
                .unwrap_or(defaults.submissions_per_minute),
            log_json: match lookup("IPL_LOG_FORMAT").as_deref() {
                None | Some("text") => false,
                Some("json") => true,
                Some(other) => {
                    return Err(ConfigError {
                        name: "IPL_LOG_FORMAT",
                        value: other.to_owned(),
                        expected: "json or text",
                    });
                }
            },
        })
    }

    /// The SQLite database file inside the data directory.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("insieme.db")
    }
}

fn parse<T: std::str::FromStr>(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    expected: &'static str,
) -> Result<Option<T>, ConfigError> {
    match lookup(name) {
        None => Ok(None),
        Some(value) => value.trim().parse().map(Some).map_err(|_| ConfigError { name, value, expected }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let config = Config::from_lookup(|_| None).expect("defaults are valid");
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database_path(), PathBuf::from("data/insieme.db"));
    }

    #[test]
    fn a_bad_value_names_the_variable() {
        let error = Config::from_lookup(|name| (name == "IPL_BIND").then(|| "nowhere".to_owned()))
            .expect_err("nowhere is no address");
        assert!(error.to_string().contains("IPL_BIND"), "{error}");
    }
}
