//! The header on every page: skip link, programme name, language switch and main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{app::MAIN_ID, components::LanguageSwitch, i18n::use_i18n};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>{move || i18n.t("site.skip_to_content")}</a>
        <header class="site-header">
            <div class="site-header__bar">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">{move || i18n.t("site.name")}</span>
                    <span class="site-header__tagline">{move || i18n.t("site.tagline")}</span>
                </A>
                <LanguageSwitch />
            </div>
            <nav class="site-nav" aria-label=move || i18n.t("site.main_navigation")>
                <ul>
                    <li><A href="/">{move || i18n.t("nav.home")}</A></li>
                    <li><A href="/territorio">{move || i18n.t("nav.territory")}</A></li>
                </ul>
            </nav>
        </header>
    }
}
