//! The back office (issue 12): accounts and their sessions, who may see which application, the
//! queue, the case page and the workflow of each channel (`insieme_rules::workflow`, read from
//! `workflows.toml`). Handlers in `routes/back_office.rs` only translate HTTP.
//!
//! Every request goes through [`session::Actor`] (a valid session of an enabled account, with
//! its second factor when the role requires one), every
//! read through [`visibility`] (the SQL condition that limits rows to what the role and the
//! organisation may see), and every change through one transaction that also writes the action
//! log and the audit log.

pub mod account_change;
pub mod accounts;
pub mod actions;
pub mod assignment;
pub mod audit_log;
pub mod case;
pub mod csrf;
pub mod export;
pub mod interviews;
pub mod notes;
pub mod places;
pub mod queue;
pub mod records;
pub mod sample;
pub mod second_factor;
pub mod seed;
pub mod session;
pub mod throttle;
pub mod visibility;

pub use session::{Actor, Enrolling};
