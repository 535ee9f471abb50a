//! The project carries its own copies of the domain data from the shared specification (it never
//! reads `../shared` at run time). When the specification is present beside the checkout, this
//! test fails as soon as a copy drifts from its source.

use std::{fs, path::Path};

const COPIES: [(&str, &str); 4] = [
    ("territory.toml", "territory.toml"),
    ("fragility-2016.toml", "instruments/fragility-2016.toml"),
    ("access-points.toml", "access-points.toml"),
    ("workflows.toml", "workflows.toml"),
];

#[test]
fn embedded_data_equals_the_shared_specification() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec_dir = crate_dir.join("../../../shared/spec");
    if !spec_dir.is_dir() {
        eprintln!("no shared specification beside the checkout; nothing to compare");
        return;
    }
    for (copy, source) in COPIES {
        let copy_text = fs::read_to_string(crate_dir.join("data").join(copy)).expect("copy exists");
        let source_text = fs::read_to_string(spec_dir.join(source)).expect("source exists");
        assert_eq!(copy_text, source_text, "crates/rules/data/{copy} differs from shared/spec/{source}");
    }
}
