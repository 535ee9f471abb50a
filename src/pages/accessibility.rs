//! The accessibility statement, following the structure of the AgID model for Italian public
//! services (L. 4/2004; AgID guidelines; EN 301 549, which refers to WCAG): conformity, what is
//! not yet accessible, how the statement was prepared, feedback, and the enforcement procedure.

use leptos::prelude::*;

use crate::{
    components::{PageTitle, TextSections},
    i18n::tr,
};

/// The accessibility report form (`pages::status::feedback_page`).
const FEEDBACK_PAGE: &str = "/stato/segnalazione";

const SECTIONS: [(&str, &str); 6] = [
    ("accessibility.status_title", "accessibility.status_text"),
    ("accessibility.limits_title", "accessibility.limits_text"),
    ("accessibility.prepared_title", "accessibility.prepared_text"),
    ("accessibility.feedback_title", "accessibility.feedback_text"),
    ("accessibility.enforcement_title", "accessibility.enforcement_text"),
    ("accessibility.law_title", "accessibility.law_text"),
];

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <PageTitle text=Signal::derive(tr("accessibility.title")) />
        <h1>{tr("accessibility.title")}</h1>
        <p class="lead">{tr("accessibility.text")}</p>
        <TextSections sections=&SECTIONS />
        // The form lives in the status app, which already sends forms: its code stays out of the
        // public pages' first load.
        <p><a class="button" href=FEEDBACK_PAGE rel="external">{tr("accessibility.feedback_link")}</a></p>
    }
}
