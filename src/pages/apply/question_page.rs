//! One page of questions of a channel's form: Back link, progress, the questions, and Continue,
//! which runs the server's own checks on this page's fields before moving on.

use leptos::{html::H1, prelude::*};

use crate::{
    application_store::use_application,
    components::{ErrorSummary, FormField, PageTitle},
    i18n::{tr, use_i18n},
    navigation::{Link, use_location},
    pages::apply::{CHECK, kept_draft::KeptDraft, self_check_choice::SelfCheckChoice, step_href},
    state::application::{Field, Form, is_asked, problems_on_page},
    texts::{problem_message, problem_summary},
};

#[component]
pub fn QuestionPage(form: Form, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_application();
    let location = use_location();
    let all = form.pages();
    let page = all[index];
    let total = all.len() + 2;
    let title_key = format!("apply.pages.{}", page.slug);
    let title = {
        let key = title_key.clone();
        Signal::derive(move || i18n.t(&key))
    };
    let back = if index == 0 { "/domanda".to_owned() } else { step_href(form, all[index - 1].slug) };
    let next = if index + 1 < all.len() { step_href(form, all[index + 1].slug) } else { step_href(form, CHECK) };
    // Problems show after the first Continue, then follow every change.
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        if !tried.get() {
            return Vec::new();
        }
        let found = store.problems();
        store.draft.with(|draft| problems_on_page(&found, &page, draft))
    });
    let summary = Signal::derive(move || {
        problems
            .get()
            .iter()
            .map(|problem| (crate::state::application::element_id(&problem.field), problem_summary(i18n, problem)))
            .collect()
    });
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let on_submit = {
        let next = next.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            tried.set(true);
            if problems.get_untracked().is_empty() {
                location.go(&next);
            } else {
                crate::device::focus_element("error-summary");
            }
        }
    };
    let fields = page
        .fields
        .iter()
        .map(|field: &Field| {
            let field = *field;
            let error = Signal::derive(move || {
                problems.with(|found| {
                    found
                        .iter()
                        .find(|problem| field.owns(&problem.field))
                        .map(|problem| problem_message(i18n, problem))
                })
            });
            let asked = move || store.draft.with(|draft| is_asked(&field, draft));
            view! { <Show when=asked><FormField field=field error=error /></Show> }
        })
        .collect_view();
    let calls_note = move || {
        (form.channel() == insieme_api::Channel::Youth && index == 0).then(|| {
            store.calls.with(|calls| match calls {
                None => Some(view! { <p role="status">{tr("apply.calls_loading")}</p> }.into_any()),
                Some(Err(())) => Some(
                    view! {
                        <div class="notice" role="alert">
                            <p>{tr("apply.calls_offline")}</p>
                            <button type="button" class="button" on:click=move |_| store.load_calls()>{tr("apply.retry")}</button>
                        </div>
                    }
                    .into_any(),
                ),
                Some(Ok(list)) if list.is_empty() => Some(view! { <p class="notice">{tr("apply.no_calls")}</p> }.into_any()),
                Some(Ok(_)) => None,
            })
        })
    };
    view! {
        <PageTitle text=Signal::derive(move || crate::texts::with_error_prefix(i18n, &title.get(), !problems.with(Vec::is_empty))) />
        <div class="step__main">
            <Link href=back class="back-link">{tr("self_check.back")}</Link>
            <p class="step__progress">
                {move || i18n.t_with("self_check.progress", &[("step", (index + 1).to_string()), ("total", total.to_string())])}
            </p>
            <h1 tabindex="-1" node_ref=heading>{move || title.get()}</h1>
            <ErrorSummary issues=summary />
            <SelfCheckChoice />
            <KeptDraft />
            {calls_note}
            <form class="step__form" novalidate=true on:submit=on_submit>
                {fields}
                <button type="submit" class="button button--primary">{tr("self_check.continue")}</button>
            </form>
            <p class="saved-note">{tr("apply.saved_on_device")}</p>
        </div>
    }
}
