//! Browser parity: the golden cases run in headless chromium (wasm-bindgen-test) and must give
//! byte-identical JSON to the native run recorded in `tests/golden/assessments.json`.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p insieme-rules --target
//! wasm32-unknown-unknown --test parity` (the test command does).

#![cfg(target_arch = "wasm32")]

#[path = "support/cases.rs"]
mod cases;

use insieme_rules::Instrument;
use wasm_bindgen_test::wasm_bindgen_test;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const CASE_FILES: [(&str, &str); 6] = [
    ("age.toml", include_str!("cases/age.toml")),
    ("calls.toml", include_str!("cases/calls.toml")),
    ("channels.toml", include_str!("cases/channels.toml")),
    ("fragility.toml", include_str!("cases/fragility.toml")),
    ("invalid.toml", include_str!("cases/invalid.toml")),
    ("territory.toml", include_str!("cases/territory.toml")),
];

const GOLDEN: &str = include_str!("golden/assessments.json");

#[wasm_bindgen_test]
fn golden_cases_give_byte_identical_json_in_the_browser() {
    let golden: serde_json::Map<String, serde_json::Value> = serde_json::from_str(GOLDEN).expect("golden JSON");
    let instrument = Instrument::fragility();
    let mut compared = 0;
    for (file, text) in CASE_FILES {
        for case in cases::load(file, text) {
            let key = format!("{file} / {}", case.name);
            let native = golden.get(&key).unwrap_or_else(|| panic!("{key} is not in the golden file"));
            let outcome = cases::run(&case, instrument);
            let problems = cases::check(&case, &outcome);
            assert!(problems.is_empty(), "{key}: {problems:?}");
            let in_browser = cases::outcome_json(&outcome);
            let native_text = serde_json::to_string(native).expect("serialises");
            let browser_text = serde_json::to_string(&in_browser).expect("serialises");
            assert_eq!(browser_text, native_text, "{key}: the browser disagrees with the native run");
            compared += 1;
        }
    }
    assert_eq!(compared, golden.len(), "every golden case was compared");
}
