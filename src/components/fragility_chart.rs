//! The fragility score as an accessible bar chart: every area's points in text ("5 of 6"), with
//! bars that only repeat what the text says, and the threshold of 11 marked on the total.

use insieme_rules::FragilityResult;
use leptos::prelude::*;

use crate::{i18n::use_i18n, store::use_self_check, texts};

/// `part` of `whole` as a CSS percentage, in whole percent (integer arithmetic keeps float
/// formatting out of the WebAssembly).
fn percent(part: u32, whole: u32) -> String {
    let share = (part * 100).checked_div(whole).unwrap_or(0);
    format!("{share}%")
}

#[component]
pub fn FragilityChart(score: FragilityResult) -> impl IntoView {
    let i18n = use_i18n();
    let instrument = use_self_check().instrument();
    let maximum = instrument.max_total();
    let total_text = {
        let (total, threshold) = (score.total, score.threshold);
        move || {
            i18n.t_with(
                "result.fragility.total",
                &[("total", total.to_string()), ("maximum", maximum.to_string()), ("threshold", threshold.to_string())],
            )
        }
    };
    let rows = score
        .areas
        .iter()
        .filter_map(|area_score| {
            let area = instrument.areas.iter().find(|area| area.id == area_score.area)?;
            let (points, max_points, missing) = (area_score.points, area_score.max_points, area_score.missing);
            Some(view! {
                <li class="chart__row">
                    <span class="chart__label">{move || texts::area_label(i18n, area)}</span>
                    <span class="chart__value">
                        {move || i18n.t_with("result.fragility.area_points", &[("points", points.to_string()), ("maximum", max_points.to_string())])}
                        {move || (missing > 0).then(|| format!(" · {}", i18n.t_with("result.fragility.area_missing", &[("missing", missing.to_string())])))}
                    </span>
                    <span class="chart__track" aria-hidden="true">
                        <span class="chart__bar" style:width=percent(points, max_points)></span>
                    </span>
                </li>
            })
        })
        .collect_view();
    view! {
        <div class="chart">
            <p class="chart__total">{total_text}</p>
            <div class="chart__track chart__track--total" aria-hidden="true">
                <span class="chart__bar" style:width=percent(score.total, maximum)></span>
                <span class="chart__threshold" style:inset-inline-start=percent(score.threshold, maximum)></span>
            </div>
            <ul class="chart__rows">{rows}</ul>
        </div>
    }
}
