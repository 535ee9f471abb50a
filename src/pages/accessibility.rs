//! The accessibility statement (the AgID model with its feedback contact comes with the
//! self-check work).

use leptos::prelude::*;

use crate::{components::PageTitle, i18n::use_i18n};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t("accessibility.title")) />
        <h1>{move || i18n.t("accessibility.title")}</h1>
        <p>{move || i18n.t("accessibility.text")}</p>
    }
}
