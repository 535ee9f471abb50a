//! The status app (`/stato/...`): the receipt right after sending (`/stato/ricevuta/<channel>`)
//! and the status page (`/stato`), where a person follows and corrects their application; and
//! the QR code of a self-check resume code (`/stato/codice#<code>`); and the accessibility
//! report form (`/stato/segnalazione`), linked from the accessibility statement.

mod feedback_page;
mod lookup_page;
mod receipt_page;
mod resume_qr_page;

use leptos::prelude::*;

use crate::{navigation::use_location, pages::NotFoundPage, state::application::Form};

pub use lookup_page::StatusPage;

#[component]
pub fn StatusApp() -> impl IntoView {
    let location = use_location();
    move || {
        let path = location.path();
        let rest = path.trim_end_matches('/').strip_prefix("/stato").unwrap_or_default().to_owned();
        match rest.strip_prefix("/ricevuta/").map(Form::from_slug) {
            Some(Some(form)) => view! { <receipt_page::ReceiptPage form=form /> }.into_any(),
            Some(None) => view! { <NotFoundPage /> }.into_any(),
            None if rest.is_empty() => view! { <StatusPage /> }.into_any(),
            None if rest == "/codice" => view! { <resume_qr_page::ResumeQrPage /> }.into_any(),
            None if rest == "/segnalazione" => view! { <feedback_page::FeedbackPage /> }.into_any(),
            None => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
