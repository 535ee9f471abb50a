//! Installs what the build and the tests need, each at a pinned version, only when missing.
//! Everything comes from the package registries this project may use: Debian, crates.io, npm.
//! trunk is told (Trunk.toml, `offline = true`) to use these local tools and never download.

use std::path::Path;

use crate::process;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CARGO_DENY_VERSION: &str = "0.20.2";
/// npm's binaryen; Debian's (wasm-opt 108) builds an app that never mounts.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// npm's terser: minifies wasm-bindgen's loader, which trunk's own minifier cannot parse.
pub const TERSER_VERSION: &str = "5.36.0";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

const APP_DEBIAN_PACKAGES: [&str; 4] = ["build-essential", "pkg-config", "ca-certificates", "brotli"];
/// `postgresql-15`: the tests start a throwaway cluster of their own (`postgres.rs`) and run the
/// server's database tests on it as well as on SQLite.
const TEST_DEBIAN_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", crate::postgres::DEBIAN_PACKAGE];

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// What building and running the app needs.
    App,
    /// Also what the tests need: chromium, PostgreSQL, cargo-deny, the end2end npm packages.
    Everything,
}

pub fn ensure(needs: Needs) -> Result<(), String> {
    let mut packages: Vec<&str> = APP_DEBIAN_PACKAGES.to_vec();
    if needs == Needs::Everything {
        packages.extend(TEST_DEBIAN_PACKAGES);
    }
    if process::output("node", &["--version"]).is_none() {
        packages.extend(["nodejs", "npm"]);
    }
    ensure_debian_packages(&packages)?;
    remove_debian_binaryen()?;
    ensure_wasm_target()?;
    ensure_cargo_tool("wasm-bindgen", &wasm_bindgen_version()?, "wasm-bindgen-cli", false)?;
    ensure_cargo_tool("trunk", TRUNK_VERSION, "trunk", true)?;
    ensure_wasm_opt()?;
    ensure_terser()?;
    if needs == Needs::Everything {
        ensure_cargo_deny()?;
        ensure_end2end_packages()?;
    }
    Ok(())
}

fn is_debian_package_installed(name: &str) -> bool {
    process::output("dpkg-query", &["-W", "-f=${Status}", name]).is_some_and(|status| status == "install ok installed")
}

fn ensure_debian_packages(packages: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = packages.iter().copied().filter(|name| !is_debian_package_installed(name)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("Installing Debian packages: {}", missing.join(" "));
    process::run("apt-get", &["update", "-q"], &[])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(&missing);
    process::run("apt-get", &args, &[("DEBIAN_FRONTEND", "noninteractive")])
}

fn remove_debian_binaryen() -> Result<(), String> {
    if is_debian_package_installed("binaryen") {
        println!("Removing Debian's binaryen (wasm-opt 108 breaks the app)");
        process::run("apt-get", &["remove", "-y", "-q", "binaryen"], &[("DEBIAN_FRONTEND", "noninteractive")])?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = process::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    process::run("rustup", &["target", "add", WASM_TARGET], &[])
}

/// The wasm-bindgen version the app is locked to; the CLI must be exactly the same.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string("Cargo.lock").map_err(|error| format!("Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|next| next.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

/// `cargo install` of a tool when `<binary> --version` does not print the pinned version.
fn ensure_cargo_tool(binary: &str, version: &str, krate: &str, locked: bool) -> Result<(), String> {
    let printed = process::output(binary, &["--version"]).unwrap_or_default();
    if printed.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("Installing {krate} {version} (a few minutes, once)");
    let mut args = vec!["install", krate, "--version", version];
    // wasm-bindgen-cli's own lockfile pins a crate release that was withdrawn from the registry.
    if locked {
        args.push("--locked");
    }
    process::run("cargo", &args, &[])
}

fn ensure_cargo_deny() -> Result<(), String> {
    let printed = process::output("cargo", &["deny", "--version"]).unwrap_or_default();
    if printed.split_whitespace().any(|word| word == CARGO_DENY_VERSION) {
        return Ok(());
    }
    println!("Installing cargo-deny {CARGO_DENY_VERSION} (a few minutes, once)");
    process::run("cargo", &["install", "cargo-deny", "--version", CARGO_DENY_VERSION, "--locked"], &[])
}

fn ensure_wasm_opt() -> Result<(), String> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let printed = process::output("wasm-opt", &["--version"]).unwrap_or_default();
    if printed.contains(&format!("version {major}")) {
        return Ok(());
    }
    println!("Installing wasm-opt (binaryen {BINARYEN_VERSION} from npm)");
    let package = format!("binaryen@{BINARYEN_VERSION}");
    process::run("npm", &["install", "--global", "--prefix", "/usr/local", &package], &[])
}

fn ensure_terser() -> Result<(), String> {
    if process::output("terser", &["--version"]).is_some_and(|printed| printed.ends_with(TERSER_VERSION)) {
        return Ok(());
    }
    println!("Installing terser {TERSER_VERSION} (npm)");
    let package = format!("terser@{TERSER_VERSION}");
    process::run("npm", &["install", "--global", "--prefix", "/usr/local", &package], &[])
}

/// `npm ci` in end2end/ when node_modules is missing or older than the lockfile.
fn ensure_end2end_packages() -> Result<(), String> {
    let lock = Path::new("end2end/package-lock.json");
    let installed = Path::new("end2end/node_modules/.package-lock.json");
    let modified = |path: &Path| path.metadata().and_then(|meta| meta.modified()).ok();
    if let (Some(installed_at), Some(locked_at)) = (modified(installed), modified(lock))
        && installed_at >= locked_at
    {
        return Ok(());
    }
    println!("Installing the end-to-end test packages (npm ci)");
    process::run(
        "npm",
        &["ci", "--prefix", "end2end", "--no-audit", "--no-fund"],
        &[("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")],
    )
}
