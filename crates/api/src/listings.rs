//! What anyone may read without an application: the open calls of channel 3 and the community
//! opportunities the partners supported.

use serde::{Deserialize, Serialize};

/// A community opportunity that partners supported, as listed publicly (no contact person).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Opportunity {
    pub reference: String,
    pub organisation: String,
    pub area: String,
    pub area_name: String,
    pub tasks: String,
    pub hours_per_week: u32,
    pub starts_on: String,
    pub ends_on: String,
    pub places: u32,
}

/// An open call (avviso) for channel 3, from `GET /api/calls`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallView {
    pub id: String,
    pub title: String,
    pub min_age: u32,
    pub max_age: u32,
    /// `school_leavers`, `disadvantaged_young_adults`, `young_people` or `organisations`.
    pub target: String,
    pub opens_on: String,
    pub closes_on: String,
    pub description: String,
}

impl CallView {
    /// Whether the call is for organisations' projects (otherwise for young people).
    pub fn is_for_organisations(&self) -> bool {
        self.target == "organisations"
    }
}

/// An access point as administrators keep it in the back office (`GET /api/access-points`):
/// public, the places people go to. Who it serves and which channels it takes come with the
/// programme's data for the points it lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessPointView {
    pub id: String,
    pub name: String,
    pub comune: String,
    /// `to_be_confirmed` while nobody confirmed it.
    pub address: String,
}
