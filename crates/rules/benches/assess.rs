//! `assess` on a complete answer set, with criterion. The budget (shared/spec/budgets.md: a
//! median of at most 20 microseconds, native) is checked here, after criterion has measured:
//! the run fails over budget and prints the measured figure either way.
//!
//! `cargo bench -p insieme-rules --bench assess` measures fully; the test command adds
//! `-- --quick` style settings through `IPL_BENCH_SHORT=1`.

use std::{hint::black_box, path::PathBuf, process::ExitCode, time::Duration};

use criterion::Criterion;
use insieme_rules::{Answers, Instrument, assess};

const BUDGET_MEDIAN_NANOSECONDS: f64 = 20_000.0;
const BENCH_ID: &str = "assess_complete_answer_set";

fn complete_answers(instrument: &Instrument) -> Answers {
    let levels: Vec<String> =
        instrument.items.iter().enumerate().map(|(index, item)| format!("\"{}\": {}", item.id, index % 4)).collect();
    let json = format!(
        r#"{{ "assessed_on": "2026-11-25",
              "profile": {{ "birth_date": "1991-04-30", "comune": "Castello d'Argile", "quartiere": null,
                            "in_active_labour_measure": false, "school_leaver": false,
                            "disadvantaged": true, "business_idea": true }},
              "fragility": {{ {} }} }}"#,
        levels.join(", ")
    );
    Answers::from_json(&json, instrument).expect("the benchmark's answers are valid")
}

fn output_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion")
}

fn main() -> ExitCode {
    let instrument = Instrument::fragility();
    let answers = complete_answers(instrument);
    let short = std::env::var_os("IPL_BENCH_SHORT").is_some();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and only runs each
    // benchmark once without measuring.
    let measuring = std::env::args().any(|argument| argument == "--bench");
    let estimates = output_dir().join(BENCH_ID).join("new/estimates.json");
    // An estimate left by an earlier run must never stand in for this one.
    let _ = std::fs::remove_file(&estimates);
    let mut criterion = Criterion::default().output_directory(&output_dir()).configure_from_args();
    if short {
        criterion =
            criterion.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(30);
    }
    criterion.bench_function(BENCH_ID, |bencher| bencher.iter(|| assess(black_box(&answers), black_box(instrument))));
    criterion.final_summary();

    let Ok(text) = std::fs::read_to_string(&estimates) else {
        if measuring {
            eprintln!("assess: nothing was measured ({} is missing)", estimates.display());
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    };
    let median = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|value| value["median"]["point_estimate"].as_f64())
        .unwrap_or(f64::INFINITY);
    println!(
        "assess median: {:.2} µs (budget {:.0} µs, {:.0}% of budget)",
        median / 1000.0,
        BUDGET_MEDIAN_NANOSECONDS / 1000.0,
        median * 100.0 / BUDGET_MEDIAN_NANOSECONDS
    );
    if median <= BUDGET_MEDIAN_NANOSECONDS {
        ExitCode::SUCCESS
    } else {
        eprintln!("assess is over its budget");
        ExitCode::FAILURE
    }
}
