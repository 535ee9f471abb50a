//! The territory of the programme: the 55 comuni of the Città metropolitana di Bologna grouped by
//! the 7 distretti socio-sanitari, and the 6 Quartieri of the Comune di Bologna.
//!
//! Source: `data/territory.toml`, copied from the programme specification (Città metropolitana di
//! Bologna pages on the Unioni di comuni, which coincide with the distretti; Quartieri since June
//! 2016). Programme rule: applicants must be domiciled in one of these comuni.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The territory data as shipped with this build.
const TERRITORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/territory.json"));

/// How many close names an unknown comune gets as suggestions.
const SUGGESTION_COUNT: usize = 3;

/// A distretto socio-sanitario and the comuni it groups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distretto {
    pub id: String,
    pub name: String,
    pub ausl: String,
    pub comuni: Vec<String>,
}

/// A Quartiere of the Comune di Bologna.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quartiere {
    pub id: String,
    pub name: String,
    pub zone: Vec<String>,
    pub residents: u32,
}

/// The whole territory, in the order of the source file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Territory {
    #[serde(rename = "distretto")]
    pub distretti: Vec<Distretto>,
    #[serde(rename = "quartiere")]
    pub quartieri: Vec<Quartiere>,
}

/// The answer to "is this comune in the territory?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum ComuneLookup {
    /// The name matched a comune; `comune` is its official spelling.
    Found { comune: String, distretto_id: String },
    /// No comune matched; `suggestions` are the closest official names, best first.
    NotInTerritory { suggestions: Vec<String> },
}

impl Territory {
    /// The territory embedded in this build, parsed once.
    pub fn embedded() -> &'static Territory {
        static TERRITORY: OnceLock<Territory> = OnceLock::new();
        TERRITORY.get_or_init(|| {
            serde_json::from_str(TERRITORY_JSON)
                .unwrap_or_else(|error| panic!("embedded territory data is invalid: {error}"))
        })
    }

    /// Every comune, with the distretto it belongs to.
    pub fn comuni(&self) -> impl Iterator<Item = (&str, &Distretto)> {
        self.distretti
            .iter()
            .flat_map(|distretto| distretto.comuni.iter().map(move |comune| (comune.as_str(), distretto)))
    }

    /// Looks a comune up by name, forgiving case, accents, apostrophes and spacing:
    /// "castello d argile", "Castello d’Argile" and "CASTELLO D'ARGILE" all match.
    pub fn lookup_comune(&self, name: &str) -> ComuneLookup {
        let wanted = normalise_name(name);
        if let Some((comune, distretto)) = self.comuni().find(|(comune, _)| normalise_name(comune) == wanted) {
            return ComuneLookup::Found { comune: comune.to_owned(), distretto_id: distretto.id.clone() };
        }
        let mut ranked: Vec<(f64, &str)> =
            self.comuni().map(|(comune, _)| (strsim::jaro_winkler(&wanted, &normalise_name(comune)), comune)).collect();
        ranked.sort_by(|left, right| right.0.total_cmp(&left.0).then(left.1.cmp(right.1)));
        ComuneLookup::NotInTerritory {
            suggestions: ranked.into_iter().take(SUGGESTION_COUNT).map(|(_, comune)| comune.to_owned()).collect(),
        }
    }

    /// The distretto with this id, if any.
    pub fn distretto(&self, id: &str) -> Option<&Distretto> {
        self.distretti.iter().find(|distretto| distretto.id == id)
    }
}

/// Folds a place name to a comparable key: lower case, no accents, apostrophes and hyphens as
/// spaces, runs of spaces collapsed. Only the letters of Italian place names are folded by
/// hand: `char::to_lowercase` would bring the whole Unicode case table (about 5 KB compressed)
/// into the self-check's first load.
pub fn normalise_name(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|letter| match letter {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            '\'' | '’' | '‘' | '`' | '´' | '-' | '.' => ' ',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_territory_has_55_comuni_in_7_distretti_and_6_quartieri() {
        let territory = Territory::embedded();
        assert_eq!(territory.distretti.len(), 7);
        assert_eq!(territory.comuni().count(), 55);
        assert_eq!(territory.quartieri.len(), 6);
    }

    #[test]
    fn spelling_variants_of_a_comune_all_match() {
        let territory = Territory::embedded();
        for variant in ["castello d argile", "Castello d'Argile", "CASTELLO D’ARGILE", "  castello   d'argile "] {
            assert_eq!(
                territory.lookup_comune(variant),
                ComuneLookup::Found { comune: "Castello d'Argile".to_owned(), distretto_id: "pianura-est".to_owned() },
                "{variant}"
            );
        }
    }

    #[test]
    fn capital_and_accented_letters_fold_to_the_same_key() {
        assert_eq!(normalise_name("SAN LAZZARO DI SAVENA"), "san lazzaro di savena");
        assert_eq!(normalise_name("Città – ÈÀÌÒÙ éáíóú"), normalise_name("citta – eaiou eaiou"));
        assert_eq!(normalise_name("Sant’Agata-Bolognese."), "sant agata bolognese");
    }

    #[test]
    fn an_unknown_comune_is_outside_with_close_suggestions() {
        match Territory::embedded().lookup_comune("Casalecchio") {
            ComuneLookup::NotInTerritory { suggestions } => {
                assert_eq!(suggestions.first().map(String::as_str), Some("Casalecchio di Reno"));
                assert_eq!(suggestions.len(), 3);
            }
            found => panic!("Casalecchio is not a comune name: {found:?}"),
        }
    }
}
