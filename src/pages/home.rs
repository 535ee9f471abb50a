//! The home page: what the programme is and its four access channels in plain words.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::PageTitle, i18n::use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t("home.title")) />
        <h1>{move || i18n.t("home.title")}</h1>
        <p class="lead">{move || i18n.t("home.intro")}</p>
        <h2>{move || i18n.t("home.channels_title")}</h2>
        <ol class="channel-list">
            <li class="channel-card">
                <h3>{move || i18n.t("home.channel_community_title")}</h3>
                <p>{move || i18n.t("home.channel_community_text")}</p>
            </li>
            <li class="channel-card">
                <h3>{move || i18n.t("home.channel_fragility_title")}</h3>
                <p>{move || i18n.t("home.channel_fragility_text")}</p>
            </li>
            <li class="channel-card">
                <h3>{move || i18n.t("home.channel_youth_title")}</h3>
                <p>{move || i18n.t("home.channel_youth_text")}</p>
            </li>
            <li class="channel-card">
                <h3>{move || i18n.t("home.channel_enterprise_title")}</h3>
                <p>{move || i18n.t("home.channel_enterprise_text")}</p>
            </li>
        </ol>
        <p><A href="/territorio">{move || i18n.t("home.territory_link")}</A></p>
    }
}
