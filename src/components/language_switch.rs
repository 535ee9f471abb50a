//! Switches the language of the whole app. Each language is named in itself ("English",
//! "Italiano") and marked with its own `lang`, so that screen readers pronounce it correctly.
//! The choice is saved on the device; leptos_i18n sets `lang` and `dir` on `<html>`.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::{
    i18n::{Locale, t_string, use_i18n},
    preferences,
};

/// The name of each language in that language.
fn endonym(locale: Locale) -> &'static str {
    match locale {
        Locale::it => "Italiano",
        Locale::en => "English",
    }
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch" role="group" aria-label=move || t_string!(i18n, language.label)>
            {Locale::get_all()
                .iter()
                .copied()
                .map(|locale| {
                    let current = move || i18n.get_locale() == locale;
                    view! {
                        <button
                            type="button"
                            class="language-switch__option"
                            lang=locale.as_str()
                            aria-pressed=move || current().to_string()
                            on:click=move |_| {
                                i18n.set_locale(locale);
                                preferences::save_language(locale);
                            }
                        >
                            {endonym(locale)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
