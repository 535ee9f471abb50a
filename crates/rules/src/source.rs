//! The legal and programme sources the rules apply (`data/sources.toml`), each with the date
//! from which it applies and whether it is verified or our provisional reading.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::Date;

const SOURCES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/sources.json"));

/// Whether a value or rule has been checked against the official text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Verified,
    Provisional,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    /// The official Italian title, always shown (beside a translation where there is one).
    pub title: String,
    pub title_en: String,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub valid_from: Date,
    pub status: Status,
}

#[derive(Deserialize)]
struct SourceFile {
    source: Vec<Source>,
}

/// Every source, in the order of the data file.
pub fn sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        serde_json::from_str::<SourceFile>(SOURCES_JSON)
            .unwrap_or_else(|error| panic!("embedded sources data is invalid: {error}"))
            .source
    })
}

/// The source with this id. Ids are internal constants, checked by a test.
pub fn source(id: &str) -> Option<&'static Source> {
    sources().iter().find(|source| source.id == id)
}
