//! The grid's axes taken from the framework, where the user asks for it: the framework's value
//! part becomes impact and its cost part effort, each mapped onto 1–10 by a fixed rule that is
//! stated beside the choice (never by the other initiatives' values).

use super::initiative::ScoresAndRanges;
use super::{
    Direction, Estimate, Framework, Initiative, InitiativeId, Roadmap, Score, ScoreRange, score_inputs,
};

/// The mapping in words, shown beside "Grid axes from the framework"; `None` for the grid's own.
pub fn axes_mapping(framework: Framework) -> Option<&'static str> {
    match framework {
        Framework::EffortImpact => None,
        Framework::Rice => Some(
            "Impact: reach × RICE impact × confidence on a log scale, 1 at 1 and 10 at 100,000. \
             Effort: person-months, 1 at 0.5 or less and 10 at 24 or more.",
        ),
        Framework::Ice => Some("Impact: ICE impact × confidence, 1 at 1 and 10 at 100. Effort: 11 − ease."),
        Framework::Wsjf => Some(
            "Impact: business value + time criticality + risk reduction, 1 at 3 and 10 at 60. \
             Effort: job size, 1 at 1 and 10 at 20.",
        ),
        Framework::Weighted => Some(
            "Impact: the benefit criteria's weighted score, 1 at none and 10 at all. \
             Effort: the cost criteria's, likewise; without criteria of a kind, that axis stays as it is.",
        ),
    }
}

/// `value` placed linearly between `least` (1) and `most` (10).
fn linear(value: f64, least: f64, most: f64) -> Score {
    Score::from_fraction(((value - least) / (most - least)).clamp(0.0, 1.0))
}

/// Where the framework puts an initiative on the grid, as (effort, impact), with every input at
/// its mean; `None` while inputs are missing, or under the grid's own framework.
pub fn framework_axes(roadmap: &Roadmap, initiative: &Initiative) -> Option<(Score, Score)> {
    framework_place(roadmap, initiative).map(|(effort, impact, _, _)| (effort, impact))
}

/// The framework's place for an initiative with the ranges around it: each axis at every input's
/// mean, and from every input's low end to its high end (each axis moves one way with each of
/// its inputs, so these are its corners). An axis the framework leaves as it is keeps the
/// initiative's own score and range. `None` while inputs are missing, or under the grid's own
/// framework.
fn framework_place(roadmap: &Roadmap, initiative: &Initiative) -> Option<ScoresAndRanges> {
    if roadmap.framework == Framework::EffortImpact {
        return None;
    }
    let inputs = score_inputs(roadmap, initiative)?;
    let at = |end: fn(&Estimate) -> f64| {
        let values: Vec<f64> = inputs.iter().map(|input| end(&input.estimate)).collect();
        axes_at(roadmap, &values)
    };
    let ((effort, impact), (low_effort, low_impact), (high_effort, high_impact)) =
        (at(Estimate::mean), at(|e| e.low), at(|e| e.high));
    let axis = |at_mean: Option<Score>, low: Option<Score>, high: Option<Score>, own, own_range| match (
        at_mean, low, high,
    ) {
        (Some(score), Some(low), Some(high)) => (score, ScoreRange::around(score, low, high)),
        _ => (own, own_range),
    };
    let (effort, effort_range) = axis(
        effort,
        low_effort,
        high_effort,
        initiative.effort,
        initiative.effort_range,
    );
    let (impact, impact_range) = axis(
        impact,
        low_impact,
        high_impact,
        initiative.impact,
        initiative.impact_range,
    );
    Some((effort, impact, effort_range, impact_range))
}

/// Where the framework's inputs `values` (in the formula's order) put an initiative, as
/// (effort, impact); `None` for an axis the framework leaves as it is (weighted criteria with
/// no weight on that side).
fn axes_at(roadmap: &Roadmap, values: &[f64]) -> (Option<Score>, Option<Score>) {
    match roadmap.framework {
        Framework::EffortImpact => (None, None),
        Framework::Rice => {
            let value = values[0] * values[1] * values[2] / 100.0;
            let impact = Score::from_fraction((value.max(1.0).log10() / 5.0).clamp(0.0, 1.0));
            (Some(linear(values[3], 0.5, 24.0)), Some(impact))
        }
        Framework::Ice => (
            Some(Score::from_fraction(
                1.0 - ((values[2] - 1.0) / 9.0).clamp(0.0, 1.0),
            )),
            Some(linear(values[0] * values[1], 1.0, 100.0)),
        ),
        Framework::Wsjf => (
            Some(linear(values[3], 1.0, 20.0)),
            Some(linear(values[0] + values[1] + values[2], 3.0, 60.0)),
        ),
        Framework::Weighted => {
            let part = |direction: Direction| {
                let mut weight = 0.0;
                let mut sum = 0.0;
                for (criterion, value) in roadmap.criteria.iter().zip(values) {
                    if criterion.direction == direction {
                        let share = criterion.weight.max(0.0);
                        weight += share;
                        sum += share * criterion.scale.fraction(*value);
                    }
                }
                (weight > 0.0).then(|| Score::from_fraction(sum / weight))
            };
            (part(Direction::Cost), part(Direction::Benefit))
        }
    }
}

impl Roadmap {
    /// Puts the initiatives with the framework's inputs where the framework says, while the
    /// grid's axes come from it; returns how many moved.
    pub fn follow_framework_axes(&mut self) -> usize {
        if !self.axes_from_framework {
            return 0;
        }
        let placed: Vec<(InitiativeId, ScoresAndRanges)> = self
            .initiatives
            .iter()
            .filter_map(|initiative| {
                let placed = framework_place(self, initiative)?;
                (placed != initiative.scores_and_ranges()).then(|| (initiative.id.clone(), placed))
            })
            .collect();
        for (id, (effort, impact, effort_range, impact_range)) in &placed {
            self.update_initiative(id, |initiative| {
                initiative.effort = *effort;
                initiative.impact = *impact;
                initiative.effort_range = *effort_range;
                initiative.impact_range = *impact_range;
            });
        }
        placed.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Confidence, CriterionScale, Estimate, JobSize, RiceImpact};

    fn one(framework: Framework, set: impl FnOnce(&mut Initiative)) -> Roadmap {
        let mut roadmap = Roadmap::new("Axes");
        roadmap.framework = framework;
        let id = roadmap.add_initiative("Lakehouse");
        roadmap.update_initiative(&id, set);
        roadmap
    }

    fn axes(roadmap: &Roadmap) -> Option<(f64, f64)> {
        framework_axes(roadmap, &roadmap.initiatives[0])
            .map(|(effort, impact)| (effort.value(), impact.value()))
    }

    #[test]
    fn rice_maps_its_value_on_a_log_scale_and_person_months_linearly() {
        let roadmap = one(Framework::Rice, |initiative| {
            initiative.rice.reach = Some(Estimate::point(1250.0));
            initiative.rice.impact = Some(RiceImpact::High);
            initiative.rice.confidence = Some(Confidence::High);
            initiative.rice.effort = Some(Estimate::point(12.25));
        });
        // 1,250 × 2 × 0.8 = 2,000: log10 3.3 of 5 → 1 + 9 × 0.66 = 6.9; 12.25 months is halfway.
        assert_eq!(axes(&roadmap), Some((5.5, 6.9)));
    }

    #[test]
    fn ice_and_wsjf_map_onto_their_fixed_ranges() {
        let ice = one(Framework::Ice, |initiative| {
            initiative.ice.impact = Some(Estimate::point(10.0));
            initiative.ice.confidence = Some(Estimate::point(10.0));
            initiative.ice.ease = Some(Estimate::point(10.0));
        });
        assert_eq!(axes(&ice), Some((1.0, 10.0)));
        let wsjf = one(Framework::Wsjf, |initiative| {
            initiative.wsjf.business_value = Some(Estimate::point(1.0));
            initiative.wsjf.time_criticality = Some(Estimate::point(1.0));
            initiative.wsjf.risk_reduction = Some(Estimate::point(1.0));
            initiative.wsjf.job_size = JobSize::new(20.0);
        });
        assert_eq!(axes(&wsjf), Some((10.0, 1.0)));
    }

    #[test]
    fn ice_and_wsjf_place_values_inside_their_ranges_by_the_stated_rules() {
        let ice = one(Framework::Ice, |initiative| {
            initiative.ice.impact = Some(Estimate::point(5.0));
            initiative.ice.confidence = Some(Estimate::point(4.0));
            initiative.ice.ease = Some(Estimate::point(4.0));
        });
        // 5 × 4 = 20: 1 + 9 × 19 ÷ 99 = 2.7; effort 11 − 4 = 7.
        assert_eq!(axes(&ice), Some((7.0, 2.7)));
        let wsjf = one(Framework::Wsjf, |initiative| {
            initiative.wsjf.business_value = Some(Estimate::point(13.0));
            initiative.wsjf.time_criticality = Some(Estimate::point(8.0));
            initiative.wsjf.risk_reduction = Some(Estimate::point(5.0));
            initiative.wsjf.job_size = JobSize::new(8.0);
        });
        // 13 + 8 + 5 = 26: 1 + 9 × 23 ÷ 57 = 4.6; job size 8: 1 + 9 × 7 ÷ 19 = 4.3.
        assert_eq!(axes(&wsjf), Some((4.3, 4.6)));
    }

    #[test]
    fn weighted_parts_weigh_their_own_criteria_only() {
        let mut roadmap = one(Framework::Weighted, |_| {});
        let ids: Vec<_> = (0..3).map(|_| roadmap.add_criterion()).collect();
        roadmap.update_criterion(&ids[0], |criterion| criterion.weight = 30.0);
        roadmap.update_criterion(&ids[1], |criterion| criterion.weight = 10.0);
        roadmap.update_criterion(&ids[2], |criterion| {
            criterion.weight = 50.0;
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Percent;
        });
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.criteria.insert(ids[0].clone(), Estimate::point(10.0));
            initiative.criteria.insert(ids[1].clone(), Estimate::point(1.0));
            initiative.criteria.insert(ids[2].clone(), Estimate::point(40.0));
        });
        // Benefits: (30 × 1 + 10 × 0) ÷ 40 = 0.75 → 7.75 → 7.8; cost: 0.4 → 4.6.
        assert_eq!(axes(&roadmap), Some((4.6, 7.8)));
    }

    #[test]
    fn weighted_criteria_split_into_benefits_and_costs_and_a_missing_kind_keeps_its_axis() {
        let mut roadmap = one(Framework::Weighted, |_| {});
        let fit = roadmap.add_criterion();
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.criteria.insert(fit.clone(), Estimate::point(10.0));
        });
        assert_eq!(
            axes(&roadmap),
            Some((5.5, 10.0)),
            "no cost criterion: effort stays"
        );
        let cost = roadmap.add_criterion();
        roadmap.update_criterion(&cost, |criterion| {
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Percent;
        });
        roadmap.update_initiative(&id, |initiative| {
            initiative.criteria.insert(cost.clone(), Estimate::point(0.0));
        });
        assert_eq!(axes(&roadmap), Some((1.0, 10.0)));
    }

    #[test]
    fn missing_inputs_or_the_grids_own_framework_give_no_axes() {
        assert_eq!(axes(&one(Framework::Rice, |_| {})), None);
        assert_eq!(axes(&one(Framework::EffortImpact, |_| {})), None);
        assert!(axes_mapping(Framework::EffortImpact).is_none());
        assert!(
            Framework::ALL[1..]
                .iter()
                .all(|framework| axes_mapping(*framework).is_some())
        );
    }

    #[test]
    fn following_the_axes_moves_only_while_asked_and_only_the_scored() {
        let mut roadmap = one(Framework::Ice, |initiative| {
            initiative.ice.impact = Some(Estimate::point(10.0));
            initiative.ice.confidence = Some(Estimate::point(10.0));
            initiative.ice.ease = Some(Estimate::point(10.0));
        });
        roadmap.add_initiative("Unscored");
        assert_eq!(roadmap.follow_framework_axes(), 0, "not asked");
        roadmap.axes_from_framework = true;
        assert_eq!(roadmap.follow_framework_axes(), 1);
        assert_eq!(
            (
                roadmap.initiatives[0].effort.value(),
                roadmap.initiatives[0].impact.value()
            ),
            (1.0, 10.0)
        );
        assert_eq!(roadmap.initiatives[1].effort, Score::CENTRE);
        assert_eq!(roadmap.follow_framework_axes(), 0, "already in place");
    }

    #[test]
    fn the_file_keeps_the_choice_and_leaves_it_out_while_false() {
        let mut roadmap = one(Framework::Ice, |_| {});
        let before = crate::model::export(&roadmap);
        assert!(!before.contains("axes_from_framework"));
        roadmap.axes_from_framework = true;
        let text = crate::model::export(&roadmap);
        assert!(
            text.contains("\"axes_from_framework\": true,\n  \"phases\""),
            "{text}"
        );
        assert_eq!(crate::model::import(&text).expect("imports"), roadmap);
    }

    fn at(value: f64) -> Score {
        Score::clamped(value)
    }

    #[test]
    fn ranged_inputs_spread_the_place_into_ranges_on_both_axes() {
        let mut roadmap = one(Framework::Ice, |initiative| {
            initiative.ice.impact = Estimate::new(2.0, 5.0, 8.0).ok();
            initiative.ice.confidence = Some(Estimate::point(4.0));
            initiative.ice.ease = Estimate::new(2.0, 4.0, 6.0).ok();
        });
        roadmap.axes_from_framework = true;
        assert_eq!(roadmap.follow_framework_axes(), 1);
        let initiative = &roadmap.initiatives[0];
        // Impact 2 × 4 = 8 → 1.6 and 8 × 4 = 32 → 3.8 around 5 × 4 = 20 → 2.7; easier is
        // less effort, so ease 6 gives the low end 5 and ease 2 the high end 9.
        assert_eq!((initiative.effort, initiative.impact), (at(7.0), at(2.7)));
        assert_eq!(
            initiative.impact_range,
            Some(ScoreRange {
                low: at(1.6),
                high: at(3.8)
            })
        );
        assert_eq!(
            initiative.effort_range,
            Some(ScoreRange {
                low: at(5.0),
                high: at(9.0)
            })
        );
        assert_eq!(
            roadmap.follow_framework_axes(),
            0,
            "already where the framework puts it"
        );
    }

    #[test]
    fn point_inputs_leave_no_range_and_an_axis_left_as_it_is_keeps_its_own() {
        let mut rice = one(Framework::Rice, |initiative| {
            initiative.effort_range = ScoreRange::around(at(5.5), at(3.0), at(8.0));
            initiative.rice.reach = Some(Estimate::point(1250.0));
            initiative.rice.impact = Some(RiceImpact::High);
            initiative.rice.confidence = Some(Confidence::High);
            initiative.rice.effort = Some(Estimate::point(12.25));
        });
        rice.axes_from_framework = true;
        rice.follow_framework_axes();
        assert_eq!(
            (rice.initiatives[0].effort_range, rice.initiatives[0].impact_range),
            (None, None)
        );

        let mut weighted = one(Framework::Weighted, |initiative| {
            initiative.effort_range = ScoreRange::around(at(5.5), at(3.0), at(8.0));
        });
        let benefit = weighted.add_criterion();
        let id = weighted.initiatives[0].id.clone();
        weighted.update_initiative(&id, |initiative| {
            initiative
                .criteria
                .insert(benefit.clone(), Estimate::new(1.0, 5.5, 10.0).expect("ordered"));
        });
        weighted.axes_from_framework = true;
        weighted.follow_framework_axes();
        let initiative = &weighted.initiatives[0];
        assert_eq!(
            initiative.effort_range,
            ScoreRange::around(at(5.5), at(3.0), at(8.0))
        );
        assert_eq!(
            initiative.impact_range,
            ScoreRange::around(at(5.5), at(1.0), at(10.0))
        );
    }

    #[test]
    fn weighted_criteria_of_a_kind_all_at_weight_zero_leave_that_axis_as_it_is() {
        let mut roadmap = one(Framework::Weighted, |initiative| {
            initiative.effort = Score::clamped(3.0);
        });
        let fit = roadmap.add_criterion();
        let cost = roadmap.add_criterion();
        roadmap.update_criterion(&cost, |criterion| {
            criterion.weight = 0.0;
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Percent;
        });
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.criteria.insert(fit.clone(), Estimate::point(10.0));
            initiative.criteria.insert(cost.clone(), Estimate::point(100.0));
        });
        // The cost criterion weighs nothing: effort keeps its 3 rather than a share of nothing.
        assert_eq!(axes(&roadmap), Some((3.0, 10.0)));
    }
}
