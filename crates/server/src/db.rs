//! Opens the embedded SQLite database and brings its schema up to date.
//!
//! WAL journal with `synchronous = FULL`: a commit is on disk before the client is answered, so
//! an acknowledged write survives a crash or power loss (see ARCHITECTURE.md).

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    SqlitePool,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

/// The migrations in `crates/server/migrations`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if needed) the database file, then runs every pending migration. The
/// folder is made private to this user (0700) and the file (with its WAL, which SQLite creates
/// with the file's mode) 0600: they hold special-category personal data.
pub async fn open(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    make_private(path).map_err(sqlx::Error::Io)?;
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
    MIGRATOR.run(&pool).await?;
    // Statistics for the query planner where they are missing or stale (SQLite's advice for
    // long-lived connections: `optimize` with 0x10002 at open), so that the queue picks its
    // covering indexes on a database that grew since the last start.
    sqlx::query("PRAGMA optimize = 0x10002").execute(&pool).await?;
    Ok(pool)
}

fn make_private(path: &Path) -> std::io::Result<()> {
    use std::{
        fs,
        os::unix::fs::{OpenOptionsExt, PermissionsExt},
    };
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        fs::create_dir_all(folder)?;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
    }
    fs::OpenOptions::new().write(true).create(true).truncate(false).mode(0o600).open(path)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
}

/// Answers whether the database responds to a trivial query.
pub async fn is_reachable(pool: &SqlitePool) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(pool).await.is_ok()
}
