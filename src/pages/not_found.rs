//! Shown for any path that is not a route of the app.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::PageTitle,
    i18n::{t, t_string, use_i18n},
};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || t_string!(i18n, not_found.title).to_owned()) />
        <h1>{t!(i18n, not_found.title)}</h1>
        <p>{t!(i18n, not_found.text)}</p>
        <p><A href="/">{t!(i18n, not_found.back_home)}</A></p>
    }
}
