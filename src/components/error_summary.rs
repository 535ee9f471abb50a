//! The error-summary pattern: when a step cannot continue, a box at the top lists every problem
//! as a link to its field, and takes the focus so that screen readers announce it.

use leptos::{html::Div, prelude::*};

use crate::{
    i18n::{tr, use_i18n},
    state::self_check::FieldIssue,
};

#[component]
pub fn ErrorSummary(issues: ReadSignal<Vec<FieldIssue>>) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if !issues.read().is_empty()
            && let Some(element) = summary.get()
        {
            let _ = element.focus();
        }
    });
    view! {
        <Show when=move || !issues.read().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="error-summary__title">{tr("errors.summary_title")}</h2>
                <ul>
                    {move || {
                        issues
                            .get()
                            .into_iter()
                            .map(|issue| {
                                view! { <li><a href=format!("#{}", issue.field)>{i18n.t(issue.message_key)}</a></li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
    .into_any()
}
