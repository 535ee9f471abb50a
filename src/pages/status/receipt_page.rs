//! The confirmation: the reference (no personal data in it), the secret access code, a QR code
//! of the reference, a printable receipt and what happens next on this channel.

use leptos::prelude::*;

use crate::{
    application_store::{forget_receipt, saved_receipt},
    components::{PageTitle, QrCode},
    device,
    i18n::{tr, tr_key, use_i18n},
    navigation::Link,
    state::application::Form,
};

#[component]
pub fn ReceiptPage(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let saved = RwSignal::new(saved_receipt(form));
    let slug = form.code();
    let body = move || match saved.get() {
        None => view! {
            <p>{tr("apply.sent_nothing")}</p>
            <Link href="/stato">{tr("apply.status_link")}</Link>
        }
        .into_any(),
        Some(receipt) => {
            let reference = receipt.reference.clone();
            let qr_label = Signal::derive({
                let reference = reference.clone();
                move || i18n.t_with("apply.qr_label", &[("reference", reference.clone())])
            });
            let sent_at = device::local_time(&receipt.submitted_at);
            view! {
                <p class="print-only">{tr("site.name")}</p>
                <p>{move || i18n.t_with("apply.sent_at", &[("when", sent_at.clone())])}</p>
                <div class="receipt">
                    <dl class="receipt__codes">
                        <dt>{tr("apply.reference")}</dt>
                        <dd class="receipt__reference">{reference.clone()}</dd>
                        <dt>{tr("apply.access_code")}</dt>
                        <dd class="receipt__code">{receipt.access_code.clone()}</dd>
                    </dl>
                    <QrCode text=reference.clone() label=qr_label />
                </div>
                <p>{tr("apply.access_code_hint")}</p>
                <h2>{tr("apply.next_title")}</h2>
                <p>{tr_key(format!("apply.next.{slug}"))}</p>
                <div class="button-row no-print">
                    <button type="button" class="button button--primary" on:click=move |_| device::print()>{tr("apply.print")}</button>
                    <Link href="/stato" class="button">{tr("apply.status_link")}</Link>
                    <button type="button" class="button button--danger" on:click=move |_| {
                        forget_receipt(form);
                        saved.set(None);
                    }>{tr("apply.forget_receipt")}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <PageTitle text=Signal::derive(tr("apply.sent_title")) />
        <h1>{tr("apply.sent_title")}</h1>
        {body}
    }
}
