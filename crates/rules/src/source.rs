//! The legal and programme sources the rules apply (`data/sources.toml`), each with the date
//! from which it applies and whether it is verified or our provisional reading.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::{Date, data::Data};

static SOURCES: Data = include!(concat!(env!("OUT_DIR"), "/sources.rs"));
/// The fields only the sources page shows, apart so that other bundles do not carry them.
static PAGE: Data = include!(concat!(env!("OUT_DIR"), "/sources-page.rs"));

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
    pub valid_from: Date,
    pub status: Status,
}

/// What the sources page adds to a [`Source`]: what it says and where its official text is.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SourcePage {
    pub id: String,
    pub detail: String,
    /// The public address of the official text, where we found one (never guessed).
    #[serde(default)]
    pub url: Option<String>,
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

/// The detail and official address of every source, in the order of [`sources`].
pub fn source_pages() -> Vec<SourcePage> {
    PAGE.list("source")
        .iter()
        .map(|page| SourcePage {
            id: page.text("id"),
            detail: page.text("detail"),
            url: page.optional_text("url").map(str::to_owned),
        })
        .collect()
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

    #[test]
    fn the_page_fields_read_as_serde_reads_the_file_and_follow_the_sources() {
        #[derive(Deserialize)]
        struct File {
            source: Vec<SourcePage>,
        }
        let file: File = serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/sources.json")))
            .expect("the data file is valid JSON");
        let pages = source_pages();
        assert_eq!(pages, file.source);
        assert_eq!(
            pages.iter().map(|page| &page.id).collect::<Vec<_>>(),
            sources().iter().map(|source| &source.id).collect::<Vec<_>>()
        );
        for page in &pages {
            assert!(!page.detail.is_empty(), "{}: no detail", page.id);
            if let Some(url) = &page.url {
                assert!(url.starts_with("https://") && !url.contains(' '), "{}: {url}", page.id);
            }
        }
        let url_of = |id: &str| pages.iter().find(|page| page.id == id).and_then(|page| page.url.as_deref());
        assert_eq!(
            url_of("l_296_2006_c622"),
            Some("https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:2006-12-27;296")
        );
        // Our own operational rules have no official text.
        assert_eq!(url_of("ours_referrals"), None);
    }
}
