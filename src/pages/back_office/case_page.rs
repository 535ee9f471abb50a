//! The case page: the application as sent, the assessments, who holds it, the steps the workflow
//! allows this account now, the interviews, the public history, the log of changes, the
//! internal notes and who opened it. Opening it is recorded by the server.

use insieme_api::{
    Appointment,
    back_office::{Assignment, CaseView, MissedInterview, NewNote},
};
use insieme_rules::{Role, Workflows};
use leptos::{prelude::*, task::spawn_local};

use super::{QUEUE_PATH, SignedIn, on_session_end, refusal_key, step_form::StepForm};
use crate::{
    api,
    components::PageTitle,
    device,
    i18n::{tr, tr_key, use_i18n},
    navigation::Link,
};

#[component]
pub fn CasePage(reference: String) -> impl IntoView {
    let i18n = use_i18n();
    let case = RwSignal::new(None::<CaseView>);
    let failure = RwSignal::new(None::<&'static str>);
    let load = {
        let reference = reference.clone();
        move || {
            let reference = reference.clone();
            spawn_local(async move {
                match api::back_office::case(&reference).await {
                    Ok(found) => case.set(Some(found)),
                    Err(error) => {
                        on_session_end(&error);
                        failure.set(Some(refusal_key(&error)));
                    }
                }
            });
        }
    };
    load();
    let on_update = Callback::new(move |updated: CaseView| {
        failure.set(None);
        case.set(Some(updated));
    });
    let on_refused = Callback::new(move |key: &'static str| {
        failure.set(Some(key));
        // A change made meanwhile: show the application as it is now.
        if key == "bo.refused_changed" {
            load();
        }
    });
    let title = {
        let reference = reference.clone();
        move || i18n.t_with("bo.case_title", &[("reference", reference.clone())])
    };
    view! {
        <PageTitle text=Signal::derive(title.clone()) />
        <p><Link href=QUEUE_PATH.to_owned()>{tr("bo.back_to_queue")}</Link></p>
        <h1>{title}</h1>
        <div role="alert">{move || failure.get().map(|key| view! { <p class="field-error">{i18n.t(key)}</p> })}</div>
        {move || case.get().map(|found| view! { <CaseDetails found=found on_update=on_update on_refused=on_refused /> })}
    }
}

#[component]
fn CaseDetails(found: CaseView, on_update: Callback<CaseView>, on_refused: Callback<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let me = expect_context::<SignedIn>().0.get_untracked().flatten();
    let role = me.as_ref().and_then(|me| Role::from_code(&me.role));
    let my_id = me.map(|me| me.id).unwrap_or_default();
    let rules_channel = insieme_rules::Channel::from_code(found.channel.code());
    // The steps the workflow table allows this role now (the server decides again on sending).
    let steps: Vec<String> = match (rules_channel, role, found.may_assign) {
        (Some(channel), Some(role), true) => Workflows::embedded()
            .channel(channel)
            .actions_for(&found.state.code(), role)
            .into_iter()
            .map(|transition| transition.action.clone())
            .collect(),
        _ => Vec::new(),
    };
    let open_step = RwSignal::new(None::<String>);
    let reference = found.reference.clone();
    let version = found.version;
    let holds_it = found.assignee.as_ref().is_some_and(|person| person.id == my_id);
    let assign_to = if holds_it { None } else { Some(my_id.clone()) };
    let on_assign = {
        let reference = reference.clone();
        move |_| {
            let reference = reference.clone();
            let request = Assignment { assignee: assign_to.clone(), version };
            spawn_local(async move {
                match api::back_office::assign(&reference, &request).await {
                    Ok(updated) => on_update.run(updated),
                    Err(error) => {
                        on_session_end(&error);
                        on_refused.run(refusal_key(&error));
                    }
                }
            });
        }
    };
    let state_key = format!("bo_state.{}", found.state.code());
    let channel_key = format!("channels.{}.name", found.channel.code());
    let holder = found.assignee.as_ref().map(|person| person.name.clone());
    let self_total = found.self_assessment.as_ref().and_then(|value| value["fragility"]["total"].as_u64());
    let official_total = found.official_assessment.as_ref().and_then(|value| value["fragility"]["total"].as_u64());
    let version_text = found.instrument_version.clone().unwrap_or_default();
    let step_buttons = steps
        .iter()
        .map(|action| {
            let action = action.clone();
            let key = format!("bo_action.{action}");
            let chosen = action.clone();
            view! {
                <li><button type="button" class="button" aria-expanded=move || (open_step.get().as_deref() == Some(action.as_str())).to_string()
                    on:click=move |_| open_step.set(Some(chosen.clone()))>{tr_key(key)}</button></li>
            }
        })
        .collect_view();
    let no_steps = steps.is_empty();
    let for_form = found.clone();
    view! {
        <dl class="case-facts">
            <dt>{tr("bo.channel")}</dt><dd>{tr_key(channel_key)}</dd>
            <dt>{tr("bo.state")}</dt><dd>{tr_key(state_key)}</dd>
            <dt>{tr("bo.owner")}</dt><dd>{found.owner.clone()}</dd>
            <dt>{tr("bo.holder")}</dt><dd>{holder.map_or_else(|| view! { <span>{tr("bo.nobody")}</span> }.into_any(), |name| view! { <span>{name}</span> }.into_any())}</dd>
            <dt>{tr("bo.submitted")}</dt><dd>{device::local_time(&found.submitted_at)}</dd>
            <dt>{tr("bo.due")}</dt><dd>{found.due_on.clone().unwrap_or_default()}
                {found.overdue.then(|| view! { " " <strong class="badge badge--overdue">{tr("bo.overdue")}</strong> })}</dd>
        </dl>
        {found.may_assign.then(|| view! {
            <button type="button" class="button" on:click=on_assign>{if holds_it { tr("bo.release") } else { tr("bo.take") }}</button>
        })}
        <section aria-labelledby="case-steps">
            <h2 id="case-steps">{tr("bo.next_steps")}</h2>
            {no_steps.then(|| view! { <p>{tr("bo.no_steps")}</p> })}
            <ul class="button-row">{step_buttons}</ul>
            {move || open_step.get().map(|action| view! {
                <StepForm action=action found=for_form.clone()
                    on_done=Callback::new(move |updated| { open_step.set(None); on_update.run(updated); })
                    on_cancel=Callback::new(move |()| open_step.set(None))
                    on_refused=on_refused />
            })}
        </section>
        {self_total.map(|total| view! { <p>{move || i18n.t_with("bo.self_assessment", &[("total", total.to_string())])}</p> })}
        {official_total.map(|total| {
            let version_text = version_text.clone();
            view! { <p>{move || i18n.t_with("bo.official_assessment", &[("total", total.to_string()), ("version", version_text.clone())])}</p> }
        })}
        <section aria-labelledby="case-submission">
            <h2 id="case-submission">{tr("bo.submission")}</h2>
            <dl class="case-submission">{flatten("", &found.submission).into_iter().map(|(key, value)| view! { <dt>{key}</dt><dd>{value}</dd> }).collect_view()}</dl>
        </section>
        <Interviews found=found.clone() on_update=on_update on_refused=on_refused />
        <section aria-labelledby="case-history">
            <h2 id="case-history">{tr("bo.history")}</h2>
            <ol class="history">{found.history.iter().map(|entry| {
                let key = format!("bo_state.{}", entry.state.code());
                view! { <li><span class="history__when">{device::local_time(&entry.at)}</span> " " {tr_key(key)}</li> }
            }).collect_view()}</ol>
        </section>
        <section aria-labelledby="case-log">
            <h2 id="case-log">{tr("bo.actions_log")}</h2>
            <ol class="history">{found.actions.iter().map(|entry| {
                let key = format!("bo_action.{}", entry.action);
                view! { <li><span class="history__when">{device::local_time(&entry.at)}</span> " " {tr_key(key)} " – " {entry.actor.name.clone()}</li> }
            }).collect_view()}</ol>
        </section>
        <Notes found=found.clone() on_update=on_update on_refused=on_refused />
        <section aria-labelledby="case-viewers">
            <h2 id="case-viewers">{tr("bo.viewed_by")}</h2>
            <ul>{found.viewed_by.iter().map(|viewing| view! {
                <li>{device::local_time(&viewing.at)} " " {viewing.who.name.clone()}</li>
            }).collect_view()}</ul>
        </section>
    }
}

#[component]
fn Interviews(found: CaseView, on_update: Callback<CaseView>, on_refused: Callback<&'static str>) -> impl IntoView {
    let reference = found.reference.clone();
    let version = found.version;
    let may_change = found.may_assign;
    let sending = RwSignal::new(false);
    let on_missed = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        let reference = reference.clone();
        let request = MissedInterview { version, note: None };
        spawn_local(async move {
            match api::back_office::missed_interview(&reference, &request).await {
                Ok(updated) => on_update.run(updated),
                Err(error) => {
                    on_session_end(&error);
                    on_refused.run(refusal_key(&error));
                }
            }
            sending.set(false);
        });
    };
    let i18n = use_i18n();
    let case_reference = found.reference.clone();
    (!found.interviews.is_empty()).then(|| {
        let scheduled = found.interviews.iter().any(|interview| interview.outcome == "scheduled");
        view! {
            <section aria-labelledby="case-interviews">
                <h2 id="case-interviews">{tr("bo.interviews")}</h2>
                <ul>{found.interviews.into_iter().map(|interview| {
                    // A calendar file made here from what the page shows (place and reference,
                    // no personal data), like the person's on the status page.
                    let appointment = Appointment {
                        round: interview.round.clone(),
                        starts_at: interview.starts_at.clone(),
                        place: interview.access_point.clone(),
                        address: interview.address.clone(),
                        comune: interview.comune.clone(),
                    };
                    let reference = case_reference.clone();
                    let calendar = move || {
                        let ics = appointment.to_ics(&reference, &i18n.t("bo.interview_calendar_title"));
                        format!("data:text/calendar;charset=utf-8,{}", js_sys::encode_uri_component(&ics))
                    };
                    let is_scheduled = interview.outcome == "scheduled";
                    view! {
                        <li>{interview.starts_at.replace('T', " ")} " – " {interview.access_point.clone()}
                            {(!interview.address.is_empty()).then(|| format!(", {}, {}", interview.address, interview.comune))} " – "
                            {tr_key(format!("bo.interview_outcome.{}", interview.outcome))}
                            {interview.operator.map(|operator| view! { " – " {operator.name} })}
                            {is_scheduled.then(|| view! {
                                " " <a href=calendar download="colloquio.ics">{tr("bo.interview_calendar")}</a>
                            })}
                        </li>
                    }
                }).collect_view()}</ul>
                {(scheduled && may_change).then(|| view! {
                    <button type="button" class="button" on:click=on_missed prop:disabled=move || sending.get()>{tr("bo.did_not_come")}</button>
                })}
            </section>
        }
    })
}

#[component]
fn Notes(found: CaseView, on_update: Callback<CaseView>, on_refused: Callback<&'static str>) -> impl IntoView {
    let body = RwSignal::new(String::new());
    let reference = found.reference.clone();
    let on_add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let note = NewNote { body: body.get_untracked() };
        if note.body.trim().is_empty() {
            return;
        }
        let reference = reference.clone();
        spawn_local(async move {
            match api::back_office::note(&reference, &note).await {
                Ok(updated) => {
                    body.set(String::new());
                    on_update.run(updated);
                }
                Err(error) => {
                    on_session_end(&error);
                    on_refused.run(refusal_key(&error));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="case-notes">
            <h2 id="case-notes">{tr("bo.notes")}</h2>
            <ul>{found.notes.into_iter().map(|note| view! {
                <li><span class="history__when">{device::local_time(&note.at)}</span> " " {note.author.name} ": " {note.body}</li>
            }).collect_view()}</ul>
            <form on:submit=on_add>
                <div class="field">
                    <label class="field__label" for="case-note">{tr("bo.note")}</label>
                    <textarea id="case-note" class="input" rows="3" prop:value=move || body.get()
                        on:input=move |event| body.set(event_target_value(&event))></textarea>
                </div>
                <button type="submit" class="button">{tr("bo.add_note")}</button>
            </form>
        </section>
    }
}

/// The submission as `section.field: value` lines, lists joined, empty values left out.
fn flatten(prefix: &str, value: &serde_json::Value) -> Vec<(String, String)> {
    match value {
        serde_json::Value::Object(map) => map
            .iter()
            .flat_map(|(key, inner)| {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&path, inner)
            })
            .collect(),
        serde_json::Value::Array(list) => {
            let joined: Vec<String> =
                list.iter().map(|item| item.as_str().map_or_else(|| item.to_string(), str::to_owned)).collect();
            vec![(prefix.to_owned(), joined.join(", "))]
        }
        serde_json::Value::String(text) if text.is_empty() => Vec::new(),
        serde_json::Value::String(text) => vec![(prefix.to_owned(), text.clone())],
        serde_json::Value::Null => Vec::new(),
        other => vec![(prefix.to_owned(), other.to_string())],
    }
}
