//! The error-summary pattern: when a step cannot continue, a box at the top lists every problem
//! as a link to its field, and takes the focus so that screen readers announce it.

use leptos::{html::Div, prelude::*};

use crate::i18n::tr;

/// `issues`: for each problem, the id of its input and the message, already translated.
#[component]
pub fn ErrorSummary(#[prop(into)] issues: Signal<Vec<(String, String)>>) -> impl IntoView {
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
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="error-summary__title">{tr("errors.summary_title")}</h2>
                <ul>
                    {move || {
                        issues
                            .get()
                            .into_iter()
                            .map(|(target, message)| view! { <li><a href=format!("#{target}")>{message}</a></li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
    .into_any()
}
