//! Shown for any path that is not a route of the app.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::PageTitle, i18n::use_i18n};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t("not_found.title")) />
        <h1>{move || i18n.t("not_found.title")}</h1>
        <p>{move || i18n.t("not_found.text")}</p>
        <p><A href="/">{move || i18n.t("not_found.back_home")}</A></p>
    }
}
