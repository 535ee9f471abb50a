//! The accessibility statement (the AgID model with its feedback contact comes with the
//! self-check work).

use leptos::prelude::*;

use crate::{
    components::PageTitle,
    i18n::{t, t_string, use_i18n},
};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || t_string!(i18n, accessibility.title).to_owned()) />
        <h1>{t!(i18n, accessibility.title)}</h1>
        <p>{t!(i18n, accessibility.text)}</p>
    }
}
