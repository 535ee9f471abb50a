//! What a person (or an operator with them) answered. Every field may be absent: absence means
//! "not answered" and is data, never an error. Raw JSON is parsed and checked once, here at the
//! edge; errors name the field with its path (`profile.birth_date`, `fragility.debt`).

use std::{collections::BTreeMap, fmt};

use serde::{Deserialize, Serialize};

use crate::{Date, DateError, Instrument, Territory};

/// A level of an item, 0..=3 (the points it gives).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Level(u8);

impl Level {
    pub const MAX: u8 = 3;

    /// The level, if `points` is on the scale 0..=3.
    pub fn new(points: u8) -> Option<Self> {
        (points <= Self::MAX).then_some(Self(points))
    }

    pub fn points(self) -> u8 {
        self.0
    }
}

/// The person's situation, as far as the rules need it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub birth_date: Option<Date>,
    /// The comune of domicile as typed; matched forgivingly against the territory.
    pub comune: Option<String>,
    /// For Bologna: the Quartiere id (`navile`, `savena`, ...).
    pub quartiere: Option<String>,
    pub in_active_labour_measure: Option<bool>,
    pub school_leaver: Option<bool>,
    pub disadvantaged: Option<bool>,
    pub business_idea: Option<bool>,
}

/// Everything the engine reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    /// The day the assessment is made; the engine has no clock.
    pub assessed_on: Option<Date>,
    pub profile: Profile,
    /// Item id -> level. Items not in the map are unanswered (including "prefer not to say").
    pub fragility: BTreeMap<String, Level>,
}

/// One problem with the input, naming the field by its path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    pub field: String,
    /// A stable code for programs: `malformed_json`, `wrong_type`, `unknown_field`, `missing`,
    /// `format`, `impossible_date`, `future_date`, `unknown_choice`, `unknown_item`,
    /// `out_of_range`.
    pub code: &'static str,
    /// A sentence for people reading the command line's output.
    pub problem: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.field, self.problem)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswers {
    assessed_on: Option<String>,
    #[serde(default)]
    profile: RawProfile,
    #[serde(default)]
    fragility: BTreeMap<String, Option<i64>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    birth_date: Option<String>,
    comune: Option<String>,
    quartiere: Option<String>,
    in_active_labour_measure: Option<bool>,
    school_leaver: Option<bool>,
    disadvantaged: Option<bool>,
    business_idea: Option<bool>,
}

impl Answers {
    /// Parses answers from JSON and checks them against `instrument` and the territory.
    /// All problems are reported, each with its field path.
    pub fn from_json(text: &str, instrument: &Instrument) -> Result<Self, Vec<InputError>> {
        let deserializer = &mut serde_json::Deserializer::from_str(text);
        #[cfg(feature = "field-paths")]
        let raw: RawAnswers = serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let path = error.path().to_string();
            vec![input_error(path, &error.into_inner())]
        })?;
        // Without the path tracker (the browser) a problem names the whole document.
        #[cfg(not(feature = "field-paths"))]
        let raw: RawAnswers =
            serde::Deserialize::deserialize(deserializer).map_err(|error| vec![input_error(".".to_owned(), &error)])?;
        from_raw(raw, instrument)
    }

    /// Reads answers this program wrote itself (a draft saved on the device) and checks them
    /// like [`Answers::from_json`], without tracking field paths: nobody reads the errors, any
    /// of them means the draft is dropped. Keeps the path tracker out of the browser's code.
    pub fn from_saved_json(text: &str, instrument: &Instrument) -> Option<Self> {
        from_raw(serde_json::from_str(text).ok()?, instrument).ok()
    }

    /// Reads answers saved on a device by an earlier version (issue 11: migrated, never silently
    /// dropped): an answer that no longer fits (an item the instrument dropped, a level out of
    /// range, a Quartiere or a date that no longer reads) is left out and the rest kept. Gives
    /// the answers and how many were left out; `None` when the text is not answers at all.
    pub fn from_saved_json_keeping_what_fits(text: &str, instrument: &Instrument) -> Option<(Self, usize)> {
        let (answers, left_out) = read_raw(serde_json::from_str(text).ok()?, instrument);
        Some((answers, left_out.len()))
    }
}

/// The problem of a document serde could not read, at `path` (`.` or `?`: the whole document).
fn input_error(path: String, error: &serde_json::Error) -> InputError {
    let malformed = error.is_syntax() || error.is_eof();
    let whole_document = malformed || path == "." || path == "?";
    let field = if whole_document { "(document)".to_owned() } else { path };
    let message = plain_serde_message(&error.to_string());
    let code = if malformed {
        "malformed_json"
    } else if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("missing field") {
        "missing"
    } else {
        "wrong_type"
    };
    InputError { field, code, problem: message }
}

/// serde_json appends " at line L column C"; the field path already says where.
fn plain_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

fn from_raw(raw: RawAnswers, instrument: &Instrument) -> Result<Answers, Vec<InputError>> {
    let (answers, errors) = read_raw(raw, instrument);
    if errors.is_empty() { Ok(answers) } else { Err(errors) }
}

/// The answers of `raw` that fit `instrument` and the territory, and the problem of each
/// value left out.
fn read_raw(raw: RawAnswers, instrument: &Instrument) -> (Answers, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut date = |field: &str, text: Option<String>| match text.map(|text| text.parse::<Date>()) {
        Some(Ok(date)) => Some(date),
        Some(Err(error)) => {
            let code = if error == DateError::Impossible { "impossible_date" } else { "format" };
            errors.push(InputError { field: field.to_owned(), code, problem: error.to_string() });
            None
        }
        None => None,
    };
    let assessed_on = date("assessed_on", raw.assessed_on);
    let mut birth_date = date("profile.birth_date", raw.profile.birth_date);
    if let (Some(birth), Some(on)) = (birth_date, assessed_on)
        && birth > on
    {
        birth_date = None;
        errors.push(InputError {
            field: "profile.birth_date".to_owned(),
            code: "future_date",
            problem: "the date of birth is after the day of the assessment".to_owned(),
        });
    }
    let mut quartiere = raw.profile.quartiere;
    if let Some(unknown) = quartiere.take_if(|id| !Territory::embedded().quartieri.iter().any(|known| &known.id == id))
    {
        errors.push(InputError {
            field: "profile.quartiere".to_owned(),
            code: "unknown_choice",
            problem: format!("unknown Quartiere {unknown:?}"),
        });
    }
    let mut fragility = BTreeMap::new();
    for (item_id, level) in raw.fragility {
        let field = format!("fragility.{item_id}");
        if instrument.item(&item_id).is_none() {
            errors.push(InputError {
                field,
                code: "unknown_item",
                problem: format!("unknown item of instrument {} {}", instrument.id, instrument.version),
            });
            continue;
        }
        let Some(level) = level else { continue };
        match u8::try_from(level).ok().and_then(Level::new) {
            Some(level) => {
                fragility.insert(item_id, level);
            }
            None => errors.push(InputError {
                field,
                code: "out_of_range",
                problem: format!("level {level} is outside 0..=3"),
            }),
        }
    }
    let comune = raw.profile.comune.filter(|comune| !comune.trim().is_empty());
    let answers = Answers {
        assessed_on,
        profile: Profile {
            birth_date,
            comune,
            quartiere,
            in_active_labour_measure: raw.profile.in_active_labour_measure,
            school_leaver: raw.profile.school_leaver,
            disadvantaged: raw.profile.disadvantaged,
            business_idea: raw.profile.business_idea,
        },
        fragility,
    };
    (answers, errors)
}

#[cfg(test)]
mod tests {
    use super::Answers;
    use crate::Instrument;

    #[test]
    fn answers_saved_by_an_earlier_version_keep_what_still_fits() {
        let instrument = Instrument::fragility();
        // An item the instrument no longer has, a level out of range, a Quartiere renamed.
        let older = r#"{"assessed_on":"2026-01-10","profile":{"comune":"Bologna","quartiere":"old-name"},
            "fragility":{"income":3,"retired_item":2,"debt":9,"housing":1}}"#;
        assert_eq!(Answers::from_saved_json(older, instrument), None, "the strict reader refuses it");
        let (answers, left_out) = Answers::from_saved_json_keeping_what_fits(older, instrument).expect("migrated");
        assert_eq!(left_out, 3);
        assert_eq!(answers.profile.comune.as_deref(), Some("Bologna"));
        assert_eq!(answers.profile.quartiere, None);
        let kept: Vec<&str> = answers.fragility.keys().map(String::as_str).collect();
        assert_eq!(kept, ["housing", "income"]);
        let (_, none_left_out) =
            Answers::from_saved_json_keeping_what_fits(r#"{"fragility":{"income":1}}"#, instrument).expect("reads");
        assert_eq!(none_left_out, 0);
        assert!(Answers::from_saved_json_keeping_what_fits("[1,2]", instrument).is_none(), "not answers at all");
    }
}
