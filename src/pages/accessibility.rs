//! The accessibility statement (the AgID model with its feedback contact comes with the
//! self-check work).

use leptos::prelude::*;

use crate::{components::PageTitle, i18n::tr};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <PageTitle text=Signal::derive(tr("accessibility.title")) />
        <h1>{tr("accessibility.title")}</h1>
        <p>{tr("accessibility.text")}</p>
    }
}
