//! The one writer of new applications. Handlers send each checked application here and wait
//! for the answer; the writer takes every application waiting at that moment, stores them in
//! one transaction (one `fsync` of the WAL under `synchronous = FULL`) and answers each only
//! after the commit. So an acknowledged application is on disk, a burst of 32 costs one disk
//! flush instead of 32, and "same id twice" is decided by a single writer in order: twenty
//! concurrent retries of one id make exactly one application.

use sqlx::{Sqlite, SqlitePool, Transaction};
use tokio::sync::{mpsc, oneshot};

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
}

impl Writer {
    /// Starts the writer task on the current runtime.
    pub fn start(pool: SqlitePool) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(pool, receiver));
        Self { sender }
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

async fn run(pool: SqlitePool, mut receiver: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let applications: Vec<&NewApplication> = batch.iter().map(|job| &job.application).collect();
        match write_batch(&pool, &applications).await {
            Ok(outcomes) => {
                for (job, outcome) in batch.drain(..).zip(outcomes) {
                    let _ = job.reply.send(Ok(outcome));
                }
            }
            Err(error) => {
                tracing::error!(%error, size = batch.len(), "a batch of applications was not stored");
                for job in batch.drain(..) {
                    let _ = job.reply.send(Err(Error::Unavailable("the database refused the batch".to_owned())));
                }
            }
        }
    }
}

async fn write_batch(pool: &SqlitePool, applications: &[&NewApplication]) -> Result<Vec<Outcome>, sqlx::Error> {
    // IMMEDIATE takes the write lock at once, so that no other writer can make this
    // transaction fail half-way when it turns from reading to writing.
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut outcomes = Vec::with_capacity(applications.len());
    for application in applications {
        outcomes.push(write_one(&mut tx, application).await?);
    }
    tx.commit().await?;
    Ok(outcomes)
}

async fn write_one(tx: &mut Transaction<'_, Sqlite>, application: &NewApplication) -> Result<Outcome, sqlx::Error> {
    let existing: Option<(String, String, String, String)> =
        sqlx::query_as("SELECT content_hash, reference, state, submitted_at FROM applications WHERE id = ?")
            .bind(&application.id)
            .fetch_optional(&mut **tx)
            .await?;
    if let Some((hash, reference, state, submitted_at)) = existing {
        return Ok(if hash == application.content_hash {
            Outcome::Repeated(Stored { reference, state, submitted_at })
        } else {
            Outcome::Conflict
        });
    }
    let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM applications WHERE year = ?")
        .bind(application.year)
        .fetch_one(&mut **tx)
        .await?;
    let reference = format!("IPL-{}-{seq:06}", application.year);
    let state = if application.channel == "community" { "proposed" } else { "submitted" };
    sqlx::query(
        "INSERT INTO applications (id, reference, year, seq, channel, state, owner_partner, area, language, \
         content_hash, submission, assessment, instrument_version, consent_privacy, consent_sensitive, \
         consent_contact, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
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
    .execute(&mut **tx)
    .await?;
    super::record_event(&mut **tx, &application.id, &application.now, state, "applicant").await?;
    crate::audit::record(&mut **tx, "applicant", "create", "application", &reference, Some(application.channel))
        .await?;
    Ok(Outcome::Created(Stored { reference, state: state.to_owned(), submitted_at: application.now.clone() }))
}
