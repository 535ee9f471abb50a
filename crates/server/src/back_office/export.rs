//! The queue as a spreadsheet (CSV): what the account sees with the filters it chose, one row per
//! application, recorded in the audit log with the filters and how many rows left. Opened by
//! Italian offices in Excel or LibreOffice: `;` between cells (the Italian list separator), UTF-8
//! with a byte-order mark so that accents survive, and every cell that a spreadsheet would read
//! as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the start) prefixed with `'` (OWASP,
//! "CSV injection").

use insieme_api::back_office::{QueueItem, QueueQuery};
use sqlx::SqlitePool;

use super::{Actor, queue};
use crate::{Error, Result, audit};

/// The most rows one export carries (the whole queue of a large partner).
pub const EXPORT_MAX: u32 = 50_000;

const HEADER: [&str; 9] =
    ["numero", "canale", "stato", "nome", "zona", "organizzazione", "in carico a", "inviata il", "scadenza"];

/// The CSV of `actor`'s queue for `query`, audited.
pub async fn csv(pool: &SqlitePool, actor: &Actor, query: &QueueQuery, today: &str) -> Result<Vec<u8>> {
    let items = queue::all(pool, actor, query, today, EXPORT_MAX).await?;
    let body = write(&items)?;
    let filters = serde_json::to_string(query).map_err(|error| Error::Internal(error.to_string()))?;
    let details = format!("{} rows, filters {filters}", items.len());
    audit::record(pool, &actor.id, "export", "applications", "queue", Some(&details)).await?;
    Ok(body)
}

/// The rows as CSV bytes.
pub fn write(items: &[QueueItem]) -> Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::from("\u{feff}".as_bytes()));
    let failed = |error: csv::Error| Error::Internal(format!("csv: {error}"));
    writer.write_record(HEADER).map_err(failed)?;
    for item in items {
        let record = [
            item.reference.clone(),
            item.channel.code().to_owned(),
            item.state.code(),
            item.name.clone(),
            item.area.clone().unwrap_or_default(),
            item.owner.clone(),
            item.assignee.as_ref().map(|person| person.name.clone()).unwrap_or_default(),
            item.submitted_at.clone(),
            item.due_on.clone().unwrap_or_default(),
        ];
        writer.write_record(record.iter().map(|cell| inert(cell))).map_err(failed)?;
    }
    writer.into_inner().map_err(|error| Error::Internal(format!("csv: {error}")))
}

/// A cell a spreadsheet shows as text, never runs: a leading formula character gets a `'`.
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_made_text() {
        for formula in ["=HYPERLINK(\"http://x\")", "+39 333", "-1+1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(formula).starts_with('\''), "{formula:?}");
        }
        for text in ["Rossi", "IPL-2026-000001", "D'Amico", "", "1+1"] {
            assert_eq!(inert(text), text);
        }
    }
}
