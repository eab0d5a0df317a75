//! Keeping roadmaps in this browser: saving after every change, flushing when the page is
//! left, staying in step with other tabs (and pausing on a conflict until the user chooses),
//! and the commands that open, create, copy and delete the roadmaps kept here.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;

use crate::components::later::after_next_paint;
use crate::model::{Roadmap, RoadmapEntry, RoadmapId};
use crate::state::{Confirmation, Notice, Planner, Rescue, Tone};
use crate::storage::{self, StorageChange, StorageProblem, Stored};

/// How long after the last change a save waits: a drag changes the roadmap many times a second.
const SAVE_DELAY_MS: u64 = 300;

/// When a waiting save is written.
#[derive(Clone, Copy)]
enum SaveAt {
    /// `SAVE_DELAY_MS` after the last change.
    AfterChanges,
    /// Right after the next frame has painted.
    AfterPaint,
}

/// Saving in the background, one per page; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Autosave {
    planner: Planner,
    /// Whether roadmaps are kept in this browser at all: storage works and holds nothing
    /// that a save could overwrite unseen.
    enabled: bool,
    pending: StoredValue<Option<TimeoutHandle>>,
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
    /// Opens what this browser keeps (the list of roadmaps and the open one), tells the user
    /// about any storage problem, and starts saving every change from now on.
    pub fn open() -> (Planner, Autosave) {
        let loaded = storage::load();
        let planner = Planner::new(loaded.workspace, loaded.roadmap);
        let autosave = Autosave::start(planner, loaded.autosave, loaded.stored_text);
        if let Some(problem) = loaded.problem {
            planner.show_notice(Notice {
                tone: Tone::Error,
                text: problem.message(),
                rescue: loaded.unreadable_text.map(|text| Rescue {
                    file_name: "stackplan-unreadable-roadmap.json".to_string(),
                    text,
                }),
                offer_export: problem == StorageProblem::Unavailable,
            });
        }
        (planner, autosave)
    }

    /// What the conflict question says.
    pub fn conflict_message(self) -> String {
        StorageProblem::Conflict.message()
    }

    /// Starts saving `planner`'s roadmap after every change (saves to storage), unless
    /// `enabled` is false (no storage, or unreadable data that could not be set aside).
    /// `stored` is the open roadmap's text as just loaded, so it is not read twice.
    fn start(planner: Planner, enabled: bool, stored: Option<String>) -> Autosave {
        let autosave = Autosave {
            planner,
            enabled,
            pending: StoredValue::new(None),
            baseline: StoredValue::new(stored),
            last_problem: StoredValue::new(None),
            paused: StoredValue::new(false),
            quiet: StoredValue::new(false),
        };
        if !enabled {
            return autosave;
        }
        Effect::new(move |previous: Option<()>| {
            planner.track_roadmap();
            // The first run is the roadmap just loaded: nothing to save yet. A change that
            // came from storage is already saved; saving it again would only open a window
            // in which another tab's next save looks like a conflict.
            let quiet = autosave.quiet.try_update_value(std::mem::take).unwrap_or(false);
            if previous.is_some() && !quiet {
                autosave.schedule(SaveAt::AfterChanges);
            }
        });
        storage::on_leaving(move || autosave.flush());
        storage::on_other_tab(move |change| autosave.on_other_tab(change));
        autosave
    }

    /// Whether roadmaps are kept in this browser (and so can be several).
    pub fn keeps_roadmaps(&self) -> bool {
        self.enabled
    }

    fn active(&self) -> RoadmapId {
        self.planner
            .workspace()
            .with_untracked(|workspace| workspace.active.clone())
    }

    // ---- roadmap commands ----

    /// Opens another roadmap kept in this browser; the open one is saved first.
    pub fn open_roadmap(self, id: RoadmapId) {
        self.flush();
        let (roadmap, text) = match storage::read(&id) {
            Stored::Found { roadmap, text } => (roadmap, Some(text)),
            Stored::Missing => (
                self.planner
                    .workspace()
                    .with_untracked(|workspace| storage::blank(workspace, &id)),
                None,
            ),
            Stored::Unreadable { problem, .. } => {
                self.planner.tell(Tone::Error, problem.message());
                return;
            }
        };
        self.planner
            .change_workspace(|workspace| workspace.active = id.clone());
        self.show(roadmap, text);
    }

    /// Adds a roadmap to this browser's workspace and opens it (and saves it, once painted).
    pub fn open_as_new(self, mut roadmap: Roadmap) {
        self.flush();
        // Time and chance: two tabs creating roadmaps in the same millisecond still differ.
        let seed = (js_sys::Date::now() as u64)
            .saturating_mul(1000)
            .saturating_add((js_sys::Math::random() * 1000.0) as u64);
        let id = self.planner.workspace().with_untracked(|workspace| {
            roadmap.name = workspace.unique_name(roadmap.display_name());
            workspace.fresh_id(seed)
        });
        let entry = RoadmapEntry {
            id: id.clone(),
            name: roadmap.name.clone(),
        };
        self.planner.change_workspace(|workspace| workspace.add(entry));
        self.show(roadmap, None);
        // Written, and listed in storage, once the board has painted it: at 1,000 initiatives the
        // write takes some 20 ms that the board would otherwise wait for.
        self.schedule(SaveAt::AfterPaint);
    }

    pub fn duplicate_roadmap(self) {
        let mut copy = self.planner.with_roadmap(Roadmap::clone);
        copy.name = format!("{} (copy)", copy.display_name());
        self.open_as_new(copy);
    }

    /// Deletes the open roadmap from this browser and opens a neighbour (or a fresh one).
    pub fn delete_open_roadmap(self) {
        // A save still waiting would write the deleted roadmap over the next one.
        self.cancel_pending();
        let id = self.active();
        let removed = self
            .planner
            .change_workspace(|workspace| workspace.remove(&id))
            .unwrap_or(false);
        storage::remove(&id);
        if !removed {
            // The last roadmap: start over with an empty one in its place.
            self.show(Roadmap::default(), None);
            return;
        }
        self.change_stored_workspace(move |stored| {
            stored.remove(&id);
        });
        self.open_roadmap(self.active());
    }

    /// Puts a roadmap on screen with a fresh history; `stored` is its text in storage.
    fn show(self, roadmap: Roadmap, stored: Option<String>) {
        self.adopt(&roadmap, stored);
        self.planner.show(roadmap);
    }

    /// Takes `stored` as what storage holds for `roadmap`, about to be shown: the change
    /// that follows (if it changes anything) is not saved back.
    fn adopt(self, roadmap: &Roadmap, stored: Option<String>) {
        self.cancel_pending();
        self.baseline.set_value(stored);
        self.paused.set_value(false);
        let changes = self.planner.with_roadmap(|current| current != roadmap);
        self.quiet.set_value(changes);
    }

    // ---- saving ----

    /// Drops a waiting save (the roadmap it would save is being deleted).
    fn cancel_pending(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    fn schedule(self, at: SaveAt) {
        self.cancel_pending();
        // The save stays pending until the lock is granted: another tab's write that arrives
        // while this tab waits for the lock is a conflict, not a version to take over. Pending,
        // it is also what a flush (leaving the page) saves at once.
        let save = move || {
            storage::with_save_lock(move || {
                // Cancelled while waiting (a conflict, a flush, a switch): nothing to save.
                if self.pending.try_update_value(Option::take).flatten().is_some() {
                    self.save_now();
                }
            });
        };
        let handle = match at {
            SaveAt::AfterChanges => set_timeout_with_handle(save, Duration::from_millis(SAVE_DELAY_MS)),
            // The timeout is only there for its handle: it makes the save pending from now.
            SaveAt::AfterPaint => set_timeout_with_handle(move || after_next_paint(save), Duration::ZERO),
        };
        self.pending.set_value(handle.ok());
    }

    /// Saves at once if a save is waiting (before switching roadmaps, or leaving). Runs
    /// without the lock: the page may be gone before the lock is granted.
    pub fn flush(self) {
        if self.pending.with_value(Option::is_some) {
            self.cancel_pending();
            self.save_now();
        }
    }

    fn save_now(self) {
        if !self.enabled || self.paused.get_value() {
            return;
        }
        let id = self.active();
        // Never overwrite what another tab wrote since this tab last looked.
        if self.baseline.with_value(Option::is_some) && storage::stored_text(&id) != self.baseline.get_value()
        {
            self.conflict();
            return;
        }
        let saved = self.planner.with_roadmap(|roadmap| storage::save(&id, roadmap));
        let result = saved.and_then(|text| {
            let warning = storage::nearly_full(&text);
            self.baseline.set_value(Some(text));
            let name = self.planner.with_roadmap(|roadmap| roadmap.name.clone());
            let renamed = self
                .planner
                .workspace()
                .with_untracked(|workspace| workspace.entry(&id).is_some_and(|entry| entry.name != name));
            if renamed {
                self.planner
                    .change_workspace(|workspace| workspace.rename(&id, &name));
            }
            // Lists this roadmap under its name and as the open one, where the stored list
            // does not already say so (a first save, a rename, a switch, another tab's list).
            self.write_workspace(|stored| stored.rename(&id, &name))?;
            warning.map_or(Ok(()), Err)
        });
        self.report(result.err());
    }

    /// Applies a change to the list of roadmaps in storage as it is when the save lock is
    /// granted, so that two tabs adding, renaming or deleting roadmaps at once both keep
    /// their change. The change is already made to this tab's own list.
    fn change_stored_workspace(self, change: impl Fn(&mut crate::model::Workspace) + 'static) {
        storage::with_save_lock(move || {
            let result = self.write_workspace(change);
            self.report(result.err());
        });
    }

    /// Reads the stored list of roadmaps, changes it and writes it back at once; this tab
    /// then shows that list, with its own roadmap still open.
    fn write_workspace(
        self,
        change: impl FnOnce(&mut crate::model::Workspace),
    ) -> Result<(), StorageProblem> {
        let mine = self.planner.workspace().get_untracked();
        let read = storage::read_workspace();
        let mut stored = read.clone().unwrap_or_else(|| mine.clone());
        change(&mut stored);
        // The list read may lag behind another tab's write: this tab's own roadmaps that are
        // stored stay listed, or neither tab would list them any more.
        mine.keep_in(&mut stored, is_stored);
        let result = if read.as_ref() == Some(&stored) {
            Ok(())
        } else {
            storage::save_workspace(&stored)
        };
        if stored != mine {
            self.planner.change_workspace(|workspace| *workspace = stored);
        }
        result
    }

    /// Tells the user about a storage problem once, not on every save.
    fn report(self, problem: Option<StorageProblem>) {
        if problem != self.last_problem.get_value() {
            if let Some(problem) = &problem {
                self.warn(problem);
            }
            self.last_problem.set_value(problem);
        }
    }

    /// Reports a storage problem; where the roadmap is not saved, offers to export it.
    pub fn warn(self, problem: &StorageProblem) {
        use StorageProblem::{Full, NearlyFull, Unavailable, WriteRefused};
        self.planner.show_notice(Notice {
            tone: Tone::Error,
            text: problem.message(),
            rescue: None,
            offer_export: matches!(problem, Full | Unavailable | WriteRefused(_) | NearlyFull { .. }),
        });
    }

    // ---- other tabs ----

    fn conflict(self) {
        self.paused.set_value(true);
        self.planner.ask(Confirmation::Conflict);
    }

    /// Resolves a conflict: keep this tab's version (written over the other) or take theirs
    /// (an undoable change here, so this tab's version is one Undo away).
    pub fn resolve_conflict(self, keep_mine: bool) {
        let id = self.active();
        self.paused.set_value(false);
        if keep_mine {
            self.baseline.set_value(storage::stored_text(&id));
            self.save_now();
            return;
        }
        match storage::read(&id) {
            Stored::Found { roadmap, text } => self.take_theirs(roadmap, text),
            Stored::Missing => self.planner.tell(
                Tone::Info,
                "The other tab deleted this roadmap; this tab's version stays open and is saved.",
            ),
            Stored::Unreadable { problem, .. } => self.planner.tell(Tone::Error, problem.message()),
        }
    }

    /// Shows another tab's version as an undoable change, without saving it back.
    fn take_theirs(self, roadmap: Roadmap, text: String) {
        self.adopt(&roadmap, Some(text));
        self.planner.edit(|current| *current = roadmap);
    }

    // A tab's reads of localStorage can lag behind another tab's writes, even under the save
    // lock, so a list of roadmaps written by two tabs at once can miss an entry. Each tab
    // repairs the list when it sees it lack a roadmap that is stored, and the list converges.
    fn on_other_tab(self, change: StorageChange) {
        let workspace = self.planner.workspace();
        match change {
            StorageChange::Workspace(Some(mut theirs)) => {
                // Their list, plus what it lacks of ours that is stored; this tab keeps its
                // own roadmap open.
                let missing = workspace.with_untracked(|mine| mine.keep_in(&mut theirs, is_stored));
                self.planner.change_workspace(|workspace| *workspace = theirs);
                if !missing.is_empty() {
                    self.change_stored_workspace(move |stored| add_missing(stored, &missing));
                }
            }
            StorageChange::Workspace(None) => {}
            StorageChange::Roadmap { id, text } if id == self.active() => self.on_open_roadmap_written(text),
            StorageChange::Roadmap { id, text: Some(text) } => {
                if workspace.with_untracked(|workspace| workspace.entry(&id).is_none()) {
                    let name = crate::model::read_storage_text(&text)
                        .map_or_else(|_| "Unreadable roadmap".to_string(), |roadmap| roadmap.name);
                    let entry = vec![RoadmapEntry { id, name }];
                    self.planner
                        .change_workspace(|workspace| add_missing(workspace, &entry));
                    self.change_stored_workspace(move |stored| add_missing(stored, &entry));
                }
            }
            StorageChange::Roadmap { id, text: None } => {
                if workspace.with_untracked(|workspace| workspace.entry(&id).is_some()) {
                    self.planner.change_workspace(|workspace| workspace.remove(&id));
                    self.change_stored_workspace(move |stored| {
                        stored.remove(&id);
                    });
                }
            }
        }
    }

    fn on_open_roadmap_written(self, text: Option<String>) {
        let Some(text) = text else {
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
        match crate::model::read_storage_text(&text) {
            Ok(roadmap) => self.take_theirs(roadmap, text),
            Err(error) => self.planner.tell(
                Tone::Error,
                format!("Another tab saved this roadmap in a form this tab cannot read ({error}); nothing was changed here."),
            ),
        }
    }
}

fn is_stored(id: &RoadmapId) -> bool {
    storage::stored_text(id).is_some()
}

/// Adds the entries a list of roadmaps lacks, keeping the open one.
fn add_missing(workspace: &mut crate::model::Workspace, entries: &[RoadmapEntry]) {
    for entry in entries {
        if workspace.entry(&entry.id).is_none() {
            workspace.roadmaps.push(entry.clone());
        }
    }
}

/// Puts the autosave in context for the views' roadmap commands.
pub fn provide_autosave(autosave: Autosave) {
    provide_context(autosave);
}

/// The autosave from context; every component lives under `App`, which provides it.
pub fn use_autosave() -> Autosave {
    expect_context::<Autosave>()
}
