//! The audit log (administrators; the server refuses everyone else): who saw and changed what,
//! filtered by account, application and dates, newest first, 100 at a time.

use std::collections::BTreeMap;

use insieme_api::back_office::{AuditEntry, AuditQuery};
use leptos::{prelude::*, task::spawn_local};

use super::{on_session_end, refusal_key};
use crate::{
    api,
    components::PageTitle,
    i18n::{tr, tr_key, use_i18n},
};

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let actor = RwSignal::new(String::new());
    let application = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let names = RwSignal::new(BTreeMap::<String, String>::new());
    let failure = RwSignal::new(None::<&'static str>);
    let more = RwSignal::new(false);
    // The filters of the list on screen: "older" pages with them, not with fields edited since.
    let shown = RwSignal::new(AuditQuery::default());
    spawn_local(async move {
        if let Ok(accounts) = api::back_office::accounts().await {
            names.set(accounts.into_iter().map(|account| (account.id, account.name)).collect());
        }
    });
    let load = move |before: Option<i64>| {
        let query = match before {
            Some(_) => AuditQuery { before, ..shown.get_untracked() },
            None => AuditQuery {
                actor: Some(actor.get_untracked()),
                application: Some(application.get_untracked().trim().to_uppercase()),
                from: Some(from.get_untracked()),
                to: Some(to.get_untracked()),
                before,
            },
        };
        shown.set(query.clone());
        spawn_local(async move {
            match api::back_office::audit(&query).await {
                Ok(found) => {
                    failure.set(None);
                    more.set(found.len() == 100);
                    if before.is_some() {
                        entries.update(|entries| entries.extend(found));
                    } else {
                        entries.set(found);
                    }
                }
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
        });
    };
    load(None);
    let on_filter = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        load(None);
    };
    // A workflow step in the words of the table, other actions and subjects in the audit's own
    // words; a code nobody named yet is shown as it is.
    let words_for = move |code: &str, families: &[&str]| {
        families
            .iter()
            .map(|family| format!("{family}.{code}"))
            .find_map(|key| i18n.find(&key))
            .unwrap_or_else(|| code.to_owned())
    };
    let who = move |id: &str| names.read().get(id).cloned().unwrap_or_else(|| id.to_owned());
    view! {
        <PageTitle text=Signal::derive(tr("bo.audit_title")) />
        <h1>{tr("bo.audit_title")}</h1>
        <form class="queue-filters" on:submit=on_filter>
            <fieldset>
                <legend>{tr("bo.filters")}</legend>
                <div class="field">
                    <label class="field__label" for="audit-actor">{tr("bo.audit_who")}</label>
                    <select id="audit-actor" class="input" on:change=move |event| actor.set(event_target_value(&event))>
                        <option value="">{tr("bo.any")}</option>
                        {move || names.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="audit-application">{tr("bo.reference")}</label>
                    <input id="audit-application" class="input" type="text" placeholder="IPL-2026-000001"
                        prop:value=move || application.get() on:input=move |event| application.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="audit-from">{tr("bo.audit_from")}</label>
                    <input id="audit-from" class="input" type="date"
                        prop:value=move || from.get() on:input=move |event| from.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="audit-to">{tr("bo.audit_to")}</label>
                    <input id="audit-to" class="input" type="date"
                        prop:value=move || to.get() on:input=move |event| to.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button button--primary">{tr("bo.apply_filters")}</button>
            </fieldset>
        </form>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-caption">
            <table class="queue-table">
                <caption id="audit-caption">{tr("bo.audit_title")}</caption>
                <thead><tr>
                    <th scope="col">{tr("bo.audit_when")}</th>
                    <th scope="col">{tr("bo.audit_who")}</th>
                    <th scope="col">{tr("bo.audit_what")}</th>
                    <th scope="col">{tr("bo.audit_on")}</th>
                    <th scope="col">{tr("bo.audit_details")}</th>
                </tr></thead>
                <tbody>
                    {move || entries.get().into_iter().map(|entry| view! {
                        <tr>
                            <td>{entry.at.replace('T', " ").chars().take(19).collect::<String>()}</td>
                            <td>{who(&entry.actor)}</td>
                            <td>{words_for(&entry.action, &["bo_action", "bo.audit_action"])}</td>
                            <td>{words_for(&entry.subject, &["bo.audit_subject"])} " " {entry.subject_id.clone().map(|id| who(&id)).unwrap_or_default()}</td>
                            <td class="audit-details">{entry.details.map(|details| details.to_string()).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Show when=move || entries.read().is_empty()>
            <p>{tr("bo.audit_empty")}</p>
        </Show>
        <Show when=move || more.get()>
            <button type="button" class="button" on:click=move |_| load(entries.read_untracked().last().map(|entry| entry.id))>
                {tr("bo.more")}
            </button>
        </Show>
    }
}
