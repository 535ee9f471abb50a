//! What the load benchmark and the crash check share: starting the real server on a free port
//! with a data folder, valid submissions with fresh ids, and sending one.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, Instant},
};

/// The server process; killed when dropped.
#[derive(Debug)]
pub struct Server {
    child: Child,
    pub base_url: String,
    /// From starting the process to its first answered request (budget: under 1 s).
    pub cold_start: Duration,
}

impl Server {
    /// Starts `binary` on a free port with `data_dir`, without the per-address limit (all load
    /// comes from one address) and without the demo data (its sample applications would be
    /// counted with the ones a check sends), and waits until it answers its health check.
    pub async fn start(binary: &Path, data_dir: &Path) -> Result<Self, String> {
        Self::start_with(binary, data_dir, &[]).await
    }

    /// [`Server::start`] with more environment: `IPL_DATABASE_URL` for PostgreSQL, and the key
    /// several instances share (see [`Database::environment`]).
    pub async fn start_with(binary: &Path, data_dir: &Path, environment: &[(String, String)]) -> Result<Self, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|error| format!("no free port: {error}"))?
            .port();
        let bind = format!("127.0.0.1:{port}");
        let started = Instant::now();
        let child = Command::new(binary)
            .env("IPL_BIND", &bind)
            .env("IPL_DATA_DIR", data_dir)
            .env("IPL_DIST_DIR", data_dir.join("no-dist"))
            .env("IPL_SUBMISSIONS_PER_MINUTE", "1000000000")
            .env("IPL_DEMO", "0")
            .env("RUST_LOG", "error")
            .envs(environment.iter().map(|(name, value)| (name, value)))
            .stdout(Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let mut server = Self { child, base_url: format!("http://{bind}"), cold_start: Duration::ZERO };
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(response) = client.get(format!("{}/api/health", server.base_url)).send().await
                && response.status().is_success()
            {
                server.cold_start = started.elapsed();
                return Ok(server);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        Err(format!("the server on {bind} did not answer within 20 s"))
    }

    /// The server's resident memory in bytes (`VmRSS` of /proc/<pid>/status).
    pub fn resident_bytes(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
        let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kilobytes * 1024)
    }

    /// SIGKILL: no shutdown, no flush; whatever was not committed is lost.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Where a check's server instances keep their applications.
#[derive(Debug, Clone)]
pub enum Database {
    /// The embedded SQLite file in the data folder (one instance).
    Sqlite,
    /// A fresh PostgreSQL database, shared by every instance.
    Postgres { url: String },
}

impl Database {
    /// From the command's arguments: `--postgres URL` (a cluster's address: a new database is
    /// made in it for this run), else SQLite.
    pub async fn from_arguments(arguments: &[String], label: &str) -> Result<Self, String> {
        let Some(index) = arguments.iter().position(|argument| argument == "--postgres") else {
            return Ok(Self::Sqlite);
        };
        let cluster = arguments.get(index + 1).ok_or("--postgres needs the cluster's URL")?;
        let admin = sqlx::PgPool::connect(cluster).await.map_err(|error| format!("{cluster}: {error}"))?;
        let name = format!("ipl_{label}_{}", std::process::id());
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name}")).execute(&admin).await.map_err(|e| e.to_string())?;
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.map_err(|e| e.to_string())?;
        admin.close().await;
        let (base, _) = cluster.rsplit_once('/').ok_or("a cluster URL ends with /database")?;
        Ok(Self::Postgres { url: format!("{base}/{name}") })
    }

    /// The environment of every instance: the database, and one access-code key for all (an
    /// access code made by one instance is checked by another).
    pub fn environment(&self) -> Vec<(String, String)> {
        match self {
            Self::Sqlite => Vec::new(),
            Self::Postgres { url } => {
                vec![("IPL_DATABASE_URL".to_owned(), url.clone()), ("IPL_SECRET_KEY".to_owned(), "5e".repeat(32))]
            }
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres { .. } => "PostgreSQL",
        }
    }
}

/// A fresh folder under `target/` for one run's database.
pub fn data_dir(name: &str) -> PathBuf {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target").join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    root
}

/// A UUID-shaped id unique within this process run.
pub fn new_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{:08x}-{:04x}-4000-8000-{n:012x}", seed & 0xffff_ffff, std::process::id() & 0xffff)
}

/// A complete fragility application (the heaviest channel: 29 items to re-score).
pub fn submission(id: &str) -> String {
    // Every item that is not sensitive (sensitive ones need a consent this load does not give).
    let items = [
        "income",
        "debt",
        "self_care",
        "social_skills",
        "social_services",
        "job_centre",
        "work_basic_skills",
        "family_network",
        "local_network",
        "housing",
        "care_load",
        "deprivation",
        "work_status",
        "time_since_work",
        "experience",
        "experience_continuity",
        "education",
        "training",
        "soft_skills",
        "digital_skills",
        "languages",
        "mobility",
    ];
    let fragility: serde_json::Map<String, serde_json::Value> =
        items.iter().enumerate().map(|(index, item)| ((*item).to_owned(), ((index % 4) as u64).into())).collect();
    serde_json::json!({
        "id": id, "channel": "fragility", "language": "it",
        "person": { "given_name": "Mario", "family_name": "Rossi", "codice_fiscale": "RSSMRA85T10A562S",
                    "birth_date": "1985-12-10", "comune": "Casalecchio di Reno", "phone": "333 123 4567",
                    "availability": ["morning", "afternoon"] },
        "answers": { "profile": { "in_active_labour_measure": false }, "fragility": fragility },
        "consent": { "privacy_notice": true, "sensitive_data": false, "contact_by_message": false }
    })
    .to_string()
}

/// What a submission came back as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// 201 or 200, with the reference.
    Acknowledged { status: u16, reference: String },
    /// Any other status: the server refused it.
    Refused { status: u16, body: String },
    /// No answer (connection refused or reset): not acknowledged.
    NoAnswer,
}

pub async fn send(client: &reqwest::Client, base_url: &str, body: &str) -> Sent {
    let request = client
        .post(format!("{base_url}/api/applications"))
        .header("content-type", "application/json")
        .body(body.to_owned());
    let Ok(response) = request.send().await else { return Sent::NoAnswer };
    let status = response.status().as_u16();
    let Ok(text) = response.text().await else { return Sent::NoAnswer };
    if status == 200 || status == 201 {
        let reference = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|receipt| receipt["reference"].as_str().map(str::to_owned))
            .unwrap_or_default();
        Sent::Acknowledged { status, reference }
    } else {
        Sent::Refused { status, body: text }
    }
}

/// `--name N` among the command's `arguments`, or `default` when absent.
pub fn number_option(arguments: &[String], name: &str, default: f64) -> Result<f64, String> {
    match arguments.iter().position(|argument| argument == name) {
        None => Ok(default),
        Some(index) => {
            arguments.get(index + 1).and_then(|text| text.parse().ok()).ok_or_else(|| format!("{name} needs a number"))
        }
    }
}
