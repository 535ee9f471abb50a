//! Sample applications for the demo (a few hundred, every state of every channel) and for the
//! back-office benchmark (`insieme-server seed --applications 100000`): made up people and
//! organisations across channels, comuni, Quartieri and the last eighteen months, each checked,
//! scored and routed by the same code as a real submission (`applications::prepare`) and stored
//! by the same writer, then moved along its channel's workflow (`workflows.toml`) with the
//! history, action log and interviews each step leaves.
//!
//! Deterministic for a given seed, so that a benchmark run is repeatable. Every sample is marked
//! by its actor `sample` in the history and the action log; nothing here runs unless asked (the
//! demo, or the command).

use std::collections::{BTreeMap, VecDeque};

use insieme_api::Submission;
use insieme_rules::{AccessPoint, Channel, Date, Instrument, Workflows, workflow::Requirement};
use insieme_validation::OpenCall;
use serde_json::{Value, json};

mod made_up;

pub use made_up::codice_fiscale;
use made_up::submission;

use super::actions::log_action;
use crate::{
    Error, Result,
    applications::{self, NewApplication, Outcome, writer::write_batch},
    clock::Clock,
};

/// The actor of every sample step.
pub const SAMPLE_ACTOR: &str = "sample";
/// Applications written per transaction.
const BATCH: usize = 2_000;
/// How far back submissions go.
const HISTORY_DAYS: i64 = 540;

/// How many applications of each channel in a hundred (channel 2 is most of the work).
const CHANNEL_SHARES: [(Channel, u32); 4] =
    [(Channel::Fragility, 50), (Channel::Youth, 20), (Channel::Enterprise, 15), (Channel::Community, 15)];

/// How many sample applications a demo database gets: enough for every state of every channel
/// several times over.
pub const DEMO_SAMPLES: usize = 300;

/// The demo's sample applications, once per database (the first start of a demo): how many were
/// stored now.
pub async fn for_demo(pool: &crate::db::Db, clock: &Clock) -> Result<usize> {
    let done: bool = crate::on_db!(pool => sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM application_actions WHERE actor = $1)")
        .bind(SAMPLE_ACTOR)
        .fetch_one(pool)
        .await)?;
    if done { Ok(0) } else { insert(pool, clock, DEMO_SAMPLES, 2026).await }
}

/// Stores `count` sample applications; returns how many were stored.
pub async fn insert(pool: &crate::db::Db, clock: &Clock, count: usize, seed: u64) -> Result<usize> {
    let calls = all_calls(pool).await?;
    let today = clock.today_in_italy();
    let mut random = fastrand::Rng::with_seed(seed);
    let mut stored = 0;
    let mut index = 0;
    while index < count {
        let size = BATCH.min(count - index);
        let mut prepared = Vec::with_capacity(size);
        for _ in 0..size {
            prepared.push(one(&mut random, index, count, today, &calls)?);
            index += 1;
        }
        let applications: Vec<&NewApplication> = prepared.iter().map(|(application, _)| application).collect();
        let outcomes = write_batch(pool, &applications).await?;
        let mut tx = pool.begin().await?;
        for ((application, path), outcome) in prepared.iter().zip(outcomes) {
            if let Ok(Outcome::Created(_)) = outcome {
                walk(&mut tx, &mut random, application, path, today).await?;
                stored += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(stored)
}

/// Every call, treated as open: samples are dated in the past, when the demo calls were open.
async fn all_calls(pool: &crate::db::Db) -> Result<Vec<OpenCall>> {
    let calls: Vec<(String, String)> =
        crate::on_db!(pool => sqlx::query_as("SELECT id, target FROM calls").fetch_all(pool).await)?;
    Ok(calls.into_iter().map(|(id, target)| OpenCall { for_organisations: target == "organisations", id }).collect())
}

/// One sample: the application to store and the actions it goes through.
fn one(
    random: &mut fastrand::Rng,
    index: usize,
    count: usize,
    today: Date,
    calls: &[OpenCall],
) -> Result<(NewApplication, Vec<String>)> {
    let channel = pick_channel(random);
    let submitted_on = Date::from_days_since_unix_epoch(today.days_since_unix_epoch() - random.i64(0..HISTORY_DAYS));
    let submission = submission(random, channel, submitted_on, calls);
    let submission: Submission =
        serde_json::from_value(submission).map_err(|error| Error::Internal(format!("sample: {error}")))?;
    let now = format!("{submitted_on}T{:02}:{:02}:{:02}Z", random.u32(7..17), random.u32(0..60), random.u32(0..60));
    let (_, application) = applications::prepare(submission, submitted_on, calls, now)
        .map_err(|error| Error::Internal(format!("a sample application is invalid: {error:?}")))?;
    // Spread the states evenly over the first few hundred (the demo shows every one), then let
    // most applications be where real ones are: early in their workflow.
    let workflow = Workflows::embedded().channel(channel);
    let targets = paths(workflow);
    let target = if count <= 1_000 {
        &targets[index % targets.len()]
    } else {
        // Recent applications are early in their workflow; older ones went further.
        let age = today.days_since_unix_epoch() - submitted_on.days_since_unix_epoch();
        let longest = targets.iter().map(Vec::len).max().unwrap_or(0);
        let steps = if age < 35 { random.usize(0..3) } else { random.usize(1..=longest) };
        let candidates: Vec<&Vec<String>> = targets.iter().filter(|path| path.len() == steps.min(longest)).collect();
        candidates[random.usize(0..candidates.len())]
    };
    Ok((application, target.clone()))
}

fn pick_channel(random: &mut fastrand::Rng) -> Channel {
    let mut roll = random.u32(0..100);
    for (channel, share) in CHANNEL_SHARES {
        if roll < share {
            return channel;
        }
        roll -= share;
    }
    Channel::Fragility
}

/// The shortest sequence of actions from the initial state to each state of the workflow (one
/// per state, shortest first). A step that needs the score on one side of the threshold is
/// taken only when the sample's score is there (see `walk`).
pub fn paths(workflow: &insieme_rules::workflow::ChannelWorkflow) -> Vec<Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    found.insert(workflow.initial.clone(), Vec::new());
    let mut queue = VecDeque::from([workflow.initial.clone()]);
    while let Some(state) = queue.pop_front() {
        let path = found[&state].clone();
        for transition in workflow.transitions.iter().filter(|transition| transition.from.contains(&state)) {
            if found.contains_key(&transition.to) {
                continue;
            }
            let mut longer = path.clone();
            longer.push(transition.action.clone());
            found.insert(transition.to.clone(), longer);
            queue.push_back(transition.to.clone());
        }
    }
    let mut paths: Vec<Vec<String>> = found.into_values().collect();
    paths.sort_by_key(Vec::len);
    paths
}

/// Takes the actions of `path` one after the other, a few days apart and never after today:
/// state, history, action log and interviews as the back office would leave them. A step that
/// needs the official score on the other side of the threshold ends the walk there.
async fn walk(
    tx: &mut crate::db::Tx<'_>,
    random: &mut fastrand::Rng,
    application: &NewApplication,
    path: &[String],
    today: Date,
) -> Result<()> {
    if path.is_empty() {
        return Ok(());
    }
    let channel =
        Channel::from_code(application.channel).ok_or_else(|| Error::Internal("sample channel".to_owned()))?;
    let workflow = Workflows::embedded().channel(channel);
    let deadline = Workflows::embedded().deadline(channel);
    let official_total = official_total(application);
    let threshold = i64::from(Instrument::fragility().threshold);
    let mut day: Date = application.now[..10].parse().map_err(|_| Error::Internal("sample date".to_owned()))?;
    let mut state = workflow.initial.clone();
    let mut due_on = application.due_on.clone();
    let mut steps: i64 = 0;
    let mut issues: Option<String> = None;
    let points = AccessPoint::all();
    for action in path {
        let Some(transition) = workflow.transition(action) else { break };
        let allowed = match transition.requires {
            Some(Requirement::OfficialScoreAtLeastThreshold) => official_total.is_some_and(|total| total >= threshold),
            Some(Requirement::OfficialScoreBelowThreshold) => official_total.is_some_and(|total| total < threshold),
            None => true,
        };
        let next_day = Date::from_days_since_unix_epoch(day.days_since_unix_epoch() + random.i64(1..15));
        if !allowed || next_day > today {
            break;
        }
        day = next_day;
        let at = format!("{day}T{:02}:{:02}:00Z", random.u32(7..17), random.u32(0..60));
        if insieme_rules::records::Records::of(transition).slot {
            let round = match action.as_str() {
                "schedule_second_interview" => "second",
                "schedule_interview" => "call",
                _ => "first",
            };
            let point = &points[random.usize(0..points.len())];
            let starts_at = format!(
                "{}T{:02}:{}",
                Date::from_days_since_unix_epoch(day.days_since_unix_epoch() + random.i64(2..10)),
                random.u32(9..17),
                ["00", "30"][random.usize(0..2)]
            );
            crate::on_tx!(tx => sqlx::query(
                "INSERT INTO interviews (application_id, round, starts_at, access_point_id, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&application.id)
            .bind(round)
            .bind(starts_at)
            .bind(&point.id)
            .bind(SAMPLE_ACTOR)
            .bind(&at)
            .execute(&mut **tx)
            .await.map(|done| done.rows_affected()))?;
        }
        if action.starts_with("record_") && action.ends_with("_interview") {
            crate::on_tx!(tx => sqlx::query("UPDATE interviews SET outcome = 'held' WHERE application_id = $1 AND outcome = 'scheduled'")
                .bind(&application.id)
                .execute(&mut **tx)
                .await.map(|done| done.rows_affected()))?;
        }
        if insieme_rules::records::Records::of(transition).fields {
            issues = Some(flagged_field(application));
        } else if transition.by_applicant {
            issues = None;
        }
        let details = json!({ "sample": true });
        log_action(&mut *tx, &application.id, &at, SAMPLE_ACTOR, action, &state, &transition.to, &details).await?;
        if transition.public {
            applications::record_event(&mut *tx, &application.id, &at, &transition.to, SAMPLE_ACTOR).await?;
        }
        if deadline.is_some_and(|deadline| deadline.met_by_action == *action) || workflow.is_final(&transition.to) {
            due_on = None;
        }
        state.clone_from(&transition.to);
        steps += 1;
    }
    let recorded_interview =
        path.iter().take(usize::try_from(steps).unwrap_or(0)).any(|action| action == "record_first_interview");
    crate::on_tx!(tx => sqlx::query(
        "UPDATE applications SET state = $1, issues = $2, due_on = $3, version = $4, official_assessment = $5, \
         official_total = $6, official_instrument_version = $7 WHERE id = $8",
    )
    .bind(&state)
    .bind(issues)
    .bind(due_on)
    .bind(steps)
    .bind(if recorded_interview { application.assessment.clone() } else { None })
    .bind(if recorded_interview { official_total } else { None })
    .bind(if recorded_interview { application.instrument_version.clone() } else { None })
    .bind(&application.id)
    .execute(&mut **tx)
    .await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// A correction request as a reviewer writes one: the contact the person gave.
fn flagged_field(application: &NewApplication) -> String {
    let field = match application.channel {
        "community" => "community.contact_email",
        _ if application.submission.contains("\"youth_project\"") => "youth_project.contact_phone",
        _ => "person.phone",
    };
    json!([{ "field": field, "note": "Il numero o l'indirizzo non risponde: scrivi un contatto che usi." }]).to_string()
}

/// The sample's self-declared total, taken as the operator's confirmed one.
fn official_total(application: &NewApplication) -> Option<i64> {
    let assessment: Value = serde_json::from_str(application.assessment.as_deref()?).ok()?;
    assessment["fragility"]["total"].as_i64()
}
