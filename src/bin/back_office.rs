//! Mounts the back-office app (`/ufficio/...`): partners and operators. Nothing else happens here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(insieme_app::app::BackOfficeApp);
}
