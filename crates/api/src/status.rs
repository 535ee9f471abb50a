//! After sending (spec §4-§5): the receipt, the status a person looks up with their reference and
//! access code, the corrections they send when the partners flag a field, and the public states.

use serde::{Deserialize, Serialize};

use crate::Channel;

#[cfg(test)]
mod appointment_tests {
    use super::Appointment;

    #[test]
    fn an_appointment_becomes_a_one_hour_calendar_event_in_bolognas_time() {
        let appointment = Appointment {
            round: "first".to_owned(),
            starts_at: "2026-12-03T10:30".to_owned(),
            place: "Insieme per il lavoro".to_owned(),
            address: "Via Capramozza 8, piano terra".to_owned(),
            comune: "Bologna".to_owned(),
        };
        let ics = appointment.to_ics("IPL-2026-000001", "Colloquio; Insieme per il lavoro");
        assert!(ics.contains("DTSTART;TZID=Europe/Rome:20261203T103000\r\n"), "{ics}");
        assert!(ics.contains("DTEND;TZID=Europe/Rome:20261203T113000\r\n"), "{ics}");
        assert!(ics.contains("SUMMARY:Colloquio\\; Insieme per il lavoro\r\n"), "{ics}");
        assert!(ics.contains("LOCATION:Insieme per il lavoro\\, Via Capramozza 8\\, piano terra\\, Bologna"), "{ics}");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}

/// What the server answers once the application is stored (201, or 200 for a repeated id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub id: String,
    /// `IPL-2026-000123`: carries no personal data.
    pub reference: String,
    /// The secret that, with the reference, opens the status page. Shown once; keep it.
    pub access_code: String,
    pub channel: Channel,
    pub state: State,
    /// UTC, ISO 8601.
    pub submitted_at: String,
}

/// `POST /api/applications/status`: the reference and its access code (in the body, never in
/// a URL that could end up in a log).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusQuery {
    pub reference: String,
    pub access_code: String,
}

/// What a person sees of their application: public states only, never internal notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusView {
    pub reference: String,
    pub channel: Channel,
    pub state: State,
    pub submitted_at: String,
    pub history: Vec<HistoryEntry>,
    /// When the state is `has_issues`: the fields to correct, each with the partners' words and
    /// its current value.
    pub issues: Vec<Issue>,
    /// The interviews scheduled and not yet held: when and where.
    #[serde(default)]
    pub appointments: Vec<Appointment>,
}

/// An interview the person is expected at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Appointment {
    /// `first`, `second` or `call`.
    pub round: String,
    /// `YYYY-MM-DDTHH:MM`, local time in Bologna (Europe/Rome).
    pub starts_at: String,
    pub place: String,
    pub address: String,
    pub comune: String,
}

impl Appointment {
    /// A calendar file (RFC 5545) of the appointment: one hour, in Bologna's time zone. It holds
    /// the place and the application's reference, no personal data.
    pub fn to_ics(&self, reference: &str, title: &str) -> String {
        let digits: String = self.starts_at.chars().filter(char::is_ascii_digit).collect();
        let start = format!("{}T{}00", digits.get(..8).unwrap_or_default(), digits.get(8..12).unwrap_or_default());
        let hour: u32 = digits.get(8..10).and_then(|hour| hour.parse().ok()).unwrap_or(0);
        let end = format!(
            "{}T{:02}{}00",
            digits.get(..8).unwrap_or_default(),
            (hour + 1).min(23),
            digits.get(10..12).unwrap_or_default()
        );
        let escape =
            |text: &str| text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n");
        [
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//Insieme per il lavoro//IT".to_owned(),
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{reference}-{}-{start}@insieme-per-il-lavoro", self.round),
            format!("DTSTAMP:{start}Z"),
            format!("DTSTART;TZID=Europe/Rome:{start}"),
            format!("DTEND;TZID=Europe/Rome:{end}"),
            format!("SUMMARY:{}", escape(title)),
            format!("LOCATION:{}", escape(&format!("{}, {}, {}", self.place, self.address, self.comune))),
            "END:VEVENT".to_owned(),
            "END:VCALENDAR".to_owned(),
        ]
        .join("\r\n")
            + "\r\n"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub state: State,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issue {
    /// A path in the submission, such as `person.phone`.
    pub field: String,
    /// What the partners ask the person to correct.
    pub note: String,
    pub current: String,
}

/// `POST /api/applications/correction`: new values for the fields the partners flagged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub reference: String,
    pub access_code: String,
    pub values: std::collections::BTreeMap<String, String>,
}

/// The public states of an application (spec §5). The back office moves them; a person sees
/// them on the status page with the next step of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum State {
    Submitted,
    HasIssues,
    Corrected,
    EligibilityChecked,
    FirstInterviewScheduled,
    FirstInterviewHeld,
    SecondInterviewScheduled,
    SecondInterviewHeld,
    JointAnalysis,
    TakenInCharge,
    ReferredToFoundation,
    NotTakenInCharge,
    ClosedWithReferral,
    CheckedAgainstCall,
    Interview,
    Admitted,
    WaitingList,
    NotAdmitted,
    RoutedToSuap,
    SustainabilityAnalysis,
    AccompanimentPath,
    ReferredToPartnerService,
    NotSustainable,
    Proposed,
    UnderReview,
    Supported,
    NotSupported,
    Published,
    Withdrawn,
    Unreachable,
}

impl State {
    pub const ALL: [State; 30] = [
        State::Submitted,
        State::HasIssues,
        State::Corrected,
        State::EligibilityChecked,
        State::FirstInterviewScheduled,
        State::FirstInterviewHeld,
        State::SecondInterviewScheduled,
        State::SecondInterviewHeld,
        State::JointAnalysis,
        State::TakenInCharge,
        State::ReferredToFoundation,
        State::NotTakenInCharge,
        State::ClosedWithReferral,
        State::CheckedAgainstCall,
        State::Interview,
        State::Admitted,
        State::WaitingList,
        State::NotAdmitted,
        State::RoutedToSuap,
        State::SustainabilityAnalysis,
        State::AccompanimentPath,
        State::ReferredToPartnerService,
        State::NotSustainable,
        State::Proposed,
        State::UnderReview,
        State::Supported,
        State::NotSupported,
        State::Published,
        State::Withdrawn,
        State::Unreachable,
    ];

    pub fn code(self) -> String {
        serde_json::to_value(self).ok().and_then(|value| value.as_str().map(str::to_owned)).unwrap_or_default()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
    }
}
