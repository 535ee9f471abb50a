//! Youth calls (avvisi pubblici, channel 3). Each published call may narrow the youth rule: its
//! own age limits, its target, and the days it is open. Source: PON Metro 2014-2020, action
//! 3.3.1.b (calls co-designed from September 2017).

use serde::{Deserialize, Serialize};

use crate::{
    ChannelStatus, Date,
    channels::{Facts, disadvantage, territory_requirement, youth_age_requirement, youth_target_requirement},
    reason::{Outcome, Reason, reason},
};

/// Who a call is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallTarget {
    /// Young people leaving school.
    SchoolLeavers,
    /// Disadvantaged young adults.
    DisadvantagedYoungAdults,
    /// Both of the above.
    YoungPeople,
    /// Organisations proposing projects (schools, firms, associations), not individuals.
    Organisations,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YouthCall {
    pub id: String,
    pub title: String,
    pub min_age: u32,
    pub max_age: u32,
    pub target: CallTarget,
    pub opens_on: Date,
    pub closes_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallResult {
    pub call_id: String,
    pub status: ChannelStatus,
    pub reasons: Vec<Reason>,
}

pub(crate) fn assess_call(facts: &Facts<'_>, call: &YouthCall) -> CallResult {
    let named = || vec![("call", call.title.as_str().into())];
    let mut reasons = vec![territory_requirement(facts)];
    reasons.push(match facts.answers.assessed_on {
        None => reason(
            "call_open",
            Outcome::Missing,
            vec![("call", call.title.as_str().into()), ("closes_on", call.closes_on.into())],
        ),
        Some(day) if day < call.opens_on => reason(
            "call_not_yet_open",
            Outcome::NotMet,
            vec![("call", call.title.as_str().into()), ("opens_on", call.opens_on.into())],
        ),
        Some(day) if day > call.closes_on => reason(
            "call_closed",
            Outcome::NotMet,
            vec![("call", call.title.as_str().into()), ("closes_on", call.closes_on.into())],
        ),
        Some(_) => reason(
            "call_open",
            Outcome::Met,
            vec![("call", call.title.as_str().into()), ("closes_on", call.closes_on.into())],
        ),
    });
    if call.target == CallTarget::Organisations {
        reasons.push(reason("call_for_organisations", Outcome::NotMet, named()));
    } else {
        reasons.push(youth_age_requirement(facts, call.min_age, call.max_age));
        reasons.push(call_target_requirement(facts, call));
    }
    CallResult { call_id: call.id.clone(), status: ChannelStatus::from_reasons(&reasons), reasons }
}

fn call_target_requirement(facts: &Facts<'_>, call: &YouthCall) -> Reason {
    let profile = &facts.answers.profile;
    let named = || vec![("call", call.title.as_str().into())];
    match call.target {
        CallTarget::SchoolLeavers => match profile.school_leaver {
            Some(true) => reason("school_leaver", Outcome::Met, vec![]),
            Some(false) => reason("call_target_school_leavers", Outcome::NotMet, named()),
            None => reason("youth_target_missing", Outcome::Missing, vec![]),
        },
        CallTarget::DisadvantagedYoungAdults => {
            disadvantage(facts).unwrap_or_else(|| reason("call_target_disadvantaged", Outcome::NotMet, named()))
        }
        CallTarget::YoungPeople | CallTarget::Organisations => youth_target_requirement(facts),
    }
}
