//! The queue: counts per state, filters, and the applications the account may see, a page at a
//! time (the server pages by key; "show more" asks for the page after the last row).

use insieme_api::{
    Channel, State,
    back_office::{QueueItem, QueuePage as Page, QueueQuery},
};
use leptos::{prelude::*, task::spawn_local};

use super::{case_path, on_session_end, refusal_key};
use crate::{
    api,
    components::PageTitle,
    device,
    i18n::{tr, tr_key, use_i18n},
    navigation::Link,
};

#[component]
pub fn QueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let channel = RwSignal::new(String::new());
    let state = RwSignal::new(String::new());
    let assignee = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<QueueItem>::new());
    // The rows ticked for a bulk assignment (by reference).
    let selected = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let summary = RwSignal::new(None::<Page>);
    let failure = RwSignal::new(None::<&'static str>);
    let query = move |after: Option<String>| QueueQuery {
        channel: Channel::from_code(&channel.get_untracked()),
        state: State::from_code(&state.get_untracked()),
        assignee: Some(assignee.get_untracked()).filter(|value| !value.is_empty()),
        area: Some(area.get_untracked()).filter(|value| !value.is_empty()),
        overdue: Some(overdue.get_untracked()),
        q: Some(search.get_untracked()).filter(|value| !value.trim().is_empty()),
        after,
        ..QueueQuery::default()
    };
    // Each request is numbered: an answer that arrives after a newer request was sent (the first
    // page still loading when the person filters) is dropped, never shown over the newer one.
    let latest = StoredValue::new(0_u64);
    let load = move |after: Option<String>| {
        let query = query(after.clone());
        latest.update_value(|count| *count += 1);
        let this = latest.get_value();
        spawn_local(async move {
            let answer = api::back_office::queue(&query).await;
            if latest.get_value() != this {
                return;
            }
            match answer {
                Ok(page) => {
                    failure.set(None);
                    if after.is_some() {
                        items.update(|items| items.extend(page.items.clone()));
                    } else {
                        items.set(page.items.clone());
                    }
                    summary.set(Some(page));
                }
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
        });
    };
    load(None);
    // Read when the links are drawn and again at each change of a filter.
    let export_href = move |workbook: bool| {
        let _ = (channel.get(), state.get(), assignee.get(), area.get(), overdue.get(), search.get());
        api::back_office::export_url(&query(None), workbook)
    };
    let on_filter = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        load(None);
    };
    let channel_options = Channel::ALL
        .iter()
        .map(|channel| {
            let code = channel.code();
            view! { <option value=code>{tr_key(format!("channels.{code}.name"))}</option> }
        })
        .collect_view();
    let state_options = State::ALL
        .iter()
        .map(|state| {
            let code = state.code();
            view! { <option value=code.clone()>{tr_key(format!("bo_state.{code}"))}</option> }
        })
        .collect_view();
    view! {
        <PageTitle text=Signal::derive(tr("bo.queue_title")) />
        <h1>{tr("bo.queue_title")}</h1>
        <section aria-labelledby="queue-counts">
            <h2 id="queue-counts" class="visually-hidden">{tr("bo.counts")}</h2>
            {move || summary.get().map(|page| {
                let overdue = page.overdue;
                view! {
                    <ul class="queue-counts">
                        {page.counts.into_iter().map(|count| {
                            let key = format!("bo_state.{}", count.state.code());
                            view! { <li>{move || i18n.t(&key)} ": " <strong>{count.count}</strong></li> }
                        }).collect_view()}
                        <li class="queue-counts__overdue">{move || i18n.t_with("bo.overdue_count", &[("count", overdue.to_string())])}</li>
                    </ul>
                }
            })}
        </section>
        <form class="queue-filters" on:submit=on_filter>
            <fieldset>
                <legend>{tr("bo.filters")}</legend>
                <div class="field">
                    <label class="field__label" for="filter-search">{tr("bo.search")}</label>
                    <input id="filter-search" class="input" type="search" prop:value=move || search.get()
                        on:input=move |event| search.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="filter-channel">{tr("bo.channel")}</label>
                    <select id="filter-channel" class="input" on:change=move |event| channel.set(event_target_value(&event))>
                        <option value="">{tr("bo.any")}</option>
                        {channel_options}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="filter-state">{tr("bo.state")}</label>
                    <select id="filter-state" class="input" on:change=move |event| state.set(event_target_value(&event))>
                        <option value="">{tr("bo.any")}</option>
                        {state_options}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="filter-area">{tr("bo.area")}</label>
                    <select id="filter-area" class="input" on:change=move |event| area.set(event_target_value(&event))>
                        <option value="">{tr("bo.any")}</option>
                        {area_options()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="filter-assignee">{tr("bo.assignee")}</label>
                    <select id="filter-assignee" class="input" on:change=move |event| assignee.set(event_target_value(&event))>
                        <option value="">{tr("bo.any")}</option>
                        <option value="mine">{tr("bo.mine")}</option>
                        <option value="unassigned">{tr("bo.unassigned")}</option>
                    </select>
                </div>
                <div class="field field--inline">
                    <input id="filter-overdue" type="checkbox" prop:checked=move || overdue.get()
                        on:change=move |event| overdue.set(event_target_checked(&event)) />
                    <label for="filter-overdue">{tr("bo.overdue_only")}</label>
                </div>
                <button type="submit" class="button button--primary">{tr("bo.apply_filters")}</button>
                <a class="button" download="" href=move || export_href(false)>{tr("bo.export")}</a>
                <a class="button" download="" href=move || export_href(true)>{tr("bo.export_xlsx")}</a>
            </fieldset>
        </form>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
        // Outside the rows' closure: reloading the queue after an assignment keeps its outcome.
        <super::bulk_assignment::BulkAssignmentBar selected=selected on_done=move || load(None) />
        {move || {
            let rows = items.get();
            if rows.is_empty() {
                return view! { <p>{tr("bo.empty")}</p> }.into_any();
            }
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="queue-caption">
                    <table class="queue-table">
                        <caption id="queue-caption">{tr("bo.queue_title")}</caption>
                        <thead><tr>
                            <th scope="col"><span class="visually-hidden">{tr("bo.bulk_select_column")}</span></th>
                            <th scope="col">{tr("bo.reference")}</th>
                            <th scope="col">{tr("bo.name")}</th>
                            <th scope="col">{tr("bo.channel")}</th>
                            <th scope="col">{tr("bo.state")}</th>
                            <th scope="col">{tr("bo.area")}</th>
                            <th scope="col">{tr("bo.holder")}</th>
                            <th scope="col">{tr("bo.submitted")}</th>
                            <th scope="col">{tr("bo.due")}</th>
                        </tr></thead>
                        <tbody>{rows.into_iter().map(|item| view! { <QueueRow item=item selected=selected /> }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {move || summary.get().and_then(|page| page.next).map(|next| view! {
            <button type="button" class="button" on:click=move |_| load(Some(next.clone()))>{tr("bo.more")}</button>
        })}
    }
}

/// The distretti, then the Quartieri of Bologna (the queue filters on either).
fn area_options() -> impl IntoView {
    let territory = insieme_rules::Territory::embedded();
    let distretti = territory.distretti.iter().map(|distretto| (distretto.id.clone(), distretto.name.clone()));
    let quartieri =
        territory.quartieri.iter().map(|quartiere| (quartiere.id.clone(), format!("Bologna – {}", quartiere.name)));
    distretti.chain(quartieri).map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()
}

#[component]
fn QueueRow(item: QueueItem, selected: RwSignal<std::collections::BTreeSet<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let reference = item.reference.clone();
    let ticked = reference.clone();
    let label = reference.clone();
    let channel_key = format!("channels.{}.name", item.channel.code());
    let state_key = format!("bo_state.{}", item.state.code());
    let holder = item.assignee.map(|person| person.name);
    let due = item.due_on.clone();
    view! {
        <tr class:queue-table__overdue=item.overdue>
            <td>
                <input type="checkbox" aria-label=move || i18n.t_with("bo.bulk_select", &[("reference", label.clone())])
                    prop:checked=move || selected.read().contains(&ticked)
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        selected.update(|chosen| {
                            if on { chosen.insert(reference.clone()); } else { chosen.remove(&reference); }
                        });
                    } />
            </td>
            <td><Link href=case_path(&item.reference)>{item.reference.clone()}</Link></td>
            <td>{item.name}</td>
            <td>{tr_key(channel_key)}</td>
            <td>{tr_key(state_key)}</td>
            <td>{item.area.unwrap_or_default()}</td>
            <td>{holder.map_or_else(|| view! { <span>{tr("bo.nobody")}</span> }.into_any(), |name| view! { <span>{name}</span> }.into_any())}</td>
            <td>{device::local_time(&item.submitted_at)}</td>
            <td>
                {due.unwrap_or_default()}
                {item.overdue.then(|| view! { " " <strong class="badge badge--overdue">{tr("bo.overdue")}</strong> })}
            </td>
        </tr>
    }
}
