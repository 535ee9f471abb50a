//! The self-check as reactive state: the wizard's answers (restored from and kept on this
//! device) and the assessment the rules engine derives from them, recomputed on every answer.

use insieme_rules::{Assessment, Instrument, assess};
use leptos::prelude::*;

use crate::{
    device,
    state::{
        draft::{self, DRAFT_KEY},
        resume_code,
        self_check::SelfCheck,
    },
};

#[derive(Clone, Copy)]
pub struct SelfCheckStore {
    pub check: RwSignal<SelfCheck>,
    pub assessment: Memo<Assessment>,
    /// Whether the answers came from a resume code in the address (a scanned QR code).
    pub resumed: bool,
    /// How many saved answers were left out because they no longer fit this version.
    pub left_out: usize,
}

impl SelfCheckStore {
    pub fn instrument(self) -> &'static Instrument {
        Instrument::fragility()
    }

    /// Changes the answers; the draft on the device and the assessment follow.
    pub fn update(self, change: impl FnOnce(&mut SelfCheck)) {
        self.check.update(change);
    }

    /// Replaces everything (a resume code read on this device).
    pub fn replace(self, mut check: SelfCheck) {
        check.answers.assessed_on = Some(device::today());
        self.check.set(check);
    }

    /// Forgets every answer, here and in the device's storage.
    pub fn forget(self) {
        self.replace(SelfCheck::default());
    }
}

pub fn provide_self_check_store() -> SelfCheckStore {
    let instrument = Instrument::fragility();
    // A resume code scanned from another device's QR code arrives in the fragment (never sent
    // to the server); it replaces whatever this device had and is kept at once.
    let scanned = device::take_fragment().and_then(|fragment| resume_code::decode(&fragment, instrument));
    if let Some(check) = &scanned {
        device::save_text(DRAFT_KEY, &draft::to_text(check));
    }
    let resumed = scanned.is_some();
    let saved = device::load_text(DRAFT_KEY);
    let read = saved.as_deref().and_then(|text| draft::from_text(text, instrument));
    if read.is_none()
        && scanned.is_none()
        && let Some(text) = &saved
    {
        // Not readable by this version: kept aside, never written over (issue 11).
        device::save_text(draft::KEPT_KEY, text);
    }
    let left_out = if scanned.is_some() { 0 } else { read.as_ref().map_or(0, |(_, left_out)| *left_out) };
    let mut restored = scanned.or(read.map(|(check, _)| check)).unwrap_or_default();
    restored.answers.assessed_on = Some(device::today());
    let check = RwSignal::new(restored);
    let assessment = Memo::new(move |_| check.with(|check| assess(&check.answers, instrument)));
    Effect::new(move |previous: Option<()>| {
        let (is_empty, text) = check.with(|check| (check.is_empty(), draft::to_text(check)));
        // The first run only reads what was just restored; later runs keep each change, and an
        // empty check (after "forget my answers") leaves nothing behind.
        if is_empty {
            device::forget(DRAFT_KEY);
        } else if previous.is_some() {
            device::save_text(DRAFT_KEY, &text);
        }
    });
    let store = SelfCheckStore { check, assessment, resumed, left_out };
    provide_context(store);
    store
}

pub fn use_self_check() -> SelfCheckStore {
    expect_context::<SelfCheckStore>()
}
