//! `/fonti`: every legal and programme source the rules apply, with its status, the date from
//! which it applies and a link to its official text where the data has one (named by its site,
//! not by a long address). Reasons in a result link here by the source's id.

use insieme_rules::{
    Status,
    source::{SourcePage, source_pages, sources},
};
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
        .zip(source_pages())
        .map(|(source, SourcePage { detail, url, .. })| {
            let status_key = match source.status {
                Status::Verified => "sources_page.verified",
                Status::Provisional => "sources_page.provisional",
            };
            view! {
                <li class="source" id=source.id.clone()>
                    <h2 class="source__title" lang="it">{source.title.clone()}</h2>
                    {move || texts::source_translation(i18n, source).map(|translation| view! { <p class="source__translation">{translation}</p> })}
                    <p lang="it">{detail}</p>
                    <p class="source__meta">
                        {move || i18n.t(status_key)}
                        " · "
                        {move || i18n.t_with("sources_page.valid_from", &[("date", crate::device::in_words(&source.valid_from.to_string(), i18n.language().code(), crate::device::Moment::Day))])}
                    </p>
                    {match url {
                        Some(url) => {
                            let site = site_of(&url).to_owned();
                            Some(view! { <p><a href=url rel="noopener">{move || i18n.t_with("sources_page.read_at", &[("site", site.clone())])}</a></p> }.into_any())
                        }
                        // Only the rules we wrote ourselves have no official text to link.
                        None if source.status == Status::Verified => Some(view! { <p>{move || i18n.t("sources_page.no_link")}</p> }.into_any()),
                        None => None,
                    }}
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

/// The site an address belongs to, as people read it: `https://www.normattiva.it/uri-res/..` is
/// `normattiva.it`.
fn site_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::site_of;

    #[test]
    fn a_source_is_named_by_its_site() {
        assert_eq!(
            site_of("https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:2006-12-27;296"),
            "normattiva.it"
        );
        assert_eq!(
            site_of("https://demetra.regione.emilia-romagna.it/al/articolo?urn=x"),
            "demetra.regione.emilia-romagna.it"
        );
        assert_eq!(site_of("https://www.insiemeperillavoro.it/"), "insiemeperillavoro.it");
        assert_eq!(site_of("https://ponmetro.comune.bologna.it?page=1"), "ponmetro.comune.bologna.it");
    }
}
