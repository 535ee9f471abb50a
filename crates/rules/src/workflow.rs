//! The review workflow of each channel (spec §5), read as data from `data/workflows.toml`: which
//! action moves an application from which state to which, and who may take it. The partners may
//! change that table; this module only reads it. The server enforces it on every change and the
//! back office uses the same answers to show only the allowed actions.
//!
//! Reading the table: the common transitions apply to every channel, restricted to the states the
//! channel has; `from = ["any open state"]` means every state of the channel that is not final;
//! `to = "initial"` is the channel's initial state. Anything the table does not list is refused.
//! An administrator may take every action a back-office role may take (the table's `role` entry:
//! "every action on every application"); the applicant's own actions (`correct`, and `withdraw`
//! from the status page) stay with the applicant's access code.

use std::{collections::BTreeSet, sync::OnceLock};

use serde::{Deserialize, Serialize};

use crate::Channel;

const WORKFLOWS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/workflows.json"));

/// The table's words for "every state that is not final" and "the channel's initial state".
const ANY_OPEN_STATE: &str = "any open state";
const INITIAL: &str = "initial";
const APPLICANT: &str = "applicant";

/// Who works in the back office. An account has exactly one role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    Secretariat,
    Operator,
    Reviewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Administrator, Role::Secretariat, Role::Operator, Role::Reviewer];

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Secretariat => "secretariat",
            Role::Operator => "operator",
            Role::Reviewer => "reviewer",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// A signing partner or an office of the programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    /// Takes part in joint analyses: sees what is shared with it and adds notes, never changes a state.
    #[serde(default)]
    pub joint_analysis: bool,
}

/// A kind of organisation that exists once per distretto or Quartiere (`suap:imola`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationFamily {
    pub id: String,
    pub name: String,
}

/// A deadline counted from submission, met once the named action has been taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub channel: Channel,
    pub what: String,
    pub days_from_submission: u32,
    pub met_by_action: String,
}

/// A condition on the application that the table writes in words and the engine checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The official fragility total is at least the instrument's threshold (a second interview).
    OfficialScoreAtLeastThreshold,
    /// The official fragility total is below the threshold (closed with referral).
    OfficialScoreBelowThreshold,
}

impl Requirement {
    fn from_words(words: &str) -> Option<Requirement> {
        let words = words.trim();
        if !words.starts_with("official fragility total") {
            None
        } else if words.contains(">=") {
            Some(Requirement::OfficialScoreAtLeastThreshold)
        } else if words.contains('<') {
            Some(Requirement::OfficialScoreBelowThreshold)
        } else {
            None
        }
    }
}

/// One action as it applies to one channel, with `from` and `to` resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub action: String,
    pub from: Vec<String>,
    pub to: String,
    /// The back-office roles the table names (the administrator is added when reading).
    pub roles: Vec<Role>,
    /// The person takes it from the status page.
    pub by_applicant: bool,
    /// The person sees it in the history on the status page.
    pub public: bool,
    /// What taking it must record, in the table's words.
    pub records: Vec<String>,
    pub requires: Option<Requirement>,
}

impl Transition {
    pub fn allows(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// The states and transitions of one channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelWorkflow {
    pub channel: Channel,
    pub initial: String,
    /// The owner in the table's words (`segreteria`, `suap:<distretto ...>`).
    pub owner: String,
    pub final_states: Vec<String>,
    pub transitions: Vec<Transition>,
}

/// Why an action cannot be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The channel has no such action.
    UnknownAction,
    /// The action exists but not from the application's current state.
    NotFromThisState,
    /// The action exists from this state but this role may not take it.
    NotThisRole,
}

impl ChannelWorkflow {
    /// Every state an application of this channel can be in.
    pub fn states(&self) -> BTreeSet<&str> {
        let mut states: BTreeSet<&str> = self.final_states.iter().map(String::as_str).collect();
        states.insert(&self.initial);
        for transition in &self.transitions {
            states.extend(transition.from.iter().map(String::as_str));
            states.insert(&transition.to);
        }
        states
    }

    pub fn is_final(&self, state: &str) -> bool {
        self.final_states.iter().any(|final_state| final_state == state)
    }

    pub fn transition(&self, action: &str) -> Option<&Transition> {
        self.transitions.iter().find(|transition| transition.action == action)
    }

    /// The actions `role` may take on an application in `state`, in the table's order.
    pub fn actions_for(&self, state: &str, role: Role) -> Vec<&Transition> {
        self.transitions
            .iter()
            .filter(|transition| transition.allows(role) && transition.from.iter().any(|from| from == state))
            .collect()
    }

    /// Whether `role` may take `action` on an application in `state`, and where it leads.
    pub fn decide(&self, state: &str, action: &str, role: Role) -> Result<&Transition, Refusal> {
        let transition = self.transition(action).ok_or(Refusal::UnknownAction)?;
        if !transition.from.iter().any(|from| from == state) {
            Err(Refusal::NotFromThisState)
        } else if !transition.allows(role) {
            Err(Refusal::NotThisRole)
        } else {
            Ok(transition)
        }
    }
}

/// The whole table: organisations, deadlines and the workflow of each channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workflows {
    pub organisations: Vec<Organisation>,
    pub organisation_families: Vec<OrganisationFamily>,
    pub deadlines: Vec<Deadline>,
    pub channels: Vec<ChannelWorkflow>,
}

/// What is wrong with a workflow table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowError(pub String);

impl Workflows {
    /// The table shipped with this build, read once.
    pub fn embedded() -> &'static Workflows {
        static WORKFLOWS: OnceLock<Workflows> = OnceLock::new();
        WORKFLOWS.get_or_init(|| {
            Workflows::from_json(WORKFLOWS_JSON)
                .unwrap_or_else(|error| panic!("embedded workflows are invalid: {}", error.0))
        })
    }

    pub fn channel(&self, channel: Channel) -> &ChannelWorkflow {
        self.channels
            .iter()
            .find(|workflow| workflow.channel == channel)
            .unwrap_or_else(|| panic!("workflows have every channel (checked when read): {channel:?}"))
    }

    pub fn deadline(&self, channel: Channel) -> Option<&Deadline> {
        self.deadlines.iter().find(|deadline| deadline.channel == channel)
    }

    /// Reads a table in its file shape (as JSON) and resolves it per channel.
    pub fn from_json(json: &str) -> Result<Workflows, WorkflowError> {
        let file: File = serde_json::from_str(json).map_err(|error| WorkflowError(error.to_string()))?;
        let roles: Vec<Role> = file.role.iter().map(|entry| entry.id).collect();
        if Role::ALL.iter().any(|role| !roles.contains(role)) {
            return Err(WorkflowError("the table must name the four roles".to_owned()));
        }
        let mut channels = Vec::new();
        for channel in Channel::ALL {
            let name = channel.code();
            let raw = file.channel.get(name).ok_or_else(|| WorkflowError(format!("no workflow for channel {name}")))?;
            channels.push(resolve(channel, raw, &file.common)?);
        }
        Ok(Workflows {
            organisations: file.organisation,
            organisation_families: file.organisation_family,
            deadlines: file.deadline,
            channels,
        })
    }
}

/// One channel's own transitions, then the common ones restricted to the channel's states.
fn resolve(channel: Channel, raw: &RawChannel, common: &[RawTransition]) -> Result<ChannelWorkflow, WorkflowError> {
    let mut own = Vec::new();
    for transition in &raw.transition {
        own.push(read_transition(transition, &raw.initial, None)?);
    }
    let mut workflow = ChannelWorkflow {
        channel,
        initial: raw.initial.clone(),
        owner: raw.owner.clone(),
        final_states: raw.final_states.clone(),
        transitions: own,
    };
    // The channel's states before the common transitions: its own, plus the states the common
    // transitions lead to (has_issues, corrected, unreachable, withdrawn).
    let mut states: BTreeSet<String> = workflow.states().into_iter().map(str::to_owned).collect();
    for transition in common {
        if transition.to != INITIAL {
            states.insert(transition.to.clone());
        }
    }
    let open: Vec<String> = states.iter().filter(|state| !workflow.is_final(state)).cloned().collect();
    for transition in common {
        let mut resolved = read_transition(transition, &raw.initial, Some(&open))?;
        resolved.from.retain(|state| states.contains(state));
        if !resolved.from.is_empty() {
            workflow.transitions.push(resolved);
        }
    }
    let mut actions = BTreeSet::new();
    if let Some(repeated) = workflow.transitions.iter().find(|transition| !actions.insert(transition.action.as_str())) {
        return Err(WorkflowError(format!("{}: action {} is listed twice", channel.code(), repeated.action)));
    }
    Ok(workflow)
}

fn read_transition(raw: &RawTransition, initial: &str, open: Option<&[String]>) -> Result<Transition, WorkflowError> {
    let mut from = Vec::new();
    for state in &raw.from {
        match (state.as_str(), open) {
            (ANY_OPEN_STATE, Some(open)) => from.extend(open.iter().cloned()),
            (ANY_OPEN_STATE, None) => {
                return Err(WorkflowError(format!("{}: \"{ANY_OPEN_STATE}\" only in common transitions", raw.action)));
            }
            _ => from.push(state.clone()),
        }
    }
    let to = if raw.to == INITIAL { initial.to_owned() } else { raw.to.clone() };
    let mut roles = Vec::new();
    let mut by_applicant = false;
    for actor in &raw.by {
        if actor == APPLICANT {
            by_applicant = true;
        } else {
            roles.push(
                Role::from_code(actor).ok_or_else(|| WorkflowError(format!("{}: unknown role {actor}", raw.action)))?,
            );
        }
    }
    // The administrator takes every action a back-office role takes.
    if !roles.is_empty() && !roles.contains(&Role::Administrator) {
        roles.insert(0, Role::Administrator);
    }
    let requires =
        match &raw.requires {
            None => None,
            Some(words) => Some(Requirement::from_words(words).ok_or_else(|| {
                WorkflowError(format!("{}: a requirement the engine cannot check: {words}", raw.action))
            })?),
        };
    Ok(Transition {
        action: raw.action.clone(),
        from,
        to,
        roles,
        by_applicant,
        public: raw.public,
        records: raw.records.clone(),
        requires,
    })
}

/// The file as written.
#[derive(Deserialize)]
struct File {
    role: Vec<RoleEntry>,
    organisation: Vec<Organisation>,
    organisation_family: Vec<OrganisationFamily>,
    #[serde(default)]
    deadline: Vec<Deadline>,
    common: Vec<RawTransition>,
    channel: std::collections::BTreeMap<String, RawChannel>,
}

#[derive(Deserialize)]
struct RoleEntry {
    id: Role,
}

#[derive(Deserialize)]
struct RawChannel {
    initial: String,
    owner: String,
    #[serde(rename = "final")]
    final_states: Vec<String>,
    transition: Vec<RawTransition>,
}

#[derive(Deserialize)]
struct RawTransition {
    action: String,
    from: Vec<String>,
    to: String,
    by: Vec<String>,
    #[serde(default)]
    public: bool,
    #[serde(default)]
    records: Vec<String>,
    #[serde(default)]
    requires: Option<String>,
}
