//! What is wrong with a draft, found by the server's own checks, sorted and worded for people.

use insieme_rules::{Answers, Date, Instrument};
use insieme_validation::{Context, FieldProblem, OpenCall, check_submission};

use super::{Draft, Form, Kind, Page, is_asked};

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

/// The message keys of a problem on a field, most specific first: the field's own
/// (`problems.person.codice_fiscale.check_character`), the one of its kind of question, which
/// says what to do (`problems.choose.missing`: "Scegli una delle risposte"), the general one.
pub fn problem_keys(problem: &FieldProblem) -> [String; 3] {
    let field = problem.field.split('[').next().unwrap_or_default();
    // Fields of the same kind share their wording: every phone is written like the person's.
    let name = field.rsplit('.').next().unwrap_or_default();
    let field = match name {
        "contact_phone" => "person.phone",
        "contact_email" => "person.email",
        _ => field,
    };
    let code = problem.problem.code();
    let general = format!("problems.{code}");
    let of_kind = kind_of(field).map_or_else(|| general.clone(), |kind| format!("problems.{kind}.{code}"));
    [format!("problems.{field}.{code}"), of_kind, general]
}

/// How a field of the forms is answered: chosen among answers offered, or written; `None` for
/// what is not a field (the self-check's answers).
fn kind_of(path: &str) -> Option<&'static str> {
    let kind = Form::ALL
        .iter()
        .flat_map(|form| form.pages())
        .flat_map(|page| page.fields)
        .find(|field| field.owns(path))
        .map(|field| field.kind);
    kind.map(|kind| match kind {
        Kind::OneOf { .. }
        | Kind::AnyOf { .. }
        | Kind::Quartiere
        | Kind::AccessPoint
        | Kind::Call { .. }
        | Kind::CommunityArea
        | Kind::Language => "choose",
        _ => "write",
    })
}
