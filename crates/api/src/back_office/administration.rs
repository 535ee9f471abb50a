//! The administration's bodies: accounts, organisations and access points (administrators).

use serde::{Deserialize, Serialize};

/// `POST /api/back-office/accounts`: a new account (administrators). A reviewer names its
/// organisation, an operator its access point; the secretariat belongs to `segreteria`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAccountRequest {
    pub email: String,
    pub name: String,
    /// `administrator`, `secretariat`, `operator` or `reviewer`.
    pub role: String,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub access_point: Option<String>,
}

/// The account just made and its one-time password, shown this once: the person signs in with
/// it, changes it, and (administrators, secretariat) enrols an authenticator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedAccount {
    pub account: AccountView,
    pub one_time_password: String,
}

/// A one-time password an administrator made for an account, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OneTimePassword {
    pub one_time_password: String,
}

/// An organisation or an access point, as the administration page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Place {
    pub id: String,
    pub name: String,
    pub active: bool,
    /// Organisations that take part in joint analyses (always false for access points).
    #[serde(default)]
    pub joint_analysis: bool,
    /// Access points: the comune and the street address (empty for organisations).
    #[serde(default)]
    pub comune: String,
    #[serde(default)]
    pub address: String,
}

/// `PUT /api/back-office/places/{kind}/{id}`: a new name (both kinds), comune and address (access
/// points: the address people see for their appointments). The id never changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaceChange {
    pub name: String,
    #[serde(default)]
    pub comune: String,
    #[serde(default)]
    pub address: String,
}

/// `POST /api/back-office/places`: a new organisation or access point (administrators).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPlace {
    /// `organisation` or `access_point`.
    pub kind: String,
    /// Lower case letters, digits, `-`, `_` and `:` (`rete:navile`, `sportello-lavoro-imola`).
    pub id: String,
    pub name: String,
    /// Access points: the comune (one of the 55) and the street address.
    #[serde(default)]
    pub comune: String,
    #[serde(default)]
    pub address: String,
    /// Organisations: takes part in joint analyses (sees what is shared with it).
    #[serde(default)]
    pub joint_analysis: bool,
}

/// `PUT /api/back-office/places/{kind}/{id}/active`: open (true) or close (false) a place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaceActive {
    pub active: bool,
}

/// Organisations and access points (`GET /api/back-office/places`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Places {
    pub organisations: Vec<Place>,
    pub access_points: Vec<Place>,
}

/// `PUT /api/back-office/accounts/{id}`: an account's name, role and place (administrators). The
/// e-mail address, the login name, stays.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountChange {
    pub name: String,
    /// `administrator`, `secretariat`, `operator` or `reviewer`.
    pub role: String,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub access_point: Option<String>,
}

/// An account as administrators manage it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub organisation: Option<String>,
    pub access_point: Option<String>,
    pub disabled: bool,
    pub totp_enrolled: bool,
}
