//! `GET /api/territory`: where the programme applies.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TerritoryView {
    pub distretti: Vec<DistrettoView>,
    pub quartieri: Vec<QuartiereView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrettoView {
    pub id: String,
    pub name: String,
    pub comuni: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuartiereView {
    pub id: String,
    pub name: String,
    pub zone: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn territory_round_trips_through_json() {
        let view = TerritoryView {
            distretti: vec![DistrettoView {
                id: "bologna".into(),
                name: "Bologna Città".into(),
                comuni: vec!["Bologna".into()],
            }],
            quartieri: vec![],
        };
        let json = serde_json::to_string(&view).expect("serialises");
        assert!(json.contains("\"distretti\":[{\"id\":\"bologna\""), "{json}");
        assert_eq!(serde_json::from_str::<TerritoryView>(&json).expect("parses"), view);
    }
}
