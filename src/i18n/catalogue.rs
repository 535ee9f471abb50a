//! A catalogue of translated texts: the nested JSON of a `locales/<code>.json` file flattened to
//! dotted keys (`home.title`), with `{name}` parameters filled in one pass.

use std::collections::HashMap;

/// The texts of one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    texts: HashMap<String, String>,
}

impl Catalogue {
    /// Parses a locale file. Keys starting with `_` (such as `_meta`) are notes, not texts.
    /// The error is serde's own: turning it into words here would bring serde_json's message
    /// formatting into every bundle, where nobody reads it (the tests print it).
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let value: serde_json::Value = serde_json::from_str(text)?;
        let mut texts = HashMap::new();
        flatten("", &value, &mut texts);
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

fn flatten(prefix: &str, value: &serde_json::Value, texts: &mut HashMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map.iter().filter(|(key, _)| !key.starts_with('_')) {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&path, inner, texts);
            }
        }
        serde_json::Value::String(text) => {
            texts.insert(prefix.to_owned(), text.clone());
        }
        // A file of several catalogues (`[common, own]`, made by `cargo xtask build` so that a
        // bundle fetches one file): each in turn, a later one winning.
        serde_json::Value::Array(catalogues) if prefix.is_empty() => {
            for catalogue in catalogues {
                flatten("", catalogue, texts);
            }
        }
        _ => {}
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
    fn parameters_are_filled_once_and_unknown_ones_stay() {
        let params = [("name", "{age}".to_owned()), ("age", "30".to_owned())];
        assert_eq!(fill("Ciao {name}, hai {age} anni {unknown}", &params), "Ciao {age}, hai 30 anni {unknown}");
        assert_eq!(placeholders("a {x} b {y}"), vec!["x", "y"]);
    }
}
