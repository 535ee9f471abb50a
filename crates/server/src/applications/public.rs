//! The public lists: calls open today (channel 3) and the community opportunities the networks
//! supported. No personal data leaves through them.

use insieme_api::{CallView, Opportunity, Submission};

use insieme_rules::Date;

use super::stored;
use crate::{Result, clock::Clock};

/// Calls open today, for `GET /api/calls`.
pub async fn open_calls(pool: &crate::db::Db, clock: &Clock) -> Result<Vec<CallView>> {
    calls_open_on(pool, clock.today_in_italy()).await
}

/// Calls open on `day` (a correction is checked against the calls open when it was submitted).
pub async fn calls_open_on(pool: &crate::db::Db, day: Date) -> Result<Vec<CallView>> {
    let today = day.to_string();
    let rows: Vec<CallRow> = crate::on_db!(pool => sqlx::query_as(
        "SELECT id, title, min_age, max_age, target, opens_on, closes_on, description FROM calls \
         WHERE opens_on <= $1 AND closes_on >= $2 ORDER BY closes_on, id",
    )
    .bind(&today)
    .bind(&today)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|row| CallView {
            id: row.id,
            title: row.title,
            min_age: u32::try_from(row.min_age).unwrap_or(0),
            max_age: u32::try_from(row.max_age).unwrap_or(u32::MAX),
            target: row.target,
            opens_on: row.opens_on,
            closes_on: row.closes_on,
            description: row.description,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct CallRow {
    id: String,
    title: String,
    /// BIGINT on PostgreSQL, whose driver reads no unsigned numbers.
    min_age: i64,
    max_age: i64,
    target: String,
    opens_on: String,
    closes_on: String,
    description: String,
}

/// Community opportunities the networks supported or published (public fields only).
pub async fn opportunities(pool: &crate::db::Db) -> Result<Vec<Opportunity>> {
    let rows: Vec<(String, String)> = crate::on_db!(pool => sqlx::query_as(
        "SELECT reference, submission FROM applications WHERE channel = 'community' \
         AND state IN ('supported', 'published') ORDER BY area, submitted_at",
    )
    .fetch_all(pool)
    .await)?;
    let areas = insieme_validation::application::community_areas();
    Ok(rows
        .into_iter()
        .filter_map(|(reference, submission)| {
            let submission: Submission = stored::decode(&submission).ok()?;
            let details = submission.community?;
            let area_name = areas.iter().find(|(id, _)| *id == details.area).map(|(_, name)| (*name).to_owned())?;
            Some(Opportunity {
                reference,
                organisation: details.organisation,
                area: details.area,
                area_name,
                tasks: details.tasks,
                hours_per_week: details.hours_per_week.parse().ok()?,
                starts_on: details.starts_on,
                ends_on: details.ends_on,
                places: details.places.parse().ok()?,
            })
        })
        .collect())
}
