//! Starts the server: configuration from the environment, logs, database, then serve until
//! SIGINT or SIGTERM, finishing requests in flight before closing the database.

use std::process::ExitCode;

use insieme_server::{AppState, Config, app, back_office, clock::Clock, db, demo, seed_command, serve, user_command};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if let [command, rest @ ..] = arguments.as_slice() {
        let done = match command.as_str() {
            "user" => user_command::run(rest).await,
            "seed" => seed_command::run(rest).await,
            _ => Err(format!("unknown command {command}\n{}\n{}", user_command::USAGE, seed_command::USAGE)),
        };
        return match done {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("insieme-server: {message}");
                ExitCode::from(2)
            }
        };
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("insieme-server: {error}");
            return ExitCode::from(2);
        }
    };
    init_logs(config.log_json);
    match serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "server stopped with an error");
            ExitCode::FAILURE
        }
    }
}

fn init_logs(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        builder.json().init();
    } else {
        builder.compact().init();
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    config.check_layout()?;
    let database = config.database();
    let pool = db::connect(&database).await?;
    tracing::info!(%database, "database ready");
    let clock = Clock::system();
    back_office::seed::at_start(&pool, &clock, config.demo).await?;
    if config.demo {
        println!("Demo accounts of the back office (/ufficio), password {}:", back_office::seed::DEMO_PASSWORD);
        for (email, name, role, organisation, access_point) in back_office::seed::DEMO_ACCOUNTS {
            let place = organisation.or(access_point).unwrap_or("-");
            println!("  {email:<40} {:<14} {place:<26} {name}", role.code());
        }
        println!(
            "Administrators and the secretariat also type a code from an authenticator app set up with the key {} \
             (TOTP, 6 digits, 30 s).",
            back_office::seed::DEMO_TOTP_SECRET
        );
    }
    if config.demo {
        demo::seed(&pool, &clock).await?;
        let samples = back_office::sample::for_demo(&pool, &clock).await?;
        tracing::info!(calls = ?demo::call_ids(), samples, "demo data ready (IPL_DEMO=0 in production)");
    }
    if !config.dist_dir.join("index.html").is_file() {
        tracing::warn!(dist = %config.dist_dir.display(), "no built app found; serving the API only");
    }
    let listener = TcpListener::bind(config.bind).await?;
    let address = listener.local_addr()?;
    let state = AppState::with_clock(pool.clone(), config.clone(), clock)?;
    tracing::info!(%address, "listening");
    println!("Insieme per il lavoro is running at http://{address}/");
    serve::serve(listener, app(state), &config, shutdown_signal()).await?;
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
