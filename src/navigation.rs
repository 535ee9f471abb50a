//! Navigation for the self-check app without a router library: the path is a signal kept in
//! step with the browser's history (pushState on a link or Continue, popstate on Back/Forward).
//! The public app uses leptos_router; the self-check app uses this, which keeps its first load
//! within budget. `NavLink` asks the running app how to render a link.

use leptos::{ev, prelude::*};

use insieme_api::paths::Bundle;

/// The current path of the self-check app.
#[derive(Clone, Copy)]
pub struct Location {
    path: RwSignal<String>,
}

impl Location {
    pub fn path(self) -> String {
        self.path.get()
    }

    /// Goes to `path` inside the app: a new history entry, the page scrolled to the top.
    pub fn go(self, path: &str) {
        if let Some(window) = web_sys::window() {
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.path.set(path.to_owned());
    }

    /// Replaces the current history entry (a redirect).
    pub fn replace(self, path: &str) {
        if let Some(Ok(history)) = web_sys::window().map(|window| window.history()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
        self.path.set(path.to_owned());
    }
}

fn current_path() -> String {
    web_sys::window().and_then(|window| window.location().pathname().ok()).unwrap_or_else(|| "/".to_owned())
}

/// Starts following the browser's location; call once at the root of the self-check app.
pub fn provide_location() -> Location {
    let location = Location { path: RwSignal::new(current_path()) };
    // Following a link to a field of the same page (`#comune` in an error summary) also fires
    // popstate: the page must stay as it is, with its problems shown.
    let handle = window_event_listener(ev::popstate, move |_| {
        let path = current_path();
        if location.path.get_untracked() != path {
            location.path.set(path);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(location);
    location
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A link inside the self-check app: a plain click navigates without reloading; a click with a
/// modifier (new tab, new window) is left to the browser.
#[component]
pub fn Link(#[prop(into)] href: String, #[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    let location = use_location();
    let target = href.clone();
    let on_click = move |event: ev::MouseEvent| {
        let plain =
            event.button() == 0 && !event.ctrl_key() && !event.meta_key() && !event.shift_key() && !event.alt_key();
        if plain {
            event.prevent_default();
            location.go(&target);
        }
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }
}

/// How the running app renders a link to one of its own paths (set once at its root).
#[derive(Clone, Copy)]
pub struct InternalLinks(pub fn(&'static str, &'static str, Children) -> AnyView);

/// A link that stays inside the running app when the path is its own (client-side navigation)
/// and loads the other app otherwise.
#[component]
pub fn NavLink(href: &'static str, #[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    let running = use_context::<Bundle>().unwrap_or(Bundle::Public);
    match use_context::<InternalLinks>() {
        Some(InternalLinks(render)) if Bundle::for_path(href) == running => render(href, class, children),
        _ => view! { <a href=href class=class rel="external">{children()}</a> }.into_any(),
    }
}
