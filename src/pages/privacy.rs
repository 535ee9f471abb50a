//! The privacy notice: what the self-check keeps (nothing leaves the device), what an application
//! sends and why (GDPR art. 13), who the controllers and their data protection officers are (as
//! roles: the programme gives no names or addresses yet), how long each thing is kept, consent
//! for health items (art. 9(2)(a)), what an accessibility report keeps and the person's rights.

use leptos::prelude::*;

use crate::{
    components::{PageTitle, TextSections},
    i18n::tr,
};

const SECTIONS: [(&str, &str); 7] = [
    ("privacy.self_check_title", "privacy.self_check_text"),
    ("privacy.application_title", "privacy.application_text"),
    ("privacy.controllers_title", "privacy.controllers_text"),
    ("privacy.retention_title", "privacy.retention_text"),
    ("privacy.health_title", "privacy.health_text"),
    ("privacy.feedback_title", "privacy.feedback_text"),
    ("privacy.rights_title", "privacy.rights_text"),
];

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageTitle text=Signal::derive(tr("privacy.title")) />
        <h1>{tr("privacy.title")}</h1>
        <p class="lead">{tr("privacy.text")}</p>
        <TextSections sections=&SECTIONS />
    }
}
