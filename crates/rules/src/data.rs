//! The data files as the build script embeds them: static trees of texts, whole numbers, flags,
//! lists and tables, read into the crate's types by small hand-written functions. The browser
//! thus carries no deserializer for the data (a JSON parser and the derived readers of every
//! data type were about 14 KB of the self-check's first load, issue 11).
//!
//! A field that is missing or of another kind reads as empty (""/0/false/[]): the tests compare
//! every embedded file read this way with the same file read by the validating parser, so a
//! mistake in a data file or in a reader fails there.

use crate::{Date, Status};

/// One value of a data file.
#[derive(Debug)]
pub enum Data {
    Text(&'static str),
    Integer(i32),
    Boolean(bool),
    List(&'static [Data]),
    Table(&'static [(&'static str, Data)]),
}

impl Data {
    /// The field `key` of a table.
    pub fn field(&self, key: &str) -> Option<&'static Data> {
        match self {
            Data::Table(fields) => fields.iter().find(|(name, _)| *name == key).map(|(_, value)| value),
            _ => None,
        }
    }

    /// The text of field `key`, if it is one.
    pub fn optional_text(&self, key: &str) -> Option<&'static str> {
        match self.field(key) {
            Some(Data::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// The text of field `key` as an owned string.
    pub fn text(&self, key: &str) -> String {
        self.optional_text(key).unwrap_or_default().to_owned()
    }

    pub fn integer(&self, key: &str) -> i32 {
        match self.field(key) {
            Some(Data::Integer(number)) => *number,
            _ => 0,
        }
    }

    pub fn boolean(&self, key: &str) -> bool {
        matches!(self.field(key), Some(Data::Boolean(true)))
    }

    /// The date written in field `key` (`2017-06-01`); 1970-01-01 when it is not one.
    pub fn date(&self, key: &str) -> Date {
        self.optional_text(key)
            .and_then(|text| text.parse().ok())
            .unwrap_or_else(|| Date::from_days_since_unix_epoch(0))
    }

    /// The status in field `key`: `verified`, else provisional.
    pub fn status(&self, key: &str) -> Status {
        if self.optional_text(key) == Some("verified") { Status::Verified } else { Status::Provisional }
    }

    /// The items of the list in field `key`.
    pub fn list(&self, key: &str) -> &'static [Data] {
        match self.field(key) {
            Some(Data::List(items)) => items,
            _ => &[],
        }
    }

    /// The texts of the list in field `key`.
    pub fn texts(&self, key: &str) -> Vec<String> {
        self.list(key)
            .iter()
            .filter_map(|item| match item {
                Data::Text(text) => Some((*text).to_owned()),
                _ => None,
            })
            .collect()
    }
}
