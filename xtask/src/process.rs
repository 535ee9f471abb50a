//! Running other programs, with their output streamed to ours.

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
};

/// Runs a program to the end; an error names it if it fails or cannot start.
pub fn run(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<(), String> {
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .status()
        .map_err(|error| format!("cannot start {program}: {error}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
}

/// Runs a program, echoing every line of its standard output and handing it to `on_line`.
/// Returns whether it succeeded.
pub fn run_reading(
    program: &str,
    args: &[&str],
    envs: &[(&str, &str)],
    mut on_line: impl FnMut(&str),
) -> Result<bool, String> {
    let mut child = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start {program}: {error}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            on_line(&line);
        }
    }
    let status = child.wait().map_err(|error| format!("{program}: {error}"))?;
    Ok(status.success())
}

/// The standard output of a program, if it ran and succeeded.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}
