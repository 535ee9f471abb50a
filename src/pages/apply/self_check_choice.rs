//! "Are these answers yours?" (issue 11): a self-check found on the device goes into an
//! application only when the person says it is theirs. A phone passed around a family or an
//! access point's tablet may hold someone else's; the person sees whose (age, comune, day) and
//! chooses. Coming from their own result page answers the question for them.

use leptos::prelude::*;

use crate::{
    application_store::use_application,
    device,
    i18n::{I18n, tr, use_i18n},
    state::application::SelfCheckUse,
};

#[component]
pub fn SelfCheckChoice() -> impl IntoView {
    let store = use_application();
    let i18n = use_i18n();
    let facts = move || store.answers.with_value(|answers| answers.as_ref().map(|answers| whose(i18n, answers)));
    view! {
        <Show when=move || store.self_check_undecided()>
            <section class="notice self-check-choice" aria-labelledby="self-check-choice-title">
                <h2 id="self-check-choice-title">{tr("apply.self_check_choice.title")}</h2>
                <p>{tr("apply.self_check_choice.text")}</p>
                <ul>{facts}</ul>
                <p class="button-row">
                    <button type="button" class="button button--primary"
                        on:click=move |_| store.choose_self_check(SelfCheckUse::Use)>
                        {tr("apply.self_check_choice.use")}
                    </button>
                    <button type="button" class="button"
                        on:click=move |_| store.choose_self_check(SelfCheckUse::Ignore)>
                        {tr("apply.self_check_choice.ignore")}
                    </button>
                </p>
            </section>
        </Show>
    }
}

/// What tells the person whose answers these are: age, comune, the day of the self-check.
fn whose(i18n: I18n, answers: &insieme_rules::Answers) -> Vec<AnyView> {
    let mut facts = Vec::new();
    if let Some(age) = answers.profile.birth_date.and_then(|born| born.age_on(device::today())) {
        facts.push(i18n.t_with("apply.self_check_choice.age", &[("age", age.to_string())]));
    }
    if let Some(comune) = &answers.profile.comune {
        facts.push(i18n.t_with("apply.self_check_choice.comune", &[("comune", comune.clone())]));
    }
    if let Some(day) = answers.assessed_on {
        let day = device::in_words(&day.to_string(), i18n.language().code(), device::Moment::Day);
        facts.push(i18n.t_with("apply.self_check_choice.day", &[("day", day)]));
    }
    facts.into_iter().map(|fact| view! { <li>{fact}</li> }.into_any()).collect()
}
