//! Where a roadmap's plan breaks its own promises in time: a due date before its phase is
//! over, or an initiative waiting for one planned after it. The timeline draws these red and
//! lists them in words; auto-phasing (`phasing.rs`) never makes a dependency-order conflict.

use std::collections::HashMap;
use std::fmt;

use super::{DueDate, Initiative, InitiativeId, Roadmap};

/// One broken promise, with the names its sentence needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Due before the last day of its phase: the phase may finish it too late.
    DueBeforePhaseEnds {
        initiative: InitiativeId,
        title: String,
        due: DueDate,
        phase_end: DueDate,
    },
    /// Due before its phase (which has no end yet) even starts.
    DueBeforePhaseStarts {
        initiative: InitiativeId,
        title: String,
        due: DueDate,
        phase_start: DueDate,
    },
    /// Waits for an initiative that sits in a later phase.
    WaitsForLaterPhase {
        initiative: InitiativeId,
        title: String,
        dependency: InitiativeId,
        dependency_title: String,
        dependency_phase: String,
    },
    /// Waits for an initiative that is in no phase, so it is planned after every phase.
    WaitsForUnphased {
        initiative: InitiativeId,
        title: String,
        dependency: InitiativeId,
        dependency_title: String,
    },
}

impl Conflict {
    /// The initiative whose plan is broken.
    pub fn initiative(&self) -> &InitiativeId {
        match self {
            Conflict::DueBeforePhaseEnds { initiative, .. }
            | Conflict::DueBeforePhaseStarts { initiative, .. }
            | Conflict::WaitsForLaterPhase { initiative, .. }
            | Conflict::WaitsForUnphased { initiative, .. } => initiative,
        }
    }

    /// What it waits for, when the order of dependencies is broken.
    pub fn dependency(&self) -> Option<&InitiativeId> {
        match self {
            Conflict::WaitsForLaterPhase { dependency, .. }
            | Conflict::WaitsForUnphased { dependency, .. } => Some(dependency),
            Conflict::DueBeforePhaseEnds { .. } | Conflict::DueBeforePhaseStarts { .. } => None,
        }
    }

    /// Whether the order of dependencies is broken (rather than a due date).
    pub fn is_dependency_order(&self) -> bool {
        matches!(
            self,
            Conflict::WaitsForLaterPhase { .. } | Conflict::WaitsForUnphased { .. }
        )
    }
}

impl fmt::Display for Conflict {
    /// "Churn model is due 2027-03-31 but its phase ends 2027-06-30".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::DueBeforePhaseEnds {
                title,
                due,
                phase_end,
                ..
            } => write!(f, "{title} is due {due} but its phase ends {phase_end}"),
            Conflict::DueBeforePhaseStarts {
                title,
                due,
                phase_start,
                ..
            } => write!(f, "{title} is due {due} but its phase starts {phase_start}"),
            Conflict::WaitsForLaterPhase {
                title,
                dependency_title,
                dependency_phase,
                ..
            } => write!(
                f,
                "{title} waits for {dependency_title}, which sits in a later phase ({dependency_phase})"
            ),
            Conflict::WaitsForUnphased {
                title,
                dependency_title,
                ..
            } => write!(
                f,
                "{title} waits for {dependency_title}, which is in no phase yet"
            ),
        }
    }
}

/// Every conflict, in roadmap order: per initiative its due date first, then its dependencies
/// in the order they are listed. An unphased initiative has no conflicts of its own: it is not
/// planned yet. One pass over the initiatives and their dependencies.
pub fn conflicts(roadmap: &Roadmap) -> Vec<Conflict> {
    let phase_index = roadmap.phase_positions();
    let placed = |initiative: &Initiative| {
        initiative
            .phase
            .as_ref()
            .and_then(|phase| phase_index.get(phase).copied())
    };
    let by_id: HashMap<&InitiativeId, &Initiative> = roadmap
        .initiatives
        .iter()
        .map(|initiative| (&initiative.id, initiative.as_ref()))
        .collect();
    let mut found = Vec::new();
    for initiative in roadmap.initiatives.iter().map(AsRef::as_ref) {
        let Some(at) = placed(initiative) else {
            continue;
        };
        let phase = &roadmap.phases[at];
        let title = || initiative.display_title().to_string();
        match (initiative.due, phase.start, phase.end) {
            (Some(due), _, Some(phase_end)) if due < phase_end => found.push(Conflict::DueBeforePhaseEnds {
                initiative: initiative.id.clone(),
                title: title(),
                due,
                phase_end,
            }),
            (Some(due), Some(phase_start), None) if due < phase_start => {
                found.push(Conflict::DueBeforePhaseStarts {
                    initiative: initiative.id.clone(),
                    title: title(),
                    due,
                    phase_start,
                })
            }
            _ => {}
        }
        for dependency in initiative.dependencies.iter().filter_map(|id| by_id.get(id)) {
            let dependency_title = dependency.display_title().to_string();
            match placed(dependency) {
                Some(later) if later > at => found.push(Conflict::WaitsForLaterPhase {
                    initiative: initiative.id.clone(),
                    title: title(),
                    dependency: dependency.id.clone(),
                    dependency_title,
                    dependency_phase: roadmap.phases[later].display_name().to_string(),
                }),
                Some(_) => {}
                None => found.push(Conflict::WaitsForUnphased {
                    initiative: initiative.id.clone(),
                    title: title(),
                    dependency: dependency.id.clone(),
                    dependency_title,
                }),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PhaseId;

    fn day(text: &str) -> DueDate {
        text.parse().expect("a valid day")
    }

    /// Phase 1 (Q1 2027), Phase 2 (Q2 2027) and Phase 3 (undated); two initiatives.
    fn planned() -> (Roadmap, InitiativeId, InitiativeId) {
        let mut roadmap = Roadmap::new("Data 2027");
        roadmap.schedule_phases(crate::model::PhaseCalendar::Quarters {
            from: day("2027-01-01"),
        });
        let third = roadmap.phases[2].id.clone();
        roadmap.update_phase(&third, |phase| {
            phase.start = None;
            phase.end = None;
        });
        let churn = roadmap.add_initiative("Churn model");
        let lake = roadmap.add_initiative("Data Lake");
        (roadmap, churn, lake)
    }

    fn phase(roadmap: &Roadmap, index: usize) -> Option<PhaseId> {
        Some(roadmap.phases[index].id.clone())
    }

    fn sentences(roadmap: &Roadmap) -> Vec<String> {
        conflicts(roadmap).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_due_date_before_the_phase_ends_is_a_conflict() {
        let (mut roadmap, churn, _) = planned();
        let second = phase(&roadmap, 1);
        roadmap.update_initiative(&churn, |initiative| {
            initiative.phase = second;
            initiative.due = Some(day("2027-03-31"));
        });
        assert_eq!(
            sentences(&roadmap),
            ["Churn model is due 2027-03-31 but its phase ends 2027-06-30"]
        );
        let found = &conflicts(&roadmap)[0];
        assert_eq!(found.initiative(), &churn);
        assert!(!found.is_dependency_order());
        // Due on the phase's last day, or later, is kept.
        roadmap.update_initiative(&churn, |initiative| initiative.due = Some(day("2027-06-30")));
        assert!(conflicts(&roadmap).is_empty());
    }

    #[test]
    fn a_due_date_before_an_open_ended_phase_starts_is_a_conflict() {
        let (mut roadmap, churn, _) = planned();
        let second = roadmap.phases[1].id.clone();
        roadmap.update_phase(&second, |phase| phase.end = None);
        roadmap.update_initiative(&churn, |initiative| {
            initiative.phase = Some(second);
            initiative.due = Some(day("2027-03-01"));
        });
        assert_eq!(
            sentences(&roadmap),
            ["Churn model is due 2027-03-01 but its phase starts 2027-04-01"]
        );
    }

    #[test]
    fn due_dates_in_undated_phases_or_unphased_are_no_conflict() {
        let (mut roadmap, churn, lake) = planned();
        let third = phase(&roadmap, 2);
        roadmap.update_initiative(&churn, |initiative| {
            initiative.phase = third;
            initiative.due = Some(day("2020-01-01"));
        });
        roadmap.update_initiative(&lake, |initiative| initiative.due = Some(day("2020-01-01")));
        assert!(conflicts(&roadmap).is_empty());
    }

    #[test]
    fn waiting_for_an_initiative_in_a_later_phase_is_a_conflict() {
        let (mut roadmap, churn, lake) = planned();
        let (first, second) = (phase(&roadmap, 0), phase(&roadmap, 1));
        roadmap.update_phase(&PhaseId("p2".into()), |phase| phase.name = "Scale".into());
        roadmap.assign_phase(&churn, first.clone());
        roadmap.assign_phase(&lake, second);
        assert!(roadmap.set_dependency(&churn, &lake, true));
        assert_eq!(
            sentences(&roadmap),
            ["Churn model waits for Data Lake, which sits in a later phase (Scale)"]
        );
        assert!(conflicts(&roadmap)[0].is_dependency_order());
        // The same phase is fine: the order inside a phase is the team's to choose.
        roadmap.assign_phase(&lake, first);
        assert!(conflicts(&roadmap).is_empty());
    }

    #[test]
    fn waiting_for_an_unphased_initiative_is_a_conflict() {
        let (mut roadmap, churn, lake) = planned();
        roadmap.assign_phase(&churn, phase(&roadmap, 2));
        assert!(roadmap.set_dependency(&churn, &lake, true));
        assert_eq!(
            sentences(&roadmap),
            ["Churn model waits for Data Lake, which is in no phase yet"]
        );
        // An unphased dependant is not planned yet, so nothing is broken.
        roadmap.assign_phase(&churn, None);
        assert!(conflicts(&roadmap).is_empty());
    }

    #[test]
    fn conflicts_come_in_roadmap_order_due_date_first() {
        let (mut roadmap, churn, lake) = planned();
        let (first, second) = (phase(&roadmap, 0), phase(&roadmap, 1));
        let ml = roadmap.add_initiative("");
        roadmap.update_initiative(&churn, |initiative| {
            initiative.phase = first.clone();
            initiative.due = Some(day("2027-01-15"));
        });
        roadmap.assign_phase(&lake, second);
        roadmap.assign_phase(&ml, first);
        roadmap.set_dependency(&churn, &lake, true);
        roadmap.set_dependency(&churn, &ml, true);
        roadmap.set_dependency(&ml, &lake, true);
        assert_eq!(
            sentences(&roadmap),
            [
                "Churn model is due 2027-01-15 but its phase ends 2027-03-31",
                "Churn model waits for Data Lake, which sits in a later phase (Phase 2)",
                "Untitled initiative waits for Data Lake, which sits in a later phase (Phase 2)",
            ]
        );
    }

    // proptest runs natively only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Random roadmaps: 0–4 phases, 0–20 initiatives each in any phase or none, with
        /// dependencies on earlier initiatives (so no cycles, as the importer demands).
        fn roadmaps() -> impl Strategy<Value = Roadmap> {
            let initiative = (
                any::<prop::sample::Index>(),
                prop::collection::vec(any::<prop::sample::Index>(), 0..4),
            );
            (0usize..=4, prop::collection::vec(initiative, 0..20)).prop_map(|(phases, drafts)| {
                let mut roadmap = Roadmap::new("Random");
                roadmap.phases.clear();
                for _ in 0..phases {
                    roadmap.add_phase(None);
                }
                let ids: Vec<InitiativeId> = (0..drafts.len())
                    .map(|index| roadmap.add_initiative(format!("I{index}")))
                    .collect();
                for (position, (phase, dependencies)) in drafts.into_iter().enumerate() {
                    // One more choice than there are phases: the last one is "unphased".
                    let phase = roadmap
                        .phases
                        .get(phase.index(roadmap.phases.len() + 1))
                        .map(|phase| phase.id.clone());
                    roadmap.assign_phase(&ids[position], phase);
                    if position > 0 {
                        for pick in dependencies {
                            roadmap.set_dependency(&ids[position], &ids[pick.index(position)], true);
                        }
                    }
                }
                roadmap
            })
        }

        /// Where an initiative sits in planning order; unphased comes after every phase, as
        /// auto-phasing treats it (a dependant is only phased once what it waits for is).
        fn rank(roadmap: &Roadmap, id: &InitiativeId) -> usize {
            roadmap
                .initiative(id)
                .and_then(|initiative| initiative.phase.as_ref())
                .and_then(|phase| roadmap.phases.iter().position(|found| &found.id == phase))
                .unwrap_or(usize::MAX)
        }

        proptest! {
            #[test]
            fn no_order_conflict_exactly_when_no_dependant_comes_before_its_dependency(roadmap in roadmaps()) {
                let out_of_order: Vec<(InitiativeId, InitiativeId)> = roadmap
                    .initiatives
                    .iter()
                    .filter(|initiative| initiative.phase.is_some())
                    .flat_map(|initiative| {
                        initiative.dependencies.iter().map(|dependency| (initiative.id.clone(), dependency.clone()))
                    })
                    .filter(|(dependant, dependency)| rank(&roadmap, dependant) < rank(&roadmap, dependency))
                    .collect();
                let found: Vec<(InitiativeId, InitiativeId)> = conflicts(&roadmap)
                    .into_iter()
                    .filter_map(|conflict| match conflict {
                        Conflict::WaitsForLaterPhase { initiative, dependency, .. }
                        | Conflict::WaitsForUnphased { initiative, dependency, .. } => Some((initiative, dependency)),
                        _ => None,
                    })
                    .collect();
                prop_assert_eq!(found.is_empty(), out_of_order.is_empty());
                prop_assert_eq!(found, out_of_order);
            }

            #[test]
            fn accepted_auto_phasing_leaves_no_order_conflict(roadmap in roadmaps()) {
                let mut planned = roadmap;
                crate::model::suggest_phases(&planned).apply(&mut planned);
                prop_assert!(!conflicts(&planned).iter().any(Conflict::is_dependency_order));
            }
        }
    }
}
