//! One channel in the result: its status in words, and every reason with a link to the source
//! it applies (the Italian title always, with its translation beside it).

use insieme_rules::{ChannelResult, Outcome, source::source};
use leptos::prelude::*;

use crate::{
    i18n::{tr, tr_key, use_i18n},
    texts::{self, channel_slug, status_slug},
};

#[component]
pub fn ChannelCard(channel: ChannelResult) -> impl IntoView {
    let i18n = use_i18n();
    let slug = channel_slug(channel.channel);
    let status = status_slug(channel.status);
    let heading_id = format!("channel-{slug}");
    let labelled_by = heading_id.clone();
    let reasons = channel
        .reasons
        .into_iter()
        .map(|reason| {
            let outcome_key = match reason.outcome {
                Outcome::Met => "outcome.met",
                Outcome::NotMet => "outcome.not_met",
                Outcome::Missing => "outcome.missing",
                Outcome::Info => "outcome.info",
            };
            let outcome_class = format!("reason reason--{}", outcome_key.trim_start_matches("outcome."));
            let found = source(&reason.source_id);
            let italian_title = reason.source.clone();
            let source_href = format!("/fonti#{}", reason.source_id);
            let reason_for_text = reason.clone();
            view! {
                <li class=outcome_class>
                    <span class="reason__outcome">{move || i18n.t(outcome_key)}</span>
                    " "
                    <span class="reason__text">{move || texts::reason_text(i18n, &reason_for_text)}</span>
                    <span class="reason__source">
                        {tr("result.source")}
                        ": "
                        <a href=source_href.clone() rel="external"><bdi lang="it">{italian_title.clone()}</bdi></a>
                        {move || found.and_then(|found| texts::source_translation(i18n, found)).map(|translation| view! { " (" <bdi>{translation}</bdi> ")" })}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=format!("channel-card channel-card--{status}") aria-labelledby=labelled_by>
            <h3 id=heading_id>{tr_key(format!("channels.{slug}.name"))}</h3>
            <p class=format!("status status--{status}")>{tr_key(format!("status.{status}"))}</p>
            <ul class="reasons">{reasons}</ul>
        </section>
    }
}
