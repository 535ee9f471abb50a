//! The status page: reference + access code give the current state, the next step and the public
//! history (never internal notes). When the partners asked for corrections, the flagged fields
//! can be corrected here.

use std::collections::BTreeMap;

use insieme_api::{Correction, ErrorCode, StatusQuery, StatusView};
use insieme_validation::{FieldProblem, application::check_single_field};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiError},
    application_store::saved_receipts,
    components::PageTitle,
    device,
    i18n::{tr, use_i18n},
    state::application::element_id,
    texts::problem_message,
};

#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    // The newest receipt on this device, if any, fills the form in.
    let last = saved_receipts().receipts.into_iter().next();
    let reference = RwSignal::new(last.as_ref().map(|r| r.reference.clone()).unwrap_or_default());
    let access_code = RwSignal::new(last.map(|r| r.access_code).unwrap_or_default());
    let view_state = RwSignal::new(None::<StatusView>);
    let failure = RwSignal::new(None::<&'static str>);
    let on_lookup = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let query = StatusQuery { reference: reference.get_untracked(), access_code: access_code.get_untracked() };
        if query.reference.trim().is_empty() || query.access_code.trim().is_empty() {
            failure.set(Some("apply.lookup_missing"));
            return;
        }
        failure.set(None);
        spawn_local(async move {
            match api::application_status(&query).await {
                Ok(found) => view_state.set(Some(found)),
                Err(error) => {
                    view_state.set(None);
                    failure.set(Some(failure_key(&error)));
                }
            }
        });
    };
    view! {
        <PageTitle text=Signal::derive(tr("apply.status_title")) />
        <h1>{tr("apply.status_title")}</h1>
        <form class="step__form" novalidate=true on:submit=on_lookup>
            <div class="field">
                <label class="field__label" for="status-reference">{tr("apply.reference")}</label>
                <input id="status-reference" class="input" autocomplete="off" spellcheck="false" dir="ltr"
                    prop:value=move || reference.get() on:input=move |event| reference.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label class="field__label" for="status-code">{tr("apply.access_code")}</label>
                <input id="status-code" class="input" autocomplete="off" spellcheck="false" dir="ltr"
                    prop:value=move || access_code.get() on:input=move |event| access_code.set(event_target_value(&event)) />
            </div>
            <button type="submit" class="button button--primary">{tr("apply.lookup")}</button>
        </form>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
        {move || view_state.get().map(|found| view! {
            <StatusDetails found=found access_code=access_code.get_untracked() on_update=Callback::new(move |updated| view_state.set(Some(updated))) />
        })}
    }
}

fn failure_key(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network | ApiError::UnexpectedBody => "apply.offline_title",
        ApiError::Server { code: ErrorCode::NotFound, .. } => "apply.lookup_not_found",
        ApiError::Server { code: ErrorCode::TooManyRequests, .. } => "apply.refused_too_many",
        ApiError::Server { code: ErrorCode::ChangedMeanwhile, .. } => "apply.correction_changed",
        ApiError::Server { .. } => "apply.refused_other",
    }
}

#[component]
fn StatusDetails(found: StatusView, access_code: String, on_update: Callback<StatusView>) -> impl IntoView {
    let i18n = use_i18n();
    let state = found.state.code();
    let history = found
        .history
        .iter()
        .map(|entry| {
            let key = format!("states.{}.label", entry.state.code());
            let at = entry.at.clone();
            let when = move || device::in_words(&at, i18n.language().code(), device::Moment::DayAndTime);
            view! { <li><span class="history__when">{when}</span> " " {move || i18n.t(&key)}</li> }
        })
        .collect_view();
    let corrections = (!found.issues.is_empty()).then(|| {
        view! { <Corrections found=found.clone() access_code=access_code on_update=on_update /> }
    });
    let appointments = found
        .appointments
        .iter()
        .map(|appointment| {
            let shown = appointment.clone();
            let for_file = appointment.clone();
            let reference = found.reference.clone();
            let starts_at = appointment.starts_at.clone();
            let when = move || device::in_words(&starts_at, i18n.language().code(), device::Moment::DayAndTime);
            // The calendar file is made here, from what the page already shows: no request.
            let href = move || {
                let ics = for_file.to_ics(&reference, &i18n.t("apply.appointment_title"));
                format!("data:text/calendar;charset=utf-8,{}", js_sys::encode_uri_component(&ics))
            };
            view! {
                <li>
                    {move || i18n.t_with("apply.appointment", &[
                        ("when", when()), ("place", shown.place.clone()),
                        ("address", shown.address.clone()), ("comune", shown.comune.clone()),
                    ])}
                    " "
                    <a href=href download="appuntamento.ics">{tr("apply.appointment_calendar")}</a>
                </li>
            }
        })
        .collect_view();
    let has_appointments = !found.appointments.is_empty();
    let (label_key, next_key) = (format!("states.{state}.label"), format!("states.{state}.next"));
    view! {
        <section class="lookup-result" aria-labelledby="status-now">
            <h2 id="status-now">{move || i18n.t_with("apply.status_now", &[("reference", found.reference.clone())])}</h2>
            <p class="lookup-result__state">{move || i18n.t(&label_key)}</p>
            <p>{move || i18n.t(&next_key)}</p>
            {has_appointments.then(|| view! { <ul class="appointments">{appointments}</ul> })}
            {corrections}
            <h3>{tr("apply.history")}</h3>
            <ol class="history">{history}</ol>
        </section>
    }
}

#[component]
fn Corrections(found: StatusView, access_code: String, on_update: Callback<StatusView>) -> impl IntoView {
    let i18n = use_i18n();
    let values = RwSignal::new(
        found.issues.iter().map(|issue| (issue.field.clone(), issue.current.clone())).collect::<BTreeMap<_, _>>(),
    );
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let failure = RwSignal::new(None::<&'static str>);
    let reference = found.reference.clone();
    let on_send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = values.get_untracked();
        let found_problems: Vec<FieldProblem> = typed
            .iter()
            .filter_map(|(field, value)| {
                check_single_field(field, value).err().map(|problem| FieldProblem { field: field.clone(), problem })
            })
            .collect();
        problems.set(found_problems.clone());
        if !found_problems.is_empty() {
            return;
        }
        let correction = Correction { reference: reference.clone(), access_code: access_code.clone(), values: typed };
        spawn_local(async move {
            match api::correct_application(&correction).await {
                Ok(updated) => on_update.run(updated),
                Err(ApiError::Server { code: ErrorCode::Unprocessable, fields, .. }) => {
                    problems.set(server_problems(&fields));
                    failure.set(Some("apply.refused_invalid"));
                }
                Err(error) => failure.set(Some(failure_key(&error))),
            }
        });
    };
    let fields = found
        .issues
        .iter()
        .map(|issue| {
            let field = issue.field.clone();
            let id = element_id(&field);
            let label_key = format!("fields.{field}.label");
            let error = {
                let field = field.clone();
                move || {
                    problems.with(|found| found.iter().find(|p| p.field == field).map(|p| problem_message(i18n, p)))
                }
            };
            let value = {
                let field = field.clone();
                move || values.with(|values| values.get(&field).cloned().unwrap_or_default())
            };
            let note = issue.note.clone();
            view! {
                <div class="field">
                    <label class="field__label" for=id.clone()>{move || i18n.t(&label_key)}</label>
                    <p class="field__hint">{tr("apply.partner_note")} " " {note}</p>
                    {move || error().map(|message| view! { <p class="field-error">{message}</p> })}
                    {if is_long_text(&field) {
                        view! {
                            <textarea id=id class="input input--long" rows="5" prop:value=value
                                on:input=move |event| values.update(|values| { values.insert(field.clone(), event_target_value(&event)); })>
                            </textarea>
                        }
                        .into_any()
                    } else {
                        view! {
                            <input id=id class="input" prop:value=value
                                on:input=move |event| values.update(|values| { values.insert(field.clone(), event_target_value(&event)); }) />
                        }
                        .into_any()
                    }}
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="step__form corrections" novalidate=true on:submit=on_send>
            <h3>{tr("apply.corrections_title")}</h3>
            {fields}
            <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
            <button type="submit" class="button button--primary">{tr("apply.send_corrections")}</button>
        </form>
    }
}

/// Whether a flagged field is one of the long free texts (drawn as a text area).
fn is_long_text(field: &str) -> bool {
    crate::state::application::Form::ALL.into_iter().flat_map(|form| form.pages().iter()).any(|page| {
        page.fields.iter().any(|known| known.path == field && known.kind == crate::state::application::Kind::LongText)
    })
}

/// Field problems the server named (`values.person.phone` with a problem code).
fn server_problems(fields: &[insieme_api::FieldError]) -> Vec<FieldProblem> {
    fields
        .iter()
        .filter_map(|error| {
            let problem = serde_json::from_value(error.problem.as_str().into()).ok()?;
            Some(FieldProblem { field: error.field.trim_start_matches("values.").to_owned(), problem })
        })
        .collect()
}
