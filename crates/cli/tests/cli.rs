//! The `assess` command as a person runs it: JSON out on success; status 2 and one line naming
//! the field on bad input; never a panic.

use std::{
    io::Write,
    process::{Command, Output, Stdio},
};

fn assess(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("assess starts");
    // The command may refuse its arguments before reading stdin; a closed pipe is fine then.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    child.wait_with_output().expect("assess ends")
}

fn stderr_line(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(text.lines().count(), 1, "exactly one line on stderr: {text:?}");
    assert!(!text.contains("panicked"), "{text}");
    text
}

#[test]
fn valid_answers_from_stdin_print_the_assessment() {
    let output = assess(
        &["-"],
        r#"{"assessed_on":"2026-11-25","profile":{"comune":"Bologna"},"fragility":{"income":3,"debt":2,"work_status":3}}"#,
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let assessment: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(assessment["fragility"]["total"], 8);
    assert_eq!(assessment["fragility"]["max_possible"], 86);
    assert_eq!(assessment["fragility"]["instrument_version"], "2016-provisional-1");
    assert_eq!(assessment["channels"].as_array().map(Vec::len), Some(4));
}

#[test]
fn answers_from_a_file_work_too() {
    let dir = std::env::temp_dir().join(format!("assess-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("answers.json");
    std::fs::write(&path, r#"{"fragility":{"income":1}}"#).expect("written");
    let output = assess(&[path.to_str().expect("utf-8 path")], "");
    assert!(output.status.success());
    let assessment: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(assessment["fragility"]["total"], 1);
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_field() {
    for (input, field) in [
        ("{not json", "(document)"),
        (r#"{"fragility":{"shoe_size":2}}"#, "fragility.shoe_size"),
        (r#"{"fragility":{"income":7}}"#, "fragility.income"),
        (r#"{"profile":{"birth_date":"2026-02-30"}}"#, "profile.birth_date"),
        (r#"{"assessed_on":"yesterday"}"#, "assessed_on"),
        (r#"{"profile":{"favourite_colour":"blue"}}"#, "profile"),
    ] {
        let output = assess(&["-"], input);
        assert_eq!(output.status.code(), Some(2), "{input}");
        let line = stderr_line(&output);
        assert!(line.contains(field), "{input}: {line}");
        assert!(output.stdout.is_empty(), "{input}");
    }
}

#[test]
fn another_instrument_version_scores_with_its_own_items() {
    let dir = std::env::temp_dir().join(format!("assess-instrument-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("tiny.toml");
    std::fs::write(
        &path,
        r#"
[instrument]
id = "fragility"
version = "test-2"
valid_from = 2026-01-01
status = "provisional"
second_interview_threshold = 2
threshold_source = "test"
scale = [
  { points = 0, it = "a", en = "a" }, { points = 1, it = "b", en = "b" },
  { points = 2, it = "c", en = "c" }, { points = 3, it = "d", en = "d" },
]
[[area]]
id = "only"
it = "Unica"
en = "Only"
[[item]]
id = "only_item"
area = "only"
it = "Voce"
en = "Item"
levels_it = ["0", "1", "2", "3"]
levels_en = ["0", "1", "2", "3"]
"#,
    )
    .expect("written");
    let path = path.to_str().expect("utf-8 path");
    let output = assess(&["--instrument", path, "-"], r#"{"fragility":{"only_item":2}}"#);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let assessment: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(assessment["fragility"]["instrument_version"], "test-2");
    assert_eq!(assessment["fragility"]["second_interview"], true);

    let refused = assess(&["--instrument", path, "-"], r#"{"fragility":{"income":2}}"#);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr_line(&refused).contains("fragility.income"));
}

#[test]
fn a_broken_instrument_file_exits_2_naming_item_and_field() {
    let dir = std::env::temp_dir().join(format!("assess-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.json");
    std::fs::write(&path, r#"{"instrument":{"id":"x","version":"1","valid_from":"2026-01-01","status":"provisional","second_interview_threshold":1,"scale":[{"points":0,"it":"a","en":"a"},{"points":1,"it":"b","en":"b"},{"points":2,"it":"c","en":"c"},{"points":3,"it":"d","en":"d"}]},"area":[{"id":"a","it":"A","en":"A"}],"item":[{"id":"lonely","area":"a","it":"I","en":"I","levels_it":["0","1","2","3"],"levels_en":["0"]}]}"#).expect("written");
    let output = assess(&["--instrument", path.to_str().expect("utf-8"), "-"], "{}");
    assert_eq!(output.status.code(), Some(2));
    let line = stderr_line(&output);
    assert!(line.contains("lonely") && line.contains("levels_en"), "{line}");
}
