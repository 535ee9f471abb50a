//! The languages the app speaks: Italian first, then the languages most spoken by the people
//! the programme serves in Bologna. Each knows its code, its own name and its writing direction.

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Italian,
    English,
    Arabic,
    French,
    Romanian,
    Ukrainian,
    Chinese,
    Urdu,
    Bengali,
    Albanian,
    Spanish,
}

impl Language {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Language; 11] = [
        Language::Italian,
        Language::English,
        Language::Arabic,
        Language::French,
        Language::Romanian,
        Language::Ukrainian,
        Language::Chinese,
        Language::Urdu,
        Language::Bengali,
        Language::Albanian,
        Language::Spanish,
    ];

    /// The languages this build ships texts for (`locales/<code>.json`), in the order the switch
    /// lists them; a test keeps this list and the files in step.
    pub const AVAILABLE: [Language; 11] = Self::ALL;

    /// The BCP 47 code, as used in `lang` and in `locales/<code>.json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Italian => "it",
            Self::English => "en",
            Self::Arabic => "ar",
            Self::French => "fr",
            Self::Romanian => "ro",
            Self::Ukrainian => "uk",
            Self::Chinese => "zh-Hans",
            Self::Urdu => "ur",
            Self::Bengali => "bn",
            Self::Albanian => "sq",
            Self::Spanish => "es",
        }
    }

    /// The language's name in itself, so that a person finds their own.
    pub fn endonym(self) -> &'static str {
        match self {
            Self::Italian => "Italiano",
            Self::English => "English",
            Self::Arabic => "العربية",
            Self::French => "Français",
            Self::Romanian => "Română",
            Self::Ukrainian => "Українська",
            Self::Chinese => "简体中文",
            Self::Urdu => "اردو",
            Self::Bengali => "বাংলা",
            Self::Albanian => "Shqip",
            Self::Spanish => "Español",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_right_to_left(self) -> bool {
        matches!(self, Self::Arabic | Self::Urdu)
    }

    pub fn dir(self) -> &'static str {
        if self.is_right_to_left() { "rtl" } else { "ltr" }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|language| language.code().eq_ignore_ascii_case(code))
    }

    /// The first supported language among a browser's preferences (`navigator.languages`):
    /// "ar-EG" gives Arabic, "zh-CN" Chinese; none gives Italian.
    pub fn from_preferences<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Self {
        preferences
            .into_iter()
            .find_map(|preference| {
                let primary = preference.split(['-', '_']).next().unwrap_or_default();
                Self::from_code(preference).filter(|language| Self::AVAILABLE.contains(language)).or_else(|| {
                    Self::AVAILABLE.into_iter().find(|language| {
                        language.code().split('-').next().is_some_and(|code| code.eq_ignore_ascii_case(primary))
                    })
                })
            })
            .unwrap_or(Self::Italian)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without JavaScript no text can come through the i18n layer: each entry page says in
    /// every language we speak where to go in person instead, the same on every page, and names
    /// the one verified access point with its address from the rules' data (issue 14).
    #[test]
    fn every_page_without_javascript_says_where_to_go_in_every_language() {
        let pages = [
            include_str!("../../index.html"),
            include_str!("../../verifica.html"),
            include_str!("../../domanda.html"),
            include_str!("../../stato.html"),
            include_str!("../../ufficio.html"),
        ];
        let message =
            |page: &'static str| page.split("<noscript>").nth(1).and_then(|rest| rest.split("</noscript>").next());
        let first = message(pages[0]).expect("index.html has a noscript message");
        for page in pages {
            assert_eq!(message(page), Some(first), "every entry page has the same message");
        }
        for language in Language::ALL {
            assert!(first.contains(&format!(r#"<p lang="{}""#, language.code())), "{} is missing", language.code());
        }
        let desk =
            insieme_rules::AccessPoint::all().iter().find(|point| point.is_confirmed()).expect("a verified desk");
        assert!(first.contains(&desk.address), "the verified address {}", desk.address);
    }

    /// The self-check's page asks for the person's texts before its code loads (it embeds
    /// none); its list of languages and the key of the saved choice must be ours.
    #[test]
    fn the_self_check_page_asks_early_for_a_language_we_speak() {
        let page = include_str!("../../verifica.html");
        let list =
            page.split("var a=[").nth(1).and_then(|rest| rest.split(']').next()).expect("the list in verifica.html");
        let codes: Vec<&str> = list.split(',').map(|code| code.trim_matches('"')).collect();
        let ours: Vec<&str> = Language::ALL.iter().map(|language| language.code()).collect();
        assert_eq!(codes, ours);
        assert!(page.contains(r#"localStorage.getItem("ipl.language")"#), "the key device::save_language uses");
    }

    #[test]
    fn browser_preferences_pick_the_first_supported_language() {
        assert_eq!(Language::from_preferences(["de-DE", "ar-EG", "en"]), Language::Arabic);
        assert_eq!(Language::from_preferences(["en-GB"]), Language::English);
        assert_eq!(Language::from_preferences(["zh-CN"]), Language::Chinese);
        assert_eq!(Language::from_preferences(["uk", "en"]), Language::Ukrainian);
        assert_eq!(Language::from_preferences(["bn-BD"]), Language::Bengali);
        assert_eq!(Language::from_preferences(["de", "nl"]), Language::Italian);
        assert_eq!(Language::from_preferences([]), Language::Italian);
    }

    #[test]
    fn codes_round_trip_and_right_to_left_is_known() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::Arabic.dir(), "rtl");
        assert_eq!(Language::Urdu.dir(), "rtl");
        assert_eq!(Language::Romanian.dir(), "ltr");
    }
}
