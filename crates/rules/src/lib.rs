//! The pure rules engine of Insieme per il lavoro.
//!
//! Everything here is a total function over data: no IO, no clock, no randomness. The same
//! crate is compiled to WebAssembly for the browser and natively for the server, which re-runs
//! it on every submission and never trusts a score computed elsewhere.
//!
//! Reading order: dates, sources, territory, instruments, answers, scoring, reasons, channels,
//! calls, and `assess`, which puts them together.

pub mod access_points;
pub mod answers;
pub mod assessment;
pub mod calls;
pub mod channels;
mod data;
pub mod date;
pub mod fragility;
pub mod instrument;
pub mod reason;
pub mod records;
pub mod source;
pub mod territory;
#[cfg(feature = "toml")]
pub mod toml_json;
pub mod workflow;

pub use access_points::AccessPoint;
pub use answers::{Answers, InputError, Level, Profile};
pub use assessment::{Assessment, assess, assess_with_calls};
pub use calls::{CallResult, CallTarget, YouthCall};
pub use channels::{Channel, ChannelResult, ChannelStatus};
pub use date::{Date, DateError};
pub use fragility::{AreaScore, FragilityResult};
pub use instrument::{Area, Instrument, InstrumentError, Item};
pub use reason::{Outcome, Param, Reason};
pub use source::{Source, Status};
pub use territory::{ComuneLookup, Distretto, Quartiere, Territory};
pub use workflow::{ChannelWorkflow, Refusal, Requirement, Role, Transition, Workflows};
