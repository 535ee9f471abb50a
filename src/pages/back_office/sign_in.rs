//! The sign-in form of the back office.

use insieme_api::back_office::Login;
use leptos::{prelude::*, task::spawn_local};

use super::{SignedIn, refusal_key};
use crate::{
    api,
    components::PageTitle,
    i18n::{tr, use_i18n},
};

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let signed_in = expect_context::<SignedIn>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let login = Login { email: email.get_untracked(), password: password.get_untracked(), totp: None };
        busy.set(true);
        spawn_local(async move {
            match api::back_office::sign_in(&login).await {
                Ok(me) => signed_in.0.set(Some(Some(me))),
                Err(error) => {
                    password.set(String::new());
                    failure.set(Some(refusal_key(&error)));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <PageTitle text=Signal::derive(tr("bo.sign_in_title")) />
        <h1>{tr("bo.sign_in_title")}</h1>
        <form class="step__form" on:submit=on_submit>
            <div class="field">
                <label class="field__label" for="sign-in-email">{tr("bo.email")}</label>
                <input id="sign-in-email" class="input" type="email" autocomplete="username" required=true
                    prop:value=move || email.get() on:input=move |event| email.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label class="field__label" for="sign-in-password">{tr("bo.password")}</label>
                <input id="sign-in-password" class="input" type="password" autocomplete="current-password" required=true
                    prop:value=move || password.get() on:input=move |event| password.set(event_target_value(&event)) />
            </div>
            <button type="submit" class="button button--primary" prop:disabled=move || busy.get()>{tr("bo.sign_in")}</button>
        </form>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
    }
}
