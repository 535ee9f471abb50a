//! What the back office's queue filters and searches on, taken from the submission whenever it
//! is stored or corrected: the distretto and Quartiere, the surname folded for prefix search, the
//! codice fiscale for exact search, and the name the queue lists. Rows stored before these
//! columns existed are filled at start-up ([`backfill`]).

use insieme_api::Submission;
use insieme_rules::{ComuneLookup, Territory};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use super::stored;
use crate::Result;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchKeys {
    pub district: Option<String>,
    pub quartiere: Option<String>,
    pub surname_key: Option<String>,
    pub tax_code: Option<String>,
    pub display_name: String,
}

impl SearchKeys {
    pub fn of(submission: &Submission) -> Self {
        let territory = Territory::embedded();
        let distretto_of = |comune: &str| match territory.lookup_comune(comune) {
            ComuneLookup::Found { distretto_id, .. } => Some(distretto_id),
            ComuneLookup::NotInTerritory { .. } => None,
        };
        let mut keys = SearchKeys::default();
        if let Some(person) = &submission.person {
            keys.district = distretto_of(&person.comune);
            keys.quartiere = Some(person.quartiere.clone()).filter(|quartiere| {
                !quartiere.is_empty() && quartiere != insieme_validation::application::QUARTIERE_UNKNOWN
            });
            keys.surname_key = Some(fold(&person.family_name));
            keys.tax_code = Some(person.codice_fiscale.trim().to_uppercase()).filter(|code| !code.is_empty());
            keys.display_name = format!("{} {}", person.family_name.trim(), person.given_name.trim());
        }
        if let Some(enterprise) = &submission.enterprise {
            keys.district = distretto_of(&enterprise.business_comune).or(keys.district);
        }
        if let Some(project) = &submission.youth_project {
            keys.surname_key = Some(fold(&project.contact_family_name));
            keys.display_name = project.organisation.trim().to_owned();
        }
        if let Some(community) = &submission.community {
            keys.surname_key = Some(fold(&community.contact_family_name));
            keys.display_name = community.organisation.trim().to_owned();
            if territory.distretti.iter().any(|distretto| distretto.id == community.area) {
                keys.district = Some(community.area.clone());
            } else {
                keys.quartiere = Some(community.area.clone());
                keys.district = distretto_of("Bologna");
            }
        }
        keys
    }
}

/// Lower case without accents or apostrophes' variants, so that "D'Angelo", "d’angelo" and
/// "DANGELO" find each other by their start.
pub fn fold(text: &str) -> String {
    text.trim()
        .nfd()
        .filter(|letter| !is_combining_mark(*letter))
        .filter(|letter| letter.is_alphanumeric() || *letter == ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Writes the keys of one application (inside the caller's transaction).
pub async fn write<'e, 'c: 'e>(
    executor: impl Into<crate::db::Exec<'e, 'c>>,
    id: &str,
    keys: &SearchKeys,
) -> Result<(), sqlx::Error> {
    let executor: crate::db::Exec<'e, 'c> = executor.into();
    crate::on_exec!(executor => sqlx::query(
        "UPDATE applications SET district = $1, quartiere = $2, surname_key = $3, tax_code = $4, display_name = $5, \
         keys_filled = TRUE WHERE id = $6",
    )
    .bind(&keys.district)
    .bind(&keys.quartiere)
    .bind(&keys.surname_key)
    .bind(&keys.tax_code)
    .bind(&keys.display_name)
    .bind(id)
    .execute(executor)
    .await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// Fills the keys of applications stored before they existed; returns how many.
pub async fn backfill(pool: &crate::db::Db) -> Result<usize> {
    let rows: Vec<(String, String)> = crate::on_db!(pool => sqlx::query_as("SELECT id, submission FROM applications WHERE keys_filled = FALSE").fetch_all(pool).await)?;
    for (id, submission) in &rows {
        let submission: Submission = stored::decode(submission)?;
        write(pool, id, &SearchKeys::of(&submission)).await?;
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn surnames_are_folded_for_search() {
        assert_eq!(fold(" D’Angelo "), "dangelo");
        assert_eq!(fold("Niccolò"), "niccolo");
        assert_eq!(fold("DE LUCA"), "de luca");
    }
}
