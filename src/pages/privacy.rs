//! The privacy notice (the full notice required by GDPR art. 13 comes with applications).

use leptos::prelude::*;

use crate::{components::PageTitle, i18n::use_i18n};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t("privacy.title")) />
        <h1>{move || i18n.t("privacy.title")}</h1>
        <p>{move || i18n.t("privacy.text")}</p>
    }
}
