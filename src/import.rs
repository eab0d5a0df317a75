//! Browser edge: roadmap text coming in from the file picker, a drop on the page or a paste.
//! It only reads; what the text means is the model's `import`, what to do with it the
//! planner's.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::model::{ImportError, MAX_FILE_BYTES};

/// Why a chosen or dropped file gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Refused before reading: larger than any roadmap file.
    TooLarge(ImportError),
    Unreadable(&'static str),
}

/// Text offered for import and where it came from, in words for messages: “name.json”.
pub struct Offered {
    pub text: String,
    pub source: String,
}

/// Reads a chosen or dropped file, then hands its text (or why not) to `done`.
pub fn read_file(file: web_sys::File, done: impl FnOnce(Result<Offered, (String, FileError)>) + 'static) {
    let source = format!("“{}”", file.name());
    if file.size() > MAX_FILE_BYTES as f64 {
        let error = ImportError::TooLarge {
            bytes: file.size() as usize,
        };
        done(Err((source, FileError::TooLarge(error))));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let outcome = match text.map(|text| text.as_string()) {
            Ok(Some(text)) => Ok(Offered { text, source }),
            Ok(None) => Err((source, FileError::Unreadable("the file is not text"))),
            Err(_) => Err((
                source,
                FileError::Unreadable("the browser could not read the file"),
            )),
        };
        done(outcome);
    });
}

/// The files chosen in a file input's `change` event. The input is emptied, so that choosing
/// the same file again is a new choice.
pub fn chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|index| list.get(index)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Reads a chosen file's bytes (an outline), refusing one over `limit` bytes before reading;
/// then hands them (or why not) to `done`.
pub fn read_bytes(
    file: web_sys::File,
    limit: usize,
    done: impl FnOnce(Result<Vec<u8>, ReadBytesError>) + 'static,
) {
    if file.size() > limit as f64 {
        done(Err(ReadBytesError::TooLarge(file.size() as usize)));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        done(
            buffer
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .map_err(|_| ReadBytesError::Unreadable),
        );
    });
}

/// Why a chosen file gave no bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadBytesError {
    TooLarge(usize),
    Unreadable,
}

/// Whether a file is a table (CSV, TSV, or Excel's "Unicode text") rather than a roadmap.
pub fn is_table_file(file: &web_sys::File) -> bool {
    let name = file.name().to_lowercase();
    [".csv", ".tsv", ".tab", ".txt"]
        .iter()
        .any(|extension| name.ends_with(extension))
        || matches!(file.type_().as_str(), "text/csv" | "text/tab-separated-values")
}

/// A file's name without its extension: “backlog” for “backlog.csv”.
pub fn file_stem(file: &web_sys::File) -> String {
    let name = file.name();
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name,
    }
}

/// What was pasted outside a text field.
pub enum Pasted {
    /// Text that starts like roadmap JSON.
    Roadmap(Offered),
    /// Cells copied from a spreadsheet: tab-separated rows.
    Cells(String),
}

/// Calls `on_file` for a file dropped anywhere on the page and `on_paste` for roadmap JSON or
/// spreadsheet cells pasted outside a text field, as long as the page lives.
pub fn listen_for_drops_and_pastes(
    on_file: impl Fn(web_sys::File) + 'static,
    on_paste: impl Fn(Pasted) + 'static,
) {
    let Some(window) = web_sys::window() else { return };
    let carries_files = |event: &web_sys::DragEvent| {
        event
            .data_transfer()
            .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
    };
    let dragover = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |event: web_sys::DragEvent| {
        if carries_files(&event) {
            event.prevent_default();
        }
    });
    let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |event: web_sys::DragEvent| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        if let Some(file) = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            on_file(file);
        }
    });
    let paste = Closure::<dyn Fn(web_sys::ClipboardEvent)>::new(move |event: web_sys::ClipboardEvent| {
        let in_text_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_text_field {
            return;
        }
        let Some(text) = event.clipboard_data().and_then(|data| data.get_data("text").ok()) else {
            return;
        };
        if text.trim_start().starts_with('{') {
            event.prevent_default();
            on_paste(Pasted::Roadmap(Offered {
                text,
                source: "The pasted text".to_string(),
            }));
        } else if text.contains('\t') {
            event.prevent_default();
            on_paste(Pasted::Cells(text));
        }
    });
    for (name, listener) in [
        ("dragover", dragover.as_ref()),
        ("drop", drop.as_ref()),
        ("paste", paste.as_ref()),
    ] {
        let _ = window.add_event_listener_with_callback(name, listener.unchecked_ref());
    }
    // Live as long as the page: the listeners are never removed.
    dragover.forget();
    drop.forget();
    paste.forget();
}
