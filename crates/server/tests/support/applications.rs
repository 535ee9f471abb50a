//! Valid submissions for each channel, as the browser sends them, to be spoiled one field at a
//! time by the tests.

#![allow(dead_code)]

use insieme_rules::Date;
use serde_json::{Value, json};

/// A fresh UUID-shaped id for each call (counter + process id; unique within a test run).
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{:08x}-0000-4000-8000-{:012x}", std::process::id(), n)
}

pub fn person() -> Value {
    json!({
        "given_name": "Mario", "family_name": "Rossi", "codice_fiscale": "RSSMRA85T10A562S",
        "birth_date": "1985-12-10", "comune": "Bologna", "quartiere": "navile",
        "phone": "333 123 4567", "email": "", "access_point": "sportello-lavoro-bologna",
        "availability": ["morning"]
    })
}

pub fn fragility() -> Value {
    json!({
        "id": new_id(), "channel": "fragility", "language": "it", "person": person(),
        "answers": { "profile": { "in_active_labour_measure": false },
                     "fragility": { "income": 3, "debt": 2, "work_status": 3, "housing": 3 } },
        "consent": { "privacy_notice": true, "sensitive_data": false, "contact_by_message": true }
    })
}

pub fn youth() -> Value {
    json!({
        "id": new_id(), "channel": "youth", "language": "it",
        "person": { "given_name": "Giulia", "family_name": "Bianchi", "codice_fiscale": "BNCGLI05A41A944D",
                    "birth_date": "2005-01-01", "comune": "Imola", "email": "giulia@example.org" },
        "answers": { "profile": { "school_leaver": true } },
        "youth": { "call_id": "demo-giovani", "school": "Istituto Alberghetti, Imola", "left_school_year": "2024",
                   "situation": "looking_for_work", "motivation": "Vorrei imparare un mestiere." },
        "consent": { "privacy_notice": true }
    })
}

pub fn youth_project() -> Value {
    json!({
        "id": new_id(), "channel": "youth", "language": "it",
        "youth_project": { "call_id": "demo-progetti", "organisation": "Istituto Aldini Valeriani",
                           "partners": "Officine Meccaniche Reno, Comune di Bologna", "field": "social_innovation",
                           "description": "Un laboratorio di cultura tecnica aperto al quartiere.", "budget": "25.000",
                           "contact_given_name": "Paola", "contact_family_name": "Gialli", "contact_phone": "051 123 4567" },
        "consent": { "privacy_notice": true }
    })
}

pub fn enterprise() -> Value {
    let mut person = person();
    person["access_point"] = json!("suap-progetti-impresa");
    json!({
        "id": new_id(), "channel": "enterprise", "language": "en", "person": person,
        "enterprise": { "proponents": "Anna Verdi", "business_comune": "Casalecchio di Reno", "sector": "food",
                        "stage": "plan", "description": "A bakery with local flour.", "market": "The neighbourhood.",
                        "team_skills": "Ten years as bakers.", "investment_needed": "40.000", "own_funds": "10000",
                        "support": ["mentoring", "credit"] },
        "consent": { "privacy_notice": true }
    })
}

/// Today as the test server's clock sees it (the real date: fixtures are relative to it).
pub fn today() -> Date {
    insieme_server::clock::Clock::system().today_in_italy()
}

/// `days` after `today`, as the forms write dates.
pub fn days_after(today: Date, days: i64) -> String {
    Date::from_days_since_unix_epoch(today.days_since_unix_epoch() + days).to_string()
}

pub fn community() -> Value {
    community_on(today())
}

/// A community proposal whose opportunity starts in a month and lasts half a year from `today`.
pub fn community_on(today: Date) -> Value {
    json!({
        "id": new_id(), "channel": "community", "language": "it",
        "community": { "organisation": "Parrocchia di San Donato", "organisation_type": "caritas",
                       "area": "san-donato-san-vitale", "tasks": "Distribuzione dei pasti",
                       "hours_per_week": "10", "starts_on": days_after(today, 30), "ends_on": days_after(today, 210), "places": "2",
                       "contact_given_name": "Lucia", "contact_family_name": "Neri", "contact_email": "lucia@example.org" },
        "consent": { "privacy_notice": true }
    })
}

/// Every channel's valid submission.
pub fn all_channels() -> Vec<Value> {
    all_channels_on(today())
}

/// Every channel's valid submission, for a server whose clock says `today`.
pub fn all_channels_on(today: Date) -> Vec<Value> {
    vec![fragility(), youth(), youth_project(), enterprise(), community_on(today)]
}
