//! Switches the language of the whole app. A disclosure button ("Lingua: Italiano") opens the
//! list of languages, each named in itself and marked with its own `lang` and `dir`, so that a
//! person finds theirs and screen readers pronounce it correctly.

use leptos::prelude::*;

use crate::i18n::{Language, tr, use_i18n};

const LIST_ID: &str = "language-list";

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <div class="language-switch">
            <button
                type="button"
                class="language-switch__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=LIST_ID
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {tr("language.label")}
                ": "
                <span lang=move || i18n.language().code()>{move || i18n.language().endonym()}</span>
            </button>
            <ul id=LIST_ID class="language-switch__list" hidden=move || !open.get()>
                {Language::AVAILABLE
                    .into_iter()
                    .map(|language| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="language-switch__option"
                                    lang=language.code()
                                    dir=language.dir()
                                    aria-pressed=move || (i18n.language() == language).to_string()
                                    on:click=move |_| {
                                        i18n.choose(language);
                                        open.set(false);
                                    }
                                >
                                    {language.endonym()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
