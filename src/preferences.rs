//! What the app keeps on the device and reads from the browser: the chosen language (in
//! localStorage, never sent anywhere), the browser's preferred languages, and the `lang` and
//! `dir` of the document.

const LANGUAGE_KEY: &str = "ipl.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language code saved on this device, if any.
pub fn saved_language() -> Option<String> {
    storage()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Saves the chosen language; a browser that refuses storage just forgets it.
pub fn save_language(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
    }
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|value| value.as_string()).collect())
        .unwrap_or_default()
}

/// Sets `lang` and `dir` on `<html>`, so that screen readers, fonts and layout follow.
pub fn set_document_language(code: &str, dir: &str) {
    if let Some(root) =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", dir);
    }
}
