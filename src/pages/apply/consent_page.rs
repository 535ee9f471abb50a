//! Consent and sending: the privacy notice (required), explicit consent for the sensitive items
//! the self-check answered (GDPR art. 9(2)(a); without it they are not sent), and a separate,
//! optional consent to be contacted by SMS or email. Sending says plainly what happened.

use insieme_api::ErrorCode;
use insieme_rules::Instrument;
use leptos::prelude::*;

use crate::{
    application_store::{Sending, use_application},
    components::{NavLink, PageTitle},
    device,
    i18n::{tr, use_i18n},
    navigation::Link,
    pages::apply::{CHECK, receipt_href, step_href},
    state::{
        application::{Form, sensitive_answered},
        receipts,
    },
};

#[component]
pub fn ConsentPage(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_application();
    let sensitive = if form.uses_self_check() {
        store.answers.with_value(|answers| sensitive_answered(answers.as_ref(), Instrument::fragility()))
    } else {
        0
    };
    let tried = RwSignal::new(false);
    let privacy_missing = move || tried.get() && !store.draft.with(|draft| draft.consent.privacy_notice);
    let checkbox = move |id: &'static str,
                         label: &'static str,
                         get: fn(&insieme_api::Consent) -> bool,
                         set: fn(&mut insieme_api::Consent, bool)| {
        view! {
            <div class="choice">
                <input type="checkbox" class="choice__input" id=id
                    aria-describedby=if id == "consent-privacy" { "consent-privacy-error" } else { "" }
                    prop:checked=move || store.draft.with(|draft| get(&draft.consent))
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        store.update(|draft| set(&mut draft.consent, on));
                    } />
                <label class="choice__label" for=id>{tr(label)}</label>
            </div>
        }
    };
    let on_send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        tried.set(true);
        if !store.draft.with_untracked(|draft| draft.consent.privacy_notice) {
            return;
        }
        // The receipt is the status app: a page load. The receipt travels in the fragment (never
        // sent to a server), so it is shown even if the browser refused to keep it.
        store.send(move |receipt| {
            device::load_page(&format!("{}#{}", receipt_href(form), receipts::to_fragment(&receipt)))
        });
    };
    let outcome = move || match store.sending.get() {
        Sending::Idle => None,
        Sending::InFlight => Some(view! { <p role="status" class="notice">{tr("apply.sending")}</p> }.into_any()),
        Sending::Offline => Some(
            view! {
                <div class="error-summary" role="alert">
                    <h2 class="error-summary__title">{tr("apply.offline_title")}</h2>
                    <p>{tr("apply.offline_text")}</p>
                </div>
            }
            .into_any(),
        ),
        Sending::Refused { code, .. } => {
            let key = match code {
                ErrorCode::Conflict => "apply.refused_conflict",
                ErrorCode::TooManyRequests => "apply.refused_too_many",
                ErrorCode::Unprocessable => "apply.refused_invalid",
                _ => "apply.refused_other",
            };
            Some(
                view! {
                    <div class="error-summary" role="alert">
                        <h2 class="error-summary__title">{tr("apply.refused_title")}</h2>
                        <p>{move || i18n.t(key)}</p>
                        {(code == ErrorCode::Unprocessable).then(|| view! { <Link href=step_href(form, CHECK)>{tr("apply.check_title")}</Link> })}
                        {(code == ErrorCode::Conflict).then(|| view! {
                            <button type="button" class="button" on:click=move |_| store.renew_id()>{tr("apply.send_as_new")}</button>
                        })}
                    </div>
                }
                .into_any(),
            )
        }
    };
    view! {
        <PageTitle text=Signal::derive(tr("apply.consent_title")) />
        <div class="step__main">
            <Link href=step_href(form, CHECK) class="back-link">{tr("self_check.back")}</Link>
            <p class="step__progress">{move || i18n.t_with("self_check.progress", &[
                ("step", (form.pages().len() + 2).to_string()), ("total", (form.pages().len() + 2).to_string()),
            ])}</p>
            <h1>{tr("apply.consent_title")}</h1>
            <p>{tr("apply.consent_intro")} " " <NavLink href="/privacy">{tr("apply.privacy_link")}</NavLink></p>
            <form class="step__form" novalidate=true on:submit=on_send>
                <fieldset class="field">
                    <legend class="field__label">{tr("apply.consent_legend")}</legend>
                    <Show when=privacy_missing>
                        <p class="field-error" id="consent-privacy-error" role="alert">{tr("problems.consent_needed")}</p>
                    </Show>
                    {checkbox("consent-privacy", "apply.consent_privacy", |c| c.privacy_notice, |c, on| c.privacy_notice = on)}
                    {(sensitive > 0).then(|| view! {
                        <p class="field__hint">{move || i18n.t_count("apply.consent_sensitive_hint", sensitive, &[])}</p>
                        {checkbox("consent-sensitive", "apply.consent_sensitive", |c| c.sensitive_data, |c, on| c.sensitive_data = on)}
                    })}
                    {checkbox("consent-contact", "apply.consent_contact", |c| c.contact_by_message, |c, on| c.contact_by_message = on)}
                </fieldset>
                {outcome}
                <button type="submit" class="button button--primary button--large"
                    disabled=move || store.sending.get() == Sending::InFlight>
                    {move || if matches!(store.sending.get(), Sending::Offline) { i18n.t("apply.send_again") } else { i18n.t("apply.send") }}
                </button>
            </form>
        </div>
    }
}
