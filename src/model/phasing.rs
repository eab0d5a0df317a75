//! Auto-phasing: a suggested assignment of initiatives to the roadmap's phases, with the reason
//! for every move. Rules, strongest first: dependencies before dependants (a dependant never sits
//! in an earlier phase than what it depends on), then urgency and due dates, then quick wins, then
//! impact for effort; never over a phase's capacity. Under a framework other than effort vs
//! impact its score takes the place of quick wins and impact for effort (highest first, those
//! still missing inputs after the scored): a quick win is a place on the effort vs impact grid.
//! Initiatives already in a phase stay there unless a rule makes them move. Phases without a
//! capacity take an even share of the effort, except the last of them, which takes whatever is
//! left.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::fmt;

use super::{
    DueDate, Framework, Initiative, InitiativeId, MissingInputs, PhaseId, Roadmap, Score, Urgency,
    framework_score, number,
};

/// Why an initiative goes where the suggestion puts it.
#[derive(Clone, Debug, PartialEq)]
pub enum PhaseReason {
    /// It depends on `dependency`, which the suggestion puts in this phase or an earlier one.
    AfterDependency {
        dependency: String,
    },
    Urgent {
        urgency: Urgency,
        due: Option<DueDate>,
    },
    QuickWin,
    /// Neither urgent nor a quick win: the value for the effort decides.
    Value {
        impact: Score,
        effort: Score,
    },
    /// Not urgent, under a framework other than effort vs impact: its score decides.
    Scored {
        framework: Framework,
        score: f64,
    },
    /// Not urgent, under such a framework, and missing inputs: it goes after those scored.
    Unscored {
        framework: Framework,
        missing: MissingInputs,
    },
    /// An earlier phase has no room left within its capacity (effort points).
    PhaseFull {
        phase: String,
        load: f64,
        capacity: f64,
    },
    /// An earlier phase without a capacity already holds its even share of the effort.
    PhaseShare {
        phase: String,
        load: f64,
        share: f64,
    },
    /// Its effort fits in no phase that its dependencies allow.
    NoRoom {
        effort: Score,
    },
    /// Something it depends on fits in no phase.
    WaitsFor {
        dependency: String,
    },
}

impl fmt::Display for PhaseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhaseReason::AfterDependency { dependency } => write!(f, "after {dependency} (dependency)"),
            PhaseReason::Urgent {
                urgency: Urgency::None,
                due: Some(due),
            } => write!(f, "due {due}"),
            PhaseReason::Urgent { urgency, due } => {
                write!(f, "{} urgency", urgency.label().to_lowercase())?;
                match due {
                    Some(due) => write!(f, ", due {due}"),
                    None => Ok(()),
                }
            }
            PhaseReason::QuickWin => f.write_str("quick win"),
            PhaseReason::Value { impact, effort } => {
                write!(f, "impact {} for effort {}", impact.value(), effort.value())
            }
            PhaseReason::Scored { framework, score } => {
                write!(f, "{} score {}", framework.label(), number(*score))
            }
            PhaseReason::Unscored { framework, missing } => {
                write!(f, "no {} score yet ({missing})", framework.label())
            }
            PhaseReason::PhaseFull {
                phase,
                load,
                capacity,
            } => {
                write!(f, "{phase} full: {}/{} effort", points(*load), points(*capacity))
            }
            PhaseReason::PhaseShare { phase, load, share } => write!(
                f,
                "{phase} holds its share: {}/{} effort (no capacity set)",
                points(*load),
                points(*share)
            ),
            PhaseReason::NoRoom { effort } => {
                write!(f, "fits in no phase: needs {} effort", effort.value())
            }
            PhaseReason::WaitsFor { dependency } => {
                write!(f, "waits for {dependency}, which fits in no phase")
            }
        }
    }
}

/// Effort points as people write them: `10`, `12.5`.
fn points(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    format!("{rounded}")
}

/// One initiative changing phase (`None` is "Unphased").
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseMove {
    pub initiative: InitiativeId,
    pub from: Option<PhaseId>,
    pub to: Option<PhaseId>,
    pub reason: PhaseReason,
}

/// A move as the suggestion dialog lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescribedMove {
    pub title: String,
    pub from: String,
    pub to: String,
    pub reason: String,
}

/// What "Suggest phases" proposes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhaseSuggestion {
    /// Every initiative whose phase changes, in the order the rules placed them.
    pub moves: Vec<PhaseMove>,
    /// Unphased initiatives that stay unphased because they fit nowhere, with the reason.
    pub left_out: Vec<(InitiativeId, PhaseReason)>,
    /// Effort of every initiative the suggestion leaves without a phase.
    pub unplaced_effort: f64,
}

impl PhaseSuggestion {
    /// The plain statement for initiatives the phases cannot hold, if any.
    pub fn shortfall(&self) -> Option<String> {
        let count = self.moves.iter().filter(|change| change.to.is_none()).count() + self.left_out.len();
        let initiatives = if count == 1 { "initiative" } else { "initiatives" };
        (count > 0).then(|| {
            format!(
                "No assignment fits: {count} {initiatives} ({} effort) fit in no phase within its capacity. Raise a capacity or add a phase.",
                points(self.unplaced_effort)
            )
        })
    }

    /// Every move and every initiative left out, in words: title, from, to and why.
    pub fn described(&self, roadmap: &Roadmap) -> Vec<DescribedMove> {
        let phase_name = |phase: Option<&PhaseId>| {
            phase
                .and_then(|phase| roadmap.phase(phase))
                .map_or_else(|| "Unphased".to_string(), |phase| phase.name.clone())
        };
        let title = |id: &InitiativeId| {
            roadmap
                .initiative(id)
                .map(|initiative| initiative.title.clone())
                .unwrap_or_default()
        };
        let moves = self.moves.iter().map(|change| DescribedMove {
            title: title(&change.initiative),
            from: phase_name(change.from.as_ref()),
            to: phase_name(change.to.as_ref()),
            reason: change.reason.to_string(),
        });
        let left_out = self.left_out.iter().map(|(id, reason)| DescribedMove {
            title: title(id),
            from: phase_name(None),
            to: "stays unphased".to_string(),
            reason: reason.to_string(),
        });
        moves.chain(left_out).collect()
    }

    /// Carries out every move; initiatives or phases removed since the suggestion are skipped.
    pub fn apply(&self, roadmap: &mut Roadmap) {
        for change in &self.moves {
            let phase_exists = change
                .to
                .as_ref()
                .is_none_or(|phase| roadmap.phase(phase).is_some());
            if phase_exists {
                roadmap.assign_phase(&change.initiative, change.to.clone());
            }
        }
    }
}

/// Effort in tenths of a point: sums stay exact.
fn tenths(score: Score) -> u64 {
    (score.value() * 10.0).round() as u64
}

/// Capacity in tenths; a capacity is never negative (the importer and the form refuse it).
fn capacity_tenths(capacity: f64) -> u64 {
    (capacity * 10.0 + 1e-6).floor().max(0.0) as u64
}

/// The order the rules below dependencies ask for: most urgent, earliest due date, then under
/// effort vs impact quick wins and the most impact for the effort, under another framework the
/// highest score, the unscored after the scored. The caller breaks ties by roadmap order.
pub(super) struct Priority<'a> {
    roadmap: &'a Roadmap,
    /// Each initiative's score (by position) under a framework other than effort vs impact,
    /// worked out once; `None` under effort vs impact.
    scores: Option<Vec<Result<f64, MissingInputs>>>,
}

impl<'a> Priority<'a> {
    /// The priority of `roadmap`'s initiatives. O(n).
    pub(super) fn of(roadmap: &'a Roadmap) -> Priority<'a> {
        let scores = (!roadmap.framework.is_default()).then(|| {
            roadmap
                .initiatives
                .iter()
                .map(|initiative| framework_score(roadmap, initiative).map(|score| score.value))
                .collect()
        });
        Priority { roadmap, scores }
    }

    /// `Less` when the initiative at position `a` goes before the one at `b`.
    pub(super) fn cmp(&self, a: usize, b: usize) -> Ordering {
        let (first, second) = (&self.roadmap.initiatives[a], &self.roadmap.initiatives[b]);
        let due = |initiative: &Initiative| (initiative.due.is_none(), initiative.due);
        let pressing = second
            .urgency
            .cmp(&first.urgency)
            .then_with(|| due(first).cmp(&due(second)));
        pressing.then_with(|| match &self.scores {
            None => second
                .quick_win
                .cmp(&first.quick_win)
                // impact_a / effort_a > impact_b / effort_b, in integers.
                .then_with(|| {
                    (tenths(second.impact) * tenths(first.effort))
                        .cmp(&(tenths(first.impact) * tenths(second.effort)))
                }),
            Some(scores) => match (&scores[a], &scores[b]) {
                (Ok(first), Ok(second)) => second.total_cmp(first),
                (Ok(_), Err(_)) => Ordering::Less,
                (Err(_), Ok(_)) => Ordering::Greater,
                (Err(_), Err(_)) => Ordering::Equal,
            },
        })
    }

    /// Why the initiative at `position` goes as early as its dependencies allow: the strongest
    /// rule it meets.
    fn first_reason(&self, position: usize) -> PhaseReason {
        let initiative = &self.roadmap.initiatives[position];
        if initiative.urgency > Urgency::None || initiative.due.is_some() {
            return PhaseReason::Urgent {
                urgency: initiative.urgency,
                due: initiative.due,
            };
        }
        let framework = self.roadmap.framework;
        match self.scores.as_ref().map(|scores| &scores[position]) {
            Some(Ok(score)) => PhaseReason::Scored {
                framework,
                score: *score,
            },
            Some(Err(missing)) => PhaseReason::Unscored {
                framework,
                missing: missing.clone(),
            },
            None if initiative.quick_win => PhaseReason::QuickWin,
            None => PhaseReason::Value {
                impact: initiative.impact,
                effort: initiative.effort,
            },
        }
    }
}

/// Initiative positions, dependencies first, and among those free to go next the highest
/// priority first (Kahn's algorithm with a priority queue).
fn planning_order(roadmap: &Roadmap, priority: &Priority) -> Vec<usize> {
    let initiatives = &roadmap.initiatives;
    let index = roadmap.initiative_positions();
    let mut waiting_on = vec![0usize; initiatives.len()];
    let mut dependants: Vec<Vec<usize>> = vec![Vec::new(); initiatives.len()];
    for (position, initiative) in initiatives.iter().enumerate() {
        for dependency in &initiative.dependencies {
            if let Some(&on) = index.get(dependency) {
                waiting_on[position] += 1;
                dependants[on].push(position);
            }
        }
    }

    struct Ready<'p, 'a>(&'p Priority<'a>, usize);
    impl PartialEq for Ready<'_, '_> {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other) == Ordering::Equal
        }
    }
    impl Eq for Ready<'_, '_> {}
    impl PartialOrd for Ready<'_, '_> {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Ready<'_, '_> {
        fn cmp(&self, other: &Self) -> Ordering {
            self.0.cmp(self.1, other.1).then(self.1.cmp(&other.1))
        }
    }

    let mut ready: BinaryHeap<Reverse<Ready>> = waiting_on
        .iter()
        .enumerate()
        .filter(|(_, waits)| **waits == 0)
        .map(|(position, _)| Reverse(Ready(priority, position)))
        .collect();
    let mut order = Vec::with_capacity(initiatives.len());
    while let Some(Reverse(Ready(_, position))) = ready.pop() {
        order.push(position);
        for &dependant in &dependants[position] {
            waiting_on[dependant] -= 1;
            if waiting_on[dependant] == 0 {
                ready.push(Reverse(Ready(priority, dependant)));
            }
        }
    }
    // A cycle (which the importer and the editor refuse) would leave initiatives out: they
    // keep their order at the end, so the suggestion still covers everyone.
    if order.len() < initiatives.len() {
        let mut placed = vec![false; initiatives.len()];
        for &position in &order {
            placed[position] = true;
        }
        order.extend((0..initiatives.len()).filter(|&position| !placed[position]));
    }
    order
}

/// How much a phase may take: its capacity, or for phases without one an even share (soft:
/// it decides where initiatives go, never moves one that is already there). The initiatives
/// already in a phase hold their room until the rules have looked at them.
struct Room {
    capacity: Option<u64>,
    share: Option<u64>,
    /// Effort of the initiatives planned into this phase so far.
    load: u64,
    /// Effort of the phase's current initiatives not planned yet.
    reserved: u64,
}

impl Room {
    /// Whether an initiative from elsewhere fits: within the capacity, or while the phase is
    /// short of its share (one initiative may take it past the share, so big ones fit too).
    fn fits(&self, effort: u64) -> bool {
        let held = self.load + self.reserved;
        match (self.capacity, self.share) {
            (Some(capacity), _) => held + effort <= capacity,
            (None, Some(share)) => held < share,
            (None, None) => true,
        }
    }

    /// Whether one of the phase's own initiatives (no longer reserved) may stay.
    fn keeps(&self, effort: u64) -> bool {
        self.capacity
            .is_none_or(|capacity| self.load + effort <= capacity)
    }

    fn reason(&self, phase: &str) -> PhaseReason {
        let load = (self.load + self.reserved) as f64 / 10.0;
        match (self.capacity, self.share) {
            (Some(capacity), _) => PhaseReason::PhaseFull {
                phase: phase.to_string(),
                load,
                capacity: capacity as f64 / 10.0,
            },
            (None, share) => PhaseReason::PhaseShare {
                phase: phase.to_string(),
                load,
                share: share.map_or(load, |share| share as f64 / 10.0),
            },
        }
    }
}

/// The suggestion for `roadmap`; the same roadmap always gives the same suggestion.
pub fn suggest_phases(roadmap: &Roadmap) -> PhaseSuggestion {
    if roadmap.phases.is_empty() {
        return PhaseSuggestion::default();
    }
    let mut planning = Planning::new(roadmap);
    let order = planning_order(roadmap, &planning.priority);
    for &position in &order {
        planning.plan(position);
    }
    // The phases' own initiatives held their room until they were planned; some of them
    // moved on, so what fitted nowhere gets a second try, in the same order.
    for &position in &order {
        planning.retry(position);
    }
    planning.into_suggestion(order)
}

/// Each phase's room: its capacity, or an even share of the effort the capacities leave (none
/// for the last phase without a capacity), with the effort of its current initiatives reserved.
fn rooms_of(roadmap: &Roadmap, phase_index: &HashMap<&PhaseId, usize>) -> Vec<Room> {
    let total: u64 = roadmap
        .initiatives
        .iter()
        .map(|initiative| tenths(initiative.effort))
        .sum();
    let capped: u64 = roadmap
        .phases
        .iter()
        .filter_map(|phase| phase.capacity.map(capacity_tenths))
        .sum();
    let uncapped: Vec<usize> = (0..roadmap.phases.len())
        .filter(|&index| roadmap.phases[index].capacity.is_none())
        .collect();
    let share = (!uncapped.is_empty()).then(|| total.saturating_sub(capped).div_ceil(uncapped.len() as u64));
    let mut rooms: Vec<Room> = roadmap
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| Room {
            capacity: phase.capacity.map(capacity_tenths),
            share: share.filter(|_| uncapped.last() != Some(&index)),
            load: 0,
            reserved: 0,
        })
        .collect();
    for initiative in &roadmap.initiatives {
        if let Some(&phase) = initiative.phase.as_ref().and_then(|phase| phase_index.get(phase)) {
            rooms[phase].reserved += tenths(initiative.effort);
        }
    }
    rooms
}

/// A suggestion being worked out: each phase's room, the initiatives' priority, and per
/// initiative (by position) its current phase, the phase planned for it and the reason for a
/// change.
struct Planning<'a> {
    roadmap: &'a Roadmap,
    priority: Priority<'a>,
    rooms: Vec<Room>,
    index_of: HashMap<&'a InitiativeId, usize>,
    current: Vec<Option<usize>>,
    /// The phase each initiative ends up in, filled in planning order: `None` until planned,
    /// then `Some(None)` for "fits nowhere".
    planned: Vec<Option<Option<usize>>>,
    /// The reason for a change or for fitting nowhere.
    reasons: Vec<Option<PhaseReason>>,
}

impl<'a> Planning<'a> {
    /// Nothing planned yet: every phase's room reserved for its current initiatives.
    fn new(roadmap: &'a Roadmap) -> Planning<'a> {
        let phase_index = roadmap.phase_positions();
        let index_of = roadmap.initiative_positions();
        let current: Vec<Option<usize>> = roadmap
            .initiatives
            .iter()
            .map(|initiative| {
                initiative
                    .phase
                    .as_ref()
                    .and_then(|phase| phase_index.get(phase).copied())
            })
            .collect();
        Planning {
            roadmap,
            priority: Priority::of(roadmap),
            rooms: rooms_of(roadmap, &phase_index),
            index_of,
            current,
            planned: vec![None; roadmap.initiatives.len()],
            reasons: vec![None; roadmap.initiatives.len()],
        }
    }

    /// Plans the initiative at `position`: it waits when a dependency fits nowhere, stays in
    /// its phase when the rules allow, or else takes the first phase with room.
    fn plan(&mut self, position: usize) {
        let roadmap = self.roadmap;
        let initiative = &roadmap.initiatives[position];
        let effort = tenths(initiative.effort);
        if let Some(phase) = self.current[position] {
            self.rooms[phase].reserved -= effort;
        }
        let bounds = DependencyBounds::of(roadmap, initiative, &self.index_of, &self.planned);
        if let Some(dependency) = bounds.blocked_by {
            self.planned[position] = Some(None);
            self.reasons[position] = Some(PhaseReason::WaitsFor {
                dependency: dependency.title.clone(),
            });
            return;
        }

        // An initiative already in a phase stays while its dependencies and that phase's
        // capacity allow it.
        let mut moved_because = None;
        if let Some(phase) = self.current[position] {
            if phase >= bounds.earliest && self.rooms[phase].keeps(effort) {
                self.rooms[phase].load += effort;
                self.planned[position] = Some(Some(phase));
                return;
            }
            moved_because = Some(match bounds.binding {
                Some(dependency) if phase < bounds.earliest => PhaseReason::AfterDependency {
                    dependency: dependency.title.clone(),
                },
                _ => self.rooms[phase].reason(&roadmap.phases[phase].name),
            });
        }

        let target = (bounds.earliest..self.rooms.len()).find(|&phase| self.rooms[phase].fits(effort));
        self.planned[position] = Some(target);
        self.reasons[position] = Some(match target {
            Some(target) => {
                self.rooms[target].load += effort;
                moved_because.unwrap_or_else(|| self.placement_reason(target, &bounds, position))
            }
            None => moved_because.unwrap_or(PhaseReason::NoRoom {
                effort: initiative.effort,
            }),
        });
    }

    /// A second try for the initiative at `position` if it fitted nowhere: room may have
    /// come free since.
    fn retry(&mut self, position: usize) {
        if self.planned[position] != Some(None) {
            return;
        }
        let roadmap = self.roadmap;
        let initiative = &roadmap.initiatives[position];
        let effort = tenths(initiative.effort);
        let bounds = DependencyBounds::of(roadmap, initiative, &self.index_of, &self.planned);
        if bounds.blocked_by.is_some() {
            return;
        }
        if let Some(target) =
            (bounds.earliest..self.rooms.len()).find(|&phase| self.rooms[phase].fits(effort))
        {
            self.rooms[target].load += effort;
            self.planned[position] = Some(Some(target));
            if self.current[position].is_none() {
                self.reasons[position] = Some(self.placement_reason(target, &bounds, position));
            }
        }
    }

    /// Why the initiative at `position`, from elsewhere, goes to `target`: the phase before was
    /// full, or its dependency sets the phase, or else the strongest rule it meets.
    fn placement_reason(&self, target: usize, bounds: &DependencyBounds, position: usize) -> PhaseReason {
        if target > bounds.earliest {
            self.rooms[target - 1].reason(&self.roadmap.phases[target - 1].name)
        } else if let Some(dependency) = bounds.binding.filter(|_| bounds.earliest > 0) {
            PhaseReason::AfterDependency {
                dependency: dependency.title.clone(),
            }
        } else {
            self.priority.first_reason(position)
        }
    }

    /// Every change, in planning `order`: moves, the unphased initiatives left out, and the
    /// effort left without a phase.
    fn into_suggestion(mut self, order: Vec<usize>) -> PhaseSuggestion {
        let roadmap = self.roadmap;
        let mut suggestion = PhaseSuggestion::default();
        for position in order {
            let initiative = &roadmap.initiatives[position];
            let to = self.planned[position].flatten();
            let Some(reason) = self.reasons[position]
                .take()
                .filter(|_| to != self.current[position] || to.is_none())
            else {
                continue;
            };
            if to.is_none() {
                suggestion.unplaced_effort += initiative.effort.value();
            }
            match (&initiative.phase, to) {
                (None, None) => suggestion.left_out.push((initiative.id.clone(), reason)),
                (from, to) => suggestion.moves.push(PhaseMove {
                    initiative: initiative.id.clone(),
                    from: from.clone(),
                    to: to.map(|target| roadmap.phases[target].id.clone()),
                    reason,
                }),
            }
        }
        suggestion
    }
}

/// What an initiative's dependencies allow, given the phases planned so far.
struct DependencyBounds<'a> {
    /// The earliest phase it may go in: that of its latest dependency.
    earliest: usize,
    /// The dependency that sets `earliest`.
    binding: Option<&'a Initiative>,
    /// A dependency that fits in no phase, if any.
    blocked_by: Option<&'a Initiative>,
}

impl<'a> DependencyBounds<'a> {
    fn of(
        roadmap: &'a Roadmap,
        initiative: &Initiative,
        index_of: &HashMap<&InitiativeId, usize>,
        planned: &[Option<Option<usize>>],
    ) -> DependencyBounds<'a> {
        let mut bounds = DependencyBounds {
            earliest: 0,
            binding: None,
            blocked_by: None,
        };
        for dependency in &initiative.dependencies {
            let Some(&at) = index_of.get(dependency) else {
                continue;
            };
            match planned[at] {
                Some(Some(phase)) if phase > bounds.earliest || bounds.binding.is_none() => {
                    bounds.earliest = bounds.earliest.max(phase);
                    bounds.binding = Some(&roadmap.initiatives[at]);
                }
                Some(None) => bounds.blocked_by = bounds.blocked_by.or(Some(&roadmap.initiatives[at])),
                _ => {}
            }
        }
        bounds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RiceInputs;

    /// A roadmap of the three default phases with the given capacities and one initiative per
    /// `(title, effort, impact)`.
    fn roadmap(
        capacities: [Option<f64>; 3],
        initiatives: &[(&str, f64, f64)],
    ) -> (Roadmap, Vec<InitiativeId>) {
        let mut roadmap = Roadmap::new("Plan");
        for (phase, capacity) in roadmap.phases.iter_mut().zip(capacities) {
            phase.capacity = capacity;
        }
        let ids = initiatives
            .iter()
            .map(|&(title, effort, impact)| {
                let id = roadmap.add_initiative(title);
                roadmap.place(&id, Score::clamped(effort), Score::clamped(impact));
                id
            })
            .collect();
        (roadmap, ids)
    }

    fn phase_names(roadmap: &Roadmap) -> Vec<(String, String)> {
        roadmap
            .initiatives
            .iter()
            .map(|initiative| {
                let phase = initiative.phase.as_ref().and_then(|phase| roadmap.phase(phase));
                (
                    initiative.title.clone(),
                    phase.map_or("Unphased".to_string(), |phase| phase.name.clone()),
                )
            })
            .collect()
    }

    fn applied(mut roadmap: Roadmap) -> (Roadmap, PhaseSuggestion) {
        let suggestion = suggest_phases(&roadmap);
        suggestion.apply(&mut roadmap);
        (roadmap, suggestion)
    }

    fn reason_of(suggestion: &PhaseSuggestion, id: &InitiativeId) -> String {
        let reason = suggestion
            .moves
            .iter()
            .find(|change| &change.initiative == id)
            .map(|change| &change.reason)
            .or_else(|| {
                suggestion
                    .left_out
                    .iter()
                    .find(|(left, _)| left == id)
                    .map(|(_, reason)| reason)
            });
        reason.map(ToString::to_string).unwrap_or_default()
    }

    #[test]
    fn a_roadmap_without_phases_gets_no_suggestion() {
        let (mut roadmap, _) = roadmap([None; 3], &[("Kafka", 3.0, 8.0)]);
        roadmap.phases.clear();
        assert_eq!(suggest_phases(&roadmap), PhaseSuggestion::default());
    }

    #[test]
    fn urgency_then_due_date_then_quick_wins_then_value_decide_the_order() {
        let (mut roadmap, ids) = roadmap(
            [Some(4.0), Some(4.0), Some(4.0)],
            &[
                ("Value", 4.0, 4.0),
                ("Better value", 4.0, 9.0),
                ("Quick", 4.0, 5.0),
                ("Due", 4.0, 1.0),
            ],
        );
        roadmap.update_initiative(&ids[2], |initiative| initiative.quick_win = true);
        roadmap.update_initiative(&ids[3], |initiative| initiative.due = "2027-03-01".parse().ok());
        let (planned, suggestion) = applied(roadmap.clone());
        assert_eq!(
            phase_names(&planned),
            [
                ("Value", "Unphased"),
                ("Better value", "Phase 3"),
                ("Quick", "Phase 2"),
                ("Due", "Phase 1")
            ]
            .map(|(title, phase)| (title.to_string(), phase.to_string()))
        );
        assert_eq!(reason_of(&suggestion, &ids[3]), "due 2027-03-01");
        assert_eq!(reason_of(&suggestion, &ids[2]), "Phase 1 full: 4/4 effort");
        assert_eq!(
            reason_of(&suggestion, &ids[0]),
            "fits in no phase: needs 4 effort"
        );
        let described = suggestion.described(&roadmap);
        assert_eq!(
            described.first(),
            Some(&DescribedMove {
                title: "Due".into(),
                from: "Unphased".into(),
                to: "Phase 1".into(),
                reason: "due 2027-03-01".into(),
            })
        );
        let last = described.last().map(|row| (row.title.as_str(), row.to.as_str()));
        assert_eq!(last, Some(("Value", "stays unphased")));

        // Urgency outranks a due date alone, and a due date breaks a tie in urgency.
        roadmap.update_initiative(&ids[0], |initiative| initiative.urgency = Urgency::Critical);
        roadmap.update_initiative(&ids[1], |initiative| {
            initiative.urgency = Urgency::Critical;
            initiative.due = "2027-01-15".parse().ok();
        });
        let (planned, suggestion) = applied(roadmap);
        let phases: Vec<String> = phase_names(&planned)
            .into_iter()
            .map(|(_, phase)| phase)
            .collect();
        assert_eq!(phases, ["Phase 2", "Phase 1", "Unphased", "Phase 3"]);
        assert_eq!(
            reason_of(&suggestion, &ids[1]),
            "critical urgency, due 2027-01-15"
        );
        assert_eq!(
            suggestion.shortfall().as_deref(),
            Some(
                "No assignment fits: 1 initiative (4 effort) fit in no phase within its capacity. Raise a capacity or add a phase."
            )
        );
    }

    #[test]
    fn a_dependency_comes_first_and_names_itself_as_the_reason() {
        let (mut roadmap, ids) = roadmap(
            [Some(10.0), None, None],
            &[("Dashboards", 3.0, 9.0), ("Warehouse", 8.0, 6.0)],
        );
        roadmap.set_dependency(&ids[0], &ids[1], true);
        roadmap.update_initiative(&ids[0], |initiative| initiative.urgency = Urgency::Critical);
        let (planned, suggestion) = applied(roadmap);
        // Warehouse takes Phase 1 (8 of 10); Dashboards does not fit beside it (8 + 3 > 10).
        assert_eq!(
            phase_names(&planned),
            [("Dashboards", "Phase 2"), ("Warehouse", "Phase 1")]
                .map(|(title, phase)| (title.to_string(), phase.to_string()))
        );
        assert_eq!(reason_of(&suggestion, &ids[1]), "impact 6 for effort 8");
        assert_eq!(reason_of(&suggestion, &ids[0]), "Phase 1 full: 8/10 effort");
    }

    #[test]
    fn a_dependant_goes_with_or_after_its_dependency() {
        let (mut roadmap, ids) = roadmap(
            [Some(20.0); 3],
            &[("Dashboards", 2.0, 9.0), ("Warehouse", 2.0, 6.0)],
        );
        roadmap.set_dependency(&ids[0], &ids[1], true);
        let warehouse_phase = roadmap.phases[1].id.clone();
        roadmap.assign_phase(&ids[1], Some(warehouse_phase));
        let (planned, suggestion) = applied(roadmap);
        assert_eq!(phase_names(&planned)[0].1, "Phase 2");
        assert_eq!(reason_of(&suggestion, &ids[0]), "after Warehouse (dependency)");
        assert_eq!(suggestion.moves.len(), 1, "Warehouse stays where it is");
    }

    #[test]
    fn phased_initiatives_move_only_when_a_rule_requires_it() {
        let (mut roadmap, ids) = roadmap(
            [Some(5.0), None, None],
            &[
                ("Kept", 3.0, 5.0),
                ("Over capacity", 3.0, 4.0),
                ("Too early", 1.0, 5.0),
                ("Base", 1.0, 5.0),
            ],
        );
        let [first, second, third] = [0, 1, 2].map(|index| roadmap.phases[index].id.clone());
        roadmap.assign_phase(&ids[0], Some(first.clone()));
        roadmap.assign_phase(&ids[1], Some(first.clone()));
        roadmap.assign_phase(&ids[2], Some(second));
        roadmap.assign_phase(&ids[3], Some(third));
        roadmap.set_dependency(&ids[2], &ids[3], true);
        let suggestion = suggest_phases(&roadmap);
        let moved: Vec<(&InitiativeId, String)> = suggestion
            .moves
            .iter()
            .map(|change| (&change.initiative, change.reason.to_string()))
            .collect();
        assert_eq!(
            moved,
            [
                (&ids[2], "after Base (dependency)".to_string()),
                (&ids[1], "Phase 1 full: 3/5 effort".to_string()),
            ]
        );
        assert_eq!(suggestion.moves[1].from, Some(first));
    }

    #[test]
    fn the_reason_names_the_latest_dependency_and_only_when_it_decides() {
        let (mut roadmap, ids) = roadmap(
            [Some(20.0); 3],
            &[
                ("Report", 1.0, 5.0),
                ("Lake", 1.0, 5.0),
                ("Mesh", 1.0, 5.0),
                ("Catalog", 1.0, 5.0),
                ("Alert", 1.0, 5.0),
            ],
        );
        let phase = |index: usize| Some(roadmap.phases[index].id.clone());
        let (first, second) = (phase(0), phase(1));
        roadmap.assign_phase(&ids[1], second.clone());
        roadmap.assign_phase(&ids[2], second);
        roadmap.assign_phase(&ids[3], first);
        // Report depends on Lake and Mesh (Phase 2) and Catalog (Phase 1): the first of the
        // latest names the reason.
        for on in [&ids[1], &ids[2], &ids[3]] {
            roadmap.set_dependency(&ids[0], on, true);
        }
        // Alert depends on Catalog in Phase 1 and goes to Phase 1 too: its own urgency decides.
        roadmap.set_dependency(&ids[4], &ids[3], true);
        roadmap.update_initiative(&ids[4], |initiative| initiative.urgency = Urgency::Critical);
        let suggestion = suggest_phases(&roadmap);
        assert_eq!(reason_of(&suggestion, &ids[0]), "after Lake (dependency)");
        assert_eq!(reason_of(&suggestion, &ids[4]), "critical urgency");
    }

    #[test]
    fn a_phase_over_capacity_is_the_reason_even_when_a_dependency_shares_it() {
        let (mut roadmap, ids) = roadmap([Some(4.0), None, None], &[("Base", 3.0, 9.0), ("Top", 3.0, 5.0)]);
        let first = roadmap.phases[0].id.clone();
        roadmap.assign_phase(&ids[0], Some(first.clone()));
        roadmap.assign_phase(&ids[1], Some(first));
        roadmap.set_dependency(&ids[1], &ids[0], true);
        let suggestion = suggest_phases(&roadmap);
        assert_eq!(reason_of(&suggestion, &ids[1]), "Phase 1 full: 3/4 effort");
    }

    #[test]
    fn phases_without_a_capacity_share_the_effort_evenly() {
        let initiatives: Vec<(String, f64, f64)> = (0..6)
            .map(|index| (format!("Initiative {index}"), 3.0, 5.0))
            .collect();
        let borrowed: Vec<(&str, f64, f64)> = initiatives
            .iter()
            .map(|(title, effort, impact)| (title.as_str(), *effort, *impact))
            .collect();
        let (roadmap, ids) = roadmap([None; 3], &borrowed);
        let (planned, suggestion) = applied(roadmap);
        let loads = planned.phase_loads();
        let counts: Vec<usize> = planned
            .phases
            .iter()
            .map(|phase| loads[&phase.id].count)
            .collect();
        assert_eq!(counts, [2, 2, 2]);
        assert_eq!(
            reason_of(&suggestion, &ids[2]),
            "Phase 1 holds its share: 6/6 effort (no capacity set)"
        );
    }

    /// Four initiatives of effort 4 in phases of 9, 4 and any effort: one due, one scored high
    /// by RICE but little impact for its effort, one the grid's favourite scored low, and one
    /// quick win without RICE inputs; plus an urgent one of effort 1 without inputs.
    fn evidence(framework: Framework) -> (Roadmap, Vec<InitiativeId>) {
        let (mut roadmap, ids) = roadmap(
            [Some(9.0), Some(4.0), None],
            &[
                ("Unscored quick win", 4.0, 10.0),
                ("Grid favourite", 4.0, 9.0),
                ("RICE favourite", 4.0, 2.0),
                ("Due", 4.0, 1.0),
                ("Urgent", 1.0, 1.0),
            ],
        );
        roadmap.framework = framework;
        let rice = |reach: f64| RiceInputs {
            reach: Some(crate::model::Estimate::point(reach)),
            impact: Some(crate::model::RiceImpact::High),
            confidence: Some(crate::model::Confidence::High),
            effort: Some(crate::model::Estimate::point(3.0)),
        };
        roadmap.update_initiative(&ids[0], |initiative| initiative.quick_win = true);
        roadmap.update_initiative(&ids[1], |initiative| initiative.rice = rice(100.0));
        roadmap.update_initiative(&ids[2], |initiative| initiative.rice = rice(2000.0));
        roadmap.update_initiative(&ids[3], |initiative| initiative.due = "2027-03-01".parse().ok());
        roadmap.update_initiative(&ids[4], |initiative| initiative.urgency = Urgency::High);
        (roadmap, ids)
    }

    #[test]
    fn under_a_framework_its_score_decides_after_urgency_and_due_dates() {
        let (roadmap, ids) = evidence(Framework::Rice);
        let (planned, suggestion) = applied(roadmap);
        assert_eq!(
            phase_names(&planned),
            [
                ("Unscored quick win", "Phase 3"),
                ("Grid favourite", "Phase 2"),
                ("RICE favourite", "Phase 1"),
                ("Due", "Phase 1"),
                ("Urgent", "Phase 1"),
            ]
            .map(|(title, phase)| (title.to_string(), phase.to_string()))
        );
        assert_eq!(reason_of(&suggestion, &ids[4]), "high urgency");
        assert_eq!(reason_of(&suggestion, &ids[3]), "due 2027-03-01");
        assert_eq!(reason_of(&suggestion, &ids[2]), "RICE score 1,066.67");
        assert_eq!(reason_of(&suggestion, &ids[1]), "Phase 1 full: 9/9 effort");
        assert_eq!(reason_of(&suggestion, &ids[0]), "Phase 2 full: 4/4 effort");
        let order: Vec<&InitiativeId> = suggestion.moves.iter().map(|change| &change.initiative).collect();
        assert_eq!(order, [&ids[4], &ids[3], &ids[2], &ids[1], &ids[0]]);
    }

    #[test]
    fn under_effort_vs_impact_quick_wins_and_impact_for_effort_decide_as_before() {
        let (roadmap, ids) = evidence(Framework::EffortImpact);
        let (planned, suggestion) = applied(roadmap);
        assert_eq!(
            phase_names(&planned),
            [
                ("Unscored quick win", "Phase 1"),
                ("Grid favourite", "Phase 2"),
                ("RICE favourite", "Phase 3"),
                ("Due", "Phase 1"),
                ("Urgent", "Phase 1"),
            ]
            .map(|(title, phase)| (title.to_string(), phase.to_string()))
        );
        assert_eq!(reason_of(&suggestion, &ids[0]), "quick win");
    }

    #[test]
    fn an_initiative_without_a_score_goes_after_the_scored_and_says_what_it_needs() {
        let (mut roadmap, ids) = evidence(Framework::Rice);
        roadmap.phases[1].capacity = Some(20.0);
        let first = roadmap.phases[0].id.clone();
        for id in &ids[2..] {
            roadmap.assign_phase(id, Some(first.clone()));
        }
        let suggestion = suggest_phases(&roadmap);
        // Both go to Phase 2 (Phase 1 is full); the scored one first, whatever the grid says.
        let order: Vec<&InitiativeId> = suggestion.moves.iter().map(|change| &change.initiative).collect();
        assert_eq!(order, [&ids[1], &ids[0]]);
        assert_eq!(reason_of(&suggestion, &ids[0]), "Phase 1 full: 9/9 effort");
        roadmap.phases[0].capacity = None;
        roadmap.phases.truncate(1);
        for id in &ids[2..] {
            roadmap.assign_phase(id, None);
        }
        let suggestion = suggest_phases(&roadmap);
        assert_eq!(
            reason_of(&suggestion, &ids[0]),
            "no RICE score yet (needs Reach, RICE impact, Confidence and Effort (person-months))"
        );
        assert_eq!(reason_of(&suggestion, &ids[1]), "RICE score 53.33");
    }

    #[test]
    fn equal_scores_and_the_unscored_keep_the_roadmaps_order() {
        let (mut roadmap, ids) = roadmap(
            [Some(1.0), Some(1.0), Some(1.0)],
            &[("A", 1.0, 1.0), ("B", 1.0, 9.0), ("C", 1.0, 1.0)],
        );
        roadmap.framework = Framework::Ice;
        // All unscored: the grid's favourite B does not jump ahead.
        let order = |roadmap: &Roadmap| -> Vec<InitiativeId> {
            suggest_phases(roadmap)
                .moves
                .into_iter()
                .map(|change| change.initiative)
                .collect()
        };
        assert_eq!(order(&roadmap), ids);
        for id in &ids {
            roadmap.update_initiative(id, |initiative| {
                initiative.ice = crate::model::IceInputs {
                    impact: Some(crate::model::Estimate::point(5.0)),
                    confidence: Some(crate::model::Estimate::point(5.0)),
                    ease: Some(crate::model::Estimate::point(5.0)),
                };
            });
        }
        assert_eq!(order(&roadmap), ids);
        assert_eq!(
            suggest_phases(&roadmap).moves[0].reason.to_string(),
            "ICE score 125"
        );
    }

    #[test]
    fn accepting_a_suggestion_leaves_nothing_more_to_suggest() {
        let (mut roadmap, ids) = roadmap(
            [Some(6.0), Some(6.0), None],
            &[("A", 5.0, 5.0), ("B", 4.0, 8.0), ("C", 2.0, 2.0), ("D", 6.0, 9.0)],
        );
        roadmap.set_dependency(&ids[1], &ids[3], true);
        let (planned, first) = applied(roadmap);
        assert!(!first.moves.is_empty());
        assert!(suggest_phases(&planned).moves.is_empty());
    }

    // proptest runs natively only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Random roadmaps under any framework: 0–4 phases with or without capacities, 0–30
        /// initiatives with any scores, urgencies, phases and ICE inputs (or none), and
        /// dependencies only on earlier initiatives (acyclic) unless `cycles` is set.
        fn roadmaps(cycles: bool) -> impl Strategy<Value = Roadmap> {
            let phases = prop::collection::vec(prop::option::of(0u32..=300), 0..=4);
            let initiative = (
                (10u8..=100, 10u8..=100, prop::option::of(1u8..=10)),
                0usize..5,
                any::<bool>(),
                any::<prop::sample::Index>(),
                prop::collection::vec(any::<prop::sample::Index>(), 0..3),
            );
            let framework = prop::sample::select(Framework::ALL.to_vec());
            (phases, prop::collection::vec(initiative, 0..30), framework).prop_map(
                move |(capacities, initiatives, framework)| {
                    let mut roadmap = Roadmap::new("Random");
                    roadmap.framework = framework;
                    roadmap.phases.clear();
                    for capacity in capacities {
                        let id = roadmap.add_phase(None);
                        roadmap.update_phase(&id, |phase| {
                            phase.capacity = capacity.map(|tenths| f64::from(tenths) / 10.0)
                        });
                    }
                    let ids: Vec<InitiativeId> = (0..initiatives.len())
                        .map(|index| roadmap.add_initiative(format!("I{index}")))
                        .collect();
                    for (position, ((effort, impact, ice), urgency, quick_win, phase, dependencies)) in
                        initiatives.into_iter().enumerate()
                    {
                        let phase = (!roadmap.phases.is_empty())
                            .then(|| phase.index(roadmap.phases.len() + 1))
                            .and_then(|index| roadmap.phases.get(index))
                            .map(|phase| phase.id.clone());
                        let on: Vec<InitiativeId> = dependencies
                            .iter()
                            .filter(|_| cycles || position > 0)
                            .map(|pick| ids[pick.index(if cycles { ids.len() } else { position })].clone())
                            .filter(|dependency| dependency != &ids[position])
                            .collect();
                        roadmap.update_initiative(&ids[position], |initiative| {
                            initiative.effort = Score::clamped(f64::from(effort) / 10.0);
                            initiative.impact = Score::clamped(f64::from(impact) / 10.0);
                            initiative.urgency = Urgency::ALL[urgency];
                            initiative.quick_win = quick_win;
                            initiative.phase = phase;
                            initiative.dependencies = on;
                            initiative.dependencies.dedup();
                            let ice = ice.map(|value| crate::model::Estimate::point(f64::from(value)));
                            initiative.ice = crate::model::IceInputs {
                                impact: ice,
                                confidence: ice,
                                ease: ice,
                            };
                        });
                    }
                    roadmap
                },
            )
        }

        fn phase_of(roadmap: &Roadmap) -> HashMap<&InitiativeId, Option<usize>> {
            roadmap
                .initiatives
                .iter()
                .map(|initiative| {
                    let index = initiative
                        .phase
                        .as_ref()
                        .and_then(|phase| roadmap.phases.iter().position(|candidate| &candidate.id == phase));
                    (&initiative.id, index)
                })
                .collect()
        }

        fn over_capacity(roadmap: &Roadmap) -> Vec<String> {
            let loads = roadmap.phase_loads();
            roadmap
                .phases
                .iter()
                .filter(|phase| loads[&phase.id].is_over_capacity())
                .map(|phase| phase.name.clone())
                .collect()
        }

        proptest! {
            #[test]
            fn dependencies_and_capacities_always_hold_after_accepting(roadmap in roadmaps(false)) {
                let was_over = over_capacity(&roadmap);
                let (planned, _) = applied(roadmap);
                let phase = phase_of(&planned);
                for initiative in planned.initiatives.iter() {
                    if let Some(at) = phase[&initiative.id] {
                        for dependency in &initiative.dependencies {
                            let before = phase[dependency];
                            prop_assert!(before.is_some_and(|before| before <= at),
                                "{} in phase {at} depends on {dependency:?} in {before:?}", initiative.title);
                        }
                    }
                }
                prop_assert!(over_capacity(&planned).is_empty(), "was over: {was_over:?}");
            }

            #[test]
            fn the_same_roadmap_gives_the_same_suggestion(roadmap in roadmaps(false)) {
                prop_assert_eq!(suggest_phases(&roadmap), suggest_phases(&roadmap.clone()));
            }

            #[test]
            fn a_last_phase_without_a_capacity_takes_everyone(mut roadmap in roadmaps(false)) {
                if let Some(last) = roadmap.phases.last_mut() {
                    last.capacity = None;
                    let (planned, suggestion) = applied(roadmap);
                    prop_assert!(suggestion.shortfall().is_none());
                    prop_assert!(planned.initiatives.iter().all(|initiative| initiative.phase.is_some()));
                }
            }

            #[test]
            fn a_valid_plan_is_left_as_it_is(roadmap in roadmaps(false)) {
                let (planned, _) = applied(roadmap);
                prop_assert!(suggest_phases(&planned).moves.is_empty());
            }

            #[test]
            fn every_unphased_initiative_gets_a_phase_or_a_reason(roadmap in roadmaps(true)) {
                // With phases to fill, even initiatives on a dependency cycle (which the
                // importer refuses) are placed or said to fit nowhere; and nothing panics.
                let suggestion = suggest_phases(&roadmap);
                for initiative in roadmap.initiatives.iter().filter(|initiative| initiative.phase.is_none()) {
                    let moved = suggestion.moves.iter().any(|change| change.initiative == initiative.id);
                    let left_out = suggestion.left_out.iter().any(|(id, _)| id == &initiative.id);
                    prop_assert!(roadmap.phases.is_empty() || moved || left_out, "{} is missing", initiative.title);
                }
            }
        }
    }
}
