//! Browser edge: the page's own address and its #fragment (where share links carry a roadmap).

/// The page's fragment without the `#`, if it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    (!fragment.is_empty()).then(|| fragment.to_string())
}

/// The page's address with `fragment` in place of any it has.
pub fn with_fragment(fragment: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split_once('#').map_or(href.as_str(), |(page, _)| page);
    Some(format!("{page}#{fragment}"))
}

/// Drops the fragment from the address bar without a reload or a history entry, so a reload
/// does not open the same link again.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}
