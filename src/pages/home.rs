//! The home page: what the programme is and its four access channels in plain words.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::PageTitle,
    i18n::{t, t_string, use_i18n},
};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || t_string!(i18n, home.title).to_owned()) />
        <h1>{t!(i18n, home.title)}</h1>
        <p class="lead">{t!(i18n, home.intro)}</p>
        <h2>{t!(i18n, home.channels_title)}</h2>
        <ol class="channel-list">
            <li class="channel-card">
                <h3>{t!(i18n, home.channel_community_title)}</h3>
                <p>{t!(i18n, home.channel_community_text)}</p>
            </li>
            <li class="channel-card">
                <h3>{t!(i18n, home.channel_fragility_title)}</h3>
                <p>{t!(i18n, home.channel_fragility_text)}</p>
            </li>
            <li class="channel-card">
                <h3>{t!(i18n, home.channel_youth_title)}</h3>
                <p>{t!(i18n, home.channel_youth_text)}</p>
            </li>
            <li class="channel-card">
                <h3>{t!(i18n, home.channel_enterprise_title)}</h3>
                <p>{t!(i18n, home.channel_enterprise_text)}</p>
            </li>
        </ol>
        <p><A href="/territorio">{t!(i18n, home.territory_link)}</A></p>
    }
}
