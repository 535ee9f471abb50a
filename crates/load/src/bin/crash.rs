//! Crash safety of submissions: concurrent clients submit to the real server, which is killed
//! with SIGKILL in the middle; after a restart, what was not acknowledged is sent again. Every
//! acknowledged application must be there exactly once, with the reference it was given, and
//! the database must pass SQLite's integrity check.
//!
//! ```text
//! insieme-crash-check SERVER_BINARY
//! ```

use std::{
    collections::BTreeMap,
    path::PathBuf,
    process::ExitCode,
    sync::{Arc, Mutex},
    time::Duration,
};

use insieme_load::{Sent, Server, data_dir, new_id, send, submission};
use sqlx::{Connection, SqliteConnection};

const CLIENTS: usize = 16;

#[tokio::main]
async fn main() -> ExitCode {
    let Some(binary) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: insieme-crash-check SERVER_BINARY");
        return ExitCode::from(2);
    };
    match run(&binary).await {
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

async fn run(binary: &std::path::Path) -> Result<(), String> {
    let data = data_dir("crash-data");
    let mut server = Server::start(binary, &data).await?;
    let ledger: Ledger = Arc::default();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (base_url, ledger) = (server.base_url.clone(), ledger.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                loop {
                    let id = new_id();
                    let body = submission(&id);
                    lock(&ledger).insert(id.clone(), (body.clone(), None));
                    match send(&client, &base_url, &body).await {
                        Sent::Acknowledged { reference, .. } => {
                            if let Some(entry) = lock(&ledger).get_mut(&id) {
                                entry.1 = Some(reference);
                            }
                        }
                        Sent::Refused { status, body } => return Err(format!("refused with {status}: {body}")),
                        Sent::NoAnswer => return Ok(()),
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    for client in clients {
        client.await.map_err(|error| error.to_string())??;
    }
    let (acknowledged, pending) = {
        let ledger = lock(&ledger);
        (ledger.values().filter(|(_, reference)| reference.is_some()).count(), ledger.len())
    };
    println!("before the kill: {acknowledged} acknowledged, {} sent without an answer", pending - acknowledged);
    if acknowledged == 0 {
        return Err("nothing was acknowledged before the kill; the check proves nothing".to_owned());
    }

    let server = Server::start(binary, &data).await?;
    let client = reqwest::Client::new();
    let entries: Vec<(String, String, Option<String>)> =
        lock(&ledger).iter().map(|(id, (body, reference))| (id.clone(), body.clone(), reference.clone())).collect();
    for (id, body, reference) in &entries {
        // Acknowledged ones are sent again too: the same id must give the same reference.
        match send(&client, &server.base_url, body).await {
            Sent::Acknowledged { status, reference: again } => {
                if let Some(reference) = reference
                    && (status != 200 || &again != reference)
                {
                    return Err(format!(
                        "{id} was acknowledged as {reference} but after the crash answers {status} {again}"
                    ));
                }
            }
            other => return Err(format!("{id} after the restart: {other:?}")),
        }
    }
    drop(server);

    let mut connection = SqliteConnection::connect(&format!("sqlite://{}", data.join("insieme.db").display()))
        .await
        .map_err(|error| error.to_string())?;
    let integrity: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut connection).await.map_err(|e| e.to_string())?;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM applications")
        .fetch_one(&mut connection)
        .await
        .map_err(|e| e.to_string())?;
    let distinct: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT reference) FROM applications")
        .fetch_one(&mut connection)
        .await
        .map_err(|e| e.to_string())?;
    connection.close().await.map_err(|error| error.to_string())?;
    let _ = std::fs::remove_dir_all(&data);
    println!("after the restart: {stored} stored for {} sent; integrity: {integrity}", entries.len());
    if integrity != "ok" {
        return Err(format!("integrity check: {integrity}"));
    }
    if stored != entries.len() as i64 || distinct != stored {
        return Err(format!("{stored} applications ({distinct} references) for {} distinct ids", entries.len()));
    }
    Ok(())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
