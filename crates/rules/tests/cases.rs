//! Runs every named golden case in `tests/cases/*.toml` and compares the full assessments with
//! the golden file `tests/golden/assessments.json` (update it with `UPDATE_EXPECT=1`, then
//! review the diff). Adding a case never needs Rust.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;

use std::{collections::BTreeMap, fs, path::Path};

use insieme_rules::Instrument;

fn case_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
        .map(|path| {
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            (name, fs::read_to_string(&path).expect("readable case file"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_golden_case_gives_its_expected_assessment() {
    let instrument = Instrument::fragility();
    let mut failures = Vec::new();
    let mut golden = BTreeMap::new();
    let mut count = 0;
    for (file, text) in case_files() {
        for case in cases::load(&file, &text) {
            count += 1;
            let outcome = cases::run(&case, instrument);
            for problem in cases::check(&case, &outcome) {
                failures.push(format!("{file} / {}: {problem}", case.name));
            }
            let key = format!("{file} / {}", case.name);
            assert!(golden.insert(key.clone(), cases::outcome_json(&outcome)).is_none(), "duplicate case name: {key}");
        }
    }
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(count >= 40, "the golden cases must number at least 40, found {count}");
    let text = serde_json::to_string_pretty(&golden).expect("serialises") + "\n";
    expect_test::expect_file!["golden/assessments.json"].assert_eq(&text);
}

#[test]
fn the_browser_parity_test_embeds_every_case_file() {
    let parity = include_str!("parity.rs");
    for (file, _) in case_files() {
        assert!(parity.contains(&format!("cases/{file}")), "tests/parity.rs does not embed cases/{file}");
    }
}
