//! Property tests for the scoring frameworks: RICE, ICE, WSJF and weighted criteria are their
//! formulas on any inputs, a score reads only its own initiative, the ranks are 1 to the number
//! scored, and an initiative at least as good as another in every input never ranks below it.
//! Native only (proptest does not run on wasm32).
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use proptest::prelude::*;
use proptest::sample::Index;
use stackplan::model::{
    Confidence, Criterion, CriterionId, CriterionScale, Direction, DueDate, Estimate, Framework,
    FrameworkScore, IceInputs, Initiative, InitiativeId, JobSize, MissingInputs, RiceImpact, RiceInputs,
    Roadmap, Score, Urgency, WSJF_SCALE, WsjfInputs, framework_score, number, proposed_time_criticality,
    rank_initiatives,
};

const CASES: u32 = 1_000;

/// At most this many weighted criteria per roadmap.
const MOST_CRITERIA: usize = 4;

/// Where an estimate's values fall between a scale's ends, 0–1: one value, or a sorted range.
fn spread() -> impl Strategy<Value = [f64; 3]> {
    prop_oneof![
        (0.0..=1.0f64).prop_map(|at| [at; 3]),
        [0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64].prop_map(|mut ends| {
            ends.sort_by(f64::total_cmp);
            ends
        }),
    ]
}

/// The estimate a spread makes on a scale from `least` to `most`, in whole steps if `whole`.
fn on_scale(spread: [f64; 3], least: f64, most: f64, whole: bool) -> Estimate {
    let [low, likely, high] = spread.map(|at| {
        let value = (least + at * (most - least)).clamp(least, most);
        if whole { value.round() } else { value }
    });
    Estimate::new(low, likely, high).expect("sorted finite values")
}

const REACH: (f64, f64) = (0.0, 1e7);
const EFFORT: (f64, f64) = (0.1, 120.0);
const ICE: (f64, f64) = (1.0, 10.0);
const WSJF: (f64, f64) = (1.0, 20.0);

fn estimate((least, most): (f64, f64)) -> impl Strategy<Value = Estimate> {
    spread().prop_map(move |spread| on_scale(spread, least, most, false))
}

fn rice_impact() -> impl Strategy<Value = RiceImpact> {
    prop::sample::select(RiceImpact::ALL.to_vec())
}

fn confidence() -> impl Strategy<Value = Confidence> {
    prop::sample::select(Confidence::ALL.to_vec())
}

fn job_size() -> impl Strategy<Value = JobSize> {
    prop::sample::select(WSJF_SCALE.to_vec())
        .prop_filter_map("a WSJF step", |size| JobSize::new(f64::from(size)))
}

fn due() -> impl Strategy<Value = Option<DueDate>> {
    proptest::option::of(
        (2026u16..2030, 1u8..=12, 1u8..=28).prop_filter_map("a day", |(y, m, d)| DueDate::new(y, m, d)),
    )
}

fn scale() -> impl Strategy<Value = CriterionScale> {
    prop_oneof![
        Just(CriterionScale::OneToTen),
        Just(CriterionScale::Percent),
        (1.0..1e7f64).prop_map(|most| CriterionScale::Money { most }),
        Just(CriterionScale::TShirt),
        Just(CriterionScale::YesNo),
    ]
}

fn direction() -> impl Strategy<Value = Direction> {
    prop::sample::select(vec![Direction::Benefit, Direction::Cost])
}

fn criteria() -> impl Strategy<Value = Vec<Criterion>> {
    let criterion = (
        prop_oneof![(0u32..=100).prop_map(f64::from), 0.0..1e3f64],
        direction(),
        scale(),
    );
    prop::collection::vec(criterion, 0..=MOST_CRITERIA).prop_map(|criteria| {
        criteria
            .into_iter()
            .enumerate()
            .map(|(index, (weight, direction, scale))| Criterion {
                id: CriterionId(format!("c{index}")),
                name: format!("Criterion {index}"),
                weight,
                direction,
                scale,
            })
            .collect()
    })
}

/// An estimate on a criterion's scale, whole sizes and answers where the scale has them.
fn on_criterion(criterion: &Criterion, spread: [f64; 3]) -> Estimate {
    let (least, most) = criterion.scale.bounds();
    on_scale(spread, least, most, criterion.scale.whole_steps())
}

/// Everything one initiative may be scored by, each framework input possibly left out;
/// criterion values as spreads, placed on whatever criteria the roadmap has.
#[derive(Clone, Debug)]
struct Draft {
    title: String,
    effort: Score,
    impact: Score,
    urgency: Urgency,
    due: Option<DueDate>,
    rice: RiceInputs,
    ice: IceInputs,
    wsjf: WsjfInputs,
    criteria: Vec<Option<[f64; 3]>>,
}

fn score() -> impl Strategy<Value = Score> {
    (10u8..=100).prop_map(|tenths| Score::exact(f64::from(tenths) / 10.0).expect("1.0–10.0"))
}

fn draft() -> impl Strategy<Value = Draft> {
    use proptest::option::of;
    let grid = (
        prop::sample::select(vec!["Lake", "Mesh", "Catalog", "Lake", ""]),
        score(),
        score(),
        prop::sample::select(Urgency::ALL.to_vec()),
        due(),
    );
    let rice = (
        of(estimate(REACH)),
        of(rice_impact()),
        of(confidence()),
        of(estimate(EFFORT)),
    );
    let ice = (of(estimate(ICE)), of(estimate(ICE)), of(estimate(ICE)));
    let wsjf = (
        of(estimate(WSJF)),
        of(estimate(WSJF)),
        of(estimate(WSJF)),
        of(job_size()),
    );
    let criteria = prop::collection::vec(of(spread()), MOST_CRITERIA);
    (grid, rice, ice, wsjf, criteria).prop_map(
        |(
            (title, effort, impact, urgency, due),
            (reach, rice_impact, confidence, effort_months),
            (ice_impact, ice_confidence, ease),
            (business_value, time_criticality, risk_reduction, job_size),
            criteria,
        )| Draft {
            title: title.to_string(),
            effort,
            impact,
            urgency,
            due,
            rice: RiceInputs {
                reach,
                impact: rice_impact,
                confidence,
                effort: effort_months,
            },
            ice: IceInputs {
                impact: ice_impact,
                confidence: ice_confidence,
                ease,
            },
            wsjf: WsjfInputs {
                business_value,
                time_criticality,
                risk_reduction,
                job_size,
            },
            criteria,
        },
    )
}

/// The initiative a draft makes on a roadmap with `criteria`.
fn initiative(id: String, draft: &Draft, criteria: &[Criterion]) -> Initiative {
    let mut initiative = Initiative::new(InitiativeId(id), draft.title.clone());
    initiative.effort = draft.effort;
    initiative.impact = draft.impact;
    initiative.urgency = draft.urgency;
    initiative.due = draft.due;
    initiative.rice = draft.rice;
    initiative.ice = draft.ice;
    initiative.wsjf = draft.wsjf;
    initiative.criteria = criteria
        .iter()
        .zip(&draft.criteria)
        .filter_map(|(criterion, spread)| Some((criterion.id.clone(), on_criterion(criterion, (*spread)?))))
        .collect();
    initiative
}

/// A roadmap under any framework, with its criteria, and 0–12 initiatives.
fn roadmap() -> impl Strategy<Value = Roadmap> {
    (
        prop::sample::select(Framework::ALL.to_vec()),
        any::<bool>(),
        criteria(),
        prop::collection::vec(draft(), 0..12),
    )
        .prop_map(|(framework, ice_average, criteria, drafts)| {
            let mut roadmap = Roadmap::new("Evidence");
            roadmap.framework = framework;
            roadmap.ice_average = ice_average;
            roadmap.initiatives = drafts
                .iter()
                .enumerate()
                .map(|(index, draft)| Arc::new(initiative(format!("i{index}"), draft, &criteria)))
                .collect();
            roadmap.criteria = criteria;
            roadmap
        })
}

/// The score, or the failure of a test case that expected one.
fn scored(roadmap: &Roadmap, initiative: &Initiative) -> Result<FrameworkScore, TestCaseError> {
    framework_score(roadmap, initiative)
        .map_err(|missing| TestCaseError::fail(format!("expected a score, got \"{missing}\"")))
}

/// Whether `value` is `expected` up to rounding.
fn close(value: f64, expected: f64) -> bool {
    (value - expected).abs() <= 1e-12 * expected.abs().max(1.0)
}

/// The textbook PERT mean; a point is its value.
fn pert(estimate: &Estimate) -> f64 {
    (estimate.low + 4.0 * estimate.likely + estimate.high) / 6.0
}

fn alone(framework: Framework, initiative: Initiative) -> Roadmap {
    let mut roadmap = Roadmap::new("One");
    roadmap.framework = framework;
    roadmap.initiatives.push(Arc::new(initiative));
    roadmap
}

fn blank() -> Initiative {
    Initiative::new(InitiativeId("i1".into()), "Data lake")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn a_range_scores_by_its_pert_mean_within_its_ends(spread in spread(), least in -1e6..1e6f64, width in 0.0..1e6f64) {
        let estimate = on_scale(spread, least, least + width, false);
        let mean = estimate.mean();
        prop_assert!(close(mean, pert(&estimate)), "{} vs {}", mean, pert(&estimate));
        prop_assert!(estimate.low <= mean && mean <= estimate.high);
    }

    #[test]
    fn rice_is_its_formula(
        reach in estimate(REACH),
        impact in rice_impact(),
        confidence in confidence(),
        effort in estimate(EFFORT),
    ) {
        let mut initiative = blank();
        initiative.rice = RiceInputs { reach: Some(reach), impact: Some(impact), confidence: Some(confidence), effort: Some(effort) };
        let roadmap = alone(Framework::Rice, initiative);
        let score = scored(&roadmap, &roadmap.initiatives[0])?;
        let percent = f64::from(confidence.percent());
        let expected = pert(&reach) * impact.value() * percent / 100.0 / pert(&effort);
        prop_assert!(close(score.value, expected), "{} vs {}", score.value, expected);
        prop_assert_eq!(
            score.formula,
            format!(
                "RICE = {} × {} × {}% ÷ {} = {}",
                number(reach.mean()), number(impact.value()), percent, number(effort.mean()), number(score.value)
            )
        );
    }

    #[test]
    fn ice_is_its_formula(
        impact in estimate(ICE),
        confidence in estimate(ICE),
        ease in estimate(ICE),
        average in any::<bool>(),
    ) {
        let mut initiative = blank();
        initiative.ice = IceInputs { impact: Some(impact), confidence: Some(confidence), ease: Some(ease) };
        let mut roadmap = alone(Framework::Ice, initiative);
        roadmap.ice_average = average;
        let score = scored(&roadmap, &roadmap.initiatives[0])?;
        let [i, c, e] = [impact, confidence, ease].map(|estimate| pert(&estimate));
        let [shown_i, shown_c, shown_e] = [impact, confidence, ease].map(|estimate| number(estimate.mean()));
        let (expected, formula) = if average {
            ((i + c + e) / 3.0, format!("ICE (average) = ({shown_i} + {shown_c} + {shown_e}) ÷ 3 = {}", number(score.value)))
        } else {
            (i * c * e, format!("ICE = {shown_i} × {shown_c} × {shown_e} = {}", number(score.value)))
        };
        prop_assert!(close(score.value, expected), "{} vs {}", score.value, expected);
        prop_assert_eq!(score.formula, formula);
    }

    #[test]
    fn wsjf_is_its_formula_with_time_criticality_given_or_proposed(
        business_value in estimate(WSJF),
        time_criticality in proptest::option::of(estimate(WSJF)),
        risk_reduction in estimate(WSJF),
        size in job_size(),
        urgency in prop::sample::select(Urgency::ALL.to_vec()),
        due in due(),
    ) {
        let mut initiative = blank();
        initiative.urgency = urgency;
        initiative.due = due;
        initiative.wsjf = WsjfInputs {
            business_value: Some(business_value),
            time_criticality,
            risk_reduction: Some(risk_reduction),
            job_size: Some(size),
        };
        let criticality = time_criticality.map_or_else(|| proposed_time_criticality(&initiative), |given| pert(&given));
        let shown_criticality = time_criticality.map_or(criticality, |given| given.mean());
        let roadmap = alone(Framework::Wsjf, initiative);
        let score = scored(&roadmap, &roadmap.initiatives[0])?;
        let size = f64::from(size.value());
        let expected = (pert(&business_value) + criticality + pert(&risk_reduction)) / size;
        prop_assert!(close(score.value, expected), "{} vs {}", score.value, expected);
        prop_assert_eq!(
            score.formula,
            format!(
                "WSJF = ({} + {} + {}) ÷ {} = {}",
                number(business_value.mean()), number(shown_criticality), number(risk_reduction.mean()), size,
                number(score.value)
            )
        );
    }

    #[test]
    fn weighted_criteria_are_their_formula(criteria in criteria(), spreads in prop::collection::vec(spread(), MOST_CRITERIA)) {
        let mut initiative = blank();
        initiative.criteria = criteria
            .iter()
            .zip(&spreads)
            .map(|(criterion, spread)| (criterion.id.clone(), on_criterion(criterion, *spread)))
            .collect();
        let total: f64 = criteria.iter().map(|criterion| criterion.weight).sum();
        let expected = criteria
            .iter()
            .map(|criterion| {
                let (least, most) = criterion.scale.bounds();
                let place = (pert(&initiative.criteria[&criterion.id]) - least) / (most - least);
                let gained = match criterion.direction {
                    Direction::Benefit => place,
                    Direction::Cost => 1.0 - place,
                };
                criterion.weight * gained
            })
            .sum::<f64>()
            * 100.0
            / total;
        let mut roadmap = alone(Framework::Weighted, initiative);
        roadmap.criteria = criteria.clone();
        let score = framework_score(&roadmap, &roadmap.initiatives[0]);
        let expected = match (criteria.is_empty(), total > 0.0) {
            (true, _) => Err(MissingInputs(vec!["a criterion"])),
            (false, false) => Err(MissingInputs(vec!["a weight above 0"])),
            (false, true) => Ok(expected),
        };
        match (score, expected) {
            (Ok(score), Ok(expected)) => {
                prop_assert!((score.value - expected).abs() <= 1e-9, "{} vs {}", score.value, expected);
                prop_assert!((0.0..=100.0).contains(&score.value), "{}", score.value);
            }
            (found, expected) => prop_assert_eq!(found.err(), expected.err()),
        }
    }

    #[test]
    fn a_score_names_exactly_the_inputs_it_is_missing(draft in draft()) {
        let initiative = initiative("i1".into(), &draft, &[]);
        for (framework, inputs) in [
            (Framework::Rice, vec![
                ("Reach", draft.rice.reach.is_some()),
                ("RICE impact", draft.rice.impact.is_some()),
                ("Confidence", draft.rice.confidence.is_some()),
                ("Effort (person-months)", draft.rice.effort.is_some()),
            ]),
            (Framework::Ice, vec![
                ("ICE impact", draft.ice.impact.is_some()),
                ("ICE confidence", draft.ice.confidence.is_some()),
                ("Ease", draft.ice.ease.is_some()),
            ]),
            (Framework::Wsjf, vec![
                ("Business value", draft.wsjf.business_value.is_some()),
                ("Risk reduction", draft.wsjf.risk_reduction.is_some()),
                ("Job size", draft.wsjf.job_size.is_some()),
            ]),
        ] {
            let missing: Vec<&str> = inputs.iter().filter(|(_, given)| !given).map(|(name, _)| *name).collect();
            let roadmap = alone(framework, initiative.clone());
            let found = framework_score(&roadmap, &roadmap.initiatives[0]).err().map_or_else(Vec::new, |missing| missing.0);
            prop_assert_eq!(found, missing, "{:?}", framework);
        }
    }

    /// Adding, removing or changing other initiatives never changes an initiative's score or
    /// its formula, under any framework, weighted criteria included.
    #[test]
    fn a_score_never_depends_on_another_initiative(
        roadmap in roadmap(),
        pick in any::<Index>(),
        others in prop::collection::vec(draft(), 0..6),
        removed in prop::collection::vec(any::<Index>(), 0..4),
    ) {
        prop_assume!(!roadmap.initiatives.is_empty());
        let kept = Arc::clone(&roadmap.initiatives[pick.index(roadmap.initiatives.len())]);
        let before = framework_score(&roadmap, &kept);
        let ranked_before = rank_initiatives(&roadmap).into_iter().find(|line| roadmap.initiatives[line.index].id == kept.id).map(|line| line.score);
        prop_assert_eq!(ranked_before, Some(before.clone()));

        let mut changed = roadmap.clone();
        // Others changed: each takes another draft's inputs.
        for (position, draft) in others.iter().enumerate() {
            let Some(at) = (0..changed.initiatives.len()).filter(|&at| changed.initiatives[at].id != kept.id).nth(position) else {
                break;
            };
            let id = changed.initiatives[at].id.0.clone();
            changed.initiatives[at] = Arc::new(initiative(id, draft, &roadmap.criteria));
        }
        // Others removed, and new ones added.
        for pick in removed {
            let at = pick.index(changed.initiatives.len());
            if changed.initiatives[at].id != kept.id {
                changed.initiatives.remove(at);
            }
        }
        for (number, draft) in others.iter().enumerate() {
            changed.initiatives.push(Arc::new(initiative(format!("new{number}"), draft, &roadmap.criteria)));
        }
        let now = changed.initiatives.iter().find(|initiative| initiative.id == kept.id).map(|initiative| framework_score(&changed, initiative));
        prop_assert_eq!(now, Some(before.clone()));
        let ranked_now = rank_initiatives(&changed).into_iter().find(|line| changed.initiatives[line.index].id == kept.id).map(|line| line.score);
        prop_assert_eq!(ranked_now, Some(before));
    }

    #[test]
    fn ranks_are_one_to_the_number_scored_and_the_unscored_come_last(roadmap in roadmap()) {
        let lines = rank_initiatives(&roadmap);
        let mut indexes: Vec<usize> = lines.iter().map(|line| line.index).collect();
        indexes.sort_unstable();
        prop_assert_eq!(indexes, (0..roadmap.initiatives.len()).collect::<Vec<_>>());
        let scored = lines.iter().filter(|line| line.score.is_ok()).count();
        let ranks: Vec<Option<usize>> = lines.iter().map(|line| line.rank).collect();
        let expected: Vec<Option<usize>> = (1..=scored).map(Some).chain(std::iter::repeat_n(None, lines.len() - scored)).collect();
        prop_assert_eq!(ranks, expected);
        for line in &lines {
            prop_assert_eq!(line.rank.is_some(), line.score.is_ok());
        }
        for pair in lines.windows(2) {
            let values = (pair[0].score.as_ref().map(|score| score.value), pair[1].score.as_ref().map(|score| score.value));
            prop_assert!(match values {
                (Ok(first), Ok(second)) => first >= second,
                (Ok(_), Err(_)) => true,
                (Err(_), Ok(_)) => false,
                (Err(_), Err(_)) => pair[0].index < pair[1].index,
            }, "{:?}", values);
        }
    }

    #[test]
    fn an_initiative_at_least_as_good_in_every_input_never_ranks_below(
        roadmap in roadmap(),
        worse in draft(),
        better in better(),
        fill in draft(),
        places in (any::<Index>(), any::<Index>()),
    ) {
        let mut roadmap = roadmap;
        let improved = better.apply(&worse, &fill, &roadmap.criteria);
        let (worse, improved) = (
            Arc::new(initiative("worse".into(), &worse, &roadmap.criteria)),
            Arc::new(initiative("better".into(), &improved, &roadmap.criteria)),
        );
        let at = places.0.index(roadmap.initiatives.len() + 1);
        roadmap.initiatives.insert(at, Arc::clone(&worse));
        let at = places.1.index(roadmap.initiatives.len() + 1);
        roadmap.initiatives.insert(at, Arc::clone(&improved));

        let value = |initiative: &Initiative| framework_score(&roadmap, initiative).map(|score| score.value).ok();
        let (good, bad) = (value(&improved), value(&worse));
        // Scored whenever the worse one is, and never lower.
        prop_assert!(bad.is_none() || good.is_some_and(|good| bad.is_some_and(|bad| good >= bad)), "{:?} < {:?}", good, bad);
        let lines = rank_initiatives(&roadmap);
        let place = |id: &str| lines.iter().position(|line| roadmap.initiatives[line.index].id.0 == id);
        let index = |id: &str| roadmap.initiatives.iter().position(|initiative| initiative.id.0 == id);
        let (good_place, bad_place) = (place("better"), place("worse"));
        // Below it only on a tie that the title, then the roadmap order, gives to the other.
        let tie_to_worse = good.is_some() && good == bad
            && (worse.display_title(), index("worse")) < (improved.display_title(), index("better"));
        // Both unscored: neither has a rank to compare.
        prop_assert!(
            good.is_none() || good_place < bad_place || tie_to_worse,
            "{:?} {:?} at {:?} {:?}", good, bad, good_place, bad_place
        );
    }
}

/// How to make a draft at least as good in every input: higher-is-better values raised by
/// `raise` (up to the top of their scale), lower-is-better ones scaled by `shrink` or lowered by
/// `raise` (down to the bottom), steps moved `steps` towards the better end; inputs the worse
/// one lacks may be filled in from another draft.
#[derive(Clone, Debug)]
struct Better {
    raise: f64,
    shrink: f64,
    steps: usize,
    more_urgent: usize,
    add_due: bool,
    fill: bool,
}

fn better() -> impl Strategy<Value = Better> {
    (
        prop_oneof![Just(0.0), 0.0..5.0f64],
        0.05..=1.0f64,
        0usize..3,
        0usize..3,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(raise, shrink, steps, more_urgent, add_due, fill)| Better {
            raise,
            shrink,
            steps,
            more_urgent,
            add_due,
            fill,
        })
}

impl Better {
    /// `worse` made at least as good in every input; `fill` gives what `worse` lacks.
    fn apply(&self, worse: &Draft, fill: &Draft, criteria: &[Criterion]) -> Draft {
        let up = |estimate: Estimate, most: f64| self.each(estimate, |value| (value + self.raise).min(most));
        let down = |estimate: Estimate| self.each(estimate, |value| value * self.shrink);
        let either = |own: Option<Estimate>, other: Option<Estimate>| own.or(other.filter(|_| self.fill));
        let step_up = |index: usize| index.saturating_sub(self.steps);
        let rice = &worse.rice;
        let ice = &worse.ice;
        let wsjf = &worse.wsjf;
        let urgency = Urgency::ALL[(Urgency::ALL.iter().position(|u| *u == worse.urgency).unwrap_or(0)
            + self.more_urgent)
            .min(Urgency::ALL.len() - 1)];
        // A proposed time criticality rises with urgency and a due date; a given one is raised.
        let due = worse.due.or(fill.due.filter(|_| self.add_due));
        Draft {
            title: worse.title.clone(),
            effort: Score::clamped(worse.effort.value() - self.raise),
            impact: Score::clamped(worse.impact.value() + self.raise),
            urgency,
            due,
            rice: RiceInputs {
                reach: either(rice.reach.map(|reach| up(reach, f64::MAX)), fill.rice.reach),
                impact: rice
                    .impact
                    .map(|impact| {
                        RiceImpact::ALL
                            [step_up(RiceImpact::ALL.iter().position(|i| *i == impact).unwrap_or(0))]
                    })
                    .or(fill.rice.impact.filter(|_| self.fill)),
                confidence: rice
                    .confidence
                    .map(|confidence| {
                        Confidence::ALL
                            [step_up(Confidence::ALL.iter().position(|c| *c == confidence).unwrap_or(0))]
                    })
                    .or(fill.rice.confidence.filter(|_| self.fill)),
                effort: either(rice.effort.map(down), fill.rice.effort),
            },
            ice: IceInputs {
                impact: either(ice.impact.map(|value| up(value, ICE.1)), fill.ice.impact),
                confidence: either(ice.confidence.map(|value| up(value, ICE.1)), fill.ice.confidence),
                ease: either(ice.ease.map(|value| up(value, ICE.1)), fill.ice.ease),
            },
            wsjf: WsjfInputs {
                business_value: either(
                    wsjf.business_value.map(|value| up(value, WSJF.1)),
                    fill.wsjf.business_value,
                ),
                time_criticality: wsjf.time_criticality.map(|value| up(value, WSJF.1)),
                risk_reduction: either(
                    wsjf.risk_reduction.map(|value| up(value, WSJF.1)),
                    fill.wsjf.risk_reduction,
                ),
                job_size: wsjf
                    .job_size
                    .map(|size| {
                        let at = WSJF_SCALE
                            .iter()
                            .position(|step| *step == size.value())
                            .unwrap_or(0);
                        JobSize::new(f64::from(WSJF_SCALE[at.saturating_sub(self.steps)])).unwrap_or(size)
                    })
                    .or(fill.wsjf.job_size.filter(|_| self.fill)),
            },
            criteria: self.better_criteria(worse, fill, criteria),
        }
    }

    /// Each value moved towards the better end of its criterion's scale: a benefit up, a cost
    /// down. Moved as spreads (0–1), since placing a spread on a scale keeps its order.
    fn better_criteria(&self, worse: &Draft, fill: &Draft, criteria: &[Criterion]) -> Vec<Option<[f64; 3]>> {
        let by = self.raise / 5.0;
        (0..MOST_CRITERIA)
            .map(|index| match (criteria.get(index), worse.criteria[index]) {
                (Some(criterion), Some(spread)) => Some(spread.map(|at| match criterion.direction {
                    Direction::Benefit => (at + by).min(1.0),
                    Direction::Cost => (at - by).max(0.0),
                })),
                (_, None) => fill.criteria[index].filter(|_| self.fill),
                (None, own) => own,
            })
            .collect()
    }

    /// The estimate with `change` applied to each value; `change` never reorders them.
    fn each(&self, estimate: Estimate, change: impl Fn(f64) -> f64) -> Estimate {
        Estimate::new(
            change(estimate.low),
            change(estimate.likely),
            change(estimate.high),
        )
        .unwrap_or(estimate)
    }
}
