//! Precompresses the built app and checks the first-load budget of
//! `shared/spec/budgets.md`: HTML + JS + wasm + CSS + fonts, as the server sends them (brotli),
//! at most 200 KB.

use std::{fs, path::Path};

use crate::process;

/// The first-load budget of the public pages in bytes (200 KB, shared/spec/budgets.md): the
/// public app and the self-check, which citizens open anonymously.
pub const FIRST_LOAD_BUDGET_BYTES: u64 = 200_000;
/// Our own budget for the application forms and the status pages (250 KB). The spec's 200 KB
/// is for public pages; a person reaches these after choosing to apply, but they must not grow
/// unchecked either.
pub const APPLICATION_BUDGET_BYTES: u64 = 250_000;

/// File kinds worth compressing; fonts (woff2) and images are compressed already.
const COMPRESSIBLE: [&str; 6] = ["html", "js", "wasm", "css", "svg", "json"];
/// File kinds a browser loads before the first page shows.
const FIRST_LOAD: [&str; 6] = ["html", "js", "wasm", "css", "woff2", "svg"];

/// Writes `name.br` (brotli 11) and `name.gz` (gzip 9) beside every compressible file.
pub fn precompress(dist: &Path) -> Result<(), String> {
    for file in files(dist)? {
        if has_extension(&file, &COMPRESSIBLE) {
            let path = file.to_string_lossy();
            process::run("brotli", &["--force", "--keep", "--quality=11", &path], &[])?;
            process::run("gzip", &["--force", "--keep", "--best", "--no-name", &path], &[])?;
        }
    }
    Ok(())
}

/// The bytes a first visit to an entry page downloads: the page and every file it references
/// (scripts, wasm, stylesheets, icons), each as brotli when a `.br` exists, as the server sends
/// it. Each bundle's entry page is measured on its own, since each is a first load.
pub fn first_load_bytes(dist: &Path, entry: &Path) -> Result<Vec<(String, u64)>, String> {
    let html = fs::read_to_string(entry).map_err(|error| format!("{}: {error}", entry.display()))?;
    let mut files = vec![entry.to_path_buf()];
    for quote in ['"', '\''] {
        for piece in html.split(quote).skip(1).step_by(2) {
            if let Some(relative) = piece.strip_prefix('/')
                && !relative.is_empty()
                && !relative.contains(['<', '>', ' '])
            {
                let file = dist.join(relative);
                if file.is_file() && has_extension(&file, &FIRST_LOAD) && !files.contains(&file) {
                    files.push(file);
                }
            }
        }
    }
    files
        .into_iter()
        .map(|file| {
            let compressed = file.with_file_name(format!(
                "{}.br",
                file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
            ));
            let size = fs::metadata(if compressed.is_file() { &compressed } else { &file })
                .map_err(|error| format!("{}: {error}", file.display()))?
                .len();
            Ok((file.strip_prefix(dist).unwrap_or(&file).display().to_string(), size))
        })
        .collect()
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|extension| extension.to_str()).is_some_and(|extension| extensions.contains(&extension))
}

/// Every regular file under `dir`, recursively.
fn files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut found = Vec::new();
    let entries = fs::read_dir(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            found.extend(files(&path)?);
        } else {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}
