//! What an edit changed, so the views can wake only what shows it.

use std::sync::Arc;

use super::{InitiativeId, Roadmap};

/// The difference between two versions of a roadmap. Initiatives are compared by pointer
/// first: an edit copies only the initiatives it touches, so the rest are the same `Arc`s
/// and cost one comparison each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoadmapChanges {
    pub name: bool,
    pub split: bool,
    pub maturity: bool,
    /// The framework, how ICE is taken or the weighted criteria changed: every score may have.
    pub framework: bool,
    pub phases: bool,
    /// Initiatives were added, removed or reordered.
    pub order: bool,
    /// Initiatives present in both versions whose fields changed.
    pub initiatives: Vec<InitiativeId>,
    /// Where each of `initiatives` stands in the new version's list.
    pub positions: Vec<usize>,
    /// Some initiative moved to another phase (or the set of initiatives changed).
    pub membership: bool,
    /// Some effort or impact score changed (or the set of initiatives changed).
    pub scores: bool,
    /// Titles or dependencies changed: what dependency choices are made of.
    pub links: bool,
    /// Catalog origins changed: which outline headings are on the roadmap.
    pub origins: bool,
    /// What the board's layout is made of changed: scores, titles (label widths), urgency or
    /// quick-win marks (which labels go first); also the scores' ranges, drawn under the marks.
    pub board: bool,
}

impl RoadmapChanges {
    /// Compares `after` with `before`.
    pub fn between(before: &Roadmap, after: &Roadmap) -> RoadmapChanges {
        let order = before.initiatives.len() != after.initiatives.len()
            || before
                .initiatives
                .iter()
                .zip(&after.initiatives)
                .any(|(old, new)| !Arc::ptr_eq(old, new) && old.id != new.id);
        let mut changes = RoadmapChanges {
            name: before.name != after.name,
            split: before.quadrant_split != after.quadrant_split,
            maturity: before.maturity != after.maturity,
            framework: before.framework != after.framework
                || before.ice_average != after.ice_average
                || before.criteria != after.criteria
                || before.axes_from_framework != after.axes_from_framework,
            phases: before.phases != after.phases,
            order,
            membership: order,
            scores: order,
            links: order,
            origins: order,
            board: order,
            initiatives: Vec::new(),
            positions: Vec::new(),
        };
        let mut compare = |old: &Arc<super::Initiative>, new: &Arc<super::Initiative>, position: usize| {
            if Arc::ptr_eq(old, new) || old == new {
                return;
            }
            changes.membership |= old.phase != new.phase;
            changes.scores |= old.effort != new.effort || old.impact != new.impact;
            changes.links |= old.title != new.title || old.dependencies != new.dependencies;
            changes.origins |= old.origin != new.origin;
            changes.board |= old.scores_and_ranges() != new.scores_and_ranges()
                || old.title != new.title
                || old.urgency != new.urgency
                || old.quick_win != new.quick_win;
            changes.initiatives.push(new.id.clone());
            changes.positions.push(position);
        };
        if order {
            let old_by_id: std::collections::HashMap<&InitiativeId, &Arc<super::Initiative>> = before
                .initiatives
                .iter()
                .map(|initiative| (&initiative.id, initiative))
                .collect();
            for (position, new) in after.initiatives.iter().enumerate() {
                if let Some(old) = old_by_id.get(&new.id) {
                    compare(old, new, position);
                }
            }
        } else {
            for (position, (old, new)) in before.initiatives.iter().zip(&after.initiatives).enumerate() {
                compare(old, new, position);
            }
        }
        changes
    }

    /// Whether anything changed at all.
    pub fn any(&self) -> bool {
        self.name
            || self.split
            || self.maturity
            || self.framework
            || self.phases
            || self.order
            || !self.initiatives.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CatalogOrigin, Criterion, CriterionId, CriterionScale, Direction, Estimate, Framework, Score, Urgency,
    };

    fn roadmap_of_three() -> (Roadmap, [InitiativeId; 3]) {
        let mut roadmap = Roadmap::new("Plan");
        let ids = ["a", "b", "c"].map(|title| roadmap.add_initiative(title));
        (roadmap, ids)
    }

    #[test]
    fn an_unchanged_copy_changes_nothing() {
        let (roadmap, _) = roadmap_of_three();
        let changes = RoadmapChanges::between(&roadmap, &roadmap.clone());
        assert_eq!(changes, RoadmapChanges::default());
        assert!(!changes.any());
    }

    #[test]
    fn moving_one_card_names_only_that_card_and_its_scores() {
        let (before, [_, b, _]) = roadmap_of_three();
        let mut after = before.clone();
        after.place(&b, Score::clamped(2.0), Score::clamped(9.0));
        let changes = RoadmapChanges::between(&before, &after);
        assert_eq!(changes.initiatives, vec![b]);
        assert_eq!(changes.positions, vec![1]);
        assert!(changes.scores && changes.board);
        assert!(!changes.membership && !changes.order && !changes.links && !changes.origins);
    }

    #[test]
    fn urgency_and_titles_change_the_board_but_a_description_does_not() {
        let (before, [a, b, c]) = roadmap_of_three();
        let mut after = before.clone();
        after.update_initiative(&a, |initiative| initiative.description = "Why it matters".into());
        assert!(!RoadmapChanges::between(&before, &after).board);
        after.update_initiative(&b, |initiative| initiative.urgency = Urgency::High);
        assert!(RoadmapChanges::between(&before, &after).board);
        let mut renamed = before.clone();
        renamed.update_initiative(&c, |initiative| initiative.title = "Lakehouse".into());
        assert!(RoadmapChanges::between(&before, &renamed).board);
        let mut marked = before.clone();
        marked.update_initiative(&c, |initiative| initiative.quick_win = true);
        assert!(RoadmapChanges::between(&before, &marked).board);
    }

    #[test]
    fn a_copy_of_the_same_value_is_not_a_change() {
        let (before, [a, _, _]) = roadmap_of_three();
        let mut after = before.clone();
        // Copies the initiative (a new Arc) but leaves its fields as they were.
        after.update_initiative(&a, |_| {});
        assert!(!RoadmapChanges::between(&before, &after).any());
    }

    #[test]
    fn phase_moves_titles_and_urgency_are_told_apart() {
        let (before, [a, b, c]) = roadmap_of_three();
        let mut after = before.clone();
        let phase = after.phases[0].id.clone();
        after.assign_phase(&a, Some(phase));
        after.update_initiative(&b, |initiative| initiative.title = "Bee".into());
        after.update_initiative(&c, |initiative| initiative.urgency = Urgency::High);
        let changes = RoadmapChanges::between(&before, &after);
        assert_eq!(changes.initiatives, vec![a, b, c]);
        assert!(changes.membership && changes.links);
        assert!(!changes.scores && !changes.order);
    }

    #[test]
    fn adding_removing_and_reordering_change_the_order() {
        let (before, [a, b, _]) = roadmap_of_three();
        let mut added = before.clone();
        added.add_initiative("d");
        assert!(RoadmapChanges::between(&before, &added).order);
        let mut removed = before.clone();
        removed.remove_initiative(&a);
        assert!(RoadmapChanges::between(&before, &removed).order);
        let mut swapped = before.clone();
        swapped.initiatives.swap(0, 1);
        let changes = RoadmapChanges::between(&before, &swapped);
        assert!(changes.order && changes.membership && changes.scores);
        assert!(changes.initiatives.is_empty(), "{b:?} moved but did not change");
    }

    #[test]
    fn name_split_and_phases_are_reported() {
        let (before, _) = roadmap_of_three();
        let mut after = before.clone();
        after.name = "Other".into();
        after.quadrant_split.effort = Score::clamped(4.0);
        after.add_phase(None);
        let changes = RoadmapChanges::between(&before, &after);
        assert!(changes.name && changes.split && changes.phases);
        assert!(changes.initiatives.is_empty());
    }

    #[test]
    fn a_maturity_score_changes_the_maturity_alone() {
        let (before, _) = roadmap_of_three();
        let mut after = before.clone();
        after.maturity.set(crate::model::MaturityAspect::Culture, Some(2));
        let changes = RoadmapChanges::between(&before, &after);
        assert!(changes.maturity && changes.any());
        assert!(!changes.name && !changes.split && !changes.phases && !changes.order);
        assert!(!RoadmapChanges::between(&before, &before.clone()).maturity);
    }

    #[test]
    fn effort_alone_and_impact_alone_each_change_the_scores() {
        let (before, [a, _, _]) = roadmap_of_three();
        let mut effort_only = before.clone();
        effort_only.update_initiative(&a, |initiative| initiative.effort = Score::clamped(8.0));
        let mut impact_only = before.clone();
        impact_only.update_initiative(&a, |initiative| initiative.impact = Score::clamped(8.0));
        for after in [effort_only, impact_only] {
            let changes = RoadmapChanges::between(&before, &after);
            assert!(changes.scores && !changes.links && !changes.membership);
        }
    }

    #[test]
    fn a_card_taken_from_the_outline_changes_the_origins_only() {
        let (before, [a, _, _]) = roadmap_of_three();
        let mut after = before.clone();
        after.update_initiative(&a, |initiative| {
            initiative.origin = Some(CatalogOrigin {
                catalog: "Modern Stacks".into(),
                path: vec!["Data Stack".into()],
            });
        });
        let changes = RoadmapChanges::between(&before, &after);
        assert!(changes.origins);
        assert!(!changes.scores && !changes.links && !changes.membership && !changes.order);
        assert!(!RoadmapChanges::between(&before, &before.clone()).origins);
    }

    #[test]
    fn any_single_kind_of_change_is_a_change() {
        let kinds = [
            RoadmapChanges {
                name: true,
                ..RoadmapChanges::default()
            },
            RoadmapChanges {
                split: true,
                ..RoadmapChanges::default()
            },
            RoadmapChanges {
                maturity: true,
                ..RoadmapChanges::default()
            },
            RoadmapChanges {
                framework: true,
                ..RoadmapChanges::default()
            },
            RoadmapChanges {
                phases: true,
                ..RoadmapChanges::default()
            },
            RoadmapChanges {
                order: true,
                ..RoadmapChanges::default()
            },
            RoadmapChanges {
                initiatives: vec![InitiativeId("a".into())],
                positions: vec![0],
                ..RoadmapChanges::default()
            },
        ];
        for changes in kinds {
            assert!(changes.any(), "{changes:?}");
        }
    }

    #[test]
    fn choosing_a_framework_or_changing_its_criteria_is_a_change() {
        // Regression: only the framework changed, so `any()` said nothing had, and the choice
        // was neither shown, kept for undo nor saved.
        let (before, [a, _, _]) = roadmap_of_three();
        let mut after = before.clone();
        after.framework = Framework::Rice;
        let changes = RoadmapChanges::between(&before, &after);
        assert!(changes.framework && changes.any());
        assert!(changes.initiatives.is_empty() && !changes.scores && !changes.board);
        let mut averaged = before.clone();
        averaged.ice_average = true;
        assert!(RoadmapChanges::between(&before, &averaged).framework);
        let mut weighed = before.clone();
        weighed.criteria.push(Criterion {
            id: CriterionId("c1".into()),
            name: "Fit".into(),
            weight: 1.0,
            direction: Direction::Benefit,
            scale: CriterionScale::OneToTen,
        });
        assert!(RoadmapChanges::between(&before, &weighed).framework);
        // An initiative's inputs change that initiative only.
        let mut estimated = before.clone();
        estimated.update_initiative(&a, |initiative| {
            initiative.rice.reach = Some(Estimate::point(10.0))
        });
        let changes = RoadmapChanges::between(&before, &estimated);
        assert_eq!(changes.initiatives, vec![a]);
        assert!(!changes.framework);
    }
}
