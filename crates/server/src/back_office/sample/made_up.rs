//! Made-up people and organisations for the sample applications: names, comuni and Quartieri,
//! ages by channel, a codice fiscale that matches name and birth, the answers of each channel's
//! form. Every value is one the real forms accept.

use insieme_api::application::{
    ENTERPRISE_SECTORS, ENTERPRISE_STAGES, ENTERPRISE_SUPPORT, ORGANISATION_TYPES, YOUTH_PROJECT_FIELDS,
    YOUTH_SITUATIONS,
};
use insieme_rules::{AccessPoint, Channel, Date, Instrument, Territory};
use insieme_validation::OpenCall;
use serde_json::{Value, json};

const GIVEN_F: [&str; 16] = [
    "Giulia",
    "Francesca",
    "Chiara",
    "Sara",
    "Martina",
    "Anna",
    "Elena",
    "Laura",
    "Fatima",
    "Amina",
    "Olena",
    "Ioana",
    "Mei",
    "Nadia",
    "Lucia",
    "Rosa",
];
const GIVEN_M: [&str; 16] = [
    "Marco", "Luca", "Giuseppe", "Andrea", "Matteo", "Davide", "Paolo", "Stefano", "Mohamed", "Karim", "Andrii", "Ion",
    "Wei", "Samuel", "Giovanni", "Pietro",
];
const SURNAMES: [&str; 32] = [
    "Rossi",
    "Bianchi",
    "Ferrari",
    "Russo",
    "Esposito",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Costa",
    "Giordano",
    "Mancini",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "El Amrani",
    "Hossain",
    "Popescu",
    "Chen",
    "Kovalenko",
    "Diallo",
];
const ORGANISATIONS: [&str; 6] = [
    "Parrocchia di San Donato",
    "Associazione Il Ponte",
    "Cooperativa La Fraternità",
    "Centro sociale Croce del Biacco",
    "Caritas diocesana",
    "Circolo ARCI Benassi",
];

/// A made-up submission of `channel`, valid on `day`.
pub(super) fn submission(random: &mut fastrand::Rng, channel: Channel, day: Date, calls: &[OpenCall]) -> Value {
    let id = sample_id(random);
    let consent = json!({ "privacy_notice": true, "sensitive_data": false, "contact_by_message": random.bool() });
    match channel {
        Channel::Fragility => json!({
            "id": id, "channel": "fragility", "language": language(random),
            "person": person(random, day, 18..64, Channel::Fragility),
            "answers": { "profile": { "in_active_labour_measure": false }, "fragility": fragility_answers(random) },
            "consent": consent
        }),
        Channel::Youth => {
            let project_call = calls.iter().find(|call| call.for_organisations);
            let person_call = calls.iter().find(|call| !call.for_organisations);
            match (random.u32(0..5), project_call, person_call) {
                (0, Some(call), _) | (_, Some(call), None) => json!({
                    "id": id, "channel": "youth", "language": "it",
                    "youth_project": { "call_id": call.id, "organisation": pick(random, &ORGANISATIONS),
                        "partners": "Comune di Bologna", "field": pick(random, &YOUTH_PROJECT_FIELDS),
                        "description": "Un laboratorio aperto ai giovani del quartiere.", "budget": (random.u32(5..80) * 1000).to_string(),
                        "contact_given_name": pick(random, &GIVEN_F), "contact_family_name": pick(random, &SURNAMES),
                        "contact_phone": phone(random) },
                    "consent": { "privacy_notice": true }
                }),
                (_, _, Some(call)) => json!({
                    "id": id, "channel": "youth", "language": language(random),
                    "person": person(random, day, 16..29, Channel::Youth),
                    "answers": { "profile": { "school_leaver": true } },
                    "youth": { "call_id": call.id, "school": "Istituto Aldini Valeriani", "left_school_year": (day.year() - random.i32(0..3)).to_string(),
                               "situation": pick(random, &YOUTH_SITUATIONS), "motivation": "Vorrei imparare un mestiere." },
                    "consent": { "privacy_notice": true }
                }),
                // No call at all: a fragility application instead.
                _ => submission(random, Channel::Fragility, day, calls),
            }
        }
        Channel::Enterprise => json!({
            "id": id, "channel": "enterprise", "language": language(random),
            "person": person(random, day, 20..60, Channel::Enterprise),
            "enterprise": { "proponents": "", "business_comune": comune(random).0, "sector": pick(random, &ENTERPRISE_SECTORS),
                            "stage": pick(random, &ENTERPRISE_STAGES), "description": "Una piccola attività di quartiere.",
                            "market": "Le famiglie della zona.", "team_skills": "Dieci anni di esperienza nel settore.",
                            "investment_needed": (random.u32(5..100) * 1000).to_string(), "own_funds": (random.u32(0..20) * 1000).to_string(),
                            "support": [pick(random, &ENTERPRISE_SUPPORT)] },
            "consent": { "privacy_notice": true }
        }),
        Channel::Community => {
            let areas = insieme_validation::application::community_areas();
            json!({
                "id": id, "channel": "community", "language": "it",
                "community": { "organisation": pick(random, &ORGANISATIONS), "organisation_type": pick(random, &ORGANISATION_TYPES),
                               "area": areas[random.usize(0..areas.len())].0, "tasks": "Accoglienza e distribuzione dei pasti",
                               "hours_per_week": random.u32(4..20).to_string(), "starts_on": shifted(day, 30), "ends_on": shifted(day, 210),
                               "places": random.u32(1..4).to_string(), "contact_given_name": pick(random, &GIVEN_F),
                               "contact_family_name": pick(random, &SURNAMES), "contact_email": "contatti@example.org" },
                "consent": { "privacy_notice": true }
            })
        }
    }
}

/// A random version-4 UUID (deterministic for the run's seed).
fn sample_id(random: &mut fastrand::Rng) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        random.u32(..),
        random.u16(..),
        random.u16(..0x1000),
        random.u16(..0x1000),
        random.u64(..1 << 48)
    )
}

pub(super) fn pick<T: Copy>(random: &mut fastrand::Rng, items: &[T]) -> T {
    items[random.usize(0..items.len())]
}

fn shifted(day: Date, days: i64) -> String {
    Date::from_days_since_unix_epoch(day.days_since_unix_epoch() + days).to_string()
}

fn language(random: &mut fastrand::Rng) -> &'static str {
    pick(random, &["it", "it", "it", "it", "en", "ar", "uk", "ro", "zh-Hans", "fr", "es"])
}

fn phone(random: &mut fastrand::Rng) -> String {
    format!("3{:02} {:03} {:04}", random.u32(20..99), random.u32(0..1000), random.u32(0..10_000))
}

/// A comune of the territory (Bologna four times in ten, as the population) and its Quartiere.
fn comune(random: &mut fastrand::Rng) -> (String, String) {
    let territory = Territory::embedded();
    let distretto = &territory.distretti[random.usize(0..territory.distretti.len())];
    let comune = if random.u32(0..10) < 4 {
        "Bologna".to_owned()
    } else {
        distretto.comuni[random.usize(0..distretto.comuni.len())].clone()
    };
    if comune == "Bologna" {
        let quartiere = &territory.quartieri[random.usize(0..territory.quartieri.len())];
        return (comune, quartiere.id.clone());
    }
    (comune, String::new())
}

/// A person aged between the bounds on `day`, with a codice fiscale that matches name and birth.
/// A made-up person applying for `channel`, with a desk that takes that channel for their comune.
fn person(random: &mut fastrand::Rng, day: Date, ages: std::ops::Range<i64>, channel: Channel) -> Value {
    let female = random.bool();
    let given = if female { pick(random, &GIVEN_F) } else { pick(random, &GIVEN_M) };
    let family = pick(random, &SURNAMES);
    let birth = Date::from_days_since_unix_epoch(
        day.days_since_unix_epoch() - random.i64(ages.start * 365 + 10..ages.end * 365 - 10),
    );
    let (comune, quartiere) = comune(random);
    let points = AccessPoint::for_person(channel, &comune);
    let with_email = random.bool();
    json!({
        "given_name": given, "family_name": family, "codice_fiscale": codice_fiscale(family, given, birth, female),
        "birth_date": birth.to_string(), "comune": comune, "quartiere": quartiere,
        "phone": if with_email { String::new() } else { phone(random) },
        "email": if with_email { format!("{}.{}@example.org", given.to_lowercase(), random.u32(1..10_000)) } else { String::new() },
        "access_point": points.get(random.usize(0..points.len().max(1))).map_or("", |point| point.id.as_str()),
        "availability": ["morning"]
    })
}

/// Levels for the fragility items a person answers without the sensitive-data consent (a random
/// number of them, from the first), at random levels.
fn fragility_answers(random: &mut fastrand::Rng) -> Value {
    let items: Vec<&str> =
        Instrument::fragility().items.iter().filter(|item| !item.sensitive).map(|item| item.id.as_str()).collect();
    let answered = random.usize(4..items.len());
    items.iter().take(answered).map(|item| ((*item).to_owned(), Value::from(random.u32(0..4)))).collect()
}

/// A codice fiscale as the Agenzia delle Entrate makes it (D.M. 23 dicembre 1976): three letters
/// of the surname, three of the name, year, month letter, day (+40 for women), the comune of
/// birth (Bologna, A944, for every sample) and the control character.
pub fn codice_fiscale(family: &str, given: &str, birth: Date, female: bool) -> String {
    let letters = |text: &str| -> (Vec<char>, Vec<char>) {
        text.to_uppercase().chars().filter(char::is_ascii_uppercase).partition(|letter| !"AEIOU".contains(*letter))
    };
    let (consonants, vowels) = letters(family);
    let surname: String = consonants.iter().chain(&vowels).chain(['X'; 3].iter()).take(3).collect();
    let (consonants, vowels) = letters(given);
    let name: String = if consonants.len() >= 4 {
        [consonants[0], consonants[2], consonants[3]].iter().collect()
    } else {
        consonants.iter().chain(&vowels).chain(['X'; 3].iter()).take(3).collect()
    };
    let month = "ABCDEHLMPRST".as_bytes()[usize::from(birth.month()) - 1] as char;
    let day = u32::from(birth.day()) + if female { 40 } else { 0 };
    let first = format!("{surname}{name}{:02}{month}{day:02}A944", birth.year().rem_euclid(100));
    let control = insieme_validation::codice_fiscale::control_character(first.as_bytes()) as char;
    format!("{first}{control}")
}
