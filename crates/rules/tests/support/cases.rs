//! Loads the named golden cases of `tests/cases/*.toml` and checks an assessment against a
//! case's expectations. Shared by the native runner and the browser (wasm) parity test.

use std::collections::BTreeMap;

use insieme_rules::{Answers, Assessment, ChannelStatus, ComuneLookup, Instrument, YouthCall, assess_with_calls};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct CaseFile {
    #[serde(rename = "case")]
    pub cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The answers, exactly as a client would send them.
    pub answers: toml::Value,
    /// Every item not in `answers.fragility` gets this level (for "all answered" cases).
    pub fill_unanswered_with: Option<u8>,
    /// Items that `fill_unanswered_with` must leave unanswered.
    #[serde(default)]
    pub leave_unanswered: Vec<String>,
    #[serde(default)]
    pub calls: Vec<YouthCall>,
    pub expect: Expect,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub total: Option<u32>,
    pub max_possible: Option<u32>,
    pub answered: Option<u32>,
    pub missing_count: Option<usize>,
    pub second_interview: Option<bool>,
    pub second_interview_possible: Option<bool>,
    pub by_area: Option<BTreeMap<String, u32>>,
    pub age: Option<u32>,
    pub no_age: Option<bool>,
    /// The official name the comune matched, or "not_in_territory".
    pub comune: Option<String>,
    pub suggestions_include: Option<String>,
    /// Every suggestion, best first (`[]`: none at all).
    pub suggestions: Option<Vec<String>>,
    #[serde(default)]
    pub channels: BTreeMap<String, ChannelStatus>,
    /// Reason codes that must be among a channel's (or call's) reasons.
    #[serde(default)]
    pub reasons: BTreeMap<String, Vec<String>>,
    /// Reason codes that must not be among a channel's reasons.
    #[serde(default)]
    pub absent_reasons: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub calls: BTreeMap<String, ChannelStatus>,
    /// For invalid input: the field the error must name.
    pub error_field: Option<String>,
}

/// What running a case gave: an assessment, or the input errors.
pub type Outcome = Result<Assessment, Vec<insieme_rules::InputError>>;

pub fn load(file_name: &str, text: &str) -> Vec<Case> {
    toml::from_str::<CaseFile>(text).unwrap_or_else(|error| panic!("{file_name}: {error}")).cases
}

/// TOML to JSON text, as a client would send the answers.
fn answers_json(case: &Case, instrument: &Instrument) -> String {
    let mut json: serde_json::Value =
        serde_json::to_value(&case.answers).unwrap_or_else(|error| panic!("{}: {error}", case.name));
    if let Some(level) = case.fill_unanswered_with {
        let fragility = json
            .as_object_mut()
            .expect("answers is a table")
            .entry("fragility")
            .or_insert_with(|| serde_json::json!({}))
            .as_object_mut()
            .expect("fragility is a table");
        for item in instrument.items.iter().filter(|item| !case.leave_unanswered.contains(&item.id)) {
            fragility.entry(item.id.clone()).or_insert_with(|| serde_json::json!(level));
        }
    }
    json.to_string()
}

pub fn run(case: &Case, instrument: &Instrument) -> Outcome {
    let answers = Answers::from_json(&answers_json(case, instrument), instrument)?;
    Ok(assess_with_calls(&answers, instrument, &case.calls))
}

/// The case's result as stable JSON text (the golden file holds one per case).
pub fn outcome_json(outcome: &Outcome) -> serde_json::Value {
    match outcome {
        Ok(assessment) => serde_json::to_value(assessment).expect("assessments serialise"),
        Err(errors) => serde_json::json!({ "input_errors": errors }),
    }
}

/// Every way the outcome differs from the case's expectations.
pub fn check(case: &Case, outcome: &Outcome) -> Vec<String> {
    let expect = &case.expect;
    let mut problems = Vec::new();
    let mut differ = |what: &str, expected: String, actual: String| {
        if expected != actual {
            problems.push(format!("{what}: expected {expected}, got {actual}"));
        }
    };
    let assessment = match (outcome, &expect.error_field) {
        (Err(errors), Some(field)) => {
            if !errors.iter().any(|error| &error.field == field) {
                differ("error field", field.clone(), format!("{errors:?}"));
            }
            return problems;
        }
        (Err(errors), None) => return vec![format!("unexpected input errors: {errors:?}")],
        (Ok(_), Some(field)) => {
            return vec![format!("expected an input error on {field}, got an assessment")];
        }
        (Ok(assessment), None) => assessment,
    };
    let score = &assessment.fragility;
    let comune = match &assessment.comune {
        Some(ComuneLookup::Found { comune, .. }) => comune.clone(),
        Some(ComuneLookup::NotInTerritory { .. }) => "not_in_territory".to_owned(),
        None => "none".to_owned(),
    };
    let text = |value: &dyn std::fmt::Debug| format!("{value:?}");
    let scalar_checks: [(&str, Option<String>, String); 10] = [
        ("total", expect.total.map(|value| text(&value)), text(&score.total)),
        ("max_possible", expect.max_possible.map(|value| text(&value)), text(&score.max_possible)),
        ("answered", expect.answered.map(|value| text(&value)), text(&score.answered)),
        ("missing_count", expect.missing_count.map(|value| text(&value)), text(&score.missing.len())),
        ("second_interview", expect.second_interview.map(|value| text(&value)), text(&score.second_interview)),
        (
            "second_interview_possible",
            expect.second_interview_possible.map(|value| text(&value)),
            text(&score.second_interview_possible),
        ),
        ("by_area", expect.by_area.as_ref().map(|value| text(value)), text(&score.by_area)),
        ("age", expect.age.map(|value| text(&Some(value))), text(&assessment.age)),
        ("no_age", expect.no_age.map(|value| text(&value)), text(&assessment.age.is_none())),
        ("comune", expect.comune.clone(), comune),
    ];
    for (what, expected, actual) in scalar_checks {
        if let Some(expected) = expected {
            differ(what, expected, actual);
        }
    }
    let suggestions = match &assessment.comune {
        Some(ComuneLookup::NotInTerritory { suggestions }) => suggestions.clone(),
        _ => Vec::new(),
    };
    if let Some(wanted) = &expect.suggestions_include
        && !suggestions.contains(wanted)
    {
        differ("suggestions", wanted.clone(), format!("{suggestions:?}"));
    }
    if let Some(wanted) = &expect.suggestions {
        differ("suggestions", format!("{wanted:?}"), format!("{suggestions:?}"));
    }
    for (channel_name, expected) in &expect.channels {
        let found = assessment.channels.iter().find(|channel| channel_name_of(channel.channel) == *channel_name);
        match found {
            Some(channel) => {
                differ(&format!("channel {channel_name}"), format!("{expected:?}"), format!("{:?}", channel.status))
            }
            None => differ(&format!("channel {channel_name}"), format!("{expected:?}"), "absent".to_owned()),
        }
    }
    for (call_id, expected) in &expect.calls {
        let status =
            assessment.calls.iter().find(|call| &call.call_id == call_id).map(|call| format!("{:?}", call.status));
        differ(&format!("call {call_id}"), format!("{expected:?}"), status.unwrap_or_else(|| "absent".to_owned()));
    }
    for (owner, codes) in &expect.reasons {
        let reasons: Vec<&str> = assessment
            .channels
            .iter()
            .filter(|channel| channel_name_of(channel.channel) == *owner)
            .flat_map(|channel| channel.reasons.iter())
            .chain(assessment.calls.iter().filter(|call| &call.call_id == owner).flat_map(|call| call.reasons.iter()))
            .map(|reason| reason.code.as_str())
            .collect();
        for code in codes {
            if !reasons.contains(&code.as_str()) {
                differ(&format!("reasons of {owner}"), code.clone(), format!("{reasons:?}"));
            }
        }
    }
    for (owner, codes) in &expect.absent_reasons {
        let reasons: Vec<&str> = assessment
            .channels
            .iter()
            .filter(|channel| channel_name_of(channel.channel) == *owner)
            .flat_map(|channel| channel.reasons.iter())
            .map(|reason| reason.code.as_str())
            .collect();
        for code in codes.iter().filter(|code| reasons.contains(&code.as_str())) {
            problems.push(format!("reasons of {owner}: {code} must not be among {reasons:?}"));
        }
    }
    problems
}

/// The channel's name as in JSON (`fragility`, `youth`, ...).
fn channel_name_of(channel: insieme_rules::Channel) -> String {
    serde_json::to_value(channel).ok().and_then(|value| value.as_str().map(str::to_owned)).unwrap_or_default()
}
