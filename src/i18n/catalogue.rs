//! A catalogue of translated texts: the nested JSON of a `locales/<code>.json` file flattened to
//! dotted keys (`home.title`), with `{name}` parameters filled in one pass.

use std::{collections::HashMap, fmt};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The texts of one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    texts: HashMap<String, String>,
}

impl Catalogue {
    /// Parses a locale file. Keys starting with `_` (such as `_meta`) are notes, not texts.
    /// The error is serde's own: turning it into words here would bring serde_json's message
    /// formatting into every bundle, where nobody reads it (the tests print it).
    /// Read in one pass into dotted keys, without building a JSON tree first (serde_json's
    /// tree reader is kilobytes of every bundle's first load).
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let mut texts = HashMap::new();
        let mut deserializer = serde_json::Deserializer::from_str(text);
        Flatten { prefix: String::new(), texts: &mut texts }.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(Self { texts })
    }

    /// Adds the texts of `other` (a bundle's own catalogue) to these.
    pub fn merge(&mut self, other: Catalogue) {
        self.texts.extend(other.texts);
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// Reads one JSON value below `prefix`: a text is stored under its dotted key, an object's
/// members below their keys (those starting with `_` are notes, skipped), and a file of several
/// catalogues (`[common, own]`, made by `cargo xtask build` so that a bundle fetches one file)
/// each in turn, a later one winning. Numbers and other values are not texts: ignored.
struct Flatten<'a> {
    prefix: String,
    texts: &'a mut HashMap<String, String>,
}

impl<'de> DeserializeSeed<'de> for Flatten<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Flatten<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.pad("locale texts")
    }

    fn visit_str<E>(self, text: &str) -> Result<(), E> {
        self.texts.insert(self.prefix, text.to_owned());
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with('_') {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let prefix = if self.prefix.is_empty() { key } else { format!("{}.{key}", self.prefix) };
            map.next_value_seed(Flatten { prefix, texts: self.texts })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut catalogues: A) -> Result<(), A::Error> {
        while catalogues.next_element_seed(Flatten { prefix: self.prefix.clone(), texts: self.texts })?.is_some() {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Replaces each `{name}` by its value, in one pass; unknown names stay as they are.
pub fn fill(template: &str, params: &[(&str, String)]) -> String {
    insieme_rules::reason::fill_placeholders(template, |name| {
        params.iter().find(|(param, _)| *param == name).map(|(_, value)| value.clone())
    })
}

pub use insieme_rules::reason::placeholders;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_are_flattened_and_notes_skipped() {
        let catalogue = Catalogue::from_json(r#"{"_meta":{"note":"x"},"home":{"title":"Ciao","list":{"one":"Uno"}}}"#)
            .expect("valid");
        assert_eq!(catalogue.get("home.title"), Some("Ciao"));
        assert_eq!(catalogue.get("home.list.one"), Some("Uno"));
        assert_eq!(catalogue.get("_meta.note"), None);
        assert_eq!(catalogue.len(), 2);
    }

    #[test]
    fn a_merged_file_reads_each_catalogue_in_turn_and_ignores_what_is_not_text() {
        let merged =
            r#"[{"site":{"name":"Insieme","note":3},"a":"common"},{"a":"own","b":{"c":"d","e":[1,true,null]}}]"#;
        let catalogue = Catalogue::from_json(merged).expect("valid");
        assert_eq!(catalogue.get("site.name"), Some("Insieme"));
        assert_eq!(catalogue.get("a"), Some("own"), "the later catalogue wins");
        assert_eq!(catalogue.get("b.c"), Some("d"));
        assert_eq!(catalogue.len(), 3);
        assert!(Catalogue::from_json(r#"{"a":"b"} trailing"#).is_err());
        assert!(Catalogue::from_json(r#"{"a":"#).is_err());
    }

    #[test]
    fn parameters_are_filled_once_and_unknown_ones_stay() {
        let params = [("name", "{age}".to_owned()), ("age", "30".to_owned())];
        assert_eq!(fill("Ciao {name}, hai {age} anni {unknown}", &params), "Ciao {age}, hai 30 anni {unknown}");
        assert_eq!(placeholders("a {x} b {y}"), vec!["x", "y"]);
    }
}
