//! Administration (administrators only; the server refuses everyone else): the accounts, a form
//! for a new one (its one-time password is shown here once), disabling and enabling, and
//! resetting a lost authenticator app.

use insieme_api::back_office::{AccountView, CreatedAccount, Places};
use leptos::{prelude::*, task::spawn_local};

use super::{
    account_forms::{AccountEditor, NewAccountForm},
    on_session_end, refusal_key,
};
use crate::{
    api,
    components::PageTitle,
    i18n::{tr, tr_key, use_i18n},
};

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
    // The account being changed, if any (its form opens above the list).
    let editing = RwSignal::new(None::<AccountView>);
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
    super::places_section::load_places(places);
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
        {move || editing.get().map(|account| view! {
            <AccountEditor account=account places=places on_done=move |saved| {
                editing.set(None);
                if saved {
                    reload();
                }
            } />
        })}
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
                    let edited = account.clone();
                    let place_id = account.organisation.clone().or(account.access_point.clone()).unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">{account.name.clone()}</th>
                            <td>{account.email.clone()}</td>
                            <td>{tr_key(format!("bo.role.{}", account.role))}</td>
                            <td>{move || place_name(places, &place_id)}</td>
                            <td>{tr_key((if account.totp_enrolled { "bo.admin_yes" } else { "bo.admin_no" }).to_owned())}</td>
                            <td class="admin-actions">
                                <AccountButton text="bo.admin_change" name=label.clone()
                                    on_press=move || editing.set(Some(edited.clone())) />
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

/// The name of the organisation or access point `id` (the id itself until the list arrives).
fn place_name(places: RwSignal<Option<Places>>, id: &str) -> String {
    places.with(|found| {
        found
            .iter()
            .flat_map(|found| found.organisations.iter().chain(&found.access_points))
            .find(|place| place.id == id)
            .map_or_else(|| id.to_owned(), |place| place.name.clone())
    })
}
