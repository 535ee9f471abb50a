//! `cargo xtask test`: every check the project promises, in the order a failure is cheapest to
//! find. Phases run even after a failure, except those that need what failed.

use std::{path::Path, process::ExitCode};

use crate::{
    budget, build_app, e2e, postgres, process,
    report::{Outcome, Report},
    tools,
};

/// Crates the rules engine must never depend on: it stays pure (no IO, web or database).
const FORBIDDEN_IN_RULES: [&str; 14] = [
    "tokio",
    "axum",
    "hyper",
    "sqlx",
    "reqwest",
    "leptos",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo-net",
    "tower",
    "rand",
    "getrandom",
    "chrono-tz",
];

pub fn all() -> ExitCode {
    let mut report = Report::default();
    let installed = report
        .phase("install missing tools", || tools::ensure(tools::Needs::Everything).map(|()| Outcome::check(true)));
    report.phase("cargo fmt --check", || checked("cargo", &["fmt", "--all", "--check"]));
    report.phase("cargo clippy -D warnings", || {
        checked("cargo", &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"])
    });
    report.phase("rust tests", || cargo_tests(&["test", "--workspace", "--locked"], &[]));
    // Every server test again on PostgreSQL (each test makes a database of its own in a cluster
    // started for the phase), with the tests marked `ignore` that need both databases (a plain
    // `cargo test` lists them as ignored, never as passed). No PostgreSQL is a failure here.
    // One throwaway cluster for every PostgreSQL phase; if it cannot start, they all fail.
    let cluster = postgres::Cluster::start(&std::env::temp_dir());
    report.phase("server tests on PostgreSQL (a database each)", || postgres_tests(&cluster));
    if installed {
        report.phase("rules in the browser = native (wasm, chromium)", || {
            cargo_tests(
                &[
                    "test",
                    "--package",
                    "insieme-rules",
                    "--features",
                    "field-paths",
                    "--target",
                    tools::WASM_TARGET,
                    "--test",
                    "parity",
                    "--locked",
                ],
                &[("CHROMEDRIVER", "/usr/bin/chromedriver")],
            )
        });
    } else {
        report.skip("rules in the browser = native (wasm, chromium)", "tools are missing");
    }
    report.phase("assess benchmark (median <= 20 µs)", || {
        process::run(
            "cargo",
            &["bench", "--package", "insieme-rules", "--bench", "assess", "--locked"],
            &[("IPL_BENCH_SHORT", "1")],
        )
        .map(|()| Outcome::check(true))
    });
    if installed {
        report.phase("cargo deny (bans licenses sources)", || {
            checked("cargo", &["deny", "--log-level", "error", "check", "bans", "licenses", "sources"])
        });
    } else {
        report.skip("cargo deny (bans licenses sources)", "tools are missing");
    }
    report.phase("rules crate stays pure", rules_dependencies);
    let built = installed && report.phase("release build of the app + size budget", app_build_and_budget);
    if !installed {
        report.skip("release build of the app + size budget", "tools are missing");
    }
    let server_built = report.phase("server build", || {
        checked("cargo", &["build", "--package", "insieme-server", "--package", "insieme-load", "--locked"])
    });
    if server_built {
        let server = crate::binary("debug", "insieme-server");
        let (crash, load, queue) = (
            crate::binary("debug", "insieme-crash-check"),
            crate::binary("debug", "insieme-load-bench"),
            crate::binary("debug", "insieme-queue-bench"),
        );
        report.phase("crash safety: kill -9 during submissions", || checked(&crash, &[&server]));
        report.phase("crash safety on PostgreSQL: two instances, one killed", || {
            checked(&crash, &[&server, "--postgres", cluster_url(&cluster)?])
        });
        // The absolute budget (>= 1000/s, p99 < 50 ms, 30 s, release build) is `cargo xtask
        // bench`. Here a short run on the debug build, with a wide margin so that a machine busy
        // with something else does not fail it (seen: p99 272 ms against a 250 ms bar while a
        // build ran; normal is about 25 ms): it still fails on a real regression such as a lock
        // held per request or a lost group commit (seconds, not milliseconds).
        let load_smoke = [server.as_str(), "--seconds", "5", "--min-rate", "150", "--max-p99-ms", "1000"];
        report.phase("submission load smoke (5 s, debug build)", || checked(&load, &load_smoke));
        report.phase("submission load smoke on PostgreSQL (two instances, 5 s, debug build)", || {
            checked(&load, &[&load_smoke[..], &["--postgres", cluster_url(&cluster)?, "--instances", "2"]].concat())
        });
        // The budget (100,000 applications, p95 <= 20 ms, release build) is `cargo xtask
        // bench`; here 3,000 on the debug build with a margin for a busy machine: it still
        // fails when a query stops using its index (a table scan is seconds on 100,000).
        let queue_smoke = [server.as_str(), "--applications", "3000", "--requests", "40", "--max-p95-ms", "150"];
        report.phase("back-office queue smoke (3,000 applications, debug build)", || checked(&queue, &queue_smoke));
        report.phase("back-office queue smoke on PostgreSQL (3,000 applications, debug build)", || {
            checked(&queue, &[&queue_smoke[..], &["--postgres", cluster_url(&cluster)?]].concat())
        });
    } else {
        report.skip("crash safety: kill -9 during submissions", "the server did not build");
        report.skip("PostgreSQL crash, load and queue smokes", "the server did not build");
        report.skip("back-office queue smoke (3,000 applications, debug build)", "the server did not build");
        report.skip("submission load smoke (5 s, debug build)", "the server did not build");
    }
    if built && server_built {
        report.phase("end-to-end journeys (Playwright, chromium, axe)", e2e::run_suite);
        report.phase("Lighthouse mobile budgets (public pages)", e2e::run_lighthouse);
    } else {
        report.skip("end-to-end journeys (Playwright, chromium, axe)", "the app or the server did not build");
        report.skip("Lighthouse mobile budgets (public pages)", "the app or the server did not build");
    }
    if report.finish() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

pub fn postgres_tests(cluster: &Result<postgres::Cluster, String>) -> Result<Outcome, String> {
    let outcome = cargo_tests(
        &["test", "--package", "insieme-server", "--locked", "--no-fail-fast", "--", "--include-ignored"],
        &[(postgres::URL_VARIABLE, cluster_url(cluster)?)],
    )?;
    // A phase in which nothing ran proves nothing.
    Ok(if outcome.passed == 0 { Outcome { passed: 0, failed: outcome.failed.max(1) } } else { outcome })
}

/// The test cluster's address, or why there is none: a failure of the phase, never a skip.
fn cluster_url(cluster: &Result<postgres::Cluster, String>) -> Result<&str, String> {
    cluster.as_ref().map(|cluster| cluster.url.as_str()).map_err(|error| format!("no PostgreSQL cluster: {error}"))
}

fn checked(program: &str, args: &[&str]) -> Result<Outcome, String> {
    process::run(program, args, &[]).map(|()| Outcome::check(true))
}

/// A `cargo test` run, counting the `test result:` lines of every test binary.
fn cargo_tests(args: &[&str], envs: &[(&str, &str)]) -> Result<Outcome, String> {
    let mut outcome = Outcome { passed: 0, failed: 0 };
    let ok = process::run_reading("cargo", args, envs, |line| {
        if let Some(rest) = line.strip_prefix("test result: ") {
            outcome.passed += count_before(rest, " passed");
            outcome.failed += count_before(rest, " failed");
        }
    })?;
    if !ok && outcome.failed == 0 {
        outcome.failed = 1; // the build failed before any test could run
    }
    Ok(outcome)
}

/// In "ok. 3 passed; 0 failed; ...", the number before `word`.
pub fn count_before(text: &str, word: &str) -> u32 {
    text.split(';')
        .find_map(|part| {
            part.trim().trim_start_matches("ok. ").trim_start_matches("FAILED. ").strip_suffix(word.trim())
        })
        .and_then(|number| number.trim().parse().ok())
        .unwrap_or(0)
}

fn rules_dependencies() -> Result<Outcome, String> {
    let tree = process::output(
        "cargo",
        &["tree", "--package", "insieme-rules", "--edges", "normal", "--prefix", "none", "--locked"],
    )
    .ok_or("cargo tree failed")?;
    let names: Vec<&str> = tree.lines().filter_map(|line| line.split_whitespace().next()).collect();
    let found: Vec<&str> = FORBIDDEN_IN_RULES.iter().copied().filter(|name| names.contains(name)).collect();
    if found.is_empty() {
        println!("insieme-rules depends on: {}", names.join(", "));
        Ok(Outcome::check(true))
    } else {
        Err(format!("insieme-rules must stay pure but depends on {}", found.join(", ")))
    }
}

pub fn app_build_and_budget() -> Result<Outcome, String> {
    build_app()?;
    first_loads_within_budget()
}

/// Checks the first load of every bundle in every language against its budget (issue 11: the
/// budget holds for the worst language, not only Italian) and that every font of the first
/// load is preloaded. Reads the built `dist/`.
pub fn first_loads_within_budget() -> Result<Outcome, String> {
    let dist = Path::new("dist");
    let languages = budget::languages(dist)?;
    let mut over = Vec::new();
    for bundle in crate::BUNDLES {
        let entry = Path::new(bundle.dist).join("index.html");
        let sizes = budget::first_load_bytes(dist, &entry)?;
        let total: u64 = sizes.iter().map(|(_, size)| size).sum();
        println!("first load of {} (brotli):", entry.display());
        for (file, size) in &sizes {
            println!("  {file:<64} {size:>8} B");
        }
        let late = budget::fonts_not_preloaded(&entry, &sizes)?;
        if !late.is_empty() {
            over.push(format!(
                "{} does not preload {} (the text would jump when they arrive)",
                entry.display(),
                late.join(", ")
            ));
        }
        let mut worst = (String::new(), 0);
        for language in &languages {
            let (texts, letters) = budget::texts_of(dist, language, bundle.own_texts, bundle.own_texts_with_common);
            let extra = budget::language_extra(dist, &texts, &letters, &sizes)?;
            let with_language = total + extra.iter().map(|(_, size)| size).sum::<u64>();
            let files: Vec<String> = extra.iter().map(|(file, size)| format!("{file} {size} B")).collect();
            let limit = bundle.budget_bytes;
            let mark = if with_language > limit { "  OVER BUDGET" } else { "" };
            println!("  {language:<8} {with_language:>8} B{mark}  {}", files.join(", "));
            if with_language > limit {
                over.push(format!("{} in {language} is {with_language} B of {limit} B", entry.display()));
            }
            if with_language > worst.1 {
                worst = (language.clone(), with_language);
            }
        }
        println!(
            "  worst language {}: {} B of {} B budget ({:.0}%)",
            worst.0,
            worst.1,
            bundle.budget_bytes,
            worst.1 as f64 * 100.0 / bundle.budget_bytes as f64
        );
    }
    if over.is_empty() { Ok(Outcome::check(true)) } else { Err(format!("first load: {}", over.join("; "))) }
}

#[cfg(test)]
mod tests {
    use super::count_before;

    #[test]
    fn counts_are_read_from_cargo_test_result_lines() {
        let line = "ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count_before(line, " passed"), 12);
        assert_eq!(count_before(line, " failed"), 0);
        let failing = "FAILED. 3 passed; 2 failed; 0 ignored";
        assert_eq!(count_before(failing, " passed"), 3);
        assert_eq!(count_before(failing, " failed"), 2);
    }
}
