//! Scoring an instrument: the sum of the answered levels, what is missing, the highest total
//! the missing items could still give, and whether the threshold is (or can still be) reached.
//!
//! Source: the programme text for channel 2 ("chi avrà ottenuto un punteggio uguale o superiore
//! a 11 sosterrà un secondo colloquio"); instrument areas from L.R. Emilia-Romagna 14/2015 and
//! DGR 191/2016; the uniform 0-3 scale is our provisional operationalisation (see the
//! instrument file).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Date, Instrument, Level, Status};

/// The score of one instrument on one set of answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FragilityResult {
    pub instrument_id: String,
    pub instrument_version: String,
    pub instrument_status: Status,
    /// The date from which this instrument version applies, and the law it is based on.
    pub instrument_valid_from: Date,
    pub legal_basis: Vec<String>,
    /// Sum of the answered levels.
    pub total: u32,
    /// `total` + 3 for every unanswered item.
    pub max_possible: u32,
    /// Points per area, for the areas with at least one answered item.
    pub by_area: BTreeMap<String, u32>,
    /// Every area in instrument order, with what is answered and what could still come.
    pub areas: Vec<AreaScore>,
    /// Unanswered item ids, in instrument order.
    pub missing: Vec<String>,
    pub answered: u32,
    /// total >= threshold: a second, in-depth interview follows.
    pub second_interview: bool,
    /// max_possible >= threshold: the missing answers could still lead to it.
    pub second_interview_possible: bool,
    pub threshold: u32,
    pub threshold_source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaScore {
    pub area: String,
    pub points: u32,
    /// Highest points the area can give (3 per item).
    pub max_points: u32,
    pub answered: u32,
    pub missing: u32,
}

/// Scores `levels` (item id -> level) with `instrument`. Ids the instrument does not know are
/// ignored (the input edge has already refused them).
pub fn score(levels: &BTreeMap<String, Level>, instrument: &Instrument) -> FragilityResult {
    let top = u32::from(Level::MAX);
    let mut total = 0;
    let mut missing = Vec::new();
    let mut areas: Vec<AreaScore> = instrument
        .areas
        .iter()
        .map(|area| AreaScore { area: area.id.clone(), points: 0, max_points: 0, answered: 0, missing: 0 })
        .collect();
    for item in &instrument.items {
        let area = areas.iter_mut().find(|area| area.area == item.area);
        let answer = levels.get(&item.id).map(|level| u32::from(level.points()));
        match answer {
            Some(points) => total += points,
            None => missing.push(item.id.clone()),
        }
        if let Some(area) = area {
            area.max_points += top;
            match answer {
                Some(points) => {
                    area.points += points;
                    area.answered += 1;
                }
                None => area.missing += 1,
            }
        }
    }
    let max_possible = total + top * missing.len() as u32;
    let by_area = areas.iter().filter(|area| area.answered > 0).map(|area| (area.area.clone(), area.points)).collect();
    FragilityResult {
        instrument_id: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        instrument_status: instrument.status,
        instrument_valid_from: instrument.valid_from,
        legal_basis: instrument.legal_basis.clone(),
        total,
        max_possible,
        by_area,
        areas,
        answered: (instrument.items.len() - missing.len()) as u32,
        missing,
        second_interview: total >= instrument.threshold,
        second_interview_possible: max_possible >= instrument.threshold,
        threshold: instrument.threshold,
        threshold_source: instrument.threshold_source.clone(),
    }
}
