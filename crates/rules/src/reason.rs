//! Reasons: why a channel has its status. A reason is a stable code with parameters; its
//! default Italian and English messages come from `data/reasons.toml` by filling the
//! parameters into a template, and it names the source it applies.

use std::{collections::BTreeMap, sync::OnceLock};

use serde::{Deserialize, Serialize};

use crate::{Date, Status, data::Data, source};

static REASONS: Data = include!(concat!(env!("OUT_DIR"), "/reasons.rs"));

/// What a reason says about its requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The requirement is met.
    Met,
    /// The requirement fails: the channel is not available.
    NotMet,
    /// An answer the requirement needs is missing.
    Missing,
    /// Information (where to go, what happens next); it does not change the status.
    Info,
}

/// A parameter of a reason: a text, a number, or a list of texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    Number(i64),
    Text(String),
    List(Vec<String>),
}

impl Param {
    fn display(&self) -> String {
        match self {
            Self::Number(number) => number.to_string(),
            Self::Text(text) => text.clone(),
            Self::List(items) => items.join(", "),
        }
    }
}

impl From<u32> for Param {
    fn from(number: u32) -> Self {
        Self::Number(i64::from(number))
    }
}

impl From<&str> for Param {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Param {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Date> for Param {
    fn from(date: Date) -> Self {
        Self::Text(date.to_string())
    }
}

impl From<Vec<String>> for Param {
    fn from(items: Vec<String>) -> Self {
        Self::List(items)
    }
}

/// One explained reason, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub code: String,
    pub outcome: Outcome,
    pub params: BTreeMap<String, Param>,
    /// The default message in Italian.
    pub message: String,
    pub message_en: String,
    /// The official title of the source it applies (Italian), and its id, status and date.
    pub source: String,
    pub source_id: String,
    pub source_status: Status,
    pub source_valid_from: Date,
}

/// A reason's entry in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ReasonTemplate {
    pub code: String,
    pub source: String,
    pub it: String,
    pub en: String,
}

/// Every reason template, in the order of the data file.
pub fn reason_templates() -> &'static [ReasonTemplate] {
    static TEMPLATES: OnceLock<Vec<ReasonTemplate>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        REASONS
            .list("reason")
            .iter()
            .map(|reason| ReasonTemplate {
                code: reason.text("code"),
                source: reason.text("source"),
                it: reason.text("it"),
                en: reason.text("en"),
            })
            .collect()
    })
}

/// Builds a reason from its code and parameters. Codes are internal constants and a test checks
/// that each has a template and a source; an unknown one still gives a reason (its code as text).
pub fn reason(code: &str, outcome: Outcome, params: Vec<(&str, Param)>) -> Reason {
    let params: BTreeMap<String, Param> = params.into_iter().map(|(name, value)| (name.to_owned(), value)).collect();
    let template = reason_templates().iter().find(|template| template.code == code);
    let fill = |text: &str| fill_template(text, &params);
    let source_id = template.map(|template| template.source.as_str()).unwrap_or_default();
    let source = source::source(source_id);
    Reason {
        code: code.to_owned(),
        outcome,
        message: template.map_or_else(|| code.to_owned(), |template| fill(&template.it)),
        message_en: template.map_or_else(|| code.to_owned(), |template| fill(&template.en)),
        source: source.map(|source| source.title.clone()).unwrap_or_default(),
        source_id: source_id.to_owned(),
        source_status: source.map_or(Status::Provisional, |source| source.status),
        source_valid_from: source.map_or_else(|| Date::from_days_since_unix_epoch(0), |source| source.valid_from),
        params,
    }
}

/// The `{name}` placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    template.split('{').skip(1).filter_map(|piece| piece.split_once('}').map(|(name, _)| name)).collect()
}

/// Replaces each `{name}` of `template` by `value_of(name)`, in one pass: text that a value
/// brings in (a comune as typed, say) is never read as a placeholder. A name without a value
/// stays as it is. Shared with the browser's i18n layer.
pub fn fill_placeholders(template: &str, value_of: impl Fn(&str) -> Option<String>) -> String {
    let mut filled = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        filled.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.split_once('}').and_then(|(name, tail)| value_of(name).map(|value| (value, tail))) {
            Some((value, tail)) => {
                filled.push_str(&value);
                rest = tail;
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

fn fill_template(template: &str, params: &BTreeMap<String, Param>) -> String {
    fill_placeholders(template, |name| params.get(name).map(Param::display))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_reasons_read_as_serde_reads_their_file() {
        #[derive(Deserialize)]
        struct File {
            reason: Vec<ReasonTemplate>,
        }
        let json = include_str!(concat!(env!("OUT_DIR"), "/reasons.json"));
        assert_eq!(
            reason_templates(),
            serde_json::from_str::<File>(json).expect("the data file is valid JSON").reason.as_slice()
        );
    }
}
