//! A QR code drawn as SVG (one path, crisp at any size and in print), with its text as the
//! accessible name. The code is made on the device by `qrcodegen`.

use leptos::prelude::*;
use qrcodegen::{QrCode as Code, QrCodeEcc};

/// The SVG path of the dark modules and the side length in modules (with a 4-module margin).
pub fn svg_path(text: &str) -> Option<(String, i32)> {
    // Short texts (a reference) get more error correction; long ones (a resume code) must fit.
    let ecc = if text.len() > 200 { QrCodeEcc::Low } else { QrCodeEcc::Medium };
    let code = Code::encode_text(text, ecc).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((path, size + 8))
}

#[component]
pub fn QrCode(
    text: String,
    #[prop(into)] label: Signal<String>,
    /// Long texts make dense codes: draw them large enough to scan from a screen.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    svg_path(&text).map(|(path, side)| {
        view! {
            <svg class=if large { "qr-code qr-code--large" } else { "qr-code" } role="img" aria-label=move || label.get() viewBox=format!("0 0 {side} {side}")
                xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                <rect width=side height=side fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
    })
}
