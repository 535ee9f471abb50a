//! Reusable components, one per file, named after the component.

mod channel_card;
mod choice;
mod confirm_action;
mod date_input;
mod error_summary;
mod form_field;
mod fragility_chart;
mod interim_summary;
mod language_switch;
mod level_question;
mod page_title;
mod qr_code;
mod site_footer;
mod site_header;
mod step_form;
mod text_sections;
mod yes_no_question;

pub use crate::navigation::NavLink;
pub use channel_card::ChannelCard;
pub use choice::Choice;
pub use confirm_action::{ConfirmAction, ConfirmTexts};
pub use date_input::DateInput;
pub use error_summary::ErrorSummary;
pub use form_field::FormField;
pub use fragility_chart::FragilityChart;
pub use interim_summary::InterimSummary;
pub use language_switch::LanguageSwitch;
pub use level_question::LevelQuestion;
pub use page_title::PageTitle;
pub use qr_code::QrCode;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use step_form::StepForm;
pub use text_sections::TextSections;
pub use yes_no_question::YesNoQuestion;
