//! Browser edge: CSS media queries (the colour scheme, printing) and their changes.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

pub const DARK: &str = "(prefers-color-scheme: dark)";
pub const PRINT: &str = "print";

fn query(media: &str) -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(media).ok().flatten()
}

/// Whether the page matches `media` now.
pub fn matches(media: &str) -> bool {
    query(media).is_some_and(|query| query.matches())
}

/// Calls `changed` with whether the page matches `media` each time that changes.
pub fn on_change(media: &'static str, changed: impl Fn(bool) + 'static) {
    let Some(list) = query(media) else { return };
    let listener = Closure::<dyn Fn()>::new(move || changed(matches(media)));
    let _ = list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}
