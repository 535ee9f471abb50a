//! The date of birth: age decides the minimum working age and the youth channel.

use leptos::prelude::*;

use crate::{
    components::{DateInput, StepForm},
    device,
    i18n::{tr, use_i18n},
    state::self_check::{Step, check_birth_date},
    store::use_self_check,
};

#[component]
pub fn AgeStep() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    // The boxes as typed; the answers keep only a whole, real date.
    let typed = RwSignal::new(
        store
            .check
            .with_untracked(|check| check.answers.profile.birth_date.map(|date| date.to_string()).unwrap_or_default()),
    );
    let field_error = RwSignal::new(None::<&'static str>);
    let store_date = move |text: &str| match check_birth_date(text, device::today()) {
        Ok(date) => {
            field_error.set(None);
            store.update(|check| check.answers.profile.birth_date = date);
            Ok(())
        }
        Err(issue) => {
            field_error.set(Some(issue.message_key));
            Err(issue)
        }
    };
    let check = Callback::new(move |()| store_date(&typed.get()).err().into_iter().collect());
    // A whole date counts as soon as it is typed (the interim result follows); problems are shown
    // on Continue, not while the person is still typing the other boxes.
    let on_change = Callback::new(move |text: String| {
        if let Ok(Some(date)) = check_birth_date(&text, device::today()) {
            store.update(|check| check.answers.profile.birth_date = Some(date));
        }
        typed.set(text);
    });
    let hint = move || format!("{} {}", i18n.t("self_check.age.hint"), i18n.t("date.example"));
    view! {
        <StepForm step=Step::Age title=Signal::derive(tr("self_check.age.title")) check=check>
            <DateInput id="birth_date".to_owned() label=Signal::derive(tr("self_check.age.label"))
                hint=Signal::derive(hint)
                error=Signal::derive(move || field_error.get().map(|key| i18n.t(key)))
                value=typed on_change=on_change birthday=true />
        </StepForm>
    }
    .into_any()
}
