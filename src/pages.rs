//! One module per route.

mod accessibility;
mod home;
mod not_found;
mod privacy;
mod territory;

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use privacy::PrivacyPage;
pub use territory::TerritoryPage;
