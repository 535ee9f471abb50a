//! The shell: i18n context, router, header, main landmark and footer, and every route.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::{SiteFooter, SiteHeader},
    i18n::{I18nContextProvider, use_i18n},
    pages::{AccessibilityPage, HomePage, NotFoundPage, PrivacyPage, TerritoryPage},
    preferences,
};

/// The id of the `<main>` element, target of the skip link.
pub const MAIN_ID: &str = "contenuto";

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider>
            <RestoreLanguage />
            <Router>
                <SiteHeader />
                <main id=MAIN_ID tabindex="-1" class="site-main">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/territorio") view=TerritoryPage />
                        <Route path=path!("/privacy") view=PrivacyPage />
                        <Route path=path!("/accessibilita") view=AccessibilityPage />
                    </Routes>
                </main>
                <SiteFooter />
            </Router>
        </I18nContextProvider>
    }
}

/// Applies the language saved on this device. It runs as an effect, after the one with which
/// leptos_i18n applies the browser's preferred language, so that a person's own choice wins.
#[component]
fn RestoreLanguage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if let Some(locale) = preferences::saved_language() {
            i18n.set_locale(locale);
        }
    });
}
