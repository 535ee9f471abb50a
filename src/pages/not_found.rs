//! Shown for any path that is not a route of the app.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::PageTitle, i18n::tr};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageTitle text=Signal::derive(tr("not_found.title")) />
        <h1>{tr("not_found.title")}</h1>
        <p>{tr("not_found.text")}</p>
        <p><A href="/">{tr("not_found.back_home")}</A></p>
    }
}
