//! Turns the TOML data files in `data/` into JSON in OUT_DIR, so that the crate embeds them
//! without carrying a TOML parser into the browser. Dates become ISO strings.

use std::{env, fs, path::Path};

#[path = "src/toml_json.rs"]
mod toml_json;

const DATA_FILES: [&str; 7] =
    ["territory", "fragility-2016", "sustainability-2026", "access-points", "sources", "reasons", "workflows"];

fn main() {
    let out_dir = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in DATA_FILES {
        let source = format!("data/{name}.toml");
        println!("cargo::rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap_or_else(|error| panic!("{source}: {error}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|error| panic!("{source}: {error}"));
        let json = serde_json::to_string(&toml_json::to_json(value)).expect("JSON from TOML never fails");
        fs::write(Path::new(&out_dir).join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
}
