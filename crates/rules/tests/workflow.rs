//! The review workflow as the partners wrote it (`data/workflows.toml`, spec §5): named cases of
//! allowed and refused actions, and properties every channel's table must have.

use insieme_rules::{Channel, Refusal, Requirement, Role, Workflows};

use Channel::{Community, Enterprise, Fragility, Youth};
use Role::{Administrator, Operator, Reviewer, Secretariat};

/// (name, channel, state, action, role, expected: Ok(state it leads to) or the refusal)
type Case = (&'static str, Channel, &'static str, &'static str, Role, Result<&'static str, Refusal>);

const CASES: &[Case] = &[
    (
        "secretariat checks eligibility",
        Fragility,
        "submitted",
        "check_eligibility",
        Secretariat,
        Ok("eligibility_checked"),
    ),
    (
        "a corrected application is checked again",
        Fragility,
        "corrected",
        "check_eligibility",
        Secretariat,
        Ok("eligibility_checked"),
    ),
    (
        "an operator cannot check eligibility",
        Fragility,
        "submitted",
        "check_eligibility",
        Operator,
        Err(Refusal::NotThisRole),
    ),
    (
        "a reviewer cannot check eligibility",
        Fragility,
        "submitted",
        "check_eligibility",
        Reviewer,
        Err(Refusal::NotThisRole),
    ),
    (
        "the administrator takes every back-office action",
        Fragility,
        "submitted",
        "check_eligibility",
        Administrator,
        Ok("eligibility_checked"),
    ),
    (
        "no interview before eligibility",
        Fragility,
        "submitted",
        "schedule_first_interview",
        Secretariat,
        Err(Refusal::NotFromThisState),
    ),
    (
        "an operator schedules the first interview",
        Fragility,
        "eligibility_checked",
        "schedule_first_interview",
        Operator,
        Ok("first_interview_scheduled"),
    ),
    (
        "rescheduling keeps the state",
        Fragility,
        "first_interview_scheduled",
        "schedule_first_interview",
        Secretariat,
        Ok("first_interview_scheduled"),
    ),
    (
        "only the operator records the interview",
        Fragility,
        "first_interview_scheduled",
        "record_first_interview",
        Secretariat,
        Err(Refusal::NotThisRole),
    ),
    (
        "the operator records the interview",
        Fragility,
        "first_interview_scheduled",
        "record_first_interview",
        Operator,
        Ok("first_interview_held"),
    ),
    (
        "second interview after the first",
        Fragility,
        "first_interview_held",
        "schedule_second_interview",
        Operator,
        Ok("second_interview_scheduled"),
    ),
    (
        "below threshold closes with referral",
        Fragility,
        "first_interview_held",
        "close_below_threshold",
        Secretariat,
        Ok("closed_with_referral"),
    ),
    (
        "joint analysis after the second interview",
        Fragility,
        "second_interview_held",
        "start_joint_analysis",
        Secretariat,
        Ok("joint_analysis"),
    ),
    (
        "an operator cannot start a joint analysis",
        Fragility,
        "second_interview_held",
        "start_joint_analysis",
        Operator,
        Err(Refusal::NotThisRole),
    ),
    (
        "taken in charge from the joint analysis",
        Fragility,
        "joint_analysis",
        "take_in_charge",
        Secretariat,
        Ok("taken_in_charge"),
    ),
    (
        "no decision before the joint analysis",
        Fragility,
        "second_interview_held",
        "take_in_charge",
        Secretariat,
        Err(Refusal::NotFromThisState),
    ),
    (
        "referred to the Fondazione",
        Fragility,
        "joint_analysis",
        "refer_to_foundation",
        Secretariat,
        Ok("referred_to_foundation"),
    ),
    ("a final state is final", Fragility, "taken_in_charge", "withdraw", Secretariat, Err(Refusal::NotFromThisState)),
    ("withdraw from any open state", Fragility, "second_interview_held", "withdraw", Secretariat, Ok("withdrawn")),
    ("unreachable, then reopened to the start", Fragility, "unreachable", "reopen", Secretariat, Ok("submitted")),
    ("a reviewer cannot reopen", Fragility, "unreachable", "reopen", Reviewer, Err(Refusal::NotThisRole)),
    (
        "a correction is asked by the secretariat",
        Fragility,
        "eligibility_checked",
        "request_correction",
        Secretariat,
        Ok("has_issues"),
    ),
    (
        "the correction itself is the person's",
        Fragility,
        "has_issues",
        "correct",
        Secretariat,
        Err(Refusal::NotThisRole),
    ),
    (
        "another channel's action does not exist here",
        Fragility,
        "submitted",
        "admit",
        Secretariat,
        Err(Refusal::UnknownAction),
    ),
    (
        "youth: the call is checked by its reviewer",
        Youth,
        "submitted",
        "check_against_call",
        Reviewer,
        Ok("checked_against_call"),
    ),
    ("youth: admitted from the waiting list", Youth, "waiting_list", "admit", Reviewer, Ok("admitted")),
    ("youth: not admitted straight away", Youth, "submitted", "not_admit", Reviewer, Ok("not_admitted")),
    (
        "youth: the secretariat does not decide calls",
        Youth,
        "checked_against_call",
        "admit",
        Secretariat,
        Err(Refusal::NotThisRole),
    ),
    ("youth: reopened to submitted", Youth, "unreachable", "reopen", Administrator, Ok("submitted")),
    (
        "enterprise: accepted at the SUAP desk",
        Enterprise,
        "submitted",
        "accept_at_suap",
        Reviewer,
        Ok("routed_to_suap"),
    ),
    (
        "enterprise: the secretariat may route",
        Enterprise,
        "submitted",
        "accept_at_suap",
        Secretariat,
        Ok("routed_to_suap"),
    ),
    (
        "enterprise: analysis before a path",
        Enterprise,
        "routed_to_suap",
        "start_accompaniment",
        Reviewer,
        Err(Refusal::NotFromThisState),
    ),
    (
        "enterprise: not sustainable",
        Enterprise,
        "sustainability_analysis",
        "judge_not_sustainable",
        Reviewer,
        Ok("not_sustainable"),
    ),
    (
        "enterprise: no correction during the analysis",
        Enterprise,
        "sustainability_analysis",
        "request_correction",
        Reviewer,
        Err(Refusal::NotFromThisState),
    ),
    ("community: the network reviews", Community, "proposed", "start_review", Reviewer, Ok("under_review")),
    ("community: published once supported", Community, "supported", "publish", Reviewer, Ok("published")),
    (
        "community: not published before support",
        Community,
        "under_review",
        "publish",
        Reviewer,
        Err(Refusal::NotFromThisState),
    ),
    ("community: reopened to proposed", Community, "unreachable", "reopen", Secretariat, Ok("proposed")),
    (
        "community: an operator never reviews proposals",
        Community,
        "proposed",
        "start_review",
        Operator,
        Err(Refusal::NotThisRole),
    ),
    (
        "community: has no interviews",
        Community,
        "proposed",
        "schedule_first_interview",
        Administrator,
        Err(Refusal::UnknownAction),
    ),
];

#[test]
fn named_cases() {
    let workflows = Workflows::embedded();
    let mut failures = Vec::new();
    for (name, channel, state, action, role, expected) in CASES {
        let got = workflows.channel(*channel).decide(state, action, *role).map(|transition| transition.to.as_str());
        if got != *expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_action_leaves_a_final_state() {
    for workflow in &Workflows::embedded().channels {
        for transition in &workflow.transitions {
            for from in &transition.from {
                assert!(
                    !workflow.is_final(from),
                    "{:?}: {} leaves final state {from}",
                    workflow.channel,
                    transition.action
                );
            }
        }
    }
}

#[test]
fn every_state_is_reachable_from_the_initial_one() {
    for workflow in &Workflows::embedded().channels {
        let mut reached = std::collections::BTreeSet::from([workflow.initial.as_str()]);
        loop {
            let before = reached.len();
            for transition in &workflow.transitions {
                if transition.from.iter().any(|from| reached.contains(from.as_str())) {
                    reached.insert(transition.to.as_str());
                }
            }
            if reached.len() == before {
                break;
            }
        }
        let unreachable: Vec<&str> = workflow.states().into_iter().filter(|state| !reached.contains(state)).collect();
        assert!(unreachable.is_empty(), "{:?}: never reached: {unreachable:?}", workflow.channel);
    }
}

#[test]
fn the_threshold_requirements_are_read() {
    let fragility = Workflows::embedded().channel(Fragility);
    let second = fragility.transition("schedule_second_interview").map(|transition| transition.requires);
    let closed = fragility.transition("close_below_threshold").map(|transition| transition.requires);
    assert_eq!(second, Some(Some(Requirement::OfficialScoreAtLeastThreshold)));
    assert_eq!(closed, Some(Some(Requirement::OfficialScoreBelowThreshold)));
}

#[test]
fn the_first_contact_deadline_is_five_weeks() {
    let deadline = Workflows::embedded().deadline(Fragility).map(|deadline| deadline.days_from_submission);
    assert_eq!(deadline, Some(35));
}

#[test]
fn a_table_with_an_unknown_role_or_requirement_is_refused() {
    let table = include_str!("../data/workflows.toml");
    let value: toml::Value = toml::from_str(&table.replacen("by = [\"secretariat\"]", "by = [\"janitor\"]", 1))
        .unwrap_or_else(|error| panic!("{error}"));
    let json = serde_json::to_string(&value).unwrap_or_default();
    assert!(Workflows::from_json(&json).is_err_and(|error| error.0.contains("janitor")));
    let value: toml::Value = toml::from_str(&table.replacen(
        "requires = \"official fragility total < 11",
        "requires = \"the moon is full",
        1,
    ))
    .unwrap_or_else(|error| panic!("{error}"));
    let json = serde_json::to_string(&value).unwrap_or_default();
    assert!(Workflows::from_json(&json).is_err_and(|error| error.0.contains("moon")));
}
