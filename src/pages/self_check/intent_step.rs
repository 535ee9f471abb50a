//! First step: check every channel, or only the business-idea channel (the short path); and
//! for someone who started on another device, a resume code.

use leptos::prelude::*;

use crate::{
    components::StepForm,
    i18n::{tr, use_i18n},
    state::{
        resume_code,
        self_check::{FieldIssue, Intent, Step},
    },
    store::use_self_check,
};

#[component]
pub fn IntentStep() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let intent = move || store.check.with(|check| check.intent);
    let resume_text = RwSignal::new(String::new());
    let resume_failed = RwSignal::new(false);
    let check = Callback::new(move |()| {
        if intent().is_some() {
            Vec::new()
        } else {
            vec![FieldIssue { field: "intent-everything", message_key: "errors.intent_missing" }]
        }
    });
    let resume = move |_| match resume_code::decode(&resume_text.get(), store.instrument()) {
        Some(restored) => {
            resume_failed.set(false);
            store.replace(restored);
            resume_text.set(String::new());
        }
        None => resume_failed.set(true),
    };
    let options = [
        (Intent::Everything, "intent-everything", "self_check.intent.everything"),
        (Intent::EnterpriseOnly, "intent-enterprise", "self_check.intent.enterprise_only"),
    ];
    view! {
        <StepForm step=Step::Intent title=Signal::derive(tr("self_check.intent.title")) check=check>
            <p>{tr("self_check.intent.intro")}</p>
            <p class="notice">{tr("self_check.privacy_promise")}</p>
            <fieldset class="question">
                <legend class="question__legend">{tr("self_check.intent.question")}</legend>
                <div class="question__options">
                    {options
                        .into_iter()
                        .map(|(choice, id, label)| view! {
                            <div class="choice">
                                <input type="radio" class="choice__input" id=id name="intent"
                                    prop:checked=move || intent() == Some(choice)
                                    on:change=move |_| store.update(|check| check.set_intent(choice)) />
                                <label class="choice__label" for=id>{move || i18n.t(label)}</label>
                            </div>
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <details class="resume">
                <summary>{tr("self_check.resume.question")}</summary>
                <label for="resume-code">{tr("self_check.resume.label")}</label>
                <p class="field__hint" id="resume-code-hint">{tr("self_check.resume.hint")}</p>
                <input type="text" id="resume-code" class="input resume__code" autocomplete="off" spellcheck="false"
                    autocapitalize="characters" dir="ltr" aria-describedby="resume-code-hint"
                    prop:value=move || resume_text.get()
                    on:input=move |event| resume_text.set(event_target_value(&event)) />
                <button type="button" class="button" on:click=resume>{tr("self_check.resume.button")}</button>
                <Show when=move || resume_failed.get()>
                    <p class="field-error" role="alert">{tr("errors.resume_invalid")}</p>
                </Show>
            </details>
        </StepForm>
    }
    .into_any()
}
