//! What a workflow step must record, read from the words of `workflows.toml` (`records`). The
//! server checks requests against it; the back office shows the fields it asks for. The words are the partners'; this module recognises the
//! kinds they use, and a transition whose words it does not recognise records only an optional
//! note (the test `every_record_of_the_table_is_understood` lists what it understands).

use serde::{Deserialize, Serialize};

use crate::workflow::Transition;

/// The kinds of things a transition records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    /// Fields to correct, with a note for the person.
    pub fields: bool,
    /// A written explanation is required (reasons, referral, attempts made, who asked...).
    pub note: bool,
    /// Organisations the case is shared with for a joint analysis.
    pub shares: bool,
    /// Partners present at a decision.
    pub partners_present: bool,
    /// One value out of a list (`path: traineeship | training | job_placement`).
    pub choice: Option<Vec<String>>,
    /// An interview slot: date and time, access point, operator.
    pub slot: bool,
    /// The fragility items as confirmed or corrected at the interview.
    pub items: bool,
    /// The sustainability grid of channel 4 (`Instrument::sustainability`): every criterion
    /// scored by the reviewers, totalled by the engine.
    pub grid: bool,
}

/// Words of a record that ask for a written explanation.
const NOTE_WORDS: [&str; 8] = [
    "reasons",
    "referral",
    "attempts made",
    "who asked",
    "assessment notes",
    "requirement fails",
    "end date",
    "services of the path",
];

/// One kind of thing a record's words ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Fields,
    Note,
    Shares,
    PartnersPresent,
    Choice(Vec<String>),
    Slot,
    Items,
    Grid,
    /// Recorded without the request saying it: the access point, operator and place ride with
    /// the slot, the official assessment is computed, dates are the step's own,
    /// optional notes and the note for the person ride with the fields.
    Implied,
}

fn kind(words: &str) -> Option<Kind> {
    if words.starts_with("fields to correct") {
        Some(Kind::Fields)
    } else if words.starts_with("partner organisations the case is shared with") {
        Some(Kind::Shares)
    } else if words == "partners present" {
        Some(Kind::PartnersPresent)
    } else if let Some(list) = words.strip_prefix("path:").or_else(|| words.strip_prefix("service:")) {
        Some(Kind::Choice(
            list.split('|').filter_map(|choice| choice.split_whitespace().next()).map(str::to_owned).collect(),
        ))
    } else if words.starts_with("date and time") {
        Some(Kind::Slot)
    } else if words.starts_with("the 29 items") {
        Some(Kind::Items)
    } else if words.contains("sustainability grid") {
        Some(Kind::Grid)
    } else if NOTE_WORDS.iter().any(|note_word| words.contains(note_word)) {
        Some(Kind::Note)
    } else if words.starts_with("access point")
        || words == "operator"
        || words == "place"
        || words.starts_with("official assessment")
        || words == "notes"
        || words == "a note for the person"
        || words == "decision date"
    {
        Some(Kind::Implied)
    } else {
        None
    }
}

impl Records {
    pub fn of(transition: &Transition) -> Records {
        let mut records = Records::default();
        for kind in transition.records.iter().filter_map(|words| kind(words)) {
            match kind {
                Kind::Fields => records.fields = true,
                Kind::Note => records.note = true,
                Kind::Shares => records.shares = true,
                Kind::PartnersPresent => records.partners_present = true,
                Kind::Choice(choices) => records.choice = Some(choices),
                Kind::Slot => records.slot = true,
                Kind::Items => records.items = true,
                Kind::Grid => records.grid = true,
                Kind::Implied => {}
            }
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use crate::{Channel, Workflows};

    use super::Records;

    #[test]
    fn every_record_of_the_table_is_understood() {
        let mut not_understood = Vec::new();
        for workflow in &Workflows::embedded().channels {
            for transition in &workflow.transitions {
                for words in transition.records.iter().filter(|words| super::kind(words).is_none()) {
                    not_understood.push(format!("{:?} {}: {words}", workflow.channel, transition.action));
                }
            }
        }
        assert!(not_understood.is_empty(), "{}", not_understood.join("\n"));
    }

    #[test]
    fn a_decision_needs_its_path_and_partners() {
        let fragility = Workflows::embedded().channel(Channel::Fragility);
        let take = fragility.transition("take_in_charge").map(Records::of).unwrap_or_default();
        assert_eq!(
            take.choice,
            Some(vec!["traineeship".to_owned(), "training".to_owned(), "job_placement".to_owned()])
        );
        assert!(take.partners_present && !take.shares);
        let joint = fragility.transition("start_joint_analysis").map(Records::of).unwrap_or_default();
        assert!(joint.shares);
        let close = fragility.transition("close_not_eligible").map(Records::of).unwrap_or_default();
        assert!(close.note);
    }
}
