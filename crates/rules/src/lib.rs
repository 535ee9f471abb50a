//! The pure rules engine of Insieme per il lavoro.
//!
//! Everything here is a total function over data: no IO, no clock, no randomness. The same
//! crate is compiled to WebAssembly for the browser and natively for the server, which re-runs
//! it on every submission and never trusts a score computed elsewhere.

pub mod territory;

pub use territory::{ComuneLookup, Distretto, Quartiere, Territory};
