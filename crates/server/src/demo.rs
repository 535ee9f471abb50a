//! Demo data, made at each start unless `IPL_DEMO=0` (production): the open calls of channel 3
//! that let the youth forms be tried. Their dates are relative to the clock, so a demo or a test
//! run in 2031 finds them open just as one run today.

use insieme_rules::Date;

use crate::clock::Clock;

/// One demo call: id, title, target, description.
const CALLS: [(&str, &str, &str, &str); 2] = [
    (
        "demo-giovani",
        "Avviso dimostrativo: percorsi per giovani tra scuola e lavoro",
        "young_people",
        "Avviso di prova per provare la domanda del canale 3 (PON Metro, azione 3.3.1.b). Non è un avviso reale.",
    ),
    (
        "demo-progetti",
        "Avviso dimostrativo: progetti di scuole, imprese e associazioni per i giovani",
        "organisations",
        "Avviso di prova per provare la proposta di progetto del canale 3 (innovazione sociale o start-up). Non è un avviso reale.",
    ),
];

/// Opens the demo calls from a month ago to a year from today (creating or moving them).
pub async fn seed(pool: &crate::db::Db, clock: &Clock) -> Result<(), sqlx::Error> {
    let today = clock.today_in_italy().days_since_unix_epoch();
    let opens_on = Date::from_days_since_unix_epoch(today - 30).to_string();
    let closes_on = Date::from_days_since_unix_epoch(today + 365).to_string();
    for (id, title, target, description) in CALLS {
        crate::on_db!(pool => sqlx::query(
            "INSERT INTO calls (id, title, min_age, max_age, target, opens_on, closes_on, description, demo) \
             VALUES ($1, $2, 16, 35, $3, $4, $5, $6, TRUE) \
             ON CONFLICT (id) DO UPDATE SET opens_on = excluded.opens_on, closes_on = excluded.closes_on",
        )
        .bind(id)
        .bind(title)
        .bind(target)
        .bind(&opens_on)
        .bind(&closes_on)
        .bind(description)
        .execute(pool)
        .await.map(|done| done.rows_affected()))?;
    }
    Ok(())
}

/// The ids of the demo calls, for the start-up message.
pub fn call_ids() -> Vec<&'static str> {
    CALLS.iter().map(|(id, ..)| *id).collect()
}
