//! `POST /api/feedback/accessibility`: a person reports an accessibility problem or asks for a
//! content in an accessible format, the feedback mechanism the AgID accessibility statement
//! must offer (issue 14). Administrators read the reports in the back office.

use serde::{Deserialize, Serialize};

/// One report, as the accessibility page sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccessibilityFeedback {
    /// Made by the browser once per report (a UUID): sending it again is the same report.
    pub id: String,
    /// The language of the page, in which the answer is written.
    pub language: String,
    /// What does not work, or which content is needed in which format.
    pub message: String,
    /// Where it happened (a page, a step), if the person says.
    #[serde(default)]
    pub page: String,
    /// An address to answer, if the person wants an answer.
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// The acknowledgement of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackReceipt {
    /// When the report was stored (RFC 3339, UTC).
    pub received_at: String,
}

/// A report as administrators see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackView {
    pub received_at: String,
    pub language: String,
    pub message: String,
    pub page: String,
    pub email: String,
    pub phone: String,
}
