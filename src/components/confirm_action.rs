//! A destructive action asked twice (issue 11): discarding an application, removing a receipt,
//! forgetting the self-check's answers. The first button shows the question in place, with the
//! action and a way back; nothing is removed until the second press. The focus follows (to the
//! question, and back to the button), since the button pressed is hidden. One per page.

use leptos::prelude::*;

use crate::{device, i18n::tr};

/// The keys of the texts: the first button, the question, the second button, the way back.
#[derive(Clone, Copy)]
pub struct ConfirmTexts {
    pub action: &'static str,
    pub question: &'static str,
    pub confirm: &'static str,
    pub keep: &'static str,
}

#[component]
pub fn ConfirmAction(texts: ConfirmTexts, on_confirm: Callback<()>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let ask = move |now: bool| {
        asking.set(now);
        let target = if now { "confirm-question" } else { "confirm-action" };
        request_animation_frame(move || device::focus_element(target));
    };
    view! {
        <div class="no-print">
            <button type="button" id="confirm-action" class="button button--danger" hidden=asking
                on:click=move |_| ask(true)>
                {tr(texts.action)}
            </button>
            <div role="alert" class="notice" hidden=move || !asking.get()>
                <p id="confirm-question" tabindex="-1">{tr(texts.question)}</p>
                <p class="button-row">
                    <button type="button" class="button button--danger" on:click=move |_| on_confirm.run(())>
                        {tr(texts.confirm)}
                    </button>
                    <button type="button" class="button" on:click=move |_| ask(false)>{tr(texts.keep)}</button>
                </p>
            </div>
        </div>
    }
}
