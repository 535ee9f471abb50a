//! `insieme-server seed --applications N [--seed S]`: fills the configured database with `N`
//! sample applications across channels, states, comuni and dates (`back_office::sample`), for
//! trying the back office at scale and for its benchmark. Also makes what a fresh database
//! needs to serve them: organisations, access points and, unless `IPL_DEMO=0`, the demo
//! accounts and calls.

use std::time::Instant;

use crate::{
    Config,
    back_office::{sample, seed},
    clock::Clock,
    db, demo,
};

pub const USAGE: &str = "usage: insieme-server seed --applications N [--seed S]";

/// Runs the command; the text to print on success.
pub async fn run(arguments: &[String]) -> Result<String, String> {
    let mut count = None;
    let mut random_seed = 2026;
    let mut words = arguments.iter();
    while let Some(word) = words.next() {
        let value = words.next().and_then(|text| text.replace('_', "").parse::<u64>().ok());
        match (word.as_str(), value) {
            ("--applications", Some(value)) => count = usize::try_from(value).ok(),
            ("--seed", Some(value)) => random_seed = value,
            _ => return Err(USAGE.to_owned()),
        }
    }
    let count = count.ok_or_else(|| USAGE.to_owned())?;
    let config = Config::from_env().map_err(|error| error.to_string())?;
    let pool = db::connect(&config.database()).await.map_err(|error| error.to_string())?;
    let clock = Clock::system();
    seed::at_start(&pool, &clock, config.demo).await.map_err(|error| error.to_string())?;
    if config.demo {
        demo::seed(&pool, &clock).await.map_err(|error| error.to_string())?;
    }
    let started = Instant::now();
    let stored = sample::insert(&pool, &clock, count, random_seed).await.map_err(|error| error.to_string())?;
    db::refresh_statistics(&pool).await.map_err(|error| error.to_string())?;
    pool.close().await;
    Ok(format!(
        "{stored} sample applications stored in {:.1} s in {}",
        started.elapsed().as_secs_f64(),
        config.database_path().display()
    ))
}
