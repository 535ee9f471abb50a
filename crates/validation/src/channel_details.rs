//! The parts of an application that only one channel has: a young person's answer to a call and
//! an organisation's project (channel 3), a business idea (channel 4), a community opportunity
//! (channel 1). Called by [`crate::application::check_submission`].

use insieme_api::{
    CommunityDetails, EnterpriseDetails, YouthDetails, YouthProject,
    application::{
        ENTERPRISE_SECTORS, ENTERPRISE_STAGES, ENTERPRISE_SUPPORT, ORGANISATION_TYPES, YOUTH_PROJECT_FIELDS,
        YOUTH_SITUATIONS,
    },
};
use insieme_rules::{Date, Territory};

use crate::{
    Checker, Problem,
    application::{Context, EUROS_MAX, NAME_MAX, TEXT_MAX},
};

/// A call open today for this kind of applicant.
fn check_call(
    checker: &mut Checker,
    field: &str,
    value: &str,
    for_organisations: bool,
    context: &Context<'_>,
) -> String {
    let call_id = value.trim().to_owned();
    if call_id.is_empty() {
        checker.fail(field, Problem::Missing);
    } else if !context.open_calls.iter().any(|call| call.id == call_id && call.for_organisations == for_organisations) {
        checker.fail(field, Problem::CallNotOpen);
    }
    call_id
}

pub fn check_youth_project(checker: &mut Checker, details: &YouthProject, context: &Context<'_>) -> YouthProject {
    let (contact_phone, contact_email) =
        checker.contact("youth_project.contact_", &details.contact_phone, &details.contact_email);
    YouthProject {
        call_id: check_call(checker, "youth_project.call_id", &details.call_id, true, context),
        organisation: checker.text("youth_project.organisation", &details.organisation, NAME_MAX * 2),
        partners: checker.long_text("youth_project.partners", &details.partners, TEXT_MAX),
        field: checker.choice("youth_project.field", &details.field, &YOUTH_PROJECT_FIELDS),
        description: checker.long_text("youth_project.description", &details.description, TEXT_MAX),
        budget: checker.whole_number("youth_project.budget", &details.budget, 1, EUROS_MAX),
        contact_given_name: checker.text("youth_project.contact_given_name", &details.contact_given_name, NAME_MAX),
        contact_family_name: checker.text("youth_project.contact_family_name", &details.contact_family_name, NAME_MAX),
        contact_phone,
        contact_email,
    }
}

pub fn check_youth(checker: &mut Checker, youth: &YouthDetails, context: &Context<'_>) -> YouthDetails {
    let call_id = check_call(checker, "youth.call_id", &youth.call_id, false, context);
    let this_year = u64::try_from(context.today.year()).unwrap_or(0);
    YouthDetails {
        call_id,
        school: checker.text("youth.school", &youth.school, NAME_MAX * 2),
        left_school_year: checker.whole_number("youth.left_school_year", &youth.left_school_year, 1950, this_year + 1),
        situation: checker.choice("youth.situation", &youth.situation, &YOUTH_SITUATIONS),
        motivation: checker.long_text("youth.motivation", &youth.motivation, TEXT_MAX),
    }
}

pub fn check_enterprise(checker: &mut Checker, details: &EnterpriseDetails) -> EnterpriseDetails {
    let mut support = Vec::new();
    for (index, wanted) in details.support.iter().enumerate() {
        if ENTERPRISE_SUPPORT.contains(&wanted.as_str()) {
            if !support.contains(wanted) {
                support.push(wanted.clone());
            }
        } else {
            checker.fail(&format!("enterprise.support[{index}]"), Problem::UnknownChoice);
        }
    }
    let investment = checker.whole_number("enterprise.investment_needed", &details.investment_needed, 0, EUROS_MAX);
    let own_funds = checker.whole_number("enterprise.own_funds", &details.own_funds, 0, EUROS_MAX);
    EnterpriseDetails {
        proponents: checker.optional_text("enterprise.proponents", &details.proponents, NAME_MAX * 4),
        business_comune: checker.comune("enterprise.business_comune", &details.business_comune),
        sector: checker.choice("enterprise.sector", &details.sector, &ENTERPRISE_SECTORS),
        stage: checker.choice("enterprise.stage", &details.stage, &ENTERPRISE_STAGES),
        description: checker.long_text("enterprise.description", &details.description, TEXT_MAX),
        market: checker.long_text("enterprise.market", &details.market, TEXT_MAX),
        team_skills: checker.long_text("enterprise.team_skills", &details.team_skills, TEXT_MAX),
        investment_needed: investment,
        own_funds,
        support,
    }
}

/// Quartieri of Bologna and distretti of the Città metropolitana, by id.
pub fn community_areas() -> Vec<(&'static str, &'static str)> {
    let territory = Territory::embedded();
    let quartieri = territory.quartieri.iter().map(|q| (q.id.as_str(), q.name.as_str()));
    let distretti = territory.distretti.iter().filter(|d| d.id != "bologna").map(|d| (d.id.as_str(), d.name.as_str()));
    quartieri.chain(distretti).collect()
}

pub fn check_community(checker: &mut Checker, details: &CommunityDetails, today: Date) -> CommunityDetails {
    let areas: Vec<&str> = community_areas().into_iter().map(|(id, _)| id).collect();
    let starts = checker.date("community.starts_on", &details.starts_on);
    let ends = checker.date("community.ends_on", &details.ends_on);
    if let Some(ends) = ends {
        if starts.is_some_and(|starts| ends < starts) {
            checker.fail("community.ends_on", Problem::BeforeStart);
        } else if ends < today {
            checker.fail("community.ends_on", Problem::PastDate);
        }
    }
    let (contact_phone, contact_email) =
        checker.contact("community.contact_", &details.contact_phone, &details.contact_email);
    CommunityDetails {
        organisation: checker.text("community.organisation", &details.organisation, NAME_MAX * 2),
        organisation_type: checker.choice(
            "community.organisation_type",
            &details.organisation_type,
            &ORGANISATION_TYPES,
        ),
        area: checker.choice("community.area", &details.area, &areas),
        tasks: checker.long_text("community.tasks", &details.tasks, TEXT_MAX),
        hours_per_week: checker.whole_number("community.hours_per_week", &details.hours_per_week, 1, 48),
        starts_on: starts.map(|date| date.to_string()).unwrap_or_default(),
        ends_on: ends.map(|date| date.to_string()).unwrap_or_default(),
        places: checker.whole_number("community.places", &details.places, 1, 100),
        contact_given_name: checker.text("community.contact_given_name", &details.contact_given_name, NAME_MAX),
        contact_family_name: checker.text("community.contact_family_name", &details.contact_family_name, NAME_MAX),
        contact_phone,
        contact_email,
    }
}
