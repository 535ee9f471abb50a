//! Properties that hold for every answer set: the score stays in range, never decreases when a
//! level rises, `max_possible` bounds it, answered + missing = items, and `assess` never panics.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use insieme_rules::{
    Answers, Date, Instrument, Level, Profile, assess,
    reason::{placeholders, reason_templates},
};
use proptest::prelude::*;

fn instrument() -> &'static Instrument {
    Instrument::fragility()
}

/// Any mix of answered and unanswered items, with any levels.
fn levels() -> impl Strategy<Value = BTreeMap<String, Level>> {
    let ids: Vec<String> = instrument().items.iter().map(|item| item.id.clone()).collect();
    proptest::collection::vec(proptest::option::of(0u8..=3), ids.len()).prop_map(move |choices| {
        ids.iter()
            .zip(choices)
            .filter_map(|(id, choice)| choice.and_then(Level::new).map(|level| (id.clone(), level)))
            .collect()
    })
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..=2100, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real day", |(year, month, day)| Date::new(year, month, day).ok())
}

/// Any `Answers` at all, including unknown item ids and strange comune names.
fn answers() -> impl Strategy<Value = Answers> {
    let profile = (
        proptest::option::of(date()),
        proptest::option::of(".{0,30}"),
        proptest::option::of(prop_oneof![Just("navile".to_owned()), ".{0,10}"]),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(birth_date, comune, quartiere, measure, school, disadvantaged, idea)| Profile {
            birth_date,
            comune,
            quartiere,
            in_active_labour_measure: measure,
            school_leaver: school,
            disadvantaged,
            business_idea: idea,
        });
    let extra = proptest::collection::btree_map("[a-z_]{1,12}", (0u8..=3).prop_filter_map("level", Level::new), 0..4);
    (proptest::option::of(date()), profile, levels(), extra).prop_map(|(assessed_on, profile, mut fragility, extra)| {
        fragility.extend(extra);
        Answers { assessed_on, profile, fragility }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn total_stays_between_0_and_87(levels in levels()) {
        let answers = Answers { fragility: levels, ..Answers::default() };
        let score = assess(&answers, instrument()).fragility;
        prop_assert!(score.total <= 87);
        prop_assert!(score.max_possible <= 87);
    }

    #[test]
    fn raising_a_level_never_lowers_the_total(levels in levels(), item in 0usize..29, raise_to in 0u8..=3) {
        let id = instrument().items[item].id.clone();
        let before = assess(&Answers { fragility: levels.clone(), ..Answers::default() }, instrument()).fragility;
        let mut raised = levels;
        let current = raised.get(&id).map_or(0, |level| level.points());
        if let Some(level) = Level::new(current.max(raise_to)) {
            raised.insert(id, level);
        }
        let after = assess(&Answers { fragility: raised, ..Answers::default() }, instrument()).fragility;
        prop_assert!(after.total >= before.total);
    }

    #[test]
    fn max_possible_bounds_the_total_and_counts_add_up(levels in levels()) {
        let score = assess(&Answers { fragility: levels, ..Answers::default() }, instrument()).fragility;
        prop_assert!(score.max_possible >= score.total);
        prop_assert_eq!(score.answered as usize + score.missing.len(), instrument().items.len());
        prop_assert_eq!(score.max_possible, score.total + 3 * score.missing.len() as u32);
        prop_assert_eq!(score.second_interview, score.total >= 11);
        prop_assert_eq!(score.second_interview_possible, score.max_possible >= 11);
    }

    #[test]
    fn assess_never_panics_and_always_explains_four_channels(answers in answers()) {
        let assessment = assess(&answers, instrument());
        prop_assert_eq!(assessment.channels.len(), 4);
        for channel in &assessment.channels {
            prop_assert!(!channel.reasons.is_empty());
            for reason in &channel.reasons {
                let template = reason_templates().iter().find(|template| template.code == reason.code);
                prop_assert!(template.is_some(), "no template for {}", reason.code);
                for name in template.map(|template| placeholders(&template.it)).unwrap_or_default() {
                    prop_assert!(reason.params.contains_key(name), "{} lacks the parameter {}", reason.code, name);
                }
                prop_assert!(!reason.source.is_empty(), "{} has no source", reason.code);
            }
        }
        prop_assert!(serde_json::to_string(&assessment).is_ok());
    }

    #[test]
    fn any_json_text_gives_answers_or_named_errors(text in ".{0,200}") {
        if let Err(errors) = Answers::from_json(&text, instrument()) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|error| !error.field.is_empty()));
        }
    }
}
