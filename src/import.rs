//! Bringing a roadmap file in: from the file picker, a drop on the page or a paste.
//! Every path ends in the same check, and nothing changes before the user confirms.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::files;
use crate::model::{self, MAX_FILE_BYTES};
use crate::state::{Confirmation, Planner, Tone};

/// Checks `text` and, if it is a roadmap, asks the user what to do with it.
pub fn offer(planner: Planner, text: &str, source: &str) {
    match model::import(text) {
        Ok(roadmap) => planner.confirmation.set(Some(Confirmation::Import {
            roadmap: Box::new(roadmap),
            source: source.to_string(),
        })),
        Err(error) => planner.tell(
            Tone::Error,
            format!("{source} was not imported; your roadmap is unchanged. {error}"),
        ),
    }
}

/// Reads a chosen or dropped file, then offers it.
pub fn offer_file(planner: Planner, file: web_sys::File) {
    let source = format!("“{}”", file.name());
    if file.size() > MAX_FILE_BYTES as f64 {
        let error = model::ImportError::TooLarge {
            bytes: file.size() as usize,
        };
        planner.tell(
            Tone::Error,
            format!("{source} was not imported; your roadmap is unchanged. {error}"),
        );
        return;
    }
    leptos::task::spawn_local(async move {
        match files::read_text(&file).await {
            Ok(text) => offer(planner, &text, &source),
            Err(reason) => planner.tell(Tone::Error, format!("{source} could not be read: {reason}.")),
        }
    });
}

/// Files dropped anywhere on the page, and roadmap JSON pasted outside a text field.
pub fn listen_for_drops_and_pastes(planner: Planner) {
    use leptos::leptos_dom::helpers::window_event_listener;

    let carries_files = |event: &web_sys::DragEvent| {
        event
            .data_transfer()
            .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
    };
    // Lives as long as the page: the listeners are never removed.
    let _ = window_event_listener(leptos::ev::dragover, move |event| {
        if carries_files(&event) {
            event.prevent_default();
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        if let Some(file) = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            offer_file(planner, file);
        }
    });
    let _ = window_event_listener(leptos::ev::paste, move |event| {
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
            offer(planner, &text, "The pasted text");
        }
    });
}
