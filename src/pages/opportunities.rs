//! `/opportunita`: the community opportunities the Quartiere and distretto networks supported,
//! grouped by area, from `GET /api/opportunities`. Public: no contact person is shown.

use std::collections::BTreeMap;

use insieme_api::Opportunity;
use leptos::prelude::*;

use crate::{
    api,
    components::{NavLink, PageTitle},
    i18n::{tr, use_i18n},
};

#[component]
pub fn OpportunitiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let listed = LocalResource::new(api::opportunities);
    let body = move || {
        listed.get().map(|result| match result {
            Err(_) => view! { <p class="notice" role="alert">{tr("opportunities.offline")}</p> }.into_any(),
            Ok(list) if list.is_empty() => view! { <p class="notice">{tr("opportunities.empty")}</p> }.into_any(),
            Ok(list) => {
                let mut by_area: BTreeMap<String, Vec<Opportunity>> = BTreeMap::new();
                for opportunity in list {
                    by_area.entry(opportunity.area_name.clone()).or_default().push(opportunity);
                }
                by_area
                    .into_iter()
                    .map(|(area, items)| {
                        let cards = items
                            .into_iter()
                            .map(|item| {
                                let details = move || {
                                    i18n.t_with(
                                        "opportunities.details",
                                        &[
                                            ("hours", item.hours_per_week.to_string()),
                                            ("places", item.places.to_string()),
                                            ("from", item.starts_on.clone()),
                                            ("to", item.ends_on.clone()),
                                        ],
                                    )
                                };
                                view! {
                                    <li class="card">
                                        <h3 class="card__title">{item.organisation.clone()}</h3>
                                        <p>{item.tasks.clone()}</p>
                                        <p class="field__hint">{details}</p>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section aria-label=area.clone()>
                                <h2>{area.clone()}</h2>
                                <ul class="card-list">{cards}</ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        })
    };
    view! {
        <PageTitle text=Signal::derive(tr("opportunities.title")) />
        <h1>{tr("opportunities.title")}</h1>
        <p class="lead">{tr("opportunities.intro")}</p>
        <Suspense fallback=move || view! { <p role="status">{tr("opportunities.loading")}</p> }>{body}</Suspense>
        <p><NavLink href="/domanda/comunita/organizzazione">{tr("opportunities.propose")}</NavLink></p>
    }
}
