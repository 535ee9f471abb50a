//! The footer on every page: the promoters, privacy and accessibility links.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p class="site-footer__promoters">{move || i18n.t("site.promoters")}</p>
            <ul class="site-footer__links">
                <li><A href="/privacy">{move || i18n.t("nav.privacy")}</A></li>
                <li><A href="/accessibilita">{move || i18n.t("nav.accessibility")}</A></li>
            </ul>
        </footer>
    }
}
