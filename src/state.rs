//! Plain types that hold and compute the app's state, with native tests. Components read them
//! and forward events to them; they never compute themselves.

pub mod application;
pub mod date_parts;
pub mod draft;
pub mod receipts;
pub mod resume_code;
pub mod self_check;
