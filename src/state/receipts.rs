//! The receipts kept on this device: every application sent from it, newest first, until the
//! person removes one. A receipt is the only copy of its access code, so it also travels to the
//! receipt page in the address's fragment (never sent to a server): the page shows it even when
//! the browser refused to store it.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use insieme_api::Receipt;

/// Where the list is kept.
pub const RECEIPTS_KEY: &str = "ipl.receipts";
/// Where the first release kept the one receipt of each form (read once, then moved).
pub const LEGACY_KEY_PREFIX: &str = "ipl.receipt.";

/// Every receipt on the device, newest first, one per reference.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReceiptBook {
    pub receipts: Vec<Receipt>,
}

impl ReceiptBook {
    /// The book as stored (an unreadable text is an empty book: nothing is invented).
    pub fn from_text(text: Option<&str>) -> Self {
        let receipts = text.and_then(|text| serde_json::from_str(text).ok()).unwrap_or_default();
        Self { receipts }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(&self.receipts).unwrap_or_default()
    }

    /// Adds `receipt` in front, replacing an older copy of the same reference.
    pub fn keep(&mut self, receipt: Receipt) {
        self.receipts.retain(|kept| kept.reference != receipt.reference);
        self.receipts.insert(0, receipt);
    }

    pub fn forget(&mut self, reference: &str) {
        self.receipts.retain(|kept| kept.reference != reference);
    }

    pub fn holds(&self, reference: &str) -> bool {
        self.receipts.iter().any(|kept| kept.reference == reference)
    }
}

/// The receipt as an address fragment: base64url of its JSON.
pub fn to_fragment(receipt: &Receipt) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(receipt).unwrap_or_default())
}

/// The receipt in a fragment written by [`to_fragment`]; `None` for anything else.
pub fn from_fragment(fragment: &str) -> Option<Receipt> {
    let bytes = URL_SAFE_NO_PAD.decode(fragment.trim()).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use insieme_api::{Channel, State};

    use super::*;

    fn receipt(reference: &str) -> Receipt {
        Receipt {
            id: format!("id-{reference}"),
            reference: reference.to_owned(),
            access_code: "7K3M-9QXD-2B4N-HT6R".to_owned(),
            channel: Channel::Fragility,
            state: State::Submitted,
            submitted_at: "2026-11-29T10:00:00.000Z".to_owned(),
        }
    }

    #[test]
    fn a_second_application_of_the_same_form_keeps_the_first_receipt() {
        let mut book = ReceiptBook::default();
        book.keep(receipt("IPL-2026-000001"));
        book.keep(receipt("IPL-2026-000002"));
        book.keep(receipt("IPL-2026-000001"));
        let references: Vec<&str> = book.receipts.iter().map(|kept| kept.reference.as_str()).collect();
        assert_eq!(references, ["IPL-2026-000001", "IPL-2026-000002"]);
        let again = ReceiptBook::from_text(Some(&book.to_text()));
        assert_eq!(again, book);
        book.forget("IPL-2026-000001");
        assert!(!book.holds("IPL-2026-000001"));
        assert!(book.holds("IPL-2026-000002"));
    }

    #[test]
    fn a_receipt_survives_the_trip_through_the_fragment() {
        let sent = receipt("IPL-2026-000123");
        let fragment = to_fragment(&sent);
        assert!(fragment.chars().all(|letter| letter.is_ascii_alphanumeric() || letter == '-' || letter == '_'));
        assert_eq!(from_fragment(&fragment), Some(sent));
        assert_eq!(from_fragment("not-a-receipt"), None);
        assert_eq!(ReceiptBook::from_text(Some("garbage")), ReceiptBook::default());
    }
}
