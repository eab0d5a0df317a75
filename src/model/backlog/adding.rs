//! Drafts put on a roadmap: phases matched by name (or created), dependencies resolved by
//! key or title, and whatever could not be placed counted for the user.

use std::collections::HashMap;
use std::sync::Arc;

use super::convert::{Conversion, Draft};
use crate::model::{Initiative, InitiativeId, PhaseId, Roadmap};

/// What adding drafts to a roadmap did beyond adding them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddReport {
    /// The new initiatives, in the drafts' order.
    pub added: Vec<InitiativeId>,
    /// Phases created for names the roadmap did not have, in order of first appearance.
    pub new_phases: Vec<String>,
    /// Phase names the roadmap does not have, whose rows stayed unphased (creating was off).
    pub unknown_phases: Vec<String>,
    /// Dependencies naming neither an imported row (by key or title) nor an initiative already
    /// on the roadmap (by title): left out.
    pub unresolved_dependencies: usize,
    /// Dependencies left out because they would make an initiative wait on itself.
    pub circular_dependencies: usize,
}

impl AddReport {
    /// What the user should know, in words; empty when everything was placed.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let plural = |n: usize| if n == 1 { "dependency" } else { "dependencies" };
        if self.unresolved_dependencies > 0 {
            let n = self.unresolved_dependencies;
            notes.push(format!(
                "{n} {} named no imported row and no initiative on the roadmap, so {} left out.",
                plural(n),
                if n == 1 { "it is" } else { "they are" }
            ));
        }
        if self.circular_dependencies > 0 {
            let n = self.circular_dependencies;
            notes.push(format!(
                "{n} {} would make an initiative wait on itself, so {} left out.",
                plural(n),
                if n == 1 { "it is" } else { "they are" }
            ));
        }
        if !self.unknown_phases.is_empty() {
            notes.push(format!(
                "Rows in {} stay unphased: the roadmap has no such phase.",
                self.unknown_phases.join(", ")
            ));
        }
        notes
    }
}

/// Appends the drafts to `roadmap` and returns their new ids; see [`add_with_report`].
pub fn add_to_roadmap(
    roadmap: &mut Roadmap,
    conversion: &Conversion,
    create_phases: bool,
) -> Vec<InitiativeId> {
    add_with_report(roadmap, conversion, create_phases).added
}

/// Appends the drafts to `roadmap` as initiatives. Phase names match the roadmap's phases
/// trimmed and in any case; other names become new phases when `create_phases`, else their
/// rows stay unphased. Dependencies resolve by key among the drafts, then by title among
/// them, then by title among the roadmap's initiatives; unresolved ones and ones that would
/// close a circle are left out and counted.
pub fn add_with_report(roadmap: &mut Roadmap, conversion: &Conversion, create_phases: bool) -> AddReport {
    let mut report = AddReport::default();
    let drafts = &conversion.drafts;
    let phases = place_in_phases(roadmap, drafts, create_phases, &mut report);
    let ids = roadmap.fresh_initiative_ids(drafts.len());
    let mut targets = resolve_dependencies(roadmap, drafts, &mut report);
    report.circular_dependencies += drop_circles(&mut targets);
    for (index, draft) in drafts.iter().enumerate() {
        let dependencies = targets[index]
            .iter()
            .map(|target| match target {
                Target::Draft(other) => ids[*other].clone(),
                Target::Existing(id) => id.clone(),
            })
            .collect();
        let initiative = initiative_from(draft, ids[index].clone(), phases[index].clone(), dependencies);
        roadmap.initiatives.push(Arc::new(initiative));
    }
    report.added = ids;
    report
}

/// A new roadmap of the drafts; see [`roadmap_with_report`].
pub fn roadmap_from(name: &str, conversion: &Conversion, create_phases: bool) -> Roadmap {
    roadmap_with_report(name, conversion, create_phases).0
}

/// A new roadmap named `name` holding the drafts. When drafts name phases and
/// `create_phases`, its phases are exactly those names in order of first appearance;
/// otherwise it has a new roadmap's default phases.
pub fn roadmap_with_report(name: &str, conversion: &Conversion, create_phases: bool) -> (Roadmap, AddReport) {
    let mut roadmap = Roadmap::new(name);
    if create_phases && conversion.drafts.iter().any(|draft| draft.phase.is_some()) {
        roadmap.phases.clear();
    }
    let report = add_with_report(&mut roadmap, conversion, create_phases);
    (roadmap, report)
}

/// Each draft's phase on the roadmap, creating phases for new names when allowed.
fn place_in_phases(
    roadmap: &mut Roadmap,
    drafts: &[Draft],
    create_phases: bool,
    report: &mut AddReport,
) -> Vec<Option<PhaseId>> {
    let mut by_name: HashMap<String, PhaseId> = HashMap::new();
    for phase in &roadmap.phases {
        by_name
            .entry(phase.name.trim().to_lowercase())
            .or_insert_with(|| phase.id.clone());
    }
    let mut placed = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let Some(name) = draft
            .phase
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
        else {
            placed.push(None);
            continue;
        };
        let key = name.to_lowercase();
        let phase = match by_name.get(&key) {
            Some(id) => Some(id.clone()),
            None if create_phases => {
                let id = roadmap.add_phase(Some(name.to_string()));
                report.new_phases.push(name.to_string());
                by_name.insert(key, id.clone());
                Some(id)
            }
            None => {
                if !report
                    .unknown_phases
                    .iter()
                    .any(|known| known.to_lowercase() == key)
                {
                    report.unknown_phases.push(name.to_string());
                }
                None
            }
        };
        placed.push(phase);
    }
    placed
}

/// What a dependency points at: another draft (by position) or an initiative already there.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    Draft(usize),
    Existing(InitiativeId),
}

/// Names looked up exactly first, then in any case; the first holder of a name wins.
struct Names<T> {
    exact: HashMap<String, T>,
    folded: HashMap<String, T>,
}

impl<T: Clone> Names<T> {
    fn new<'a>(entries: impl Iterator<Item = (&'a str, T)>) -> Names<T> {
        let mut names = Names {
            exact: HashMap::new(),
            folded: HashMap::new(),
        };
        for (name, value) in entries {
            let name = name.trim();
            names
                .exact
                .entry(name.to_string())
                .or_insert_with(|| value.clone());
            names.folded.entry(name.to_lowercase()).or_insert(value);
        }
        names
    }

    fn get(&self, name: &str) -> Option<T> {
        self.exact
            .get(name)
            .or_else(|| self.folded.get(&name.to_lowercase()))
            .cloned()
    }
}

/// Each draft's dependencies as targets, without repeats; counts the unresolved ones and
/// the ones on the draft itself.
fn resolve_dependencies(roadmap: &Roadmap, drafts: &[Draft], report: &mut AddReport) -> Vec<Vec<Target>> {
    let keys = Names::new(
        drafts
            .iter()
            .enumerate()
            .filter_map(|(index, draft)| Some((draft.key.as_deref()?, index))),
    );
    let titles = Names::new(
        drafts
            .iter()
            .enumerate()
            .map(|(index, draft)| (draft.title.as_str(), index)),
    );
    let existing = Names::new(
        roadmap
            .initiatives
            .iter()
            .map(|initiative| (initiative.title.as_str(), initiative.id.clone())),
    );
    let mut resolved = Vec::with_capacity(drafts.len());
    for (index, draft) in drafts.iter().enumerate() {
        let mut targets: Vec<Target> = Vec::new();
        for name in &draft.dependencies {
            let name = name.trim();
            let target = keys
                .get(name)
                .or_else(|| titles.get(name))
                .map(Target::Draft)
                .or_else(|| existing.get(name).map(Target::Existing));
            match target {
                Some(Target::Draft(other)) if other == index => report.circular_dependencies += 1,
                Some(target) if !targets.contains(&target) => targets.push(target),
                Some(_) => {}
                None => report.unresolved_dependencies += 1,
            }
        }
        resolved.push(targets);
    }
    resolved
}

/// Leaves out every dependency that closes a circle among the drafts (the back edges of a
/// depth-first walk in draft order), so the roadmap's own check will pass; returns how many.
/// Initiatives already on the roadmap never wait on new ones, so no circle runs through them.
fn drop_circles(targets: &mut [Vec<Target>]) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; targets.len()];
    let mut dropped = 0;
    for start in 0..targets.len() {
        if marks[start] != Mark::New {
            continue;
        }
        marks[start] = Mark::Open;
        let mut stack = vec![(start, 0usize)];
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            let other = match targets[node].get(top.1) {
                None => {
                    marks[node] = Mark::Done;
                    stack.pop();
                    continue;
                }
                Some(Target::Existing(_)) => {
                    top.1 += 1;
                    continue;
                }
                Some(Target::Draft(other)) => *other,
            };
            match marks[other] {
                Mark::Open => {
                    // The next dependency moves into this place, so the position stays.
                    targets[node].remove(top.1);
                    dropped += 1;
                }
                Mark::New => {
                    top.1 += 1;
                    marks[other] = Mark::Open;
                    stack.push((other, 0));
                }
                Mark::Done => top.1 += 1,
            }
        }
    }
    dropped
}

fn initiative_from(
    draft: &Draft,
    id: InitiativeId,
    phase: Option<PhaseId>,
    dependencies: Vec<InitiativeId>,
) -> Initiative {
    Initiative {
        id,
        title: draft.title.clone(),
        description: draft.description.clone(),
        effort: draft.effort,
        impact: draft.impact,
        effort_range: draft.effort_range,
        impact_range: draft.impact_range,
        quick_win: draft.quick_win,
        urgency: draft.urgency,
        due: draft.due,
        phase,
        origin: draft.origin.clone(),
        owner: draft.owner.clone(),
        stakeholders: draft.stakeholders.clone(),
        goals: draft.goals.clone(),
        budget: draft.budget,
        dependencies,
        tags: draft.tags.clone(),
        ..Initiative::new(InitiativeId(String::new()), "")
    }
}
