//! Organisations and access points as administrators manage them: listed for everyone signed in
//! (to choose where an account belongs), created and opened or closed by administrators, every
//! change in the audit log. The spec's lists are seeded at each start without overwriting (a
//! closed place stays closed; a renamed one keeps its name).

use insieme_api::back_office::{NewPlace, Place, PlaceChange, Places};
use insieme_rules::{ComuneLookup, Role, Territory};
use serde_json::json;

use super::Actor;
use crate::{Error, Result, audit};

/// Organisations and access points with their names, open ones first.
pub async fn list(pool: &crate::db::Db) -> Result<Places> {
    let organisations: Vec<PlaceRow> = crate::on_db!(pool => sqlx::query_as("SELECT id, name, active, joint_analysis, '', '' FROM organisations ORDER BY active DESC, name")
            .fetch_all(pool)
            .await)?;
    let access_points: Vec<PlaceRow> = crate::on_db!(pool => sqlx::query_as("SELECT id, name, active, FALSE, comune, address FROM access_points ORDER BY active DESC, name")
            .fetch_all(pool)
            .await)?;
    let place = |(id, name, active, joint_analysis, comune, address): PlaceRow| Place {
        id,
        name,
        active,
        joint_analysis,
        comune,
        address,
    };
    Ok(Places {
        organisations: organisations.into_iter().map(place).collect(),
        access_points: access_points.into_iter().map(place).collect(),
    })
}

type PlaceRow = (String, String, bool, bool, String, String);

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
pub async fn create(pool: &crate::db::Db, actor: &Actor, place: &NewPlace) -> Result<Place> {
    actor.require(&[Role::Administrator])?;
    let table = table(&place.kind)?;
    if !valid_id(&place.id) {
        return Err(Error::BadRequest(
            "an id of 2 to 60 lower-case letters, digits, '-', '_' or ':' is needed".to_owned(),
        ));
    }
    let name = checked_name(&place.name)?;
    let mut tx = pool.begin().await?;
    let (comune, address) = if table == "organisations" {
        (String::new(), String::new())
    } else {
        checked_location(&place.comune, &place.address)?
    };
    let inserted = if table == "organisations" {
        crate::on_tx!(tx => sqlx::query("INSERT INTO organisations (id, name, joint_analysis) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING")
            .bind(&place.id)
            .bind(name)
            .bind(place.joint_analysis)
            .execute(&mut **tx)
            .await.map(|done| done.rows_affected()))?
    } else {
        crate::on_tx!(tx => sqlx::query(
            "INSERT INTO access_points (id, name, comune, address) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&place.id)
        .bind(name)
        .bind(&comune)
        .bind(&address)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?
    };
    if inserted == 0 {
        return Err(Error::Conflict);
    }
    audit::record(&mut tx, &actor.id, "create", &place.kind, &place.id, Some(name)).await?;
    tx.commit().await?;
    Ok(Place {
        id: place.id.clone(),
        name: name.to_owned(),
        active: true,
        joint_analysis: table == "organisations" && place.joint_analysis,
        comune,
        address,
    })
}

/// Renames a place; an access point may also move (comune and address, which people see for their
/// appointments). Administrators; the change is audited with the values before and after.
pub async fn update(pool: &crate::db::Db, actor: &Actor, kind: &str, id: &str, change: &PlaceChange) -> Result<Place> {
    actor.require(&[Role::Administrator])?;
    let table = table(kind)?;
    let name = checked_name(&change.name)?;
    let location =
        if table == "access_points" { Some(checked_location(&change.comune, &change.address)?) } else { None };
    let mut tx = pool.begin_writing().await?;
    let before: Option<(String, String, String)> = crate::on_tx!(tx => sqlx::query_as(&format!(
        "SELECT name, {} FROM {table} WHERE id = $1",
        if table == "access_points" { "comune, address" } else { "'', ''" }
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await)?;
    let (old_name, old_comune, old_address) = before.ok_or(Error::NotFound)?;
    let (comune, address) = location.unwrap_or_default();
    if table == "access_points" {
        crate::on_tx!(tx => sqlx::query("UPDATE access_points SET name = $1, comune = $2, address = $3 WHERE id = $4")
            .bind(name)
            .bind(&comune)
            .bind(&address)
            .bind(id)
            .execute(&mut **tx)
            .await.map(|done| done.rows_affected()))?;
    } else {
        crate::on_tx!(tx => sqlx::query("UPDATE organisations SET name = $1 WHERE id = $2").bind(name).bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    }
    audit::record_change_of(
        &mut tx,
        &actor.id,
        "change",
        (kind, id),
        json!({ "name": old_name, "comune": old_comune, "address": old_address }),
        json!({ "name": name, "comune": comune, "address": address }),
    )
    .await?;
    tx.commit().await?;
    let (active, joint_analysis): (bool, bool) = crate::on_db!(pool => sqlx::query_as(&format!(
        "SELECT active, {} FROM {table} WHERE id = $1",
        if table == "organisations" { "joint_analysis" } else { "FALSE" }
    ))
    .bind(id)
    .fetch_one(pool)
    .await)?;
    Ok(Place { id: id.to_owned(), name: name.to_owned(), active, joint_analysis, comune, address })
}

/// A name of a place or an account: trimmed, not empty, at most 160 characters, one line.
pub fn checked_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 160 || name.chars().any(char::is_control) {
        return Err(Error::BadRequest("a name of at most 160 characters is needed".to_owned()));
    }
    Ok(name)
}

/// The comune (one of the 55, by its official name) and the address of an access point.
fn checked_location(comune: &str, address: &str) -> Result<(String, String)> {
    let comune = match Territory::embedded().lookup_comune(comune) {
        ComuneLookup::Found { comune, .. } => comune,
        _ => return Err(Error::BadRequest("the comune must be one of the 55 of the territory".to_owned())),
    };
    let address = address.trim();
    if address.is_empty() || address.chars().count() > 200 || address.chars().any(char::is_control) {
        return Err(Error::BadRequest("an access point needs its address (at most 200 characters)".to_owned()));
    }
    Ok((comune.to_owned(), address.to_owned()))
}

/// Opens or closes a place (administrators). A closed place keeps its history and its accounts.
pub async fn set_active(pool: &crate::db::Db, actor: &Actor, kind: &str, id: &str, active: bool) -> Result<()> {
    actor.require(&[Role::Administrator])?;
    let table = table(kind)?;
    let mut tx = pool.begin().await?;
    let changed = crate::on_tx!(tx => sqlx::query(&format!("UPDATE {table} SET active = $1 WHERE id = $2"))
        .bind(active)
        .bind(id)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, &actor.id, if active { "open" } else { "close" }, kind, id, None).await?;
    tx.commit().await?;
    Ok(())
}
