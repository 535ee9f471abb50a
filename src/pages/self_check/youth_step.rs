//! Youth channel questions, asked only at an age that fits (16 to 35): leaving school, or a
//! disadvantaged situation.

use leptos::prelude::*;

use crate::{
    components::{StepForm, YesNoQuestion},
    i18n::tr,
    state::self_check::Step,
    store::use_self_check,
};

#[component]
pub fn YouthStep() -> impl IntoView {
    let store = use_self_check();
    view! {
        <StepForm step=Step::Youth title=Signal::derive(tr("self_check.youth.title")) check=Callback::new(|()| Vec::new())>
            <YesNoQuestion
                name="school_leaver"
                legend=Signal::derive(tr("self_check.youth.school_leaver"))
                hint=Signal::derive(tr("self_check.youth.school_leaver_hint"))
                value=Signal::derive(move || store.check.with(|check| check.answers.profile.school_leaver))
                on_change=Callback::new(move |answer| store.update(|check| check.answers.profile.school_leaver = answer))
            />
            <YesNoQuestion
                name="disadvantaged"
                legend=Signal::derive(tr("self_check.youth.disadvantaged"))
                hint=Signal::derive(tr("self_check.youth.disadvantaged_hint"))
                value=Signal::derive(move || store.check.with(|check| check.answers.profile.disadvantaged))
                on_change=Callback::new(move |answer| store.update(|check| check.answers.profile.disadvantaged = answer))
            />
        </StepForm>
    }
    .into_any()
}
