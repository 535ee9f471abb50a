//! Mounts the applications app (`/domanda/...`). Nothing else happens here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(insieme_app::app::ApplyApp);
}
