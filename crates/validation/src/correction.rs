//! A correction of some fields of a stored application, checked so that only what the
//! correction breaks refuses it (see [`check_correction`]).

use insieme_api::Submission;

use crate::{
    Problem,
    application::{Context, FieldProblem, check_parts},
};

/// A correction of `fields` (paths such as `person.phone`) of an application stored as `stored`,
/// checked against `context` as it was when the application was submitted. Only what the
/// correction breaks is refused: a problem the stored application already had (a call closed
/// since, an access point removed since) never blocks a person asked to fix their phone
/// number, while a new problem of any field (the corrected one, or one tied to it, such as the
/// codice fiscale and the birth date) does. `Ok` holds the stored application with the
/// corrected fields, normalised.
pub fn check_correction(
    stored: &Submission,
    corrected: &Submission,
    fields: &[&str],
    context: &Context<'_>,
) -> Result<Submission, Vec<FieldProblem>> {
    let (_, known) = check_parts(stored, context);
    let (normalised, problems) = check_parts(corrected, context);
    let new: Vec<FieldProblem> = problems.into_iter().filter(|problem| !known.contains(problem)).collect();
    if !new.is_empty() {
        return Err(new);
    }
    let normalised = serde_json::to_value(&normalised).unwrap_or_default();
    let mut result = serde_json::to_value(stored).unwrap_or_default();
    for field in fields {
        let pointer = format!("/{}", field.replace('.', "/"));
        if let (Some(value), Some(slot)) = (normalised.pointer(&pointer), result.pointer_mut(&pointer)) {
            *slot = value.clone();
        }
    }
    serde_json::from_value(result)
        .map_err(|_| vec![FieldProblem { field: "values".to_owned(), problem: Problem::Format }])
}
