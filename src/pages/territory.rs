//! The territory page: the comuni of the Città metropolitana by distretto, from the server.

use insieme_api::TerritoryView;
use leptos::prelude::*;

use crate::{
    api,
    components::PageTitle,
    i18n::{tr, use_i18n},
};

#[component]
pub fn TerritoryPage() -> impl IntoView {
    let territory = LocalResource::new(api::territory);
    view! {
        <PageTitle text=Signal::derive(tr("territory.title")) />
        <h1>{tr("territory.title")}</h1>
        <p>{tr("territory.intro")}</p>
        <Transition fallback=move || view! { <p role="status">{tr("territory.loading")}</p> }>
            {move || Suspend::new(async move {
                match territory.await {
                    Ok(view) => view! { <TerritoryLists territory=view /> }.into_any(),
                    Err(_) => view! { <p role="alert" class="notice notice--error">{tr("territory.error")}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TerritoryLists(territory: TerritoryView) -> impl IntoView {
    let i18n = use_i18n();
    let distretti = territory
        .distretti
        .into_iter()
        .map(|distretto| {
            let count = distretto.comuni.len();
            let heading_id = format!("distretto-{}", distretto.id);
            let label_id = heading_id.clone();
            view! {
                <section class="distretto" aria-labelledby=label_id>
                    <h2 id=heading_id.clone()>{distretto.name}</h2>
                    <p class="distretto__count">{move || i18n.t_with("territory.comuni_count", &[("count", count.to_string())])}</p>
                    <ul class="distretto__comuni">
                        {distretto.comuni.into_iter().map(|comune| view! { <li>{comune}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    let quartieri = territory.quartieri.into_iter().map(|quartiere| view! { <li>{quartiere.name}</li> }).collect_view();
    view! {
        {distretti}
        <section class="quartieri" aria-labelledby="quartieri-title">
            <h2 id="quartieri-title">{tr("territory.quartieri_title")}</h2>
            <ul>{quartieri}</ul>
        </section>
    }
}
