//! Browser edge: files the user downloads.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let failed = |_: JsValue| "the browser refused to create the file".to_string();
    let window = web_sys::window().ok_or("no browser window")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    download_url(file_name, &url)?;
    // The click has started the download; the URL can go once the browser has read it.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}

/// Offers what `url` (an object or data URL) holds as a download named `file_name`.
pub fn download_url(file_name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser refused to create a link".to_string())?
        .dyn_into()
        .map_err(|_| "the browser refused to create a link".to_string())?;
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Ok(())
}
