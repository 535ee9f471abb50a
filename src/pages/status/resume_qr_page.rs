//! `/stato/codice#<resume code>`: the self-check's resume code as a QR code, to scan with another
//! device. The code comes in the fragment, which the browser never sends to the server; the QR
//! code opens `/verifica#<code>`, where the self-check takes the answers from the fragment again.

use leptos::prelude::*;

use crate::{
    components::{PageTitle, QrCode},
    device,
    i18n::tr,
    state::resume_code::looks_like_a_code,
};

#[component]
pub fn ResumeQrPage() -> impl IntoView {
    let code = device::fragment().filter(|fragment| looks_like_a_code(fragment));
    let body = match code {
        Some(code) => view! {
            <p>{tr("resume.qr_text")}</p>
            <p class="resume__code" dir="ltr">{code.clone()}</p>
            <QrCode text=format!("{}/verifica#{code}", device::origin()) label=Signal::derive(tr("resume.qr_label")) large=true />
        }
        .into_any(),
        None => view! { <p class="notice">{tr("resume.qr_missing")}</p> }.into_any(),
    };
    view! {
        <PageTitle text=Signal::derive(tr("resume.qr_title")) />
        <h1>{tr("resume.qr_title")}</h1>
        {body}
        <p><a href="/verifica/risultato" rel="external">{tr("resume.back")}</a></p>
    }
}
