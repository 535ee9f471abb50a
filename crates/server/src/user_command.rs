//! `insieme-server user add --role ROLE --email EMAIL [--name NAME] [--organisation ID]
//! [--access-point ID] [--password-stdin]`: creates an account on the configured database (the
//! first administrator of a new installation). Without `--password-stdin` a one-time password is
//! made and printed once; the person changes it after signing in.

use std::io::BufRead;

use insieme_rules::Role;

use crate::{
    Config,
    back_office::{accounts, seed},
    clock::Clock,
    db,
};

pub const USAGE: &str = "usage: insieme-server user add --role administrator|secretariat|operator|reviewer --email EMAIL \
[--name NAME] [--organisation ID] [--access-point ID] [--password-stdin]";

/// Runs the command; the text to print on success.
pub async fn run(arguments: &[String]) -> Result<String, String> {
    let [verb, rest @ ..] = arguments else { return Err(USAGE.to_owned()) };
    if verb != "add" {
        return Err(USAGE.to_owned());
    }
    let mut role = None;
    let mut email = None;
    let mut name = None;
    let mut organisation = None;
    let mut access_point = None;
    let mut from_stdin = false;
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        let mut value = || words.next().cloned().ok_or_else(|| format!("{word} needs a value\n{USAGE}"));
        match word.as_str() {
            "--role" => {
                let text = value()?;
                let text = if text == "admin" { "administrator".to_owned() } else { text };
                role = Some(Role::from_code(&text).ok_or_else(|| format!("unknown role {text}\n{USAGE}"))?);
            }
            "--email" => email = Some(value()?),
            "--name" => name = Some(value()?),
            "--organisation" => organisation = Some(value()?),
            "--access-point" => access_point = Some(value()?),
            "--password-stdin" => from_stdin = true,
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let (Some(role), Some(email)) = (role, email) else { return Err(USAGE.to_owned()) };
    let (password, printed) = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|error| error.to_string())?;
        (line.trim_end_matches(['\r', '\n']).to_owned(), None)
    } else {
        let password = accounts::one_time_password().map_err(|error| error.to_string())?;
        (password.clone(), Some(password))
    };
    let config = Config::from_env().map_err(|error| error.to_string())?;
    let pool = db::connect(&config.database()).await.map_err(|error| error.to_string())?;
    let clock = Clock::system();
    seed::organisations_and_access_points(&pool).await.map_err(|error| error.to_string())?;
    let account = accounts::NewAccount {
        name: name.unwrap_or_else(|| email.clone()),
        email: email.clone(),
        role,
        organisation,
        access_point,
        password,
        demo: false,
    };
    let created = accounts::create(&pool, &clock, account, "system").await;
    pool.close().await;
    match created {
        Ok(_) => Ok(match printed {
            Some(password) => format!("account {email} ({}) created; one-time password: {password}", role.code()),
            None => format!("account {email} ({}) created", role.code()),
        }),
        Err(crate::Error::Conflict) => Err(format!("an account with e-mail {email} exists already")),
        Err(crate::Error::BadRequest(problem)) => Err(problem),
        Err(error) => Err(error.to_string()),
    }
}
