//! The privacy notice (the full notice required by GDPR art. 13 comes with applications).

use leptos::prelude::*;

use crate::{
    components::PageTitle,
    i18n::{t, t_string, use_i18n},
};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || t_string!(i18n, privacy.title).to_owned()) />
        <h1>{t!(i18n, privacy.title)}</h1>
        <p>{t!(i18n, privacy.text)}</p>
    }
}
