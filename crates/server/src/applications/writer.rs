//! The one writer of new applications. Handlers send each checked application here and wait
//! for the answer; the writer takes every application waiting at that moment, stores them in
//! one transaction (one `fsync` of the WAL under `synchronous = FULL`) and answers each only
//! after the commit. So an acknowledged application is on disk, a burst of 32 costs one disk
//! flush instead of 32, and "same id twice" is decided by a single writer in order: twenty
//! concurrent retries of one id make exactly one application.
//!
//! Each application is written under its own savepoint, so a row the database refuses fails
//! only its own submission. The writer task is supervised: if it ever panics it is started
//! again (the applications of that batch are answered 503 and retried by their browsers), and
//! `/api/health` reports unhealthy while the writer is down or its last write failed.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::Duration,
};

use tokio::sync::{Mutex, mpsc, oneshot};

use crate::{Error, Result};

/// How many applications one transaction may carry.
const MAX_BATCH: usize = 256;
/// How many applications may wait for the writer before handlers are told to retry.
const QUEUE: usize = 4096;

/// An application ready to store: checked, re-scored, routed.
#[derive(Debug)]
pub struct NewApplication {
    pub id: String,
    pub year: i32,
    pub channel: &'static str,
    pub owner_partner: String,
    pub area: Option<String>,
    pub language: String,
    pub content_hash: String,
    pub submission: String,
    pub assessment: Option<String>,
    pub instrument_version: Option<String>,
    pub consent_sensitive: bool,
    pub consent_contact: bool,
    pub now: String,
    /// What the back office's queue searches on.
    pub keys: super::keys::SearchKeys,
    /// The first deadline (channel 2: first contact), `YYYY-MM-DD`.
    pub due_on: Option<String>,
}

/// What became of one application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(Stored),
    /// The same id with the same content was already stored: the same answer again.
    Repeated(Stored),
    /// The same id with other content.
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub reference: String,
    pub state: String,
    pub submitted_at: String,
}

struct Job {
    application: NewApplication,
    reply: oneshot::Sender<Result<Outcome>>,
}

/// The handle handlers use; cheap to clone.
#[derive(Clone, Debug)]
pub struct Writer {
    sender: mpsc::Sender<Job>,
    health: Arc<WriterHealth>,
}

/// What `/api/health` reads of the writer.
#[derive(Debug, Default)]
struct WriterHealth {
    running: AtomicBool,
    last_write_failed: AtomicBool,
    restarts: AtomicU64,
}

impl Writer {
    /// Starts the writer task, and its supervisor, on the current runtime.
    pub fn start(pool: crate::db::Db) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let health = Arc::new(WriterHealth::default());
        // Running from the start: the task begins at the runtime's next turn.
        health.running.store(true, Ordering::SeqCst);
        tokio::spawn(supervise(pool, Arc::new(Mutex::new(receiver)), health.clone()));
        Self { sender, health }
    }

    /// Whether the writer can store applications now: running, and its last write succeeded.
    pub fn is_healthy(&self) -> bool {
        self.health.running.load(Ordering::SeqCst)
            && !self.health.last_write_failed.load(Ordering::SeqCst)
            && !self.sender.is_closed()
    }

    /// How many times the writer was started again after a panic.
    pub fn restarts(&self) -> u64 {
        self.health.restarts.load(Ordering::SeqCst)
    }

    /// Stores `application` and answers once it is committed to disk.
    pub async fn store(&self, application: NewApplication) -> Result<Outcome> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .try_send(Job { application, reply })
            .map_err(|_| Error::Unavailable("the application writer queue is full or stopped".to_owned()))?;
        answer.await.map_err(|_| Error::Unavailable("the application writer stopped".to_owned()))?
    }
}

/// Runs the writer, and starts it again whenever it panics, until every handle is dropped.
async fn supervise(pool: crate::db::Db, receiver: Arc<Mutex<mpsc::Receiver<Job>>>, health: Arc<WriterHealth>) {
    loop {
        health.running.store(true, Ordering::SeqCst);
        let task = tokio::spawn(run(pool.clone(), receiver.clone(), health.clone()));
        let ended = task.await;
        health.running.store(false, Ordering::SeqCst);
        match ended {
            Ok(()) => return,
            Err(failure) => {
                health.restarts.fetch_add(1, Ordering::SeqCst);
                tracing::error!(%failure, "the application writer stopped; starting it again");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

async fn run(pool: crate::db::Db, receiver: Arc<Mutex<mpsc::Receiver<Job>>>, health: Arc<WriterHealth>) {
    let mut receiver = receiver.lock().await;
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut batch, MAX_BATCH).await > 0 {
        #[cfg(test)]
        if batch.iter().any(|job| job.application.id == tests::PANIC_ID) {
            panic!("a test asked the writer to stop");
        }
        let applications: Vec<&NewApplication> = batch.iter().map(|job| &job.application).collect();
        match write_batch(&pool, &applications).await {
            Ok(outcomes) => {
                health.last_write_failed.store(false, Ordering::SeqCst);
                for (job, outcome) in batch.drain(..).zip(outcomes) {
                    let _ = job.reply.send(outcome);
                }
            }
            Err(error) => {
                health.last_write_failed.store(true, Ordering::SeqCst);
                tracing::error!(%error, size = batch.len(), "a batch of applications was not stored");
                for job in batch.drain(..) {
                    let _ = job.reply.send(Err(Error::Unavailable("the database refused the batch".to_owned())));
                }
            }
        }
    }
}

/// One transaction for the batch, one savepoint per application: a refused row is rolled back
/// alone and answered with its error; the others are committed together.
///
/// The batch first takes the reference numbers of its years (on PostgreSQL a lock that another
/// instance's writer waits for until this commit; SQLite's `BEGIN IMMEDIATE` already is one),
/// reads the next number of each year once and counts on from there: the numbers stay
/// consecutive, and an application costs five statements, not nine (issue 13's budget on
/// PostgreSQL, where each statement is a round trip).
pub(crate) async fn write_batch(
    pool: &crate::db::Db,
    applications: &[&NewApplication],
) -> Result<Vec<Result<Outcome>>, sqlx::Error> {
    let mut tx = pool.begin_writing().await?;
    let mut years: Vec<i32> = applications.iter().map(|application| application.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut next = std::collections::BTreeMap::new();
    // In order, so that two writers never wait for each other's years in a circle.
    for year in years {
        crate::db::lock_reference_numbers(&mut tx, year).await?;
        let seq: i64 = crate::on_tx!(tx => sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM applications WHERE year = $1")
                .bind(year)
                .fetch_one(&mut **tx)
                .await)?;
        next.insert(year, seq);
    }
    let mut outcomes = Vec::with_capacity(applications.len());
    for application in applications {
        let seq = next.get(&application.year).copied().unwrap_or(1);
        let mut savepoint = tx.savepoint().await?;
        match write_one(&mut savepoint, application, seq).await {
            Ok(outcome) => {
                savepoint.commit().await?;
                if matches!(outcome, Outcome::Created(_)) {
                    next.insert(application.year, seq + 1);
                }
                outcomes.push(Ok(outcome));
            }
            Err(error) => {
                savepoint.rollback().await?;
                tracing::error!(%error, id = %application.id, "an application was refused by the database");
                outcomes.push(Err(Error::from(error)));
            }
        }
    }
    tx.commit().await?;
    Ok(outcomes)
}

/// Stores `application` as number `seq` of its year, unless its id is stored already.
async fn write_one(tx: &mut crate::db::Tx<'_>, application: &NewApplication, seq: i64) -> Result<Outcome, sqlx::Error> {
    let reference = format!("IPL-{}-{seq:06}", application.year);
    let state = if application.channel == "community" { "proposed" } else { "submitted" };
    let keys = &application.keys;
    let inserted = crate::on_tx!(tx => sqlx::query(
        "INSERT INTO applications (id, reference, year, seq, channel, state, owner_partner, area, language, \
         content_hash, submission, assessment, instrument_version, consent_privacy, consent_sensitive, \
         consent_contact, submitted_at, updated_at, due_on, district, quartiere, surname_key, tax_code, \
         display_name, keys_filled) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, TRUE, $14, \
         $15, $16, $17, $18, $19, $20, $21, $22, $23, TRUE) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&application.id)
    .bind(&reference)
    .bind(application.year)
    .bind(seq)
    .bind(application.channel)
    .bind(state)
    .bind(&application.owner_partner)
    .bind(&application.area)
    .bind(&application.language)
    .bind(&application.content_hash)
    .bind(&application.submission)
    .bind(&application.assessment)
    .bind(&application.instrument_version)
    .bind(application.consent_sensitive)
    .bind(application.consent_contact)
    .bind(&application.now)
    .bind(&application.now)
    .bind(&application.due_on)
    .bind(&keys.district)
    .bind(&keys.quartiere)
    .bind(&keys.surname_key)
    .bind(&keys.tax_code)
    .bind(&keys.display_name)
    .execute(&mut **tx)
    .await
    .map(|done| done.rows_affected()))?;
    if inserted == 0 {
        // The id was stored before (by this writer, or by another instance that committed first).
        let (hash, reference, state, submitted_at): (String, String, String, String) = crate::on_tx!(tx => sqlx::query_as(
            "SELECT content_hash, reference, state, submitted_at FROM applications WHERE id = $1",
        )
        .bind(&application.id)
        .fetch_one(&mut **tx)
        .await)?;
        return Ok(if hash == application.content_hash {
            Outcome::Repeated(Stored { reference, state, submitted_at })
        } else {
            Outcome::Conflict
        });
    }
    super::record_event(&mut *tx, &application.id, &application.now, state, "applicant").await?;
    crate::audit::record(&mut *tx, "applicant", "create", "application", &reference, Some(application.channel)).await?;
    Ok(Outcome::Created(Stored { reference, state: state.to_owned(), submitted_at: application.now.clone() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const PANIC_ID: &str = "writer-test-panic";

    fn application(id: &str, channel: &'static str) -> NewApplication {
        NewApplication {
            id: id.to_owned(),
            year: 2026,
            channel,
            owner_partner: "segreteria".to_owned(),
            area: None,
            language: "it".to_owned(),
            content_hash: format!("hash-{id}"),
            submission: "{}".to_owned(),
            assessment: None,
            instrument_version: None,
            consent_sensitive: false,
            consent_contact: false,
            now: "2026-11-29T10:00:00.000Z".to_owned(),
            keys: super::super::keys::SearchKeys::default(),
            due_on: None,
        }
    }

    async fn pool() -> (crate::db::Db, tempfile::TempDir) {
        let folder = tempfile::tempdir().expect("temporary folder");
        let pool = crate::db::open(&folder.path().join("test.db")).await.expect("database");
        (crate::db::Db::Sqlite(pool), folder)
    }

    #[tokio::test]
    async fn a_refused_row_fails_only_its_own_submission() {
        let (pool, _folder) = pool().await;
        let good = application("a", "fragility");
        let refused = application("b", "no-such-channel");
        let also_good = application("c", "community");
        let outcomes = write_batch(&pool, &[&good, &refused, &also_good]).await.expect("the batch commits");
        assert!(matches!(outcomes[0], Ok(Outcome::Created(_))), "{:?}", outcomes[0]);
        assert!(matches!(outcomes[1], Err(Error::Unavailable(_))), "{:?}", outcomes[1]);
        assert!(matches!(outcomes[2], Ok(Outcome::Created(_))), "{:?}", outcomes[2]);
        let stored: i64 = {
            let pool = &pool;
            crate::on_db!(pool => sqlx::query_scalar("SELECT COUNT(*) FROM applications").fetch_one(pool).await)
        }
        .expect("count");
        assert_eq!(stored, 2);
    }

    #[tokio::test]
    async fn a_writer_that_panics_is_started_again() {
        let (pool, _folder) = pool().await;
        let writer = Writer::start(pool.clone());
        assert!(writer.store(application(PANIC_ID, "fragility")).await.is_err());
        let outcome = writer.store(application("after", "fragility")).await.expect("stored after the restart");
        assert!(matches!(outcome, Outcome::Created(_)));
        assert_eq!(writer.restarts(), 1);
        assert!(writer.is_healthy());
    }
}
