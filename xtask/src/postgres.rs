//! A throwaway PostgreSQL cluster for the tests: its own folder, port and superuser, started
//! with Debian's binaries (no system service, nothing left behind), stopped when dropped. The
//! tests read its address from `IPL_TEST_POSTGRES_URL` and make a database of their own in it.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::Command,
};

use crate::process;

/// The Debian package, pinned to one major version: the binaries live in its own folder.
pub const DEBIAN_PACKAGE: &str = "postgresql-15";
const BINARIES: &str = "/usr/lib/postgresql/15/bin";

/// The variable the server's tests read the cluster's address from.
pub const URL_VARIABLE: &str = "IPL_TEST_POSTGRES_URL";

pub struct Cluster {
    folder: PathBuf,
    /// Whether the binaries run as Debian's `postgres` user (the tests run as root).
    as_root: bool,
    pub url: String,
}

impl Cluster {
    /// Makes and starts a new cluster under `parent` (a folder of its own, removed on drop).
    pub fn start(parent: &Path) -> Result<Self, String> {
        let folder = parent.join(format!("postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).map_err(|error| format!("{}: {error}", folder.display()))?;
        let port = free_port()?;
        // PostgreSQL refuses to run as root: on a machine where the tests run as root (CI, this
        // image) the cluster belongs to Debian's `postgres` user.
        let as_root = process::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
        if as_root {
            process::run("chown", &["postgres:postgres", &path_text(&folder)?], &[])?;
        }
        let data = path_text(&folder.join("data"))?;
        let socket = path_text(&folder)?;
        let cluster = Self { folder, as_root, url: format!("postgres://postgres@127.0.0.1:{port}/postgres") };
        run_binary(as_root, "initdb", &["-D", &data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"])?;
        // Durable commits as in production (`fsync` and `synchronous_commit` stay on).
        let options = format!("-p {port} -k {socket} -c listen_addresses=127.0.0.1 -c max_connections=200");
        run_binary(as_root, "pg_ctl", &["-D", &data, "-o", &options, "-l", &format!("{socket}/log"), "-w", "start"])?;
        Ok(cluster)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.folder.join("data");
        if let Some(data) = data.to_str() {
            let _ = run_binary(self.as_root, "pg_ctl", &["-D", data, "-m", "immediate", "-w", "stop"]);
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

fn run_binary(as_root: bool, name: &str, args: &[&str]) -> Result<(), String> {
    let binary = format!("{BINARIES}/{name}");
    let status = if as_root {
        Command::new("runuser").args(["-u", "postgres", "--", &binary]).args(args).status()
    } else {
        Command::new(&binary).args(args).status()
    };
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{name} failed ({status})")),
        Err(error) => Err(format!("{binary}: {error} (is {DEBIAN_PACKAGE} installed?)")),
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|error| format!("no free port: {error}"))?;
    listener.local_addr().map(|address| address.port()).map_err(|error| error.to_string())
}

fn path_text(path: &Path) -> Result<String, String> {
    path.to_str().map(str::to_owned).ok_or_else(|| format!("{} is not UTF-8", path.display()))
}
