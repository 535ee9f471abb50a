//! The application being filled, as reactive state: the draft of the open channel (kept on the
//! device after every change, deleted only once the server confirmed it), the self-check
//! answers it carries, the open calls, and sending with its outcome.

use insieme_api::{CallView, Channel, ErrorCode, Receipt};
use insieme_rules::{Answers, Instrument};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiError},
    device,
    state::{
        application::{self, Draft, channel_slug},
        draft::{self as self_check_draft, DRAFT_KEY},
    },
};

/// What happened to the last attempt to send.
#[derive(Clone, Debug, PartialEq)]
pub enum Sending {
    Idle,
    InFlight,
    /// No answer from the server: nothing is lost, the person can send again.
    Offline,
    /// The server refused it; `code` says why, `fields` which fields.
    Refused {
        code: ErrorCode,
        fields: Vec<insieme_api::FieldError>,
    },
}

#[derive(Clone, Copy)]
pub struct ApplicationStore {
    pub channel: RwSignal<Option<Channel>>,
    pub draft: RwSignal<Draft>,
    /// The self-check answers on this device, if any.
    pub answers: StoredValue<Option<Answers>>,
    /// `None` while loading; `Some(Err)` when the server could not be reached.
    pub calls: RwSignal<Option<Result<Vec<CallView>, ()>>>,
    pub sending: RwSignal<Sending>,
}

fn draft_key(channel: Channel) -> String {
    format!("ipl.application.{}", channel_slug(channel))
}

fn receipt_key(channel: Channel) -> String {
    format!("ipl.receipt.{}", channel_slug(channel))
}

impl ApplicationStore {
    /// Opens the form of `channel`: its draft on this device, or a new one with a fresh id and
    /// what the self-check already knows.
    pub fn open(self, channel: Channel, language: &str) {
        if self.channel.get_untracked() == Some(channel) {
            return;
        }
        let saved = device::load_text(&draft_key(channel)).and_then(|text| serde_json::from_str::<Draft>(&text).ok());
        let mut draft = saved.unwrap_or_else(|| Draft::new(device::new_uuid()));
        if let Some(answers) = self.answers.get_value() {
            draft.prefill_from(&answers);
        }
        draft.language = language.to_owned();
        self.channel.set(Some(channel));
        self.draft.set(draft);
        self.sending.set(Sending::Idle);
        if channel == Channel::Youth && !matches!(self.calls.get_untracked(), Some(Ok(_))) {
            self.load_calls();
        }
    }

    pub fn load_calls(self) {
        self.calls.set(None);
        spawn_local(async move { self.calls.set(Some(api::calls().await.map_err(|_| ()))) });
    }

    pub fn open_call_ids(self) -> Vec<String> {
        self.calls.with(|calls| match calls {
            Some(Ok(calls)) => calls.iter().map(|call| call.id.clone()).collect(),
            _ => Vec::new(),
        })
    }

    pub fn update(self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
        if let Some(channel) = self.channel.get_untracked() {
            let text = self.draft.with_untracked(|draft| serde_json::to_string(draft).unwrap_or_default());
            device::save_text(&draft_key(channel), &text);
        }
    }

    /// Every problem of the draft as the server would see it.
    pub fn problems(self) -> Vec<insieme_validation::FieldProblem> {
        let Some(channel) = self.channel.get() else { return Vec::new() };
        let calls = self.open_call_ids();
        let answers = self.answers.get_value();
        self.draft.with(|draft| application::problems(draft, channel, answers.as_ref(), device::today(), &calls))
    }

    /// Sends the application. On success the receipt is kept, the draft deleted and `then`
    /// runs; on failure the draft stays and `sending` says why.
    pub fn send(self, then: impl FnOnce(Receipt) + 'static) {
        let Some(channel) = self.channel.get_untracked() else { return };
        if self.sending.get_untracked() == Sending::InFlight {
            return;
        }
        let answers = self.answers.get_value();
        let submission =
            self.draft.with_untracked(|draft| draft.submission(channel, answers.as_ref(), Instrument::fragility()));
        self.sending.set(Sending::InFlight);
        spawn_local(async move {
            match api::submit_application(&submission).await {
                Ok(receipt) => {
                    device::save_text(&receipt_key(channel), &serde_json::to_string(&receipt).unwrap_or_default());
                    device::forget(&draft_key(channel));
                    self.sending.set(Sending::Idle);
                    self.channel.set(None);
                    then(receipt);
                }
                Err(ApiError::Server { code, fields, .. }) => self.sending.set(Sending::Refused { code, fields }),
                Err(ApiError::Network | ApiError::UnexpectedBody) => self.sending.set(Sending::Offline),
            }
        });
    }

    /// After a conflict (this id was used for other content): the same answers under a new id.
    pub fn renew_id(self) {
        self.update(|draft| draft.id = device::new_uuid());
        self.sending.set(Sending::Idle);
    }
}

/// The receipt of the last application sent from this device for `channel`.
pub fn saved_receipt(channel: Channel) -> Option<Receipt> {
    device::load_text(&receipt_key(channel)).and_then(|text| serde_json::from_str(&text).ok())
}

/// Removes the receipt (and its access code) from this device.
pub fn forget_receipt(channel: Channel) {
    device::forget(&receipt_key(channel));
}

pub fn provide_application_store() -> ApplicationStore {
    let answers = device::load_text(DRAFT_KEY)
        .and_then(|text| self_check_draft::from_text(&text, Instrument::fragility()))
        .map(|check| check.answers)
        .filter(|answers| !answers.fragility.is_empty() || answers.profile != Default::default());
    let store = ApplicationStore {
        channel: RwSignal::new(None),
        draft: RwSignal::new(Draft::default()),
        answers: StoredValue::new(answers),
        calls: RwSignal::new(None),
        sending: RwSignal::new(Sending::Idle),
    };
    provide_context(store);
    store
}

pub fn use_application() -> ApplicationStore {
    expect_context::<ApplicationStore>()
}
