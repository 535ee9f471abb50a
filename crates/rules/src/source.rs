//! The legal and programme sources the rules apply (`data/sources.toml`), each with the date
//! from which it applies and whether it is verified or our provisional reading.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::{Date, data::Data};

static SOURCES: Data = include!(concat!(env!("OUT_DIR"), "/sources.rs"));

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

/// Every source, in the order of the data file.
pub fn sources() -> &'static [Source] {
    static READ: OnceLock<Vec<Source>> = OnceLock::new();
    READ.get_or_init(|| {
        SOURCES
            .list("source")
            .iter()
            .map(|source| Source {
                id: source.text("id"),
                title: source.text("title"),
                title_en: source.text("title_en"),
                detail: source.text("detail"),
                url: source.optional_text("url").map(str::to_owned),
                valid_from: source.date("valid_from"),
                status: source.status("status"),
            })
            .collect()
    })
}

/// The source with this id. Ids are internal constants, checked by a test.
pub fn source(id: &str) -> Option<&'static Source> {
    sources().iter().find(|source| source.id == id)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[test]
    fn the_embedded_sources_read_as_serde_reads_their_file() {
        #[derive(Deserialize)]
        struct File {
            source: Vec<Source>,
        }
        let file: File = serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/sources.json")))
            .expect("the data file is valid JSON");
        assert_eq!(sources(), file.source.as_slice());
    }
}
