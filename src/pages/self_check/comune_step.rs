//! The comune of domicile (with the Quartiere for Bologna): it decides whether the programme
//! applies at all, so it decides nothing on a name it does not know. The list of the 55 comuni
//! filters as the person types; any spelling of an official name is understood; any other name
//! stays on this step with the close official names to choose from and the choice of confirming
//! that the person lives there, outside the territory.

use insieme_rules::{ComuneLookup, Territory};
use leptos::prelude::*;

use crate::{
    components::{Choice, StepForm},
    i18n::{tr, use_i18n},
    state::self_check::{ComuneAnswer, FieldIssue, Step, understand_comune},
    store::use_self_check,
};

const UNKNOWN: FieldIssue = FieldIssue { field: "comune-choice-0", message_key: "errors.comune_unknown" };

#[component]
pub fn ComuneStep() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let territory = Territory::embedded();
    let saved = store.check.with_untracked(|check| check.answers.profile.comune.clone().unwrap_or_default());
    let typed = RwSignal::new(saved.clone());
    // A place outside the territory the person confirmed (kept when they come back to this step).
    let outside = RwSignal::new(
        matches!(understand_comune(&saved), Ok(ComuneAnswer::Unknown { .. })).then(|| saved.trim().to_owned()),
    );
    // The name that matched no comune, with the close official names to choose from.
    let unknown = RwSignal::new(None::<(String, Vec<String>)>);
    let field_error = RwSignal::new(None::<&'static str>);
    let is_bologna = move || matches!(territory.lookup_comune(&typed.get()), ComuneLookup::Found { comune, .. } if comune == "Bologna");
    let quartiere = move || store.check.with(|check| check.answers.profile.quartiere.clone().unwrap_or_default());
    let keep = move |comune: Option<String>| {
        let in_bologna = comune.as_deref() == Some("Bologna");
        store.update(|check| {
            check.answers.profile.comune = comune;
            if !in_bologna {
                check.answers.profile.quartiere = None;
            }
        });
    };
    let check = Callback::new(move |()| {
        field_error.set(None);
        match understand_comune(&typed.get()) {
            Ok(ComuneAnswer::Skipped) => keep(None),
            Ok(ComuneAnswer::Known(comune)) => {
                unknown.set(None);
                keep(Some(comune));
            }
            Ok(ComuneAnswer::Unknown { typed, .. }) if outside.get().as_deref() == Some(typed.as_str()) => {
                unknown.set(None);
                keep(Some(typed));
            }
            Ok(ComuneAnswer::Unknown { typed, suggestions }) => {
                unknown.set(Some((typed, suggestions)));
                return vec![UNKNOWN];
            }
            Err(issue) => {
                field_error.set(Some(issue.message_key));
                return vec![issue];
            }
        }
        Vec::new()
    });
    let comuni = territory.comuni().map(|(comune, _)| view! { <option value=comune></option> }).collect_view();
    let quartieri = move || {
        territory
            .quartieri
            .iter()
            .map(|quartiere| view! { <option value=quartiere.id.clone()>{quartiere.name.clone()}</option> })
            .collect_view()
    };
    let choices = move || {
        unknown.get().map(|(name, suggestions)| {
            let count = suggestions.len();
            let comune = [("comune", name.clone())];
            let options = suggestions
                .into_iter()
                .enumerate()
                .map(|(index, suggestion)| {
                    let chosen = suggestion.clone();
                    let shown = suggestion.clone();
                    view! {
                        <Choice id=format!("comune-choice-{index}") name="comune-choice".to_owned()
                            checked=Signal::derive(move || typed.get() == shown)
                            label=Signal::stored(suggestion) on_select=Callback::new(move |()| typed.set(chosen.clone())) />
                    }
                })
                .collect_view();
            let confirmed = name.clone();
            let shown_outside = name.clone();
            view! {
                <fieldset class="field comune-choices">
                    <legend class="field__label">{i18n.t_with("self_check.comune.unknown", &[("comune", name.clone())])}</legend>
                    <p class="field__hint">
                        {i18n.t(if count > 0 { "self_check.comune.did_you_mean" } else { "self_check.comune.fix_spelling" })}
                    </p>
                    <p class="field-error">{tr("errors.comune_unknown")}</p>
                    {options}
                    <Choice id=format!("comune-choice-{count}") name="comune-choice".to_owned()
                        checked=Signal::derive(move || outside.get().as_deref() == Some(shown_outside.as_str()))
                        label=Signal::derive(move || i18n.t_with("self_check.comune.outside", &comune))
                        on_select=Callback::new(move |()| outside.set(Some(confirmed.clone()))) />
                </fieldset>
            }
        })
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
                    on:input=move |event| typed.set(event_target_value(&event)) />
                <datalist id="comuni">{comuni}</datalist>
            </div>
            {choices}
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
