//! The result of the self-check. First a short summary: the channels the person can take, each
//! with its own "apply" button; then the channels still open and, folded, those that are not for
//! the person now with their reasons; the fragility score (only while channel 2 is open); where
//! to go (the desks as administrators keep them, new ones of the person's comune too; the
//! data's while offline); and the tools to print, change, carry or forget the answers. Someone
//! domiciled outside the territory gets one clear answer and where to turn instead, nothing
//! else to act on.

use insieme_rules::{AccessPoint, Channel, ChannelStatus, ComuneLookup, access_points::is_confirmed};
use leptos::prelude::*;

use crate::{
    components::{ChannelCard, ConfirmAction, ConfirmTexts, FragilityChart, NavLink, PageTitle},
    device,
    i18n::{tr, use_i18n},
    navigation::{Link, use_location},
    state::resume_code,
    store::use_self_check,
    texts,
};

#[component]
pub fn ResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_self_check();
    let location = use_location();
    let assessment = store.assessment;
    // The channel results with a status (`NotEligible`, folded) or any other (`None`: open).
    let cards = move |folded: bool| {
        assessment.with(|assessment| {
            assessment
                .channels
                .iter()
                .filter(|channel| (channel.status == ChannelStatus::NotEligible) == folded)
                .map(|channel| view! { <ChannelCard channel=channel.clone() /> })
                .collect_view()
        })
    };
    let count_of = move |wanted: ChannelStatus| {
        assessment.with(|assessment| assessment.channels.iter().filter(|channel| channel.status == wanted).count())
    };
    let outside = move || {
        matches!(assessment.with(|assessment| assessment.comune.clone()), Some(ComuneLookup::NotInTerritory { .. }))
    };
    let fragility_open = move || {
        assessment.with(|assessment| {
            assessment
                .channels
                .iter()
                .any(|channel| channel.channel == Channel::Fragility && channel.status != ChannelStatus::NotEligible)
        })
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
    // The desks as administrators keep them, once the server answers (offline: the data's).
    let kept = RwSignal::new(None::<Vec<insieme_api::AccessPointView>>);
    leptos::task::spawn_local(async move {
        if let Ok(points) = crate::api::access_points().await {
            kept.set(Some(points));
        }
    });
    // One desk: its name (in the person's language for the programme's desks, as administrators
    // wrote it, in Italian, for new ones) and its address, or in plain words that it is not
    // confirmed and what happens anyway (issue 14).
    let desk = move |name: String, lang: Option<&'static str>, address: String| {
        let address = if is_confirmed(&address) { address } else { i18n.t("site.address_unconfirmed") };
        view! {
            <li class="access-point">
                <strong lang=lang>{name}</strong>
                <span>{address}</span>
            </li>
        }
    };
    // Re-run when the language changes too (the names are read through it).
    let access_points = move || {
        let comune = comune()?;
        let mut desks: Vec<_> = AccessPoint::for_comune(&comune)
            .into_iter()
            .filter_map(|point| {
                // A desk administrators closed is gone; one they confirmed has its address.
                let address = kept.with(|kept| match kept {
                    Some(points) => Some(points.iter().find(|kept| kept.id == point.id)?.address.clone()),
                    None => Some(point.address.clone()),
                })?;
                Some(desk(crate::texts::place_name(i18n, point), None, address))
            })
            .collect();
        // Desks administrators opened since in the person's comune.
        kept.with(|kept| {
            desks.extend(
                kept.iter()
                    .flatten()
                    .filter(|point| {
                        point.comune == comune && AccessPoint::all().iter().all(|known| known.id != point.id)
                    })
                    .map(|point| desk(point.name.clone(), Some("it"), point.address.clone())),
            )
        });
        Some(desks.collect_view())
    };
    let resume_code = move || store.check.with(|check| resume_code::encode(check, store.instrument()));
    let forget = Callback::new(move |()| {
        store.forget();
        location.go("/verifica/inizio");
    });
    let typed_comune = move || store.check.with(|check| check.answers.profile.comune.clone().unwrap_or_default());
    // One page for everyone: parts that do not concern the person are hidden, not rebuilt.
    view! {
        <PageTitle text=Signal::derive(tr("result.title")) />
        <div class="result">
            <h1>{tr("result.title")}</h1>
            <div class="notice" hidden=move || !outside()>
                <p class="lead">{move || i18n.t_with("result.outside.lead", &[("comune", typed_comune())])}</p>
                <p>{tr("result.outside.where")}</p>
                <p>{tr("result.outside.mistake")}</p>
            </div>
            <div hidden=outside>
                <p class="lead">{tr("result.intro")}</p>
                <section class="result-summary" aria-labelledby="result-summary">
                    <h2 id="result-summary">{tr("result.summary.title")}</h2>
                    <div hidden=move || count_of(ChannelStatus::Eligible) == 0>
                        <p>{tr("result.summary.can")}</p>
                        <ul class="result-summary__apply no-print">{move || apply_buttons(i18n, assessment)}</ul>
                        <p class="field__hint no-print">{tr("result.next.apply_text")}</p>
                    </div>
                    <p hidden=move || count_of(ChannelStatus::ToBeAssessed) == 0>{tr("result.summary.maybe")}</p>
                    <p hidden=move || count_of(ChannelStatus::NotEligible) != 4>{tr("result.summary.none")}</p>
                </section>
                <section aria-labelledby="result-channels">
                    <h2 id="result-channels">{tr("result.channels_title")}</h2>
                    <div class="channel-grid">{move || cards(false)}</div>
                    <details class="not-now" hidden=move || count_of(ChannelStatus::NotEligible) == 0>
                        <summary>{move || i18n.t_with("result.not_now", &[("count", count_of(ChannelStatus::NotEligible).to_string())])}</summary>
                        <div class="channel-grid">{move || cards(true)}</div>
                    </details>
                </section>
                <section aria-labelledby="result-fragility" hidden=move || !fragility_open()>
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
                </section>
            </div>
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
                    <input type="text" id="resume-code-out" class="input resume__code" readonly=true dir="ltr"
                        spellcheck="false" prop:value=resume_code />
                    // The QR code is drawn by the status app; the code travels in the fragment,
                    // which browsers never send to the server.
                    <p><a href=move || format!("/stato/codice#{}", resume_code()) rel="external">{tr("result.actions.resume_qr_link")}</a></p>
                </details>
                <ConfirmAction texts=FORGET on_confirm=forget />
                <p class="field__hint">{tr("result.actions.forget_hint")}</p>
            </section>
        </div>
    }
}

/// Where to apply for a channel the person can take (community work has no form for people:
/// its opportunities are listed by the networks). `#verifica` tells the form that the self-check
/// on the device is this person's own (`pages::apply::FROM_OWN_RESULT`).
fn apply_href(channel: Channel) -> &'static str {
    match channel {
        Channel::Community => "/opportunita",
        Channel::Fragility => "/domanda/fragilita#verifica",
        Channel::Youth => "/domanda/giovani#verifica",
        Channel::Enterprise => "/domanda/impresa#verifica",
    }
}

/// One "apply" button for each channel the person can take.
fn apply_buttons(i18n: crate::i18n::I18n, assessment: Memo<insieme_rules::Assessment>) -> impl IntoView {
    let eligible: Vec<Channel> = assessment.with(|assessment| {
        assessment
            .channels
            .iter()
            .filter(|channel| channel.status == ChannelStatus::Eligible)
            .map(|channel| channel.channel)
            .collect()
    });
    eligible
        .into_iter()
        .map(|channel| {
            let key =
                if channel == Channel::Community { "result.summary.opportunities" } else { "result.summary.apply" };
            let text = move || i18n.t_with(key, &[("channel", i18n.t(&format!("channels.{}.name", channel.code())))]);
            view! { <li><NavLink href=apply_href(channel) class="button button--primary">{text}</NavLink></li> }
        })
        .collect_view()
}

/// Forgetting the answers, asked twice: they are saved on this device only.
const FORGET: ConfirmTexts = ConfirmTexts {
    action: "result.actions.forget",
    question: "result.actions.forget_confirm",
    confirm: "result.actions.forget",
    keep: "result.actions.forget_keep",
};
