//! Turns the TOML data files in `data/` into what the crate embeds, so that no TOML parser rides
//! in the browser's wasm:
//! - `<name>.rs`: the file as a static [`Data`] tree (see `src/data.rs`), which the crate reads
//!   at start without a JSON parser: the browser's code keeps no deserializer for the data
//!   (about 14 KB of the self-check's first load, issue 11);
//! - `<name>.json`: the same as JSON, for the tests that check the static tree against the
//!   validating parser, and for the files nobody reads in the browser (workflows);
//! - for a file with fields only one page shows (the sources' detail and address), those fields
//!   go to a second tree, `<name>-page.rs`, so that the bundles without that page do not carry
//!   them.
//!
//! Dates become ISO strings in both.

use std::{env, fmt::Write, fs, path::Path};

#[path = "src/toml_json.rs"]
mod toml_json;

const DATA_FILES: [&str; 7] =
    ["territory", "fragility-2016", "sustainability-2026", "access-points", "sources", "reasons", "workflows"];

/// Per file: the list whose entries have fields for one page only, and those fields (each entry
/// keeps its `id` in both trees).
const PAGE_ONLY: [(&str, &str, &[&str]); 1] = [("sources", "source", &["detail", "url"])];

fn main() {
    let out_dir = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let write_tree = |file: String, json: &serde_json::Value, source: &str| {
        let mut tree = String::new();
        write_data(&mut tree, json).unwrap_or_else(|problem| panic!("{source}: {problem}"));
        fs::write(Path::new(&out_dir).join(file), tree).expect("OUT_DIR is writable");
    };
    for name in DATA_FILES {
        let source = format!("data/{name}.toml");
        println!("cargo::rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap_or_else(|error| panic!("{source}: {error}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|error| panic!("{source}: {error}"));
        let json = toml_json::to_json(value);
        match PAGE_ONLY.iter().find(|(file, ..)| *file == name) {
            Some((_, list, fields)) => {
                let (shared, page) = split(&json, list, fields);
                write_tree(format!("{name}.rs"), &shared, &source);
                write_tree(format!("{name}-page.rs"), &page, &source);
            }
            None => write_tree(format!("{name}.rs"), &json, &source),
        }
        let json = serde_json::to_string(&json).expect("JSON from TOML never fails");
        fs::write(Path::new(&out_dir).join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
}

/// `json` without `fields` in the entries of `list`, and those entries with only their `id` and
/// `fields`.
fn split(json: &serde_json::Value, list: &str, fields: &[&str]) -> (serde_json::Value, serde_json::Value) {
    let mut shared = json.clone();
    let mut page = Vec::new();
    for entry in shared[list].as_array_mut().into_iter().flatten() {
        let entry = entry.as_object_mut().expect("entries of a list are tables");
        let mut own = serde_json::Map::new();
        own.insert("id".to_owned(), entry["id"].clone());
        for field in fields {
            if let Some(value) = entry.remove(*field) {
                own.insert((*field).to_owned(), value);
            }
        }
        page.push(serde_json::Value::Object(own));
    }
    (shared, serde_json::json!({ list: page }))
}

/// Writes `value` as a Rust expression of type `Data`.
fn write_data(out: &mut String, value: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    match value {
        Value::String(text) => write!(out, "Data::Text({text:?})").map_err(|error| error.to_string()),
        Value::Bool(flag) => write!(out, "Data::Boolean({flag})").map_err(|error| error.to_string()),
        Value::Number(number) => {
            let integer = number
                .as_i64()
                .and_then(|integer| i32::try_from(integer).ok())
                .ok_or_else(|| format!("{number}: only whole numbers that fit 32 bits are supported"))?;
            write!(out, "Data::Integer({integer})").map_err(|error| error.to_string())
        }
        Value::Array(items) => {
            out.push_str("Data::List(&[");
            for item in items {
                write_data(out, item)?;
                out.push(',');
            }
            out.push_str("])");
            Ok(())
        }
        Value::Object(fields) => {
            out.push_str("Data::Table(&[");
            for (key, item) in fields {
                write!(out, "({key:?},").map_err(|error| error.to_string())?;
                write_data(out, item)?;
                out.push_str("),");
            }
            out.push_str("])");
            Ok(())
        }
        Value::Null => Err("null has no TOML form".to_owned()),
    }
}
