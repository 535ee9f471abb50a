//! The result of the self-check: each channel with its status and reasons, the fragility score
//! with its chart and what is still missing, what happens next and where to go, and the tools
//! to print, change, carry or forget the answers.

use insieme_rules::{AccessPoint, ComuneLookup};
use leptos::prelude::*;

use crate::{
    components::{ChannelCard, FragilityChart, NavLink, PageTitle},
    device,
    i18n::{tr, use_i18n},
    navigation::{Link, use_location},
    state::draft,
    store::use_self_check,
    texts,
};

#[component]
pub fn ResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let location = use_location();
    let assessment = store.assessment;
    let channels = move || {
        assessment.get().channels.into_iter().map(|channel| view! { <ChannelCard channel=channel /> }).collect_view()
    };
    let chart = move || view! { <FragilityChart score=assessment.get().fragility /> };
    let second_interview = move || {
        assessment.with(|assessment| {
            let score = &assessment.fragility;
            let key = if score.second_interview {
                "result.fragility.second_interview_yes"
            } else if score.second_interview_possible && !score.missing.is_empty() {
                "result.fragility.second_interview_open"
            } else {
                "result.fragility.second_interview_no"
            };
            i18n.t_with(
                key,
                &[("threshold", score.threshold.to_string()), ("max_possible", score.max_possible.to_string())],
            )
        })
    };
    let missing = move || {
        assessment.with(|assessment| {
            let instrument = store.instrument();
            let labels: Vec<String> = assessment
                .fragility
                .missing
                .iter()
                .filter_map(|id| instrument.item(id))
                .map(|item| texts::item_label(i18n, item))
                .collect();
            (!labels.is_empty()).then(|| {
                let count = labels.len();
                view! {
                    <details class="missing">
                        <summary>{i18n.t_with("result.fragility.missing", &[("count", count.to_string())])}</summary>
                        <ul>{labels.into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}</ul>
                    </details>
                }
            })
        })
    };
    let comune = move || match assessment.with(|assessment| assessment.comune.clone()) {
        Some(ComuneLookup::Found { comune, .. }) => Some(comune),
        _ => None,
    };
    let access_points = move || {
        comune().map(|comune| {
            AccessPoint::for_comune(&comune)
                .into_iter()
                .map(|point| {
                    let address = if point.address_is_confirmed() {
                        point.address.clone()
                    } else {
                        i18n.t("site.to_be_confirmed")
                    };
                    view! {
                        <li class="access-point">
                            <strong>{point.name.clone()}</strong>
                            <span>{address}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let resume_code = move || store.check.with(draft::resume_code);
    let forget = move |_| {
        store.forget();
        location.go("/verifica/inizio");
    };
    view! {
        <PageTitle text=Signal::derive(tr("result.title")) />
        <div class="result">
            <h1>{tr("result.title")}</h1>
            <p class="lead">{tr("result.intro")}</p>
            <section aria-labelledby="result-channels">
                <h2 id="result-channels">{tr("result.channels_title")}</h2>
                <div class="channel-grid">{channels}</div>
            </section>
            <section aria-labelledby="result-fragility">
                <h2 id="result-fragility">{tr("result.fragility.title")}</h2>
                {chart}
                <p class="result__interview">{second_interview}</p>
                {missing}
                <p class="notice">{tr("result.fragility.provisional")}</p>
            </section>
            <section aria-labelledby="result-next">
                <h2 id="result-next">{tr("result.next.title")}</h2>
                <p>{tr("result.next.text")}</p>
                <ul class="access-points">{access_points}</ul>
                <p><NavLink href="/sportelli">{tr("result.next.all_access_points")}</NavLink></p>
                <p class="no-print">{tr("result.next.apply_text")}</p>
                <p class="no-print">
                    <NavLink href="/domanda" class="button button--primary button--large">{tr("result.next.apply")}</NavLink>
                </p>
            </section>
            <section class="result__actions no-print" aria-labelledby="result-actions">
                <h2 id="result-actions">{tr("result.actions.title")}</h2>
                <p class="button-row">
                    <button type="button" class="button" on:click=move |_| device::print()>{tr("result.actions.print")}</button>
                    <Link href="/verifica/inizio" class="button">{tr("result.actions.change")}</Link>
                </p>
                <details class="resume">
                    <summary>{tr("result.actions.resume_title")}</summary>
                    <p>{tr("result.actions.resume_text")}</p>
                    <label for="resume-code-out">{tr("result.actions.resume_label")}</label>
                    <textarea id="resume-code-out" class="input resume__code" readonly=true rows="4" prop:value=resume_code></textarea>
                    // The QR code is drawn by the status app; the code travels in the fragment,
                    // which browsers never send to the server.
                    <p><a href=move || format!("/stato/codice#{}", resume_code()) rel="external">{tr("result.actions.resume_qr_link")}</a></p>
                </details>
                <p>
                    <button type="button" class="button button--danger" on:click=forget>{tr("result.actions.forget")}</button>
                </p>
                <p class="field__hint">{tr("result.actions.forget_hint")}</p>
            </section>
        </div>
    }
}
