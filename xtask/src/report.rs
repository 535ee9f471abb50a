//! The test command's tally: each phase with its time and its passed and failed counts, and
//! the closing line `N passed, N failed`.

use std::time::{Duration, Instant};

pub struct Phase {
    pub name: &'static str,
    pub passed: u32,
    pub failed: u32,
    pub skipped: bool,
    pub took: Duration,
}

#[derive(Default)]
pub struct Report {
    phases: Vec<Phase>,
}

/// What a phase found: how many tests passed and failed inside it.
pub struct Outcome {
    pub passed: u32,
    pub failed: u32,
}

impl Outcome {
    /// A check that is one pass or one failure.
    pub fn check(ok: bool) -> Self {
        Self { passed: u32::from(ok), failed: u32::from(!ok) }
    }
}

impl Report {
    /// Runs one phase, printing a banner before and its time after.
    pub fn phase(&mut self, name: &'static str, body: impl FnOnce() -> Result<Outcome, String>) -> bool {
        println!("\n==> {name}");
        let started = Instant::now();
        let outcome = body().unwrap_or_else(|error| {
            eprintln!("{name}: {error}");
            Outcome { passed: 0, failed: 1 }
        });
        let took = started.elapsed();
        let ok = outcome.failed == 0 && outcome.passed > 0;
        let failed = if outcome.passed == 0 && outcome.failed == 0 { 1 } else { outcome.failed };
        println!("<== {name}: {} in {:.1} s", if ok { "ok" } else { "FAILED" }, took.as_secs_f64());
        self.phases.push(Phase { name, passed: outcome.passed, failed, skipped: false, took });
        ok
    }

    /// Records a phase that could not run because one it depends on failed.
    pub fn skip(&mut self, name: &'static str, because: &str) {
        println!("\n==> {name}: skipped, {because}");
        self.phases.push(Phase { name, passed: 0, failed: 1, skipped: true, took: Duration::ZERO });
    }

    /// Prints the summary table and the closing line; true when nothing failed.
    pub fn finish(&self) -> bool {
        println!("\nSummary");
        for phase in &self.phases {
            let state = if phase.skipped {
                "skipped".to_owned()
            } else {
                format!("{} passed, {} failed", phase.passed, phase.failed)
            };
            println!("  {:<50} {:>8.1} s  {state}", phase.name, phase.took.as_secs_f64());
        }
        let passed: u32 = self.phases.iter().map(|phase| phase.passed).sum();
        let failed: u32 = self.phases.iter().map(|phase| phase.failed).sum();
        println!("{passed} passed, {failed} failed");
        failed == 0
    }
}
