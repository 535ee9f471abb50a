//! The result so far, beside every step: the fragility score against the threshold and each
//! channel's status, recomputed by the rules engine in the browser on every answer.

use leptos::prelude::*;

use crate::{
    i18n::{tr, use_i18n},
    store::use_self_check,
    texts::{channel_slug, status_slug},
};

#[component]
pub fn InterimSummary() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let score = move || {
        store.assessment.with(|assessment| {
            i18n.t_with(
                "self_check.interim.score",
                &[
                    ("total", assessment.fragility.total.to_string()),
                    ("threshold", assessment.fragility.threshold.to_string()),
                    ("max_possible", assessment.fragility.max_possible.to_string()),
                ],
            )
        })
    };
    let channels = move || {
        store.assessment.with(|assessment| {
            assessment
                .channels
                .iter()
                .map(|channel| {
                    let name = i18n.t(&format!("channels.{}.name", channel_slug(channel.channel)));
                    let status = i18n.t(&format!("status.{}", status_slug(channel.status)));
                    let class = format!("status status--{}", status_slug(channel.status));
                    view! { <li><span class="interim__channel">{name}</span>": " <span class=class>{status}</span></li> }
                })
                .collect_view()
        })
    };
    view! {
        <aside class="interim" aria-labelledby="interim-title">
            <h2 id="interim-title" class="interim__title">{tr("self_check.interim.title")}</h2>
            <div aria-live="polite" aria-atomic="true">
                <p class="interim__score" data-testid="interim-score">{score}</p>
                <ul class="interim__channels">{channels}</ul>
            </div>
        </aside>
    }
    .into_any()
}
