//! Precompresses the built app and checks the first-load budget of
//! `shared/spec/budgets.md`: HTML + JS + wasm + CSS + fonts, as the server sends them (brotli),
//! at most 200 KB.

use std::{
    fs,
    path::{Path, PathBuf},
};

use crate::process;

/// The first-load budget of the public pages in bytes (200 KB, shared/spec/budgets.md): the
/// public app and the self-check, which citizens open anonymously.
pub const FIRST_LOAD_BUDGET_BYTES: u64 = 200_000;
/// Our own budget for the application forms and the status pages (250 KB). The spec's 200 KB
/// is for public pages; a person reaches these after choosing to apply, but they must not grow
/// unchecked either.
pub const APPLICATION_BUDGET_BYTES: u64 = 250_000;
/// The back office's first load (issue 12): 300 KB brotli.
pub const BACK_OFFICE_BUDGET_BYTES: u64 = 300_000;

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
    // Attribute values may be quoted or not (trunk's minifier drops the quotes), so every piece
    // between quotes, spaces, brackets and `=` that starts with `/` and names a file counts.
    let separators = ['"', '\'', ' ', '\n', '\t', '<', '>', '=', '(', ')', ';'];
    for piece in html.split(separators) {
        if let Some(relative) = piece.strip_prefix('/')
            && !relative.is_empty()
        {
            let file = dist.join(relative);
            if file.is_file() && has_extension(&file, &FIRST_LOAD) && !files.contains(&file) {
                files.push(file);
            }
        }
    }
    let stylesheets: Vec<PathBuf> = files.iter().filter(|file| has_extension(file, &["css"])).cloned().collect();
    for stylesheet in stylesheets {
        let css = fs::read_to_string(&stylesheet).map_err(|error| format!("{}: {error}", stylesheet.display()))?;
        for relative in fonts_every_page_loads(&css) {
            let file = dist.join(relative);
            if !file.is_file() {
                return Err(format!("{} names {relative}, which is not in {}", stylesheet.display(), dist.display()));
            }
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    files.into_iter().map(|file| sized(dist, file)).collect()
}

/// The fonts every page downloads that `entry` does not preload. A font found only through the
/// stylesheet arrives after the first render and moves the text when it swaps in (layout
/// shift), so each entry page must preload them.
/// `first_load` is what [`first_load_bytes`] found for `entry`.
pub fn fonts_not_preloaded(entry: &Path, first_load: &[(String, u64)]) -> Result<Vec<String>, String> {
    let html = fs::read_to_string(entry).map_err(|error| format!("{}: {error}", entry.display()))?;
    let preloaded: Vec<&str> = html
        .split("<link")
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap_or_default())
        .filter(|tag| {
            tag.contains("preload") && ["as=font", "as=\"font\"", "as='font'"].iter().any(|kind| tag.contains(kind))
        })
        .collect();
    Ok(first_load
        .iter()
        .map(|(file, _)| file)
        .filter(|file| file.ends_with(".woff2") && !preloaded.iter().any(|tag| tag.contains(&format!("/{file}"))))
        .cloned()
        .collect())
}

/// The fonts of a stylesheet's `@font-face` rules that every page downloads: those without a
/// `unicode-range`, or whose range holds the letter "a" (a piece for other letters is only
/// fetched by pages that show them). Paths are relative to the site's root.
fn fonts_every_page_loads(css: &str) -> Vec<&str> {
    font_pieces(css).into_iter().filter(|piece| piece.holds('a')).map(|piece| piece.url).collect()
}

/// One `@font-face` rule: its file (relative to the site's root) and its `unicode-range` as
/// inclusive code-point ranges (`None`: every character).
struct FontPiece<'a> {
    url: &'a str,
    range: Option<Vec<(u32, u32)>>,
}

impl FontPiece<'_> {
    fn holds(&self, letter: char) -> bool {
        self.range
            .as_ref()
            .is_none_or(|range| range.iter().any(|(start, end)| (*start..=*end).contains(&(letter as u32))))
    }
}

fn font_pieces(css: &str) -> Vec<FontPiece<'_>> {
    css.split("@font-face")
        .skip(1)
        .filter_map(|rule| {
            let rule = rule.split('}').next().unwrap_or_default();
            let url = rule.split("url(").nth(1)?.split(')').next()?.trim_matches(['"', '\'', ' ']);
            let range = rule.split("unicode-range:").nth(1).map(|range| {
                range
                    .split(';')
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|part| {
                        let part = part.trim().trim_start_matches(['U', 'u']).trim_start_matches('+');
                        let (start, end) = part.split_once('-').unwrap_or((part, part));
                        let number = |text: &str| u32::from_str_radix(text.trim(), 16).ok();
                        Some((number(start)?, number(end)?))
                    })
                    .collect()
            });
            Some(FontPiece { url: url.trim_start_matches('/'), range })
        })
        .collect()
}

/// What a first visit in one language downloads besides the entry page's own files: the locale
/// files the bundle fetches for it (`texts`, relative to `dist`; none for Italian, which is
/// embedded) and the font pieces of `stylesheets` holding a letter of its texts (`letters`:
/// the locale files of the language, Italian ones included) that `counted` lacks.
pub fn language_extra(
    dist: &Path,
    texts: &[String],
    letters: &[PathBuf],
    counted: &[(String, u64)],
) -> Result<Vec<(String, u64)>, String> {
    let mut extra: Vec<PathBuf> = texts.iter().map(|text| dist.join(text)).collect();
    let mut characters = std::collections::BTreeSet::new();
    for file in letters {
        let text = fs::read_to_string(file).map_err(|error| format!("{}: {error}", file.display()))?;
        if text.contains("\\u") {
            return Err(format!(
                "{}: write letters as UTF-8, not \\u escapes, so that their fonts are counted",
                file.display()
            ));
        }
        characters.extend(text.chars());
    }
    for (stylesheet, _) in counted.iter().filter(|(file, _)| file.ends_with(".css")) {
        let css = fs::read_to_string(dist.join(stylesheet)).map_err(|error| format!("{stylesheet}: {error}"))?;
        for piece in font_pieces(&css) {
            let file = dist.join(piece.url);
            let needed = characters.iter().any(|letter| piece.holds(*letter));
            if needed && !counted.iter().any(|(name, _)| name == piece.url) && !extra.contains(&file) {
                extra.push(file);
            }
        }
    }
    extra.into_iter().map(|file| sized(dist, file)).collect()
}

/// A file's name relative to `dist` and the bytes the server sends for it (brotli when a `.br`
/// exists).
fn sized(dist: &Path, file: PathBuf) -> Result<(String, u64), String> {
    let compressed = file.with_file_name(format!(
        "{}.br",
        file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
    ));
    let size = fs::metadata(if compressed.is_file() { &compressed } else { &file })
        .map_err(|error| format!("{}: {error}", file.display()))?
        .len();
    Ok((file.strip_prefix(dist).unwrap_or(&file).display().to_string(), size))
}

/// The languages the site ships: one `locales/<code>.json` each (Italian included).
pub fn languages(dist: &Path) -> Result<Vec<String>, String> {
    let mut codes: Vec<String> = files(&dist.join("locales"))?
        .into_iter()
        .filter(|file| file.parent() == Some(&dist.join("locales")) && has_extension(file, &["json"]))
        .filter_map(|file| file.file_stem().map(|stem| stem.to_string_lossy().into_owned()))
        .collect();
    codes.sort();
    Ok(codes)
}

/// For a bundle with its own texts in `locales/<own>/` (which hold the common texts too when
/// `with_common`, merged by the build): the locale files a first visit in `language` fetches
/// (relative to `dist`: none in Italian, which such bundles embed, except a bundle whose files
/// hold the common texts too, the self-check, which embeds no texts and fetches Italian like the
/// others) and the files whose letters its pages show. A bundle without its own texts in that
/// language uses English's (the back office), as `i18n::ExtraTexts` does.
pub fn texts_of(dist: &Path, language: &str, own: Option<&str>, with_common: bool) -> (Vec<String>, Vec<PathBuf>) {
    let mut names = if with_common && own.is_some() { Vec::new() } else { vec![format!("locales/{language}.json")] };
    if let Some(folder) = own {
        let own_file = format!("locales/{folder}/{language}.json");
        names.push(if dist.join(&own_file).is_file() { own_file } else { format!("locales/{folder}/en.json") });
    }
    let letters = names.iter().map(|name| dist.join(name)).collect();
    let fetched = if language == "it" && !with_common { Vec::new() } else { names };
    (fetched, letters)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|extension| extension.to_str()).is_some_and(|extension| extensions.contains(&extension))
}

/// Every regular file under `dir`, recursively.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
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

#[cfg(test)]
mod tests {
    use super::{first_load_bytes, fonts_every_page_loads, fonts_not_preloaded, language_extra};

    #[test]
    fn quoted_and_unquoted_references_both_count() {
        let dist = std::env::temp_dir().join(format!("xtask-budget-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("fonts")).expect("folder");
        let html = "<link href=/app.css rel=stylesheet><link href=\"/fonts/a.woff2\" rel=preload as=font>\
                    <script type=module>import init from '/app.js';</script><a href=/elsewhere>x</a>";
        std::fs::write(dist.join("index.html"), html).expect("html");
        std::fs::write(dist.join("app.css"), "@font-face{src:url(/fonts/b.woff2)}").expect("css");
        for file in ["fonts/a.woff2", "fonts/b.woff2", "app.js"] {
            std::fs::write(dist.join(file), "x").expect("file");
        }
        let entry = dist.join("index.html");
        let first_load = first_load_bytes(&dist, &entry).expect("measured");
        let late = fonts_not_preloaded(&entry, &first_load).expect("read");
        let names: Vec<String> = first_load.into_iter().map(|(name, _)| name).collect();
        std::fs::remove_dir_all(&dist).ok();
        assert_eq!(names, ["index.html", "app.css", "fonts/a.woff2", "app.js", "fonts/b.woff2"]);
        assert_eq!(late, ["fonts/b.woff2"], "only the font the stylesheet brings is late");
    }

    #[test]
    fn only_font_pieces_holding_basic_letters_count_as_first_load() {
        let css = r#"
            @font-face { font-family: "T"; src: url("/fonts/t-it.woff2") format("woff2"); unicode-range: U+0020-007E,U+00E0; }
            @font-face { font-family: "T"; src: url(/fonts/t-ext.woff2) format("woff2"); unicode-range: U+0100-017F; }
            @font-face { font-family: "T"; src: url('/fonts/t-all.woff2'); }
            body { color: black; }
        "#;
        assert_eq!(fonts_every_page_loads(css), ["fonts/t-it.woff2", "fonts/t-all.woff2"]);
    }

    #[test]
    fn a_language_adds_its_texts_and_the_font_pieces_of_its_letters() {
        let dist = std::env::temp_dir().join(format!("xtask-languages-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("locales")).expect("folder");
        let css = "@font-face{src:url(/f-it.woff2);unicode-range:U+0020-007E}\
                   @font-face{src:url(/f-letters.woff2);unicode-range:U+00E2,U+0218-021B}\
                   @font-face{src:url(/f-rest.woff2);unicode-range:U+0100-017F}";
        std::fs::write(dist.join("app.css"), css).expect("css");
        std::fs::write(dist.join("locales/ro.json"), r#"{"a":"Înscrie-te în program, ș"}"#).expect("ro");
        std::fs::write(dist.join("locales/it.json"), r#"{"a":"Iscriviti"}"#).expect("it");
        std::fs::write(dist.join("locales/bad.json"), r#"{"a":"\u0219"}"#).expect("bad");
        for file in ["f-it.woff2", "f-letters.woff2", "f-rest.woff2"] {
            std::fs::write(dist.join(file), "xx").expect("font");
        }
        let counted = vec![("app.css".to_owned(), 1), ("f-it.woff2".to_owned(), 2)];
        let romanian =
            language_extra(&dist, &["locales/ro.json".to_owned()], &[dist.join("locales/ro.json")], &counted)
                .expect("ro");
        let italian = language_extra(&dist, &[], &[dist.join("locales/it.json")], &counted).expect("it");
        let escaped = language_extra(&dist, &[], &[dist.join("locales/bad.json")], &counted);
        std::fs::remove_dir_all(&dist).ok();
        let names: Vec<&str> = romanian.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["locales/ro.json", "f-letters.woff2"], "its texts and the piece with ș, not the rest");
        assert!(italian.is_empty(), "Italian is embedded and its letters are in the counted piece: {italian:?}");
        assert!(escaped.is_err(), "an escaped letter would hide its font piece from the count");
    }
}
