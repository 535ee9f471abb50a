//! The header on every page: skip link, programme name, language switch and main navigation.

use leptos::prelude::*;

use crate::{
    app::MAIN_ID,
    components::{LanguageSwitch, NavLink},
    i18n::tr,
};

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>{tr("site.skip_to_content")}</a>
        <header class="site-header">
            <div class="site-header__bar">
                <NavLink href="/" class="site-header__brand">
                    <span class="site-header__name">{tr("site.name")}</span>
                    <span class="site-header__tagline">{tr("site.tagline")}</span>
                </NavLink>
                <LanguageSwitch />
            </div>
            <nav class="site-nav" aria-label=tr("site.main_navigation")>
                <ul>
                    <li><NavLink href="/">{tr("nav.home")}</NavLink></li>
                    <li><NavLink href="/verifica/inizio">{tr("nav.self_check")}</NavLink></li>
                    <li><NavLink href="/sportelli">{tr("nav.access_points")}</NavLink></li>
                    <li><NavLink href="/territorio">{tr("nav.territory")}</NavLink></li>
                </ul>
            </nav>
        </header>
    }
}
