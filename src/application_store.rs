//! The application being filled, as reactive state: the draft of the open channel (kept on the
//! device after every change, deleted only once the server confirmed it), the self-check
//! answers it carries, the open calls, and sending with its outcome.

use insieme_api::{CallView, ErrorCode, Receipt};
use insieme_rules::{Answers, Instrument};
use insieme_validation::OpenCall;
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiError},
    device,
    state::{
        application::{self, Draft, Form, SelfCheckUse},
        draft::{self as self_check_draft, DRAFT_KEY},
        receipts::{LEGACY_KEY_PREFIX, RECEIPTS_KEY, ReceiptBook},
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
    pub form: RwSignal<Option<Form>>,
    pub draft: RwSignal<Draft>,
    /// The self-check answers on this device, if any.
    pub answers: StoredValue<Option<Answers>>,
    /// `None` while loading; `Some(Err)` when the server could not be reached.
    pub calls: RwSignal<Option<Result<Vec<CallView>, ()>>>,
    pub sending: RwSignal<Sending>,
    /// A draft of the open form that this version could not read, kept aside for the person.
    pub kept: RwSignal<Option<String>>,
}

fn draft_key(form: Form) -> String {
    format!("ipl.application.{}", form.slug())
}

/// Where a draft this version cannot read is kept aside, never written over (issue 11).
fn kept_key(form: Form) -> String {
    format!("{}.kept", draft_key(form))
}

impl ApplicationStore {
    /// Opens `form`: its draft on this device, or a new one with a fresh id. The self-check
    /// on this device fills in what it knows only once the person said it is theirs, or when
    /// they came from their own result (`from_own_result`). The page's language is followed
    /// (it may arrive after the page, with its texts) until the first attempt to send.
    pub fn open(self, form: Form, language: &str, from_own_result: bool) {
        if self.form.get_untracked() == Some(form) {
            if self.draft.with_untracked(|draft| !draft.is_frozen() && draft.language != language) {
                self.update(|draft| draft.language = language.to_owned());
            }
            return;
        }
        let text = device::load_text(&draft_key(form));
        let saved = text.as_deref().and_then(|text| serde_json::from_str::<Draft>(text).ok());
        if saved.is_none()
            && let Some(text) = &text
        {
            device::save_text(&kept_key(form), text);
        }
        self.kept.set(device::load_text(&kept_key(form)));
        let mut draft = saved.unwrap_or_else(|| Draft::new(device::new_uuid()));
        if from_own_result && self.answers.with_value(Option::is_some) {
            draft.self_check = SelfCheckUse::Use;
        }
        if draft.self_check == SelfCheckUse::Use
            && let Some(answers) = self.answers.get_value()
        {
            draft.prefill_from(&answers);
        }
        if !draft.is_frozen() {
            draft.language = language.to_owned();
        }
        self.form.set(Some(form));
        self.draft.set(draft);
        self.sending.set(Sending::Idle);
        if form.channel() == insieme_api::Channel::Youth && !matches!(self.calls.get_untracked(), Some(Ok(_))) {
            self.load_calls();
        }
    }

    /// The self-check on this device waits for the person to say whether it is theirs.
    pub fn self_check_undecided(self) -> bool {
        self.answers.with_value(Option::is_some) && self.draft.with(|draft| draft.self_check == SelfCheckUse::Undecided)
    }

    /// The person's word on the self-check on this device; "mine" fills in what it knows.
    pub fn choose_self_check(self, choice: SelfCheckUse) {
        let answers = self.answers.get_value();
        self.update(|draft| {
            draft.self_check = choice;
            if let (SelfCheckUse::Use, Some(answers)) = (choice, &answers) {
                draft.prefill_from(answers);
            }
        });
    }

    pub fn load_calls(self) {
        self.calls.set(None);
        spawn_local(async move { self.calls.set(Some(api::calls().await.map_err(|_| ()))) });
    }

    pub fn open_calls(self) -> Vec<OpenCall> {
        self.calls.with(|calls| match calls {
            Some(Ok(calls)) => calls
                .iter()
                .map(|call| OpenCall { id: call.id.clone(), for_organisations: call.is_for_organisations() })
                .collect(),
            _ => Vec::new(),
        })
    }

    pub fn update(self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
        if let Some(form) = self.form.get_untracked() {
            let text = self.draft.with_untracked(|draft| serde_json::to_string(draft).unwrap_or_default());
            device::save_text(&draft_key(form), &text);
        }
    }

    /// Every problem of the draft as the server would see it.
    pub fn problems(self) -> Vec<insieme_validation::FieldProblem> {
        let Some(form) = self.form.get() else { return Vec::new() };
        let calls = self.open_calls();
        let answers = self.answers.get_value();
        self.draft.with(|draft| application::problems(draft, form, answers.as_ref(), device::today(), &calls))
    }

    /// Sends the application. On success the receipt is kept, the draft deleted and `then`
    /// runs; on failure the draft stays and `sending` says why.
    pub fn send(self, then: impl FnOnce(Receipt) + 'static) {
        let Some(form) = self.form.get_untracked() else { return };
        if self.sending.get_untracked() == Sending::InFlight {
            return;
        }
        let answers = self.answers.get_value();
        self.update(|draft| draft.freeze(form, answers.as_ref()));
        let submission =
            self.draft.with_untracked(|draft| draft.submission(form, answers.as_ref(), Instrument::fragility()));
        self.sending.set(Sending::InFlight);
        spawn_local(async move {
            match api::submit_application(&submission).await {
                Ok(receipt) => {
                    // Kept if the browser lets us; shown anyway (the receipt page gets it in the
                    // address's fragment), so the draft can go.
                    keep_receipt(&receipt);
                    device::forget(&draft_key(form));
                    self.sending.set(Sending::Idle);
                    self.form.set(None);
                    then(receipt);
                }
                Err(ApiError::Server { code, fields, .. }) => {
                    // Refused, so not stored: the next attempt is built from the draft again.
                    self.update(Draft::thaw);
                    self.sending.set(Sending::Refused { code, fields });
                }
                Err(ApiError::Network | ApiError::UnexpectedBody) => self.sending.set(Sending::Offline),
            }
        });
    }

    /// Deletes the open draft from this device (a shared phone, a change of mind); the next
    /// visit starts a new one with a new id.
    pub fn discard(self) {
        if let Some(form) = self.form.get_untracked() {
            device::forget(&draft_key(form));
        }
        self.form.set(None);
        self.draft.set(Draft::default());
        self.sending.set(Sending::Idle);
    }

    /// Removes the draft kept aside, once the person has what they need from it.
    pub fn forget_kept(self) {
        if let Some(form) = self.form.get_untracked() {
            device::forget(&kept_key(form));
        }
        self.kept.set(None);
    }

    /// After a conflict (this id was used for other content): the same answers under a new id.
    pub fn renew_id(self) {
        self.update(|draft| draft.id = device::new_uuid());
        self.sending.set(Sending::Idle);
    }
}

/// Every receipt kept on this device, newest first; the first release's one receipt per form
/// is moved into the list the first time it is read.
pub fn saved_receipts() -> ReceiptBook {
    let mut book = ReceiptBook::from_text(device::load_text(RECEIPTS_KEY).as_deref());
    for form in Form::ALL {
        let legacy_key = format!("{LEGACY_KEY_PREFIX}{}", form.slug());
        let Some(legacy) = device::load_text(&legacy_key).and_then(|text| serde_json::from_str::<Receipt>(&text).ok())
        else {
            continue;
        };
        if !book.holds(&legacy.reference) {
            book.receipts.push(legacy);
        }
        if device::save_text(RECEIPTS_KEY, &book.to_text()) {
            device::forget(&legacy_key);
        }
    }
    book
}

/// Adds `receipt` to the device's receipts; false when the browser refused to store it.
pub fn keep_receipt(receipt: &Receipt) -> bool {
    let mut book = saved_receipts();
    book.keep(receipt.clone());
    device::save_text(RECEIPTS_KEY, &book.to_text())
}

/// Removes one receipt (and its access code) from this device.
pub fn forget_receipt(reference: &str) {
    let mut book = saved_receipts();
    book.forget(reference);
    device::save_text(RECEIPTS_KEY, &book.to_text());
}

pub fn provide_application_store() -> ApplicationStore {
    let answers = device::load_text(DRAFT_KEY)
        .and_then(|text| self_check_draft::from_text(&text, Instrument::fragility()))
        .map(|(check, _)| check.answers)
        .filter(|answers| !answers.fragility.is_empty() || answers.profile != Default::default());
    let store = ApplicationStore {
        form: RwSignal::new(None),
        draft: RwSignal::new(Draft::default()),
        answers: StoredValue::new(answers),
        calls: RwSignal::new(None),
        sending: RwSignal::new(Sending::Idle),
        kept: RwSignal::new(None),
    };
    provide_context(store);
    store
}

pub fn use_application() -> ApplicationStore {
    expect_context::<ApplicationStore>()
}
