//! The SQL that must differ between SQLite and PostgreSQL, in one place.

use super::{Db, Tx};

/// Makes the reference numbers of `year` this transaction's alone until it ends, so that two
/// writers (two server instances on PostgreSQL) never take the same next number and the numbers
/// stay consecutive, and so that the same submission id sent to two instances at once is
/// decided by one after the other. SQLite: the writing transaction already holds the database's
/// only write lock (`BEGIN IMMEDIATE`).
pub async fn lock_reference_numbers(tx: &mut Tx<'_>, year: i32) -> Result<(), sqlx::Error> {
    match tx {
        Tx::Sqlite(_) => Ok(()),
        Tx::Postgres(tx) => {
            // One advisory lock per year, in a key space of our own ("IPL" and the year).
            let key = 0x4950_4C00_0000_0000_i64 + i64::from(year);
            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(key).execute(&mut **tx).await.map(drop)
        }
    }
}

/// Brings the query planner's statistics up to date after many rows were written at once. On
/// PostgreSQL also VACUUM, which marks the new rows visible to all so that the queue's counts
/// are answered from its covering indexes alone (autovacuum does it later on its own).
pub async fn refresh_statistics(db: &Db) -> Result<(), sqlx::Error> {
    match db {
        Db::Sqlite(pool) => sqlx::query("PRAGMA optimize").execute(pool).await.map(drop),
        Db::Postgres(pool) => sqlx::query("VACUUM (ANALYZE)").execute(pool).await.map(drop),
    }
}
