//! Handing several applications of the queue to one person at once: the rows ticked in the
//! queue, a person (oneself, or anyone for administrators and the secretariat: the server
//! decides), and what became of each.

use std::collections::BTreeSet;

use insieme_api::back_office::{AccountView, BulkAssignment};
use leptos::{prelude::*, task::spawn_local};

use super::{SignedIn, on_session_end, refusal_key};
use crate::{
    api,
    i18n::{tr, use_i18n},
};

#[component]
pub fn BulkAssignmentBar(selected: RwSignal<BTreeSet<String>>, on_done: impl Fn() + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let me = expect_context::<SignedIn>().0.get_untracked().flatten();
    let my_id = me.map(|me| me.id).unwrap_or_default();
    let people = RwSignal::new(Vec::<AccountView>::new());
    let assignee = RwSignal::new(my_id);
    let outcome = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(found) = api::back_office::accounts().await {
            people.set(found.into_iter().filter(|account| !account.disabled).collect());
        }
    });
    let on_assign = move |_| {
        let request = BulkAssignment {
            references: selected.get_untracked().into_iter().collect(),
            assignee: assignee.get_untracked(),
        };
        busy.set(true);
        spawn_local(async move {
            match api::back_office::assign_many(&request).await {
                Ok(result) => {
                    outcome.set(Some(i18n.t_with(
                        "bo.bulk_result",
                        &[
                            ("assigned", result.assigned.len().to_string()),
                            ("refused", result.refused.len().to_string()),
                        ],
                    )));
                    selected.set(BTreeSet::new());
                    on_done();
                }
                Err(error) => {
                    on_session_end(&error);
                    outcome.set(Some(i18n.t(refusal_key(&error))));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="bulk-bar">
            <div class="field">
                <label class="field__label" for="bulk-assignee">{tr("bo.bulk_to")}</label>
                <select id="bulk-assignee" class="input" on:change=move |event| assignee.set(event_target_value(&event))>
                    {move || people.get().into_iter().map(|person| {
                        let chosen = person.id == assignee.get_untracked();
                        view! { <option value=person.id.clone() selected=chosen>{person.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="button" class="button" on:click=on_assign
                prop:disabled=move || busy.get() || selected.read().is_empty()>
                {move || i18n.t_with("bo.bulk_assign", &[("count", selected.read().len().to_string())])}
            </button>
            <p role="status">{move || outcome.get()}</p>
        </div>
    }
}
