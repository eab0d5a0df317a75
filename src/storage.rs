//! Browser edge: localStorage. Typed reads and writes of roadmaps and the workspace, the
//! other tabs' writes as typed events, and a lock so that two tabs never interleave a save.
//! Unreadable data is set aside instead of ever being overwritten. No planner, no signals:
//! the autosave module decides when to call what.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::model::backlog::SavedMapping;
use crate::model::{self, ImportError, OutlineLibrary, Roadmap, RoadmapEntry, RoadmapId, Workspace};

/// The list of roadmaps and which one is open.
pub const WORKSPACE_KEY: &str = "stackplan:workspace";
/// Each roadmap is kept under this prefix plus its id.
pub const ROADMAP_PREFIX: &str = "stackplan:roadmap:";
/// The outlines imported into the catalog, and which one it shows.
pub const OUTLINES_KEY: &str = "stackplan:outlines";
/// The column mappings last used for CSV headers, newest first.
pub const BACKLOG_MAPPINGS_KEY: &str = "stackplan:backlog-mappings";
/// How many header rows' mappings are remembered.
const REMEMBERED_MAPPINGS: usize = 20;
/// Unreadable saved text is copied under this prefix plus a timestamp.
pub const RECOVERED_PREFIX: &str = "stackplan:recovered:";

/// What went wrong with browser storage, in words for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageProblem {
    Unavailable,
    Full,
    Unreadable {
        error: ImportError,
        kept_under: Option<String>,
    },
    /// Saved, but the roadmap fills most of what a browser keeps for one site.
    NearlyFull {
        chars: usize,
    },
    WriteRefused(String),
    /// Another tab changed the open roadmap while this one had unsaved changes.
    Conflict,
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
            StorageProblem::Unreadable { error, kept_under: Some(key) } => format!(
                "Your saved roadmap could not be read: {error} Its text was kept aside under \"{key}\" and can \
                 be downloaded below; you are starting from a fresh roadmap."
            ),
            StorageProblem::Unreadable { error, kept_under: None } => format!(
                "Your saved roadmap could not be read: {error} There was no room to set it aside, so \
                 changes are not saved until you download it below and reload."
            ),
            StorageProblem::NearlyFull { chars } => format!(
                "This roadmap is saved, but it takes {:.1} million of the about {:.0} million characters a \
                 browser keeps for one site. Export JSON to keep a copy, and split it or delete roadmaps you no \
                 longer need before it stops fitting.",
                *chars as f64 / 1e6,
                model::STORAGE_LIMIT_CHARS as f64 / 1e6
            ),
            StorageProblem::Conflict => "This roadmap was changed in another tab while you were editing it here. \
                 Nothing was overwritten: choose which version to keep."
                .to_string(),
            StorageProblem::WriteRefused(reason) => {
                format!("Your latest changes could not be saved in this browser ({reason}). Use Export JSON to keep them.")
            }
        }
    }
}

/// What the page starts with.
pub struct Loaded {
    pub workspace: Workspace,
    pub roadmap: Roadmap,
    pub problem: Option<StorageProblem>,
    /// False when saving would overwrite data that could not be set aside, or storage is off.
    pub autosave: bool,
    /// The unreadable text, offered to the user as a download.
    pub unreadable_text: Option<String>,
    /// The open roadmap's text exactly as stored: what the autosave checks is still there
    /// before it writes (another tab may have changed it).
    pub stored_text: Option<String>,
}

/// A stored roadmap as found.
pub enum Stored {
    Missing,
    Found {
        roadmap: Roadmap,
        text: String,
    },
    Unreadable {
        problem: StorageProblem,
        text: String,
        kept: bool,
    },
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

fn is_available() -> bool {
    storage().is_some()
}

fn roadmap_key(id: &RoadmapId) -> String {
    format!("{ROADMAP_PREFIX}{}", id.as_str())
}

fn write(key: &str, text: &str) -> Result<(), StorageProblem> {
    let storage = storage().ok_or(StorageProblem::Unavailable)?;
    storage
        .set_item(key, text)
        .map_err(|error| match error.dyn_ref::<web_sys::DomException>() {
            Some(exception) if exception.name() == "QuotaExceededError" => StorageProblem::Full,
            Some(exception) => StorageProblem::WriteRefused(exception.message()),
            None => StorageProblem::WriteRefused("the browser refused to store it".to_string()),
        })
}

/// Copies unreadable text under a recovery key; the key, if there was room.
fn set_aside(text: &str) -> Option<String> {
    let key = format!("{RECOVERED_PREFIX}{}", js_sys::Date::now() as u64);
    write(&key, text).ok().map(|()| key)
}

/// The stored text of a roadmap, exactly as kept.
pub fn stored_text(id: &RoadmapId) -> Option<String> {
    storage()?.get_item(&roadmap_key(id)).ok().flatten()
}

/// Reads one roadmap through the same import path as files; unreadable text is set aside.
pub fn read(id: &RoadmapId) -> Stored {
    let Some(text) = stored_text(id) else {
        return Stored::Missing;
    };
    match model::read_storage_text(&text) {
        Ok(roadmap) => Stored::Found { roadmap, text },
        Err(error) => {
            let kept_under = set_aside(&text);
            let kept = kept_under.is_some();
            let problem = StorageProblem::Unreadable { error, kept_under };
            Stored::Unreadable { problem, text, kept }
        }
    }
}

/// Rebuilds the list of roadmaps from the roadmaps themselves (first visit, or a lost index).
fn scan() -> Workspace {
    let mut entries = Vec::new();
    if let Some(storage) = storage() {
        let count = storage.length().unwrap_or(0);
        for index in 0..count {
            let Some(id) = storage
                .key(index)
                .ok()
                .flatten()
                .and_then(|key| key.strip_prefix(ROADMAP_PREFIX).map(str::to_string))
            else {
                continue;
            };
            let id = RoadmapId(id);
            let name = match read_name(&id) {
                Some(name) => name,
                None => "Unreadable roadmap".to_string(),
            };
            entries.push(RoadmapEntry { id, name });
        }
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    match entries.first() {
        Some(first) => Workspace {
            active: first.id.clone(),
            roadmaps: entries,
        },
        None => first_workspace(),
    }
}

/// The workspace of a first visit: one roadmap, `r1`.
fn first_workspace() -> Workspace {
    Workspace::new(RoadmapEntry {
        id: RoadmapId("r1".to_string()),
        name: Roadmap::default().name,
    })
}

/// An empty roadmap for a workspace entry that has nothing stored yet, under the entry's name.
pub fn blank(workspace: &Workspace, id: &RoadmapId) -> Roadmap {
    workspace
        .entry(id)
        .map_or_else(Roadmap::default, |entry| Roadmap::new(entry.name.clone()))
}

fn read_name(id: &RoadmapId) -> Option<String> {
    model::read_storage_text(&stored_text(id)?)
        .ok()
        .map(|roadmap| roadmap.name)
}

/// Reads the workspace and its open roadmap; a first visit starts a fresh one.
pub fn load() -> Loaded {
    if !is_available() {
        return Loaded {
            workspace: first_workspace(),
            roadmap: Roadmap::default(),
            problem: Some(StorageProblem::Unavailable),
            autosave: false,
            unreadable_text: None,
            stored_text: None,
        };
    }
    let workspace = match LocalStorage::get::<Workspace>(WORKSPACE_KEY) {
        Ok(workspace) => workspace.mended().unwrap_or_else(scan),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => scan(),
        Err(_) => {
            // An unreadable index is set aside too; the roadmaps themselves are intact.
            if let Some(text) = storage().and_then(|storage| storage.get_item(WORKSPACE_KEY).ok().flatten()) {
                set_aside(&text);
            }
            scan()
        }
    };
    match read(&workspace.active) {
        Stored::Found { roadmap, text } => Loaded {
            roadmap,
            workspace,
            problem: None,
            autosave: true,
            unreadable_text: None,
            stored_text: Some(text),
        },
        Stored::Missing => Loaded {
            roadmap: blank(&workspace, &workspace.active),
            workspace,
            problem: None,
            autosave: true,
            unreadable_text: None,
            stored_text: None,
        },
        // A fresh start, not named after the placeholder of the unreadable entry.
        Stored::Unreadable { problem, text, kept } => {
            let roadmap = Roadmap::default();
            let mut workspace = workspace;
            let active = workspace.active.clone();
            workspace.rename(&active, &roadmap.name);
            Loaded {
                roadmap,
                workspace,
                problem: Some(problem),
                autosave: kept,
                unreadable_text: Some(text.clone()),
                stored_text: Some(text),
            }
        }
    }
}

/// Saves a roadmap (compact, deflated when large); returns the text written.
pub fn save(id: &RoadmapId, roadmap: &Roadmap) -> Result<String, StorageProblem> {
    let text = model::storage_text(roadmap);
    write(&roadmap_key(id), &text)?;
    Ok(text)
}

/// Whether a saved text is close enough to the browser's limit to warn about.
pub fn nearly_full(text: &str) -> Option<StorageProblem> {
    let chars = text.encode_utf16().count();
    model::storage_is_nearly_full(chars).then_some(StorageProblem::NearlyFull { chars })
}

/// The list of roadmaps as stored now; `None` when there is none or it cannot be read.
pub fn read_workspace() -> Option<Workspace> {
    LocalStorage::get::<Workspace>(WORKSPACE_KEY)
        .ok()
        .and_then(Workspace::mended)
}

pub fn save_workspace(workspace: &Workspace) -> Result<(), StorageProblem> {
    if !is_available() {
        return Err(StorageProblem::Unavailable);
    }
    LocalStorage::set(WORKSPACE_KEY, workspace).map_err(|error| match error {
        gloo_storage::errors::StorageError::JsError(error) if error.name == "QuotaExceededError" => {
            StorageProblem::Full
        }
        other => StorageProblem::WriteRefused(other.to_string()),
    })
}

/// The imported outlines; none (the built-in one only) when nothing is stored or it cannot be read.
pub fn read_outlines() -> OutlineLibrary {
    storage()
        .and_then(|storage| storage.get_item(OUTLINES_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save_outlines(library: &OutlineLibrary) -> Result<(), StorageProblem> {
    write(OUTLINES_KEY, &serde_json::to_string(library).unwrap_or_default())
}

/// The mappings remembered per header signature, newest first; unreadable ones are forgotten.
fn backlog_mappings() -> Vec<(String, SavedMapping)> {
    storage()
        .and_then(|storage| storage.get_item(BACKLOG_MAPPINGS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The mapping used last for a CSV header with this signature.
pub fn remembered_backlog_mapping(signature: &str) -> Option<SavedMapping> {
    backlog_mappings()
        .into_iter()
        .find(|(known, _)| known == signature)
        .map(|(_, mapping)| mapping)
}

/// Remembers the mapping used for a CSV header. A full storage only loses the suggestion.
pub fn remember_backlog_mapping(signature: &str, mapping: &SavedMapping) {
    let mut mappings = backlog_mappings();
    mappings.retain(|(known, _)| known != signature);
    mappings.insert(0, (signature.to_string(), mapping.clone()));
    mappings.truncate(REMEMBERED_MAPPINGS);
    if let Ok(text) = serde_json::to_string(&mappings) {
        let _ = write(BACKLOG_MAPPINGS_KEY, &text);
    }
}

pub fn remove(id: &RoadmapId) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&roadmap_key(id));
    }
}

/// A write by another tab, as the `storage` event reports it.
pub enum StorageChange {
    /// The list of roadmaps; `None` when it was removed or cannot be read.
    Workspace(Option<Workspace>),
    /// One roadmap's text; `None` when it was deleted.
    Roadmap { id: RoadmapId, text: Option<String> },
}

/// Calls `handle` for every write another tab makes to Stackplan's keys, as long as the page lives.
pub fn on_other_tab(handle: impl Fn(StorageChange) + 'static) {
    let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        let Some(key) = event.key() else { return };
        if key == WORKSPACE_KEY {
            let workspace = event
                .new_value()
                .and_then(|text| serde_json::from_str::<Workspace>(&text).ok())
                .and_then(Workspace::mended);
            handle(StorageChange::Workspace(workspace));
        } else if let Some(id) = key.strip_prefix(ROADMAP_PREFIX) {
            handle(StorageChange::Roadmap {
                id: RoadmapId(id.to_string()),
                text: event.new_value(),
            });
        }
    });
    listen("storage", listener);
}

/// Calls `handle` when the page is hidden or about to unload: the last moment to save.
pub fn on_leaving(handle: impl Fn() + 'static) {
    let handle = std::rc::Rc::new(handle);
    for event in ["pagehide", "beforeunload"] {
        let handle = std::rc::Rc::clone(&handle);
        listen(
            event,
            Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| handle()),
        );
    }
}

fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(event: &str, listener: Closure<dyn Fn(E)>) {
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    // Lives as long as the page: the listener is never removed.
    listener.forget();
}

/// Runs `save` while holding the page-wide save lock (the Web Locks API), so a read, compare
/// and write in one tab never interleaves with another tab's. Where the API is missing,
/// `save` runs at once and the compare-before-write check alone guards against other tabs.
pub fn with_save_lock(save: impl FnOnce() + 'static) {
    let locks = web_sys::window()
        .map(|window| window.navigator())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"locks".into()).ok())
        .filter(|locks| !locks.is_undefined() && !locks.is_null());
    let request = locks.as_ref().and_then(|locks| {
        js_sys::Reflect::get(locks, &"request".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        save();
        return;
    };
    let pending = std::rc::Rc::new(std::cell::Cell::new(Some(save)));
    let locked = {
        let pending = std::rc::Rc::clone(&pending);
        Closure::once_into_js(move || {
            if let Some(save) = pending.take() {
                save();
            }
        })
    };
    if request.call2(&locks, &"stackplan:save".into(), &locked).is_err() {
        // The browser refused the request: save without the lock rather than not at all.
        if let Some(save) = pending.take() {
            save();
        }
    }
}
