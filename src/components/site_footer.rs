//! The footer on every page: the promoters, privacy and accessibility links.

use leptos::prelude::*;

use crate::{components::NavLink, i18n::tr};

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__promoters">{tr("site.promoters")}</p>
            <ul class="site-footer__links">
                <li><NavLink href="/opportunita">{tr("nav.opportunities")}</NavLink></li>
                <li><NavLink href="/stato">{tr("nav.status")}</NavLink></li>
                <li><NavLink href="/privacy">{tr("nav.privacy")}</NavLink></li>
                <li><NavLink href="/accessibilita">{tr("nav.accessibility")}</NavLink></li>
                <li><NavLink href="/fonti">{tr("nav.sources")}</NavLink></li>
            </ul>
        </footer>
    }
}
