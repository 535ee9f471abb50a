//! One radio button with its label, large enough to tap, for the wizard's questions.

use leptos::prelude::*;

#[component]
pub fn Choice(
    id: String,
    name: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] label: Signal<String>,
    on_select: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="choice">
            <input type="radio" class="choice__input" id=id.clone() name=name
                prop:checked=move || checked.get()
                on:change=move |_| on_select.run(()) />
            <label class="choice__label" for=id>{move || label.get()}</label>
        </div>
    }
}
