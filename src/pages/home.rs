//! The home page: what the programme is, the four channels in plain words, what to have at hand
//! before starting, the privacy promise, and the way into the self-check.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::{NavLink, PageTitle},
    i18n::{tr, tr_key, use_i18n},
};

const CHANNELS: [&str; 4] = ["community", "fragility", "youth", "enterprise"];
const CHECKLIST: [&str; 4] =
    ["home.checklist_comune", "home.checklist_birth", "home.checklist_isee", "home.checklist_time"];

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let channels = CHANNELS
        .into_iter()
        .map(|slug| {
            view! {
                <li class="channel-card">
                    <h3><A href=format!("/canali/{slug}")>{tr_key(format!("channels.{slug}.name"))}</A></h3>
                    <p>{tr_key(format!("channels.{slug}.summary"))}</p>
                </li>
            }
        })
        .collect_view();
    let checklist = CHECKLIST.into_iter().map(|key| view! { <li>{move || i18n.t(key)}</li> }).collect_view();
    view! {
        <PageTitle text=Signal::derive(tr("home.title")) />
        <h1>{tr("home.title")}</h1>
        <p class="lead">{tr("home.intro")}</p>
        <p class="button-row">
            <NavLink href="/verifica/inizio" class="button button--primary button--large">{tr("home.start")}</NavLink>
            <NavLink href="/domanda" class="button button--large">{tr("home.apply")}</NavLink>
        </p>
        <p><NavLink href="/stato">{tr("nav.status")}</NavLink></p>
        <h2>{tr("home.channels_title")}</h2>
        <ol class="channel-list">{channels}</ol>
        <h2>{tr("home.checklist_title")}</h2>
        <ul class="checklist">{checklist}</ul>
        <p class="notice">{tr("self_check.privacy_promise")}</p>
        <p><A href="/territorio">{tr("home.territory_link")}</A></p>
    }
}
