//! The footer on every page: the promoters, privacy and accessibility links.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__promoters">{tr("site.promoters")}</p>
            <ul class="site-footer__links">
                <li><A href="/privacy">{tr("nav.privacy")}</A></li>
                <li><A href="/accessibilita">{tr("nav.accessibility")}</A></li>
                <li><A href="/fonti">{tr("nav.sources")}</A></li>
            </ul>
        </footer>
    }
}
