//! The project's developer commands, so that a fresh machine needs only `cargo`:
//!
//! - `cargo xtask run`: install what is missing, build the app in release, serve it with the API
//!   on http://127.0.0.1:8080 (SQLite in ./data).
//! - `cargo xtask test`: install what is missing, then every check, test and budget; ends with
//!   `N passed, N failed` and exits non-zero on any failure.
//! - `cargo xtask build`: the release build of the browser app into ./dist (precompressed).
//! - `cargo xtask budget`: that build, then each bundle's first load against its budget.
//! - `cargo xtask setup`: only the installs.
//! - `cargo xtask bench`: the full benchmarks, with their budgets.
//! - `cargo xtask seed --applications N`: N sample applications into ./data (the database of
//!   `cargo xtask run`), to try the back office at scale.

mod budget;
mod e2e;
mod postgres;
mod process;
mod report;
mod test;
mod tools;

use std::{path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    if let Err(error) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {error}", root.display());
        return ExitCode::FAILURE;
    }
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => return test::all(),
        // Only the server's database tests on a throwaway PostgreSQL cluster (a phase of `test`).
        Some("test-postgres") => test::postgres_tests(&postgres::Cluster::start(&std::env::temp_dir()))
            .and_then(|outcome| if outcome.failed == 0 { Ok(()) } else { Err(format!("{} failed", outcome.failed)) }),
        Some("build") => tools::ensure(tools::Needs::App).and_then(|()| build_app()),
        Some("budget") => tools::ensure(tools::Needs::App).and_then(|()| test::app_build_and_budget().map(drop)),
        Some("sizes") => test::first_loads_within_budget().map(drop),
        Some("setup") => tools::ensure(tools::Needs::Everything),
        Some("bench") => bench(),
        Some("seed") => seed(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <run | test | test-postgres | build | budget | sizes | setup | bench | seed --applications N>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The folder with the workspace's Cargo.toml (xtask's parent).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// A program cargo built, in `CARGO_TARGET_DIR` when it is set (a shared target folder), else in
/// `target/`: `binary("debug", "insieme-server")`.
pub fn binary(profile: &str, name: &str) -> String {
    let folder = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".to_owned());
    format!("{folder}/{profile}/{name}")
}

/// One browser bundle: its trunk target, dist folder, public URL, first-load budget in bytes,
/// and the folder under `locales/` of its own texts besides the common ones (fetched, like the
/// common ones, for every language but Italian, which the bundle embeds; a bundle whose files
/// hold the common texts too, the self-check, embeds none and fetches Italian as well). The
/// budget holds in every language.
pub struct Bundle {
    pub target: &'static str,
    pub dist: &'static str,
    pub public_url: &'static str,
    pub budget_bytes: u64,
    pub own_texts: Option<&'static str>,
    /// The bundle's own locale files are served with the common texts merged in (one request).
    pub own_texts_with_common: bool,
}

/// The folder of locale files served with the common texts merged in (`i18n::SELF_CHECK`).
const MERGED_TEXTS: &str = "self_check";

/// The public app first: trunk replaces its whole dist folder, so the other apps go into their
/// subfolders afterwards.
pub const BUNDLES: [Bundle; 5] = [
    Bundle {
        target: "index.html",
        dist: "dist",
        public_url: "/",
        budget_bytes: budget::FIRST_LOAD_BUDGET_BYTES,
        own_texts: Some("pages"),
        own_texts_with_common: false,
    },
    Bundle {
        target: "verifica.html",
        dist: "dist/verifica",
        public_url: "/verifica/",
        budget_bytes: budget::FIRST_LOAD_BUDGET_BYTES,
        own_texts: Some("self_check"),
        own_texts_with_common: true,
    },
    Bundle {
        target: "domanda.html",
        dist: "dist/domanda",
        public_url: "/domanda/",
        budget_bytes: budget::APPLICATION_BUDGET_BYTES,
        own_texts: Some("applications"),
        own_texts_with_common: false,
    },
    Bundle {
        target: "stato.html",
        dist: "dist/stato",
        public_url: "/stato/",
        budget_bytes: budget::APPLICATION_BUDGET_BYTES,
        own_texts: Some("applications"),
        own_texts_with_common: false,
    },
    Bundle {
        target: "ufficio.html",
        dist: "dist/ufficio",
        public_url: "/ufficio/",
        budget_bytes: budget::BACK_OFFICE_BUDGET_BYTES,
        own_texts: Some("back_office"),
        own_texts_with_common: false,
    },
];

/// Builds both browser bundles in release into dist/ and writes .br and .gz beside each file.
pub fn build_app() -> Result<(), String> {
    for Bundle { target, dist, public_url, .. } in BUNDLES {
        let args = [
            "build",
            target,
            "--release",
            "--cargo-profile",
            "wasm-release",
            "--dist",
            dist,
            "--public-url",
            public_url,
        ];
        process::run("trunk", &args, &[])?;
        minify_loader(std::path::Path::new(dist))?;
    }
    compact_texts(std::path::Path::new("dist/locales"))?;
    merge_texts(std::path::Path::new("dist/locales"))?;
    budget::precompress(std::path::Path::new("dist"))
}

/// Writes every locale file under `locales` without the spaces and line breaks between its
/// tokens (the files in the repository are indented for people) and without the notes for
/// translators (`_meta`, which the i18n layer skips): fewer bytes in every first load outside
/// Italian.
fn compact_texts(locales: &std::path::Path) -> Result<(), String> {
    for path in budget::files(locales)? {
        if path.extension().is_some_and(|extension| extension == "json") {
            let text = std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
            let served = without_notes(&compact_json(&text));
            std::fs::write(&path, served).map_err(|error| format!("{}: {error}", path.display()))?;
        }
    }
    Ok(())
}

/// JSON without the white space between tokens; strings are kept as they are.
fn compact_json(text: &str) -> String {
    let mut compact = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for letter in text.chars() {
        if in_string {
            compact.push(letter);
            match (escaped, letter) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !letter.is_whitespace() {
            in_string = letter == '"';
            compact.push(letter);
        }
    }
    compact
}

/// `compact` (as [`compact_json`] writes it) without its top-level `"_meta"` object.
fn without_notes(compact: &str) -> String {
    const NOTES: &str = "\"_meta\":{";
    let Some(start) = compact.find(NOTES).filter(|start| compact[..*start].ends_with(['{', ','])) else {
        return compact.to_owned();
    };
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (offset, letter) in compact[start + NOTES.len() - 1..].char_indices() {
        if in_string {
            match (escaped, letter) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match letter {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    let mut end = start + NOTES.len() - 1 + offset + 1;
                    let mut begin = start;
                    if compact[end..].starts_with(',') {
                        end += 1;
                    } else if compact[..begin].ends_with(',') {
                        begin -= 1;
                    }
                    return format!("{}{}", &compact[..begin], &compact[end..]);
                }
            }
            _ => {}
        }
    }
    compact.to_owned()
}

/// Serves each language's self-check texts with the common texts in the same file, as
/// `[common, own]` (the i18n layer reads both in order): the self-check fetches one file in
/// the person's language instead of two, and brotli compresses them as one.
fn merge_texts(locales: &std::path::Path) -> Result<(), String> {
    let read =
        |path: &std::path::Path| std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()));
    for entry in std::fs::read_dir(locales).map_err(|error| format!("{}: {error}", locales.display()))? {
        let common = entry.map_err(|error| error.to_string())?.path();
        if common.extension().is_none_or(|extension| extension != "json") {
            continue;
        }
        let own = locales.join(MERGED_TEXTS).join(common.file_name().unwrap_or_default());
        let merged = format!("[{},{}]", read(&common)?.trim(), read(&own)?.trim());
        std::fs::write(&own, merged).map_err(|error| format!("{}: {error}", own.display()))?;
    }
    Ok(())
}

/// Minifies wasm-bindgen's loader (`*.js`) of one bundle with terser, which trunk's minifier
/// cannot do, and writes the new subresource-integrity hash into the bundle's index.html
/// (about 1.6 KB brotli of every first load).
fn minify_loader(dist: &std::path::Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let mut html = std::fs::read_to_string(&index).map_err(|error| format!("{}: {error}", index.display()))?;
    let entries = std::fs::read_dir(dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
        if path.extension().is_none_or(|extension| extension != "js") {
            continue;
        }
        let file = path.to_string_lossy().into_owned();
        let before = integrity(&file)?;
        process::run("terser", &[&file, "--module", "--compress", "--mangle", "--output", &file], &[])?;
        let after = integrity(&file)?;
        if !html.contains(&before) {
            return Err(format!("{}: no integrity {before} for {file}", index.display()));
        }
        html = html.replace(&before, &after);
    }
    std::fs::write(&index, html).map_err(|error| format!("{}: {error}", index.display()))
}

/// `sha384-<base64>` of a file, as trunk writes it into `integrity` attributes.
fn integrity(file: &str) -> Result<String, String> {
    const SCRIPT: &str = "const c=require('crypto'),f=require('fs');\
        process.stdout.write('sha384-'+c.createHash('sha384').update(f.readFileSync(process.argv[1])).digest('base64'))";
    process::output("node", &["-e", SCRIPT, file]).ok_or_else(|| format!("could not hash {file}"))
}

/// The engine benchmark, then the submission load benchmark on the release server (30 s, 32
/// clients, >= 1000/s, p99 < 50 ms).
/// Then the back office on 100,000 sample applications (queue and case page p95 <= 20 ms).
/// `cargo xtask bench`: the engine, then the server's budgets on SQLite and on PostgreSQL with
/// two instances (issue 13), side by side in one run; every figure is printed, and the command
/// fails after all of them when one missed its budget.
fn bench() -> Result<(), String> {
    process::run("cargo", &["bench", "--package", "insieme-rules", "--bench", "assess"], &[])?;
    process::run("cargo", &["build", "--release", "--package", "insieme-server", "--package", "insieme-load"], &[])?;
    let server = binary("release", "insieme-server");
    let cluster = postgres::Cluster::start(&std::env::temp_dir())?;
    let queue = ["--applications", "100000", "--max-p95-ms", "20"];
    let runs: [(&str, Vec<&str>); 4] = [
        ("insieme-load-bench", vec![&server]),
        ("insieme-load-bench", vec![&server, "--postgres", &cluster.url, "--instances", "2"]),
        ("insieme-queue-bench", [&server as &str].into_iter().chain(queue).collect()),
        (
            "insieme-queue-bench",
            [&server as &str].into_iter().chain(queue).chain(["--postgres", &cluster.url]).collect(),
        ),
    ];
    let missed: Vec<String> = runs
        .iter()
        .filter_map(|(program, arguments)| process::run(&binary("release", program), arguments, &[]).err())
        .collect();
    if missed.is_empty() { Ok(()) } else { Err(missed.join("; ")) }
}

/// `cargo xtask seed --applications N`: sample applications into ./data, with the release server.
fn seed(arguments: &[String]) -> Result<(), String> {
    let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
    let [flag, count] = arguments.as_slice() else {
        return Err("usage: cargo xtask seed --applications N".to_owned());
    };
    process::run("cargo", &["build", "--release", "--package", "insieme-server"], &[])?;
    process::run(&binary("release", "insieme-server"), &["seed", flag, count], &[("IPL_DATA_DIR", "data")])
}

fn run() -> Result<(), String> {
    tools::ensure(tools::Needs::App)?;
    build_app()?;
    process::run("cargo", &["build", "--release", "--package", "insieme-server"], &[])?;
    println!();
    println!("Starting Insieme per il lavoro on http://127.0.0.1:8080/ (Ctrl+C stops it).");
    println!("Database: ./data/insieme.db (created and migrated on first start).");
    println!(
        "Back office for partners and operators: http://127.0.0.1:8080/ufficio (the server prints its demo accounts)."
    );
    println!(
        "Demo data: two open calls of channel 3 (demo-giovani, demo-progetti, open from a month ago to a year from today)"
    );
    println!("and, in a new database, 300 sample applications in every state of every channel.");
    println!("Try: the self-check at /verifica, applications at /domanda, the status page at /stato.");
    println!();
    process::run(&binary("release", "insieme-server"), &[], &[("IPL_DIST_DIR", "dist"), ("IPL_DATA_DIR", "data")])
}

#[cfg(test)]
mod tests {
    use super::compact_json;

    #[test]
    fn compact_json_drops_the_space_between_tokens_and_keeps_strings() {
        let text = "{\n  \"a b\": \"x  \\\" y\",\n  \"list\": [ 1, 2 ]\n}\n";
        assert_eq!(compact_json(text), "{\"a b\":\"x  \\\" y\",\"list\":[1,2]}");
        assert_eq!(compact_json("{\"a\": \"\\\\\", \"b\": 1}"), "{\"a\":\"\\\\\",\"b\":1}");
    }

    #[test]
    fn served_texts_leave_out_the_notes_for_translators() {
        use super::without_notes;
        let notes = r#""_meta":{"review":"to be \"checked\" {later}","machine_drafted":true}"#;
        assert_eq!(without_notes(&format!(r#"{{{notes},"a":"b"}}"#)), r#"{"a":"b"}"#);
        assert_eq!(without_notes(&format!(r#"{{"a":"b",{notes}}}"#)), r#"{"a":"b"}"#);
        assert_eq!(without_notes(&format!(r#"{{"a":{{"b":"c"}},{notes},"d":"e"}}"#)), r#"{"a":{"b":"c"},"d":"e"}"#);
        // A text that merely mentions the notes is a text.
        assert_eq!(without_notes(r#"{"a":"\"_meta\":{"}"#), r#"{"a":"\"_meta\":{"}"#);
        assert_eq!(without_notes(r#"{"a":"b"}"#), r#"{"a":"b"}"#);
    }
}
