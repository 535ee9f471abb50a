//! The submission load benchmark (spec budgets.md): `clients` concurrent clients send complete
//! applications for `seconds` to the real server on 127.0.0.1, each waiting for its answer
//! before sending the next (a closed loop). Prints throughput, p50/p99 latency and errors, and
//! fails when a budget is missed.
//!
//! Also measured: the cold start (process start to first answered request, budget under 1 s) and
//! the server's resident memory at the end, with every application of the run stored (budget
//! under 150 MB; the full 30 s run stores about 100,000).
//!
//! On PostgreSQL (`--postgres CLUSTER_URL`, a fresh database made in that cluster) with
//! `--instances N` servers on it, the clients take turns among the instances (issue 13).
//!
//! ```text
//! insieme-load-bench SERVER_BINARY [--clients 32] [--seconds 30] [--min-rate 1000] [--max-p99-ms 50]
//!                                  [--max-cold-start-ms 1000] [--max-memory-mb 150]
//!                                  [--postgres CLUSTER_URL] [--instances 1]
//! ```

use std::{
    path::PathBuf,
    process::ExitCode,
    time::{Duration, Instant},
};

use insieme_load::{Database, Sent, Server, data_dir, new_id, number_option, send, submission};

struct Options {
    binary: PathBuf,
    clients: usize,
    seconds: u64,
    min_rate: f64,
    max_p99_ms: f64,
    max_cold_start_ms: f64,
    max_memory_mb: f64,
    instances: usize,
    arguments: Vec<String>,
}

fn options() -> Result<Options, String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let binary = arguments.first().filter(|first| !first.starts_with("--")).ok_or("the server binary comes first")?;
    let value = |name: &str, default: f64| number_option(&arguments, name, default);
    Ok(Options {
        binary: PathBuf::from(binary),
        clients: value("--clients", 32.0)? as usize,
        seconds: value("--seconds", 30.0)? as u64,
        min_rate: value("--min-rate", 1000.0)?,
        max_p99_ms: value("--max-p99-ms", 50.0)?,
        max_cold_start_ms: value("--max-cold-start-ms", 1000.0)?,
        max_memory_mb: value("--max-memory-mb", 150.0)?,
        instances: (value("--instances", 1.0)? as usize).max(1),
        arguments: arguments.clone(),
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("insieme-load-bench: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&options).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("insieme-load-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: &Options) -> Result<bool, String> {
    let database = Database::from_arguments(&options.arguments, "load").await?;
    if matches!(database, Database::Sqlite) && options.instances > 1 {
        return Err("several instances need a shared database: --postgres".to_owned());
    }
    let data = data_dir("load-data");
    let mut servers = Vec::new();
    for instance in 0..options.instances {
        let folder = data.join(instance.to_string());
        servers.push(Server::start_with(&options.binary, &folder, &database.environment()).await?);
    }
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let clients: Vec<_> = (0..options.clients)
        .map(|client| {
            let base_url = servers[client % servers.len()].base_url.clone();
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let (mut latencies, mut errors) = (Vec::new(), Vec::new());
                while Instant::now() < deadline {
                    let body = submission(&new_id());
                    let started = Instant::now();
                    match send(&client, &base_url, &body).await {
                        Sent::Acknowledged { status: 201, .. } => latencies.push(started.elapsed()),
                        other => errors.push(format!("{other:?}")),
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let started = Instant::now();
    let mut latencies = Vec::new();
    let mut errors = Vec::new();
    for client in clients {
        let (mine, failed) = client.await.map_err(|error| error.to_string())?;
        latencies.extend(mine);
        errors.extend(failed);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let memory_mb =
        servers.iter().filter_map(Server::resident_bytes).max().map_or(f64::NAN, |bytes| bytes as f64 / 1_048_576.0);
    let cold_start_ms = servers.iter().map(|server| server.cold_start.as_secs_f64() * 1000.0).fold(0.0, f64::max);
    drop(servers);
    let _ = std::fs::remove_dir_all(&data);
    latencies.sort();
    let percentile = |p: f64| -> f64 {
        latencies
            .get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    };
    let rate = latencies.len() as f64 / elapsed;
    let (p50, p99) = (percentile(0.50), percentile(0.99));
    println!(
        "{}, {} instance(s): submissions: {} in {elapsed:.1} s with {} clients = {rate:.0}/s; p50 {p50:.1} ms, \
         p99 {p99:.1} ms; errors {}",
        database.name(),
        options.instances,
        latencies.len(),
        options.clients,
        errors.len()
    );
    if let Some(first) = errors.first() {
        println!("first error: {first}");
    }
    println!("cold start to first answer: {cold_start_ms:.0} ms; resident memory after the run: {memory_mb:.1} MB");
    let within = errors.is_empty()
        && rate >= options.min_rate
        && p99 < options.max_p99_ms
        && cold_start_ms < options.max_cold_start_ms
        && memory_mb < options.max_memory_mb;
    println!(
        "budget: >= {:.0}/s, p99 < {:.0} ms, 0 errors, cold start < {:.0} ms, memory < {:.0} MB: {}",
        options.min_rate,
        options.max_p99_ms,
        options.max_cold_start_ms,
        options.max_memory_mb,
        if within { "met" } else { "MISSED" }
    );
    Ok(within)
}
