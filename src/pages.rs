//! One module per route.

mod access_points;
mod accessibility;
mod apply;
mod back_office;
mod channel;
mod home;
mod not_found;
mod opportunities;
mod privacy;
mod self_check;
mod sources;
mod status;
mod territory;

pub use access_points::AccessPointsPage;
pub use accessibility::AccessibilityPage;
pub use apply::ApplyPage;
pub use back_office::BackOfficePages;
pub use channel::ChannelPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use opportunities::OpportunitiesPage;
pub use privacy::PrivacyPage;
pub use self_check::SelfCheckPage;
pub use sources::SourcesPage;
pub use status::StatusApp as StatusPages;
pub use territory::TerritoryPage;
