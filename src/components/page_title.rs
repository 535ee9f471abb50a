//! Sets the document title to "<page> – Insieme per il lavoro", in the current language.

use leptos::prelude::*;

use crate::{device, i18n::use_i18n};

#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| device::set_document_title(&format!("{} – {}", text.get(), i18n.t("site.name"))));
}
