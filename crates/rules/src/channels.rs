//! The four access channels of the programme and the rules that decide each one.
//!
//! Precedence, for every channel (programme specification, section 3): `not_eligible` when any
//! requirement that can be decided fails, even if other answers are missing; otherwise
//! `to_be_assessed` when a needed answer is missing; otherwise `eligible`.

use serde::{Deserialize, Serialize};

use crate::{
    Answers, ComuneLookup, FragilityResult, Territory,
    reason::{Outcome, Param, Reason, reason},
};

/// Minimum working age in Italy. Source: L. 296/2006, art. 1, c. 622.
pub const MINIMUM_WORKING_AGE: u32 = 16;
/// Youth projects are for young people "fino a 35 anni": the 36th birthday excludes.
/// Source: PON Metro 2014-2020, action 3.3.1.b, as applied by the programme's calls.
pub const YOUTH_MAXIMUM_AGE: u32 = 35;

/// The access channels, in the programme's numbering (1 to 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Community,
    Fragility,
    Youth,
    Enterprise,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Community, Channel::Fragility, Channel::Youth, Channel::Enterprise];

    /// The code the data files, the wire and the texts use (`fragility`).
    pub fn code(self) -> &'static str {
        match self {
            Channel::Community => "community",
            Channel::Fragility => "fragility",
            Channel::Youth => "youth",
            Channel::Enterprise => "enterprise",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|channel| channel.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelStatus {
    Eligible,
    NotEligible,
    ToBeAssessed,
}

impl ChannelStatus {
    /// The status the reasons lead to, by the precedence above.
    pub fn from_reasons(reasons: &[Reason]) -> Self {
        if reasons.iter().any(|reason| reason.outcome == Outcome::NotMet) {
            Self::NotEligible
        } else if reasons.iter().any(|reason| reason.outcome == Outcome::Missing) {
            Self::ToBeAssessed
        } else {
            Self::Eligible
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelResult {
    pub channel: Channel,
    pub status: ChannelStatus,
    pub reasons: Vec<Reason>,
}

impl ChannelResult {
    /// A channel decided by a failed requirement lists only what failed: answers still missing,
    /// requirements met and notes on what would come next matter only to someone for whom the
    /// channel is open (a 42-year-old is not told they count as a disadvantaged young adult).
    fn new(channel: Channel, reasons: Vec<Reason>) -> Self {
        let status = ChannelStatus::from_reasons(&reasons);
        let reasons = if status == ChannelStatus::NotEligible {
            reasons.into_iter().filter(|reason| reason.outcome == Outcome::NotMet).collect()
        } else {
            reasons
        };
        Self { channel, status, reasons }
    }
}

/// What the rules know about the person, derived once from the answers.
pub(crate) struct Facts<'a> {
    pub answers: &'a Answers,
    pub comune: Option<ComuneLookup>,
    pub age: Option<u32>,
    pub fragility: &'a FragilityResult,
}

impl<'a> Facts<'a> {
    pub fn new(answers: &'a Answers, fragility: &'a FragilityResult) -> Self {
        let comune = answers.profile.comune.as_deref().map(|name| Territory::embedded().lookup_comune(name));
        let age = match (answers.profile.birth_date, answers.assessed_on) {
            (Some(birth), Some(on)) => birth.age_on(on),
            _ => None,
        };
        Self { answers, comune, age, fragility }
    }
}

pub(crate) fn all_channels(facts: &Facts<'_>) -> Vec<ChannelResult> {
    Channel::ALL
        .iter()
        .map(|channel| match channel {
            Channel::Community => community(facts),
            Channel::Fragility => fragility(facts),
            Channel::Youth => youth(facts),
            Channel::Enterprise => enterprise(facts),
        })
        .collect()
}

/// Domicile in one of the 55 comuni of the Città metropolitana di Bologna.
/// Source: programme requirements (Interreg Europe good-practice page).
pub(crate) fn territory_requirement(facts: &Facts<'_>) -> Reason {
    let typed = facts.answers.profile.comune.clone().unwrap_or_default();
    match &facts.comune {
        None => reason("comune_missing", Outcome::Missing, vec![]),
        Some(ComuneLookup::Found { comune, distretto_id }) => {
            let distretto =
                Territory::embedded().distretto(distretto_id).map(|found| found.name.clone()).unwrap_or_default();
            reason(
                "domiciled_in_territory",
                Outcome::Met,
                vec![
                    ("comune", comune.as_str().into()),
                    ("distretto", distretto.into()),
                    ("distretto_id", distretto_id.as_str().into()),
                ],
            )
        }
        Some(ComuneLookup::NotInTerritory { suggestions }) => reason(
            "not_in_territory",
            Outcome::NotMet,
            vec![("comune", typed.into()), ("suggestions", suggestions.clone().into())],
        ),
    }
}

/// At least the minimum working age, for every channel (programme specification, section 3).
/// Source: L. 296/2006, art. 1, c. 622.
fn working_age_requirement(facts: &Facts<'_>) -> Reason {
    let params = |age: u32| vec![("age", age.into()), ("minimum", MINIMUM_WORKING_AGE.into())];
    match facts.age {
        None => reason("age_missing", Outcome::Missing, vec![]),
        Some(age) if age >= MINIMUM_WORKING_AGE => reason("working_age", Outcome::Met, params(age)),
        Some(age) => reason("under_working_age", Outcome::NotMet, params(age)),
    }
}

fn found_comune<'f>(facts: &'f Facts<'_>) -> Option<(&'f str, &'f str)> {
    match &facts.comune {
        Some(ComuneLookup::Found { comune, distretto_id }) => Some((comune, distretto_id)),
        _ => None,
    }
}

/// Channel 2: fragility profile. Requirements: domicile, no active labour-policy measure, age
/// at least 16. The score decides the second interview, not eligibility.
fn fragility(facts: &Facts<'_>) -> ChannelResult {
    let mut reasons = vec![territory_requirement(facts)];
    reasons.push(match facts.answers.profile.in_active_labour_measure {
        None => reason("active_labour_measure_missing", Outcome::Missing, vec![]),
        Some(true) => reason("in_active_labour_measure", Outcome::NotMet, vec![]),
        Some(false) => reason("not_in_active_labour_measure", Outcome::Met, vec![]),
    });
    reasons.push(working_age_requirement(facts));
    let score = facts.fragility;
    let score_params = || {
        vec![
            ("total", Param::from(score.total)),
            ("threshold", Param::from(score.threshold)),
            ("max_possible", Param::from(score.max_possible)),
        ]
    };
    reasons.push(if score.second_interview {
        reason("second_interview_reached", Outcome::Info, score_params())
    } else if score.second_interview_possible && !score.missing.is_empty() {
        reason("second_interview_open", Outcome::Info, score_params())
    } else {
        reason("second_interview_not_reached", Outcome::Info, score_params())
    });
    ChannelResult::new(Channel::Fragility, reasons)
}

/// The target of the youth channel: school leavers or disadvantaged young adults. It is met when
/// either flag is true or the fragility total reaches the threshold; it fails when both flags
/// are false and the threshold can no longer be reached; otherwise it is still open.
pub(crate) fn youth_target_requirement(facts: &Facts<'_>) -> Reason {
    let school_leaver = facts.answers.profile.school_leaver;
    if school_leaver == Some(true) {
        return reason("school_leaver", Outcome::Met, vec![]);
    }
    match disadvantage(facts) {
        Some(met) if met.outcome == Outcome::Met => met,
        None if school_leaver == Some(false) => reason("no_youth_target", Outcome::NotMet, vec![]),
        _ => reason("youth_target_missing", Outcome::Missing, vec![]),
    }
}

/// Whether the person is a disadvantaged young adult: `Some` with a met or missing reason, or
/// `None` when the answers rule it out. A fragility total at the threshold counts as disadvantage
/// (our rule, provisional: source `ours_youth_disadvantage`).
pub(crate) fn disadvantage(facts: &Facts<'_>) -> Option<Reason> {
    let score = facts.fragility;
    if facts.answers.profile.disadvantaged == Some(true) {
        Some(reason("disadvantaged", Outcome::Met, vec![]))
    } else if score.second_interview {
        Some(reason(
            "disadvantaged_by_fragility",
            Outcome::Met,
            vec![("total", score.total.into()), ("threshold", score.threshold.into())],
        ))
    } else if facts.answers.profile.disadvantaged == Some(false) && !score.second_interview_possible {
        None
    } else {
        Some(reason("youth_target_missing", Outcome::Missing, vec![]))
    }
}

pub(crate) fn youth_age_requirement(facts: &Facts<'_>, minimum: u32, maximum: u32) -> Reason {
    let range = |age: u32| vec![("age", age.into()), ("minimum", minimum.into()), ("maximum", maximum.into())];
    match facts.age {
        None => reason("age_missing", Outcome::Missing, vec![]),
        Some(age) if (minimum..=maximum).contains(&age) => reason("youth_age_in_range", Outcome::Met, range(age)),
        Some(age) => reason("youth_age_out_of_range", Outcome::NotMet, range(age)),
    }
}

/// Channel 3: projects with territory, schools and firms (PON Metro 3.3.1.b), for school
/// leavers and disadvantaged young adults from 16 to 35.
fn youth(facts: &Facts<'_>) -> ChannelResult {
    let reasons = vec![
        territory_requirement(facts),
        youth_age_requirement(facts, MINIMUM_WORKING_AGE, YOUTH_MAXIMUM_AGE),
        youth_target_requirement(facts),
    ];
    ChannelResult::new(Channel::Youth, reasons)
}

/// Channel 4: self-employment, for people of working age with a business idea; names the SUAP
/// desk of the comune and the partner services.
fn enterprise(facts: &Facts<'_>) -> ChannelResult {
    let mut reasons = vec![territory_requirement(facts), working_age_requirement(facts)];
    reasons.push(match facts.answers.profile.business_idea {
        None => reason("business_idea_missing", Outcome::Missing, vec![]),
        Some(false) => reason("no_business_idea", Outcome::NotMet, vec![]),
        Some(true) => reason("business_idea", Outcome::Met, vec![]),
    });
    if let Some((comune, _)) = found_comune(facts) {
        reasons.push(reason("suap_desk", Outcome::Info, vec![("comune", comune.into())]));
        for code in ["partner_camera_di_commercio", "partner_incredibol", "partner_aster"] {
            reasons.push(reason(code, Outcome::Info, vec![]));
        }
    }
    ChannelResult::new(Channel::Enterprise, reasons)
}

/// Channel 1: community work for people of working age, through the network of the person's
/// Quartiere (Bologna) or distretto.
fn community(facts: &Facts<'_>) -> ChannelResult {
    let mut reasons = vec![territory_requirement(facts), working_age_requirement(facts)];
    if let Some((comune, distretto_id)) = found_comune(facts) {
        let territory = Territory::embedded();
        let quartiere = facts
            .answers
            .profile
            .quartiere
            .as_deref()
            .and_then(|id| territory.quartieri.iter().find(|quartiere| quartiere.id == id));
        reasons.push(match (comune == "Bologna", quartiere) {
            (true, Some(quartiere)) => reason(
                "community_network_quartiere",
                Outcome::Info,
                vec![("quartiere", quartiere.name.as_str().into()), ("quartiere_id", quartiere.id.as_str().into())],
            ),
            (true, None) => reason("community_network_bologna", Outcome::Info, vec![]),
            (false, _) => {
                let distretto = territory.distretto(distretto_id).map(|found| found.name.clone()).unwrap_or_default();
                reason(
                    "community_network_distretto",
                    Outcome::Info,
                    vec![("distretto", distretto.into()), ("distretto_id", distretto_id.into())],
                )
            }
        });
    }
    ChannelResult::new(Channel::Community, reasons)
}
