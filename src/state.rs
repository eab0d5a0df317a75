//! The planner's one source of truth: the roadmap signal, its undo history and UI selection,
//! provided through context. Views read it and change the roadmap only through `edit`.

use leptos::prelude::*;

use crate::model::{History, InitiativeId, MODERN_STACKS, Outline, Roadmap};

/// A message shown in the alert area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    /// Offer to download this text (e.g. unreadable saved data) so nothing is lost.
    pub rescue: Option<Rescue>,
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
}

/// Handle to the planner state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Planner {
    pub roadmap: RwSignal<Roadmap>,
    /// The outline initiatives are picked from.
    pub catalog: RwSignal<Outline>,
    history: RwSignal<History<Roadmap>>,
    /// The field being typed into, so a burst of keystrokes is one undo step.
    typing: StoredValue<Option<String>>,
    pub selected: RwSignal<Option<InitiativeId>>,
    pub notice: RwSignal<Option<Notice>>,
    pub confirmation: RwSignal<Option<Confirmation>>,
}

impl Planner {
    pub fn new(roadmap: Roadmap) -> Planner {
        // The built-in outline is checked by the model's tests; an empty catalog is the
        // graceful fallback should that ever break.
        let catalog = Outline::parse(MODERN_STACKS).unwrap_or(Outline { entries: Vec::new() });
        Planner {
            roadmap: RwSignal::new(roadmap),
            catalog: RwSignal::new(catalog),
            history: RwSignal::new(History::default()),
            typing: StoredValue::new(None),
            selected: RwSignal::new(None),
            notice: RwSignal::new(None),
            confirmation: RwSignal::new(None),
        }
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

    pub fn select(&self, id: Option<InitiativeId>) {
        self.typing.set_value(None);
        self.selected.set(id);
    }

    pub fn tell(&self, tone: Tone, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            tone,
            text: text.into(),
            rescue: None,
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
