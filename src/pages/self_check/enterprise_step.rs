//! Whether the person has a business idea (channel 4, self-employment).

use leptos::prelude::*;

use crate::{
    components::{StepForm, YesNoQuestion},
    i18n::tr,
    state::self_check::Step,
    store::use_self_check,
};

#[component]
pub fn EnterpriseStep() -> impl IntoView {
    let store = use_self_check();
    view! {
        <StepForm step=Step::Enterprise title=Signal::derive(tr("self_check.enterprise.title")) check=Callback::new(|()| Vec::new())>
            <YesNoQuestion
                name="business_idea"
                legend=Signal::derive(tr("self_check.enterprise.question"))
                hint=Signal::derive(tr("self_check.enterprise.hint"))
                value=Signal::derive(move || store.check.with(|check| check.answers.profile.business_idea))
                on_change=Callback::new(move |answer| store.update(|check| check.answers.profile.business_idea = answer))
            />
        </StepForm>
    }
    .into_any()
}
