//! The accessibility reports people sent from the accessibility statement (administrators; the
//! server refuses everyone else and logs each reading), newest first.

use insieme_api::FeedbackView;
use leptos::{prelude::*, task::spawn_local};

use super::{on_session_end, refusal_key};
use crate::{
    api,
    components::PageTitle,
    device,
    i18n::{tr, tr_key, use_i18n},
};

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let reports = RwSignal::new(None::<Vec<FeedbackView>>);
    let failure = RwSignal::new(None::<&'static str>);
    spawn_local(async move {
        match api::back_office::accessibility_feedback().await {
            Ok(found) => reports.set(Some(found)),
            Err(error) => {
                on_session_end(&error);
                failure.set(Some(refusal_key(&error)));
            }
        }
    });
    let when = move |at: &str| device::in_words(at, i18n.language().code(), device::Moment::DayAndTime);
    view! {
        <PageTitle text=Signal::derive(tr("bo.feedback_title")) />
        <h1>{tr("bo.feedback_title")}</h1>
        <p>{tr("bo.feedback_intro")}</p>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        <Show when=move || reports.with(|reports| reports.as_ref().is_some_and(Vec::is_empty))>
            <p>{tr("bo.feedback_empty")}</p>
        </Show>
        <ul class="feedback-list">
            {move || reports.get().unwrap_or_default().into_iter().map(|report| {
                let contact = [report.email.clone(), report.phone.clone()]
                    .into_iter()
                    .filter(|value| !value.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <li class="feedback-list__item">
                        <p><strong>{when(&report.received_at)}</strong> " (" {report.language.clone()} ")"</p>
                        <p class="feedback-list__message">{report.message.clone()}</p>
                        {(!report.page.is_empty()).then(|| view! { <p>{tr("bo.feedback_where")} ": " {report.page.clone()}</p> })}
                        <p>{tr("bo.feedback_contact")} ": "
                            {if contact.is_empty() { i18n.t("bo.feedback_no_contact") } else { contact }}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
