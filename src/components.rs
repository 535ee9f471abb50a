//! Reusable components, one per file, named after the component.

mod language_switch;
mod page_title;
mod site_footer;
mod site_header;

pub use language_switch::LanguageSwitch;
pub use page_title::PageTitle;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
