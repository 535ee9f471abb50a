//! Every text the app shows exists in Italian, every other language has exactly Italian's keys
//! with the same `{parameters}`, and every key the code asks for exists. Data-driven texts
//! (instrument items, reason codes) are checked against the rules engine's data.

use std::{collections::BTreeSet, fs, path::Path};

use insieme_app::i18n::{Catalogue, Language, placeholders};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The locale families: the common texts (every bundle), the applications texts (the
/// application and status bundles) and the public pages' texts (the public bundle), each a
/// folder of one file per language.
const FAMILIES: [&str; 5] =
    ["locales", "locales/applications", "locales/pages", "locales/self_check", "locales/back_office"];

/// The back office's texts: Italian and English only (issue 12); English stands in for the rest.
const BACK_OFFICE_FAMILY: &str = "locales/back_office";

/// The families a bundle adds to the common texts.
const EXTRA_FAMILIES: [&str; 3] = ["locales/applications", "locales/pages", "locales/self_check"];

/// The source files of the self-check bundle's own pages and components (under `src/`): the
/// only ones that may use the texts of `locales/self_check`, which no other bundle embeds.
const SELF_CHECK_FILES: [&str; 7] = [
    "pages/self_check",
    "pages/self_check.rs",
    "components/fragility_chart.rs",
    "components/interim_summary.rs",
    "components/level_question.rs",
    "components/channel_card.rs",
    "components/step_form.rs",
];

/// The source files of the public bundle's own pages: the only ones that may use the texts of
/// `locales/pages`, which no other bundle embeds.
const PUBLIC_PAGE_FILES: [&str; 9] = [
    "access_points.rs",
    "accessibility.rs",
    "channel.rs",
    "home.rs",
    "not_found.rs",
    "opportunities.rs",
    "privacy.rs",
    "sources.rs",
    "territory.rs",
];

fn catalogue(code: &str) -> Catalogue {
    family_catalogue("locales", code)
}

fn family_catalogue(family: &str, code: &str) -> Catalogue {
    let path = root().join(format!("{family}/{code}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    Catalogue::from_json(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn keys(catalogue: &Catalogue) -> BTreeSet<String> {
    catalogue.keys().map(str::to_owned).collect()
}

/// Languages whose locale file exists (each must be complete).
fn shipped_languages() -> Vec<Language> {
    shipped_in("locales")
}

fn shipped_in(family: &str) -> Vec<Language> {
    Language::ALL
        .into_iter()
        .filter(|language| root().join(format!("{family}/{}.json", language.code())).is_file())
        .collect()
}

/// Texts whose Italian and English come from the rules' data (instrument items and areas,
/// reasons, sources), with the `{parameters}` each must keep. Other languages translate them in
/// their locale file under these keys.
fn data_texts() -> Vec<(String, BTreeSet<String>)> {
    let instrument = insieme_rules::Instrument::fragility();
    let mut texts = Vec::new();
    for item in &instrument.items {
        texts.push((format!("items.{}.label", item.id), BTreeSet::new()));
        for level in 0..item.levels_it.len() {
            texts.push((format!("items.{}.levels.{level}", item.id), BTreeSet::new()));
        }
    }
    for area in &instrument.areas {
        texts.push((format!("areas.{}", area.id), BTreeSet::new()));
    }
    for template in insieme_rules::reason::reason_templates() {
        let params = placeholders(&template.it).into_iter().map(str::to_owned).collect();
        texts.push((format!("reasons.{}", template.code), params));
    }
    for source in insieme_rules::source::sources() {
        texts.push((format!("sources.{}", source.id), BTreeSet::new()));
    }
    texts
}

/// The plural categories of CLDR (`Intl.PluralRules`): a text counted with `i18n.t_count` is an
/// object with one text per category its language uses, each key marked `#` (`#one`).
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The categories each language's whole numbers fall in (CLDR's cardinal rules, as browsers
/// apply them; the app asks the browser, this table only checks that the files have a text
/// for each). French, Italian and Spanish also have `many` for millions, which `other` covers.
fn plural_categories_of(code: &str) -> &'static [&'static str] {
    match code {
        "ar" => &["zero", "one", "two", "few", "many", "other"],
        "uk" => &["one", "few", "many", "other"],
        "ro" => &["one", "few", "other"],
        "zh-Hans" => &["other"],
        _ => &["one", "other"],
    }
}

/// `key` without its plural category (`apply.x.#one` -> `apply.x`), and the category.
fn plural_parts(key: &str) -> Option<(&str, &str)> {
    let (base, last) = key.rsplit_once(".#")?;
    PLURAL_CATEGORIES.contains(&last).then_some((base, last))
}

/// The keys of a catalogue with each plural text counted once (`apply.x.#`).
fn keys_counting_plurals_once(catalogue: &Catalogue) -> BTreeSet<String> {
    catalogue
        .keys()
        .map(|key| plural_parts(key).map_or_else(|| key.to_owned(), |(base, _)| format!("{base}.#")))
        .collect()
}

/// `translated` has exactly Italian's keys (besides `also_allowed`), each with Italian's
/// `{parameters}`; `label` names the file in the messages. A plural text has the categories its
/// language uses, each with no parameter Italian's `other` lacks (Arabic's "one" may leave the
/// number out), and its `other` with exactly Italian's.
fn assert_same_keys_and_parameters(
    label: &str,
    italian: &Catalogue,
    translated: &Catalogue,
    also_allowed: &BTreeSet<String>,
) {
    let reference = keys_counting_plurals_once(italian);
    let own = keys_counting_plurals_once(translated);
    let missing: Vec<_> = reference.difference(&own).collect();
    let unknown: Vec<_> = own.difference(&reference).filter(|key| !also_allowed.contains(*key)).collect();
    assert!(missing.is_empty(), "{label}: missing {missing:?}");
    assert!(unknown.is_empty(), "{label}: keys Italian does not have {unknown:?}");
    let code = label.rsplit('/').next().unwrap_or(label).trim_end_matches(".json");
    for key in &reference {
        let parameters = |catalogue: &Catalogue, key: &str| -> BTreeSet<String> {
            placeholders(catalogue.get(key).unwrap_or_default()).into_iter().map(str::to_owned).collect()
        };
        let Some(base) = key.strip_suffix(".#") else {
            assert_eq!(parameters(italian, key), parameters(translated, key), "{label}: parameters of {key}");
            continue;
        };
        let wanted = parameters(italian, &format!("{base}.#other"));
        assert_eq!(wanted, parameters(translated, &format!("{base}.#other")), "{label}: parameters of {base}.#other");
        for category in PLURAL_CATEGORIES {
            let variant = format!("{base}.#{category}");
            let needed = plural_categories_of(code).contains(&category);
            assert_eq!(translated.get(&variant).is_some(), needed, "{label}: {variant} (the language's categories)");
            assert!(parameters(translated, &variant).is_subset(&wanted), "{label}: parameters of {variant}");
        }
    }
}

#[test]
fn every_shipped_language_has_exactly_the_italian_keys_and_parameters() {
    let italian = catalogue("it");
    let reference = keys(&italian);
    assert!(reference.len() > 30, "Italian has only {} texts", reference.len());
    let data = data_texts();
    let data_keys: BTreeSet<String> = data.iter().map(|(key, _)| key.clone()).collect();
    // Italian's own counted texts have Italian's categories.
    assert_same_keys_and_parameters("it", &italian, &italian, &BTreeSet::new());
    for language in shipped_languages().into_iter().filter(|language| *language != Language::Italian) {
        let code = language.code();
        let translated = catalogue(code);
        assert_same_keys_and_parameters(code, &italian, &translated, &data_keys);
        // English texts of the data come from the rules; every other language translates them.
        if language != Language::English {
            for (key, params) in &data {
                let text = translated.get(key).unwrap_or_else(|| panic!("{code}: missing {key}"));
                let found: BTreeSet<String> = placeholders(text).into_iter().map(str::to_owned).collect();
                assert_eq!(&found, params, "{code}: parameters of {key}");
            }
        }
    }
}

#[test]
fn every_bundles_own_texts_exist_in_every_shipped_language_with_italians_keys_and_parameters() {
    for family in EXTRA_FAMILIES {
        assert_eq!(shipped_in(family), shipped_languages(), "every language ships {family}");
        let italian = family_catalogue(family, "it");
        let reference = keys(&italian);
        assert!(reference.len() > 20, "{family}/it has only {} texts", reference.len());
        let common = keys(&catalogue("it"));
        let shadowed: Vec<_> = reference.intersection(&common).collect();
        assert!(shadowed.is_empty(), "{family}/it repeats common keys {shadowed:?}");
        for language in shipped_in(family).into_iter().filter(|language| *language != Language::Italian) {
            let code = language.code();
            let translated = family_catalogue(family, code);
            assert_same_keys_and_parameters(&format!("{family}/{code}"), &italian, &translated, &BTreeSet::new());
        }
    }
}

#[test]
fn every_application_field_choice_problem_state_and_channel_has_its_italian_text() {
    use insieme_api::State;
    use insieme_app::state::application::{Form, Kind};
    let texts = family_catalogue("locales/applications", "it");
    let mut wanted = Vec::new();
    for form in Form::ALL {
        for part in ["title", "who", "start"] {
            wanted.push(format!("apply.channels.{}.{part}", form.code()));
        }
        wanted.push(format!("apply.next.{}", form.code()));
        for page in form.pages() {
            wanted.push(format!("apply.pages.{}", page.slug));
            for field in page.fields {
                wanted.push(format!("fields.{}.label", field.path));
                if let Kind::OneOf { set, codes } | Kind::AnyOf { set, codes } = field.kind {
                    wanted.extend(codes.iter().map(|code| format!("options.{set}.{code}")));
                }
            }
        }
    }
    for problem in insieme_validation::Problem::ALL {
        wanted.push(format!("problems.{}", problem.code()));
    }
    for state in State::ALL {
        wanted.push(format!("states.{}.label", state.code()));
        wanted.push(format!("states.{}.next", state.code()));
    }
    let missing: Vec<&String> = wanted.iter().filter(|key| texts.get(key).is_none()).collect();
    assert!(missing.is_empty(), "missing in locales/applications/it.json: {missing:?}");
}

#[test]
fn every_language_file_is_marked_for_native_review() {
    for family in FAMILIES {
        for language in shipped_in(family).into_iter().filter(|language| *language != Language::Italian) {
            let text = fs::read_to_string(root().join(format!("{family}/{}.json", language.code()))).expect("readable");
            let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(
                value["_meta"]["machine_drafted"],
                true,
                "{family}/{} lacks its machine-drafted mark",
                language.code()
            );
        }
    }
}

/// Every literal key in `i18n.t("…")` and `i18n.t_with("…"` calls under `dir`, in the files
/// `include` accepts.
fn keys_used_in_code(dir: &Path, found: &mut BTreeSet<String>, include: &dyn Fn(&Path) -> bool) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            keys_used_in_code(&path, found, include);
        } else if path.extension().is_some_and(|extension| extension == "rs") && include(&path) {
            let text = fs::read_to_string(&path).expect("readable source");
            for marker in [".t(\"", ".t_with(\"", "tr(\"", ".t_count(\""] {
                for piece in text.split(marker).skip(1) {
                    if let Some(key) = piece.split('"').next() {
                        found.insert(key.to_owned());
                    }
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_uses_exists_in_italian() {
    let mut italian = catalogue("it");
    for family in EXTRA_FAMILIES.into_iter().chain([BACK_OFFICE_FAMILY]) {
        italian.merge(family_catalogue(family, "it"));
    }
    let mut used = BTreeSet::new();
    keys_used_in_code(&root().join("src"), &mut used, &|_| true);
    assert!(used.len() > 20, "found only {used:?}");
    // A counted text (`t_count`) is found by its `#other` form.
    let missing: Vec<_> = used
        .iter()
        .filter(|key| italian.get(key).is_none() && italian.get(&format!("{key}.#other")).is_none())
        .collect();
    assert!(missing.is_empty(), "keys used in code but missing in the Italian locale files: {missing:?}");
}

#[test]
fn only_the_public_pages_use_the_texts_only_the_public_bundle_embeds() {
    let pages = family_catalogue("locales/pages", "it");
    // A public page's file, or a file of its own folder (`pages/accessibility/feedback_form.rs`).
    let is_public_page = |path: &Path| {
        let public = |name: &str| PUBLIC_PAGE_FILES.contains(&name);
        let folder = path.parent();
        let in_pages = folder.is_some_and(|folder| folder.ends_with("src/pages"))
            && path.file_name().and_then(|name| name.to_str()).is_some_and(public);
        let in_own_folder = folder.and_then(Path::parent).is_some_and(|pages| pages.ends_with("src/pages"))
            && folder
                .and_then(Path::file_name)
                .and_then(|name| name.to_str())
                .is_some_and(|name| public(&format!("{name}.rs")));
        in_pages || in_own_folder
    };
    let mut used_elsewhere = BTreeSet::new();
    keys_used_in_code(&root().join("src"), &mut used_elsewhere, &|path| !is_public_page(path));
    let misplaced: Vec<_> = used_elsewhere.iter().filter(|key| pages.get(key).is_some()).collect();
    assert!(misplaced.is_empty(), "used outside the public pages but only in locales/pages: {misplaced:?}");
    let mut used_there = BTreeSet::new();
    keys_used_in_code(&root().join("src/pages"), &mut used_there, &is_public_page);
    assert!(used_there.iter().any(|key| pages.get(key).is_some()), "the public pages use none of their texts");
}

#[test]
fn only_the_self_check_uses_the_texts_only_the_self_check_bundle_embeds() {
    let self_check = family_catalogue("locales/self_check", "it");
    let source = root().join("src");
    let is_self_check = |path: &Path| {
        let relative = path.strip_prefix(&source).unwrap_or(path);
        SELF_CHECK_FILES.iter().any(|file| relative.starts_with(file))
    };
    let mut used_elsewhere = BTreeSet::new();
    keys_used_in_code(&source, &mut used_elsewhere, &|path| !is_self_check(path));
    let misplaced: Vec<_> = used_elsewhere.iter().filter(|key| self_check.get(key).is_some()).collect();
    assert!(misplaced.is_empty(), "used outside the self-check but only in locales/self_check: {misplaced:?}");
    let mut used_there = BTreeSet::new();
    keys_used_in_code(&source, &mut used_there, &is_self_check);
    assert!(used_there.iter().any(|key| self_check.get(key).is_some()), "the self-check uses none of its texts");
    // The self-check's components are used by its pages only.
    for component in ["FragilityChart", "InterimSummary", "LevelQuestion", "ChannelCard"] {
        let mut users = Vec::new();
        find_users(&source, component, &mut users);
        let outside: Vec<_> = users
            .iter()
            .filter(|path| {
                !is_self_check(path) && !path.ends_with("components.rs") && !path.starts_with(source.join("components"))
            })
            .collect();
        assert!(outside.is_empty(), "{component} is used outside the self-check: {outside:?}");
    }
}

/// The source files under `dir` that mention `name`.
fn find_users(dir: &Path, name: &str, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            find_users(&path, name, found);
        } else if fs::read_to_string(&path).is_ok_and(|text| text.contains(name)) {
            found.push(path);
        }
    }
}

#[test]
fn every_channel_and_status_has_its_texts_and_every_item_a_plain_question() {
    let italian = catalogue("it");
    // The name everywhere; the longer texts on the public pages only (their own catalogue).
    let pages = family_catalogue("locales/pages", "it");
    for channel in ["community", "fragility", "youth", "enterprise"] {
        assert!(italian.get(&format!("channels.{channel}.name")).is_some(), "missing the name of {channel}");
        for part in ["summary", "intro", "who", "how"] {
            let key = format!("channels.{channel}.{part}");
            assert!(pages.get(&key).is_some(), "missing {key} in locales/pages");
        }
    }
    for status in ["eligible", "not_eligible", "to_be_assessed"] {
        assert!(italian.get(&format!("status.{status}")).is_some(), "missing status.{status}");
    }
    // Every access point has its name in the common texts and who it serves in the public
    // pages' (the data file's texts mix Italian and English: issue 14).
    for point in insieme_rules::AccessPoint::all() {
        let name = format!("places.{}.name", point.id);
        assert!(italian.get(&name).is_some(), "missing {name}");
        let serves = format!("places.{}.serves", point.id);
        assert!(pages.get(&serves).is_some(), "missing {serves} in locales/pages");
    }
    // The plain questions are the self-check's.
    let self_check = family_catalogue("locales/self_check", "it");
    for item in &insieme_rules::Instrument::fragility().items {
        let key = format!("items.{}.question", item.id);
        assert!(self_check.get(&key).is_some(), "missing {key} in locales/self_check");
    }
}

#[test]
fn the_languages_offered_are_exactly_those_with_a_locale_file() {
    let offered: BTreeSet<&str> = Language::AVAILABLE.iter().map(|language| language.code()).collect();
    let shipped: BTreeSet<&str> = shipped_languages().into_iter().map(Language::code).collect();
    assert_eq!(offered, shipped);
    // The server accepts exactly these as a preferred language.
    let accepted: BTreeSet<&str> = insieme_api::LANGUAGES.into_iter().collect();
    assert_eq!(offered, accepted);
}

#[test]
fn the_back_office_is_written_in_italian_and_english_with_the_same_keys() {
    assert_eq!(shipped_in(BACK_OFFICE_FAMILY), [Language::Italian, Language::English]);
    let italian = family_catalogue(BACK_OFFICE_FAMILY, "it");
    let english = family_catalogue(BACK_OFFICE_FAMILY, "en");
    assert!(italian.len() > 50, "back_office/it has only {} texts", italian.len());
    assert_same_keys_and_parameters("back_office/en", &italian, &english, &BTreeSet::new());
    let common = keys(&catalogue("it"));
    let shadowed: Vec<_> = keys(&italian).intersection(&common).cloned().collect();
    assert!(shadowed.is_empty(), "back_office/it repeats common keys {shadowed:?}");
    // Every state and every action of the workflow table has its words.
    for state in insieme_api::State::ALL {
        assert!(italian.get(&format!("bo_state.{}", state.code())).is_some(), "state {}", state.code());
    }
    for workflow in &insieme_rules::Workflows::embedded().channels {
        for transition in &workflow.transitions {
            assert!(italian.get(&format!("bo_action.{}", transition.action)).is_some(), "action {}", transition.action);
            for choice in insieme_rules::records::Records::of(transition).choice.unwrap_or_default() {
                assert!(italian.get(&format!("bo.path_value.{choice}")).is_some(), "choice {choice}");
            }
        }
    }
}
