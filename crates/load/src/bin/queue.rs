//! The back-office benchmark (issue 12, spec budgets): a database of `applications` sample
//! applications (`insieme-server seed`), the real server on 127.0.0.1, and an administrator (who
//! sees everything: the largest queue) asking one request at a time for the queue's first page,
//! filtered and sorted pages, a deep page, searches, and case pages. Prints p50 and p95 of each
//! and fails when a p95 is over the budget.
//!
//! `--postgres CLUSTER_URL`: the same on a fresh PostgreSQL database in that cluster.
//!
//! ```text
//! insieme-queue-bench SERVER_BINARY [--applications 100000] [--requests 200] [--max-p95-ms 20]
//!                                   [--postgres CLUSTER_URL]
//! ```

use std::{
    path::PathBuf,
    process::{Command, ExitCode},
    time::{Duration, Instant},
};

use insieme_load::{Database, Server, data_dir, number_option};
use serde_json::Value;

const ADMIN: &str = "admin@demo.insieme.test";
const SECRETARIAT: &str = "segreteria@demo.insieme.test";
const SUAP_BOLOGNA: &str = "suap.bologna@demo.insieme.test";
const DEMO_PASSWORD: &str = "insieme-demo-2026";
/// The published demo key (crates/server/src/back_office/seed.rs).
const DEMO_TOTP_SECRET: &str = "NFXHG2LFNVSS2ZDFNVXS25DPORYC2MRW";
const QUEUE: &str = "/api/back-office/applications";

/// The path of the n-th request of one kind.
type PathOf = Box<dyn Fn(usize) -> String>;

struct Options {
    binary: PathBuf,
    applications: u64,
    requests: usize,
    max_p95_ms: f64,
    /// A folder to keep the seeded database in (and reuse when it is there), for repeated runs.
    data: Option<PathBuf>,
    arguments: Vec<String>,
}

fn options() -> Result<Options, String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let binary = arguments.first().filter(|first| !first.starts_with("--")).ok_or("the server binary comes first")?;
    let value = |name: &str, default: f64| number_option(&arguments, name, default);
    Ok(Options {
        binary: PathBuf::from(binary),
        applications: value("--applications", 100_000.0)? as u64,
        requests: value("--requests", 200.0)? as usize,
        max_p95_ms: value("--max-p95-ms", 20.0)?,
        data: arguments
            .iter()
            .position(|argument| argument == "--data")
            .and_then(|index| arguments.get(index + 1))
            .map(PathBuf::from),
        arguments: arguments.clone(),
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("insieme-queue-bench: {message}");
            return ExitCode::from(2);
        }
    };
    let data = options.data.clone().unwrap_or_else(|| data_dir("queue-data"));
    let result = run(&options, &data).await;
    if options.data.is_none() {
        let _ = std::fs::remove_dir_all(&data);
    }
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("insieme-queue-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: &Options, data: &std::path::Path) -> Result<bool, String> {
    std::fs::create_dir_all(data).map_err(|error| error.to_string())?;
    let database = Database::from_arguments(&options.arguments, "queue").await?;
    let environment = database.environment();
    if matches!(database, Database::Postgres { .. }) || options.data.is_none() || !data.join("insieme.db").exists() {
        seed(options, data, &environment)?;
    }
    println!("{}:", database.name());
    measure(options, data, &environment).await
}

/// `SERVER_BINARY seed --applications N` on `data`.
fn seed(options: &Options, data: &std::path::Path, environment: &[(String, String)]) -> Result<(), String> {
    let seeded = Command::new(&options.binary)
        .args(["seed", "--applications", &options.applications.to_string()])
        .env("IPL_DATA_DIR", data)
        .envs(environment.iter().map(|(name, value)| (name, value)))
        .env("RUST_LOG", "error")
        .output()
        .map_err(|error| format!("cannot run the seed: {error}"))?;
    if !seeded.status.success() {
        return Err(format!("the seed failed: {}", String::from_utf8_lossy(&seeded.stderr)));
    }
    print!("{}", String::from_utf8_lossy(&seeded.stdout));
    Ok(())
}

async fn measure(options: &Options, data: &std::path::Path, environment: &[(String, String)]) -> Result<bool, String> {
    let server = Server::start_with(&options.binary, data, environment).await?;
    let client = reqwest::Client::new();
    let base = server.base_url.clone();
    let admin = sign_in(&client, &base, ADMIN, Some(DEMO_TOTP_SECRET)).await?;
    let secretariat = sign_in(&client, &base, SECRETARIAT, Some(DEMO_TOTP_SECRET)).await?;
    let reviewer = sign_in(&client, &base, SUAP_BOLOGNA, None).await?;
    let get_as = |cookie: &String, path: String| {
        let client = client.clone();
        let cookie = cookie.clone();
        let url = format!("{base}{path}");
        async move {
            let started = Instant::now();
            let response = client.get(&url).header("cookie", cookie).send().await.map_err(|error| error.to_string())?;
            let status = response.status();
            let text = response.text().await.map_err(|error| error.to_string())?;
            let body: Value = serde_json::from_str(&text).map_err(|error| format!("{url}: {error}"))?;
            if !status.is_success() {
                return Err(format!("{url}: {status} {body}"));
            }
            Ok::<_, String>((started.elapsed(), body))
        }
    };
    let get = |path: String| get_as(&admin, path);

    // What the requests ask for: a deep cursor, references and a codice fiscale to look up.
    let first = get(QUEUE.to_owned()).await?.1;
    let total: u64 = first["counts"].as_array().into_iter().flatten().filter_map(|count| count["count"].as_u64()).sum();
    if total < options.applications {
        return Err(format!("the queue counts {total} applications, fewer than the {} seeded", options.applications));
    }
    let mut cursor = first["next"].as_str().map(str::to_owned);
    let mut references = Vec::new();
    for _ in 0..50 {
        let Some(after) = cursor.clone() else { break };
        let page = get(format!("{QUEUE}?after={after}")).await?.1;
        references.extend(
            page["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| item["reference"].as_str().map(str::to_owned)),
        );
        cursor = page["next"].as_str().map(str::to_owned);
    }
    let deep = cursor.ok_or("the queue has fewer than 50 pages")?;
    let case = get(format!("{QUEUE}/{}", references[0])).await?.1;
    let tax_code = case["submission"]["person"]["codice_fiscale"].as_str().unwrap_or("RSSMRA85T10A944S").to_owned();

    let kinds: Vec<(&str, &String, PathOf)> = vec![
        ("queue, first page", &admin, Box::new(|_| QUEUE.to_owned())),
        (
            "queue, channel + state, newest first",
            &admin,
            Box::new(|_| format!("{QUEUE}?channel=fragility&state=first_interview_held&sort=newest")),
        ),
        ("queue, Quartiere, overdue", &admin, Box::new(|_| format!("{QUEUE}?area=navile&overdue=true"))),
        ("queue, page 51", &admin, Box::new(move |_| format!("{QUEUE}?after={deep}"))),
        ("search, surname prefix", &admin, Box::new(|_| format!("{QUEUE}?q=Ross"))),
        ("search, codice fiscale", &admin, Box::new(move |_| format!("{QUEUE}?q={tax_code}"))),
        ("case page", &admin, Box::new(move |index| format!("{QUEUE}/{}", references[index % references.len()]))),
        ("secretariat: queue, first page", &secretariat, Box::new(|_| QUEUE.to_owned())),
        ("secretariat: search, surname prefix", &secretariat, Box::new(|_| format!("{QUEUE}?q=Ross"))),
        ("SUAP reviewer: queue, first page", &reviewer, Box::new(|_| QUEUE.to_owned())),
    ];
    let mut within = true;
    println!("back office on {total} applications, {} requests each, one at a time:", options.requests);
    for (name, cookie, path) in kinds {
        for index in 0..5 {
            get_as(cookie, path(index)).await?;
        }
        let mut times = Vec::with_capacity(options.requests);
        for index in 0..options.requests {
            times.push(get_as(cookie, path(index)).await?.0);
        }
        times.sort();
        let (p50, p95) = (percentile(&times, 0.50), percentile(&times, 0.95));
        let ok = p95 <= options.max_p95_ms;
        within &= ok;
        println!("  {name:<40} p50 {p50:>6.2} ms  p95 {p95:>6.2} ms  {}", if ok { "" } else { "OVER BUDGET" });
    }
    println!(
        "budget: p95 <= {:.0} ms for every request: {}",
        options.max_p95_ms,
        if within { "met" } else { "MISSED" }
    );
    Ok(within)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted
        .get(((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1))
        .map_or(f64::NAN, |duration| duration.as_secs_f64() * 1000.0)
}

/// Signs in as a demo account, with a code of its authenticator when it has one, as the browser
/// does.
async fn sign_in(client: &reqwest::Client, base: &str, email: &str, secret: Option<&str>) -> Result<String, String> {
    let code = match secret {
        Some(secret) => {
            let bytes = totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().map_err(|error| format!("{error:?}"))?;
            let totp = totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, email.to_owned())
                .map_err(|error| error.to_string())?;
            let now =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |since| since.as_secs());
            Some(totp.generate(now))
        }
        None => None,
    };
    let login = serde_json::json!({ "email": email, "password": DEMO_PASSWORD, "totp": code });
    let response = client
        .post(format!("{base}/api/back-office/session"))
        .header("content-type", "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(login.to_string())
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.status().is_success() {
        return Err(format!("{email} could not sign in: {}", response.status()));
    }
    response
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::to_owned)
        .ok_or_else(|| "no session cookie".to_owned())
}
