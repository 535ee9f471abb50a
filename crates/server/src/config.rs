//! Configuration from environment variables, each with a default that works on a laptop.

use std::{
    env,
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
};

use ipnet::IpNet;

/// Everything the server can be told at start-up. Its `Debug` output never shows the key.
#[derive(Clone)]
pub struct Config {
    /// `IPL_BIND`: where to listen (default `127.0.0.1:8080`).
    pub bind: SocketAddr,
    /// `IPL_DATA_DIR`: where the SQLite database lives (default `./data`).
    pub data_dir: PathBuf,
    /// `IPL_DATABASE_URL`: `sqlite:PATH`, or `postgres://user:password@host:port/name` for
    /// PostgreSQL, which several instances may share (default: `insieme.db` in the data folder).
    pub database_url: Option<String>,
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
    /// `IPL_TRUSTED_PROXIES`: comma-separated addresses or networks (`10.0.0.5`, `10.0.0.0/8`,
    /// `::1`) of reverse proxies whose `X-Forwarded-For` is believed (default: none).
    pub trusted_proxies: Vec<IpNet>,
    /// `IPL_FAILED_LOOKUPS_PER_HOUR`: wrong reference/access-code pairs one client may try per
    /// hour before being refused until the hour ends (default 20).
    pub failed_lookups_per_hour: u32,
    /// `IPL_DEMO`: `0` in production; otherwise the demo calls of channel 3, the demo accounts and
    /// (in a new database) sample applications are made at start. Off by default when
    /// `IPL_PUBLIC_URL` is https.
    pub demo: bool,
    /// `IPL_MAX_CONNECTIONS`: open connections served at once; more wait (default 1024).
    pub max_connections: usize,
    /// `IPL_HEADER_TIMEOUT_SECS`: how long a client may take to send a request's headers, also
    /// while a kept-alive connection waits for its next request (default 10 s).
    pub header_timeout_secs: u64,
    /// `IPL_PUBLIC_URL`: the address people use (`https://insieme.example.it`). The back office
    /// accepts state-changing requests only from this origin, and its session cookie is `Secure`
    /// when it is https. Unset: the origin is taken from the request's Host (local runs).
    pub public_url: Option<String>,
}

/// Which database the server uses (see [`Config::database`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Database {
    Sqlite(PathBuf),
    /// The URL as given; shown without its password.
    Postgres(String),
}

impl std::fmt::Display for Database {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(formatter, "sqlite:{}", path.display()),
            Database::Postgres(url) => {
                // postgres://user:password@host/name -> postgres://user@host/name
                let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
                let shown = match rest.split_once('@') {
                    Some((user, place)) => format!("{}@{place}", user.split(':').next().unwrap_or_default()),
                    None => rest.to_owned(),
                };
                write!(formatter, "{scheme}://{shown}")
            }
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Config")
            .field("bind", &self.bind)
            .field("data_dir", &self.data_dir)
            .field("database", &self.database().to_string())
            .field("dist_dir", &self.dist_dir)
            .field("body_limit_bytes", &self.body_limit_bytes)
            .field("request_timeout_secs", &self.request_timeout_secs)
            .field("log_json", &self.log_json)
            .field("secret_key", &self.secret_key.as_ref().map(|_| "(set, not shown)"))
            .field("submissions_per_minute", &self.submissions_per_minute)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("failed_lookups_per_hour", &self.failed_lookups_per_hour)
            .field("demo", &self.demo)
            .field("max_connections", &self.max_connections)
            .field("header_timeout_secs", &self.header_timeout_secs)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("data"),
            database_url: None,
            dist_dir: PathBuf::from("dist"),
            body_limit_bytes: 256 * 1024,
            request_timeout_secs: 15,
            log_json: false,
            secret_key: None,
            submissions_per_minute: 30,
            trusted_proxies: Vec::new(),
            failed_lookups_per_hour: 20,
            demo: true,
            max_connections: 1024,
            header_timeout_secs: 10,
            public_url: None,
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
    /// Whether cookies must be `Secure` (the public address is https).
    pub fn is_https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|url| url.starts_with("https://"))
    }

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
            database_url: match lookup("IPL_DATABASE_URL").map(|url| url.trim().to_owned()) {
                None => None,
                Some(url)
                    if url.starts_with("sqlite:")
                        || url.starts_with("postgres://")
                        || url.starts_with("postgresql://") =>
                {
                    Some(url)
                }
                Some(other) => {
                    return Err(ConfigError {
                        name: "IPL_DATABASE_URL",
                        value: other,
                        expected: "sqlite:PATH or postgres://user:password@host:port/name",
                    });
                }
            },
            body_limit_bytes: parse(&lookup, "IPL_BODY_LIMIT_BYTES", "a number of bytes")?
                .unwrap_or(defaults.body_limit_bytes),
            request_timeout_secs: parse(&lookup, "IPL_REQUEST_TIMEOUT_SECS", "a number of seconds")?
                .unwrap_or(defaults.request_timeout_secs),
            secret_key: lookup("IPL_SECRET_KEY"),
            submissions_per_minute: parse(&lookup, "IPL_SUBMISSIONS_PER_MINUTE", "a whole number above 0")?
                .filter(|per_minute: &u32| *per_minute > 0)
                .unwrap_or(defaults.submissions_per_minute),
            trusted_proxies: match lookup("IPL_TRUSTED_PROXIES") {
                None => defaults.trusted_proxies,
                Some(list) => parse_networks(&list).ok_or(ConfigError {
                    name: "IPL_TRUSTED_PROXIES",
                    value: list,
                    expected: "comma-separated addresses or networks such as 10.0.0.5, 10.0.0.0/8, ::1",
                })?,
            },
            failed_lookups_per_hour: parse(&lookup, "IPL_FAILED_LOOKUPS_PER_HOUR", "a whole number above 0")?
                .filter(|per_hour: &u32| *per_hour > 0)
                .unwrap_or(defaults.failed_lookups_per_hour),
            demo: match lookup("IPL_DEMO").as_deref().map(str::trim) {
                // Behind https (a real deployment) the demo, with its published passwords and
                // authenticator key, is off unless asked for by name.
                None => {
                    defaults.demo && !lookup("IPL_PUBLIC_URL").is_some_and(|url| url.trim().starts_with("https://"))
                }
                Some("0" | "false" | "no") => false,
                Some("1" | "true" | "yes") => true,
                Some(other) => {
                    return Err(ConfigError { name: "IPL_DEMO", value: other.to_owned(), expected: "0 or 1" });
                }
            },
            max_connections: parse(&lookup, "IPL_MAX_CONNECTIONS", "a whole number above 0")?
                .filter(|count: &usize| *count > 0)
                .unwrap_or(defaults.max_connections),
            public_url: match lookup("IPL_PUBLIC_URL") {
                None => None,
                Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                    Some(url.trim_end_matches('/').to_owned())
                }
                Some(other) => {
                    return Err(ConfigError {
                        name: "IPL_PUBLIC_URL",
                        value: other,
                        expected: "an address such as https://insieme.example.it",
                    });
                }
            },
            header_timeout_secs: parse(&lookup, "IPL_HEADER_TIMEOUT_SECS", "a number of seconds")?
                .filter(|seconds: &u64| *seconds > 0)
                .unwrap_or(defaults.header_timeout_secs),
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

    /// Refuses a layout that would publish the data: the data folder (database, secret key)
    /// inside the folder of files served to everyone.
    pub fn check_layout(&self) -> Result<(), ConfigError> {
        let absolute = |path: &Path| {
            std::fs::canonicalize(path).unwrap_or_else(|_| env::current_dir().unwrap_or_default().join(path))
        };
        let (data, dist) = (absolute(&self.data_dir), absolute(&self.dist_dir));
        if data.starts_with(&dist) {
            return Err(ConfigError {
                name: "IPL_DATA_DIR",
                value: self.data_dir.display().to_string(),
                expected: "a folder outside IPL_DIST_DIR (files there are served to everyone)",
            });
        }
        Ok(())
    }

    /// The SQLite database file inside the data directory.
    /// The database to use: `IPL_DATABASE_URL`, else SQLite in the data folder.
    pub fn database(&self) -> Database {
        match self.database_url.as_deref() {
            Some(url) if url.starts_with("sqlite:") => {
                Database::Sqlite(PathBuf::from(url.trim_start_matches("sqlite:").trim_start_matches("//")))
            }
            Some(url) => Database::Postgres(url.to_owned()),
            None => Database::Sqlite(self.database_path()),
        }
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("insieme.db")
    }
}

/// `10.0.0.5, 10.0.0.0/8, ::1` as networks (a plain address is a network of one).
fn parse_networks(list: &str) -> Option<Vec<IpNet>> {
    list.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<IpNet>().ok().or_else(|| part.parse::<IpAddr>().ok().map(IpNet::from)))
        .collect()
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
        assert_eq!(config.database(), Database::Sqlite(PathBuf::from("data/insieme.db")));
    }

    #[test]
    fn the_database_url_chooses_sqlite_or_postgres_and_never_shows_the_password() {
        let with =
            |url: &'static str| Config::from_lookup(move |name| (name == "IPL_DATABASE_URL").then(|| url.to_owned()));
        let postgres = with("postgres://ipl:s3cret@db.example:5432/insieme").expect("valid");
        assert_eq!(postgres.database(), Database::Postgres("postgres://ipl:s3cret@db.example:5432/insieme".to_owned()));
        assert_eq!(postgres.database().to_string(), "postgres://ipl@db.example:5432/insieme");
        assert!(!format!("{postgres:?}").contains("s3cret"));
        let sqlite = with("sqlite:/var/lib/ipl/insieme.db").expect("valid");
        assert_eq!(sqlite.database(), Database::Sqlite(PathBuf::from("/var/lib/ipl/insieme.db")));
        let refused = with("mysql://somewhere/db").expect_err("refused");
        assert_eq!(refused.name, "IPL_DATABASE_URL");
    }

    /// The demo (published passwords and authenticator key) is on for a local try, off behind
    /// https unless asked for by name.
    #[test]
    fn the_demo_is_off_behind_https_unless_asked_for() {
        let with = |pairs: &'static [(&'static str, &'static str)]| {
            Config::from_lookup(move |name| {
                pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
            })
            .expect("valid")
            .demo
        };
        assert!(with(&[]));
        assert!(!with(&[("IPL_PUBLIC_URL", "https://insieme.comune.bologna.it")]));
        assert!(with(&[("IPL_PUBLIC_URL", "https://prova.example.org"), ("IPL_DEMO", "1")]));
        assert!(with(&[("IPL_PUBLIC_URL", "http://127.0.0.1:8080")]));
        assert!(!with(&[("IPL_DEMO", "0")]));
    }

    #[test]
    fn debug_output_never_shows_the_key() {
        let key = "ab".repeat(32);
        let config = Config::from_lookup(|name| (name == "IPL_SECRET_KEY").then(|| key.clone())).expect("valid");
        let printed = format!("{config:?}");
        assert!(!printed.contains(&key), "{printed}");
        assert!(printed.contains("secret_key"), "{printed}");
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        let config =
            Config::from_lookup(|name| (name == "IPL_TRUSTED_PROXIES").then(|| "10.0.0.5, 10.1.0.0/16,::1".to_owned()))
                .expect("valid");
        let shown: Vec<String> = config.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["10.0.0.5/32", "10.1.0.0/16", "::1/128"]);
        assert!(Config::from_lookup(|name| (name == "IPL_TRUSTED_PROXIES").then(|| "a proxy".to_owned())).is_err());
    }

    #[test]
    fn the_data_folder_may_not_lie_inside_the_served_folder() {
        let root = tempfile::tempdir().expect("temporary folder");
        let inside = Config {
            dist_dir: root.path().join("dist"),
            data_dir: root.path().join("dist").join("data"),
            ..Config::default()
        };
        assert!(inside.check_layout().is_err());
        let beside = Config { data_dir: root.path().join("data"), ..inside.clone() };
        assert!(beside.check_layout().is_ok());
        let same = Config { data_dir: root.path().join("dist"), ..inside };
        assert!(same.check_layout().is_err());
    }

    #[test]
    fn a_bad_value_names_the_variable() {
        let error = Config::from_lookup(|name| (name == "IPL_BIND").then(|| "nowhere".to_owned()))
            .expect_err("nowhere is no address");
        assert!(error.to_string().contains("IPL_BIND"), "{error}");
    }
}
