//! `assess`: answers in, a complete and explained assessment out. Pure and total: any `Answers`
//! gives an `Assessment`; what is missing is listed, never an error.

use serde::{Deserialize, Serialize};

use crate::{
    Answers, ComuneLookup, Date, FragilityResult, Instrument,
    calls::{CallResult, YouthCall, assess_call},
    channels::{ChannelResult, Facts, all_channels},
    fragility::score,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub assessed_on: Option<Date>,
    /// Age in whole years on `assessed_on`, when both dates are known.
    pub age: Option<u32>,
    /// The comune as matched against the territory, when one was given.
    pub comune: Option<ComuneLookup>,
    pub fragility: FragilityResult,
    /// The four channels in the programme's order: community, fragility, youth, enterprise.
    pub channels: Vec<ChannelResult>,
    /// One result per youth call given to [`assess_with_calls`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<CallResult>,
}

/// Assesses `answers` with `instrument` for the four channels.
pub fn assess(answers: &Answers, instrument: &Instrument) -> Assessment {
    assess_with_calls(answers, instrument, &[])
}

/// Assesses `answers` for the four channels and, in addition, for each published youth call.
pub fn assess_with_calls(answers: &Answers, instrument: &Instrument, calls: &[YouthCall]) -> Assessment {
    let fragility = score(&answers.fragility, instrument);
    let facts = Facts::new(answers, &fragility);
    let channels = all_channels(&facts);
    let calls = calls.iter().map(|call| assess_call(&facts, call)).collect();
    Assessment {
        assessed_on: answers.assessed_on,
        age: facts.age,
        comune: facts.comune.clone(),
        channels,
        calls,
        fragility,
    }
}
