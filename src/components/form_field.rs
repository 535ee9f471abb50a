//! One question of an application form, drawn from its `Field` description: the label (with
//! "optional" when it is), a hint when the locale has one, the error under the label, and the
//! input that fits the kind. The value lives in the application store.

use insieme_rules::{AccessPoint, Territory};
use insieme_validation::application::{QUARTIERE_UNKNOWN, community_areas};
use leptos::prelude::*;

use crate::{
    application_store::use_application,
    components::DateInput,
    i18n::use_i18n,
    state::application::{Field, Kind},
};

#[component]
pub fn FormField(field: Field, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_application();
    let id = field.element_id();
    let key = field.text_key();
    let label = {
        let key = key.clone();
        move || {
            let text = i18n.t(&format!("{key}.label"));
            if field.optional { format!("{text} {}", i18n.t("apply.optional")) } else { text }
        }
    };
    let hint_key = format!("{key}.hint");
    let has_hint = i18n.find(&hint_key).is_some();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let value = move || {
        store.draft.with(|draft| match field.kind {
            // The language question shows the language that will be used.
            Kind::Language => draft.preferred_language(),
            _ => draft.value(field.path).to_owned(),
        })
    };
    let set = move |event: leptos::ev::Event| store.update(|draft| draft.set(field.path, event_target_value(&event)));
    let hint = has_hint.then(|| view! { <p class="field__hint" id=hint_id.clone()>{move || i18n.t(&hint_key)}</p> });
    let error_line = {
        let error_id = error_id.clone();
        move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
    };
    let invalid = move || error.get().is_some().to_string();

    if field.kind == Kind::Date {
        let hint_key = format!("{key}.hint");
        let hint = move || {
            let example = i18n.t("date.example");
            match i18n.find(&hint_key) {
                Some(own) => format!("{own} {example}"),
                None => example,
            }
        };
        let on_change = Callback::new(move |text: String| store.update(|draft| draft.set(field.path, text)));
        return view! {
            <DateInput id=id label=Signal::derive(label) hint=Signal::derive(hint) error=error
                value=Signal::derive(value) on_change=on_change birthday=field.path == "person.birth_date" />
        }
        .into_any();
    }

    let grouped = matches!(field.kind, Kind::OneOf { .. } | Kind::AnyOf { .. });
    if grouped {
        let (set_name, codes, multiple) = match field.kind {
            Kind::OneOf { set, codes } => (set, codes, false),
            Kind::AnyOf { set, codes } => (set, codes, true),
            _ => ("", &[][..], false),
        };
        let options = codes
            .iter()
            .map(|code| {
                let option_id = format!("{id}-{code}");
                let label_key = format!("options.{set_name}.{code}");
                let checked = move || {
                    store.draft.with(|draft| {
                        if multiple { draft.list(field.path).iter().any(|c| c == code) } else { draft.value(field.path) == *code }
                    })
                };
                let on_change = move |event: leptos::ev::Event| {
                    let on = event_target_checked(&event);
                    store.update(|draft| {
                        if multiple {
                            draft.toggle(field.path, code, on);
                        } else {
                            draft.set(field.path, (*code).to_owned());
                        }
                    });
                };
                view! {
                    <div class="choice">
                        <input type=if multiple { "checkbox" } else { "radio" } class="choice__input" id=option_id.clone()
                            name=field.path value=*code prop:checked=checked on:change=on_change />
                        <label class="choice__label" for=option_id>{move || i18n.t(&label_key)}</label>
                    </div>
                }
            })
            .collect_view();
        return view! {
            <fieldset class="field" id=id.clone() tabindex="-1" aria-describedby=described_by aria-invalid=invalid>
                <legend class="field__label">{label}</legend>
                {hint}
                {error_line}
                {options}
            </fieldset>
        }
        .into_any();
    }

    let control = match field.kind {
        Kind::LongText => view! {
            <textarea id=id.clone() class="input input--long" rows="5" aria-describedby=described_by aria-invalid=invalid
                prop:value=value on:input=set></textarea>
        }
        .into_any(),
        Kind::Quartiere | Kind::AccessPoint | Kind::Call { .. } | Kind::CommunityArea | Kind::Language => {
            let choices = select_choices(field.kind, store);
            view! {
                <select id=id.clone() class="input" aria-describedby=described_by aria-invalid=invalid
                    prop:value=value on:change=set>
                    {(field.kind != Kind::Language).then(|| view! { <option value="">{move || i18n.t("apply.choose")}</option> })}
                    {move || choices().into_iter().map(|(code, name)| {
                        let chosen = value() == code;
                        view! { <option value=code selected=chosen>{name}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
        _ => {
            let (kind, autocomplete, inputmode) = match field.kind {
                Kind::Text { autocomplete } => ("text", autocomplete, "text"),
                Kind::Phone => ("tel", "tel", "tel"),
                Kind::Email => ("email", "email", "email"),
                Kind::Number => ("text", "off", "numeric"),
                Kind::Comune => ("text", "address-level2", "text"),
                _ => ("text", "off", "text"),
            };
            let list = (field.kind == Kind::Comune).then_some("comuni");
            // Codes, numbers, phone numbers and e-mail addresses read left to right, also in Arabic
            // and Urdu pages.
            let left_to_right = matches!(field.kind, Kind::Phone | Kind::Email | Kind::Number)
                || field.path.ends_with("codice_fiscale");
            view! {
                <input type=kind id=id.clone() class="input" autocomplete=autocomplete inputmode=inputmode list=list
                    dir=left_to_right.then_some("ltr")
                    spellcheck="false" aria-describedby=described_by aria-invalid=invalid prop:value=value on:input=set />
            }
            .into_any()
        }
    };
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            {hint}
            {error_line}
            {control}
        </div>
    }
    .into_any()
}

/// The (code, name) options of a select, in the order people look for them.
fn select_choices(kind: Kind, store: crate::application_store::ApplicationStore) -> impl Fn() -> Vec<(String, String)> {
    let i18n = crate::i18n::use_i18n();
    move || match kind {
        // Each with the parts of the city it covers, so that people can find theirs, and "I
        // don't know" (issue 14).
        Kind::Quartiere => Territory::embedded()
            .quartieri
            .iter()
            .map(|q| (q.id.clone(), format!("{} ({})", q.name, q.zone.join(", "))))
            .chain([(QUARTIERE_UNKNOWN.to_owned(), i18n.t("options.quartiere.unknown"))])
            .collect(),
        // Only the desks that take this channel's interviews for the person's comune, theirs first.
        Kind::AccessPoint => {
            let channel = store.form.get().and_then(|form| insieme_rules::Channel::from_code(form.channel().code()));
            let comune =
                store.draft.with(|draft| match Territory::embedded().lookup_comune(draft.value("person.comune")) {
                    insieme_rules::ComuneLookup::Found { comune, .. } => comune,
                    insieme_rules::ComuneLookup::NotInTerritory { .. } => String::new(),
                });
            let points = match channel {
                Some(channel) => AccessPoint::for_person(channel, &comune),
                None => AccessPoint::all().iter().collect(),
            };
            points.into_iter().map(|point| (point.id.clone(), crate::texts::place_name(i18n, point))).collect()
        }
        Kind::Language => crate::i18n::Language::ALL
            .iter()
            .map(|language| (language.code().to_owned(), language.endonym().to_owned()))
            .collect(),
        Kind::CommunityArea => {
            community_areas().into_iter().map(|(id, name)| (id.to_owned(), name.to_owned())).collect()
        }
        Kind::Call { for_organisations } => store.calls.with(|calls| match calls {
            Some(Ok(calls)) => calls
                .iter()
                .filter(|call| call.is_for_organisations() == for_organisations)
                .map(|call| (call.id.clone(), call.title.clone()))
                .collect(),
            _ => Vec::new(),
        }),
        _ => Vec::new(),
    }
}
