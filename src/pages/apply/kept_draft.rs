//! A draft of this form that an earlier version of the site saved and this one cannot read: it
//! is kept aside, never written over (issue 11), and shown as it was saved so that the person
//! can copy what they wrote into the new application, then remove it.

use leptos::prelude::*;

use crate::{
    application_store::use_application,
    components::{ConfirmAction, ConfirmTexts},
    i18n::tr,
};

const FORGET_KEPT: ConfirmTexts = ConfirmTexts {
    action: "apply.kept.forget",
    question: "apply.kept.forget_confirm",
    confirm: "apply.kept.forget",
    keep: "apply.kept.keep",
};

#[component]
pub fn KeptDraft() -> impl IntoView {
    let store = use_application();
    move || {
        store.kept.get().map(|text| {
            view! {
                <section class="notice" aria-labelledby="kept-title">
                    <h2 id="kept-title">{tr("apply.kept.title")}</h2>
                    <p>{tr("apply.kept.text")}</p>
                    <label for="kept-text">{tr("apply.kept.label")}</label>
                    <textarea id="kept-text" class="input resume__code" readonly=true rows="4" dir="ltr" prop:value=text></textarea>
                    <ConfirmAction texts=FORGET_KEPT on_confirm=Callback::new(move |()| store.forget_kept()) />
                </section>
            }
        })
    }
}
