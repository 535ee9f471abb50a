//! Assessment instruments as data: the fragility profile (channel 2) and the sustainability grid
//! (channel 4). An instrument is parsed from JSON (or TOML with the `toml` feature) and
//! validated before use; validation errors name the item and the field.

use std::{collections::BTreeSet, fmt, sync::OnceLock};

use serde::{Deserialize, Serialize};

use crate::{Date, Status, data::Data};

static FRAGILITY_2016: Data = include!(concat!(env!("OUT_DIR"), "/fragility-2016.rs"));
static SUSTAINABILITY_2026: Data = include!(concat!(env!("OUT_DIR"), "/sustainability-2026.rs"));

/// The points of one level of the scale; every item uses the same scale 0..=3.
pub const SCALE_POINTS: [u8; 4] = [0, 1, 2, 3];

/// A validated instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Instrument {
    pub id: String,
    pub version: String,
    pub valid_from: Date,
    pub status: Status,
    /// Total at or above which the instrument's consequence applies (fragility: the second
    /// interview, 11 according to the programme text).
    pub threshold: u32,
    pub threshold_source: String,
    pub legal_basis: Vec<String>,
    pub scale: Vec<ScalePoint>,
    pub areas: Vec<Area>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalePoint {
    pub points: u8,
    pub it: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub it: String,
    pub en: String,
    #[serde(default)]
    pub lr14_dimension: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub area: String,
    /// Health-related (GDPR art. 9): asked only with explicit consent, always declinable.
    pub sensitive: bool,
    pub it: String,
    pub en: String,
    pub levels_it: Vec<String>,
    pub levels_en: Vec<String>,
}

/// One problem found while validating an instrument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstrumentError {
    /// The item (or area) concerned, when the problem is inside one.
    pub item: Option<String>,
    pub field: String,
    pub problem: String,
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(formatter, "item {item:?}, field {}: {}", self.field, self.problem),
            None => write!(formatter, "field {}: {}", self.field, self.problem),
        }
    }
}

#[derive(Deserialize)]
struct RawInstrumentFile {
    instrument: Option<RawHeader>,
    #[serde(default, rename = "area")]
    areas: Vec<RawArea>,
    #[serde(default, rename = "item")]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
struct RawHeader {
    id: Option<String>,
    version: Option<String>,
    valid_from: Option<String>,
    status: Option<Status>,
    second_interview_threshold: Option<u32>,
    threshold_source: Option<String>,
    #[serde(default)]
    legal_basis: Vec<String>,
    #[serde(default)]
    scale: Vec<ScalePoint>,
}

#[derive(Deserialize)]
struct RawArea {
    id: Option<String>,
    it: Option<String>,
    en: Option<String>,
    lr14_dimension: Option<String>,
}

#[derive(Deserialize)]
struct RawItem {
    id: Option<String>,
    area: Option<String>,
    #[serde(default)]
    sensitive: bool,
    it: Option<String>,
    en: Option<String>,
    levels_it: Option<Vec<String>>,
    levels_en: Option<Vec<String>>,
}

impl Instrument {
    /// The default fragility instrument shipped with this build (2016-provisional-1).
    pub fn fragility() -> &'static Instrument {
        static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();
        INSTRUMENT.get_or_init(|| from_data(&FRAGILITY_2016))
    }

    /// The sustainability grid of channel 4 shipped with this build (provisional).
    pub fn sustainability() -> &'static Instrument {
        static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();
        INSTRUMENT.get_or_init(|| from_data(&SUSTAINABILITY_2026))
    }

    /// The built-in instrument with this id and version, to recompute an old assessment.
    pub fn builtin(id: &str, version: &str) -> Option<&'static Instrument> {
        [Self::fragility(), Self::sustainability()]
            .into_iter()
            .find(|instrument| instrument.id == id && instrument.version == version)
    }

    /// Parses and validates an instrument from JSON of the same shape as the TOML data files.
    pub fn from_json(text: &str) -> Result<Self, Vec<InstrumentError>> {
        let raw: RawInstrumentFile = serde_json::from_str(text).map_err(|error| {
            vec![InstrumentError { item: None, field: "(document)".to_owned(), problem: error.to_string() }]
        })?;
        validate(raw)
    }

    /// Parses and validates an instrument from TOML, as in `data/fragility-2016.toml`.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Self, Vec<InstrumentError>> {
        let value: toml::Value = toml::from_str(text).map_err(|error| {
            vec![InstrumentError { item: None, field: "(document)".to_owned(), problem: error.to_string() }]
        })?;
        Self::from_json(&crate::toml_json::to_json(value).to_string())
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The highest total this instrument can give.
    pub fn max_total(&self) -> u32 {
        self.items.len() as u32 * u32::from(SCALE_POINTS[SCALE_POINTS.len() - 1])
    }
}

/// An embedded instrument, read without validation: a test checks that each reads exactly as
/// [`Instrument::from_json`] reads and validates the same file.
fn from_data(file: &Data) -> Instrument {
    let empty = Data::Table(&[]);
    let header = file.field("instrument").unwrap_or(&empty);
    let texts = |data: &Data| (data.text("it"), data.text("en"));
    Instrument {
        id: header.text("id"),
        version: header.text("version"),
        valid_from: header.date("valid_from"),
        status: header.status("status"),
        threshold: header.integer("second_interview_threshold") as u32,
        threshold_source: header.text("threshold_source"),
        legal_basis: header.texts("legal_basis"),
        scale: header
            .list("scale")
            .iter()
            .map(|point| {
                let (it, en) = texts(point);
                ScalePoint { points: point.integer("points") as u8, it, en }
            })
            .collect(),
        areas: file
            .list("area")
            .iter()
            .map(|area| {
                let (it, en) = texts(area);
                Area {
                    id: area.text("id"),
                    it,
                    en,
                    lr14_dimension: area.optional_text("lr14_dimension").map(str::to_owned),
                }
            })
            .collect(),
        items: file
            .list("item")
            .iter()
            .map(|item| {
                let (it, en) = texts(item);
                Item {
                    id: item.text("id"),
                    area: item.text("area"),
                    sensitive: item.boolean("sensitive"),
                    it,
                    en,
                    levels_it: item.texts("levels_it"),
                    levels_en: item.texts("levels_en"),
                }
            })
            .collect(),
    }
}

fn validate(raw: RawInstrumentFile) -> Result<Instrument, Vec<InstrumentError>> {
    let mut errors = Vec::new();
    let mut problem = |item: Option<&str>, field: &str, text: &str| {
        errors.push(InstrumentError {
            item: item.map(str::to_owned),
            field: field.to_owned(),
            problem: text.to_owned(),
        });
    };
    let Some(header) = raw.instrument else {
        problem(None, "instrument", "the [instrument] table is missing");
        return Err(errors);
    };
    let id = header.id.unwrap_or_default();
    if id.trim().is_empty() {
        problem(None, "instrument.id", "missing");
    }
    let version = header.version.unwrap_or_default();
    if version.trim().is_empty() {
        problem(None, "instrument.version", "missing");
    }
    let valid_from = match header.valid_from.as_deref().map(str::parse::<Date>) {
        Some(Ok(date)) => Some(date),
        Some(Err(error)) => {
            problem(None, "instrument.valid_from", &error.to_string());
            None
        }
        None => {
            problem(None, "instrument.valid_from", "missing");
            None
        }
    };
    if header.status.is_none() {
        problem(None, "instrument.status", "missing (provisional or verified)");
    }
    if header.second_interview_threshold.is_none() {
        problem(None, "instrument.second_interview_threshold", "missing");
    }
    let scale_ok = header.scale.len() == SCALE_POINTS.len()
        && header.scale.iter().zip(SCALE_POINTS).all(|(point, expected)| point.points == expected);
    if !scale_ok {
        problem(None, "instrument.scale", "must have exactly the points 0, 1, 2, 3 in order");
    }
    let mut area_ids = BTreeSet::new();
    for area in &raw.areas {
        let area_id = area.id.as_deref().unwrap_or_default();
        if area_id.is_empty() {
            problem(None, "area.id", "missing");
        } else if !area_ids.insert(area_id.to_owned()) {
            problem(Some(area_id), "area.id", "duplicate area id");
        }
        for (field, text) in [("it", &area.it), ("en", &area.en)] {
            if text.as_deref().unwrap_or_default().trim().is_empty() {
                problem(Some(area_id), &format!("area.{field}"), "missing");
            }
        }
    }
    if raw.items.is_empty() {
        problem(None, "item", "an instrument needs at least one item");
    }
    let mut item_ids = BTreeSet::new();
    for item in &raw.items {
        let item_id = item.id.as_deref().unwrap_or_default();
        if item_id.is_empty() {
            problem(None, "item.id", "missing");
        } else if !item_ids.insert(item_id.to_owned()) {
            problem(Some(item_id), "id", "duplicate item id");
        }
        match item.area.as_deref() {
            None => problem(Some(item_id), "area", "missing"),
            Some(area) if !area_ids.contains(area) => problem(Some(item_id), "area", &format!("unknown area {area:?}")),
            Some(_) => {}
        }
        for (field, text) in [("it", &item.it), ("en", &item.en)] {
            if text.as_deref().unwrap_or_default().trim().is_empty() {
                problem(Some(item_id), field, "missing");
            }
        }
        for (field, levels) in [("levels_it", &item.levels_it), ("levels_en", &item.levels_en)] {
            match levels {
                None => problem(Some(item_id), field, "missing"),
                Some(levels) if levels.len() != SCALE_POINTS.len() => problem(
                    Some(item_id),
                    field,
                    &format!("needs exactly {} levels, one per scale point, has {}", SCALE_POINTS.len(), levels.len()),
                ),
                Some(levels) if levels.iter().any(|level| level.trim().is_empty()) => {
                    problem(Some(item_id), field, "a level has no text")
                }
                Some(_) => {}
            }
        }
    }
    let (true, Some(valid_from), Some(status), Some(threshold)) =
        (errors.is_empty(), valid_from, header.status, header.second_interview_threshold)
    else {
        return Err(errors);
    };
    Ok(Instrument {
        id,
        version,
        valid_from,
        status,
        threshold,
        threshold_source: header.threshold_source.unwrap_or_default(),
        legal_basis: header.legal_basis,
        scale: header.scale,
        areas: raw
            .areas
            .into_iter()
            .map(|area| Area {
                id: area.id.unwrap_or_default(),
                it: area.it.unwrap_or_default(),
                en: area.en.unwrap_or_default(),
                lr14_dimension: area.lr14_dimension,
            })
            .collect(),
        items: raw
            .items
            .into_iter()
            .map(|item| Item {
                id: item.id.unwrap_or_default(),
                area: item.area.unwrap_or_default(),
                sensitive: item.sensitive,
                it: item.it.unwrap_or_default(),
                en: item.en.unwrap_or_default(),
                levels_it: item.levels_it.unwrap_or_default(),
                levels_en: item.levels_en.unwrap_or_default(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded instruments are read without validation; this checks they read exactly as
    /// the validating parser reads the same files (and that those files are valid).
    #[test]
    fn the_embedded_instruments_read_as_the_validating_parser_reads_them() {
        let fragility = include_str!(concat!(env!("OUT_DIR"), "/fragility-2016.json"));
        assert_eq!(
            Instrument::fragility(),
            &Instrument::from_json(fragility).expect("the fragility instrument is valid")
        );
        let sustainability = include_str!(concat!(env!("OUT_DIR"), "/sustainability-2026.json"));
        assert_eq!(
            Instrument::sustainability(),
            &Instrument::from_json(sustainability).expect("the sustainability grid is valid")
        );
    }
}
