//! The date of birth: age decides the minimum working age and the youth channel.

use leptos::prelude::*;

use crate::{
    components::StepForm,
    device,
    i18n::{tr, use_i18n},
    state::self_check::{Step, check_birth_date},
    store::use_self_check,
};

#[component]
pub fn AgeStep() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let typed = RwSignal::new(
        store
            .check
            .with_untracked(|check| check.answers.profile.birth_date.map(|date| date.to_string()).unwrap_or_default()),
    );
    let field_error = RwSignal::new(None::<&'static str>);
    let store_date = move |text: &str| match check_birth_date(text, device::today()) {
        Ok(date) => {
            field_error.set(None);
            store.update(|check| check.answers.profile.birth_date = date);
            Ok(())
        }
        Err(issue) => {
            field_error.set(Some(issue.message_key));
            Err(issue)
        }
    };
    let check = Callback::new(move |()| store_date(&typed.get()).err().into_iter().collect());
    view! {
        <StepForm step=Step::Age title=Signal::derive(tr("self_check.age.title")) check=check>
            <div class="field">
                <label class="field__label" for="birth_date">{tr("self_check.age.label")}</label>
                <p class="field__hint" id="birth_date-hint">{tr("self_check.age.hint")}</p>
                <Show when=move || field_error.get().is_some()>
                    <p class="field-error" id="birth_date-error">{move || field_error.get().map(|key| i18n.t(key))}</p>
                </Show>
                <input type="date" id="birth_date" class="input input--date" autocomplete="bday"
                    min="1900-01-01"
                    aria-describedby=move || if field_error.get().is_some() { "birth_date-hint birth_date-error" } else { "birth_date-hint" }
                    aria-invalid=move || field_error.get().is_some().to_string()
                    prop:value=move || typed.get()
                    on:input=move |event| typed.set(event_target_value(&event))
                    on:change=move |event| {
                        let _ = store_date(&event_target_value(&event));
                    } />
            </div>
        </StepForm>
    }
    .into_any()
}
