//! Remembers the language a person chose, on their device only (localStorage), so that the
//! next visit opens in it. Without a saved choice the browser's preferred languages decide.

use leptos_i18n::Locale as _;

use crate::i18n::Locale;

const LANGUAGE_KEY: &str = "ipl.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language saved on this device, if it is one this build knows.
pub fn saved_language() -> Option<Locale> {
    let saved = storage()?.get_item(LANGUAGE_KEY).ok().flatten()?;
    Locale::get_all().iter().copied().find(|locale| locale.as_str() == saved)
}

/// Saves the chosen language; a browser that refuses storage just forgets it.
pub fn save_language(locale: Locale) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANGUAGE_KEY, locale.as_str());
    }
}
