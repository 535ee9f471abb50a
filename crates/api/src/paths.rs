//! Route paths of the HTTP API. The server mounts these and the browser calls these.

/// Prefix of every API route; anything under it that matches no route is a JSON 404.
pub const API_PREFIX: &str = "/api";
/// Liveness and database reachability.
pub const HEALTH: &str = "/api/health";
/// The comuni of the Città metropolitana grouped by distretto, and the Quartieri of Bologna.
pub const TERRITORY: &str = "/api/territory";
/// Answers in, assessment out: the rules engine for tablets and third parties.
pub const ASSESS: &str = "/api/assess";
