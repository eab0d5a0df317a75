//! Browser edge: localStorage. Saves the roadmap, reads it back through the one import path,
//! and sets unreadable data aside instead of ever overwriting it.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use leptos::prelude::*;

use crate::model::{self, Roadmap};
use crate::state::{Planner, Tone};

/// Where the roadmap is kept.
pub const ROADMAP_KEY: &str = "stackplan:roadmap:r1";
/// Unreadable saved text is copied under this prefix plus a timestamp.
pub const RECOVERED_PREFIX: &str = "stackplan:recovered:";

/// What went wrong with browser storage, in words for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageProblem {
    Unavailable,
    Full,
    Unreadable {
        reason: String,
        kept_under: Option<String>,
    },
    WriteRefused(String),
}

impl StorageProblem {
    pub fn message(&self) -> String {
        match self {
            StorageProblem::Unavailable => "This browser does not let Stackplan use its storage (private mode or a \
                 blocked site), so changes are not saved when the page closes. You can keep working; use Export \
                 JSON to keep your roadmap."
                .to_string(),
            StorageProblem::Full => "Browser storage is full, so your latest changes are not saved here. Your work \
                 is still open: use Export JSON to keep it, or free space used by other sites."
                .to_string(),
            StorageProblem::Unreadable { reason, kept_under: Some(key) } => format!(
                "Your saved roadmap could not be read: {reason} Its text was kept aside under \"{key}\" and can \
                 be downloaded below; you are starting from a fresh roadmap."
            ),
            StorageProblem::Unreadable { reason, kept_under: None } => format!(
                "Your saved roadmap could not be read: {reason} There was no room to set it aside, so \
                 changes are not saved until you download it below and reload."
            ),
            StorageProblem::WriteRefused(reason) => {
                format!("Your latest changes could not be saved in this browser ({reason}). Use Export JSON to keep them.")
            }
        }
    }
}

/// What the page starts with.
pub struct Loaded {
    pub roadmap: Roadmap,
    pub problem: Option<StorageProblem>,
    /// False when saving would overwrite data that could not be set aside.
    pub autosave: bool,
    /// The unreadable text, offered to the user as a download.
    pub unreadable_text: Option<String>,
}

fn is_available() -> bool {
    web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))))
}

/// Reads the saved roadmap; a first visit (nothing saved) starts a fresh one.
pub fn load() -> Loaded {
    let fresh = |problem, autosave, unreadable_text| Loaded {
        roadmap: Roadmap::default(),
        problem,
        autosave,
        unreadable_text,
    };
    if !is_available() {
        return fresh(Some(StorageProblem::Unavailable), false, None);
    }
    let text = match LocalStorage::raw().get_item(ROADMAP_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return fresh(None, true, None),
        Err(_) => return fresh(Some(StorageProblem::Unavailable), false, None),
    };
    match model::import(&text) {
        Ok(roadmap) => Loaded {
            roadmap,
            problem: None,
            autosave: true,
            unreadable_text: None,
        },
        Err(error) => {
            let kept_under = format!("{RECOVERED_PREFIX}{}", js_sys::Date::now() as u64);
            let kept = LocalStorage::raw().set_item(&kept_under, &text).is_ok();
            let problem = StorageProblem::Unreadable {
                reason: error.to_string(),
                kept_under: kept.then_some(kept_under),
            };
            fresh(Some(problem), kept, Some(text))
        }
    }
}

/// Saves the roadmap (compact; read back with `model::import`).
pub fn save(roadmap: &Roadmap) -> Result<(), StorageProblem> {
    if !is_available() {
        return Err(StorageProblem::Unavailable);
    }
    LocalStorage::raw()
        .set_item(ROADMAP_KEY, &model::to_storage_text(roadmap))
        .map_err(|error| match error.dyn_ref::<web_sys::DomException>() {
            Some(exception) if exception.name() == "QuotaExceededError" => StorageProblem::Full,
            Some(exception) => StorageProblem::WriteRefused(exception.message()),
            None => StorageProblem::WriteRefused("the browser refused to store it".to_string()),
        })
}

/// Saves after every change, a moment after the last one (a drag changes the roadmap many
/// times a second), and at once when the page is hidden or closed.
pub fn autosave(planner: Planner) {
    use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle, window_event_listener};

    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let last_problem: StoredValue<Option<StorageProblem>> = StoredValue::new(None);
    let save_now = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let result = planner.roadmap.with_untracked(save);
        let problem = result.err();
        if problem != last_problem.get_value() {
            if let Some(problem) = &problem {
                planner.tell(Tone::Error, problem.message());
            }
            last_problem.set_value(problem);
        }
    };
    Effect::new(move |previous: Option<()>| {
        planner.roadmap.track();
        // The first run is the roadmap just loaded: nothing to save yet.
        if previous.is_some() {
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(save_now, std::time::Duration::from_millis(300)).ok();
            pending.set_value(handle);
        }
    });
    let flush = move || {
        if pending.with_value(Option::is_some) {
            save_now();
        }
    };
    // Lives as long as the page: the listeners are never removed.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let _ = window_event_listener(leptos::ev::beforeunload, move |_| flush());
}
