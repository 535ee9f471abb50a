//! What is wrong with a draft, found by the server's own checks, sorted and worded for people.

use insieme_rules::{Answers, Date, Instrument};
use insieme_validation::{Context, FieldProblem, OpenCall, check_submission};

use super::{Draft, Form, Page, is_asked};

/// Every problem the shared checks find in the draft.
pub fn problems(
    draft: &Draft,
    form: Form,
    answers: Option<&Answers>,
    today: Date,
    open_calls: &[OpenCall],
) -> Vec<FieldProblem> {
    let instrument = Instrument::fragility();
    let context = Context { today, open_calls, instrument };
    check_submission(&draft.submission(form, answers, instrument), &context).err().unwrap_or_default()
}

/// The problems that belong to the fields of `page` (a page is checked before moving on), in
/// the order of its fields, so that the error summary reads like the form.
pub fn problems_on_page(problems: &[FieldProblem], page: &Page, draft: &Draft) -> Vec<FieldProblem> {
    let position = |problem: &FieldProblem| {
        page.fields.iter().position(|field| is_asked(field, draft) && field.owns(&problem.field))
    };
    let mut found: Vec<(usize, FieldProblem)> =
        problems.iter().filter_map(|problem| position(problem).map(|index| (index, problem.clone()))).collect();
    found.sort_by_key(|(index, _)| *index);
    found.into_iter().map(|(_, problem)| problem).collect()
}

/// Every problem in the order of the form's pages and fields (those of no page last).
pub fn problems_in_form_order(problems: Vec<FieldProblem>, form: Form) -> Vec<FieldProblem> {
    let order = |path: &str| {
        form.pages().iter().flat_map(|page| page.fields.iter()).position(|field| field.owns(path)).unwrap_or(usize::MAX)
    };
    let mut problems = problems;
    problems.sort_by_key(|problem| order(&problem.field));
    problems
}

/// The page that holds a field, for the Change links and for problems found at the end.
pub fn page_of(form: Form, path: &str) -> Option<&'static Page> {
    form.pages().iter().find(|page| page.fields.iter().any(|field| field.owns(path)))
}

/// The message key of a problem on a field: a specific one when the locale has it
/// (`problems.person.codice_fiscale.check_character`), else the general one.
pub fn problem_keys(problem: &FieldProblem) -> [String; 2] {
    let field = problem.field.split('[').next().unwrap_or_default();
    // Fields of the same kind share their wording: every phone is written like the person's.
    let name = field.rsplit('.').next().unwrap_or_default();
    let field = match name {
        "contact_phone" => "person.phone",
        "contact_email" => "person.email",
        _ => field,
    };
    [format!("problems.{field}.{}", problem.problem.code()), format!("problems.{}", problem.problem.code())]
}
