//! Browser edge: localStorage. Saves the roadmap, reads it back through the one import path,
//! and sets unreadable data aside instead of ever overwriting it.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use leptos::prelude::*;

use crate::model::{self, Roadmap, RoadmapEntry, RoadmapId, Workspace};
use crate::state::{Confirmation, Planner, Tone};

/// The list of roadmaps and which one is open.
pub const WORKSPACE_KEY: &str = "stackplan:workspace";
/// Each roadmap is kept under this prefix plus its id.
pub const ROADMAP_PREFIX: &str = "stackplan:roadmap:";
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
            StorageProblem::Unreadable { reason, kept_under: Some(key) } => format!(
                "Your saved roadmap could not be read: {reason} Its text was kept aside under \"{key}\" and can \
                 be downloaded below; you are starting from a fresh roadmap."
            ),
            StorageProblem::Unreadable { reason, kept_under: None } => format!(
                "Your saved roadmap could not be read: {reason} There was no room to set it aside, so \
                 changes are not saved until you download it below and reload."
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

pub fn is_available() -> bool {
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
    match model::import(&text) {
        Ok(roadmap) => Stored::Found { roadmap, text },
        Err(error) => {
            let kept_under = set_aside(&text);
            let kept = kept_under.is_some();
            let problem = StorageProblem::Unreadable {
                reason: error.to_string(),
                kept_under,
            };
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
    model::import(&stored_text(id)?).ok().map(|roadmap| roadmap.name)
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
        Stored::Found { roadmap, .. } => Loaded {
            roadmap,
            workspace,
            problem: None,
            autosave: true,
            unreadable_text: None,
        },
        Stored::Missing => Loaded {
            roadmap: blank(&workspace, &workspace.active),
            workspace,
            problem: None,
            autosave: true,
            unreadable_text: None,
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
                unreadable_text: Some(text),
            }
        }
    }
}

/// Saves a roadmap (compact; read back with `model::import`); returns the text written.
pub fn save(id: &RoadmapId, roadmap: &Roadmap) -> Result<String, StorageProblem> {
    let text = model::to_storage_text(roadmap);
    write(&roadmap_key(id), &text)?;
    Ok(text)
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

pub fn remove(id: &RoadmapId) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&roadmap_key(id));
    }
}

/// Saving in the background, and keeping in step with other tabs: one per page.
#[derive(Clone, Copy)]
pub struct Autosave {
    planner: Planner,
    pending: StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>,
    /// The text this tab last read or wrote for the open roadmap: if storage holds anything
    /// else, another tab wrote it.
    baseline: StoredValue<Option<String>>,
    last_problem: StoredValue<Option<StorageProblem>>,
    /// Off while a conflict waits for the user's choice.
    paused: StoredValue<bool>,
    /// The next roadmap change came from storage (another tab, a switch): nothing to save.
    quiet: StoredValue<bool>,
}

impl Autosave {
    /// Starts saving `planner`'s roadmap after every change, a moment after the last one
    /// (a drag changes it many times a second), and at once when the page is hidden.
    pub fn start(planner: Planner) -> Autosave {
        use leptos::leptos_dom::helpers::window_event_listener;

        let autosave = Autosave {
            planner,
            pending: StoredValue::new(None),
            baseline: StoredValue::new(
                planner
                    .workspace
                    .with_untracked(|workspace| stored_text(&workspace.active)),
            ),
            last_problem: StoredValue::new(None),
            paused: StoredValue::new(false),
            quiet: StoredValue::new(false),
        };
        Effect::new(move |previous: Option<()>| {
            planner.roadmap.track();
            // The first run is the roadmap just loaded: nothing to save yet. A change that
            // came from storage is already saved; saving it again would only open a window
            // in which another tab's next save looks like a conflict.
            let quiet = autosave.quiet.try_update_value(std::mem::take).unwrap_or(false);
            if previous.is_some() && !quiet {
                autosave.schedule();
            }
        });
        // Live as long as the page: the listeners are never removed.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| autosave.flush());
        let _ = window_event_listener(leptos::ev::beforeunload, move |_| autosave.flush());
        let _ = window_event_listener(leptos::ev::storage, move |event| autosave.on_other_tab(&event));
        autosave
    }

    /// Drops a waiting save (the roadmap it would save is being deleted).
    pub fn cancel_pending(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Shows `roadmap`, which storage already holds as `text`, without saving it back.
    /// `undoable` keeps this tab's previous version one Undo away.
    pub fn adopt(self, roadmap: Roadmap, text: Option<String>, undoable: bool) {
        self.cancel_pending();
        self.baseline.set_value(text);
        self.paused.set_value(false);
        if self.planner.roadmap.with_untracked(|current| current == &roadmap) {
            return;
        }
        self.quiet.set_value(true);
        if undoable {
            self.planner.edit(|current| *current = roadmap);
        } else {
            self.planner.roadmap.set(roadmap);
        }
    }

    fn schedule(self) {
        use leptos::leptos_dom::helpers::set_timeout_with_handle;
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let handle =
            set_timeout_with_handle(move || self.save_now(), std::time::Duration::from_millis(300)).ok();
        self.pending.set_value(handle);
    }

    /// Saves at once if a save is waiting (before switching roadmaps, or leaving).
    pub fn flush(self) {
        if self.pending.with_value(Option::is_some) {
            self.save_now();
        }
    }

    fn save_now(self) {
        self.cancel_pending();
        if self.paused.get_value() {
            return;
        }
        let id = self
            .planner
            .workspace
            .with_untracked(|workspace| workspace.active.clone());
        // Never overwrite what another tab wrote since this tab last looked.
        if stored_text(&id) != self.baseline.get_value() && self.baseline.with_value(Option::is_some) {
            self.conflict();
            return;
        }
        let result =
            self.planner
                .roadmap
                .with_untracked(|roadmap| save(&id, roadmap))
                .and_then(|text| {
                    self.baseline.set_value(Some(text));
                    let name = self
                        .planner
                        .roadmap
                        .with_untracked(|roadmap| roadmap.name.clone());
                    let renamed = self.planner.workspace.with_untracked(|workspace| {
                        workspace.entry(&id).is_some_and(|entry| entry.name != name)
                    });
                    if renamed {
                        self.planner
                            .workspace
                            .update(|workspace| workspace.rename(&id, &name));
                    }
                    self.planner.workspace.with_untracked(save_workspace)
                });
        self.report(result.err());
    }

    fn report(self, problem: Option<StorageProblem>) {
        if problem != self.last_problem.get_value() {
            if let Some(problem) = &problem {
                self.planner.warn_storage(problem);
            }
            self.last_problem.set_value(problem);
        }
    }

    fn conflict(self) {
        self.paused.set_value(true);
        self.planner.confirmation.set(Some(Confirmation::Conflict));
    }

    /// Resolves a conflict: keep this tab's version (written over the other) or take theirs
    /// (an undoable change here, so this tab's version is one Undo away).
    pub fn resolve_conflict(self, keep_mine: bool) {
        let id = self
            .planner
            .workspace
            .with_untracked(|workspace| workspace.active.clone());
        self.paused.set_value(false);
        if keep_mine {
            self.baseline.set_value(stored_text(&id));
            self.save_now();
            return;
        }
        match read(&id) {
            Stored::Found { roadmap, text } => self.adopt(roadmap, Some(text), true),
            Stored::Missing => self.planner.tell(
                Tone::Info,
                "The other tab deleted this roadmap; this tab's version stays open and is saved.",
            ),
            Stored::Unreadable { problem, .. } => self.planner.tell(Tone::Error, problem.message()),
        }
    }

    /// Another tab wrote to storage.
    fn on_other_tab(self, event: &web_sys::StorageEvent) {
        let Some(key) = event.key() else { return };
        if key == WORKSPACE_KEY {
            let theirs = event
                .new_value()
                .and_then(|text| serde_json::from_str::<Workspace>(&text).ok())
                .and_then(Workspace::mended);
            if let Some(mut theirs) = theirs {
                // Their list, but this tab keeps its own roadmap open.
                let (active, entry) = self.planner.workspace.with_untracked(|workspace| {
                    (
                        workspace.active.clone(),
                        workspace.entry(&workspace.active).cloned(),
                    )
                });
                if let Some(entry) = entry.filter(|_| theirs.entry(&active).is_none()) {
                    theirs.roadmaps.push(entry);
                }
                theirs.active = active;
                self.planner.workspace.set(theirs);
            }
            return;
        }
        let active = self
            .planner
            .workspace
            .with_untracked(|workspace| workspace.active.clone());
        if key != roadmap_key(&active) {
            return;
        }
        let Some(text) = event.new_value() else {
            self.planner.tell(
                Tone::Info,
                "This roadmap was deleted in another tab. It stays open here and is saved again when you change it.",
            );
            self.baseline.set_value(None);
            return;
        };
        if self
            .baseline
            .with_value(|baseline| baseline.as_deref() == Some(text.as_str()))
        {
            return;
        }
        if self.pending.with_value(Option::is_some) {
            self.cancel_pending();
            self.conflict();
            return;
        }
        match model::import(&text) {
            Ok(roadmap) => self.adopt(roadmap, Some(text), true),
            Err(error) => self.planner.tell(
                Tone::Error,
                format!("Another tab saved this roadmap in a form this tab cannot read ({error}); nothing was changed here."),
            ),
        }
    }
}
