//! Mounts the back-office app (`/ufficio/...`): partners and operators. Nothing else happens here.

fn main() {
    // Panic messages in the console while developing; release builds leave the hook out (about
    // 0.6 KB of the first load) and a panic stops the app as before.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(insieme_app::app::BackOfficeApp);
}
