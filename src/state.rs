//! The planner's one source of truth: the roadmap signal, its undo history and UI selection,
//! provided through context. Views read it and change the roadmap only through `edit`.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::{History, InitiativeId, MODERN_STACKS, Outline, Roadmap, RoadmapEntry, Workspace};
use crate::storage::{self, Autosave, Stored};

/// A message shown in the alert area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    /// Offer to download this text (e.g. unreadable saved data) so nothing is lost.
    pub rescue: Option<Rescue>,
    /// Offer "Export JSON now": the roadmap is not safe in this browser.
    pub offer_export: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Error,
    Info,
}

/// Text the user can download from a notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Rescue {
    pub file_name: String,
    pub text: String,
}

/// A question the user must answer before something happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirmation {
    /// The catalog heading (outline entry index) is already an initiative.
    DuplicateCatalogItem {
        entry: usize,
    },
    DeletePhase(crate::model::PhaseId),
    /// Deleting the open roadmap from this browser.
    DeleteRoadmap,
    /// A file passed every check; open it as a new roadmap or replace the open one?
    Import {
        roadmap: Box<Roadmap>,
        source: String,
    },
    /// Another tab changed the open roadmap while this tab had unsaved changes.
    Conflict,
}

/// Handle to the planner state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Planner {
    /// The roadmaps kept in this browser and which one is open.
    pub workspace: RwSignal<Workspace>,
    /// The open roadmap.
    pub roadmap: RwSignal<Roadmap>,
    /// Where each initiative sits in the roadmap's list, so cards find theirs at once.
    pub positions: Memo<HashMap<InitiativeId, usize>>,
    /// The outline initiatives are picked from.
    pub catalog: RwSignal<Outline>,
    history: RwSignal<History<Roadmap>>,
    /// The field being typed into, so a burst of keystrokes is one undo step.
    typing: StoredValue<Option<String>>,
    pub selected: RwSignal<Option<InitiativeId>>,
    pub notice: RwSignal<Option<Notice>>,
    pub confirmation: RwSignal<Option<Confirmation>>,
    /// Background saving; `None` when storage is off or holds data that could not be set aside.
    autosave: StoredValue<Option<Autosave>>,
}

impl Planner {
    pub fn new(workspace: Workspace, roadmap: Roadmap) -> Planner {
        // The built-in outline is checked by the model's tests; an empty catalog is the
        // graceful fallback should that ever break.
        let catalog = Outline::parse(MODERN_STACKS).unwrap_or(Outline { entries: Vec::new() });
        let roadmap = RwSignal::new(roadmap);
        let positions = Memo::new(move |_| {
            roadmap.with(|roadmap| {
                roadmap
                    .initiatives
                    .iter()
                    .enumerate()
                    .map(|(index, initiative)| (initiative.id.clone(), index))
                    .collect()
            })
        });
        Planner {
            workspace: RwSignal::new(workspace),
            roadmap,
            positions,
            catalog: RwSignal::new(catalog),
            history: RwSignal::new(History::default()),
            typing: StoredValue::new(None),
            selected: RwSignal::new(None),
            notice: RwSignal::new(None),
            confirmation: RwSignal::new(None),
            autosave: StoredValue::new(None),
        }
    }

    /// Saves every change from now on (saves to storage).
    pub fn start_autosave(&self) {
        self.autosave.set_value(Some(Autosave::start(*self)));
    }

    /// Whether roadmaps are kept in this browser (and so can be several).
    pub fn keeps_roadmaps(&self) -> bool {
        self.autosave.with_value(Option::is_some)
    }

    fn with_autosave(&self, act: impl FnOnce(Autosave)) {
        if let Some(autosave) = self.autosave.get_value() {
            act(autosave);
        }
    }

    pub fn resolve_conflict(&self, keep_mine: bool) {
        self.with_autosave(|autosave| autosave.resolve_conflict(keep_mine));
    }

    /// Opens another roadmap kept in this browser; the open one is saved first.
    pub fn open_roadmap(&self, id: crate::model::RoadmapId) {
        self.with_autosave(Autosave::flush);
        let roadmap = match storage::read(&id) {
            Stored::Found { roadmap, .. } => roadmap,
            Stored::Missing => self
                .workspace
                .with_untracked(|workspace| storage::blank(workspace, &id)),
            Stored::Unreadable { problem, .. } => {
                self.tell(Tone::Error, problem.message());
                return;
            }
        };
        self.workspace.update(|workspace| workspace.active = id.clone());
        self.show(roadmap, storage::stored_text(&id));
    }

    /// Adds a roadmap to this browser's workspace and opens it (saves to storage).
    pub fn open_as_new(&self, mut roadmap: Roadmap) {
        self.with_autosave(Autosave::flush);
        let seed = js_sys::Date::now() as u64;
        let id = self.workspace.with_untracked(|workspace| {
            roadmap.name = workspace.unique_name(roadmap.display_name());
            workspace.fresh_id(seed)
        });
        self.workspace.update(|workspace| {
            workspace.add(RoadmapEntry {
                id: id.clone(),
                name: roadmap.name.clone(),
            })
        });
        let saved = storage::save(&id, &roadmap);
        if let Err(problem) = &saved {
            self.tell(Tone::Error, problem.message());
        }
        let _ = self.workspace.with_untracked(storage::save_workspace);
        self.show(roadmap, saved.ok());
    }

    pub fn duplicate_roadmap(&self) {
        let mut copy = self.roadmap.get_untracked();
        copy.name = format!("{} (copy)", copy.display_name());
        self.open_as_new(copy);
    }

    /// Deletes the open roadmap from this browser and opens a neighbour (or a fresh one).
    pub fn delete_open_roadmap(&self) {
        // A save still waiting would write the deleted roadmap over the next one.
        self.with_autosave(Autosave::cancel_pending);
        let id = self
            .workspace
            .with_untracked(|workspace| workspace.active.clone());
        let removed = self
            .workspace
            .try_update(|workspace| workspace.remove(&id))
            .unwrap_or(false);
        if !removed {
            // The last roadmap: start over with an empty one in its place.
            storage::remove(&id);
            self.show(Roadmap::default(), None);
            return;
        }
        storage::remove(&id);
        let _ = self.workspace.with_untracked(storage::save_workspace);
        let next = self
            .workspace
            .with_untracked(|workspace| workspace.active.clone());
        self.open_roadmap(next);
    }

    /// Puts a roadmap on screen with a fresh history; `stored` is its text in storage.
    fn show(&self, roadmap: Roadmap, stored: Option<String>) {
        self.typing.set_value(None);
        self.history.set(History::default());
        self.selected.set(None);
        match self.autosave.get_value() {
            Some(autosave) => autosave.adopt(roadmap, stored, false),
            None => self.roadmap.set(roadmap),
        }
    }

    /// Replaces the open roadmap with an imported one, as one undoable change.
    pub fn replace_roadmap(&self, roadmap: Roadmap) {
        self.edit(|current| *current = roadmap);
        self.selected.set(None);
    }

    /// Applies a change as one undo step; nothing is recorded when the roadmap stays equal.
    pub fn edit(&self, change: impl FnOnce(&mut Roadmap)) {
        self.typing.set_value(None);
        self.apply(change);
    }

    /// Like `edit`, but consecutive calls with the same `field` form one undo step
    /// (typing a title letter by letter).
    pub fn edit_typing(&self, field: String, change: impl FnOnce(&mut Roadmap)) {
        if self.typing.with_value(|typing| typing.as_ref() == Some(&field)) {
            self.roadmap.update(change);
        } else if self.apply(change) {
            self.typing.set_value(Some(field));
        }
    }

    fn apply(&self, change: impl FnOnce(&mut Roadmap)) -> bool {
        let before = self.roadmap.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return false;
        }
        self.history.update(|history| history.record(before));
        self.roadmap.set(after);
        true
    }

    /// Changes the roadmap without an undo step: the live part of a drag, whose start
    /// state is recorded with `record` when the drag ends.
    pub fn preview(&self, change: impl FnOnce(&mut Roadmap)) {
        self.roadmap.update(change);
    }

    /// Records `before` as an undo step if the roadmap has changed since (end of a drag).
    pub fn record(&self, before: Roadmap) {
        if self.roadmap.with_untracked(|roadmap| roadmap != &before) {
            self.typing.set_value(None);
            self.history.update(|history| history.record(before));
        }
    }

    pub fn undo(&self) {
        self.typing.set_value(None);
        let current = self.roadmap.get_untracked();
        if let Some(previous) = self.history.try_update(|history| history.undo(current)).flatten() {
            self.roadmap.set(previous);
        }
    }

    pub fn redo(&self) {
        self.typing.set_value(None);
        let current = self.roadmap.get_untracked();
        if let Some(next) = self.history.try_update(|history| history.redo(current)).flatten() {
            self.roadmap.set(next);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.with(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.history.with(History::can_redo)
    }

    /// Adds a catalog heading as an initiative and selects it; asks first when the heading
    /// is already on the roadmap, unless `again` confirms a duplicate.
    pub fn add_catalog_entry(&self, entry: usize, again: bool) {
        let Some((title, origin)) = self.catalog.with_untracked(|outline| {
            outline
                .entries
                .get(entry)
                .map(|found| (found.heading.clone(), outline.origin(entry)))
        }) else {
            return;
        };
        let present = self
            .roadmap
            .with_untracked(|roadmap| roadmap.from_catalog_path(&origin.path).is_some());
        if present && !again {
            self.confirmation
                .set(Some(Confirmation::DuplicateCatalogItem { entry }));
            return;
        }
        let mut added = None;
        self.edit(|roadmap| added = Some(roadmap.add_from_catalog(title, origin)));
        self.select(added);
    }

    /// Whether this initiative is the selected one (tracked).
    pub fn is_selected(&self, id: &InitiativeId) -> bool {
        self.selected.with(|selected| selected.as_ref() == Some(id))
    }

    pub fn select(&self, id: Option<InitiativeId>) {
        self.typing.set_value(None);
        self.selected.set(id);
    }

    pub fn tell(&self, tone: Tone, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            tone,
            text: text.into(),
            rescue: None,
            offer_export: false,
        }));
    }

    /// Downloads the open roadmap as `<name>.stackplan.json`.
    pub fn export_json(&self) {
        let (name, text) = self
            .roadmap
            .with_untracked(|roadmap| (crate::model::file_name(roadmap), crate::model::export(roadmap)));
        self.download(&name, &text, "application/json");
    }

    /// Downloads the initiative list as `<name>.csv`.
    pub fn export_csv(&self) {
        let (name, text) = self.roadmap.with_untracked(|roadmap| {
            let name = crate::model::file_name(roadmap).replace(".stackplan.json", ".csv");
            (name, crate::model::to_csv(roadmap))
        });
        self.download(&name, &text, "text/csv");
    }

    /// Offers a download, telling the user if the browser refuses.
    pub fn download(&self, file_name: &str, text: &str, mime: &str) {
        if let Err(reason) = crate::files::download(file_name, text, mime) {
            self.tell(
                Tone::Error,
                format!("“{file_name}” could not be saved: {reason}."),
            );
        }
    }

    /// Reports a storage problem; where the roadmap is not saved, offers to export it.
    pub fn warn_storage(&self, problem: &storage::StorageProblem) {
        use storage::StorageProblem::{Full, Unavailable, WriteRefused};
        self.notice.set(Some(Notice {
            tone: Tone::Error,
            text: problem.message(),
            rescue: None,
            offer_export: matches!(problem, Full | Unavailable | WriteRefused(_)),
        }));
    }
}

/// Puts the planner in context for every component below.
pub fn provide_planner(planner: Planner) {
    provide_context(planner);
}

/// The planner from context; every component lives under `App`, which provides it.
pub fn use_planner() -> Planner {
    expect_context::<Planner>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RoadmapId, Score};

    fn planner() -> Planner {
        let workspace = Workspace::new(RoadmapEntry {
            id: RoadmapId("r1".into()),
            name: "Plan".into(),
        });
        Planner::new(workspace, Roadmap::new("Plan"))
    }

    fn in_owner(test: impl FnOnce()) {
        Owner::new().with(test);
    }

    #[test]
    fn typing_a_title_is_one_undo_step() {
        in_owner(|| {
            let planner = planner();
            let mut id = None;
            planner.edit(|roadmap| id = Some(roadmap.add_initiative("")));
            let id = id.expect("added");
            for title in ["D", "Da", "Dat", "Data"] {
                planner.edit_typing(format!("title:{}", id.as_str()), |roadmap| {
                    roadmap.update_initiative(&id, |initiative| initiative.title = title.into());
                });
            }
            planner.undo();
            let title = planner
                .roadmap
                .with_untracked(|roadmap| roadmap.initiative(&id).map(|i| i.title.clone()));
            assert_eq!(title.as_deref(), Some(""));
            planner.undo();
            assert!(
                planner
                    .roadmap
                    .with_untracked(|roadmap| roadmap.initiatives.is_empty())
            );
            planner.redo();
            planner.redo();
            let title = planner
                .roadmap
                .with_untracked(|roadmap| roadmap.initiative(&id).map(|i| i.title.clone()));
            assert_eq!(title.as_deref(), Some("Data"));
        });
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        in_owner(|| {
            let planner = planner();
            let mut id = None;
            planner.edit(|roadmap| id = Some(roadmap.add_initiative("Kafka")));
            let id = id.expect("added");
            let before = planner.roadmap.get_untracked();
            for step in 1..=5 {
                planner.preview(|roadmap| {
                    roadmap.place(&id, Score::clamped(f64::from(step)), Score::clamped(9.0));
                });
            }
            planner.record(before.clone());
            planner.undo();
            assert_eq!(planner.roadmap.get_untracked(), before);
        });
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_recorded() {
        in_owner(|| {
            let planner = planner();
            planner.edit(|_| {});
            assert!(!planner.history.with_untracked(History::can_undo));
            let first = planner
                .roadmap
                .with_untracked(|roadmap| roadmap.phases[0].id.clone());
            planner.edit(|roadmap| {
                roadmap.move_phase(&first, -1);
            });
            assert!(!planner.history.with_untracked(History::can_undo));
        });
    }

    #[test]
    fn adding_a_catalog_item_twice_asks_first() {
        in_owner(|| {
            let planner = planner();
            planner.add_catalog_entry(1, false);
            assert_eq!(
                planner
                    .roadmap
                    .with_untracked(|roadmap| roadmap.initiatives.len()),
                1
            );
            planner.add_catalog_entry(1, false);
            assert_eq!(
                planner.confirmation.get_untracked(),
                Some(Confirmation::DuplicateCatalogItem { entry: 1 })
            );
            assert_eq!(
                planner
                    .roadmap
                    .with_untracked(|roadmap| roadmap.initiatives.len()),
                1
            );
            planner.add_catalog_entry(1, true);
            assert_eq!(
                planner
                    .roadmap
                    .with_untracked(|roadmap| roadmap.initiatives.len()),
                2
            );
        });
    }
}
