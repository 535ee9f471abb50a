//! The end-to-end phase: starts the real server on a free port with a fresh database and the
//! release build of the app, runs the Playwright suite against it in Debian's chromium, stops it.

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    process::{Child, Command},
    thread,
    time::{Duration, Instant},
};

use crate::{process, report::Outcome};

/// A server process that is stopped when dropped.
pub struct RunningServer {
    child: Child,
    pub base_url: String,
    data: TempDir,
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder under target/ removed when dropped.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn start_server() -> Result<RunningServer, String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|error| format!("no free port: {error}"))?
        .port();
    let data =
        TempDir(std::env::current_dir().map_err(|error| error.to_string())?.join(format!("target/e2e-data-{port}")));
    let _ = std::fs::remove_dir_all(&data.0);
    let bind = format!("127.0.0.1:{port}");
    let server = crate::binary("debug", "insieme-server");
    let child = Command::new(&server)
        .env("IPL_BIND", &bind)
        .env("IPL_DATA_DIR", &data.0)
        .env("IPL_DIST_DIR", "dist")
        .env("RUST_LOG", "warn")
        // Every journey comes from 127.0.0.1: the per-address limit is for real clients.
        .env("IPL_SUBMISSIONS_PER_MINUTE", "6000")
        .spawn()
        .map_err(|error| format!("cannot start {server}: {error}"))?;
    let server = RunningServer { child, base_url: format!("http://{bind}"), data };
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if health_is_ok(&bind) {
            return Ok(server);
        }
        thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the server on {bind} did not become healthy within 20 s"))
}

/// A plain HTTP/1.1 GET of /api/health, true on a 200.
fn health_is_ok(bind: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(bind) else {
        return false;
    };
    let request = format!("GET /api/health HTTP/1.1\r\nHost: {bind}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

pub fn run_suite() -> Result<Outcome, String> {
    let server = start_server()?;
    println!("server ready at {}", server.base_url);
    // Journeys that play a partner use the back office; the data folder is named for inspection.
    let data_dir = server.data.0.display().to_string();
    let mut outcome = Outcome { passed: 0, failed: 0 };
    let ok = process::run_reading(
        "npx",
        &["--prefix", "end2end", "playwright", "test", "--config", "end2end/playwright.config.ts", "--reporter=list"],
        &[
            ("BASE_URL", server.base_url.as_str()),
            ("IPL_DATA_DIR", data_dir.as_str()),
            ("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        ],
        |line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let [number, kind, ..] = words.as_slice()
                && let Ok(count) = number.parse::<u32>()
            {
                match *kind {
                    "passed" => outcome.passed += count,
                    "failed" | "flaky" | "interrupted" => outcome.failed += count,
                    _ => {}
                }
            }
        },
    )?;
    if !ok && outcome.failed == 0 {
        outcome.failed = 1;
    }
    Ok(outcome)
}

/// Lighthouse (mobile) on the public pages against the real server, with the budgets of
/// shared/spec/budgets.md checked by `end2end/lighthouse.mjs`.
pub fn run_lighthouse() -> Result<Outcome, String> {
    let server = start_server()?;
    let mut outcome = Outcome { passed: 0, failed: 0 };
    let ok =
        process::run_reading("node", &["end2end/lighthouse.mjs"], &[("BASE_URL", server.base_url.as_str())], |line| {
            if let Some(counts) = line.strip_prefix("lighthouse: ") {
                let counts = counts.replace(',', ";");
                outcome.passed = crate::test::count_before(&counts, " passed");
                outcome.failed = crate::test::count_before(&counts, " failed");
            }
        })?;
    if !ok && outcome.failed == 0 {
        outcome.failed = 1;
    }
    Ok(outcome)
}
