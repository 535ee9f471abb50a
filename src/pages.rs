//! One module per route.

mod access_points;
mod accessibility;
mod channel;
mod home;
mod not_found;
mod privacy;
mod self_check;
mod sources;
mod territory;

pub use access_points::AccessPointsPage;
pub use accessibility::AccessibilityPage;
pub use channel::ChannelPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use privacy::PrivacyPage;
pub use self_check::SelfCheckPage;
pub use sources::SourcesPage;
pub use territory::TerritoryPage;
