//! The self-check wizard: `/verifica/<step>` shows that step, `/verifica` starts it. Every step
//! has its own URL, so Back, reload and bookmarks work; the answers live in the store.

mod age_step;
mod area_step;
mod comune_step;
mod enterprise_step;
mod intent_step;
mod result_page;
mod situation_step;
mod youth_step;

use crate::{navigation::use_location, pages::NotFoundPage, state::self_check::Step, store::use_self_check};
use leptos::prelude::*;

#[component]
pub fn SelfCheckPage() -> impl IntoView {
    let location = use_location();
    let store = use_self_check();
    let step = move || {
        let path = location.path();
        let slug = path.trim_end_matches('/').strip_prefix("/verifica/").map(str::to_owned)?;
        Step::from_slug(&slug, store.instrument())
    };
    move || match step() {
        Some(Step::Intent) => view! { <intent_step::IntentStep /> }.into_any(),
        Some(Step::Comune) => view! { <comune_step::ComuneStep /> }.into_any(),
        Some(Step::Age) => view! { <age_step::AgeStep /> }.into_any(),
        Some(Step::Situation) => view! { <situation_step::SituationStep /> }.into_any(),
        Some(Step::Youth) => view! { <youth_step::YouthStep /> }.into_any(),
        Some(Step::Enterprise) => view! { <enterprise_step::EnterpriseStep /> }.into_any(),
        Some(Step::Area(area, part)) => view! { <area_step::AreaStep area=area part=part /> }.into_any(),
        Some(Step::Result) => view! { <result_page::ResultPage /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
