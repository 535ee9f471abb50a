//! One handle for either database. The services write each query once, in SQL both accept
//! (`$1` placeholders, `TRUE`/`FALSE` for flags, BIGINT for whole numbers), and run it through
//! [`on_db!`], [`on_tx!`] or [`on_exec!`], which compile it once for SQLite and once for
//! PostgreSQL with sqlx's native drivers. SQL that must differ lives in `db::dialect`.

use sqlx::{Acquire, PgPool, Postgres, Sqlite, SqlitePool, Transaction};

/// A pool of connections to the configured database; cheap to clone.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// An open transaction (or savepoint) on either database.
#[derive(Debug)]
pub enum Tx<'c> {
    Sqlite(Transaction<'c, Sqlite>),
    Postgres(Transaction<'c, Postgres>),
}

/// Where a query runs: the pool, or an open transaction.
pub enum Exec<'e, 'c> {
    Db(&'e Db),
    Tx(&'e mut Tx<'c>),
}

impl<'e> From<&'e Db> for Exec<'e, 'static> {
    fn from(db: &'e Db) -> Self {
        Exec::Db(db)
    }
}

impl<'e, 'c> From<&'e mut Tx<'c>> for Exec<'e, 'c> {
    fn from(tx: &'e mut Tx<'c>) -> Self {
        Exec::Tx(tx)
    }
}

impl Db {
    /// Starts a transaction.
    pub async fn begin(&self) -> Result<Tx<'static>, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Starts a transaction that will write: on SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so that no other writer can make it fail half-way when it turns from
    /// reading to writing; PostgreSQL locks rows as it writes them.
    pub async fn begin_writing(&self) -> Result<Tx<'static>, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl<'c> Tx<'c> {
    /// This transaction, for `on_tx!` (which takes an owned one or a `&mut` to one alike).
    pub fn as_tx(&mut self) -> &mut Tx<'c> {
        self
    }

    /// A savepoint inside this transaction: committed or rolled back on its own.
    pub async fn savepoint(&mut self) -> Result<Tx<'_>, sqlx::Error> {
        Ok(match self {
            Tx::Sqlite(tx) => Tx::Sqlite(tx.begin().await?),
            Tx::Postgres(tx) => Tx::Postgres(tx.begin().await?),
        })
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await,
            Tx::Postgres(tx) => tx.rollback().await,
        }
    }
}

/// Runs `$body` with `$pool` bound to the pool of either database: `on_db!(pool =>
/// sqlx::query("...").fetch_one(pool).await)`.
#[macro_export]
macro_rules! on_db {
    ($pool:ident => $body:expr) => {
        match &$pool {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$tx` bound to the open transaction of either database (`&mut **$tx` is
/// its connection): `on_tx!(tx => sqlx::query("...").execute(&mut **tx).await)`.
#[macro_export]
macro_rules! on_tx {
    ($tx:ident => $body:expr) => {
        match $tx.as_tx() {
            $crate::db::Tx::Sqlite($tx) => $body,
            $crate::db::Tx::Postgres($tx) => $body,
        }
    };
}

/// Runs `$body` with `$exec` bound to an executor of either database (a pool, or the
/// connection of a transaction): `on_exec!(exec => sqlx::query("...").execute(exec).await)`.
#[macro_export]
macro_rules! on_exec {
    ($exec:ident => $body:expr) => {
        match $exec {
            $crate::db::Exec::Db($crate::db::Db::Sqlite($exec)) => $body,
            $crate::db::Exec::Db($crate::db::Db::Postgres($exec)) => $body,
            $crate::db::Exec::Tx($crate::db::Tx::Sqlite(tx)) => {
                let $exec = &mut **tx;
                $body
            }
            $crate::db::Exec::Tx($crate::db::Tx::Postgres(tx)) => {
                let $exec = &mut **tx;
                $body
            }
        }
    };
}
