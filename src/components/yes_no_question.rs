//! A yes / no / prefer-not-to-say question as a fieldset of radio buttons. Choosing an answer
//! hands it on at once (the interim result follows); "prefer not to say" hands on `None`.

use leptos::prelude::*;

use crate::{components::Choice, i18n::tr};

#[component]
pub fn YesNoQuestion(
    /// The radio group's name, also the id prefix of its inputs.
    name: &'static str,
    #[prop(into)] legend: Signal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<Option<bool>>,
    on_change: Callback<Option<bool>>,
) -> impl IntoView {
    let declined = RwSignal::new(false);
    let hint_id = format!("{name}-hint");
    let options: [(&'static str, Option<bool>, &'static str); 3] =
        [("yes", Some(true), "answers.yes"), ("no", Some(false), "answers.no"), ("skip", None, "answers.prefer_not")];
    view! {
        <fieldset class="question" aria-describedby=hint.map(|_| hint_id.clone())>
            <legend class="question__legend">{move || legend.get()}</legend>
            {hint.map(|hint| view! { <p class="question__hint" id=hint_id.clone()>{move || hint.get()}</p> })}
            <div class="question__options">
                {options
                    .into_iter()
                    .map(|(suffix, choice, label_key)| {
                        let id = format!("{name}-{suffix}");
                        let checked = move || match choice {
                            Some(_) => value.get() == choice,
                            None => declined.get() && value.get().is_none(),
                        };
                        view! {
                            <Choice
                                id=id
                                name=name.to_owned()
                                checked=Signal::derive(checked)
                                label=Signal::derive(tr(label_key))
                                on_select=Callback::new(move |()| {
                                    declined.set(choice.is_none());
                                    on_change.run(choice);
                                })
                            />
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
    .into_any()
}
