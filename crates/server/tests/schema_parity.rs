//! The SQLite and PostgreSQL migrations make the same schema, as the services see it: the same
//! tables, columns (kind, nullability, primary key, whether there is a default), unique keys,
//! foreign keys, number of CHECK constraints and indexes (issue 13); and on both the logs are
//! append-only. Needs PostgreSQL: `cargo xtask test` starts a cluster and sets
//! `IPL_TEST_POSTGRES_URL`; a plain `cargo test` lists these tests as ignored.

#[path = "support/common.rs"]
mod common;

use std::collections::BTreeMap;

use sqlx::{PgPool, Row, SqlitePool};

/// One table as the services see it.
#[derive(Debug, PartialEq, Eq, Default)]
struct Table {
    /// name -> (kind, not null, part of the primary key, has a default)
    columns: BTreeMap<String, (&'static str, bool, bool, bool)>,
    /// Column lists that must be unique (primary key and unique constraints or indexes).
    unique: Vec<Vec<String>>,
    /// (column, referenced table, referenced column)
    foreign_keys: Vec<(String, String, String)>,
    checks: usize,
    /// name -> key columns (an expression as `<expression>`); indexes made by CREATE INDEX.
    indexes: BTreeMap<String, Vec<String>>,
}

/// The column kinds as Rust reads them: text, or a whole number (SQLite INTEGER is PostgreSQL
/// BIGINT, or BOOLEAN for a flag, which sqlx reads as `bool` from either).
fn kind(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "text" => "text",
        "integer" | "bigint" | "boolean" => "integer",
        _ => "other",
    }
}

async fn sqlite_schema(pool: &SqlitePool) -> BTreeMap<String, Table> {
    let names: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .expect("tables");
    let mut schema = BTreeMap::new();
    for (name, sql) in names {
        let mut table = Table::default();
        let columns = sqlx::query("SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info(?)")
            .bind(&name)
            .fetch_all(pool)
            .await
            .expect("columns");
        let mut primary_key = Vec::new();
        for column in columns {
            let column_name: String = column.get("name");
            let pk: i64 = column.get("pk");
            if pk > 0 {
                primary_key.push((pk, column_name.clone()));
            }
            let not_null = column.get::<i64, _>("notnull") == 1 || pk > 0;
            let default: Option<String> = column.get("dflt_value");
            table.columns.insert(column_name, (kind(column.get("type")), not_null, pk > 0, default.is_some()));
        }
        primary_key.sort();
        if !primary_key.is_empty() {
            table.unique.push(primary_key.into_iter().map(|(_, column)| column).collect());
        }
        let indexes: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT name, \"unique\", origin FROM pragma_index_list(?)")
                .bind(&name)
                .fetch_all(pool)
                .await
                .expect("indexes");
        for (index, unique, origin) in indexes {
            let keys: Vec<(i64, Option<String>)> =
                sqlx::query_as("SELECT seqno, name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(pool)
                    .await
                    .expect("index columns");
            let keys: Vec<String> =
                keys.into_iter().map(|(_, key)| key.unwrap_or_else(|| "<expression>".to_owned())).collect();
            match origin.as_str() {
                "pk" => {}
                _ if unique == 1 => table.unique.push(keys),
                _ => {
                    table.indexes.insert(index, keys);
                }
            }
        }
        let foreign_keys: Vec<(String, String, String)> =
            sqlx::query_as("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)")
                .bind(&name)
                .fetch_all(pool)
                .await
                .expect("foreign keys");
        table.foreign_keys = foreign_keys;
        table.checks = sql.to_ascii_uppercase().matches("CHECK (").count();
        schema.insert(name, table);
    }
    for table in schema.values_mut() {
        table.unique.sort();
        table.foreign_keys.sort();
    }
    schema
}

async fn postgres_schema(pool: &PgPool) -> BTreeMap<String, Table> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
         AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' ORDER BY 1",
    )
    .fetch_all(pool)
    .await
    .expect("tables");
    let mut schema = BTreeMap::new();
    for name in names {
        let mut table = Table::default();
        let primary_key: Vec<String> = sqlx::query_scalar(
            "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid \
             AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .expect("primary key");
        let columns = sqlx::query(
            "SELECT column_name::text AS name, data_type::text AS kind, is_nullable::text AS nullable, \
             (column_default IS NOT NULL) AS has_default FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .expect("columns");
        for column in columns {
            let column_name: String = column.get("name");
            let in_key = primary_key.contains(&column_name);
            let not_null = column.get::<String, _>("nullable") == "NO";
            table.columns.insert(column_name, (kind(column.get("kind")), not_null, in_key, column.get("has_default")));
        }
        let constraints: Vec<(String, i64, Option<String>)> = sqlx::query_as(
            "SELECT contype::text, conindid::bigint, pg_get_constraintdef(oid) FROM pg_constraint \
             WHERE conrelid = $1::regclass",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .expect("constraints");
        let indexes: Vec<(String, i64, bool, i32)> = sqlx::query_as(
            "SELECT c.relname::text, i.indexrelid::bigint, i.indisunique, i.indnkeyatts::int FROM pg_index i \
             JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .expect("indexes");
        for (index, oid, unique, key_count) in indexes {
            let mut keys = Vec::new();
            for position in 1..=key_count {
                let key: String = sqlx::query_scalar("SELECT pg_get_indexdef($1::bigint::oid, $2, true)")
                    .bind(oid)
                    .bind(position)
                    .fetch_one(pool)
                    .await
                    .expect("index column");
                let plain = table.columns.contains_key(&key);
                keys.push(if plain { key } else { "<expression>".to_owned() });
            }
            // Primary keys and unique constraints are unique keys, as SQLite lists them.
            let from_constraint =
                constraints.iter().any(|(kind, index, _)| *index == oid && (kind == "p" || kind == "u"));
            if unique || from_constraint {
                table.unique.push(keys);
            } else {
                table.indexes.insert(index, keys);
            }
        }
        let foreign_keys: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT a.attname::text, f.relname::text, fa.attname::text FROM pg_constraint c \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             JOIN pg_class f ON f.oid = c.confrelid \
             JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1] \
             WHERE c.contype = 'f' AND c.conrelid = $1::regclass",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .expect("foreign keys");
        table.foreign_keys = foreign_keys;
        table.checks = constraints.iter().filter(|(kind, ..)| kind == "c").count();
        schema.insert(name, table);
    }
    for table in schema.values_mut() {
        table.unique.sort();
        table.foreign_keys.sort();
    }
    schema
}

/// A new, empty PostgreSQL database of this test's own in the cluster the test command started.
async fn new_postgres_database() -> String {
    let url = common::postgres_cluster()
        .expect("IPL_TEST_POSTGRES_URL is not set: run `cargo xtask test`, which starts a PostgreSQL cluster");
    common::new_postgres_database(&url).await
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test starts a cluster"]
async fn postgres_and_sqlite_migrations_make_the_same_schema() {
    let folder = tempfile::tempdir().expect("temp dir");
    let sqlite = insieme_server::db::open(&folder.path().join("parity.db")).await.expect("sqlite");
    let postgres = insieme_server::db::open_postgres(&new_postgres_database().await).await.expect("postgres");
    let (sqlite_schema, postgres_schema) = (sqlite_schema(&sqlite).await, postgres_schema(&postgres).await);
    assert!(sqlite_schema.len() >= 14, "{:?}", sqlite_schema.keys());
    assert_eq!(sqlite_schema.keys().collect::<Vec<_>>(), postgres_schema.keys().collect::<Vec<_>>(), "the same tables");
    for (name, table) in &sqlite_schema {
        assert_eq!(Some(table), postgres_schema.get(name), "table {name}: SQLite (left) and PostgreSQL (right) differ");
    }
    // The same migration versions, so that each SQLite migration has its twin.
    let versions = "SELECT version FROM _sqlx_migrations ORDER BY version";
    let sqlite_versions: Vec<i64> = sqlx::query_scalar(versions).fetch_all(&sqlite).await.expect("versions");
    let postgres_versions: Vec<i64> = sqlx::query_scalar(versions).fetch_all(&postgres).await.expect("versions");
    assert_eq!(sqlite_versions, postgres_versions);
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test starts a cluster"]
async fn postgres_refuses_to_change_or_remove_a_log_row_as_sqlite_does() {
    let folder = tempfile::tempdir().expect("temp dir");
    let sqlite = insieme_server::db::open(&folder.path().join("logs.db")).await.expect("sqlite");
    let postgres = insieme_server::db::open_postgres(&new_postgres_database().await).await.expect("postgres");
    let insert = "INSERT INTO audit_log (occurred_at, actor, action, subject) VALUES ('2026-11-30T10:00:00Z', 'system', 'test', 'log')";
    sqlx::query(insert).execute(&sqlite).await.expect("sqlite insert");
    sqlx::query(insert).execute(&postgres).await.expect("postgres insert");
    for change in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"] {
        let on_sqlite = sqlx::query(change).execute(&sqlite).await;
        let on_postgres = sqlx::query(change).execute(&postgres).await;
        assert!(on_sqlite.is_err(), "SQLite allowed: {change}");
        assert!(on_postgres.is_err(), "PostgreSQL allowed: {change}");
        assert!(on_postgres.expect_err("refused").to_string().contains("append-only"));
    }
    assert!(sqlx::query("TRUNCATE audit_log").execute(&postgres).await.is_err(), "PostgreSQL allowed TRUNCATE");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(&postgres).await.expect("count");
    assert_eq!(left, 1);
}
