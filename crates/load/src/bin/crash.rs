//! Crash safety of submissions: concurrent clients submit to the real server, which is killed
//! with SIGKILL in the middle; what was not acknowledged is sent again. Every acknowledged
//! application must be there exactly once, with the reference it was given, and the reference
//! numbers must run 1, 2, 3 ... without a gap or a repeat.
//!
//! SQLite: one instance, restarted after the kill; the file must pass SQLite's integrity check.
//! PostgreSQL (`--postgres CLUSTER_URL`, issue 13): two instances on one database; clients send
//! to both, and the same ids to both at the same moment; one instance is killed and its
//! clients send what it did not acknowledge to the other.
//!
//! ```text
//! insieme-crash-check SERVER_BINARY [--postgres postgres://user@host:port/postgres]
//! ```

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::ExitCode,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use insieme_load::{Database, Sent, Server, data_dir, new_id, send, submission};
use sqlx::{Connection, PgConnection, SqliteConnection};

const CLIENTS: usize = 16;
/// Ids sent to both PostgreSQL instances at the same moment.
const SENT_TO_BOTH: usize = 20;

#[tokio::main]
async fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some(binary) = arguments.first().filter(|first| !first.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: insieme-crash-check SERVER_BINARY [--postgres CLUSTER_URL]");
        return ExitCode::from(2);
    };
    let outcome = match Database::from_arguments(&arguments, "crash").await {
        Ok(database) => run(&binary, &database).await,
        Err(message) => Err(message),
    };
    match outcome {
        Ok(()) => {
            println!("crash check passed");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("crash check FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Per id: the body sent, and the reference once acknowledged.
type Ledger = Arc<Mutex<BTreeMap<String, (String, Option<String>)>>>;

async fn run(binary: &Path, database: &Database) -> Result<(), String> {
    let environment = database.environment();
    let data = data_dir("crash-data");
    let mut doomed = Server::start_with(binary, &data.join("a"), &environment).await?;
    // PostgreSQL: a second instance on the same database, which stays up.
    let survivor = match database {
        Database::Sqlite => None,
        Database::Postgres { .. } => Some(Server::start_with(binary, &data.join("b"), &environment).await?),
    };
    let ledger: Ledger = Arc::default();
    if let Some(survivor) = &survivor {
        same_ids_to_both(&doomed.base_url, &survivor.base_url, &ledger).await?;
    }
    // PostgreSQL: the clients stop when told, after going on with the survivor for a while.
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|index| {
            let (ledger, stop) = (ledger.clone(), stop.clone());
            let other = survivor.as_ref().map(|survivor| survivor.base_url.clone());
            // Half the clients talk to the instance that stays up from the start.
            let mut target = match (&other, index % 2) {
                (Some(other), 1) => other.clone(),
                _ => doomed.base_url.clone(),
            };
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                while !stop.load(Ordering::SeqCst) {
                    let id = new_id();
                    let body = submission(&id);
                    lock(&ledger).insert(id.clone(), (body.clone(), None));
                    let sent = match (send(&client, &target, &body).await, &other) {
                        // The instance died: what it did not acknowledge goes to the other.
                        (Sent::NoAnswer, Some(other)) if target != *other => {
                            target = other.clone();
                            send(&client, &target, &body).await
                        }
                        (Sent::NoAnswer, _) if other.is_none() => return Ok(()),
                        (sent, _) => sent,
                    };
                    match sent {
                        Sent::Acknowledged { reference, .. } => {
                            if let Some(entry) = lock(&ledger).get_mut(&id) {
                                entry.1 = Some(reference);
                            }
                        }
                        Sent::Refused { status, body } => return Err(format!("refused with {status}: {body}")),
                        Sent::NoAnswer => return Err(format!("{id}: no instance answered")),
                    }
                }
                Ok(())
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    doomed.kill();
    let (acknowledged_before, sent_before) = counts(&ledger);
    println!(
        "{}: at the kill {acknowledged_before} acknowledged, {} sent without an answer yet",
        database.name(),
        sent_before - acknowledged_before
    );
    if acknowledged_before == 0 {
        return Err("nothing was acknowledged before the kill; the check proves nothing".to_owned());
    }
    let server = match survivor {
        Some(survivor) => {
            tokio::time::sleep(Duration::from_millis(700)).await;
            stop.store(true, Ordering::SeqCst);
            for client in clients {
                client.await.map_err(|error| error.to_string())??;
            }
            survivor
        }
        None => {
            for client in clients {
                client.await.map_err(|error| error.to_string())??;
            }
            Server::start_with(binary, &data.join("a"), &environment).await?
        }
    };
    let entries = check_every_id_again(&server.base_url, &ledger).await?;
    drop(server);
    let stored = match database {
        Database::Sqlite => sqlite_counts(&data.join("a").join("insieme.db")).await?,
        Database::Postgres { url } => postgres_counts(url).await?,
    };
    let _ = std::fs::remove_dir_all(&data);
    let (count, distinct, lowest, highest) = stored;
    println!("after the crash: {count} stored for {entries} sent; references {lowest} to {highest}");
    if count != entries as i64 || distinct != count {
        return Err(format!("{count} applications ({distinct} references) for {entries} distinct ids"));
    }
    if lowest != 1 || highest != count {
        return Err(format!("the reference numbers run from {lowest} to {highest} for {count} applications"));
    }
    Ok(())
}

/// The same new ids sent to both instances at the same moment: one application each, the same
/// reference from both.
async fn same_ids_to_both(first: &str, second: &str, ledger: &Ledger) -> Result<(), String> {
    let client = reqwest::Client::new();
    let sends: Vec<_> = (0..SENT_TO_BOTH)
        .map(|_| {
            let id = new_id();
            let body = submission(&id);
            lock(ledger).insert(id.clone(), (body.clone(), None));
            let (client, first, second) = (client.clone(), first.to_owned(), second.to_owned());
            tokio::spawn(async move {
                let (one, two) = tokio::join!(send(&client, &first, &body), send(&client, &second, &body));
                (id, one, two)
            })
        })
        .collect();
    for sent in sends {
        let (id, one, two) = sent.await.map_err(|error| error.to_string())?;
        match (one, two) {
            (Sent::Acknowledged { reference: a, .. }, Sent::Acknowledged { reference: b, .. }) if a == b => {
                if let Some(entry) = lock(ledger).get_mut(&id) {
                    entry.1 = Some(a);
                }
            }
            (one, two) => return Err(format!("{id} sent to both instances at once: {one:?} and {two:?}")),
        }
    }
    Ok(())
}

/// Every id sent again (acknowledged ones too: the same id must give the same reference).
async fn check_every_id_again(base_url: &str, ledger: &Ledger) -> Result<usize, String> {
    let client = reqwest::Client::new();
    let entries: Vec<(String, String, Option<String>)> =
        lock(ledger).iter().map(|(id, (body, reference))| (id.clone(), body.clone(), reference.clone())).collect();
    for (id, body, reference) in &entries {
        match send(&client, base_url, body).await {
            Sent::Acknowledged { status, reference: again } => {
                if let Some(reference) = reference
                    && (status != 200 || &again != reference)
                {
                    return Err(format!(
                        "{id} was acknowledged as {reference} but after the crash answers {status} {again}"
                    ));
                }
            }
            other => return Err(format!("{id} after the crash: {other:?}")),
        }
    }
    Ok(entries.len())
}

/// (applications, distinct references, lowest and highest number) of the SQLite file, after its
/// integrity check.
async fn sqlite_counts(file: &Path) -> Result<(i64, i64, i64, i64), String> {
    let mut connection =
        SqliteConnection::connect(&format!("sqlite://{}", file.display())).await.map_err(|error| error.to_string())?;
    let integrity: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut connection).await.map_err(|e| e.to_string())?;
    if integrity != "ok" {
        return Err(format!("integrity check: {integrity}"));
    }
    let counts = sqlx::query_as(COUNTS).fetch_one(&mut connection).await.map_err(|e| e.to_string())?;
    connection.close().await.map_err(|error| error.to_string())?;
    Ok(counts)
}

async fn postgres_counts(url: &str) -> Result<(i64, i64, i64, i64), String> {
    let mut connection = PgConnection::connect(url).await.map_err(|error| error.to_string())?;
    let counts = sqlx::query_as(COUNTS).fetch_one(&mut connection).await.map_err(|e| e.to_string())?;
    connection.close().await.map_err(|error| error.to_string())?;
    Ok(counts)
}

const COUNTS: &str = "SELECT COUNT(*), COUNT(DISTINCT reference), COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) \
                      FROM applications";

fn counts(ledger: &Ledger) -> (usize, usize) {
    let ledger = lock(ledger);
    (ledger.values().filter(|(_, reference)| reference.is_some()).count(), ledger.len())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
