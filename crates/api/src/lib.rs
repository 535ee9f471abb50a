//! The contract between the browser app and the server: route paths and the JSON bodies that
//! travel on them. Only serde lives here, so both sides compile the same definitions.

pub mod application;
pub mod back_office;
pub mod error;
pub mod feedback;
pub mod health;
pub mod listings;
pub mod paths;
pub mod status;
pub mod territory;

pub use application::{
    Availability, Channel, CommunityDetails, Consent, EnterpriseDetails, LANGUAGES, Person, Submission, YouthDetails,
    YouthProject,
};
pub use error::{ErrorBody, ErrorCode, FieldError};
pub use feedback::{AccessibilityFeedback, FeedbackReceipt, FeedbackView};
pub use health::{DatabaseStatus, Health, WriterStatus};
pub use listings::{AccessPointView, CallView, Opportunity};
pub use status::{Appointment, Correction, HistoryEntry, Issue, Receipt, State, StatusQuery, StatusView};
pub use territory::{DistrettoView, QuartiereView, TerritoryView};
