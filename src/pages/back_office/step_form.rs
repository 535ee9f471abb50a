//! The form of one workflow step: only the inputs the step records (`insieme_rules::records`,
//! read from the workflow table), then the step is sent with the version of the case as read.

use std::collections::BTreeMap;

use insieme_api::back_office::{ActionRequest, CaseView, FieldToCorrect, InterviewSlot, Places};
use insieme_rules::{Instrument, Workflows, records::Records};
use leptos::{prelude::*, task::spawn_local};

use super::{on_session_end, refusal_key};
use crate::{
    api,
    i18n::{tr, tr_key, use_i18n},
};

#[component]
pub fn StepForm(
    action: String,
    found: CaseView,
    on_done: Callback<CaseView>,
    on_cancel: Callback<()>,
    on_refused: Callback<&'static str>,
) -> impl IntoView {
    let rules_channel = insieme_rules::Channel::from_code(found.channel.code());
    let records = rules_channel
        .and_then(|channel| Workflows::embedded().channel(channel).transition(&action).map(Records::of))
        .unwrap_or_default();
    let note = RwSignal::new(String::new());
    let fields = RwSignal::new(String::new());
    let partners = RwSignal::new(Vec::<String>::new());
    let path = RwSignal::new(records.choice.as_ref().and_then(|choices| choices.first().cloned()));
    let starts_at = RwSignal::new(String::new());
    let access_point = RwSignal::new(String::new());
    // Open access points and joint-analysis partners as administrators keep them (not the lists
    // this build shipped with): a new access point is offered, a closed one is not.
    let places = RwSignal::new(None::<Places>);
    if records.slot || records.shares || records.partners_present {
        spawn_local(async move {
            if let Ok(found) = api::back_office::places().await {
                if let Some(first) = found.access_points.iter().find(|point| point.active) {
                    access_point.set(first.id.clone());
                }
                places.set(Some(found));
            }
        });
    }
    let declared: BTreeMap<String, u8> = found.submission["answers"]["fragility"]
        .as_object()
        .map(|levels| {
            levels
                .iter()
                .filter_map(|(item, level)| Some((item.clone(), u8::try_from(level.as_u64()?).ok()?)))
                .collect()
        })
        .unwrap_or_default();
    let items = RwSignal::new(declared.clone());
    // Channel 4: the sustainability grid, scored from nothing by the reviewers.
    let grid = RwSignal::new(BTreeMap::<String, u8>::new());
    let busy = RwSignal::new(false);
    let heading_key = format!("bo_action.{action}");
    let reference = found.reference.clone();
    let version = found.version;
    let send_records = records.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let records = &send_records;
        let request = ActionRequest {
            action: action.clone(),
            version,
            note: Some(note.get_untracked()).filter(|text| !text.trim().is_empty()),
            fields: if records.fields { parse_fields(&fields.get_untracked()) } else { Vec::new() },
            partners: if records.shares || records.partners_present { partners.get_untracked() } else { Vec::new() },
            path: if records.choice.is_some() { path.get_untracked() } else { None },
            interview: records.slot.then(|| InterviewSlot {
                starts_at: starts_at.get_untracked(),
                access_point: access_point.get_untracked(),
                operator: None,
            }),
            items: if records.items {
                items.get_untracked().into_iter().filter(|(item, level)| declared.get(item) != Some(level)).collect()
            } else if records.grid {
                grid.get_untracked()
            } else {
                BTreeMap::new()
            },
        };
        let reference = reference.clone();
        busy.set(true);
        spawn_local(async move {
            match api::back_office::act(&reference, &request).await {
                Ok(updated) => on_done.run(updated),
                Err(error) => {
                    on_session_end(&error);
                    on_refused.run(refusal_key(&error));
                }
            }
            busy.set(false);
        });
    };
    let joint_partners = move || -> Vec<(String, String)> {
        places
            .get()
            .map(|found| {
                found
                    .organisations
                    .into_iter()
                    .filter(|organisation| organisation.active && organisation.joint_analysis)
                    .map(|organisation| (organisation.id, organisation.name))
                    .collect()
            })
            .unwrap_or_default()
    };
    view! {
        <form class="step-form" on:submit=on_submit>
            <h3>{tr_key(heading_key)}</h3>
            {records.fields.then(|| view! {
                <div class="field">
                    <label class="field__label" for="step-fields">{tr("bo.fields_to_correct")}</label>
                    <textarea id="step-fields" class="input" rows="3" required=true placeholder="person.phone = …"
                        prop:value=move || fields.get() on:input=move |event| fields.set(event_target_value(&event))></textarea>
                </div>
            })}
            {(records.shares || records.partners_present).then(|| view! {
                <fieldset class="field">
                    <legend class="field__label">{tr("bo.partners")}</legend>
                    {move || joint_partners().into_iter().map(|(id, name)| {
                        let input_id = format!("partner-{id}");
                        let checked_id = id.clone();
                        view! {
                            <div class="field--inline">
                                <input type="checkbox" id=input_id.clone() on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    partners.update(|chosen| {
                                        chosen.retain(|partner| *partner != checked_id);
                                        if on { chosen.push(checked_id.clone()); }
                                    });
                                } />
                                <label for=input_id>{name}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            {records.choice.clone().map(|choices| view! {
                <div class="field">
                    <label class="field__label" for="step-path">{tr("bo.path")}</label>
                    <select id="step-path" class="input" on:change=move |event| path.set(Some(event_target_value(&event)))>
                        {choices.into_iter().map(|choice| {
                            let key = format!("bo.path_value.{choice}");
                            view! { <option value=choice>{tr_key(key)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            {records.slot.then(|| view! {
                <div class="field">
                    <label class="field__label" for="step-starts">{tr("bo.starts_at")}</label>
                    <input id="step-starts" class="input" type="datetime-local" required=true
                        prop:value=move || starts_at.get() on:input=move |event| starts_at.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="step-point">{tr("bo.access_point")}</label>
                    <select id="step-point" class="input" on:change=move |event| access_point.set(event_target_value(&event))>
                        {move || places.get().map(|found| found.access_points.into_iter().filter(|point| point.active)
                            .map(|point| view! { <option value=point.id.clone()>{point.name}</option> }).collect_view())}
                    </select>
                </div>
            })}
            {records.items.then(|| view! { <ItemLevels items=items instrument=Instrument::fragility() legend="bo.official_items" /> })}
            {records.grid.then(|| view! { <ItemLevels items=grid instrument=Instrument::sustainability() legend="bo.sustainability_grid" /> })}
            <div class="field">
                <label class="field__label" for="step-note">{tr("bo.step_note")}</label>
                <textarea id="step-note" class="input" rows="3" required=records.note
                    prop:value=move || note.get() on:input=move |event| note.set(event_target_value(&event))></textarea>
            </div>
            <div class="button-row">
                <button type="submit" class="button button--primary" prop:disabled=move || busy.get()>{tr("bo.confirm_step")}</button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>{tr("bo.cancel")}</button>
            </div>
        </form>
    }
}

/// The items of `instrument` with a level each: the 29 fragility items with the levels the person
/// declared (the operator corrects them), or the criteria of the sustainability grid.
#[component]
fn ItemLevels(
    items: RwSignal<BTreeMap<String, u8>>,
    instrument: &'static Instrument,
    legend: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let english = move || i18n.language().code() == "en";
    view! {
        <fieldset class="field">
            <legend class="field__label">{tr(legend)}</legend>
            {instrument.items.iter().map(|item| {
                let id = item.id.clone();
                let select_id = format!("item-{id}");
                let (it, en) = (item.it.clone(), item.en.clone());
                let levels: Vec<(u8, String, String)> = item.levels_it.iter().zip(&item.levels_en).enumerate()
                    .map(|(level, (it, en))| (u8::try_from(level).unwrap_or(0), it.clone(), en.clone())).collect();
                let current = id.clone();
                let changed = id.clone();
                view! {
                    <div class="field">
                        <label class="field__label" for=select_id.clone()>{move || if english() { en.clone() } else { it.clone() }}</label>
                        <select id=select_id class="input" on:change=move |event| {
                            // "—" takes the level back: nothing is sent for that item.
                            match event_target_value(&event).parse::<u8>() {
                                Ok(level) => items.update(|items| { items.insert(changed.clone(), level); }),
                                Err(_) => items.update(|items| { items.remove(&changed); }),
                            }
                        }>
                            <option value="" selected=!items.get_untracked().contains_key(&current)>"—"</option>
                            {levels.into_iter().map(|(level, it, en)| {
                                let selected = items.get_untracked().get(&current) == Some(&level);
                                view! { <option value=level.to_string() selected=selected>{move || if english() { en.clone() } else { it.clone() }}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// `field = note` per line.
fn parse_fields(text: &str) -> Vec<FieldToCorrect> {
    text.lines()
        .filter_map(|line| line.split_once('='))
        .map(|(field, note)| FieldToCorrect { field: field.trim().to_owned(), note: note.trim().to_owned() })
        .filter(|field| !field.field.is_empty())
        .collect()
}
