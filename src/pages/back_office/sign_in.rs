//! The sign-in form of the back office.

use insieme_api::{ErrorCode, back_office::Login};
use leptos::{prelude::*, task::spawn_local};

use super::{SignedIn, refusal_key};
use crate::{
    api::{self, ApiError},
    components::PageTitle,
    i18n::{tr, use_i18n},
};

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let signed_in = expect_context::<SignedIn>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Shown once the server said this account also needs its authenticator code.
    let code = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    // When the code field appears (or is emptied after a refusal) the focus goes to it, so that a
    // keyboard or screen-reader user is where the next answer goes.
    let asking_code = Memo::new(move |_| code.read().is_some());
    let code_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if code.read().as_deref() == Some("")
            && let Some(field) = code_field.get()
        {
            let _ = field.focus();
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let login =
            Login { email: email.get_untracked(), password: password.get_untracked(), totp: code.get_untracked() };
        busy.set(true);
        spawn_local(async move {
            match api::back_office::sign_in(&login).await {
                Ok(me) => signed_in.0.set(Some(Some(me))),
                Err(ApiError::Server { code: ErrorCode::SecondFactorRequired, .. }) => {
                    failure.set(code.get_untracked().is_some().then_some("bo.code_needed"));
                    code.set(Some(String::new()));
                }
                Err(error) => {
                    password.set(String::new());
                    code.update(|typed| {
                        if let Some(typed) = typed {
                            typed.clear();
                        }
                    });
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
            {move || asking_code.get().then(|| view! {
                <div class="field">
                    <label class="field__label" for="sign-in-code">{tr("bo.code")}</label>
                    <p class="field__hint" id="sign-in-code-hint">{tr("bo.code_hint")}</p>
                    <input id="sign-in-code" class="input input--short" type="text" inputmode="numeric" autocomplete="one-time-code"
                        aria-describedby="sign-in-code-hint" required=true maxlength="8" node_ref=code_field
                        prop:value=move || code.get().unwrap_or_default()
                        on:input=move |event| code.set(Some(event_target_value(&event))) />
                </div>
            })}
            <button type="submit" class="button button--primary" prop:disabled=move || busy.get()>{tr("bo.sign_in")}</button>
        </form>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
    }
}
