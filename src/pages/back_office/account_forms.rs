//! The account forms of the administration page: a new account, and changing an existing one's
//! name, role and place. Both share the role and place fields; the server checks that they fit.

use insieme_api::back_office::{AccountChange, AccountView, CreatedAccount, NewAccountRequest, Place, Places};
use leptos::{prelude::*, task::spawn_local};

use super::{on_session_end, refusal_key};
use crate::{
    api,
    i18n::{tr, tr_key},
};

const ROLES: [&str; 4] = ["administrator", "secretariat", "operator", "reviewer"];

/// The role and the place an account belongs to, as the server wants them: a reviewer names an
/// organisation, an operator an access point, the secretariat belongs to `segreteria`.
#[derive(Clone, Copy)]
struct RoleAndPlace {
    role: RwSignal<String>,
    organisation: RwSignal<String>,
    access_point: RwSignal<String>,
}

impl RoleAndPlace {
    fn new(role: &str, organisation: Option<String>, access_point: Option<String>) -> Self {
        Self {
            role: RwSignal::new(role.to_owned()),
            organisation: RwSignal::new(organisation.unwrap_or_default()),
            access_point: RwSignal::new(access_point.unwrap_or_default()),
        }
    }

    /// (role, organisation, access point) to send.
    fn chosen(self) -> (String, Option<String>, Option<String>) {
        let role = self.role.get_untracked();
        let organisation = match role.as_str() {
            "reviewer" => Some(self.organisation.get_untracked()),
            "secretariat" => Some("segreteria".to_owned()),
            _ => None,
        };
        let access_point = (role == "operator").then(|| self.access_point.get_untracked());
        (role, organisation, access_point)
    }
}

/// The role select and, for reviewers and operators, where they belong. `prefix` keeps the ids of
/// two forms on one page apart.
#[component]
fn RoleAndPlaceFields(fields: RoleAndPlace, places: RwSignal<Option<Places>>, prefix: &'static str) -> impl IntoView {
    let options = move |pick: fn(&Places) -> &Vec<Place>, current: RwSignal<String>| {
        places.get().map(|found| {
            pick(&found)
                .iter()
                .filter(|place| place.active || place.id == current.get_untracked())
                .map(|place| {
                    let id = place.id.clone();
                    view! { <option value=place.id.clone() selected=move || current.get() == id>{place.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let role_id = format!("{prefix}-role");
    let organisation_id = format!("{prefix}-organisation");
    let access_point_id = format!("{prefix}-access-point");
    let select = move |id: String, label: &'static str, value: RwSignal<String>, pick: fn(&Places) -> &Vec<Place>| {
        view! {
            <div class="field">
                <label class="field__label" for=id.clone()>{tr(label)}</label>
                <select id=id class="input" required=true on:change=move |event| value.set(event_target_value(&event))>
                    <option value="">{tr("bo.admin_choose")}</option>
                    {move || options(pick, value)}
                </select>
            </div>
        }
    };
    let role = fields.role;
    view! {
        <div class="field">
            <label class="field__label" for=role_id.clone()>{tr("bo.admin_role")}</label>
            <select id=role_id class="input" on:change=move |event| role.set(event_target_value(&event))>
                {ROLES.iter().map(|code| view! {
                    <option value=*code selected=move || role.get() == *code>{tr_key(format!("bo.role.{code}"))}</option>
                }).collect_view()}
            </select>
        </div>
        <Show when=move || role.get() == "reviewer">
            {select(organisation_id.clone(), "bo.admin_organisation", fields.organisation, |found| &found.organisations)}
        </Show>
        <Show when=move || role.get() == "operator">
            {select(access_point_id.clone(), "bo.admin_access_point", fields.access_point, |found| &found.access_points)}
        </Show>
    }
}

/// A required text field of the administration forms, bound to `value`.
pub(super) fn text_input(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id>{tr(label)}</label>
            <input id=id class="input" type=kind required=true autocomplete="off"
                prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
        </div>
    }
}

#[component]
pub fn NewAccountForm(
    places: RwSignal<Option<Places>>,
    created: RwSignal<Option<CreatedAccount>>,
    on_created: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let fields = RoleAndPlace::new("reviewer", None, None);
    let failure = RwSignal::new(None::<&'static str>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (role, organisation, access_point) = fields.chosen();
        let request = NewAccountRequest {
            email: email.get_untracked(),
            name: name.get_untracked(),
            role,
            organisation,
            access_point,
        };
        spawn_local(async move {
            match api::back_office::create_account(&request).await {
                Ok(made) => {
                    failure.set(None);
                    email.set(String::new());
                    name.set(String::new());
                    created.set(Some(made));
                    on_created();
                }
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(match &error {
                        api::ApiError::Server { code: insieme_api::ErrorCode::Conflict, .. } => "bo.admin_email_taken",
                        _ => refusal_key(&error),
                    }));
                }
            }
        });
    };
    view! {
        <form class="admin-form" on:submit=on_submit>
            <fieldset>
                <legend>{tr("bo.admin_new_account")}</legend>
                {text_input("new-account-name", "bo.name", "text", name)}
                {text_input("new-account-email", "bo.email", "email", email)}
                <RoleAndPlaceFields fields=fields places=places prefix="new-account" />
                <button type="submit" class="button button--primary">{tr("bo.admin_create")}</button>
            </fieldset>
            <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        </form>
    }
}

/// Changing one account: its name, role and place. The focus goes to the name when it opens; a
/// new role or place ends the account's sessions and lets go of what it holds (said beside the
/// button). `on_done` closes the form (after saving or cancelling).
#[component]
pub fn AccountEditor(
    account: AccountView,
    places: RwSignal<Option<Places>>,
    on_done: impl Fn(bool) + Copy + 'static,
) -> impl IntoView {
    let name = RwSignal::new(account.name.clone());
    let fields = RoleAndPlace::new(&account.role, account.organisation.clone(), account.access_point.clone());
    let failure = RwSignal::new(None::<&'static str>);
    let name_field = super::focused_on_open();
    let id = account.id.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (role, organisation, access_point) = fields.chosen();
        let change = AccountChange { name: name.get_untracked(), role, organisation, access_point };
        let id = id.clone();
        spawn_local(async move {
            match api::back_office::change_account(&id, &change).await {
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
                <legend>{tr("bo.admin_change_account")} " " {account.email.clone()}</legend>
                <div class="field">
                    <label class="field__label" for="change-account-name">{tr("bo.name")}</label>
                    <input id="change-account-name" class="input" type="text" required=true autocomplete="off" node_ref=name_field
                        prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event)) />
                </div>
                <RoleAndPlaceFields fields=fields places=places prefix="change-account" />
                <p class="field__hint">{tr("bo.admin_change_account_hint")}</p>
                <div class="admin-actions">
                    <button type="submit" class="button button--primary">{tr("bo.admin_save")}</button>
                    <button type="button" class="button" on:click=move |_| on_done(false)>{tr("bo.admin_cancel")}</button>
                </div>
            </fieldset>
            <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        </form>
    }
}
