//! `/fonti`: every legal and programme source the rules apply, with its status and the date
//! from which it applies. Reasons in a result link here by the source's id.

use insieme_rules::{Status, source::sources};
use leptos::prelude::*;

use crate::{
    components::PageTitle,
    i18n::{tr, use_i18n},
    texts,
};

#[component]
pub fn SourcesPage() -> impl IntoView {
    let i18n = use_i18n();
    let entries = sources()
        .iter()
        .map(|source| {
            let status_key = match source.status {
                Status::Verified => "sources_page.verified",
                Status::Provisional => "sources_page.provisional",
            };
            view! {
                <li class="source" id=source.id.clone()>
                    <h2 class="source__title" lang="it">{source.title.clone()}</h2>
                    {move || texts::source_translation(i18n, source).map(|translation| view! { <p class="source__translation">{translation}</p> })}
                    <p lang="it">{source.detail.clone()}</p>
                    <p class="source__meta">
                        {move || i18n.t(status_key)}
                        " · "
                        {move || i18n.t_with("sources_page.valid_from", &[("date", crate::device::in_words(&source.valid_from.to_string(), i18n.language().code(), crate::device::Moment::Day))])}
                    </p>
                    {source.url.clone().map(|url| view! { <p><a href=url.clone() rel="noopener">{url.clone()}</a></p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=Signal::derive(tr("sources_page.title")) />
        <h1>{tr("sources_page.title")}</h1>
        <p>{tr("sources_page.intro")}</p>
        <ul class="sources">{entries}</ul>
    }
}
