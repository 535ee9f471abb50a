//! Connecting an authenticator app (TOTP): required before anything else for administrators and
//! the secretariat, offered to the others at `/ufficio/sicurezza`. The QR code is drawn on the
//! device from the `otpauth://` address the server made; the key is shown too, for typing.

use insieme_api::back_office::{SecondFactor, SecondFactorCode, SecondFactorEnrolment};
use leptos::{prelude::*, task::spawn_local};

use super::{QUEUE_PATH, SignedIn, on_session_end, refusal_key};
use crate::{
    api,
    components::{PageTitle, QrCode},
    i18n::{tr, use_i18n},
};

#[component]
pub fn SecondFactorPage(state: SecondFactor) -> impl IntoView {
    let i18n = use_i18n();
    let signed_in = expect_context::<SignedIn>();
    let enrolment = RwSignal::new(None::<SecondFactorEnrolment>);
    let code = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let on_start = move |_| {
        busy.set(true);
        spawn_local(async move {
            match api::back_office::begin_second_factor().await {
                Ok(started) => {
                    failure.set(None);
                    enrolment.set(Some(started));
                }
                Err(error) => {
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
            busy.set(false);
        });
    };
    let on_confirm = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = SecondFactorCode { code: code.get_untracked() };
        busy.set(true);
        spawn_local(async move {
            match api::back_office::confirm_second_factor(&typed).await {
                // The account is now enrolled: the pages follow (the queue, or this page saying so).
                Ok(me) => signed_in.0.set(Some(Some(me))),
                Err(error) => {
                    code.set(String::new());
                    on_session_end(&error);
                    failure.set(Some(refusal_key(&error)));
                }
            }
            busy.set(false);
        });
    };
    let introduction = match state {
        SecondFactor::MustEnrol => "bo.enrol_required",
        SecondFactor::Optional => "bo.enrol_optional",
        SecondFactor::Enrolled => "bo.second_factor_enrolled",
    };
    let steps = move || {
        let Some(started) = enrolment.get() else {
            return (state != SecondFactor::Enrolled).then(|| {
                view! {
                    <button type="button" class="button button--primary" on:click=on_start prop:disabled=move || busy.get()>
                        {tr("bo.enrol_start")}
                    </button>
                }
                .into_any()
            });
        };
        Some(
            view! {
                <p>{tr("bo.enrol_scan")}</p>
                <QrCode text=started.uri.clone() label=Signal::derive(tr("bo.enrol_qr_label")) />
                <p>{tr("bo.enrol_type")}</p>
                <p class="second-factor__key" translate="no" dir="ltr"><code>{started.secret.clone()}</code></p>
                <form class="step__form" on:submit=on_confirm>
                    <div class="field">
                        <label class="field__label" for="enrol-code">{tr("bo.enrol_confirm_step")}</label>
                        <input id="enrol-code" class="input input--short" type="text" inputmode="numeric"
                            autocomplete="one-time-code" required=true maxlength="8"
                            prop:value=move || code.get() on:input=move |event| code.set(event_target_value(&event)) />
                    </div>
                    <button type="submit" class="button button--primary" prop:disabled=move || busy.get()>
                        {tr("bo.enrol_confirm")}
                    </button>
                </form>
            }
            .into_any(),
        )
    };
    view! {
        <PageTitle text=Signal::derive(tr("bo.enrol_title")) />
        <h1>{tr("bo.enrol_title")}</h1>
        <p>{tr(introduction)}</p>
        {steps}
        {(state == SecondFactor::Enrolled).then(|| view! { <p><a href=QUEUE_PATH>{tr("bo.back_to_queue")}</a></p> })}
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
    }
}
