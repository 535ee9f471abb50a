//! What every handler can reach: the database pool, the configuration, the application writer,
//! the secret key for access codes and the per-address limit on application requests.

use std::{io, net::IpAddr, num::NonZeroU32, sync::Arc};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::{Config, applications::Writer, client::FailedLookups, clock::Clock, secret::SecretKey};

#[derive(Clone)]
pub struct AppState {
    pub pool: crate::db::Db,
    pub config: Arc<Config>,
    pub writer: Writer,
    pub secret: Arc<SecretKey>,
    /// Application requests per client (an IPv4 address or an IPv6 /64, see `client::limit_key`).
    pub limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    /// The one source of the time for everything the server decides or records.
    pub clock: Clock,
    /// Failed access-code lookups per client address.
    pub failed_lookups: Arc<FailedLookups>,
}

impl AppState {
    /// Starts the application writer, so it must run inside the Tokio runtime.
    pub fn new(pool: crate::db::Db, config: Config) -> io::Result<Self> {
        Self::with_clock(pool, config, Clock::system())
    }

    /// As [`AppState::new`], with the time taken from `clock` (tests fix the day they run on).
    pub fn with_clock(pool: crate::db::Db, config: Config, clock: Clock) -> io::Result<Self> {
        let config_failed_lookups = config.failed_lookups_per_hour;
        let secret = SecretKey::load_or_create(config.secret_key.as_deref(), &config.data_dir)?;
        let per_minute = NonZeroU32::new(config.submissions_per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new((config.submissions_per_minute / 5).max(1)).unwrap_or(NonZeroU32::MIN);
        let limiter = Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute).allow_burst(burst)));
        // Forget addresses whose allowance is full again, so the table does not grow forever.
        let sweeping = Arc::downgrade(&limiter);
        tokio::spawn(async move {
            let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                every_minute.tick().await;
                let Some(limiter) = sweeping.upgrade() else { break };
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        });
        Ok(Self {
            writer: Writer::start(pool.clone()),
            pool,
            config: Arc::new(config),
            secret: Arc::new(secret),
            limiter,
            clock,
            failed_lookups: Arc::new(FailedLookups::new(config_failed_lookups, std::time::Duration::from_secs(3600))),
        })
    }
}
