//! The two apps and their shared shell. The public app (information pages) and the self-check
//! app (`/verifica/...`) are separate WebAssembly bundles, so that each page's first load stays
//! within its budget; both use the same shell, i18n and components. Moving between them is an
//! ordinary page load.

use insieme_api::paths::Bundle;
use leptos::prelude::*;
use leptos_router::{
    components::{A, Route, Router, Routes},
    path,
};

use crate::{
    application_store::provide_application_store,
    components::{SiteFooter, SiteHeader},
    i18n::{APPLICATIONS, BACK_OFFICE, PAGES, SELF_CHECK, provide_i18n_with},
    navigation::{InternalLinks, Link, provide_location},
    pages::{
        AccessPointsPage, AccessibilityPage, ApplyPage, BackOfficePages, ChannelPage, HomePage, NotFoundPage,
        OpportunitiesPage, PrivacyPage, SelfCheckPage, SourcesPage, StatusPages, TerritoryPage,
    },
    state::self_check::Step,
    store::provide_self_check_store,
};

/// The id of the `<main>` element, target of the skip link.
pub const MAIN_ID: &str = "contenuto";

/// The public app: home, channels, access points, territory, sources, privacy, accessibility.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n_with(PAGES);
    provide_context(Bundle::Public);
    provide_context(InternalLinks(|href, class, children| {
        view! { <A href=href attr:class=class>{children()}</A> }.into_any()
    }));
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
                    <Route path=path!("/opportunita") view=OpportunitiesPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                    <Route path=path!("/accessibilita") view=AccessibilityPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// The self-check app: the wizard and its result, computed on the device. It has no router
/// library (see `navigation.rs`): the step comes from the path.
#[component]
pub fn SelfCheckApp() -> impl IntoView {
    provide_i18n_with(SELF_CHECK);
    provide_context(Bundle::SelfCheck);
    provide_context(InternalLinks(|href, class, children| {
        view! { <Link href=href class=class>{children()}</Link> }.into_any()
    }));
    let location = provide_location();
    let store = provide_self_check_store();
    if store.resumed {
        location.replace(&Step::Result.href());
    } else if matches!(location.path().as_str(), "/verifica" | "/verifica/") {
        location.replace(&Step::Intent.href());
    }
    view! { <Frame><SelfCheckPage /></Frame> }
}

/// The applications app: the forms of the four channels, the receipt and the status page.
/// Like the self-check it navigates without a router library.
#[component]
pub fn ApplyApp() -> impl IntoView {
    provide_i18n_with(APPLICATIONS);
    provide_context(Bundle::Apply);
    provide_context(InternalLinks(|href, class, children| {
        view! { <Link href=href class=class>{children()}</Link> }.into_any()
    }));
    provide_location();
    provide_application_store();
    view! {
        <Frame><ApplyPage /></Frame>
        <datalist id="comuni">
            {insieme_rules::Territory::embedded().comuni().map(|(comune, _)| view! { <option value=comune></option> }).collect_view()}
        </datalist>
    }
}

/// The status app: the receipt after sending and the status page.
#[component]
pub fn StatusApp() -> impl IntoView {
    provide_i18n_with(APPLICATIONS);
    provide_context(Bundle::Status);
    provide_context(InternalLinks(|href, class, children| {
        view! { <Link href=href class=class>{children()}</Link> }.into_any()
    }));
    provide_location();
    view! { <Frame><StatusPages /></Frame> }
}

/// The back office (`/ufficio/...`): partners and operators sign in, work the queue and the
/// cases. Its own bundle, never loaded by public pages.
#[component]
pub fn BackOfficeApp() -> impl IntoView {
    provide_i18n_with(BACK_OFFICE);
    provide_context(Bundle::BackOffice);
    provide_context(InternalLinks(|href, class, children| {
        view! { <Link href=href class=class>{children()}</Link> }.into_any()
    }));
    provide_location();
    view! { <Frame><BackOfficePages /></Frame> }
}

/// Header, `<main>` (the skip link's target) and footer around a bundle's pages.
#[component]
fn Frame(children: Children) -> impl IntoView {
    view! {
        <SiteHeader />
        <main id=MAIN_ID tabindex="-1" class="site-main">{children()}</main>
        <SiteFooter />
    }
}
