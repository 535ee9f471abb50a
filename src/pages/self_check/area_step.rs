//! The fragility items of one area of the instrument, each with its four levels and "prefer not
//! to answer". The items come from the instrument data, in its order.

use leptos::prelude::*;

use crate::{
    components::{LevelQuestion, StepForm},
    i18n::{tr, use_i18n},
    state::self_check::Step,
    store::use_self_check,
    texts,
};

#[component]
pub fn AreaStep(area: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let instrument = store.instrument();
    let Some(area) = instrument.areas.iter().find(|known| known.id == area) else {
        return ().into_any();
    };
    let title =
        Signal::derive(move || i18n.t_with("self_check.area.title", &[("area", texts::area_label(i18n, area))]));
    let questions = instrument
        .items
        .iter()
        .filter(|item| item.area == area.id)
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
        <StepForm step=Step::Area(area.id.clone()) title=title check=Callback::new(|()| Vec::new())>
            <p>{tr("self_check.area.intro")}</p>
            {questions}
        </StepForm>
    }
    .into_any()
    .into_any()
}
