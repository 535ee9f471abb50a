//! The applications app (`/domanda/...`): choose a channel, answer its pages, check the answers,
//! consent and send. The receipt and the status page are the status app (`/stato/...`).
//! Every step has its own URL.

mod check_answers;
mod choose_channel;
mod consent_page;
mod question_page;

use insieme_api::Channel;
use leptos::prelude::*;

use crate::{
    application_store::use_application,
    i18n::use_i18n,
    navigation::use_location,
    pages::NotFoundPage,
    state::application::{channel_from_slug, channel_slug, pages},
};

/// `/domanda/<channel>/<step>`.
pub fn step_href(channel: Channel, step: &str) -> String {
    format!("/domanda/{}/{step}", channel_slug(channel))
}

/// The first page of a channel's form.
pub fn start_href(channel: Channel) -> String {
    step_href(channel, pages(channel)[0].slug)
}

pub const CHECK: &str = "controlla";
pub const CONSENT: &str = "consenso";

/// The receipt of a channel's application, in the status bundle.
pub fn receipt_href(channel: Channel) -> String {
    format!("/stato/ricevuta/{}", channel_slug(channel))
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let location = use_location();
    let store = use_application();
    let i18n = use_i18n();
    move || {
        let path = location.path();
        let segments: Vec<String> = path
            .trim_end_matches('/')
            .strip_prefix("/domanda")
            .unwrap_or_default()
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(str::to_owned)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            [] => view! { <choose_channel::ChooseChannel /> }.into_any(),
            [slug, step] => {
                let Some(channel) = channel_from_slug(slug) else { return view! { <NotFoundPage /> }.into_any() };
                store.open(channel, i18n.language().code());
                match *step {
                    CHECK => view! { <check_answers::CheckAnswers channel=channel /> }.into_any(),
                    CONSENT => view! { <consent_page::ConsentPage channel=channel /> }.into_any(),
                    page_slug => match pages(channel).iter().position(|page| page.slug == page_slug) {
                        Some(index) => view! { <question_page::QuestionPage channel=channel index=index /> }.into_any(),
                        None => view! { <NotFoundPage /> }.into_any(),
                    },
                }
            }
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
