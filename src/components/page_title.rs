//! Sets the document title to "<page> – Insieme per il lavoro", in the current language.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;

#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let full = move || format!("{} – {}", text.get(), i18n.t("site.name"));
    view! { <Title text=full /> }
}
