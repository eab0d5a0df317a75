//! The roadmap: initiatives, their phases and the quadrant split, with every planning operation.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{
    CatalogOrigin, Criterion, CriterionId, CriterionScale, Direction, DueDate, EndBeforeStart, Framework,
    Initiative, InitiativeId, MaturityAudit, Phase, PhaseCalendar, PhaseId, PhaseLoad, QuadrantSplit, Score,
};

/// A whole roadmap; field order is the file format's key order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    pub name: String,
    pub quadrant_split: QuadrantSplit,
    /// Optional in format version 1: a roadmap whose audit is blank exports as before it existed.
    #[serde(default, skip_serializing_if = "MaturityAudit::is_blank")]
    pub maturity: MaturityAudit,
    /// The active scoring framework; optional in format version 1 (the default writes no key).
    #[serde(default, skip_serializing_if = "Framework::is_default")]
    pub framework: Framework,
    /// ICE as the average of its three inputs instead of their product.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ice_average: bool,
    /// The user's weighted criteria, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// The grid's effort and impact follow the framework's cost and value parts
    /// (`framework_axes`); optional, left out while false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub axes_from_framework: bool,
    pub phases: Vec<Phase>,
    /// Shared, so an undo snapshot or a copy costs one pointer per initiative and a change
    /// copies only the initiative it touches.
    pub initiatives: Vec<Arc<Initiative>>,
}

/// A direction on the grid, as the arrow keys give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nudge {
    LessEffort,
    MoreEffort,
    LessImpact,
    MoreImpact,
}

/// Arrow-key step sizes on the grid.
pub const NUDGE_STEP: f64 = 0.5;
pub const NUDGE_BIG_STEP: f64 = 2.0;

impl Default for Roadmap {
    fn default() -> Self {
        Roadmap::new("My roadmap")
    }
}

impl Roadmap {
    /// An empty roadmap with the three default phases.
    pub fn new(name: impl Into<String>) -> Roadmap {
        let mut roadmap = Roadmap {
            name: name.into(),
            quadrant_split: QuadrantSplit::default(),
            maturity: MaturityAudit::default(),
            framework: Framework::default(),
            ice_average: false,
            criteria: Vec::new(),
            axes_from_framework: false,
            phases: Vec::new(),
            initiatives: Vec::new(),
        };
        for _ in 0..3 {
            roadmap.add_phase(None);
        }
        roadmap
    }

    /// Name shown to people and used for file names.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() { "Untitled roadmap" } else { name }
    }

    // ---- initiatives ----

    pub fn initiative(&self, id: &InitiativeId) -> Option<&Initiative> {
        self.initiatives
            .iter()
            .map(Arc::as_ref)
            .find(|initiative| &initiative.id == id)
    }

    /// Changes one initiative in place; returns false when the id is unknown.
    pub fn update_initiative(&mut self, id: &InitiativeId, change: impl FnOnce(&mut Initiative)) -> bool {
        match self
            .initiatives
            .iter_mut()
            .find(|initiative| &initiative.id == id)
        {
            Some(initiative) => {
                let initiative = Arc::make_mut(initiative);
                let before = initiative.scores_and_ranges();
                change(initiative);
                initiative.hold_ranges(before);
                true
            }
            None => false,
        }
    }

    /// Adds a free-form initiative at the centre of the grid and returns its id.
    pub fn add_initiative(&mut self, title: impl Into<String>) -> InitiativeId {
        let id = InitiativeId(next_id("i", self.initiatives.iter().map(|i| i.id.as_str())));
        self.initiatives
            .push(Arc::new(Initiative::new(id.clone(), title)));
        id
    }

    /// The ids the next `count` initiatives get, in order, by the rule `add_initiative`
    /// follows; worked out once, so that adding a whole backlog is not quadratic.
    pub fn fresh_initiative_ids(&self, count: usize) -> Vec<InitiativeId> {
        let highest = highest_number("i", self.initiatives.iter().map(|i| i.id.as_str()));
        (1..=count as u64)
            .map(|offset| InitiativeId(format!("i{}", highest.saturating_add(offset))))
            .collect()
    }

    /// Adds an initiative taken from a catalog heading, keeping where it came from.
    pub fn add_from_catalog(&mut self, title: impl Into<String>, origin: CatalogOrigin) -> InitiativeId {
        let id = self.add_initiative(title);
        self.update_initiative(&id, |initiative| initiative.origin = Some(origin));
        id
    }

    /// The initiative already made from this catalog heading, if any.
    pub fn from_catalog_path(&self, path: &[String]) -> Option<&Initiative> {
        self.initiatives.iter().map(Arc::as_ref).find(|initiative| {
            initiative
                .origin
                .as_ref()
                .is_some_and(|origin| origin.path == path)
        })
    }

    /// Removes an initiative and every dependency on it.
    pub fn remove_initiative(&mut self, id: &InitiativeId) -> Option<Initiative> {
        let index = self
            .initiatives
            .iter()
            .position(|initiative| &initiative.id == id)?;
        let removed = self.initiatives.remove(index);
        // Only the dependants are copied; every other initiative stays shared.
        for initiative in &mut self.initiatives {
            if initiative.dependencies.contains(id) {
                Arc::make_mut(initiative)
                    .dependencies
                    .retain(|dependency| dependency != id);
            }
        }
        Some(Arc::unwrap_or_clone(removed))
    }

    pub fn place(&mut self, id: &InitiativeId, effort: Score, impact: Score) -> bool {
        self.update_initiative(id, |initiative| {
            initiative.effort = effort;
            initiative.impact = impact;
        })
    }

    /// Moves a card one step on the grid (arrow keys), staying inside 1–10.
    pub fn nudge(&mut self, id: &InitiativeId, nudge: Nudge, step: f64) -> bool {
        self.update_initiative(id, |initiative| match nudge {
            Nudge::LessEffort => initiative.effort = initiative.effort.moved_by(-step),
            Nudge::MoreEffort => initiative.effort = initiative.effort.moved_by(step),
            Nudge::LessImpact => initiative.impact = initiative.impact.moved_by(-step),
            Nudge::MoreImpact => initiative.impact = initiative.impact.moved_by(step),
        })
    }

    /// Adds a weighted criterion (1–10, a benefit, weight 10) named "Criterion N".
    pub fn add_criterion(&mut self) -> CriterionId {
        let id = CriterionId(next_id(
            "c",
            self.criteria.iter().map(|criterion| criterion.id.0.as_str()),
        ));
        let name = (self.criteria.len() + 1..)
            .map(|number| format!("Criterion {number}"))
            .find(|candidate| self.criteria.iter().all(|criterion| &criterion.name != candidate))
            .unwrap_or_default();
        self.criteria.push(Criterion {
            id: id.clone(),
            name,
            weight: 10.0,
            direction: Direction::Benefit,
            scale: CriterionScale::OneToTen,
        });
        id
    }

    /// Removes a criterion and every initiative's value for it.
    pub fn remove_criterion(&mut self, id: &CriterionId) -> Option<Criterion> {
        let at = self.criteria.iter().position(|criterion| &criterion.id == id)?;
        for initiative in &mut self.initiatives {
            if initiative.criteria.contains_key(id) {
                Arc::make_mut(initiative).criteria.remove(id);
            }
        }
        Some(self.criteria.remove(at))
    }

    /// Changes a criterion; values outside a new scale are dropped rather than kept off it.
    pub fn update_criterion(&mut self, id: &CriterionId, change: impl FnOnce(&mut Criterion)) -> bool {
        let Some(criterion) = self.criteria.iter_mut().find(|criterion| &criterion.id == id) else {
            return false;
        };
        change(criterion);
        let (least, most) = criterion.scale.bounds();
        for initiative in &mut self.initiatives {
            if initiative
                .criteria
                .get(id)
                .is_some_and(|value| !value.lies_within(least, most))
            {
                Arc::make_mut(initiative).criteria.remove(id);
            }
        }
        true
    }

    /// Sets or clears a dependency, refusing self-dependencies and cycles.
    pub fn set_dependency(&mut self, id: &InitiativeId, on: &InitiativeId, depends: bool) -> bool {
        if depends && (id == on || self.depends_on(on, id) || self.initiative(on).is_none()) {
            return false;
        }
        self.update_initiative(id, |initiative| {
            initiative.dependencies.retain(|dependency| dependency != on);
            if depends {
                initiative.dependencies.push(on.clone());
            }
        })
    }

    /// Whether `id` depends on `on`, directly or through others.
    pub fn depends_on(&self, id: &InitiativeId, on: &InitiativeId) -> bool {
        let by_id = self.by_id();
        let mut stack = vec![id];
        let mut seen: HashSet<&InitiativeId> = HashSet::new();
        while let Some(current) = stack.pop() {
            if !seen.insert(current) {
                continue;
            }
            if let Some(initiative) = by_id.get(current) {
                if initiative.dependencies.contains(on) {
                    return true;
                }
                stack.extend(initiative.dependencies.iter());
            }
        }
        false
    }

    /// Every initiative that depends on `id`, directly or through others: the ones `id`
    /// must not depend on, or there would be a cycle. One pass over the roadmap, two when
    /// something depends on it.
    pub fn dependants_of(&self, id: &InitiativeId) -> HashSet<InitiativeId> {
        // Most initiatives have nothing depending on them: comparisons find that without
        // hashing every dependency in the roadmap.
        if !self
            .initiatives
            .iter()
            .any(|initiative| initiative.dependencies.contains(id))
        {
            return HashSet::new();
        }
        let mut dependants_by_id: HashMap<&InitiativeId, Vec<&InitiativeId>> = HashMap::new();
        for initiative in &self.initiatives {
            for dependency in &initiative.dependencies {
                dependants_by_id
                    .entry(dependency)
                    .or_default()
                    .push(&initiative.id);
            }
        }
        let mut found = HashSet::new();
        let mut stack = vec![id];
        while let Some(current) = stack.pop() {
            for &dependant in dependants_by_id.get(current).into_iter().flatten() {
                if found.insert(dependant.clone()) {
                    stack.push(dependant);
                }
            }
        }
        found
    }

    /// The initiatives by id, for lookups inside one operation.
    fn by_id(&self) -> HashMap<&InitiativeId, &Initiative> {
        self.initiatives
            .iter()
            .map(|initiative| (&initiative.id, initiative.as_ref()))
            .collect()
    }

    // ---- phases ----

    /// Where each phase stands in the order, by id: one lookup per initiative's phase.
    pub fn phase_positions(&self) -> HashMap<&PhaseId, usize> {
        self.phases
            .iter()
            .enumerate()
            .map(|(position, phase)| (&phase.id, position))
            .collect()
    }

    /// Where each initiative stands in `initiatives`, by id.
    pub fn initiative_positions(&self) -> HashMap<&InitiativeId, usize> {
        self.initiatives
            .iter()
            .enumerate()
            .map(|(position, initiative)| (&initiative.id, position))
            .collect()
    }

    pub fn phase(&self, id: &PhaseId) -> Option<&Phase> {
        self.phases.iter().find(|phase| &phase.id == id)
    }

    /// Adds a phase at the end; without a name it is called "Phase N".
    pub fn add_phase(&mut self, name: Option<String>) -> PhaseId {
        let id = PhaseId(next_id("p", self.phases.iter().map(|phase| phase.id.as_str())));
        let name = name.unwrap_or_else(|| {
            (self.phases.len() + 1..)
                .map(|number| format!("Phase {number}"))
                .find(|candidate| self.phases.iter().all(|phase| &phase.name != candidate))
                .unwrap_or_default()
        });
        self.phases.push(Phase::new(id.clone(), name));
        id
    }

    pub fn update_phase(&mut self, id: &PhaseId, change: impl FnOnce(&mut Phase)) -> bool {
        match self.phases.iter_mut().find(|phase| &phase.id == id) {
            Some(phase) => {
                change(phase);
                true
            }
            None => false,
        }
    }

    /// Sets or clears a phase's start, refusing one after its end; `Ok(false)` when the id
    /// is unknown.
    pub fn set_phase_start(&mut self, id: &PhaseId, start: Option<DueDate>) -> Result<bool, EndBeforeStart> {
        match self.phases.iter_mut().find(|phase| &phase.id == id) {
            Some(phase) => phase.set_dates(start, phase.end).map(|()| true),
            None => Ok(false),
        }
    }

    /// Sets or clears a phase's end, refusing one before its start; `Ok(false)` when the id
    /// is unknown.
    pub fn set_phase_end(&mut self, id: &PhaseId, end: Option<DueDate>) -> Result<bool, EndBeforeStart> {
        match self.phases.iter_mut().find(|phase| &phase.id == id) {
            Some(phase) => phase.set_dates(phase.start, end).map(|()| true),
            None => Ok(false),
        }
    }

    /// Gives the phases, in order, consecutive spans of `calendar` (quarters or sprints).
    /// Phases past the end of the calendar (year 9999) keep their dates. Returns how many
    /// phases were dated.
    pub fn schedule_phases(&mut self, calendar: PhaseCalendar) -> usize {
        let spans = calendar.spans(self.phases.len());
        for (phase, (start, end)) in self.phases.iter_mut().zip(&spans) {
            phase.start = Some(*start);
            phase.end = Some(*end);
        }
        spans.len()
    }

    /// Moves a phase earlier (negative) or later (positive) in the order.
    pub fn move_phase(&mut self, id: &PhaseId, offset: isize) -> bool {
        let Some(from) = self.phases.iter().position(|phase| &phase.id == id) else {
            return false;
        };
        let to = from.saturating_add_signed(offset).min(self.phases.len() - 1);
        if to == from {
            return false;
        }
        let phase = self.phases.remove(from);
        self.phases.insert(to, phase);
        true
    }

    /// Deletes a phase; its initiatives become unphased, never deleted.
    pub fn remove_phase(&mut self, id: &PhaseId) -> Option<Phase> {
        let index = self.phases.iter().position(|phase| &phase.id == id)?;
        for initiative in &mut self.initiatives {
            if initiative.phase.as_ref() == Some(id) {
                Arc::make_mut(initiative).phase = None;
            }
        }
        Some(self.phases.remove(index))
    }

    /// Puts an initiative in a phase, or takes it out of every phase with `None`.
    pub fn assign_phase(&mut self, id: &InitiativeId, phase: Option<PhaseId>) -> bool {
        if phase.as_ref().is_some_and(|phase| self.phase(phase).is_none()) {
            return false;
        }
        self.update_initiative(id, |initiative| initiative.phase = phase)
    }

    /// Moves an initiative to the neighbouring column of the phase board
    /// (columns: unphased, then each phase in order).
    pub fn shift_phase(&mut self, id: &InitiativeId, offset: isize) -> bool {
        let Some(current) = self.initiative(id).map(|initiative| initiative.phase.clone()) else {
            return false;
        };
        let columns: Vec<Option<PhaseId>> = std::iter::once(None)
            .chain(self.phases.iter().map(|phase| Some(phase.id.clone())))
            .collect();
        let from = columns.iter().position(|column| column == &current).unwrap_or(0);
        let to = from.saturating_add_signed(offset).min(columns.len() - 1);
        to != from && self.assign_phase(id, columns[to].clone())
    }

    /// The initiatives of one phase (or the unphased ones with `None`), in roadmap order.
    pub fn initiatives_in<'a>(
        &'a self,
        phase: Option<&'a PhaseId>,
    ) -> impl Iterator<Item = &'a Initiative> + 'a {
        self.initiatives
            .iter()
            .map(Arc::as_ref)
            .filter(move |initiative| initiative.phase.as_ref() == phase)
    }

    /// The load of every phase, in one pass over the initiatives.
    pub fn phase_loads(&self) -> HashMap<PhaseId, PhaseLoad> {
        let mut loads: HashMap<PhaseId, PhaseLoad> = self
            .phases
            .iter()
            .map(|phase| {
                let load = PhaseLoad {
                    effort: 0.0,
                    count: 0,
                    capacity: phase.capacity,
                };
                (phase.id.clone(), load)
            })
            .collect();
        for initiative in &self.initiatives {
            if let Some(load) = initiative.phase.as_ref().and_then(|phase| loads.get_mut(phase)) {
                load.effort += initiative.effort.value();
                load.count += 1;
            }
        }
        loads
    }
}

/// The next free id `prefix<N>`: one past the highest number already used with that prefix.
fn next_id<'a>(prefix: &str, existing: impl Iterator<Item = &'a str>) -> String {
    format!("{prefix}{}", highest_number(prefix, existing).saturating_add(1))
}

/// The highest number among ids written `<prefix><number>`; 0 when there is none.
fn highest_number<'a>(prefix: &str, existing: impl Iterator<Item = &'a str>) -> u64 {
    existing
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScoreRange;

    fn score(value: f64) -> Score {
        Score::clamped(value)
    }

    fn origin(path: &[&str]) -> CatalogOrigin {
        CatalogOrigin {
            catalog: "Modern Stacks".into(),
            path: path.iter().map(|part| part.to_string()).collect(),
        }
    }

    #[test]
    fn criteria_are_added_with_fresh_ids_and_removed_with_their_values() {
        let mut roadmap = Roadmap::new("Weighted");
        let first = roadmap.add_criterion();
        let second = roadmap.add_criterion();
        assert_eq!((first.0.as_str(), second.0.as_str()), ("c1", "c2"));
        assert_eq!(roadmap.criteria[1].name, "Criterion 2");
        let id = roadmap.add_initiative("Lakehouse");
        roadmap.update_initiative(&id, |initiative| {
            initiative
                .criteria
                .insert(first.clone(), crate::model::Estimate::point(7.0));
            initiative
                .criteria
                .insert(second.clone(), crate::model::Estimate::point(9.0));
        });
        // A scale that no longer holds a value drops it; one that does keeps it.
        roadmap.update_criterion(&second, |criterion| criterion.scale = CriterionScale::TShirt);
        assert!(!roadmap.initiatives[0].criteria.contains_key(&second));
        assert!(roadmap.remove_criterion(&first).is_some());
        assert!(roadmap.initiatives[0].criteria.is_empty());
        assert_eq!(roadmap.criteria.len(), 1);
        assert_eq!(
            roadmap.add_criterion().0,
            "c3",
            "ids are never reused while a later one stands"
        );
    }

    #[test]
    fn new_roadmap_has_three_default_phases() {
        let roadmap = Roadmap::new("Data 2027");
        let names: Vec<_> = roadmap.phases.iter().map(|phase| phase.name.as_str()).collect();
        assert_eq!(names, ["Phase 1", "Phase 2", "Phase 3"]);
        assert!(roadmap.initiatives.is_empty());
    }

    #[test]
    fn new_initiatives_get_fresh_ids_at_the_centre() {
        let mut roadmap = Roadmap::default();
        let first = roadmap.add_initiative("Lineage");
        let second = roadmap.add_initiative("Quality");
        assert_eq!((first.as_str(), second.as_str()), ("i1", "i2"));
        let initiative = roadmap.initiative(&second).expect("added");
        assert_eq!(
            (initiative.effort, initiative.impact),
            (Score::CENTRE, Score::CENTRE)
        );
    }

    #[test]
    fn fresh_initiative_ids_are_the_ids_adding_would_give() {
        let mut roadmap = Roadmap::default();
        let kept = roadmap.add_initiative("a");
        let gone = roadmap.add_initiative("b");
        roadmap.add_initiative("c");
        roadmap.remove_initiative(&gone);
        let fresh = roadmap.fresh_initiative_ids(2);
        let added = [roadmap.add_initiative("d"), roadmap.add_initiative("e")];
        assert_eq!(fresh, added);
        assert_eq!(kept.as_str(), "i1");
        assert!(Roadmap::default().fresh_initiative_ids(0).is_empty());
    }

    #[test]
    fn ids_continue_after_the_highest_even_with_gaps() {
        let mut roadmap = Roadmap::default();
        let first = roadmap.add_initiative("a");
        roadmap.add_initiative("b");
        Arc::make_mut(&mut roadmap.initiatives[1]).id = InitiativeId("i41".into());
        roadmap.remove_initiative(&first);
        assert_eq!(roadmap.add_initiative("c").as_str(), "i42");
    }

    #[test]
    fn catalog_items_remember_their_origin() {
        let mut roadmap = Roadmap::default();
        let path = origin(&["Modern Stacks", "Cloud", "IAC"]);
        let id = roadmap.add_from_catalog("IAC", path.clone());
        assert_eq!(roadmap.from_catalog_path(&path.path).map(|i| &i.id), Some(&id));
        assert!(
            roadmap
                .from_catalog_path(&["Modern Stacks".to_string()])
                .is_none()
        );
    }

    #[test]
    fn removing_an_initiative_drops_dependencies_on_it() {
        let mut roadmap = Roadmap::default();
        let base = roadmap.add_initiative("Data lake");
        let top = roadmap.add_initiative("BI dashboards");
        assert!(roadmap.set_dependency(&top, &base, true));
        roadmap.remove_initiative(&base);
        assert!(
            roadmap
                .initiative(&top)
                .is_some_and(|i| i.dependencies.is_empty())
        );
    }

    #[test]
    fn dependencies_refuse_self_and_cycles() {
        let mut roadmap = Roadmap::default();
        let a = roadmap.add_initiative("a");
        let b = roadmap.add_initiative("b");
        let c = roadmap.add_initiative("c");
        assert!(!roadmap.set_dependency(&a, &a, true));
        assert!(roadmap.set_dependency(&b, &a, true));
        assert!(roadmap.set_dependency(&c, &b, true));
        assert!(
            !roadmap.set_dependency(&a, &c, true),
            "a → c → b → a would be a cycle"
        );
        assert!(roadmap.set_dependency(&c, &b, false));
        assert!(roadmap.set_dependency(&a, &c, true));
    }

    #[test]
    fn initiatives_in_lists_a_phase_or_the_unphased_in_roadmap_order() {
        let mut roadmap = Roadmap::default();
        let ids = ["a", "b", "c"].map(|title| roadmap.add_initiative(title));
        let first = roadmap.phases[0].id.clone();
        roadmap.assign_phase(&ids[0], Some(first.clone()));
        roadmap.assign_phase(&ids[2], Some(first.clone()));
        let titles = |phase: Option<&PhaseId>| {
            roadmap
                .initiatives_in(phase)
                .map(|initiative| initiative.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(Some(&first)), ["a", "c"]);
        assert_eq!(titles(None), ["b"]);
        assert!(titles(Some(&roadmap.phases[1].id)).is_empty());
    }

    #[test]
    fn each_nudge_moves_its_own_axis_its_own_way() {
        let cases = [
            (Nudge::LessEffort, (5.0, 5.5)),
            (Nudge::MoreEffort, (6.0, 5.5)),
            (Nudge::LessImpact, (5.5, 5.0)),
            (Nudge::MoreImpact, (5.5, 6.0)),
        ];
        for (nudge, expected) in cases {
            let mut roadmap = Roadmap::default();
            let id = roadmap.add_initiative("Kafka");
            assert!(roadmap.nudge(&id, nudge, NUDGE_STEP));
            let initiative = roadmap.initiative(&id).expect("exists");
            assert_eq!(
                (initiative.effort.value(), initiative.impact.value()),
                expected,
                "{nudge:?}"
            );
        }
    }

    #[test]
    fn nudges_stop_at_both_edges_of_both_axes() {
        let mut roadmap = Roadmap::default();
        let id = roadmap.add_initiative("Kafka");
        let scores = |roadmap: &Roadmap| {
            let initiative = roadmap.initiative(&id).expect("exists");
            (initiative.effort, initiative.impact)
        };
        for _ in 0..10 {
            roadmap.nudge(&id, Nudge::LessEffort, NUDGE_BIG_STEP);
            roadmap.nudge(&id, Nudge::LessImpact, NUDGE_BIG_STEP);
        }
        assert_eq!(scores(&roadmap), (Score::MIN, Score::MIN));
        for _ in 0..10 {
            roadmap.nudge(&id, Nudge::MoreEffort, NUDGE_BIG_STEP);
            roadmap.nudge(&id, Nudge::MoreImpact, NUDGE_BIG_STEP);
        }
        assert_eq!(scores(&roadmap), (Score::MAX, Score::MAX));
    }

    #[test]
    fn nudges_move_one_step_and_stop_at_the_edge() {
        let mut roadmap = Roadmap::default();
        let id = roadmap.add_initiative("Kafka");
        roadmap.nudge(&id, Nudge::MoreImpact, NUDGE_STEP);
        roadmap.nudge(&id, Nudge::LessEffort, NUDGE_BIG_STEP);
        let initiative = roadmap.initiative(&id).expect("exists");
        assert_eq!((initiative.effort.value(), initiative.impact.value()), (3.5, 6.0));
        for _ in 0..30 {
            roadmap.nudge(&id, Nudge::MoreImpact, NUDGE_BIG_STEP);
        }
        assert_eq!(roadmap.initiative(&id).map(|i| i.impact), Some(Score::MAX));
    }

    #[test]
    fn placing_sets_both_scores() {
        let mut roadmap = Roadmap::default();
        let id = roadmap.add_initiative("Airflow");
        assert!(roadmap.place(&id, score(2.0), score(8.5)));
        assert!(!roadmap.place(&InitiativeId("nope".into()), score(2.0), score(8.5)));
        let initiative = roadmap.initiative(&id).expect("exists");
        assert_eq!((initiative.effort.value(), initiative.impact.value()), (2.0, 8.5));
    }

    #[test]
    fn added_phases_are_named_after_their_position() {
        let mut roadmap = Roadmap::default();
        let second = roadmap.phases[1].id.clone();
        roadmap.remove_phase(&second);
        roadmap.add_phase(None);
        let names: Vec<_> = roadmap.phases.iter().map(|phase| phase.name.as_str()).collect();
        assert_eq!(names, ["Phase 1", "Phase 3", "Phase 4"]);
        assert_eq!(roadmap.phases[2].id.as_str(), "p4");
    }

    #[test]
    fn deleting_a_phase_unphases_its_initiatives() {
        let mut roadmap = Roadmap::default();
        let phase = roadmap.phases[0].id.clone();
        let id = roadmap.add_initiative("Glue");
        roadmap.assign_phase(&id, Some(phase.clone()));
        roadmap.remove_phase(&phase);
        assert_eq!(roadmap.initiative(&id).and_then(|i| i.phase.clone()), None);
        assert_eq!(roadmap.initiatives.len(), 1);
    }

    #[test]
    fn phases_reorder_within_bounds() {
        let mut roadmap = Roadmap::default();
        let first = roadmap.phases[0].id.clone();
        assert!(!roadmap.move_phase(&first, -1));
        assert!(roadmap.move_phase(&first, 1));
        assert_eq!(roadmap.phases[1].id, first);
        assert!(roadmap.move_phase(&first, 5));
        assert_eq!(roadmap.phases[2].id, first);
    }

    #[test]
    fn assigning_to_an_unknown_phase_is_refused() {
        let mut roadmap = Roadmap::default();
        let id = roadmap.add_initiative("Snowflake");
        assert!(!roadmap.assign_phase(&id, Some(PhaseId("p99".into()))));
    }

    #[test]
    fn shifting_walks_unphased_then_phases_in_order() {
        let mut roadmap = Roadmap::default();
        let id = roadmap.add_initiative("Redshift");
        assert!(!roadmap.shift_phase(&id, -1));
        assert!(roadmap.shift_phase(&id, 1));
        assert_eq!(
            roadmap.initiative(&id).and_then(|i| i.phase.clone()),
            Some(roadmap.phases[0].id.clone())
        );
        assert!(roadmap.shift_phase(&id, 9));
        assert_eq!(
            roadmap.initiative(&id).and_then(|i| i.phase.clone()),
            Some(roadmap.phases[2].id.clone())
        );
        assert!(roadmap.shift_phase(&id, -3));
        assert_eq!(roadmap.initiative(&id).and_then(|i| i.phase.clone()), None);
    }

    fn day(text: &str) -> DueDate {
        text.parse().expect("a valid day")
    }

    #[test]
    fn phase_dates_are_set_one_at_a_time_and_never_cross() {
        let mut roadmap = Roadmap::default();
        let phase = roadmap.phases[1].id.clone();
        assert_eq!(roadmap.set_phase_start(&phase, Some(day("2027-03-01"))), Ok(true));
        let refused = roadmap.set_phase_end(&phase, Some(day("2027-01-01")));
        assert_eq!(
            refused,
            Err(EndBeforeStart {
                start: day("2027-03-01"),
                end: day("2027-01-01")
            })
        );
        assert_eq!(roadmap.phases[1].end, None, "a refused end changes nothing");
        assert_eq!(roadmap.set_phase_end(&phase, Some(day("2027-05-31"))), Ok(true));
        assert!(roadmap.set_phase_start(&phase, Some(day("2027-06-01"))).is_err());
        assert_eq!(roadmap.set_phase_start(&phase, None), Ok(true));
        assert_eq!(
            roadmap.phases[1].dates_text().as_deref(),
            Some("until 2027-05-31")
        );
        assert_eq!(roadmap.set_phase_end(&PhaseId("p9".into()), None), Ok(false));
    }

    #[test]
    fn scheduling_dates_every_phase_in_order() {
        let mut roadmap = Roadmap::default();
        roadmap.move_phase(&PhaseId("p3".into()), -2);
        let dated = roadmap.schedule_phases(PhaseCalendar::Quarters {
            from: day("2027-11-02"),
        });
        assert_eq!(dated, 3);
        let dates: Vec<_> = roadmap
            .phases
            .iter()
            .map(|phase| (phase.id.as_str(), phase.dates_text().unwrap_or_default()))
            .collect();
        assert_eq!(
            dates,
            [
                ("p3", "2027-10-01 to 2027-12-31".to_string()),
                ("p1", "2028-01-01 to 2028-03-31".to_string()),
                ("p2", "2028-04-01 to 2028-06-30".to_string()),
            ]
        );
    }

    #[test]
    fn phase_load_sums_effort_against_capacity() {
        let mut roadmap = Roadmap::default();
        let phase = roadmap.phases[0].id.clone();
        for title in ["a", "b"] {
            let id = roadmap.add_initiative(title);
            roadmap.place(&id, score(4.0), score(5.0));
            roadmap.assign_phase(&id, Some(phase.clone()));
        }
        roadmap.update_phase(&phase, |phase| phase.capacity = Some(7.5));
        let load = roadmap.phase_loads()[&phase];
        assert_eq!((load.effort, load.count), (8.0, 2));
        assert!(load.is_over_capacity());
        let empty = roadmap.phases[1].id.clone();
        assert_eq!(roadmap.phase_loads()[&empty].count, 0);
        assert_eq!(roadmap.initiatives_in(None).count(), 0);
    }

    #[test]
    fn a_range_moves_with_its_score_and_one_set_beside_it_must_hold_it() {
        let at = Score::clamped;
        let mut roadmap = Roadmap::new("Ranges");
        let id = roadmap.add_initiative("Lakehouse");
        let effort_range = |roadmap: &Roadmap| roadmap.initiatives[0].effort_range;
        roadmap.update_initiative(&id, |initiative| {
            initiative.effort = at(5.0);
            initiative.effort_range = ScoreRange::around(at(5.0), at(3.0), at(7.0));
        });
        roadmap.place(&id, at(6.0), at(5.5));
        assert_eq!(
            effort_range(&roadmap),
            ScoreRange::around(at(6.0), at(4.0), at(8.0))
        );
        roadmap.nudge(&id, Nudge::MoreEffort, 1.0);
        assert_eq!(
            effort_range(&roadmap),
            ScoreRange::around(at(7.0), at(5.0), at(9.0))
        );
        roadmap.nudge(&id, Nudge::MoreImpact, 1.0);
        assert_eq!(
            effort_range(&roadmap),
            ScoreRange::around(at(7.0), at(5.0), at(9.0))
        );
        roadmap.update_initiative(&id, |initiative| {
            initiative.effort = at(2.0);
            initiative.effort_range = ScoreRange::around(at(2.0), at(1.0), at(4.0));
        });
        assert_eq!(
            effort_range(&roadmap),
            ScoreRange::around(at(2.0), at(1.0), at(4.0))
        );
        roadmap.update_initiative(&id, |initiative| {
            initiative.effort_range = Some(ScoreRange {
                low: at(8.0),
                high: at(9.0),
            });
        });
        assert_eq!(
            effort_range(&roadmap),
            None,
            "a range away from its score is no range of it"
        );
    }
}
