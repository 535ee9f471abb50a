//! The queue as a spreadsheet: what the account sees with the filters it chose, one row per
//! application, recorded in the audit log with the format, the filters and how many rows left.
//! XLSX (`rust_xlsxwriter`): every cell is written as text, so nothing in it is ever a formula.
//! CSV for any tool: `;` between cells (the Italian list separator Excel expects), UTF-8 with a
//! byte-order mark so that accents survive, and every cell a spreadsheet would read as a formula
//! (`=`, `+`, `-`, `@`, tab, carriage return at the start) prefixed with `'` (OWASP, "CSV
//! injection").

use insieme_api::back_office::{QueueItem, QueueQuery};

use super::{Actor, queue};
use crate::{Error, Result, audit};

/// The most rows one export carries (the whole queue of a large partner).
pub const EXPORT_MAX: u32 = 50_000;

const HEADER: [&str; 9] =
    ["numero", "canale", "stato", "nome", "zona", "organizzazione", "in carico a", "inviata il", "scadenza"];

/// The file formats of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// `actor`'s queue for `query` as a file, audited.
pub async fn file(
    pool: &crate::db::Db,
    actor: &Actor,
    query: &QueueQuery,
    today: &str,
    format: Format,
) -> Result<Vec<u8>> {
    let items = queue::all(pool, actor, query, today, EXPORT_MAX + 1).await?;
    if items.len() > EXPORT_MAX as usize {
        return Err(Error::BadRequest(format!("more than {EXPORT_MAX} applications: narrow the filters")));
    }
    let records: Vec<[String; 9]> = items.iter().map(record).collect();
    let body = match format {
        Format::Csv => csv_bytes(&records)?,
        Format::Xlsx => xlsx_bytes(&records)?,
    };
    // The filters as chosen, but not what was searched for (a codice fiscale is personal data):
    // only that a search was made.
    let recorded = QueueQuery { q: query.q.as_ref().map(|_| "(search)".to_owned()), ..query.clone() };
    let filters = serde_json::to_string(&recorded).map_err(|error| Error::Internal(error.to_string()))?;
    let details = format!("{} rows as {}, filters {filters}", items.len(), format.extension());
    audit::record(pool, &actor.id, "export", "applications", "queue", Some(&details)).await?;
    Ok(body)
}

fn record(item: &QueueItem) -> [String; 9] {
    [
        item.reference.clone(),
        item.channel.code().to_owned(),
        item.state.code(),
        item.name.clone(),
        item.area.clone().unwrap_or_default(),
        item.owner.clone(),
        item.assignee.as_ref().map(|person| person.name.clone()).unwrap_or_default(),
        item.submitted_at.clone(),
        item.due_on.clone().unwrap_or_default(),
    ]
}

/// The rows as CSV bytes.
pub fn csv_bytes(records: &[[String; 9]]) -> Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::from("\u{feff}".as_bytes()));
    let failed = |error: csv::Error| Error::Internal(format!("csv: {error}"));
    writer.write_record(HEADER).map_err(failed)?;
    for record in records {
        writer.write_record(record.iter().map(|cell| inert(cell))).map_err(failed)?;
    }
    writer.into_inner().map_err(|error| Error::Internal(format!("csv: {error}")))
}

/// The rows as an XLSX workbook: a bold header row, every cell a string.
pub fn xlsx_bytes(records: &[[String; 9]]) -> Result<Vec<u8>> {
    let failed = |error: rust_xlsxwriter::XlsxError| Error::Internal(format!("xlsx: {error}"));
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Domande").map_err(failed)?;
    for (column, title) in (0u16..).zip(HEADER) {
        sheet.write_string_with_format(0, column, title, &bold).map_err(failed)?;
        sheet.set_column_width(column, if column == 3 { 32 } else { 18 }).map_err(failed)?;
    }
    for (row, record) in (1u32..).zip(records) {
        for (column, cell) in (0u16..).zip(record) {
            sheet.write_string(row, column, cell).map_err(failed)?;
        }
    }
    workbook.save_to_buffer().map_err(failed)
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
