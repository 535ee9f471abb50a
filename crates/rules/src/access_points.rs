//! Where people go: the access points of `data/access-points.toml` (partly verified; the rest is
//! marked "to_be_confirmed" and must be shown as such).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::{Channel, data::Data};

static ACCESS_POINTS: Data = include!(concat!(env!("OUT_DIR"), "/access-points.rs"));

/// The marker the data uses for a value nobody has confirmed yet.
pub const TO_BE_CONFIRMED: &str = "to_be_confirmed";

/// Whether a value of an access point (its status, its address, also as administrators keep it
/// in the back office) has been confirmed: neither empty nor marked [`TO_BE_CONFIRMED`].
pub fn is_confirmed(value: &str) -> bool {
    !value.trim().is_empty() && value != TO_BE_CONFIRMED
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessPoint {
    pub id: String,
    pub name: String,
    /// `sportello_comunale_lavoro`, `insieme_per_il_lavoro` or `suap`.
    pub kind: String,
    pub comune: String,
    pub address: String,
    pub serves: String,
    pub channels: Vec<Channel>,
    pub status: String,
    #[serde(default)]
    pub source: Option<String>,
}

impl AccessPoint {
    /// Every access point, in the order of the data file.
    pub fn all() -> &'static [AccessPoint] {
        static POINTS: OnceLock<Vec<AccessPoint>> = OnceLock::new();
        POINTS.get_or_init(|| {
            ACCESS_POINTS
                .list("access_point")
                .iter()
                .map(|point| AccessPoint {
                    id: point.text("id"),
                    name: point.text("name"),
                    kind: point.text("kind"),
                    comune: point.text("comune"),
                    address: point.text("address"),
                    serves: point.text("serves"),
                    channels: point.texts("channels").iter().filter_map(|code| Channel::from_code(code)).collect(),
                    status: point.text("status"),
                    source: point.optional_text("source").map(str::to_owned),
                })
                .collect()
        })
    }

    /// The access points for someone domiciled in `comune` (an official name): the Sportello
    /// comunale serves its own comune; the programme's access point and the SUAP network (one
    /// desk per comune) serve the whole Città metropolitana.
    pub fn for_comune(comune: &str) -> Vec<&'static AccessPoint> {
        Self::all()
            .iter()
            .filter(|point| match point.kind.as_str() {
                "sportello_comunale_lavoro" => point.comune == comune,
                _ => true,
            })
            .collect()
    }

    /// Whether this desk takes `channel`'s interviews for someone domiciled in `comune` (the
    /// Sportello comunale only for its own comune; the SUAP desk is no interview place for
    /// channel 2).
    pub fn serves(&self, channel: Channel, comune: &str) -> bool {
        self.channels.contains(&channel) && (self.kind != "sportello_comunale_lavoro" || self.comune == comune)
    }

    /// The desks a person of `comune` may choose for `channel`, those of their own comune first.
    pub fn for_person(channel: Channel, comune: &str) -> Vec<&'static AccessPoint> {
        let mut points: Vec<&AccessPoint> = Self::all().iter().filter(|point| point.serves(channel, comune)).collect();
        points.sort_by_key(|point| point.comune != comune);
        points
    }

    pub fn is_confirmed(&self) -> bool {
        is_confirmed(&self.status)
    }

    pub fn address_is_confirmed(&self) -> bool {
        is_confirmed(&self.address)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bologna_gets_the_sportello_and_imola_does_not() {
        let bologna: Vec<&str> = AccessPoint::for_comune("Bologna").iter().map(|point| point.id.as_str()).collect();
        assert!(bologna.contains(&"sportello-lavoro-bologna"), "{bologna:?}");
        let imola: Vec<&str> = AccessPoint::for_comune("Imola").iter().map(|point| point.id.as_str()).collect();
        assert!(!imola.contains(&"sportello-lavoro-bologna"), "{imola:?}");
        assert!(imola.contains(&"suap-progetti-impresa"), "{imola:?}");
    }

    #[test]
    fn a_channel_offers_only_the_desks_that_serve_it() {
        let ids = |channel, comune| -> Vec<&str> {
            AccessPoint::for_person(channel, comune).iter().map(|point| point.id.as_str()).collect()
        };
        assert_eq!(ids(Channel::Fragility, "Bologna"), ["sportello-lavoro-bologna", "insieme-per-il-lavoro"]);
        assert_eq!(ids(Channel::Fragility, "Imola"), ["insieme-per-il-lavoro"]);
        assert_eq!(ids(Channel::Enterprise, "Imola"), ["suap-progetti-impresa"]);
        assert!(!ids(Channel::Youth, "Bologna").contains(&"suap-progetti-impresa"));
    }

    #[test]
    fn the_embedded_access_points_read_as_serde_reads_their_file() {
        #[derive(Deserialize)]
        struct File {
            access_point: Vec<AccessPoint>,
        }
        let json = include_str!(concat!(env!("OUT_DIR"), "/access-points.json"));
        assert_eq!(
            AccessPoint::all(),
            serde_json::from_str::<File>(json).expect("the data file is valid JSON").access_point.as_slice()
        );
    }

    #[test]
    fn unconfirmed_points_say_so() {
        let unconfirmed = AccessPoint::all().iter().filter(|point| !point.is_confirmed()).count();
        assert!(unconfirmed >= 1);
    }
}
