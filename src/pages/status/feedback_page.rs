//! The feedback mechanism of the accessibility statement (AgID): a person reports what does not
//! work or asks for a content in an accessible format, with an address to answer if they want
//! one. Checked here before sending and by the server; the report has its id from the first
//! attempt, so a retry after a lost answer is the same report.

use insieme_api::AccessibilityFeedback;
use insieme_validation::{
    check_email, check_phone,
    feedback::{MESSAGE_MAX, PAGE_MAX},
};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, PageTitle},
    device,
    i18n::{I18n, tr, use_i18n},
};

/// The fields, in the order of the form: (field, input id, label key, hint key, long text).
const FIELDS: [(&str, &str, &str, Option<&str>, bool); 4] = [
    ("message", "feedback-message", "feedback.message", Some("feedback.message_hint"), true),
    ("page", "feedback-page", "feedback.page", Some("feedback.page_hint"), false),
    ("email", "feedback-email", "feedback.email", None, false),
    ("phone", "feedback-phone", "feedback.phone", None, false),
];

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let values = FIELDS.map(|_| RwSignal::new(String::new()));
    let id = StoredValue::new(device::new_uuid());
    let problems = RwSignal::new(Vec::<(String, String)>::new());
    let sending = RwSignal::new(false);
    let received = RwSignal::new(None::<String>);
    let report = move || AccessibilityFeedback {
        id: id.get_value(),
        language: i18n.language().code().to_owned(),
        message: values[0].get_untracked(),
        page: values[1].get_untracked(),
        email: values[2].get_untracked(),
        phone: values[3].get_untracked(),
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let report = report();
        let found = first_checks(&report);
        if !found.is_empty() {
            problems.set(found.into_iter().map(|(field, code)| issue(i18n, field, code)).collect());
            return;
        }
        problems.set(Vec::new());
        sending.set(true);
        spawn_local(async move {
            match api::send_accessibility_feedback(&report).await {
                Ok(receipt) => {
                    received.set(Some(receipt.received_at));
                    // The next report is another one.
                    id.set_value(device::new_uuid());
                    values.iter().for_each(|value| value.set(String::new()));
                }
                Err(ApiError::Server { fields, .. }) if !fields.is_empty() => {
                    problems.set(fields.iter().map(|field| issue(i18n, &field.field, &field.problem)).collect());
                }
                Err(_) => problems.set(vec![("feedback-send".to_owned(), i18n.t("feedback.unavailable"))]),
            }
            sending.set(false);
        });
    };
    let error_of = move |field: &'static str| {
        let target = input_id(field);
        move || problems.with(|found| found.iter().find(|(id, _)| id == target).map(|(_, message)| message.clone()))
    };
    let fields = FIELDS
        .iter()
        .enumerate()
        .map(|(index, (field, input, label, hint, long))| {
            let value = values[index];
            let error = error_of(field);
            let hint_id = format!("{input}-hint");
            let error_id = format!("{input}-error");
            let described_by = {
                let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
                move || {
                    let mut ids: Vec<&str> = Vec::new();
                    if hint.is_some() {
                        ids.push(&hint_id);
                    }
                    if error().is_some() {
                        ids.push(&error_id);
                    }
                    ids.join(" ")
                }
            };
            let invalid = move || error().is_some().to_string();
            let control = if *long {
                view! {
                    <textarea id=*input class="input input--long" rows="5" aria-describedby=described_by aria-invalid=invalid
                        prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event))></textarea>
                }
                .into_any()
            } else {
                let (kind, autocomplete) = match *field {
                    "email" => ("email", "email"),
                    "phone" => ("tel", "tel"),
                    _ => ("text", "off"),
                };
                view! {
                    <input type=kind id=*input class="input" autocomplete=autocomplete aria-describedby=described_by
                        aria-invalid=invalid dir=(kind != "text").then_some("ltr")
                        prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
                }
                .into_any()
            };
            view! {
                <div class="field">
                    <label class="field__label" for=*input>{tr(label)}</label>
                    {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{tr(hint)}</p> })}
                    {move || error().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
                    {control}
                </div>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=Signal::derive(tr("feedback.title")) />
        <section class="feedback" aria-labelledby="feedback-title">
            <h1 id="feedback-title">{tr("feedback.title")}</h1>
            <p>{tr("feedback.intro")}</p>
            <div role="status">
                {move || received.get().map(|at| view! {
                    <p class="notice" id="feedback-received">
                        {i18n.t_with("feedback.sent", &[("date", device::in_words(&at, i18n.language().code(), device::Moment::DayAndTime))])}
                    </p>
                })}
            </div>
            <ErrorSummary issues=problems />
            <form on:submit=on_submit novalidate=true>
                {fields}
                <p class="field__hint">{tr("feedback.privacy")} " " <a href="/privacy" rel="external">{tr("nav.privacy")}</a></p>
                <button type="submit" id="feedback-send" class="button" disabled=move || sending.get()>{tr("feedback.send")}</button>
            </form>
            <p><a href="/accessibilita" rel="external">{tr("feedback.back")}</a></p>
        </section>
    }
}

/// The checks made before sending: what the server's checks find most often, without the
/// Unicode tables the server's text checks need (they would double the public pages' first
/// load); the server checks everything again and its refusals are shown the same way.
fn first_checks(report: &AccessibilityFeedback) -> Vec<(&'static str, &'static str)> {
    let mut found = Vec::new();
    let message = report.message.trim();
    if message.is_empty() {
        found.push(("message", "missing"));
    } else if message.chars().count() > MESSAGE_MAX {
        found.push(("message", "too_long"));
    }
    if report.page.trim().chars().count() > PAGE_MAX {
        found.push(("page", "too_long"));
    }
    if !report.email.trim().is_empty()
        && let Err(problem) = check_email(&report.email)
    {
        found.push(("email", problem.code()));
    }
    if !report.phone.trim().is_empty()
        && let Err(problem) = check_phone(&report.phone)
    {
        found.push(("phone", problem.code()));
    }
    found
}

/// The input of a field of the report.
fn input_id(field: &str) -> &'static str {
    FIELDS.iter().find(|(name, ..)| *name == field).map_or("feedback-send", |(_, input, ..)| input)
}

/// (input id, message) of a problem: the field's own message when there is one, else a general
/// one for the problem.
fn issue(i18n: I18n, field: &str, code: &str) -> (String, String) {
    let text = i18n
        .find(&format!("feedback.problems.{field}.{code}"))
        .or_else(|| i18n.find(&format!("feedback.problems.{code}")));
    (input_id(field).to_owned(), text.unwrap_or_else(|| i18n.t("feedback.problems.other")))
}
