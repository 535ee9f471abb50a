//! The applications app (`/domanda/...`): choose a channel, answer its pages, check the answers,
//! consent and send. The receipt and the status page are the status app (`/stato/...`).
//! Every step has its own URL.

mod check_answers;
mod choose_channel;
mod consent_page;
mod kept_draft;
mod question_page;
mod self_check_choice;

use leptos::prelude::*;

use crate::{
    application_store::use_application, i18n::use_i18n, navigation::use_location, pages::NotFoundPage,
    state::application::Form,
};

/// `/domanda/<form>/<step>`.
pub fn step_href(form: Form, step: &str) -> String {
    format!("/domanda/{}/{step}", form.slug())
}

/// The first page of a form.
pub fn start_href(form: Form) -> String {
    step_href(form, form.pages()[0].slug)
}

pub const CHECK: &str = "controlla";
/// The fragment of the self-check result's "apply" buttons (`/domanda/fragilita#verifica`).
pub const FROM_OWN_RESULT: &str = "verifica";
pub const CONSENT: &str = "consenso";

/// The receipt of an application sent with `form`, in the status bundle.
pub fn receipt_href(form: Form) -> String {
    format!("/stato/ricevuta/{}", form.slug())
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let location = use_location();
    let store = use_application();
    let i18n = use_i18n();
    move || {
        let path = location.path();
        let segments: Vec<String> = path
            .trim_end_matches('/')
            .strip_prefix("/domanda")
            .unwrap_or_default()
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(str::to_owned)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            [] => view! { <choose_channel::ChooseChannel /> }.into_any(),
            // A form's own address (the self-check's result links here): its first page.
            [slug] => match Form::from_slug(slug) {
                Some(form) => {
                    // From the person's own self-check result (`#verifica`): their answers.
                    let from_own_result = crate::device::fragment().as_deref() == Some(FROM_OWN_RESULT);
                    store.open(form, i18n.language().code(), from_own_result);
                    location.replace(&start_href(form));
                    ().into_any()
                }
                None => view! { <NotFoundPage /> }.into_any(),
            },
            [slug, step] => {
                let Some(form) = Form::from_slug(slug) else { return view! { <NotFoundPage /> }.into_any() };
                store.open(form, i18n.language().code(), false);
                match *step {
                    CHECK => view! { <check_answers::CheckAnswers form=form /> }.into_any(),
                    CONSENT => view! { <consent_page::ConsentPage form=form /> }.into_any(),
                    page_slug => match form.pages().iter().position(|page| page.slug == page_slug) {
                        Some(index) => view! { <question_page::QuestionPage form=form index=index /> }.into_any(),
                        None => view! { <NotFoundPage /> }.into_any(),
                    },
                }
            }
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
