//! Browser edge: putting text on the clipboard.

/// Writes `text` to the clipboard, then calls `done` with the outcome.
pub fn copy_text(text: String, done: impl FnOnce(Result<(), &'static str>) + 'static) {
    let Some(clipboard) = web_sys::window().map(|window| window.navigator().clipboard()) else {
        done(Err("this page has no clipboard"));
        return;
    };
    let written = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(written)
            .await
            .map(|_| ())
            .map_err(|_| "the browser did not allow the page to use the clipboard");
        done(outcome);
    });
}
