//! Opens the database and brings its schema up to date: the embedded SQLite file (the default),
//! or PostgreSQL, the scale-out path (issue 13). Each has its own migrations folder producing
//! the same schema (`tests/schema_parity.rs` compares them).
//!
//! SQLite: WAL journal with `synchronous = FULL`. PostgreSQL: `synchronous_commit = on`. Either
//! way a commit is on disk before the client is answered, so an acknowledged write survives a
//! crash or power loss (see ARCHITECTURE.md).

mod dialect;
mod handle;

use std::{path::Path, str::FromStr, time::Duration};

pub use dialect::{lock_reference_numbers, refresh_statistics};
pub use handle::{Db, Exec, Tx};

use sqlx::{
    PgPool, SqlitePool,
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

/// The SQLite migrations (`crates/server/migrations/sqlite`), embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
/// Their PostgreSQL twins (`crates/server/migrations/postgres`), one for each SQLite version.
pub static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

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

/// Connects to the PostgreSQL database at `url` (`postgres://...`), with commits durable before
/// they are acknowledged whatever the server's default, then runs every pending migration.
/// Several server instances may do this at once: sqlx takes an advisory lock for migrations.
pub async fn open_postgres(url: &str) -> Result<PgPool, sqlx::Error> {
    let options = PgConnectOptions::from_str(url)?.options([("synchronous_commit", "on")]);
    let pool = PgPoolOptions::new().max_connections(16).connect_with(options).await?;
    POSTGRES_MIGRATOR.run(&pool).await?;
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

/// Opens the database the configuration names (`IPL_DATABASE_URL`, else SQLite in the data
/// folder) and brings its schema up to date.
pub async fn connect(database: &crate::config::Database) -> Result<Db, sqlx::Error> {
    Ok(match database {
        crate::config::Database::Sqlite(path) => Db::Sqlite(open(path).await?),
        crate::config::Database::Postgres(url) => Db::Postgres(open_postgres(url).await?),
    })
}

/// Answers whether the database responds to a trivial query.
pub async fn is_reachable(db: &Db) -> bool {
    crate::on_db!(db => sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(db).await.is_ok())
}

/// `sql` with its `?` placeholders numbered `$1`, `$2` ... in order, as both databases read them:
/// for a query put together from parts (`back_office::visibility`), where each part cannot know
/// its numbers. A `?` inside a quoted SQL text stays as it is.
pub fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let (mut count, mut quoted) = (0, false);
    for letter in sql.chars() {
        match letter {
            '\'' => {
                quoted = !quoted;
                out.push(letter);
            }
            '?' if !quoted => {
                count += 1;
                out.push_str(&format!("${count}"));
            }
            _ => out.push(letter),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn placeholders_are_numbered_in_order_outside_quoted_texts() {
        assert_eq!(numbered("a = ? AND (b = ? OR c = '?') AND d = ?"), "a = $1 AND (b = $2 OR c = '?') AND d = $3");
        assert_eq!(numbered("SELECT 1"), "SELECT 1");
    }
}
