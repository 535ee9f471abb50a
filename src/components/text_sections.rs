//! A page of plain text in sections (privacy notice, accessibility statement): each section is
//! a heading and a paragraph, both from the i18n layer.

use leptos::prelude::*;

use crate::i18n::tr;

#[component]
pub fn TextSections(sections: &'static [(&'static str, &'static str)]) -> impl IntoView {
    sections
        .iter()
        .map(|(heading, body)| {
            view! {
                <section>
                    <h2>{tr(heading)}</h2>
                    <p>{tr(body)}</p>
                </section>
            }
        })
        .collect_view()
}
