//! TOML to JSON, for loading instruments written in TOML at run time (feature `toml`) and for
//! the build script, which embeds the data files as JSON.

/// TOML to JSON; a TOML date becomes its text (`2017-06-01`).
pub fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(text) => serde_json::Value::String(text),
        toml::Value::Integer(number) => serde_json::Value::from(number),
        toml::Value::Float(number) => serde_json::Value::from(number),
        toml::Value::Boolean(flag) => serde_json::Value::Bool(flag),
        toml::Value::Datetime(date) => serde_json::Value::String(date.to_string()),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(table) => {
            serde_json::Value::Object(table.into_iter().map(|(key, item)| (key, to_json(item))).collect())
        }
    }
}
