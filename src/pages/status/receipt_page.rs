//! The confirmation: the reference (no personal data in it), the secret access code, a QR code
//! of the reference, a printable receipt and what happens next on this channel. The receipt
//! comes in the address's fragment (so it shows even when the browser refused to keep it) or
//! from the receipts kept on this device; the page says truthfully whether it is kept here.

use insieme_api::Receipt;
use leptos::prelude::*;

use crate::{
    application_store::{forget_receipt, saved_receipts},
    components::{ConfirmAction, ConfirmTexts, PageTitle, QrCode},
    device,
    i18n::{tr, tr_key, use_i18n},
    navigation::Link,
    state::{application::Form, receipts},
};

#[component]
pub fn ReceiptPage(form: Form) -> impl IntoView {
    let from_address = device::fragment().and_then(|fragment| receipts::from_fragment(&fragment));
    let book = saved_receipts();
    let shown = from_address
        .clone()
        .or_else(|| book.receipts.iter().find(|receipt| receipt.channel == form.channel()).cloned());
    let kept = shown.as_ref().is_some_and(|receipt| book.holds(&receipt.reference));
    if kept && from_address.is_some() {
        // Kept on the device: the access code need not stay in the address bar and history.
        device::take_fragment();
    }
    let earlier: Vec<Receipt> = book
        .receipts
        .iter()
        .filter(|receipt| shown.as_ref().is_none_or(|shown| shown.reference != receipt.reference))
        .cloned()
        .collect();
    let shown = RwSignal::new(shown);
    let kept = RwSignal::new(kept);
    let slug = form.code();
    let body = move || {
        match shown.get() {
        None => view! {
            <p>{tr("apply.sent_nothing")}</p>
            <Link href="/stato">{tr("apply.status_link")}</Link>
        }
        .into_any(),
        Some(receipt) => view! {
            <ReceiptCodes receipt=receipt.clone() />
            <p>{tr("apply.access_code_hint")}</p>
            <p class=move || if kept.get() { "" } else { "notice" }>
                {move || if kept.get() { tr("apply.receipt_kept")() } else { tr("apply.receipt_not_kept")() }}
            </p>
            <h2>{tr("apply.next_title")}</h2>
            <p>{tr_key(format!("apply.next.{slug}"))}</p>
            <div class="button-row no-print">
                <button type="button" class="button button--primary" on:click=move |_| device::print()>{tr("apply.print")}</button>
                <Link href="/stato" class="button">{tr("apply.status_link")}</Link>
            </div>
            {move || kept.get().then(|| {
                let reference = receipt.reference.clone();
                view! {
                    <ConfirmAction texts=FORGET_RECEIPT on_confirm=Callback::new(move |()| {
                        forget_receipt(&reference);
                        kept.set(false);
                        shown.set(None);
                    }) />
                }
            })}
        }
        .into_any(),
    }
    };
    view! {
        <PageTitle text=Signal::derive(tr("apply.sent_title")) />
        <h1>{tr("apply.sent_title")}</h1>
        {body}
        {(!earlier.is_empty()).then(|| view! {
            <details class="no-print">
                <summary>{tr("apply.earlier_receipts")}</summary>
                <ul>
                    {earlier.into_iter().map(|receipt| view! {
                        <li>{receipt.reference} " · " {receipt.access_code}</li>
                    }).collect_view()}
                </ul>
            </details>
        })}
    }
}

/// Reference, access code, sending time and the QR code of the reference.
#[component]
fn ReceiptCodes(receipt: Receipt) -> impl IntoView {
    let i18n = use_i18n();
    let reference = receipt.reference.clone();
    let qr_label = Signal::derive({
        let reference = reference.clone();
        move || i18n.t_with("apply.qr_label", &[("reference", reference.clone())])
    });
    let submitted_at = receipt.submitted_at.clone();
    let sent_at = move || device::in_words(&submitted_at, i18n.language().code(), device::Moment::DayAndTime);
    view! {
        <p class="print-only">{tr("site.name")}</p>
        <p>{move || i18n.t_with("apply.sent_at", &[("when", sent_at())])}</p>
        <div class="receipt">
            <dl class="receipt__codes">
                <dt>{tr("apply.reference")}</dt>
                <dd class="receipt__reference" dir="ltr" translate="no">{reference.clone()}</dd>
                <dt>{tr("apply.access_code")}</dt>
                <dd class="receipt__code" dir="ltr" translate="no">{receipt.access_code.clone()}</dd>
            </dl>
            <QrCode text=reference label=qr_label />
        </div>
    }
}

/// "Remove the receipt from this device", asked twice: the access code exists nowhere else.
const FORGET_RECEIPT: ConfirmTexts = ConfirmTexts {
    action: "apply.forget_receipt",
    question: "apply.forget_receipt_confirm",
    confirm: "apply.forget_receipt_yes",
    keep: "apply.keep_receipt",
};
