//! Turns the TOML data files in `data/` into JSON in OUT_DIR, so that the crate embeds them
//! without carrying a TOML parser into the browser. Dates become ISO strings.

use std::{env, fs, path::Path};

fn main() {
    let out_dir = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["territory", "fragility-2016", "access-points"] {
        let source = format!("data/{name}.toml");
        println!("cargo::rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap_or_else(|error| panic!("{source}: {error}"));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|error| panic!("{source}: {error}"));
        let json = serde_json::to_string(&to_json(value)).expect("JSON from TOML never fails");
        fs::write(Path::new(&out_dir).join(format!("{name}.json")), json)
            .expect("OUT_DIR is writable");
    }
}

fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(text) => serde_json::Value::String(text),
        toml::Value::Integer(number) => serde_json::Value::from(number),
        toml::Value::Float(number) => serde_json::Value::from(number),
        toml::Value::Boolean(flag) => serde_json::Value::Bool(flag),
        toml::Value::Datetime(date) => serde_json::Value::String(date.to_string()),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(table) => serde_json::Value::Object(
            table
                .into_iter()
                .map(|(key, item)| (key, to_json(item)))
                .collect(),
        ),
    }
}
