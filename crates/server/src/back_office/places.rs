//! Organisations and access points as administrators manage them: listed for everyone signed in
//! (to choose where an account belongs), created and opened or closed by administrators, every
//! change in the audit log. The spec's lists are seeded at each start without overwriting (a
//! closed place stays closed; a renamed one keeps its name).

use insieme_api::back_office::{NewPlace, Place, Places};
use insieme_rules::{ComuneLookup, Role, Territory};
use sqlx::SqlitePool;

use super::Actor;
use crate::{Error, Result, audit};

/// Organisations and access points with their names, open ones first.
pub async fn list(pool: &SqlitePool) -> Result<Places> {
    let organisations: Vec<(String, String, bool, bool)> =
        sqlx::query_as("SELECT id, name, active, joint_analysis FROM organisations ORDER BY active DESC, name")
            .fetch_all(pool)
            .await?;
    let access_points: Vec<(String, String, bool, bool)> =
        sqlx::query_as("SELECT id, name, active, 0 FROM access_points ORDER BY active DESC, name")
            .fetch_all(pool)
            .await?;
    let place =
        |(id, name, active, joint_analysis): (String, String, bool, bool)| Place { id, name, active, joint_analysis };
    Ok(Places {
        organisations: organisations.into_iter().map(place).collect(),
        access_points: access_points.into_iter().map(place).collect(),
    })
}

/// Which table a place kind lives in.
fn table(kind: &str) -> Result<&'static str> {
    match kind {
        "organisation" => Ok("organisations"),
        "access_point" => Ok("access_points"),
        _ => Err(Error::BadRequest("kind is organisation or access_point".to_owned())),
    }
}

fn valid_id(id: &str) -> bool {
    (2..=60).contains(&id.len())
        && id.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"-_:".contains(&byte))
}

/// A new organisation or access point (administrators), open.
pub async fn create(pool: &SqlitePool, actor: &Actor, place: &NewPlace) -> Result<Place> {
    actor.require(&[Role::Administrator])?;
    let table = table(&place.kind)?;
    let name = place.name.trim();
    if !valid_id(&place.id) || name.is_empty() || name.chars().count() > 160 {
        return Err(Error::BadRequest(
            "an id of 2 to 60 lower-case letters, digits, '-', '_' or ':' and a name are needed".to_owned(),
        ));
    }
    let mut tx = pool.begin().await?;
    let inserted = if table == "organisations" {
        sqlx::query("INSERT INTO organisations (id, name, joint_analysis) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
            .bind(&place.id)
            .bind(name)
            .bind(place.joint_analysis)
            .execute(&mut *tx)
            .await?
    } else {
        let comune = match Territory::embedded().lookup_comune(&place.comune) {
            ComuneLookup::Found { comune, .. } => comune,
            _ => return Err(Error::BadRequest("the comune must be one of the 55 of the territory".to_owned())),
        };
        if place.address.trim().is_empty() {
            return Err(Error::BadRequest("an access point needs its address".to_owned()));
        }
        sqlx::query(
            "INSERT INTO access_points (id, name, comune, address) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&place.id)
        .bind(name)
        .bind(comune)
        .bind(place.address.trim())
        .execute(pool)
        .await?
    };
    if inserted.rows_affected() == 0 {
        return Err(Error::Conflict);
    }
    audit::record(&mut *tx, &actor.id, "create", &place.kind, &place.id, Some(name)).await?;
    tx.commit().await?;
    Ok(Place {
        id: place.id.clone(),
        name: name.to_owned(),
        active: true,
        joint_analysis: table == "organisations" && place.joint_analysis,
    })
}

/// Opens or closes a place (administrators). A closed place keeps its history and its accounts.
pub async fn set_active(pool: &SqlitePool, actor: &Actor, kind: &str, id: &str, active: bool) -> Result<()> {
    actor.require(&[Role::Administrator])?;
    let table = table(kind)?;
    let mut tx = pool.begin().await?;
    let changed = sqlx::query(&format!("UPDATE {table} SET active = ? WHERE id = ?"))
        .bind(active)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if changed.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    audit::record(&mut *tx, &actor.id, if active { "open" } else { "close" }, kind, id, None).await?;
    tx.commit().await?;
    Ok(())
}
