//! The check of a workflow request against what the step must record
//! (`insieme_rules::records::Records`, read from the words of `workflows.toml`).

use insieme_api::back_office::ActionRequest;
pub use insieme_rules::records::Records;

use crate::{Error, Result};

/// Refuses a request that lacks what the step must record, or carries what it does not.
pub fn check(records: &Records, request: &ActionRequest) -> Result<()> {
    let missing = |what: &str| Err(Error::BadRequest(format!("{}: {what} is required", request.action)));
    let unexpected = |what: &str| Err(Error::BadRequest(format!("{}: {what} does not belong here", request.action)));
    let note = request.note.as_deref().map(str::trim).unwrap_or_default();
    if records.note && note.is_empty() {
        return missing("note");
    }
    if records.fields && request.fields.is_empty() {
        return missing("fields");
    }
    if !records.fields && !request.fields.is_empty() {
        return unexpected("fields");
    }
    if (records.shares || records.partners_present) && request.partners.is_empty() {
        return missing("partners");
    }
    if !(records.shares || records.partners_present || request.partners.is_empty()) {
        return unexpected("partners");
    }
    match (&records.choice, request.path.as_deref()) {
        (Some(choices), Some(path)) if choices.iter().any(|choice| choice == path) => {}
        (Some(_), _) => return missing("path (one of the listed values)"),
        (None, Some(_)) => return unexpected("path"),
        (None, None) => {}
    }
    if records.slot != request.interview.is_some() {
        return if records.slot { missing("interview") } else { unexpected("interview") };
    }
    if records.grid {
        let criteria = &insieme_rules::Instrument::sustainability().items;
        let scored_all =
            criteria.iter().all(|criterion| request.items.get(&criterion.id).is_some_and(|level| *level <= 3));
        let only_criteria = request.items.keys().all(|id| criteria.iter().any(|criterion| criterion.id == *id));
        if !scored_all || !only_criteria {
            return missing("items (every criterion of the sustainability grid, 0 to 3)");
        }
    } else if !records.items && !request.items.is_empty() {
        return unexpected("items");
    }
    Ok(())
}
