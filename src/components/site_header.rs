//! The header on every page: skip link, programme name, language switch and main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{app::MAIN_ID, components::LanguageSwitch, i18n::tr};

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>{tr("site.skip_to_content")}</a>
        <header class="site-header">
            <div class="site-header__bar">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">{tr("site.name")}</span>
                    <span class="site-header__tagline">{tr("site.tagline")}</span>
                </A>
                <LanguageSwitch />
            </div>
            <nav class="site-nav" aria-label=tr("site.main_navigation")>
                <ul>
                    <li><A href="/">{tr("nav.home")}</A></li>
                    <li><A href="/sportelli">{tr("nav.access_points")}</A></li>
                    <li><A href="/territorio">{tr("nav.territory")}</A></li>
                </ul>
            </nav>
        </header>
    }
}
