//! The planner's one source of truth: the open roadmap, its undo history and the selection,
//! provided through context.
//!
//! The roadmap itself is a plain value; views never subscribe to all of it. Every change goes
//! through [`Planner::edit`], which compares the new roadmap
//! with the old one ([`RoadmapChanges`]) and wakes only what changed: the cell of each changed
//! initiative, the id list when initiatives come and go, and a few topics (phase membership,
//! scores, titles and dependencies, catalog origins) for the views that sum over the roadmap.
//! One edit or one click therefore wakes a constant number of cards, whatever the roadmap's size.
//! A drag changes nothing until the drop: its point is kept apart ([`Planner::drag_to`]) and
//! wakes only the dragged initiative's views, once, when it starts.
//!
//! Beside the core here (reading, changing, undo, drags and the catalog), the planner's other
//! methods live by topic: `notices` (what it tells and asks the user), `files` (files in and
//! out, outline imports, share links, drops, pastes and downloads), `backlog` (CSV and TSV
//! tables mapped onto initiatives) and `consensus` (merging participants' scores). `projection` holds what views subscribe to; `keyed` the per-initiative
//! triggers.

mod backlog;
mod consensus;
mod files;
mod keyed;
mod notices;
mod projection;

use leptos::prelude::*;

pub use backlog::{BacklogImport, BacklogTarget};
pub(crate) use keyed::{KeyedChoice, KeyedTriggers};
pub use notices::{Confirmation, Notice, Rescue, Tone};
use projection::Projection;
pub use projection::{InitiativeCell, Scoring};

use crate::model::{
    Consensus, History, InitiativeId, MODERN_STACKS, MaturityAspect, MaturityAudit, Outline, OutlineLibrary,
    Phase, PhaseId, QuadrantSplit, Roadmap, RoadmapChanges, Score, Workspace,
};

/// Handle to the planner state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Planner {
    /// The roadmaps kept in this browser and which one is open.
    workspace: RwSignal<Workspace>,
    /// The open roadmap, the value every model operation works on.
    roadmap: StoredValue<Roadmap>,
    view: Projection,
    /// The outline initiatives are picked from.
    catalog: RwSignal<Outline>,
    outlines: RwSignal<OutlineLibrary>,
    /// Participants' merged scores, while the Consensus region is open.
    consensus: RwSignal<Option<Consensus>>,
    history: RwSignal<History<Roadmap>>,
    /// The field being typed into, so a burst of keystrokes is one undo step.
    typing: StoredValue<Option<EditKey>>,
    /// The initiative being dragged, if any: set when the drag starts and cleared on the drop.
    /// Keyed: a drag step wakes only the views of the dragged initiative.
    dragging: KeyedChoice,
    /// Where the pointer puts the dragged initiative, not yet in the roadmap.
    drag_point: StoredValue<Option<(Score, Score)>>,
    selected: RwSignal<Option<InitiativeId>>,
    /// Keyed: a new selection wakes only the card that lost it and the one that gained it.
    selection: KeyedTriggers,
    notice: RwSignal<Option<Notice>>,
    confirmation: RwSignal<Option<Confirmation>>,
    /// A CSV or TSV table being mapped in the **Map columns** dialog.
    backlog: RwSignal<Option<BacklogImport>>,
}

/// What a burst of typing edits, so consecutive keystrokes in one field form one undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditKey {
    RoadmapName,
    PhaseName(PhaseId),
    /// A phase's start (`false`) or end (`true`): a date typed a segment at a time is one step.
    PhaseDate(PhaseId, bool),
    Initiative(InitiativeId, crate::model::InitiativeField),
}

impl Planner {
    pub fn new(workspace: Workspace, roadmap: Roadmap) -> Planner {
        // The built-in outline is checked by the model's tests; an empty catalog is the
        // graceful fallback should that ever break.
        let catalog = Outline::parse(MODERN_STACKS).unwrap_or(Outline { entries: Vec::new() });
        Planner {
            workspace: RwSignal::new(workspace),
            view: Projection::new(&roadmap),
            roadmap: StoredValue::new(roadmap),
            catalog: RwSignal::new(catalog),
            outlines: RwSignal::new(OutlineLibrary::default()),
            consensus: RwSignal::new(None),
            history: RwSignal::new(History::default()),
            typing: StoredValue::new(None),
            dragging: KeyedChoice::new(),
            drag_point: StoredValue::new(None),
            selected: RwSignal::new(None),
            selection: KeyedTriggers::new(),
            notice: RwSignal::new(None),
            confirmation: RwSignal::new(None),
            backlog: RwSignal::new(None),
        }
    }

    // ---- reading (tracked unless named untracked) ----

    /// Reads the open roadmap without subscribing: for commands, exports and sums that
    /// subscribe to a topic first.
    pub fn with_roadmap<T>(&self, read: impl FnOnce(&Roadmap) -> T) -> T {
        self.roadmap.with_value(read)
    }

    pub fn name(&self) -> String {
        self.view.name.get()
    }

    pub fn split(&self) -> QuadrantSplit {
        self.view.split.get()
    }

    /// One score of the data-maturity audit; wakes only when the audit changes.
    pub fn maturity(&self, aspect: MaturityAspect) -> Option<u8> {
        self.view.maturity.with(|audit| audit.score(aspect))
    }

    /// The framework and its settings; wakes only when they change.
    pub fn with_scoring<T>(&self, read: impl FnOnce(&Scoring) -> T) -> T {
        self.view.scoring.with(|scoring| read(scoring))
    }

    pub fn with_maturity<T>(&self, read: impl FnOnce(&MaturityAudit) -> T) -> T {
        self.view.maturity.with(|audit| read(audit))
    }

    pub fn with_phases<T>(&self, read: impl FnOnce(&[Phase]) -> T) -> T {
        self.view.phases.with(|phases| read(phases))
    }

    /// The initiative ids in roadmap order; wakes when initiatives come, go or reorder.
    pub fn with_ids<T>(&self, read: impl FnOnce(&[InitiativeId]) -> T) -> T {
        self.view.order.with(|ids| read(ids))
    }

    /// The reactive cell of one initiative (looked up once, when its view is made).
    pub fn cell(&self, id: &InitiativeId) -> Option<InitiativeCell> {
        self.view.cells.with_value(|cells| cells.get(id).cloned())
    }

    /// Subscribes to phase membership: which initiative is in which phase.
    pub fn track_membership(&self) {
        self.view.membership.track();
    }

    /// Subscribes to effort and impact scores (and the set of initiatives).
    pub fn track_scores(&self) {
        self.view.scores.track();
    }

    /// Subscribes to titles and dependencies (and the set of initiatives).
    pub fn track_links(&self) {
        self.view.links.track();
    }

    /// Subscribes to what the board's layout is made of: scores, titles, urgency, quick-win
    /// marks (and the set of initiatives).
    pub fn track_board(&self) {
        self.view.board.track();
    }

    /// Subscribes to catalog origins (and the set of initiatives).
    pub fn track_origins(&self) {
        self.view.origins.track();
    }

    /// Subscribes to any change of the open roadmap.
    pub fn track_roadmap(&self) {
        self.view.revision.track();
    }

    pub fn selected(&self) -> Option<InitiativeId> {
        self.selected.get()
    }

    pub fn selected_untracked(&self) -> Option<InitiativeId> {
        self.selected.get_untracked()
    }

    /// Whether this initiative is the selected one; wakes only when that answer changes.
    pub fn is_selected(&self, id: &InitiativeId) -> bool {
        self.selection.track(id);
        self.selected
            .with_untracked(|selected| selected.as_ref() == Some(id))
    }

    pub fn select(&self, id: Option<InitiativeId>) {
        self.typing.set_value(None);
        let previous = self.selected.get_untracked();
        if previous == id {
            return;
        }
        for changed in [&previous, &id].into_iter().flatten() {
            self.selection.notify(changed);
        }
        self.selected.set(id);
    }

    /// The roadmaps kept in this browser and which one is open.
    pub fn workspace(&self) -> ReadSignal<Workspace> {
        self.workspace.read_only()
    }

    /// Changes the list of roadmaps; the autosave module keeps it in step with storage.
    pub(crate) fn change_workspace<T>(&self, change: impl FnOnce(&mut Workspace) -> T) -> Option<T> {
        self.workspace.try_update(change)
    }

    pub fn catalog(&self) -> ReadSignal<Outline> {
        self.catalog.read_only()
    }

    /// The outlines the catalog can show: the built-in one and the imported ones.
    pub fn outlines(&self) -> ReadSignal<OutlineLibrary> {
        self.outlines.read_only()
    }

    /// Shows the outlines kept in this browser (at start-up). The built-in outline is parsed
    /// already; only an imported one needs parsing here.
    pub fn load_outlines(&self, library: OutlineLibrary) {
        if library.active.is_some() {
            self.catalog.set(library.active_outline());
        }
        self.outlines.set(library);
    }

    /// Changes the outline library, keeps it in storage and shows its active outline.
    fn change_outlines<T>(&self, change: impl FnOnce(&mut OutlineLibrary) -> T) -> T {
        let mut library = self.outlines.get_untracked();
        let shown = library.active.clone();
        let outcome = change(&mut library);
        if self.outlines.with_untracked(|now| *now == library) {
            return outcome;
        }
        if let Err(problem) = crate::storage::save_outlines(&library) {
            self.tell(
                Tone::Error,
                format!(
                    "The outline list is not saved in this browser: {}",
                    problem.message()
                ),
            );
        }
        if library.active != shown {
            self.catalog.set(library.active_outline());
        }
        self.outlines.set(library);
        outcome
    }

    /// Shows an imported outline in the catalog, or the built-in one with `None`.
    pub fn choose_outline(&self, id: Option<String>) {
        self.change_outlines(|library| library.select(id.as_deref()));
    }

    pub fn rename_outline(&self, id: &str, name: &str) {
        self.change_outlines(|library| library.rename(id, name));
    }

    /// Removes an imported outline; initiatives taken from it keep their origin.
    pub fn remove_outline(&self, id: &str) {
        self.change_outlines(|library| library.remove(id));
    }

    // ---- changing ----

    /// Applies a change as one undo step; nothing is recorded when the roadmap stays equal.
    pub fn edit(&self, change: impl FnOnce(&mut Roadmap)) {
        self.typing.set_value(None);
        self.apply(change);
    }

    /// Like `edit`, but consecutive calls with the same key form one undo step
    /// (typing a title letter by letter).
    pub fn edit_typing(&self, key: EditKey, change: impl FnOnce(&mut Roadmap)) {
        if self.typing.with_value(|typing| typing.as_ref() == Some(&key)) {
            let _ = self.change_unrecorded(change);
        } else if self.apply(change) {
            self.typing.set_value(Some(key));
        }
    }

    /// Ends a burst of typing, so the next keyed edit is an undo step of its own: a field
    /// visited again is a new change, even with no other edit in between.
    pub fn end_typing(&self) {
        self.typing.set_value(None);
    }

    fn apply(&self, change: impl FnOnce(&mut Roadmap)) -> bool {
        let Some(before) = self.change_unrecorded(change) else {
            return false;
        };
        self.history.update(|history| history.record(before));
        true
    }

    /// Changes the roadmap and tells the views; returns the roadmap as it was before, if the
    /// change changed anything. That snapshot shares every initiative: it costs one pointer
    /// each, not a deep copy.
    fn change_unrecorded(&self, change: impl FnOnce(&mut Roadmap)) -> Option<Roadmap> {
        let before = self.roadmap.try_update_value(|roadmap| {
            let before = roadmap.clone();
            change(roadmap);
            before
        })?;
        // Compared by pointer first: only the initiatives the change copied are compared in full.
        let changed = self.roadmap.with_value(|after| {
            let changes = RoadmapChanges::between(&before, after);
            let changed = changes.any();
            if changed {
                self.view.publish(&changes, after);
            }
            changed
        });
        changed.then_some(before)
    }

    /// Puts a whole roadmap in place of the open one (switching roadmaps, another tab's
    /// version), telling the views what differs; not an undo step.
    pub fn set_roadmap(&self, roadmap: Roadmap) {
        let _ = self.change_unrecorded(|current| *current = roadmap);
    }

    /// A step of a drag: `dragged` is now at these scores, kept apart from the roadmap, so no
    /// other view, no undo step and no save follows a pointer move. Only the drag's start wakes
    /// the dragged initiative's views ([`Planner::is_dragged`]); the mark itself shows each step.
    pub fn drag_to(&self, dragged: &InitiativeId, effort: Score, impact: Score) {
        self.dragging.set(Some(dragged.clone()));
        self.drag_point.set_value(Some((effort, impact)));
    }

    /// Whether this initiative is being dragged; wakes only its views, at the drag's start and end.
    pub fn is_dragged(&self, id: &InitiativeId) -> bool {
        self.dragging.is(id)
    }

    /// Ends a drag where it stands: one undo step if it moved the initiative.
    pub fn drop_drag(&self) {
        let point = self.drag_point.try_update_value(Option::take).flatten();
        let Some(dragged) = self.dragging.get_untracked() else {
            return;
        };
        self.dragging.set(None);
        if let Some((effort, impact)) = point {
            self.edit(|roadmap| {
                roadmap.place(&dragged, effort, impact);
            });
        }
    }

    /// Ends a drag without moving anything (the pointer was cancelled).
    pub fn cancel_drag(&self) {
        self.drag_point.set_value(None);
        self.dragging.set(None);
    }

    pub fn undo(&self) {
        self.step_history(History::undo);
    }

    pub fn redo(&self) {
        self.step_history(History::redo);
    }

    fn step_history(&self, step: fn(&mut History<Roadmap>, Roadmap) -> Option<Roadmap>) {
        self.typing.set_value(None);
        let current = self.roadmap.with_value(Roadmap::clone);
        if let Some(target) = self
            .history
            .try_update(|history| step(history, current))
            .flatten()
        {
            self.set_roadmap(target);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.with(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.history.with(History::can_redo)
    }

    /// Puts a roadmap on screen with a fresh history and no selection.
    pub fn show(&self, roadmap: Roadmap) {
        self.typing.set_value(None);
        self.cancel_drag();
        self.history.set(History::default());
        self.select(None);
        self.set_roadmap(roadmap);
    }

    /// Replaces the open roadmap with an imported one, as one undoable change.
    pub fn replace_roadmap(&self, roadmap: Roadmap) {
        self.edit(|current| *current = roadmap);
        self.select(None);
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
        let present = self.with_roadmap(|roadmap| roadmap.from_catalog_path(&origin.path).is_some());
        if present && !again {
            self.ask(Confirmation::DuplicateCatalogItem { entry });
            return;
        }
        let mut added = None;
        self.edit(|roadmap| added = Some(roadmap.add_from_catalog(title, origin)));
        self.select(added);
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
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::model::{InitiativeField, RoadmapEntry, RoadmapId, Score};

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

    fn add(planner: &Planner, title: &str) -> InitiativeId {
        let mut id = None;
        planner.edit(|roadmap| id = Some(roadmap.add_initiative(title)));
        id.expect("added")
    }

    fn title_of(planner: &Planner, id: &InitiativeId) -> Option<String> {
        planner.with_roadmap(|roadmap| roadmap.initiative(id).map(|i| i.title.clone()))
    }

    #[test]
    fn typing_a_title_is_one_undo_step() {
        in_owner(|| {
            let planner = planner();
            let id = add(&planner, "");
            for title in ["D", "Da", "Dat", "Data"] {
                planner.edit_typing(
                    EditKey::Initiative(id.clone(), InitiativeField::Title),
                    |roadmap| {
                        roadmap.update_initiative(&id, |initiative| initiative.title = title.into());
                    },
                );
            }
            planner.undo();
            assert_eq!(title_of(&planner, &id).as_deref(), Some(""));
            planner.undo();
            assert!(planner.with_roadmap(|roadmap| roadmap.initiatives.is_empty()));
            planner.redo();
            planner.redo();
            assert_eq!(title_of(&planner, &id).as_deref(), Some("Data"));
        });
    }

    #[test]
    fn a_field_visited_again_is_an_undo_step_of_its_own() {
        in_owner(|| {
            let planner = planner();
            let phase = planner.with_roadmap(|roadmap| roadmap.phases[0].id.clone());
            let set_start = |text: &str| {
                let day = text.parse().ok();
                planner.edit_typing(EditKey::PhaseDate(phase.clone(), false), |roadmap| {
                    let _ = roadmap.set_phase_start(&phase, day);
                });
            };
            let start = || planner.with_roadmap(|roadmap| roadmap.phases[0].start.map(|day| day.to_string()));
            set_start("2027-01-01");
            planner.end_typing();
            // Typed a segment at a time: one step for the whole visit.
            for text in ["0002-01-01", "0020-01-01", "2028-01-01"] {
                set_start(text);
            }
            planner.undo();
            assert_eq!(start().as_deref(), Some("2027-01-01"));
            planner.undo();
            assert_eq!(start(), None);
            assert!(!planner.can_undo());
        });
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        in_owner(|| {
            let planner = planner();
            let id = add(&planner, "Kafka");
            let before = planner.with_roadmap(Roadmap::clone);
            for step in 1..=5 {
                planner.drag_to(&id, Score::clamped(f64::from(step)), Score::clamped(9.0));
            }
            assert_eq!(
                planner.with_roadmap(Roadmap::clone),
                before,
                "nothing changes before the drop"
            );
            planner.drop_drag();
            assert_eq!(
                planner.with_roadmap(|roadmap| roadmap.initiative(&id).map(|i| (i.effort, i.impact))),
                Some((Score::clamped(5.0), Score::clamped(9.0)))
            );
            assert_eq!(planner.dragging.get_untracked(), None);
            planner.undo();
            assert_eq!(planner.with_roadmap(Roadmap::clone), before);
            planner.undo();
            assert!(planner.with_roadmap(|roadmap| roadmap.initiatives.is_empty()));
        });
    }

    #[test]
    fn a_click_without_moving_records_nothing() {
        in_owner(|| {
            let planner = planner();
            add(&planner, "Kafka");
            planner.undo();
            assert!(!planner.can_undo());
            planner.drop_drag();
            assert!(!planner.can_undo());
        });
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_recorded() {
        in_owner(|| {
            let planner = planner();
            planner.edit(|_| {});
            assert!(!planner.history.with_untracked(History::can_undo));
            let first = planner.with_roadmap(|roadmap| roadmap.phases[0].id.clone());
            planner.edit(|roadmap| {
                roadmap.move_phase(&first, -1);
            });
            assert!(!planner.history.with_untracked(History::can_undo));
        });
    }

    #[test]
    fn redo_is_offered_after_an_undo_and_dropped_by_a_new_edit() {
        in_owner(|| {
            let planner = planner();
            add(&planner, "Lake");
            assert!(planner.can_undo() && !planner.can_redo());
            planner.undo();
            assert!(planner.can_redo());
            add(&planner, "Warehouse");
            assert!(!planner.can_redo());
        });
    }

    #[test]
    fn adding_a_catalog_item_twice_asks_first() {
        in_owner(|| {
            let planner = planner();
            let count = || planner.with_roadmap(|roadmap| roadmap.initiatives.len());
            planner.add_catalog_entry(1, false);
            assert_eq!(count(), 1);
            planner.add_catalog_entry(1, false);
            assert_eq!(
                planner.confirmation.get_untracked(),
                Some(Confirmation::DuplicateCatalogItem { entry: 1 })
            );
            assert_eq!(count(), 1);
            planner.add_catalog_entry(1, true);
            assert_eq!(count(), 2);
        });
    }

    /// Card-like computations, each reading one initiative's cell and its selection exactly
    /// as the grid and board cards do; `rerun` reads them all and counts how many re-ran.
    struct WatchedCards {
        runs: Arc<AtomicUsize>,
        cards: Vec<Memo<(Score, bool)>>,
    }

    impl WatchedCards {
        fn new(planner: Planner, ids: &[InitiativeId]) -> WatchedCards {
            let runs = Arc::new(AtomicUsize::new(0));
            let cards = ids
                .iter()
                .map(|id| {
                    let cell = planner.cell(id).expect("a cell per initiative");
                    let runs = Arc::clone(&runs);
                    let id = id.clone();
                    Memo::new(move |_| {
                        runs.fetch_add(1, Ordering::Relaxed);
                        (
                            cell.with(|initiative| initiative.effort),
                            planner.is_selected(&id),
                        )
                    })
                })
                .collect();
            WatchedCards { runs, cards }
        }

        fn rerun(&self) -> usize {
            self.runs.store(0, Ordering::Relaxed);
            for card in &self.cards {
                card.get_untracked();
            }
            self.runs.load(Ordering::Relaxed)
        }
    }

    #[test]
    fn an_edit_or_a_click_wakes_a_constant_number_of_cards() {
        in_owner(|| {
            let planner = planner();
            let ids: Vec<InitiativeId> = (0..500).map(|n| add(&planner, &format!("Card {n}"))).collect();
            let cards = WatchedCards::new(planner, &ids);
            assert_eq!(
                cards.rerun(),
                ids.len(),
                "each card computes once when first read"
            );
            assert_eq!(cards.rerun(), 0, "nothing changed, nothing re-runs");

            planner.edit(|roadmap| {
                roadmap.place(&ids[7], Score::clamped(2.0), Score::clamped(3.0));
            });
            assert_eq!(cards.rerun(), 1, "moving one card re-runs only that card");

            for step in 1..=10 {
                planner.drag_to(&ids[9], Score::clamped(f64::from(step)), Score::clamped(4.0));
            }
            assert_eq!(cards.rerun(), 0, "a drag leaves the cells alone until the drop");
            planner.drop_drag();
            assert_eq!(cards.rerun(), 1, "the drop re-runs only the dragged card");

            planner.select(Some(ids[3].clone()));
            assert_eq!(cards.rerun(), 1, "selecting wakes the newly selected card");
            planner.select(Some(ids[4].clone()));
            assert_eq!(
                cards.rerun(),
                2,
                "changing the selection wakes the old and the new card"
            );

            planner.undo();
            assert_eq!(cards.rerun(), 1, "undoing the drop re-runs only the dragged card");

            planner.edit(|roadmap| roadmap.name = "Renamed".into());
            assert_eq!(cards.rerun(), 0, "renaming the roadmap wakes no card");
        });
    }

    /// Counts the runs of a computation that reads what `read` reads.
    fn watch(runs: &Arc<AtomicUsize>, read: impl Fn() + Send + Sync + 'static) -> Memo<()> {
        let runs = Arc::clone(runs);
        Memo::new(move |_| {
            runs.fetch_add(1, Ordering::Relaxed);
            read();
        })
    }

    fn runs_of(runs: &Arc<AtomicUsize>, memos: &[Memo<()>]) -> usize {
        runs.store(0, Ordering::Relaxed);
        for memo in memos {
            memo.get_untracked();
        }
        runs.load(Ordering::Relaxed)
    }

    /// Regression: every pointer move of a drag re-rendered the card, its phase-board twin, the
    /// Inspector, the whole grid layout and the phase loads (about 20 ms a move).
    #[test]
    fn a_pointer_move_wakes_only_the_dragged_initiatives_subscribers() {
        in_owner(|| {
            let planner = planner();
            let ids: Vec<InitiativeId> = (0..1_000)
                .map(|n| add(&planner, &format!("Initiative {n}")))
                .collect();
            let dragged = ids[500].clone();
            // Per initiative, what its mark, its label and its phase-board card read.
            let per_initiative = Arc::new(AtomicUsize::new(0));
            let marks: Vec<Memo<()>> = ids
                .iter()
                .map(|id| {
                    let cell = planner.cell(id).expect("a cell per initiative");
                    let id = id.clone();
                    watch(&per_initiative, move || {
                        cell.track();
                        planner.is_selected(&id);
                        planner.is_dragged(&id);
                    })
                })
                .collect();
            // What sums over the roadmap: the layout, phase loads, autosave and Insight.
            let topics = Arc::new(AtomicUsize::new(0));
            let summaries = [
                watch(&topics, move || planner.track_board()),
                watch(&topics, move || planner.track_scores()),
                watch(&topics, move || planner.track_membership()),
                watch(&topics, move || planner.track_roadmap()),
            ];
            runs_of(&per_initiative, &marks);
            runs_of(&topics, &summaries);

            planner.drag_to(&dragged, Score::clamped(2.0), Score::clamped(2.0));
            assert_eq!(
                runs_of(&per_initiative, &marks),
                1,
                "the first move wakes the dragged mark"
            );
            assert_eq!(
                runs_of(&topics, &summaries),
                0,
                "the drag's start lays nothing out again"
            );
            for step in 1..=20 {
                let score = Score::clamped(2.0 + f64::from(step) / 10.0);
                planner.drag_to(&dragged, score, score);
                assert_eq!(
                    runs_of(&per_initiative, &marks),
                    0,
                    "move {step} wakes no view: the dragged mark moves itself"
                );
                assert_eq!(runs_of(&topics, &summaries), 0, "move {step} wakes no summary");
            }
            planner.drop_drag();
            assert_eq!(
                runs_of(&per_initiative, &marks),
                1,
                "the drop wakes the dragged mark once"
            );
            assert_eq!(
                runs_of(&topics, &summaries),
                3,
                "the drop lays out, sums the scores and saves once each (phase membership stays)"
            );
            assert!(
                !planner.is_dragged(&dragged),
                "after the drop the mark reads its scores from the roadmap"
            );
            assert_eq!(
                planner.with_roadmap(|roadmap| roadmap.initiative(&dragged).map(|i| i.effort)),
                Some(Score::clamped(4.0)),
                "the drop places the initiative at the last step's scores"
            );
        });
    }
}
