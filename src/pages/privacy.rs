//! The privacy notice (the full notice required by GDPR art. 13 comes with applications).

use leptos::prelude::*;

use crate::{components::PageTitle, i18n::tr};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageTitle text=Signal::derive(tr("privacy.title")) />
        <h1>{tr("privacy.title")}</h1>
        <p>{tr("privacy.text")}</p>
    }
}
