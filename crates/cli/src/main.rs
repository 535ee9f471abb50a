//! `assess [--instrument FILE] ANSWERS.json|-`: prints the assessment of the answers as JSON.
//!
//! Invalid input (malformed JSON, unknown item id, level outside 0..=3, impossible date, a bad
//! instrument file) exits with status 2 and one line on stderr naming the field; it never panics.

use std::{
    io::{Read, Write},
    process::ExitCode,
};

use insieme_rules::{Answers, Instrument, assess};

const USAGE: &str = "usage: assess [--instrument FILE.toml|FILE.json] ANSWERS.json|-";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(json) => {
            let mut stdout = std::io::stdout().lock();
            if writeln!(stdout, "{json}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(line) => {
            eprintln!("assess: {line}");
            ExitCode::from(2)
        }
    }
}

/// The assessment JSON, or the one line to print on stderr.
fn run(args: Vec<String>) -> Result<String, String> {
    let mut instrument_path = None;
    let mut answers_path = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--instrument" => instrument_path = Some(args.next().ok_or(USAGE)?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if answers_path.is_none() => answers_path = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let answers_path = answers_path.ok_or(USAGE)?;
    let owned_instrument;
    let instrument = match instrument_path {
        None => Instrument::fragility(),
        Some(path) => {
            owned_instrument = load_instrument(&path)?;
            &owned_instrument
        }
    };
    let text = read(&answers_path)?;
    let answers = Answers::from_json(&text, instrument).map_err(|errors| {
        let first = &errors[0];
        let more = if errors.len() > 1 { format!(" (and {} more)", errors.len() - 1) } else { String::new() };
        format!("{}: {}{more}", first.field, first.problem)
    })?;
    serde_json::to_string_pretty(&assess(&answers, instrument)).map_err(|error| error.to_string())
}

fn load_instrument(path: &str) -> Result<Instrument, String> {
    let text = read(path)?;
    let parsed = if path.ends_with(".toml") { Instrument::from_toml(&text) } else { Instrument::from_json(&text) };
    parsed.map_err(|errors| format!("instrument {path}: {}", errors[0]))
}

fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|read| text = read)
    };
    result.map_err(|error| format!("{path}: {error}"))?;
    Ok(text)
}
