//! The projection of the open roadmap: the signals and topics views subscribe to, and how a
//! change is published to them.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{
    Criterion, Framework, Initiative, InitiativeId, MaturityAudit, Phase, QuadrantSplit, Roadmap,
    RoadmapChanges,
};

/// One initiative as the views see it: its own signal, so a card wakes only for its own changes.
pub type InitiativeCell = ArcRwSignal<Arc<Initiative>>;

/// How the open roadmap scores its initiatives: the framework and its settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    pub framework: Framework,
    pub ice_average: bool,
    pub criteria: Vec<Criterion>,
    pub axes_from_framework: bool,
}

impl Scoring {
    fn of(roadmap: &Roadmap) -> Scoring {
        Scoring {
            framework: roadmap.framework,
            ice_average: roadmap.ice_average,
            criteria: roadmap.criteria.clone(),
            axes_from_framework: roadmap.axes_from_framework,
        }
    }
}

/// The parts of the open roadmap that views subscribe to.
#[derive(Clone, Copy)]
pub(super) struct Projection {
    pub(super) name: RwSignal<String>,
    pub(super) split: RwSignal<QuadrantSplit>,
    pub(super) maturity: RwSignal<MaturityAudit>,
    pub(super) scoring: RwSignal<Scoring>,
    pub(super) phases: RwSignal<Vec<Phase>>,
    /// Initiative ids in roadmap order; changes only when initiatives come, go or reorder.
    pub(super) order: RwSignal<Vec<InitiativeId>>,
    pub(super) cells: StoredValue<HashMap<InitiativeId, InitiativeCell>>,
    pub(super) membership: Trigger,
    pub(super) scores: Trigger,
    pub(super) links: Trigger,
    pub(super) origins: Trigger,
    pub(super) board: Trigger,
    /// Any change at all (autosave).
    pub(super) revision: Trigger,
}

impl Projection {
    pub(super) fn new(roadmap: &Roadmap) -> Projection {
        Projection {
            name: RwSignal::new(roadmap.name.clone()),
            split: RwSignal::new(roadmap.quadrant_split),
            maturity: RwSignal::new(roadmap.maturity.clone()),
            scoring: RwSignal::new(Scoring::of(roadmap)),
            phases: RwSignal::new(roadmap.phases.clone()),
            order: RwSignal::new(ids_of(roadmap)),
            cells: StoredValue::new(cells_of(roadmap)),
            membership: Trigger::new(),
            scores: Trigger::new(),
            links: Trigger::new(),
            origins: Trigger::new(),
            board: Trigger::new(),
            revision: Trigger::new(),
        }
    }

    /// Tells the views what `changes` made of the roadmap, `after` being the roadmap now.
    pub(super) fn publish(&self, changes: &RoadmapChanges, after: &Roadmap) {
        if changes.name {
            self.name.set(after.name.clone());
        }
        if changes.split {
            self.split.set(after.quadrant_split);
        }
        if changes.maturity {
            self.maturity.set(after.maturity.clone());
        }
        if changes.framework {
            self.scoring.set(Scoring::of(after));
        }
        if changes.phases {
            self.phases.set(after.phases.clone());
        }
        if changes.order {
            // New initiatives get cells, gone ones lose theirs; the others keep theirs.
            self.cells.update_value(|cells| {
                let mut kept = HashMap::with_capacity(after.initiatives.len());
                for initiative in &after.initiatives {
                    let cell = cells
                        .remove(&initiative.id)
                        .unwrap_or_else(|| ArcRwSignal::new(Arc::clone(initiative)));
                    kept.insert(initiative.id.clone(), cell);
                }
                *cells = kept;
            });
        }
        self.cells.with_value(|cells| {
            for (id, &position) in changes.initiatives.iter().zip(&changes.positions) {
                if let (Some(cell), Some(now)) = (cells.get(id), after.initiatives.get(position)) {
                    cell.set(Arc::clone(now));
                }
            }
        });
        if changes.order {
            self.order.set(ids_of(after));
        }
        for (changed, topic) in [
            (changes.membership, self.membership),
            (changes.scores, self.scores),
            (changes.links, self.links),
            (changes.origins, self.origins),
            (changes.board, self.board),
            (true, self.revision),
        ] {
            if changed {
                topic.notify();
            }
        }
    }
}

fn ids_of(roadmap: &Roadmap) -> Vec<InitiativeId> {
    roadmap
        .initiatives
        .iter()
        .map(|initiative| initiative.id.clone())
        .collect()
}

fn cells_of(roadmap: &Roadmap) -> HashMap<InitiativeId, InitiativeCell> {
    roadmap
        .initiatives
        .iter()
        .map(|initiative| (initiative.id.clone(), ArcRwSignal::new(Arc::clone(initiative))))
        .collect()
}
