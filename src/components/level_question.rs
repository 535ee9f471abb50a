//! One fragility item: its plain-language question and the instrument's four levels as radio
//! buttons, plus "prefer not to answer". Sensitive (health) items say why they are asked.

use insieme_rules::{Item, Level};
use leptos::prelude::*;

use crate::{
    components::Choice,
    i18n::{tr, use_i18n},
    texts,
};

#[component]
pub fn LevelQuestion(
    item: &'static Item,
    #[prop(into)] value: Signal<Option<Level>>,
    on_change: Callback<Option<Level>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let declined = RwSignal::new(false);
    let name = format!("item-{}", item.id);
    let note_id = format!("{name}-note");
    let levels = (0..item.levels_it.len())
        .map(|index| {
            let level = u8::try_from(index).ok().and_then(Level::new);
            let id = format!("{name}-{index}");
            let name = name.clone();
            view! {
                <Choice
                    id=id
                    name=name
                    checked=Signal::derive(move || level.is_some() && value.get() == level)
                    label=Signal::derive(move || texts::item_level(i18n, item, index))
                    on_select=Callback::new(move |()| {
                        declined.set(false);
                        on_change.run(level);
                    })
                />
            }
        })
        .collect_view();
    let skip_id = format!("{name}-skip");
    view! {
        <fieldset class="question" id=name.clone() aria-describedby=item.sensitive.then(|| note_id.clone())>
            <legend class="question__legend">{move || texts::item_question(i18n, item)}</legend>
            {item.sensitive.then(|| view! {
                <p class="question__hint" id=note_id.clone()>{tr("self_check.sensitive_note")}</p>
            })}
            <div class="question__options">
                {levels}
                <Choice
                    id=skip_id
                    name=name.clone()
                    checked=Signal::derive(move || declined.get() && value.get().is_none())
                    label=Signal::derive(tr("answers.prefer_not"))
                    on_select=Callback::new(move |()| {
                        declined.set(true);
                        on_change.run(None);
                    })
                />
            </div>
        </fieldset>
    }
    .into_any()
}
