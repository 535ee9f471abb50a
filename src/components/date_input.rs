//! A date in three boxes (day, month, year) under one legend, the public-service pattern for
//! dates people know (issue 14): no calendar to scroll back through decades, and the phone shows
//! its number pad. The value is [`DateParts`]' text; the page checks it on Continue.

use leptos::prelude::*;

use crate::{i18n::tr, state::date_parts::DateParts};

#[component]
pub fn DateInput(
    /// The id of the day box, where an error summary's link lands; the others add `-month` and
    /// `-year`.
    id: String,
    #[prop(into)] label: Signal<String>,
    /// How to write it (an example); the page's own hint when it has one.
    #[prop(into)]
    hint: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    /// A birth date: browsers may fill it from the person's saved details.
    #[prop(optional)]
    birthday: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if error.get().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    let invalid = move || error.get().is_some().to_string();
    let parts = move || DateParts::from_value(&value.get());
    let part = move |name: &'static str, label_key: &'static str, width: &'static str| {
        let box_id = if name == "day" { id.clone() } else { format!("{id}-{name}") };
        let autocomplete = if birthday { format!("bday-{name}") } else { "off".to_owned() };
        let shown = move || {
            let parts = parts();
            match name {
                "day" => parts.day,
                "month" => parts.month,
                _ => parts.year,
            }
        };
        let typed = move |event: leptos::ev::Event| {
            let mut parts = parts();
            let text = event_target_value(&event);
            match name {
                "day" => parts.day = text,
                "month" => parts.month = text,
                _ => parts.year = text,
            }
            on_change.run(parts.to_value());
        };
        view! {
            <div class="date-input__part">
                <label class="date-input__label" for=box_id.clone()>{tr(label_key)}</label>
                <input type="text" id=box_id class=format!("input input--{width}") inputmode="numeric"
                    autocomplete=autocomplete dir="ltr" spellcheck="false"
                    aria-describedby=described_by.clone() aria-invalid=invalid
                    prop:value=shown on:input=typed />
            </div>
        }
    };
    let (day, month, year) =
        (part("day", "date.day", "2ch"), part("month", "date.month", "2ch"), part("year", "date.year", "4ch"));
    view! {
        <fieldset class="field date-input">
            <legend class="field__label">{move || label.get()}</legend>
            <p class="field__hint" id=hint_id>{move || hint.get()}</p>
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
            <div class="date-input__parts">{day}{month}{year}</div>
        </fieldset>
    }
}
