//! Administration (administrators only; the server refuses everyone else): the accounts, a form
//! for a new one (its one-time password is shown here once), disabling and enabling, and
//! resetting a lost authenticator app.

use insieme_api::back_office::{AccountView, CreatedAccount, NewAccountRequest, Places};
use leptos::{prelude::*, task::spawn_local};

use super::{on_session_end, refusal_key};
use crate::{
    api,
    components::PageTitle,
    i18n::{tr, tr_key, use_i18n},
};

const ROLES: [&str; 4] = ["administrator", "secretariat", "operator", "reviewer"];

/// What an administrator changes on an account from its row.
#[derive(Clone, Copy)]
enum Change {
    Enabled(bool),
    AuthenticatorReset,
    PasswordReset,
}

#[component]
pub fn AdministrationPage() -> impl IntoView {
    let accounts = RwSignal::new(Vec::<AccountView>::new());
    let places = RwSignal::new(None::<Places>);
    let failure = RwSignal::new(None::<&'static str>);
    let created = RwSignal::new(None::<CreatedAccount>);
    let reload = move || {
        spawn_local(async move {
            match api::back_office::accounts().await {
                Ok(list) => accounts.set(list),
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
        });
    };
    reload();
    spawn_local(async move {
        if let Ok(found) = api::back_office::places().await {
            places.set(Some(found));
        }
    });
    let act = move |id: String, change: Change| {
        spawn_local(async move {
            let done = match change {
                Change::Enabled(enabled) => api::back_office::set_account_enabled(&id, enabled).await,
                Change::AuthenticatorReset => api::back_office::reset_second_factor(&id).await,
                // The new password is shown like a new account's, once.
                Change::PasswordReset => api::back_office::reset_password(&id).await.map(|made| {
                    let account = accounts.read_untracked().iter().find(|account| account.id == id).cloned();
                    if let Some(account) = account {
                        created.set(Some(CreatedAccount { account, one_time_password: made.one_time_password }));
                    }
                }),
            };
            match done {
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
    view! {
        <PageTitle text=Signal::derive(tr("bo.admin_title")) />
        <h1>{tr("bo.admin_title")}</h1>
        <NewAccountForm places=places created=created on_created=move || reload() />
        <div role="status">
            {move || created.get().map(|made| view! {
                <div class="notice">
                    <p>{tr("bo.admin_password_for")} " " <strong>{made.account.email.clone()}</strong></p>
                    <p>{tr("bo.admin_one_time_password")} " "
                        <code class="one-time-password" translate="no">{made.one_time_password.clone()}</code></p>
                    <p>{tr("bo.admin_one_time_password_hint")}</p>
                </div>
            })}
        </div>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        <h2 id="accounts-title">{tr("bo.admin_accounts")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="accounts-title">
        <table class="queue-table">
            <thead><tr>
                <th scope="col">{tr("bo.name")}</th>
                <th scope="col">{tr("bo.email")}</th>
                <th scope="col">{tr("bo.admin_role")}</th>
                <th scope="col">{tr("bo.admin_where")}</th>
                <th scope="col">{tr("bo.admin_authenticator")}</th>
                <th scope="col">{tr("bo.admin_actions")}</th>
            </tr></thead>
            <tbody>
                {move || accounts.get().into_iter().map(|account| {
                    let id = account.id.clone();
                    let reset_id = account.id.clone();
                    let password_id = account.id.clone();
                    let enabled = !account.disabled;
                    let label = account.name.clone();
                    view! {
                        <tr>
                            <th scope="row">{account.name.clone()}</th>
                            <td>{account.email.clone()}</td>
                            <td>{tr_key(format!("bo.role.{}", account.role))}</td>
                            <td>{account.organisation.clone().or(account.access_point.clone()).unwrap_or_default()}</td>
                            <td>{tr_key((if account.totp_enrolled { "bo.admin_yes" } else { "bo.admin_no" }).to_owned())}</td>
                            <td class="admin-actions">
                                <AccountButton
                                    text=if enabled { "bo.admin_disable" } else { "bo.admin_enable" }
                                    name=label.clone()
                                    on_press=move || act(id.clone(), Change::Enabled(!enabled))
                                />
                                <AccountButton text="bo.admin_reset_password" name=label.clone()
                                    on_press=move || act(password_id.clone(), Change::PasswordReset) />
                                {account.totp_enrolled.then(|| view! {
                                    <AccountButton text="bo.admin_reset_authenticator" name=label.clone()
                                        on_press=move || act(reset_id.clone(), Change::AuthenticatorReset) />
                                })}
                                {(!enabled).then(|| view! { <span class="badge">{tr("bo.admin_disabled")}</span> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <super::places_section::PlacesSection places=places />
    }
}

/// A button of one account's row, named with the account for screen readers.
#[component]
fn AccountButton(text: &'static str, name: String, on_press: impl Fn() + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button" aria-label=move || format!("{}: {name}", i18n.t(text)) on:click=move |_| on_press()>
            {tr(text)}
        </button>
    }
}

#[component]
fn NewAccountForm(
    places: RwSignal<Option<Places>>,
    created: RwSignal<Option<CreatedAccount>>,
    on_created: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new("reviewer".to_owned());
    let organisation = RwSignal::new(String::new());
    let access_point = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<&'static str>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = role.get_untracked();
        let request = NewAccountRequest {
            email: email.get_untracked(),
            name: name.get_untracked(),
            organisation: match chosen.as_str() {
                "reviewer" => Some(organisation.get_untracked()),
                "secretariat" => Some("segreteria".to_owned()),
                _ => None,
            },
            access_point: (chosen == "operator").then(|| access_point.get_untracked()),
            role: chosen,
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
    let options = move |pick: fn(&Places) -> &Vec<insieme_api::back_office::Place>| {
        places.get().map(|found| {
            pick(&found)
                .iter()
                .filter(|place| place.active)
                .map(|place| view! { <option value=place.id.clone()>{place.name.clone()}</option> })
                .collect_view()
        })
    };
    view! {
        <form class="admin-form" on:submit=on_submit>
            <fieldset>
                <legend>{tr("bo.admin_new_account")}</legend>
                <div class="field">
                    <label class="field__label" for="new-account-name">{tr("bo.name")}</label>
                    <input id="new-account-name" class="input" type="text" required=true autocomplete="off"
                        prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="new-account-email">{tr("bo.email")}</label>
                    <input id="new-account-email" class="input" type="email" required=true autocomplete="off"
                        prop:value=move || email.get() on:input=move |event| email.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="new-account-role">{tr("bo.admin_role")}</label>
                    <select id="new-account-role" class="input" on:change=move |event| role.set(event_target_value(&event))>
                        {ROLES.iter().map(|code| view! {
                            <option value=*code selected=*code == "reviewer">{tr_key(format!("bo.role.{code}"))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || role.get() == "reviewer">
                    <div class="field">
                        <label class="field__label" for="new-account-organisation">{tr("bo.admin_organisation")}</label>
                        <select id="new-account-organisation" class="input" required=true
                            on:change=move |event| organisation.set(event_target_value(&event))>
                            <option value="">{tr("bo.admin_choose")}</option>
                            {move || options(|found| &found.organisations)}
                        </select>
                    </div>
                </Show>
                <Show when=move || role.get() == "operator">
                    <div class="field">
                        <label class="field__label" for="new-account-access-point">{tr("bo.admin_access_point")}</label>
                        <select id="new-account-access-point" class="input" required=true
                            on:change=move |event| access_point.set(event_target_value(&event))>
                            <option value="">{tr("bo.admin_choose")}</option>
                            {move || options(|found| &found.access_points)}
                        </select>
                    </div>
                </Show>
                <button type="submit" class="button button--primary">{tr("bo.admin_create")}</button>
            </fieldset>
            <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{tr_key(key.to_owned())}</p> })}</div>
        </form>
    }
}
