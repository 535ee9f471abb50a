//! The device: what the app keeps in its storage (the chosen language, a self-check draft;
//! never sent anywhere), the browser's preferred languages, today's date, printing, and the
//! `lang` and `dir` of the document. The only module besides `api.rs` that touches the browser.

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

/// Hides the page (`data-texts-pending` on `<html>`, see main.css) while the texts of the
/// person's language load, so that nobody sees Italian flash and the layout jump; shown again
/// when they arrive, fail, or after a short wait at most.
pub fn set_texts_pending(pending: bool) {
    if let Some(root) =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.document_element())
    {
        let _ = if pending {
            root.set_attribute("data-texts-pending", "")
        } else {
            root.remove_attribute("data-texts-pending")
        };
    }
}

/// A text kept on this device under `key`.
pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key`; false when the browser refuses (private mode, full storage).
pub fn save_text(key: &str, text: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(key, text).is_ok())
}

/// Forgets what is kept under `key`.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Today's date on this device.
pub fn today() -> insieme_rules::Date {
    let milliseconds = js_sys::Date::now();
    insieme_rules::Date::from_days_since_unix_epoch((milliseconds / 86_400_000.0).floor() as i64 + local_offset_days())
}

/// 0, or ±1 when the local date differs from the UTC date right now.
fn local_offset_days() -> i64 {
    let now = js_sys::Date::new_0();
    let local = (now.get_full_year(), now.get_month(), now.get_date());
    let utc = (now.get_utc_full_year(), now.get_utc_month(), now.get_utc_date());
    match local.cmp(&utc) {
        std::cmp::Ordering::Greater => 1,
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
    }
}

/// Opens the browser's print dialog ("print or save as PDF").
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Sets the title of the document (the browser tab, and what a screen reader announces first).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Gives the focus to the page's heading, when it takes focus (`tabindex="-1"`, as the wizard's
/// steps do) and nothing has it: a page hidden while its texts loaded could not take the focus
/// its step asked for, since hidden elements cannot be focused.
pub fn focus_heading_if_nothing_focused() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let nothing_focused = document.active_element().is_none_or(|element| element.tag_name() == "BODY");
    let heading = document.query_selector("h1[tabindex='-1']").ok().flatten();
    if let (true, Some(heading)) =
        (nothing_focused, heading.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()))
    {
        let _ = heading.focus();
    }
}

/// Moves the focus to the element with this id, if it is on the page (the error summary after a
/// second failed Continue: its own effect only runs when the problems change).
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let element =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id(id));
    if let Some(element) = element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// A random (version 4) UUID from the browser's cryptographic generator: the id of a new
/// application draft.
pub fn new_uuid() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto object (very old browsers): Math.random is enough for a unique id.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    insieme_validation::application::uuid_from_bytes(bytes)
}

/// Loads another page of the site (another bundle): an ordinary navigation.
pub fn load_page(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}

/// The page's address without the fragment (`https://host/verifica`).
pub fn origin() -> String {
    web_sys::window().and_then(|window| window.location().origin().ok()).unwrap_or_default()
}

/// The fragment of the address (after `#`). Browsers never send the fragment to the server, so
/// data in it stays on the device.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Some(hash.strip_prefix('#')?.to_owned()).filter(|fragment| !fragment.is_empty())
}

/// [`fragment`], removed from the address bar once read.
pub fn take_fragment() -> Option<String> {
    let fragment = fragment()?;
    if let Some(window) = web_sys::window()
        && let (Ok(history), Ok(path)) = (window.history(), window.location().pathname())
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(fragment)
}

/// How much of a moment to show.
#[derive(Clone, Copy)]
pub enum Moment {
    /// "29 novembre 2026"
    Day,
    /// "29 novembre 2026, 15:34" (in the language's own form)
    DayAndTime,
}

/// An ISO 8601 date or time (`2026-11-25`, `2026-11-25T17:52:13.571Z`, `2026-11-30T10:00`) as
/// people read it in `language` (a BCP 47 code), through the browser's `Intl`: "29 novembre
/// 2026, 15:34", "29 November 2026 at 15:34", "٢٩ نوفمبر ٢٠٢٦". Days are shown as they are
/// written, whatever the device's time zone; the text itself if the browser cannot read it.
pub fn in_words(iso: &str, language: &str, moment: Moment) -> String {
    // A bare day is read by browsers as midnight UTC: noon keeps it on its day everywhere.
    let readable = if iso.len() == 10 { format!("{iso}T12:00") } else { iso.to_owned() };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&readable));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = js_sys::Object::new();
    let mut parts = vec![("day", "numeric"), ("month", "long"), ("year", "numeric")];
    if matches!(moment, Moment::DayAndTime) {
        parts.extend([("hour", "2-digit"), ("minute", "2-digit")]);
    }
    for (name, value) in parts {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    date.to_locale_string(language, &options).into()
}

/// The plural category (`one`, `few`, `many`, `other`, ...) of `count` in `language`, from the
/// browser's own plural rules (`Intl.PluralRules`): Arabic, Slavic and Romanian forms included,
/// without a table of ours.
pub fn plural_category(language: &str, count: usize) -> String {
    let locales = js_sys::Array::of1(&language.into());
    js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()).select(count as f64).into()
}

/// An ISO 8601 UTC time (`2026-11-25T17:52:13.571Z`) as the device's local date and time
/// (`2026-11-25 18:52`); the text itself if the browser cannot read it.
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}
