//! Check your answers: every answer with a Change link to its page, the self-check answers the
//! application carries, and every problem the server's checks still find, before consent.

use insieme_rules::{AccessPoint, Instrument, Territory};
use insieme_validation::application::community_areas;
use leptos::prelude::*;

use crate::{
    application_store::use_application,
    components::{ConfirmAction, ConfirmTexts, ErrorSummary, NavLink, PageTitle},
    i18n::{I18n, tr, use_i18n},
    navigation::{Link, use_location},
    pages::apply::{CONSENT, self_check_choice::SelfCheckChoice, step_href},
    state::application::{Draft, Field, Form, Kind, SelfCheckUse, element_id, is_asked, problems_in_form_order},
    texts::{problem_message, problem_summary},
};

#[component]
pub fn CheckAnswers(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_application();
    let location = use_location();
    // Consent is the next step; everything else must be right before it.
    let problems = Memo::new(move |_| {
        let found = store.problems().into_iter().filter(|problem| !problem.field.starts_with("consent.")).collect();
        problems_in_form_order(found, form)
    });
    let summary = Signal::derive(move || {
        problems
            .get()
            .iter()
            .map(|problem| (format!("row-{}", element_id(&problem.field)), problem_summary(i18n, problem)))
            .collect()
    });
    let rows = move || {
        let draft = store.draft.get();
        form.pages()
            .iter()
            .flat_map(|page| page.fields.iter().map(move |field| (page.slug, *field)))
            .filter(|(_, field)| is_asked(field, &draft))
            .map(|(slug, field)| {
                let error = problems.with(|found| {
                    found.iter().find(|problem| field.owns(&problem.field)).map(|p| problem_message(i18n, p))
                });
                let label = i18n.t(&format!("{}.label", field.text_key()));
                view! {
                    <div class="summary-list__row" id=format!("row-{}", field.element_id())>
                        <dt>{label.clone()}</dt>
                        <dd>
                            {shown_value(i18n, &draft, &field, store)}
                            {error.map(|message| view! { <p class="field-error">{message}</p> })}
                        </dd>
                        <dd class="summary-list__action">
                            <Link href=step_href(form, slug)>
                                {tr("apply.change")}<span class="visually-hidden">{format!(": {label}")}</span>
                            </Link>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    let self_check = form.uses_self_check().then(|| {
        // Carried only when the person said the self-check on this device is theirs.
        let used = move || store.draft.with(|draft| draft.self_check == SelfCheckUse::Use);
        let text = move || {
            store.answers.with_value(|answers| match (answers, used()) {
                (Some(answers), true) => {
                    // The score is the server's to compute; the person saw theirs in the self-check.
                    let instrument = Instrument::fragility();
                    i18n.t_count(
                        "apply.self_check_carried",
                        answers.fragility.len(),
                        &[("total", instrument.items.len().to_string())],
                    )
                }
                (Some(_), false) => i18n.t("apply.self_check_not_used"),
                (None, _) => i18n.t("apply.self_check_missing"),
            })
        };
        let sent = move || {
            used().then(|| {
                store.answers.with_value(|answers| answers.as_ref().map(|answers| answers_by_area(i18n, answers)))
            })
        };
        view! {
            <section class="notice" id="row-field-answers" aria-labelledby="carried-title">
                <h2 id="carried-title">{tr("apply.self_check_title")}</h2>
                <p>{text}</p>
                {sent}
                <NavLink href="/verifica/risultato">{tr("apply.self_check_change")}</NavLink>
            </section>
        }
    });
    let on_continue = move |_| {
        if problems.get_untracked().is_empty() {
            location.go(&step_href(form, CONSENT));
        }
    };
    let last_page = step_href(form, form.pages()[form.pages().len() - 1].slug);
    view! {
        <PageTitle text=Signal::derive(tr("apply.check_title")) />
        <div class="step__main">
            <Link href=last_page class="back-link">{tr("self_check.back")}</Link>
            // The last two of the form's steps: check answers, then consent.
            <p class="step__progress">{move || i18n.t_with("self_check.progress", &[
                ("step", (form.pages().len() + 1).to_string()), ("total", (form.pages().len() + 2).to_string()),
            ])}</p>
            <h1>{tr("apply.check_title")}</h1>
            <ErrorSummary issues=summary />
            <SelfCheckChoice />
            <dl class="summary-list">{rows}</dl>
            {self_check}
            <p class="button-row">
                <button type="button" class="button button--primary" on:click=on_continue
                    disabled=move || !problems.get().is_empty()>
                    {tr("self_check.continue")}
                </button>
            </p>
            <ConfirmAction texts=DISCARD on_confirm=Callback::new(move |()| {
                store.discard();
                location.go("/domanda");
            }) />
            <p class="field__hint">{tr("apply.discard_hint")}</p>
        </div>
    }
}

/// An answer as the person gave it, in words (choices translated, ids named).
fn shown_value(i18n: I18n, draft: &Draft, field: &Field, store: crate::application_store::ApplicationStore) -> String {
    let value = draft.value(field.path);
    let shown = match field.kind {
        Kind::OneOf { set, .. } if !value.is_empty() => i18n.t(&format!("options.{set}.{value}")),
        Kind::AnyOf { set, .. } => draft
            .list(field.path)
            .iter()
            .map(|code| i18n.t(&format!("options.{set}.{code}")))
            .collect::<Vec<_>>()
            .join(", "),
        Kind::Quartiere if value == insieme_validation::application::QUARTIERE_UNKNOWN => {
            i18n.t("options.quartiere.unknown")
        }
        Kind::Quartiere => {
            Territory::embedded().quartieri.iter().find(|q| q.id == value).map(|q| q.name.clone()).unwrap_or_default()
        }
        Kind::AccessPoint => AccessPoint::all()
            .iter()
            .find(|p| p.id == value)
            .map(|p| crate::texts::place_name(i18n, p))
            .unwrap_or_default(),
        Kind::CommunityArea => community_areas()
            .into_iter()
            .find(|(id, _)| *id == value)
            .map(|(_, name)| name.to_owned())
            .unwrap_or_default(),
        Kind::Call { .. } => store.calls.with_untracked(|calls| match calls {
            Some(Ok(calls)) => {
                calls.iter().find(|call| call.id == value).map(|call| call.title.clone()).unwrap_or_default()
            }
            _ => value.to_owned(),
        }),
        Kind::Language => {
            let code = draft.preferred_language();
            crate::i18n::Language::ALL
                .iter()
                .find(|language| language.code() == code)
                .map_or(code, |language| language.endonym().to_owned())
        }
        Kind::Date if !value.is_empty() => {
            crate::device::in_words(value, i18n.language().code(), crate::device::Moment::Day)
        }
        _ => value.to_owned(),
    };
    if shown.trim().is_empty() { i18n.t("apply.not_given") } else { shown }
}

/// The self-check answers that will be sent, grouped by area, each as the person chose it; the
/// health-related ones only counted, since they go only with the consent of the next page.
fn answers_by_area(i18n: crate::i18n::I18n, answers: &insieme_rules::Answers) -> impl IntoView + use<> {
    let instrument = Instrument::fragility();
    let areas = instrument
        .areas
        .iter()
        .filter_map(|area| {
            let lines: Vec<String> = instrument
                .items
                .iter()
                .filter(|item| item.area == area.id && !item.sensitive)
                .filter_map(|item| {
                    let level = usize::from(answers.fragility.get(&item.id)?.points());
                    Some(format!(
                        "{}: {}",
                        crate::texts::item_label(i18n, item),
                        crate::texts::item_level(i18n, item, level)
                    ))
                })
                .collect();
            (!lines.is_empty()).then(|| {
                view! {
                    <li>
                        <strong>{crate::texts::area_label(i18n, area)}</strong>
                        <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </li>
                }
            })
        })
        .collect_view();
    let sensitive =
        answers.fragility.keys().filter(|id| instrument.item(id).is_some_and(|item| item.sensitive)).count();
    view! {
        <details class="answers-sent">
            <summary>{tr("apply.answers_sent")}</summary>
            <ul>{areas}</ul>
            {(sensitive > 0).then(|| view! {
                <p>{i18n.t_count("apply.sensitive_later", sensitive, &[])}</p>
            })}
        </details>
    }
}

/// Discarding the application, asked twice: what was written is on this device only.
const DISCARD: ConfirmTexts = ConfirmTexts {
    action: "apply.discard",
    question: "apply.discard_confirm",
    confirm: "apply.discard_yes",
    keep: "apply.discard_keep",
};
