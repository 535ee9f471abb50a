//! Partner actions from the command line until the back office exists:
//!
//! ```text
//! insieme-admin has-issues IPL-2026-000001 person.phone "Il numero non risponde" [FIELD NOTE]...
//! insieme-admin set-state IPL-2026-000001 supported
//! ```
//!
//! It opens the same database as the server (`IPL_DATA_DIR`) and writes the same history and
//! audit entries, with the actor `admin-cli`.

use std::process::ExitCode;

use insieme_server::{
    Config,
    applications::{self, FlaggedField},
    clock::Clock,
    db,
};

const USAGE: &str = "usage: insieme-admin has-issues REFERENCE FIELD NOTE [FIELD NOTE]...\n       insieme-admin set-state REFERENCE STATE";
const ACTOR: &str = "admin-cli";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments).await {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("insieme-admin: {message}");
            ExitCode::from(2)
        }
    }
}

async fn run(arguments: &[String]) -> Result<String, String> {
    let config = Config::from_env().map_err(|error| error.to_string())?;
    let pool = db::open(&config.database_path()).await.map_err(|error| error.to_string())?;
    let result = match arguments {
        [command, reference, pairs @ ..] if command == "has-issues" && !pairs.is_empty() && pairs.len() % 2 == 0 => {
            let flagged: Vec<FlaggedField> =
                pairs.chunks(2).map(|pair| FlaggedField { field: pair[0].clone(), note: pair[1].clone() }).collect();
            applications::mark_has_issues(&pool, &Clock::system(), reference, ACTOR, &flagged)
                .await
                .map(|()| format!("{reference}: has_issues"))
        }
        [command, reference, state] if command == "set-state" => {
            let state = insieme_api::State::from_code(state).ok_or_else(|| format!("unknown state {state}"))?;
            applications::set_state(&pool, &Clock::system(), reference, ACTOR, state)
                .await
                .map(|()| format!("{reference}: {}", state.code()))
        }
        _ => return Err(USAGE.to_owned()),
    };
    pool.close().await;
    result.map_err(|error| error.to_string())
}
