//! Whether the person is already in an active labour-policy measure (programme requirement).

use leptos::prelude::*;

use crate::{
    components::{StepForm, YesNoQuestion},
    i18n::tr,
    state::self_check::Step,
    store::use_self_check,
};

#[component]
pub fn SituationStep() -> impl IntoView {
    let store = use_self_check();
    view! {
        <StepForm step=Step::Situation title=Signal::derive(tr("self_check.situation.title")) check=Callback::new(|()| Vec::new())>
            <YesNoQuestion
                name="in_active_labour_measure"
                legend=Signal::derive(tr("self_check.situation.question"))
                hint=Signal::derive(tr("self_check.situation.hint"))
                value=Signal::derive(move || store.check.with(|check| check.answers.profile.in_active_labour_measure))
                on_change=Callback::new(move |answer| store.update(|check| check.answers.profile.in_active_labour_measure = answer))
            />
        </StepForm>
    }
    .into_any()
}
