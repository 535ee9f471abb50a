//! The frame of every wizard step: a Back link, the progress, the heading (focused when the
//! step opens, for screen readers), the error summary, the step's own questions in a form with
//! a Continue button, and the interim result. Continuing asks the step to check its input.

use leptos::{html::H1, prelude::*};

use crate::{
    components::{ErrorSummary, InterimSummary, PageTitle},
    i18n::{tr, use_i18n},
    navigation::{Link, use_location},
    state::self_check::{FieldIssue, Step},
    store::use_self_check,
};

#[component]
pub fn StepForm(
    step: Step,
    #[prop(into)] title: Signal<String>,
    /// Checks and stores the step's input; problems stop the wizard on this step.
    check: Callback<(), Vec<FieldIssue>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let location = use_location();
    let (issues, set_issues) = signal(Vec::<FieldIssue>::new());
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let previous = {
        let step = step.clone();
        move || store.check.with(|check| check.previous(&step, store.instrument()))
    };
    let progress = {
        let step = step.clone();
        move || {
            let (position, total) = store.check.with(|check| check.progress(&step, store.instrument()));
            match total {
                Some(total) => {
                    i18n.t_with("self_check.progress", &[("step", position.to_string()), ("total", total.to_string())])
                }
                None => i18n.t_with("self_check.progress_open", &[("step", position.to_string())]),
            }
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let found = check.run(());
        let ok = found.is_empty();
        set_issues.set(found);
        if ok {
            let next = store.check.with(|check| check.next(&step, store.instrument()));
            location.go(&next.href());
        }
    };
    view! {
        <PageTitle text=Signal::derive(move || crate::texts::with_error_prefix(i18n, &title.get(), !issues.with(Vec::is_empty))) />
        <div class="step">
            <div class="step__main">
                {move || previous().map(|previous| view! {
                    <Link href=previous.href() class="back-link">{tr("self_check.back")}</Link>
                })}
                <p class="step__progress">{progress}</p>
                <h1 tabindex="-1" node_ref=heading>{move || title.get()}</h1>
                <p class="notice" role="status" hidden=store.left_out == 0>
                    {tr("self_check.left_out")}" "{store.left_out}
                </p>
                <ErrorSummary issues=Signal::derive(move || {
                    issues.get().into_iter().map(|issue| (issue.field.to_owned(), i18n.t(issue.message_key))).collect()
                }) />
                <form class="step__form" novalidate=true on:submit=on_submit>
                    {children()}
                    <button type="submit" class="button button--primary">{tr("self_check.continue")}</button>
                </form>
            </div>
            <InterimSummary />
        </div>
    }
    .into_any()
}
