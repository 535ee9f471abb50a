//! The comune of domicile (with the Quartiere for Bologna): it decides whether the programme
//! applies at all. The list of the 55 comuni helps typing; any spelling is understood.

use insieme_rules::{ComuneLookup, Territory};
use leptos::prelude::*;

use crate::{
    components::StepForm,
    i18n::{tr, use_i18n},
    state::self_check::{Step, check_comune},
    store::use_self_check,
};

#[component]
pub fn ComuneStep() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let territory = Territory::embedded();
    let typed =
        RwSignal::new(store.check.with_untracked(|check| check.answers.profile.comune.clone().unwrap_or_default()));
    let field_error = RwSignal::new(None::<&'static str>);
    let is_bologna = move || matches!(territory.lookup_comune(&typed.get()), ComuneLookup::Found { comune, .. } if comune == "Bologna");
    let quartiere = move || store.check.with(|check| check.answers.profile.quartiere.clone().unwrap_or_default());
    let check = Callback::new(move |()| match check_comune(&typed.get()) {
        Ok(comune) => {
            field_error.set(None);
            let keep_quartiere = is_bologna();
            store.update(|check| {
                check.answers.profile.comune = comune;
                if !keep_quartiere {
                    check.answers.profile.quartiere = None;
                }
            });
            Vec::new()
        }
        Err(issue) => {
            field_error.set(Some(issue.message_key));
            vec![issue]
        }
    });
    let comuni = territory.comuni().map(|(comune, _)| view! { <option value=comune></option> }).collect_view();
    let quartieri = move || {
        territory
            .quartieri
            .iter()
            .map(|quartiere| view! { <option value=quartiere.id.clone()>{quartiere.name.clone()}</option> })
            .collect_view()
    };
    view! {
        <StepForm step=Step::Comune title=Signal::derive(tr("self_check.comune.title")) check=check>
            <div class="field">
                <label class="field__label" for="comune">{tr("self_check.comune.label")}</label>
                <p class="field__hint" id="comune-hint">{tr("self_check.comune.hint")}</p>
                <Show when=move || field_error.get().is_some()>
                    <p class="field-error" id="comune-error">{move || field_error.get().map(|key| i18n.t(key))}</p>
                </Show>
                <input type="text" id="comune" class="input" list="comuni" autocomplete="address-level2"
                    aria-describedby=move || if field_error.get().is_some() { "comune-hint comune-error" } else { "comune-hint" }
                    aria-invalid=move || field_error.get().is_some().to_string()
                    prop:value=move || typed.get()
                    on:input=move |event| typed.set(event_target_value(&event))
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        if let Ok(comune) = check_comune(&value) {
                            store.update(|check| check.answers.profile.comune = comune);
                        }
                    } />
                <datalist id="comuni">{comuni}</datalist>
            </div>
            <Show when=is_bologna>
                <div class="field">
                    <label class="field__label" for="quartiere">{tr("self_check.comune.quartiere")}</label>
                    <select id="quartiere" class="input"
                        prop:value=quartiere
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            store.update(|check| check.answers.profile.quartiere = (!value.is_empty()).then_some(value));
                        }>
                        <option value="">{tr("self_check.comune.quartiere_unknown")}</option>
                        {quartieri()}
                    </select>
                </div>
            </Show>
        </StepForm>
    }
    .into_any()
}
