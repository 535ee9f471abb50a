//! The browser app of Insieme per il lavoro (Leptos, client-side rendered, WebAssembly).
//!
//! Modules in reading order: the shell and its routes, the only module that talks HTTP, the
//! pages, and the components they are built from. All visible text comes from `locales/`.

pub mod api;
pub mod app;
pub mod application_store;
pub mod components;
pub mod device;
pub mod i18n;
pub mod navigation;
pub mod pages;
pub mod state;
pub mod store;
pub mod texts;

pub use app::App;

/// Talc instead of the default dlmalloc: the same service in fewer bytes of every first load
/// (ARCHITECTURE.md, "Size"). The browser runs one thread.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
