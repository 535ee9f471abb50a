//! The self-check draft as text: what is kept on the device between visits (the resume code that
//! carries the answers to another device is `state::resume_code`).

use insieme_rules::{Answers, Instrument};
use serde::{Deserialize, Serialize};

use crate::state::self_check::{Intent, SelfCheck};

/// The storage key of the draft on this device.
pub const DRAFT_KEY: &str = "ipl.self_check";

#[derive(Serialize)]
struct DraftOut<'a> {
    intent: Option<Intent>,
    answers: &'a Answers,
}

#[derive(Deserialize)]
struct DraftIn<'a> {
    intent: Option<Intent>,
    /// Read as text and checked by the rules crate, without building a JSON tree first.
    #[serde(borrow)]
    answers: &'a serde_json::value::RawValue,
}

/// The draft as JSON text.
pub fn to_text(check: &SelfCheck) -> String {
    serde_json::to_string(&DraftOut { intent: check.intent, answers: &check.answers }).unwrap_or_default()
}

/// The storage key where a draft this version cannot read at all is kept aside, never deleted.
pub const KEPT_KEY: &str = "ipl.self_check.kept";

/// A draft read back with how many of its answers were left out because they no longer fit
/// (an older instrument: issue 11, migrated rather than dropped); `None` when the text is not a
/// draft at all.
pub fn from_text(text: &str, instrument: &Instrument) -> Option<(SelfCheck, usize)> {
    let draft: DraftIn = serde_json::from_str(text).ok()?;
    let (answers, left_out) = Answers::from_saved_json_keeping_what_fits(draft.answers.get(), instrument)?;
    Some((SelfCheck { intent: draft.intent, answers }, left_out))
}

#[cfg(test)]
mod tests {
    use insieme_rules::Level;

    use super::*;

    fn sample() -> SelfCheck {
        let mut check = SelfCheck { intent: Some(Intent::Everything), ..SelfCheck::default() };
        check.answers.assessed_on = "2026-11-25".parse().ok();
        check.answers.profile.comune = Some("Castello d'Argile".to_owned());
        check.answers.profile.in_active_labour_measure = Some(false);
        check.set_item("income", Level::new(3));
        check
    }

    #[test]
    fn a_draft_survives_the_round_trip() {
        let instrument = Instrument::fragility();
        assert_eq!(from_text(&to_text(&sample()), instrument), Some((sample(), 0)));
    }

    #[test]
    fn a_draft_from_another_instrument_keeps_what_fits_and_trusts_nothing_else() {
        let instrument = Instrument::fragility();
        let older = r#"{"intent":"everything","answers":{"fragility":{"income":9,"debt":2,"gone":1}}}"#;
        let (check, left_out) = from_text(older, instrument).expect("migrated");
        assert_eq!(left_out, 2);
        assert_eq!(check.answers.fragility.len(), 1);
        assert_eq!(check.intent, Some(Intent::Everything));
        assert_eq!(from_text("not a draft", instrument), None);
    }
}
