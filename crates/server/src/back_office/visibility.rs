//! Who sees which application (issue 12, spec §5). One SQL condition per role, added to every
//! query that reads applications for an account: the queue, the case page, every change. An
//! application outside it answers exactly like one that does not exist.
//!
//! - administrator: every application;
//! - secretariat: channel 2 (fragility) and whatever is routed or shared to the secretariat;
//! - operator: the applications with an interview (not moved elsewhere) at their access point;
//! - reviewer: the applications routed to their organisation (`owner_partner`) and those shared
//!   with it for a joint analysis. A reviewer of a sharing partner reads and adds notes; only the
//!   owner's reviewers take workflow actions.

use insieme_rules::Role;

use super::Actor;

/// `(condition on alias a, values to bind in order)`. `sqlite` adds SQLite's planner hints.
pub fn condition(actor: &Actor, sqlite: bool) -> (String, Vec<String>) {
    // SQLite's unary `+` on a column (see below) is no operator for PostgreSQL's texts.
    let plus = if sqlite { "+" } else { "" };
    // `a.id IN (list)` rather than `EXISTS (... a.id ...)`: SQLite makes the list once from the
    // small side (shares of one organisation, interviews at one access point) and the rest of the
    // condition stays answerable from the queue's covering indexes (migration 0007).
    const SHARED_WITH: &str = "a.id IN (SELECT s.application_id FROM application_shares s WHERE s.organisation_id = ?)";
    match actor.role {
        Role::Administrator => ("1 = 1".to_owned(), Vec::new()),
        // The unary `+` keeps SQLite from answering an OR of columns with a union of index
        // lookups that then reads each row: the whole condition is checked on the queue's
        // covering indexes instead (migration 0007, test `the_queue_counts_never_read_the_table`).
        Role::Secretariat => (
            format!("({plus}a.channel = 'fragility' OR {plus}a.owner_partner = ? OR {SHARED_WITH})"),
            vec![SECRETARIAT.to_owned(), SECRETARIAT.to_owned()],
        ),
        Role::Operator => match &actor.access_point {
            Some(point) => (
                "a.id IN (SELECT i.application_id FROM interviews i WHERE i.access_point_id = ? \
                 AND i.outcome <> 'rescheduled')"
                    .to_owned(),
                vec![point.clone()],
            ),
            None => ("0 = 1".to_owned(), Vec::new()),
        },
        Role::Reviewer => match &actor.organisation {
            Some(organisation) => (
                format!("({plus}a.owner_partner = ? OR {SHARED_WITH})"),
                vec![organisation.clone(), organisation.clone()],
            ),
            None => ("0 = 1".to_owned(), Vec::new()),
        },
    }
}

/// The same set as [`condition`], as conditions that no two applications share (each an AND of
/// simple comparisons): counted one by one and added up, each count can be answered from one
/// narrow index, where the OR of `condition` makes PostgreSQL read a whole index (issue 13: the
/// queue's counts on 100,000 applications).
/// (SQLite counts the whole condition in one pass over a covering index, faster than its parts.)
pub fn disjoint_parts(actor: &Actor) -> Vec<(String, Vec<String>)> {
    const SHARED_WITH: &str = "a.id IN (SELECT s.application_id FROM application_shares s WHERE s.organisation_id = ?)";
    let (whole, binds) = condition(actor, false);
    match (actor.role, &actor.organisation) {
        (Role::Secretariat, _) => {
            let us = SECRETARIAT.to_owned();
            vec![
                ("a.channel = 'fragility'".to_owned(), Vec::new()),
                ("a.channel <> 'fragility' AND a.owner_partner = ?".to_owned(), vec![us.clone()]),
                (format!("a.channel <> 'fragility' AND a.owner_partner <> ? AND {SHARED_WITH}"), vec![us.clone(), us]),
            ]
        }
        (Role::Reviewer, Some(organisation)) => vec![
            ("a.owner_partner = ?".to_owned(), vec![organisation.clone()]),
            (format!("a.owner_partner <> ? AND {SHARED_WITH}"), vec![organisation.clone(), organisation.clone()]),
        ],
        _ => vec![(whole, binds)],
    }
}

/// The secretariat's organisation id (workflows.toml).
pub const SECRETARIAT: &str = "segreteria";

/// Whether `actor`, who sees the application, may also change it: a reviewer only when the
/// application is routed to their own organisation, not when it is merely shared with it.
pub fn may_change(actor: &Actor, owner_partner: &str) -> bool {
    match actor.role {
        Role::Reviewer => actor.organisation.as_deref() == Some(owner_partner),
        Role::Administrator | Role::Secretariat | Role::Operator => true,
    }
}
