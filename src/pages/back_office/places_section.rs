//! Organisations and access points on the administration page: the lists with change and
//! open/close, a form to rename one (and move an access point), and a form for a new one (the
//! server checks the id, the comune and the address).

use insieme_api::back_office::{NewPlace, Place, PlaceChange, Places};
use leptos::{prelude::*, task::spawn_local};

use super::{account_forms::text_input, on_session_end, refusal_key};
use crate::{
    api,
    i18n::{tr, tr_key, use_i18n},
};

/// Fetches the organisations and access points into `places` (kept as they were if it fails).
pub fn load_places(places: RwSignal<Option<Places>>) {
    spawn_local(async move {
        if let Ok(found) = api::back_office::places().await {
            places.set(Some(found));
        }
    });
}

#[component]
pub fn PlacesSection(places: RwSignal<Option<Places>>) -> impl IntoView {
    let failure = RwSignal::new(None::<&'static str>);
    // The place being changed, with its kind (its form opens above the lists).
    let editing = RwSignal::new(None::<(&'static str, Place)>);
    let reload = move || load_places(places);
    let toggle = move |kind: &'static str, id: String, active: bool| {
        spawn_local(async move {
            match api::back_office::set_place_active(kind, &id, active).await {
                Ok(()) => {
                    failure.set(None);
                    reload();
                }
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
        });
    };
    let list = move |kind: &'static str, caption: &'static str, pick: fn(&Places) -> &Vec<Place>| {
        let caption_id = format!("places-{kind}");
        let region_label = caption_id.clone();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_label>
                <table class="queue-table">
                    <caption id=caption_id>{tr(caption)}</caption>
                    <thead><tr>
                        <th scope="col">{tr("bo.name")}</th>
                        <th scope="col">{tr("bo.admin_place_id")}</th>
                        <th scope="col">{tr("bo.admin_actions")}</th>
                    </tr></thead>
                    <tbody>
                        {move || places.get().map(|found| pick(&found).iter().map(|place| {
                            let id = place.id.clone();
                            let active = place.active;
                            let edited = place.clone();
                            view! {
                                <tr>
                                    <th scope="row">{place.name.clone()}</th>
                                    <td translate="no">{place.id.clone()}</td>
                                    <td class="admin-actions">
                                        <PlaceButton key="bo.admin_change" name=place.name.clone()
                                            on_press=move || editing.set(Some((kind, edited.clone()))) />
                                        <PlaceButton key=if active { "bo.admin_close" } else { "bo.admin_open" }
                                            name=place.name.clone() on_press=move || toggle(kind, id.clone(), !active) />
                                        {(!active).then(|| view! { <span class="badge">{tr("bo.admin_closed")}</span> })}
                                    </td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <h2>{tr("bo.admin_places")}</h2>
        <NewPlaceForm on_created=reload />
        {move || editing.get().map(|(kind, place)| view! {
            <PlaceEditor kind=kind place=place on_done=move |saved| {
                editing.set(None);
                if saved {
                    reload();
                }
            } />
        })}
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        {list("organisation", "bo.admin_organisations", |found| &found.organisations)}
        {list("access_point", "bo.admin_access_points", |found| &found.access_points)}
    }
}

/// "Change", "Close" or "Open again", named with the place for screen readers.
#[component]
fn PlaceButton(key: &'static str, name: String, on_press: impl Fn() + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button" aria-label=move || format!("{}: {name}", i18n.t(key)) on:click=move |_| on_press()>
            {tr(key)}
        </button>
    }
}

#[component]
fn NewPlaceForm(on_created: impl Fn() + Copy + 'static) -> impl IntoView {
    let kind = RwSignal::new("access_point".to_owned());
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let comune = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let joint_analysis = RwSignal::new(false);
    let outcome = RwSignal::new(None::<&'static str>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let place = NewPlace {
            kind: kind.get_untracked(),
            id: id.get_untracked().trim().to_owned(),
            name: name.get_untracked(),
            comune: comune.get_untracked(),
            address: address.get_untracked(),
            joint_analysis: joint_analysis.get_untracked(),
        };
        spawn_local(async move {
            match api::back_office::create_place(&place).await {
                Ok(_) => {
                    outcome.set(Some("bo.admin_place_created"));
                    id.set(String::new());
                    name.set(String::new());
                    on_created();
                }
                Err(error) => {
                    on_session_end(&error);
                    outcome.set(Some(match &error {
                        api::ApiError::Server { code: insieme_api::ErrorCode::Conflict, .. } => "bo.admin_place_taken",
                        _ => refusal_key(&error),
                    }));
                }
            }
        });
    };
    view! {
        <form class="admin-form" on:submit=on_submit>
            <fieldset>
                <legend>{tr("bo.admin_new_place")}</legend>
                <div class="field">
                    <label class="field__label" for="new-place-kind">{tr("bo.admin_place_kind")}</label>
                    <select id="new-place-kind" class="input" on:change=move |event| kind.set(event_target_value(&event))>
                        <option value="access_point" selected=true>{tr("bo.admin_access_point")}</option>
                        <option value="organisation">{tr("bo.admin_organisation")}</option>
                    </select>
                </div>
                {text_input("new-place-name", "bo.name", "text", name)}
                {text_input("new-place-id", "bo.admin_place_id", "text", id)}
                <Show when=move || kind.get() == "access_point"
                    fallback=move || view! {
                        <div class="field field--inline">
                            <input id="new-place-joint" type="checkbox" prop:checked=move || joint_analysis.get()
                                on:change=move |event| joint_analysis.set(event_target_checked(&event)) />
                            <label for="new-place-joint">{tr("bo.admin_joint_analysis")}</label>
                        </div>
                    }>
                    {text_input("new-place-comune", "bo.admin_comune", "text", comune)}
                    {text_input("new-place-address", "bo.admin_address", "text", address)}
                </Show>
                <button type="submit" class="button button--primary">{tr("bo.admin_add_place")}</button>
            </fieldset>
            <div role="status">{move || outcome.get().map(|key| view! { <p>{tr_key(key.to_owned())}</p> })}</div>
        </form>
    }
}

/// Renaming a place; an access point also has its comune and address (people see them for their
/// appointments). The focus goes to the name when it opens.
#[component]
fn PlaceEditor(kind: &'static str, place: Place, on_done: impl Fn(bool) + Copy + 'static) -> impl IntoView {
    let name = RwSignal::new(place.name.clone());
    let comune = RwSignal::new(place.comune.clone());
    let address = RwSignal::new(place.address.clone());
    let failure = RwSignal::new(None::<&'static str>);
    let name_field = super::focused_on_open();
    let id = place.id.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let change = PlaceChange {
            name: name.get_untracked(),
            comune: comune.get_untracked(),
            address: address.get_untracked(),
        };
        let id = id.clone();
        spawn_local(async move {
            match api::back_office::change_place(kind, &id, &change).await {
                Ok(_) => on_done(true),
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
        });
    };
    view! {
        <form class="admin-form" on:submit=on_submit>
            <fieldset>
                <legend>{tr("bo.admin_change_place")} " " <span translate="no">{place.id.clone()}</span></legend>
                <div class="field">
                    <label class="field__label" for="change-place-name">{tr("bo.name")}</label>
                    <input id="change-place-name" class="input" type="text" required=true autocomplete="off" node_ref=name_field
                        prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event)) />
                </div>
                {(kind == "access_point").then(|| view! {
                    {text_input("change-place-comune", "bo.admin_comune", "text", comune)}
                    {text_input("change-place-address", "bo.admin_address", "text", address)}
                })}
                <div class="admin-actions">
                    <button type="submit" class="button button--primary">{tr("bo.admin_save")}</button>
                    <button type="button" class="button" on:click=move |_| on_done(false)>{tr("bo.admin_cancel")}</button>
                </div>
            </fieldset>
            <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        </form>
    }
}
