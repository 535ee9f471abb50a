//! `GET /api/health`: is the server up, and can it reach its database?

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DatabaseStatus {
    Reachable,
    Unreachable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WriterStatus {
    Writing,
    NotWriting,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// "ok" when every dependency answers, "degraded" otherwise.
    pub status: String,
    pub database: DatabaseStatus,
    /// Whether new applications can be stored: the writer runs and its last write succeeded.
    pub writer: WriterStatus,
    pub version: String,
}
