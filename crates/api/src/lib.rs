//! The contract between the browser app and the server: route paths and the JSON bodies that
//! travel on them. Only serde lives here, so both sides compile the same definitions.

pub mod application;
pub mod error;
pub mod health;
pub mod paths;
pub mod territory;

pub use application::{
    Availability, CallView, Channel, CommunityDetails, Consent, Correction, EnterpriseDetails, HistoryEntry, Issue,
    Opportunity, Person, Receipt, State, StatusQuery, StatusView, Submission, YouthDetails, YouthProject,
};
pub use error::{ErrorBody, ErrorCode, FieldError};
pub use health::{DatabaseStatus, Health};
pub use territory::{DistrettoView, QuartiereView, TerritoryView};
