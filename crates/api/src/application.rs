//! Applications (spec §4): what the browser submits for each channel; what comes after sending
//! is in `status`. Field values travel as text, exactly as typed, so that a bad value becomes a
//! field-level error (422 naming the field) and never a whole refused document;
//! `insieme-validation` checks and normalises them on both sides.

use serde::{Deserialize, Serialize};

/// The languages the site speaks (BCP 47), the only ones a submission may ask to be contacted
/// in (spec §4: preferred language). The browser's `Language::ALL` has the same codes (test).
pub const LANGUAGES: [&str; 11] = ["it", "en", "ar", "fr", "ro", "uk", "zh-Hans", "ur", "bn", "sq", "es"];

/// The four access channels agreed by the signing partners (spec §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Community,
    Fragility,
    Youth,
    Enterprise,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Community, Channel::Fragility, Channel::Youth, Channel::Enterprise];

    pub fn code(self) -> &'static str {
        match self {
            Self::Community => "community",
            Self::Fragility => "fragility",
            Self::Youth => "youth",
            Self::Enterprise => "enterprise",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|channel| channel.code() == code)
    }
}

/// `POST /api/applications`. The sections a channel needs are required for it and refused for
/// the others (we collect only what the spec lists for the channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// A UUID made by the browser when the draft starts; sending it again never makes a second
    /// application.
    pub id: String,
    pub channel: Option<Channel>,
    /// The language the person reads (it, en, ar, ...): we answer and contact them in it.
    pub language: String,
    /// The person applying (all channels but `community`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// Self-check answers (`insieme_rules::Answers` JSON) for `fragility` and `youth`: the
    /// server re-scores them and stores the instrument version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub youth: Option<YouthDetails>,
    /// Channel 3 for an organisation proposing a project to a call for organisations (instead
    /// of `person` and `youth`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub youth_project: Option<YouthProject>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<EnterpriseDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<CommunityDetails>,
    pub consent: Consent,
}

/// All people (spec §4): who they are, where they live and how to reach them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub given_name: String,
    pub family_name: String,
    pub codice_fiscale: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// Comune of domicile; it must be in the Città metropolitana di Bologna.
    pub comune: String,
    /// Quartiere id, for people domiciled in Bologna.
    #[serde(default)]
    pub quartiere: String,
    /// Phone and/or email: at least one.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// Id of the access point where the person prefers to be met (empty: any).
    #[serde(default)]
    pub access_point: String,
    /// When the person can come to the interview.
    #[serde(default)]
    pub availability: Vec<Availability>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    Morning,
    Afternoon,
    Evening,
}

impl Availability {
    pub const ALL: [Availability; 3] = [Availability::Morning, Availability::Afternoon, Availability::Evening];
}

/// Channel 3: a young person answering a call.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct YouthDetails {
    pub call_id: String,
    /// The school last attended (name and town).
    pub school: String,
    /// The year the person left it (or will leave it).
    pub left_school_year: String,
    pub situation: String,
    pub motivation: String,
}

/// The current situations offered for channel 3 (codes; the browser shows them translated).
pub const YOUTH_SITUATIONS: [&str; 5] = ["studying", "looking_for_work", "occasional_work", "training", "other"];

/// Channel 3: an organisation (school, firm, association) proposing a project to a call for
/// organisations: social innovation or start-up, with its partners and budget.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct YouthProject {
    pub call_id: String,
    pub organisation: String,
    /// Schools and firms taking part.
    pub partners: String,
    pub field: String,
    pub description: String,
    /// Whole euros, as typed.
    pub budget: String,
    pub contact_given_name: String,
    pub contact_family_name: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub contact_email: String,
}

/// The two fields of the youth calls for projects (PON Metro 3.3.1.b).
pub const YOUTH_PROJECT_FIELDS: [&str; 2] = ["social_innovation", "start_up"];

/// Channel 4: a business idea.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnterpriseDetails {
    /// Other proponents (names), besides the person applying.
    #[serde(default)]
    pub proponents: String,
    /// Comune where the business will be (it decides the SUAP desk).
    pub business_comune: String,
    pub sector: String,
    pub stage: String,
    pub description: String,
    pub market: String,
    pub team_skills: String,
    /// Whole euros, as typed.
    pub investment_needed: String,
    pub own_funds: String,
    pub support: Vec<String>,
}

pub const ENTERPRISE_SECTORS: [&str; 7] =
    ["trade", "crafts", "food", "services", "creative_culture", "technology", "other"];
pub const ENTERPRISE_STAGES: [&str; 3] = ["idea", "plan", "just_opened"];
pub const ENTERPRISE_SUPPORT: [&str; 4] = ["training", "mentoring", "premises", "credit"];

/// Channel 1: an organisation proposes a small job opportunity to the community network.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CommunityDetails {
    pub organisation: String,
    pub organisation_type: String,
    /// A Quartiere id (Bologna) or a distretto id.
    pub area: String,
    pub tasks: String,
    /// Hours per week, as typed.
    pub hours_per_week: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
    /// How many people, as typed.
    pub places: String,
    pub contact_given_name: String,
    pub contact_family_name: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub contact_email: String,
}

pub const ORGANISATION_TYPES: [&str; 5] = ["quartiere", "caritas", "association", "union", "other"];

/// The consent step (GDPR art. 6 and 9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The person read the privacy notice (required).
    pub privacy_notice: bool,
    /// Explicit consent to process the sensitive items (GDPR art. 9(2)(a)); without it those
    /// items must not be sent.
    #[serde(default)]
    pub sensitive_data: bool,
    /// Optional: the person agrees to be contacted by SMS or email.
    #[serde(default)]
    pub contact_by_message: bool,
}
