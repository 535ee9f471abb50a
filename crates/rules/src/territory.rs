//! The territory of the programme: the 55 comuni of the Città metropolitana di Bologna grouped by
//! the 7 distretti socio-sanitari, and the 6 Quartieri of the Comune di Bologna.
//!
//! Source: `data/territory.toml`, copied from the programme specification (Città metropolitana di
//! Bologna pages on the Unioni di comuni, which coincide with the distretti; Quartieri since June
//! 2016). Programme rule: applicants must be domiciled in one of these comuni.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::Data;

/// The territory data as shipped with this build.
static TERRITORY: Data = include!(concat!(env!("OUT_DIR"), "/territory.rs"));

/// How many close names an unknown comune gets as suggestions, at most.
const SUGGESTION_COUNT: usize = 5;
/// How alike (Jaro-Winkler, 0 to 1) a misspelt word must be to an official one to suggest it:
/// "bolgona" and "casalechio" are; "sassuolo" and "sasso" are not.
const CLOSE_SPELLING: f64 = 0.93;

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
        static READ: OnceLock<Territory> = OnceLock::new();
        READ.get_or_init(|| Territory {
            distretti: TERRITORY
                .list("distretto")
                .iter()
                .map(|distretto| Distretto {
                    id: distretto.text("id"),
                    name: distretto.text("name"),
                    ausl: distretto.text("ausl"),
                    comuni: distretto.texts("comuni"),
                })
                .collect(),
            quartieri: TERRITORY
                .list("quartiere")
                .iter()
                .map(|quartiere| Quartiere {
                    id: quartiere.text("id"),
                    name: quartiere.text("name"),
                    zone: quartiere.texts("zone"),
                    residents: quartiere.integer("residents") as u32,
                })
                .collect(),
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
        ComuneLookup::NotInTerritory { suggestions: self.close_names(&wanted) }
    }

    /// Official names close to a folded name that matched none, best first: those whose words
    /// the typed words begin, in order, each written in full, shortened ("s" for "san") or
    /// almost alike ("casalechio"): "casalecchio", "san lazzaro", "s lazzaro di savena",
    /// "bolgona". A place outside the territory gets none: comuni that merely share letters with
    /// it ("bari" and Baricella, "cento" and Pieve di Cento) would mislead.
    fn close_names(&self, wanted: &str) -> Vec<String> {
        if wanted.chars().count() < 3 {
            return Vec::new();
        }
        let mut ranked: Vec<(f64, &str)> = self
            .comuni()
            .filter_map(|(comune, _)| words_alike(&normalise_name(comune), wanted).map(|score| (score, comune)))
            .collect();
        ranked.sort_by(|left, right| right.0.total_cmp(&left.0).then(left.1.cmp(right.1)));
        ranked.into_iter().take(SUGGESTION_COUNT).map(|(_, comune)| comune.to_owned()).collect()
    }

    /// The distretto with this id, if any.
    pub fn distretto(&self, id: &str) -> Option<&Distretto> {
        self.distretti.iter().find(|distretto| distretto.id == id)
    }
}

/// How well the typed words stand for the official name's words, in order, the first for the
/// first (others may be left out: "san lazzaro" for "san lazzaro di savena"); `None` when they
/// do not. The score is the mean likeness of the typed words (1 for a word written in full).
fn words_alike(official: &str, typed: &str) -> Option<f64> {
    let mut official_words = official.split(' ');
    let mut typed_words = typed.split(' ');
    let mut total = word_alike(official_words.next()?, typed_words.next()?)?;
    let mut count = 1.0;
    for typed_word in typed_words {
        total += official_words.find_map(|official_word| word_alike(official_word, typed_word))?;
        count += 1.0;
    }
    Some(total / count)
}

/// How well one typed word stands for one official word: in full (1), shortened to one or two
/// letters ("s" for "san"), or misspelt (at most two letters more or fewer and Jaro-Winkler at
/// least [`CLOSE_SPELLING`]).
fn word_alike(official: &str, typed: &str) -> Option<f64> {
    if official == typed {
        return Some(1.0);
    }
    if typed.len() <= 2 && official.starts_with(typed) {
        return Some(0.95);
    }
    let likeness = strsim::jaro_winkler(official, typed);
    (official.len().abs_diff(typed.len()) <= 2 && likeness >= CLOSE_SPELLING).then_some(likeness)
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
    fn the_embedded_territory_reads_as_serde_reads_its_file() {
        let json = include_str!(concat!(env!("OUT_DIR"), "/territory.json"));
        assert_eq!(
            Territory::embedded(),
            &serde_json::from_str::<Territory>(json).expect("the data file is valid JSON")
        );
    }

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

    fn suggestions_for(name: &str) -> Vec<String> {
        match Territory::embedded().lookup_comune(name) {
            ComuneLookup::NotInTerritory { suggestions } => suggestions,
            found => panic!("{name} is not a comune name: {found:?}"),
        }
    }

    #[test]
    fn an_unknown_comune_is_outside_with_close_suggestions() {
        assert_eq!(suggestions_for("Casalecchio"), ["Casalecchio di Reno"]);
        assert_eq!(suggestions_for("S. Lazzaro"), ["San Lazzaro di Savena"]);
        assert_eq!(suggestions_for("Bolgona").first().map(String::as_str), Some("Bologna"));
        assert_eq!(suggestions_for("Imolaa").first().map(String::as_str), Some("Imola"));
        assert!(suggestions_for("Castel").len() > 1, "several comuni begin with Castel");
        assert_eq!(suggestions_for("Castel S. Pietro"), ["Castel San Pietro Terme"]);
        assert_eq!(suggestions_for("Casalechio di Reno"), ["Casalecchio di Reno"]);
    }

    #[test]
    fn places_outside_the_territory_get_no_suggestions() {
        let outside = [
            "Firenze",
            "Modena",
            "Ferrara",
            "Milano",
            "Roma",
            "Ravenna",
            "Parma",
            "Napoli",
            "Torino",
            "Reggio Emilia",
            "Cento",
            "Carpi",
            "Faenza",
            "Rimini",
            "Forlì",
            "Prato",
            "Pistoia",
            "Mirandola",
            "Lugo",
            "Vignola",
            "Sassuolo",
            "Padova",
            "Verona",
            "Genova",
            "Palermo",
            "Bari",
        ];
        let suggested: Vec<(&str, Vec<String>)> =
            outside.iter().map(|name| (*name, suggestions_for(name))).filter(|(_, found)| !found.is_empty()).collect();
        assert!(suggested.is_empty(), "{suggested:?}");
    }
}
