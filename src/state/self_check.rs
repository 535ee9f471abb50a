//! The self-check wizard: which steps a person sees given what they answered so far, the order,
//! progress, and the checks on each step's input. Everything here is plain Rust.

use insieme_rules::{
    Answers, ComuneLookup, Date, Instrument, Level, Profile, Territory,
    channels::{MINIMUM_WORKING_AGE, YOUTH_MAXIMUM_AGE},
};
use serde::{Deserialize, Serialize};

/// What the person wants to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Every channel: the full path.
    Everything,
    /// Only self-employment (channel 4): the short path.
    EnterpriseOnly,
}

/// One page of the wizard; each has its own URL `/verifica/<slug>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Intent,
    Comune,
    Age,
    Situation,
    Youth,
    Enterprise,
    /// The fragility items of one area of the instrument (by area id), in parts of at most
    /// [`MAX_ITEMS_PER_STEP`] (0 is the first part).
    Area(String, usize),
    Result,
}

impl Step {
    pub fn slug(&self) -> String {
        match self {
            Self::Intent => "inizio".to_owned(),
            Self::Comune => "comune".to_owned(),
            Self::Age => "eta".to_owned(),
            Self::Situation => "situazione".to_owned(),
            Self::Youth => "giovani".to_owned(),
            Self::Enterprise => "impresa".to_owned(),
            Self::Area(area, 0) => format!("area-{area}"),
            Self::Area(area, part) => format!("area-{area}-{}", part + 1),
            Self::Result => "risultato".to_owned(),
        }
    }

    pub fn from_slug(slug: &str, instrument: &Instrument) -> Option<Self> {
        Some(match slug {
            "inizio" => Self::Intent,
            "comune" => Self::Comune,
            "eta" => Self::Age,
            "situazione" => Self::Situation,
            "giovani" => Self::Youth,
            "impresa" => Self::Enterprise,
            "risultato" => Self::Result,
            other => {
                let area = other.strip_prefix("area-")?;
                // The first part has no number (`area-personal`), the others count from 2.
                let (area, part) = match area.rsplit_once('-') {
                    Some((area, number)) => (area, number.parse::<usize>().ok().filter(|number| *number >= 2)? - 1),
                    None => (area, 0),
                };
                instrument.areas.iter().find(|known| known.id == area)?;
                (part < area_parts(instrument, area)).then_some(())?;
                Self::Area(area.to_owned(), part)
            }
        })
    }

    /// The path of this step in the app.
    pub fn href(&self) -> String {
        format!("/verifica/{}", self.slug())
    }
}

/// Everything the wizard holds: the intent and the answers (which the rules engine reads).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SelfCheck {
    pub intent: Option<Intent>,
    pub answers: Answers,
}

impl SelfCheck {
    /// The steps this person sees, in order, given the answers so far. Questions appear only
    /// when they can matter: the youth questions only at an age that fits, everything after
    /// the comune only inside the territory, only the business questions for the short path.
    pub fn steps(&self, instrument: &Instrument) -> Vec<Step> {
        let mut steps = vec![Step::Intent, Step::Comune];
        if self.is_outside_territory() {
            steps.push(Step::Result);
            return steps;
        }
        if self.intent == Some(Intent::EnterpriseOnly) {
            steps.extend([Step::Enterprise, Step::Result]);
            return steps;
        }
        steps.extend([Step::Age, Step::Situation]);
        if self.age().is_some_and(|age| (MINIMUM_WORKING_AGE..=YOUTH_MAXIMUM_AGE).contains(&age)) {
            steps.push(Step::Youth);
        }
        steps.push(Step::Enterprise);
        for area in &instrument.areas {
            steps.extend((0..area_parts(instrument, &area.id)).map(|part| Step::Area(area.id.clone(), part)));
        }
        steps.push(Step::Result);
        steps
    }

    /// Nothing chosen or answered yet (the day of the assessment does not count).
    pub fn is_empty(&self) -> bool {
        self.intent.is_none() && self.answers.profile == Profile::default() && self.answers.fragility.is_empty()
    }

    fn is_outside_territory(&self) -> bool {
        let comune = self.answers.profile.comune.as_deref();
        comune.is_some_and(|name| {
            matches!(Territory::embedded().lookup_comune(name), ComuneLookup::NotInTerritory { .. })
        })
    }

    pub fn age(&self) -> Option<u32> {
        self.answers.profile.birth_date?.age_on(self.answers.assessed_on?)
    }

    /// The step after `step` (the result when `step` is not on the path any more).
    pub fn next(&self, step: &Step, instrument: &Instrument) -> Step {
        let steps = self.steps(instrument);
        let index = steps.iter().position(|candidate| candidate == step);
        index.and_then(|index| steps.get(index + 1).cloned()).unwrap_or(Step::Result)
    }

    /// The step before `step`, if any.
    pub fn previous(&self, step: &Step, instrument: &Instrument) -> Option<Step> {
        let steps = self.steps(instrument);
        let index = steps.iter().position(|candidate| candidate == step)?;
        index.checked_sub(1).and_then(|previous| steps.get(previous).cloned())
    }

    /// (this step's number, how many steps there are), counting from 1. The total is `None`
    /// while it may still change with an answer to come (the age decides the youth step), so
    /// that the count shown never jumps (issue 14): it is known once the age is, once the path
    /// has no age step (business only, outside the territory), or past the age step (a person
    /// may leave the date out).
    pub fn progress(&self, step: &Step, instrument: &Instrument) -> (usize, Option<usize>) {
        let steps = self.steps(instrument);
        let position = steps.iter().position(|candidate| candidate == step).map_or(steps.len(), |index| index + 1);
        let age_step = steps.iter().position(|candidate| *candidate == Step::Age);
        let settled = match age_step {
            None => true,
            Some(index) => self.age().is_some() || position > index + 1,
        };
        (position, settled.then_some(steps.len()))
    }

    pub fn set_intent(&mut self, intent: Intent) {
        self.intent = Some(intent);
        if intent == Intent::EnterpriseOnly && self.answers.profile.business_idea.is_none() {
            self.answers.profile.business_idea = Some(true);
        }
    }

    /// Sets one fragility item; `None` is "prefer not to answer".
    pub fn set_item(&mut self, item_id: &str, level: Option<Level>) {
        match level {
            Some(level) => {
                self.answers.fragility.insert(item_id.to_owned(), level);
            }
            None => {
                self.answers.fragility.remove(item_id);
            }
        }
    }
}

/// A problem with what was typed on a step, for the error summary and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// The id of the input the message belongs to.
    pub field: &'static str,
    /// The i18n key of the message.
    pub message_key: &'static str,
}

/// Checks a comune as typed: empty is "prefer not to say"; otherwise it must be a comune name
/// (the rules say whether it is in the territory).
pub fn check_comune(typed: &str) -> Result<Option<String>, FieldIssue> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > 60 || trimmed.chars().any(|letter| letter.is_ascii_digit()) {
        return Err(FieldIssue { field: "comune", message_key: "errors.comune_invalid" });
    }
    Ok(Some(trimmed.to_owned()))
}

/// What the comune step makes of a typed name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComuneAnswer {
    /// Nothing typed: "prefer not to say".
    Skipped,
    /// One of the 55 comuni, by its official name.
    Known(String),
    /// Not one of the 55: the close official names to choose from (maybe none). The step goes on
    /// only once the person picks one or confirms they live in the place they typed.
    Unknown { typed: String, suggestions: Vec<String> },
}

/// Reads a typed comune: checked as [`check_comune`], then looked up in the territory.
pub fn understand_comune(typed: &str) -> Result<ComuneAnswer, FieldIssue> {
    let Some(name) = check_comune(typed)? else { return Ok(ComuneAnswer::Skipped) };
    Ok(match Territory::embedded().lookup_comune(&name) {
        ComuneLookup::Found { comune, .. } => ComuneAnswer::Known(comune),
        ComuneLookup::NotInTerritory { suggestions } => ComuneAnswer::Unknown { typed: name, suggestions },
    })
}

/// Checks a date of birth from a date field (`YYYY-MM-DD`); empty is "prefer not to say".
pub fn check_birth_date(typed: &str, today: Date) -> Result<Option<Date>, FieldIssue> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let date: Date =
        trimmed.parse().map_err(|_| FieldIssue { field: "birth_date", message_key: "errors.birth_date_invalid" })?;
    match date.age_on(today) {
        None => Err(FieldIssue { field: "birth_date", message_key: "errors.birth_date_future" }),
        Some(age) if age > 110 => Err(FieldIssue { field: "birth_date", message_key: "errors.birth_date_too_old" }),
        Some(_) => Ok(Some(date)),
    }
}

/// No step asks more than this many fragility items (issue 14: a long page of hard questions
/// loses fragile people); a longer area is split into balanced parts.
pub const MAX_ITEMS_PER_STEP: usize = 5;

/// How many steps the items of `area` take.
pub fn area_parts(instrument: &Instrument, area: &str) -> usize {
    instrument.items.iter().filter(|item| item.area == area).count().div_ceil(MAX_ITEMS_PER_STEP).max(1)
}

/// The items of one part of an area, in the instrument's order (balanced: 11 items are 3, 4, 4).
pub fn items_of_part<'a>(instrument: &'a Instrument, area: &str, part: usize) -> Vec<&'a insieme_rules::Item> {
    let items: Vec<_> = instrument.items.iter().filter(|item| item.area == area).collect();
    let parts = area_parts(instrument, area);
    let (start, end) = (part * items.len() / parts, (part + 1) * items.len() / parts);
    items.get(start..end).map(<[_]>::to_vec).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instrument() -> &'static Instrument {
        Instrument::fragility()
    }

    fn check_with(comune: &str, birth: Option<&str>) -> SelfCheck {
        let mut check = SelfCheck { intent: Some(Intent::Everything), ..SelfCheck::default() };
        check.answers.assessed_on = "2026-11-25".parse().ok();
        check.answers.profile.comune = Some(comune.to_owned());
        check.answers.profile.birth_date = birth.and_then(|text| text.parse().ok());
        check
    }

    #[test]
    fn the_short_path_has_at_most_twelve_screens_and_no_step_more_than_five_items() {
        // shared/spec/budgets.md: at most 12 screens for the short path (the business idea).
        let mut short = check_with("Bologna", Some("2000-01-01"));
        short.set_intent(Intent::EnterpriseOnly);
        assert!(short.steps(instrument()).len() <= 12);
        // Issue 14: no step asks more than five fragility items; every item is asked once.
        let check = check_with("Bologna", Some("2000-01-01"));
        let steps = check.steps(instrument());
        assert!(steps.contains(&Step::Youth));
        assert_eq!(steps.last(), Some(&Step::Result));
        let mut asked = Vec::new();
        for step in &steps {
            if let Step::Area(area, part) = step {
                let items = items_of_part(instrument(), area, *part);
                assert!((1..=MAX_ITEMS_PER_STEP).contains(&items.len()), "{step:?} asks {} items", items.len());
                asked.extend(items.into_iter().map(|item| item.id.clone()));
            }
        }
        let all: Vec<String> = instrument().items.iter().map(|item| item.id.clone()).collect();
        assert_eq!(asked, all, "every item once, in the instrument's order");
        assert_eq!(steps.len(), 15, "{steps:?}");
    }

    #[test]
    fn youth_questions_appear_only_when_the_age_fits() {
        assert!(!check_with("Bologna", Some("1980-01-01")).steps(instrument()).contains(&Step::Youth));
        assert!(!check_with("Bologna", None).steps(instrument()).contains(&Step::Youth));
        assert!(check_with("Bologna", Some("1991-01-01")).steps(instrument()).contains(&Step::Youth));
    }

    #[test]
    fn outside_the_territory_the_path_goes_straight_to_the_result() {
        let check = check_with("Modena", Some("1980-01-01"));
        assert_eq!(check.steps(instrument()), vec![Step::Intent, Step::Comune, Step::Result]);
        assert_eq!(check.next(&Step::Comune, instrument()), Step::Result);
    }

    #[test]
    fn the_business_only_path_is_short_and_assumes_the_idea() {
        let mut check = check_with("Imola", None);
        check.set_intent(Intent::EnterpriseOnly);
        assert_eq!(check.steps(instrument()), vec![Step::Intent, Step::Comune, Step::Enterprise, Step::Result]);
        assert_eq!(check.answers.profile.business_idea, Some(true));
    }

    #[test]
    fn next_previous_and_progress_follow_the_path() {
        let check = check_with("Bologna", Some("1980-01-01"));
        assert_eq!(check.next(&Step::Age, instrument()), Step::Situation);
        assert_eq!(check.previous(&Step::Situation, instrument()), Some(Step::Age));
        assert_eq!(check.previous(&Step::Intent, instrument()), None);
        assert_eq!(check.progress(&Step::Comune, instrument()), (2, Some(14)));
        // A 42-year-old never sees the count change: the youth step is not on their path.
        let unknown_age = check_with("Bologna", None);
        assert_eq!(unknown_age.progress(&Step::Comune, instrument()), (2, None), "the age will decide the youth step");
        assert_eq!(unknown_age.progress(&Step::Age, instrument()), (3, None));
        assert_eq!(unknown_age.progress(&Step::Situation, instrument()), (4, Some(14)), "the date was left out");
        let young = check_with("Bologna", Some("2004-01-01"));
        assert_eq!(young.progress(&Step::Comune, instrument()), (2, Some(15)));
        let mut business = check_with("Imola", None);
        business.set_intent(Intent::EnterpriseOnly);
        assert_eq!(business.progress(&Step::Comune, instrument()), (2, Some(4)));
        // A step that left the path (youth, after the age changed) continues to the result.
        assert_eq!(check.next(&Step::Youth, instrument()), Step::Result);
    }

    #[test]
    fn every_step_has_a_slug_that_reads_back() {
        for step in check_with("Bologna", Some("2000-01-01")).steps(instrument()) {
            assert_eq!(Step::from_slug(&step.slug(), instrument()), Some(step.clone()));
        }
        assert_eq!(Step::from_slug("area-unknown", instrument()), None);
        assert_eq!(Step::from_slug("area-employability-3", instrument()), Some(Step::Area("employability".into(), 2)));
        assert_eq!(Step::from_slug("area-employability-4", instrument()), None, "11 items take 3 steps");
        assert_eq!(Step::from_slug("area-employability-1", instrument()), None, "the first part has no number");
        assert_eq!(Step::from_slug("area-personal-2", instrument()), None);
        assert_eq!(Step::from_slug("nowhere", instrument()), None);
    }

    #[test]
    fn prefer_not_to_answer_removes_an_item() {
        let mut check = SelfCheck::default();
        check.set_item("income", Level::new(3));
        assert_eq!(check.answers.fragility.len(), 1);
        check.set_item("income", None);
        assert!(check.answers.fragility.is_empty());
    }

    #[test]
    fn typed_input_is_checked_with_messages_by_key() {
        let today: Date = "2026-11-25".parse().expect("date");
        assert_eq!(check_birth_date("", today), Ok(None));
        assert_eq!(
            check_birth_date("1990-04-30", today).map(|date| date.map(|date| date.to_string())),
            Ok(Some("1990-04-30".to_owned()))
        );
        assert_eq!(
            check_birth_date("2030-01-01", today).map_err(|issue| issue.message_key),
            Err("errors.birth_date_future")
        );
        assert_eq!(
            check_birth_date("1900-01-01", today).map_err(|issue| issue.message_key),
            Err("errors.birth_date_too_old")
        );
        assert_eq!(
            check_birth_date("30/04/1990", today).map_err(|issue| issue.message_key),
            Err("errors.birth_date_invalid")
        );
        assert_eq!(check_comune("  Imola "), Ok(Some("Imola".to_owned())));
        assert_eq!(check_comune("40121").map_err(|issue| issue.field), Err("comune"));
    }

    #[test]
    fn a_comune_is_known_by_its_official_name_or_waits_for_a_choice() {
        assert_eq!(understand_comune(" "), Ok(ComuneAnswer::Skipped));
        assert_eq!(
            understand_comune("san lazzaro di savena"),
            Ok(ComuneAnswer::Known("San Lazzaro di Savena".to_owned()))
        );
        assert_eq!(
            understand_comune("Casalecchio"),
            Ok(ComuneAnswer::Unknown {
                typed: "Casalecchio".to_owned(),
                suggestions: vec!["Casalecchio di Reno".to_owned()]
            })
        );
        assert_eq!(
            understand_comune("Firenze"),
            Ok(ComuneAnswer::Unknown { typed: "Firenze".to_owned(), suggestions: Vec::new() })
        );
    }
}
