//! `/canali/<channel>`: one page per access channel, in plain language.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    components::{NavLink, PageTitle},
    i18n::{tr, use_i18n},
    pages::NotFoundPage,
};

const CHANNELS: [&str; 4] = ["community", "fragility", "youth", "enterprise"];

#[component]
pub fn ChannelPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    move || {
        let Some(slug) =
            params.read().get("channel").and_then(|slug| CHANNELS.into_iter().find(|known| *known == slug))
        else {
            return view! { <NotFoundPage /> }.into_any();
        };
        let key = move |part: &str| i18n.t(&format!("channels.{slug}.{part}"));
        view! {
            <PageTitle text=Signal::derive(move || key("name")) />
            <h1>{move || key("name")}</h1>
            <p class="lead">{move || key("intro")}</p>
            <h2>{tr("channel_page.who")}</h2>
            <p>{move || key("who")}</p>
            <h2>{tr("channel_page.how")}</h2>
            <p>{move || key("how")}</p>
            <p><NavLink href="/verifica/inizio" class="button button--primary">{tr("home.start")}</NavLink></p>
        }
        .into_any()
    }
}
