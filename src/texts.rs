//! Texts that come from data: instrument items, areas and levels, reasons and sources. Italian
//! and English come from the rules engine's data; other languages from `locales/`, keyed by the
//! same ids and codes, so a new instrument version needs no code change to be shown.

use insieme_rules::{AccessPoint, Area, Item, Param, Reason, Source};

use crate::i18n::{I18n, Language};

fn by_language(i18n: I18n, key: &str, italian: &str, english: &str) -> String {
    i18n.own_text(key)
        .unwrap_or_else(|| if i18n.language() == Language::English { english.to_owned() } else { italian.to_owned() })
}

/// The plain-language question for an item (locale files), or its instrument label.
pub fn item_question(i18n: I18n, item: &Item) -> String {
    by_language(i18n, &format!("items.{}.question", item.id), &item.it, &item.en)
}

/// The instrument's name for an item.
pub fn item_label(i18n: I18n, item: &Item) -> String {
    by_language(i18n, &format!("items.{}.label", item.id), &item.it, &item.en)
}

/// The text of one level (0..=3) of an item.
pub fn item_level(i18n: I18n, item: &Item, level: usize) -> String {
    let italian = item.levels_it.get(level).map(String::as_str).unwrap_or_default();
    let english = item.levels_en.get(level).map(String::as_str).unwrap_or_default();
    by_language(i18n, &format!("items.{}.levels.{level}", item.id), italian, english)
}

pub fn area_label(i18n: I18n, area: &Area) -> String {
    by_language(i18n, &format!("areas.{}", area.id), &area.it, &area.en)
}

/// A reason in the current language, its parameters filled in.
pub fn reason_text(i18n: I18n, reason: &Reason) -> String {
    let params: Vec<(&str, String)> =
        reason.params.iter().map(|(name, value)| (name.as_str(), param_text(value))).collect();
    match i18n.own_text(&format!("reasons.{}", reason.code)) {
        Some(template) => crate::i18n::fill(&template, &i18n.isolated(&params)),
        None if i18n.language() == Language::English => reason.message_en.clone(),
        None => reason.message.clone(),
    }
}

fn param_text(param: &Param) -> String {
    match param {
        Param::Number(number) => number.to_string(),
        Param::Text(text) => text.clone(),
        Param::List(items) => items.join(", "),
    }
}

/// A source's translated title, when the current language is not Italian (the Italian title is
/// always shown too).
pub fn source_translation(i18n: I18n, source: &Source) -> Option<String> {
    match i18n.language() {
        Language::Italian => None,
        Language::English => Some(source.title_en.clone()),
        _ => i18n.own_text(&format!("sources.{}", source.id)),
    }
}

/// The channel's id as in JSON and in locale keys (`channels.<slug>.name`).
pub fn channel_slug(channel: insieme_rules::Channel) -> &'static str {
    channel.code()
}

/// The status's id, for CSS classes and locale keys (`status.<slug>`).
pub fn status_slug(status: insieme_rules::ChannelStatus) -> &'static str {
    match status {
        insieme_rules::ChannelStatus::Eligible => "eligible",
        insieme_rules::ChannelStatus::NotEligible => "not_eligible",
        insieme_rules::ChannelStatus::ToBeAssessed => "to_be_assessed",
    }
}

/// The label of an application field (`enterprise.support[0]` is the `enterprise.support` field).
/// A path inside a section without labels of its own (`answers.fragility.income`) is named by
/// its section (`fields.answers.label`).
pub fn field_label(i18n: I18n, path: &str) -> String {
    let field = path.split('[').next().unwrap_or_default();
    let key = format!("fields.{field}.label");
    let text = i18n.t(&key);
    if text != key {
        return text;
    }
    let section = field.split('.').next().unwrap_or_default();
    i18n.t(&format!("fields.{section}.label"))
}

/// A problem as the error summary lists it: the field's label, then what is wrong.
pub fn problem_summary(i18n: I18n, problem: &insieme_validation::FieldProblem) -> String {
    format!("{}: {}", field_label(i18n, &problem.field), problem_message(i18n, problem))
}

/// The translated message of a problem on an application field: the field's own wording when
/// the locale has one (`problems.person.codice_fiscale.check_character`), else its kind of
/// question's, else the general one.
pub fn problem_message(i18n: I18n, problem: &insieme_validation::FieldProblem) -> String {
    let keys = crate::state::application::problem_keys(problem);
    keys.iter().find_map(|key| i18n.find(key)).unwrap_or_else(|| i18n.t(&keys[2]))
}

/// A page title, starting with "Errore:" while the page shows problems (so that a screen reader
/// user hears at once that Continue did not go on).
pub fn with_error_prefix(i18n: I18n, title: &str, has_problems: bool) -> String {
    if has_problems { format!("{}: {title}", i18n.t("errors.title_prefix")) } else { title.to_owned() }
}

/// An access point's name in the person's language (`places.<id>.name`; the data file's name
/// mixes Italian and English notes, issue 14), the data's name for a place an administrator
/// added since.
pub fn place_name(i18n: I18n, point: &AccessPoint) -> String {
    i18n.own_text(&format!("places.{}.name", point.id)).unwrap_or_else(|| point.name.clone())
}
