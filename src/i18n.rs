//! The i18n layer: every visible text comes from here, by key.
//!
//! Italian is embedded and always complete in most bundles; another language is fetched once
//! from `/locales/<code>.json` when chosen, and any key it lacks falls back to Italian. The
//! self-check embeds no texts: every language, Italian too, comes as one file, which the page
//! asks for before its code has loaded (see `verifica.html`). Keys are
//! looked up at run time, so data-driven texts (instrument items by id, reasons by code) are
//! translated like any other (see ARCHITECTURE.md for why this is not leptos_i18n).

mod catalogue;
mod language;

use std::{collections::HashMap, sync::Arc};

use leptos::{prelude::*, task::spawn_local};

pub use catalogue::{Catalogue, fill, placeholders};
pub use language::Language;

use crate::{api, device};

/// How long a page waits, hidden, for the texts of the person's language before showing Italian.
const LANGUAGE_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);
/// How often a bundle without embedded texts asks again for a file that did not come, and how
/// long it waits before the first retry (doubled each time).
const FETCH_ATTEMPTS: u32 = 4;
const FIRST_RETRY_MS: u32 = 500;

/// The Italian texts, the reference every other language is checked against.
pub const ITALIAN_JSON: &str = include_str!("../locales/it.json");

/// The Italian texts of the application forms, receipt and status pages: a second catalogue,
/// embedded only in the bundles that show them, so that the other bundles stay small. Other
/// languages fetch it from `/locales/applications/<code>.json`.
pub const APPLICATIONS_ITALIAN_JSON: &str = include_str!("../locales/applications/it.json");

/// The Italian texts a bundle embeds: the common ones and its own.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddedItalian {
    pub common: &'static str,
    pub own: &'static str,
}

/// A bundle's own texts besides the common ones.
#[derive(Clone, Copy, Debug)]
pub struct ExtraTexts {
    /// `None`: Italian is fetched like every other language (the self-check, whose first load
    /// in every language must fit 200 KB: embedded Italian was 3.5 KB of every other
    /// language's first load, issue 11).
    pub italian: Option<EmbeddedItalian>,
    /// The folder under `/locales/` with the other languages.
    pub folder: &'static str,
    /// The language whose texts stand in when the folder has none for the chosen language (the
    /// back office is written in Italian and English only).
    pub fallback: Option<&'static str>,
    /// The folder's files hold the common texts too (`[common, own]`, merged by `cargo xtask
    /// build`): one request instead of two, and one brotli stream.
    pub with_common: bool,
}

const fn embedded(own: &'static str) -> Option<EmbeddedItalian> {
    Some(EmbeddedItalian { common: ITALIAN_JSON, own })
}

/// The texts of the applications bundles.
pub const APPLICATIONS: ExtraTexts = ExtraTexts {
    italian: embedded(APPLICATIONS_ITALIAN_JSON),
    folder: "applications",
    fallback: None,
    with_common: false,
};

/// The texts of the self-check bundle (its steps, its result, the plain question of each
/// instrument item): a catalogue of its own, so that the forms, the status pages and the public
/// pages do not carry them (issue 11: their first load in every language), fetched in every
/// language from `/locales/self_check/<code>.json` with the common texts merged in.
pub const SELF_CHECK: ExtraTexts =
    ExtraTexts { italian: None, folder: "self_check", fallback: None, with_common: true };

/// The Italian texts of the public information pages (home, channels, access points,
/// territory, sources, opportunities, privacy, accessibility): a third catalogue, embedded only
/// in the public bundle, so that the self-check's first load has room for the fonts.
pub const PAGES_ITALIAN_JSON: &str = include_str!("../locales/pages/it.json");

/// The texts of the public bundle.
pub const PAGES: ExtraTexts =
    ExtraTexts { italian: embedded(PAGES_ITALIAN_JSON), folder: "pages", fallback: None, with_common: false };

/// The Italian texts of the back office (partners and operators), embedded only in its bundle.
/// Its other language is English (`/locales/back_office/en.json`), which also stands in for the
/// languages it is not written in.
pub const BACK_OFFICE_ITALIAN_JSON: &str = include_str!("../locales/back_office/it.json");

/// The texts of the back-office bundle.
pub const BACK_OFFICE: ExtraTexts = ExtraTexts {
    italian: embedded(BACK_OFFICE_ITALIAN_JSON),
    folder: "back_office",
    fallback: Some("en"),
    with_common: false,
};

/// The app's language and its texts; `Copy`, so it moves into any closure.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The embedded Italian texts (common and the bundle's own), empty when Italian is fetched.
    italian: &'static Catalogue,
    extra: ExtraTexts,
    language: RwSignal<Language>,
    /// The fetched texts of `language` (every language but an embedded Italian).
    texts: RwSignal<Option<Arc<Catalogue>>>,
    /// The language last asked for, so that a slow load never overrides a later choice.
    requested: StoredValue<Language>,
    loaded: StoredValue<HashMap<Language, Arc<Catalogue>>>,
}

impl I18n {
    pub fn language(self) -> Language {
        self.language.get()
    }

    /// The text for `key` in the current language (Italian when missing; the key itself when
    /// Italian lacks it too, which the locale tests forbid).
    pub fn t(self, key: &str) -> String {
        self.find(key).unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` in the current language, else in Italian; `None` when no catalogue
    /// has it (a text a page shows only when it exists: a hint, a field's own message).
    pub fn find(self, key: &str) -> Option<String> {
        let texts = self.texts.read();
        texts.as_deref().and_then(|catalogue| catalogue.get(key)).or_else(|| self.italian.get(key)).map(str::to_owned)
    }

    /// The text for `key` with its `{name}` parameters filled.
    pub fn t_with(self, key: &str, params: &[(&str, String)]) -> String {
        fill(&self.t(key), &self.isolated(params))
    }

    /// In a right-to-left language, each parameter written in Latin letters (a comune, an
    /// Italian title, a code) is isolated (Unicode FSI ... PDI) so that its direction does not
    /// scramble the sentence around it (issue 14); a translated name needs no isolation, and
    /// other languages get their parameters as they are.
    pub fn isolated<'a>(self, params: &[(&'a str, String)]) -> Vec<(&'a str, String)> {
        let right_to_left = self.language().is_right_to_left();
        let latin = |value: &str| {
            value.chars().any(|letter| letter.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&letter))
        };
        params
            .iter()
            .map(|(name, value)| {
                let isolate = right_to_left && latin(value);
                (*name, if isolate { format!("\u{2068}{value}\u{2069}") } else { value.clone() })
            })
            .collect()
    }

    /// The text for `count` of something: `key` holds one text per plural category of the
    /// language (`key.#one`, `key.#few`, `key.#other`, ...; `#` keeps them apart from choice
    /// codes such as `other`), chosen by the browser's plural rules; `{count}` is filled with
    /// the number. `#other` stands in for a category the file lacks; Italian for a language
    /// that lacks the text (the locale tests forbid both).
    pub fn t_count(self, key: &str, count: usize, params: &[(&str, String)]) -> String {
        let category = device::plural_category(self.language().code(), count);
        let template = self
            .find(&format!("{key}.#{category}"))
            .or_else(|| self.find(&format!("{key}.#other")))
            .unwrap_or_default();
        let mut all = vec![("count", count.to_string())];
        all.extend(params.iter().cloned());
        fill(&template, &self.isolated(&all))
    }

    /// The text for `key` only when the current language itself has it (no Italian fallback),
    /// for texts whose other sources (the rules' data) know Italian and English.
    pub fn own_text(self, key: &str) -> Option<String> {
        if self.language.get() == Language::Italian {
            return self.find(key);
        }
        self.texts.read().as_deref().and_then(|catalogue| catalogue.get(key)).map(str::to_owned)
    }

    /// Switches language (fetching its texts once) and remembers the choice on this device.
    pub fn choose(self, language: Language) {
        device::save_language(language.code());
        self.switch(language);
    }

    fn switch(self, language: Language) {
        self.requested.set_value(language);
        if language == Language::Italian && self.extra.italian.is_some() {
            self.apply(language, None);
            return;
        }
        if let Some(catalogue) = self.loaded.with_value(|loaded| loaded.get(&language).cloned()) {
            self.apply(language, Some(catalogue));
            return;
        }
        self.load(language, 1);
    }

    /// Fetches the texts of `language`; this is attempt number `attempt`.
    fn load(self, language: Language, attempt: u32) {
        let extra = self.extra;
        spawn_local(async move {
            let Some(catalogue) = load_catalogue(language, extra).await else {
                let shown = self.texts.with_untracked(Option::is_some);
                if extra.italian.is_none() && !shown && attempt < FETCH_ATTEMPTS {
                    // Nothing to show yet: ask again, a little later each time.
                    let wait = FIRST_RETRY_MS << (attempt - 1);
                    set_timeout(
                        move || self.load(language, attempt + 1),
                        std::time::Duration::from_millis(wait.into()),
                    );
                    return;
                }
                // Offline or missing: stay in the current language.
                reveal();
                return;
            };
            let catalogue = Arc::new(catalogue);
            self.loaded.update_value(|loaded| {
                loaded.insert(language, catalogue.clone());
            });
            if self.requested.get_value() == language {
                self.apply(language, Some(catalogue));
            }
        });
    }

    fn apply(self, language: Language, texts: Option<Arc<Catalogue>>) {
        self.texts.set(texts);
        self.language.set(language);
        reveal();
    }
}

/// Shows the page hidden while its texts loaded, at the next frame: by then the texts and the
/// document's language have been updated, so the first thing seen is the right language.
fn reveal() {
    request_animation_frame(|| {
        device::set_texts_pending(false);
        device::focus_heading_if_nothing_focused();
    });
}

/// The texts of `language` (with the bundle's own), or `None` offline or on a broken file.
async fn load_catalogue(language: Language, extra: ExtraTexts) -> Option<Catalogue> {
    let mut catalogue = if extra.with_common {
        Catalogue::default()
    } else {
        Catalogue::from_json(&api::locale_texts(language.code()).await.ok()?).ok()?
    };
    let path = format!("{}/{}", extra.folder, language.code());
    let own = match (api::locale_texts(&path).await, extra.fallback) {
        (Ok(text), _) => text,
        (Err(_), Some(fallback)) => api::locale_texts(&format!("{}/{fallback}", extra.folder)).await.ok()?,
        (Err(_), None) => return None,
    };
    catalogue.merge(Catalogue::from_json(&own).ok()?);
    Some(catalogue)
}

/// The reactive text for `key`, for a text node or an attribute. Every call returns the same
/// closure type, so the view code that renders it is compiled once, not once per text: with
/// hundreds of texts this keeps the WebAssembly much smaller than a closure per call site.
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// [`tr`] for a key built at run time (`channels.<slug>.name`).
pub fn tr_key(key: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(&key)
}

/// Creates the i18n context of a bundle (the common texts with the bundle's own): the saved
/// language, else the browser's, else Italian; keeps `lang` and `dir` of `<html>` in step with
/// it.
pub fn provide_i18n_with(extra: ExtraTexts) -> I18n {
    let mut merged = Catalogue::default();
    if let Some(italian) = extra.italian {
        merged.merge(Catalogue::from_json(italian.common).unwrap_or_default());
        merged.merge(Catalogue::from_json(italian.own).unwrap_or_default());
    }
    // Made once per page load, for the life of the page.
    let italian: &'static Catalogue = Box::leak(Box::new(merged));
    let i18n = I18n {
        italian,
        extra,
        language: RwSignal::new(Language::Italian),
        texts: RwSignal::new(None),
        requested: StoredValue::new(Language::Italian),
        loaded: StoredValue::new(HashMap::new()),
    };
    provide_context(i18n);
    let initial = device::saved_language()
        .and_then(|code| Language::from_code(&code))
        .unwrap_or_else(|| Language::from_preferences(device::browser_languages().iter().map(String::as_str)));
    if extra.italian.is_none() {
        // Nothing to show until the texts arrive (or every attempt failed).
        device::set_texts_pending(true);
    } else if initial != Language::Italian {
        // Until its texts arrive the page stays hidden, at most this long (a slow network
        // then shows Italian, and the texts replace it when they come).
        device::set_texts_pending(true);
        set_timeout(|| device::set_texts_pending(false), LANGUAGE_WAIT);
    }
    i18n.switch(initial);
    Effect::new(move |_| {
        let language = i18n.language.get();
        device::set_document_language(language.code(), language.dir());
    });
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
