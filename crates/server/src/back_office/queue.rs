//! The queue: the applications an account may see, filtered, searched, sorted and paged by key
//! (the page after the last row read, never an offset, so that deep pages cost what the first
//! one costs), with the counts per state of everything the other filters match.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use insieme_api::{
    Channel, State,
    back_office::{Person, QueueItem, QueuePage, QueueQuery, StateCount},
};
use sqlx::{Database, Encode, QueryBuilder, Type};

use super::{Actor, visibility};
use crate::{Error, Result, applications::keys::fold};

pub const DEFAULT_PAGE: u32 = 50;
pub const MAX_PAGE: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Deadline,
    Newest,
    Oldest,
}

#[derive(sqlx::FromRow)]
struct Row {
    reference: String,
    channel: String,
    state: String,
    display_name: Option<String>,
    owner_partner: String,
    area: Option<String>,
    district: Option<String>,
    quartiere: Option<String>,
    assignee: Option<String>,
    assignee_name: Option<String>,
    submitted_at: String,
    due_on: Option<String>,
    due_key: String,
    id: String,
}

/// One page of `actor`'s queue; `today` (Italy) decides what is overdue.
pub async fn page(pool: &crate::db::Db, actor: &Actor, query: &QueueQuery, today: &str) -> Result<QueuePage> {
    let sort = sort_of(query)?;
    let limit = query.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(Error::BadRequest(format!("limit is 1 to {MAX_PAGE}")));
    }
    let after = query.after.as_deref().map(Cursor::decode).transpose()?;

    let mut rows: Vec<Row> = crate::on_db!(pool => {
        let mut select = page_query("", actor, query, today, sort, after.as_ref(), limit);
        select.build_query_as().fetch_all(pool).await
    })?;
    let next = if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        rows.last().map(|row| {
            Cursor { due_key: row.due_key.clone(), submitted_at: row.submitted_at.clone(), id: row.id.clone() }.encode()
        })
    } else {
        None
    };

    let counted: Vec<(String, i64, Option<i64>)> = crate::on_db!(pool => {
        let mut count = count_query("", actor, query, today);
        count.build_query_as().fetch_all(pool).await
    })?;
    let overdue = counted.iter().map(|(_, _, overdue)| overdue.unwrap_or(0)).sum::<i64>();
    let mut counts: Vec<StateCount> = counted
        .into_iter()
        .filter_map(|(state, count, _)| {
            Some(StateCount { state: State::from_code(&state)?, count: u64::try_from(count).unwrap_or(0) })
        })
        .collect();
    counts.sort_by_key(|count| State::ALL.iter().position(|state| *state == count.state));

    let items = rows.into_iter().filter_map(|row| item(row, today)).collect();
    Ok(QueuePage { items, next, counts, overdue: u64::try_from(overdue).unwrap_or(0) })
}

/// Every row of `actor`'s queue for `query` (its filters and order), up to `limit`: the export.
pub async fn all(
    pool: &crate::db::Db,
    actor: &Actor,
    query: &QueueQuery,
    today: &str,
    limit: u32,
) -> Result<Vec<QueueItem>> {
    let sort = sort_of(query)?;
    let rows: Vec<Row> = crate::on_db!(pool => {
        page_query("", actor, query, today, sort, None, limit).build_query_as().fetch_all(pool).await
    })?;
    Ok(rows.into_iter().take(limit as usize).filter_map(|row| item(row, today)).collect())
}

fn sort_of(query: &QueueQuery) -> Result<Sort> {
    match query.sort.as_deref() {
        None | Some("deadline") => Ok(Sort::Deadline),
        Some("newest") => Ok(Sort::Newest),
        Some("oldest") => Ok(Sort::Oldest),
        Some(_) => Err(Error::BadRequest("sort is deadline, newest or oldest".to_owned())),
    }
}

/// The rows of one page, after `after`, one more than `limit` (to know whether a next page exists).
fn page_query<'a, DB>(
    prefix: &str,
    actor: &Actor,
    query: &QueueQuery,
    today: &str,
    sort: Sort,
    after: Option<&Cursor>,
    limit: u32,
) -> QueryBuilder<'a, DB>
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
    i64: Encode<'a, DB> + Type<DB>,
{
    let mut select = QueryBuilder::new(prefix);
    select.push(
        // An application without a deadline sorts after every real date.
        "SELECT a.reference, a.channel, a.state, a.display_name, a.owner_partner, a.area, a.district, a.quartiere, \
         a.assignee, acc.name AS assignee_name, a.submitted_at, a.due_on, \
         COALESCE(a.due_on, '9999-12-31') AS due_key, a.id \
         FROM applications a LEFT JOIN accounts acc ON acc.id = a.assignee WHERE ",
    );
    let (visible, binds) = visibility::condition(actor, DB::NAME == "SQLite");
    push_condition(&mut select, &visible, binds);
    filters(&mut select, actor, query, today, true);
    if let Some(cursor) = after {
        match sort {
            Sort::Deadline => {
                select.push(" AND (COALESCE(a.due_on, '9999-12-31'), a.submitted_at, a.id) > (");
                select.push_bind(cursor.due_key.clone()).push(", ");
                select.push_bind(cursor.submitted_at.clone()).push(", ");
                select.push_bind(cursor.id.clone()).push(")");
            }
            Sort::Newest | Sort::Oldest => {
                let comparison = if sort == Sort::Newest { " < " } else { " > " };
                select.push(" AND (a.submitted_at, a.id)").push(comparison).push("(");
                select.push_bind(cursor.submitted_at.clone()).push(", ");
                select.push_bind(cursor.id.clone()).push(")");
            }
        }
    }
    select.push(match sort {
        Sort::Deadline => " ORDER BY COALESCE(a.due_on, '9999-12-31'), a.submitted_at, a.id",
        Sort::Newest => " ORDER BY a.submitted_at DESC, a.id DESC",
        Sort::Oldest => " ORDER BY a.submitted_at, a.id",
    });
    select.push(" LIMIT ").push_bind(i64::from(limit) + 1);
    select
}

/// The counts per state (and how many are overdue) of everything the filters but the state match.
fn count_query<'a, DB>(prefix: &str, actor: &Actor, query: &QueueQuery, today: &str) -> QueryBuilder<'a, DB>
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
    i64: Encode<'a, DB> + Type<DB>,
{
    let mut count = QueryBuilder::new(prefix);
    let count_part = |count: &mut QueryBuilder<'a, DB>, (part, binds): (String, Vec<String>)| {
        count.push("SELECT a.state AS state, COUNT(*) AS n, SUM(CASE WHEN a.due_on < ");
        count.push_bind(today.to_owned()).push(" THEN 1 ELSE 0 END) AS overdue FROM applications a WHERE ");
        push_condition(count, &part, binds);
        filters(count, actor, query, today, false);
        count.push(" GROUP BY a.state");
    };
    if DB::NAME == "SQLite" {
        // SQLite: the whole condition in one pass over a covering index (migration 0007).
        count_part(&mut count, visibility::condition(actor, true));
        return count;
    }
    // PostgreSQL: one count per disjoint part of what the actor sees, each from a narrow index
    // (migration 0009), added up per state.
    count.push("SELECT state, CAST(SUM(n) AS BIGINT), CAST(SUM(overdue) AS BIGINT) FROM (");
    for (index, part) in visibility::disjoint_parts(actor).into_iter().enumerate() {
        if index > 0 {
            count.push(" UNION ALL ");
        }
        count_part(&mut count, part);
    }
    count.push(") parts GROUP BY state");
    count
}

/// SQLite's plan for the page and for the counts of `query` (`EXPLAIN QUERY PLAN`, one line per
/// step): tests check that the counts never read the table itself (migration 0007). On
/// PostgreSQL its `EXPLAIN`, one line per row.
pub async fn plans(pool: &crate::db::Db, actor: &Actor, query: &QueueQuery, today: &str) -> Result<(String, String)> {
    match pool {
        crate::db::Db::Sqlite(pool) => {
            let plan =
                |rows: Vec<(i64, i64, i64, String)>| rows.into_iter().map(|row| row.3).collect::<Vec<_>>().join("\n");
            let page = page_query("EXPLAIN QUERY PLAN ", actor, query, today, Sort::Deadline, None, DEFAULT_PAGE)
                .build_query_as()
                .fetch_all(pool)
                .await?;
            let counts =
                count_query("EXPLAIN QUERY PLAN ", actor, query, today).build_query_as().fetch_all(pool).await?;
            Ok((plan(page), plan(counts)))
        }
        crate::db::Db::Postgres(pool) => {
            let plan = |rows: Vec<(String,)>| rows.into_iter().map(|row| row.0).collect::<Vec<_>>().join("\n");
            let page = page_query("EXPLAIN ", actor, query, today, Sort::Deadline, None, DEFAULT_PAGE)
                .build_query_as()
                .fetch_all(pool)
                .await?;
            let counts = count_query("EXPLAIN ", actor, query, today).build_query_as().fetch_all(pool).await?;
            Ok((plan(page), plan(counts)))
        }
    }
}

fn item(row: Row, today: &str) -> Option<QueueItem> {
    let overdue = row.due_on.as_deref().is_some_and(|due| due < today);
    Some(QueueItem {
        channel: Channel::from_code(&row.channel)?,
        state: State::from_code(&row.state)?,
        reference: row.reference,
        name: row.display_name.unwrap_or_default(),
        owner: row.owner_partner,
        area: row.quartiere.or(row.area).or(row.district),
        assignee: row.assignee.zip(row.assignee_name).map(|(id, name)| Person { id, name }),
        submitted_at: row.submitted_at,
        due_on: row.due_on,
        overdue,
    })
}

/// The query's filters, after what the actor may see (the caller puts that first). `with_state`
/// is false for the counts, which are given for every state.
fn filters<'a, DB>(builder: &mut QueryBuilder<'a, DB>, actor: &Actor, query: &QueueQuery, today: &str, with_state: bool)
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
{
    if let Some(channel) = query.channel {
        builder.push(" AND a.channel = ").push_bind(channel.code().to_owned());
    }
    if let (true, Some(state)) = (with_state, query.state) {
        builder.push(" AND a.state = ").push_bind(state.code().to_owned());
    }
    if let Some(area) = query.area.as_deref().filter(|area| !area.is_empty()) {
        builder.push(" AND (a.district = ").push_bind(area.to_owned());
        builder.push(" OR a.quartiere = ").push_bind(area.to_owned()).push(")");
    }
    match query.assignee.as_deref() {
        None | Some("") => {}
        Some("mine") => {
            builder.push(" AND a.assignee = ").push_bind(actor.id.clone());
        }
        Some("unassigned") => {
            builder.push(" AND a.assignee IS NULL");
        }
        Some(account) => {
            builder.push(" AND a.assignee = ").push_bind(account.to_owned());
        }
    }
    if query.overdue == Some(true) {
        builder.push(" AND a.due_on < ").push_bind(today.to_owned());
    }
    if let Some(text) = query.q.as_deref().map(str::trim).filter(|text| !text.is_empty()) {
        match Search::of(text) {
            Search::Reference(reference) => builder.push(" AND a.reference = ").push_bind(reference),
            Search::TaxCode(code) => builder.push(" AND a.tax_code = ").push_bind(code),
            Search::Surname(start) => {
                let end = format!("{start}\u{10FFFF}");
                builder.push(" AND a.surname_key >= ").push_bind(start).push(" AND a.surname_key < ").push_bind(end)
            }
        };
    }
}

/// Appends `condition` (with `?` placeholders) binding `values` in order.
fn push_condition<'a, DB>(builder: &mut QueryBuilder<'a, DB>, condition: &str, values: Vec<String>)
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
{
    let mut parts = condition.split('?');
    builder.push("(");
    if let Some(first) = parts.next() {
        builder.push(first);
    }
    for (part, value) in parts.zip(values) {
        builder.push_bind(value).push(part);
    }
    builder.push(")");
}

/// What a search box text is: a reference, a codice fiscale, or the start of a surname.
#[derive(Debug, PartialEq, Eq)]
enum Search {
    Reference(String),
    TaxCode(String),
    Surname(String),
}

impl Search {
    fn of(text: &str) -> Search {
        let upper = text.to_uppercase();
        if upper.starts_with("IPL-") {
            Search::Reference(upper)
        } else if upper.len() == 16
            && upper.chars().all(|letter| letter.is_ascii_alphanumeric())
            && upper.chars().any(|letter| letter.is_ascii_digit())
        {
            Search::TaxCode(upper)
        } else {
            Search::Surname(fold(text))
        }
    }
}

/// Where a page ends: the sort key of its last row, opaque to the client.
struct Cursor {
    due_key: String,
    submitted_at: String,
    id: String,
}

impl Cursor {
    fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}|{}|{}", self.due_key, self.submitted_at, self.id))
    }

    fn decode(text: &str) -> Result<Cursor> {
        let bad = || Error::BadRequest("after is not a page mark this server gave".to_owned());
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| bad())?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = text.splitn(3, '|');
        let (Some(due_key), Some(submitted_at), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        Ok(Cursor { due_key: due_key.to_owned(), submitted_at: submitted_at.to_owned(), id: id.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::Search;

    #[test]
    fn the_search_box_tells_references_tax_codes_and_surnames_apart() {
        assert_eq!(Search::of("ipl-2026-000012"), Search::Reference("IPL-2026-000012".to_owned()));
        assert_eq!(Search::of("rssmra85m01a944x"), Search::TaxCode("RSSMRA85M01A944X".to_owned()));
        assert_eq!(Search::of("D'Ang"), Search::Surname("dang".to_owned()));
    }
}
