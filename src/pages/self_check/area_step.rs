//! The fragility items of one part of an area of the instrument (at most five), each with its
//! four levels and "prefer not to answer". The items come from the instrument data, in its order.

use leptos::prelude::*;

use crate::{
    components::{LevelQuestion, StepForm},
    i18n::{tr, use_i18n},
    state::self_check::{Step, area_parts, items_of_part},
    store::use_self_check,
    texts,
};

#[component]
pub fn AreaStep(area: String, part: usize) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let instrument = store.instrument();
    let Some(area) = instrument.areas.iter().find(|known| known.id == area) else {
        return ().into_any();
    };
    let parts = area_parts(instrument, &area.id);
    let title = Signal::derive(move || {
        let name = texts::area_label(i18n, area);
        if parts == 1 {
            return i18n.t_with("self_check.area.title", &[("area", name)]);
        }
        let numbers = [("area", name), ("part", (part + 1).to_string()), ("parts", parts.to_string())];
        i18n.t_with("self_check.area.part", &numbers)
    });
    let questions = items_of_part(instrument, &area.id, part)
        .into_iter()
        .map(|item| {
            let id = item.id.as_str();
            view! {
                <LevelQuestion
                    item=item
                    value=Signal::derive(move || store.check.with(|check| check.answers.fragility.get(id).copied()))
                    on_change=Callback::new(move |level| store.update(|check| check.set_item(id, level)))
                />
            }
        })
        .collect_view();
    view! {
        <StepForm step=Step::Area(area.id.clone(), part) title=title check=Callback::new(|()| Vec::new())>
            <p>{tr("self_check.area.intro")}</p>
            {questions}
        </StepForm>
    }
    .into_any()
    .into_any()
}
