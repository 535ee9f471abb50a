//! The data the engine ships with is complete and coherent: every reason has a template in both
//! languages and a known source; the instruments validate; a broken instrument is refused with
//! errors that name the item and the field.

#![cfg(not(target_arch = "wasm32"))]

use insieme_rules::{Instrument, reason::reason_templates, source::source};

#[test]
fn every_reason_template_names_a_known_source_and_has_both_languages() {
    for template in reason_templates() {
        assert!(source(&template.source).is_some(), "{}: unknown source {}", template.code, template.source);
        assert!(!template.it.trim().is_empty() && !template.en.trim().is_empty(), "{}", template.code);
    }
}

#[test]
fn every_reason_code_the_engine_uses_has_a_template() {
    let code_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = Vec::new();
    for file in ["channels.rs", "calls.rs"] {
        let text = std::fs::read_to_string(code_dir.join(file)).expect("source file");
        for piece in text.split("reason(\"").skip(1) {
            if let Some(code) = piece.split('"').next() {
                used.push(code.to_owned());
            }
        }
        for piece in text.split("for code in [").skip(1) {
            let list = piece.split(']').next().unwrap_or_default();
            used.extend(
                list.split(',').map(|code| code.trim().trim_matches('"').to_owned()).filter(|code| !code.is_empty()),
            );
        }
    }
    assert!(used.len() > 20, "found only {used:?}");
    for code in used {
        assert!(reason_templates().iter().any(|template| template.code == code), "no template for reason {code}");
    }
}

#[test]
fn the_shipped_instruments_are_valid_and_recorded_by_version() {
    let fragility = Instrument::fragility();
    assert_eq!((fragility.id.as_str(), fragility.version.as_str()), ("fragility", "2016-provisional-1"));
    assert_eq!(fragility.items.len(), 29);
    assert_eq!(fragility.threshold, 11);
    assert_eq!(fragility.max_total(), 87);
    let sustainability = Instrument::sustainability();
    assert!((5..=8).contains(&sustainability.items.len()));
    assert_eq!(Instrument::builtin("fragility", "2016-provisional-1"), Some(fragility));
    assert_eq!(Instrument::builtin("fragility", "1999"), None);
}

fn valid_instrument() -> serde_json::Value {
    serde_json::json!({
        "instrument": { "id": "test", "version": "1", "valid_from": "2026-01-01", "status": "provisional",
                        "second_interview_threshold": 3, "threshold_source": "ours",
                        "scale": [ {"points":0,"it":"a","en":"a"}, {"points":1,"it":"b","en":"b"},
                                   {"points":2,"it":"c","en":"c"}, {"points":3,"it":"d","en":"d"} ] },
        "area": [ { "id": "one", "it": "Uno", "en": "One" } ],
        "item": [ { "id": "first", "area": "one", "it": "Primo", "en": "First",
                    "levels_it": ["0","1","2","3"], "levels_en": ["0","1","2","3"] },
                  { "id": "second", "area": "one", "it": "Secondo", "en": "Second",
                    "levels_it": ["0","1","2","3"], "levels_en": ["0","1","2","3"] } ]
    })
}

/// The validation errors of the valid test instrument after `damage`.
fn broken(damage: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    assert!(Instrument::from_json(&valid_instrument().to_string()).is_ok(), "the undamaged instrument is valid");
    let mut instrument = valid_instrument();
    damage(&mut instrument);
    Instrument::from_json(&instrument.to_string())
        .expect_err("damaged instrument")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_broken_instrument_is_refused_naming_the_item_and_the_field() {
    let errors = broken(|instrument| instrument["item"][1]["id"] = "first".into());
    assert!(errors.iter().any(|error| error.contains("item \"first\"") && error.contains("duplicate")), "{errors:?}");
    let errors = broken(|instrument| instrument["item"][1]["levels_en"] = serde_json::json!(["0", "1", "2"]));
    assert!(errors.iter().any(|error| error.contains("item \"second\"") && error.contains("levels_en")), "{errors:?}");
    let errors = broken(|instrument| instrument["item"][0]["area"] = "two".into());
    assert!(
        errors.iter().any(|error| error.contains("item \"first\"") && error.contains("unknown area")),
        "{errors:?}"
    );
    let errors = broken(|instrument| instrument["instrument"]["second_interview_threshold"] = serde_json::Value::Null);
    assert!(errors.iter().any(|error| error.contains("second_interview_threshold")), "{errors:?}");
    let errors = broken(|instrument| instrument["instrument"]["valid_from"] = "2026-02-30".into());
    assert!(errors.iter().any(|error| error.contains("valid_from")), "{errors:?}");
    let errors = broken(|instrument| instrument["item"][1]["it"] = serde_json::Value::Null);
    assert!(errors.iter().any(|error| error.contains("item \"second\"") && error.contains("field it")), "{errors:?}");
    let errors = broken(|instrument| instrument["instrument"]["version"] = serde_json::Value::Null);
    assert!(errors.iter().any(|error| error.contains("instrument.version")), "{errors:?}");
}
