//! The shell: i18n context, router, header, main landmark and footer, and every route.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::{SiteFooter, SiteHeader},
    i18n::provide_i18n,
    pages::{
        AccessPointsPage, AccessibilityPage, ChannelPage, HomePage, NotFoundPage, PrivacyPage, SourcesPage,
        TerritoryPage,
    },
};

/// The id of the `<main>` element, target of the skip link.
pub const MAIN_ID: &str = "contenuto";

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    view! {
            <Router>
                <SiteHeader />
                <main id=MAIN_ID tabindex="-1" class="site-main">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/territorio") view=TerritoryPage />
                        <Route path=path!("/canali/:channel") view=ChannelPage />
                        <Route path=path!("/sportelli") view=AccessPointsPage />
                        <Route path=path!("/fonti") view=SourcesPage />
                        <Route path=path!("/privacy") view=PrivacyPage />
                        <Route path=path!("/accessibilita") view=AccessibilityPage />
                    </Routes>
                </main>
                <SiteFooter />
            </Router>
    }
}
