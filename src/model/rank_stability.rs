//! How far to trust the order: a seeded Monte Carlo over the estimates' ranges (triangular
//! draws between low, likely and high), giving each initiative its rank interval (10th to 90th
//! percentile) and its chance of the top K; the close calls with the single estimate that would
//! settle each most; for one initiative, which input moves its rank most (a tornado); and for
//! weighted criteria, the weight at which the top K changes. Deterministic for a given roadmap.

use std::cmp::Ordering;

use super::{
    Criterion, Direction, Estimate, Framework, Initiative, Roadmap, number, proposed_time_criticality,
};

/// Draws per run.
pub const DRAWS: usize = 2_000;
/// A chance of the top K in this band is too close to call.
pub const CLOSE_LEAST: f64 = 0.2;
pub const CLOSE_MOST: f64 = 0.8;
/// The seed: the same roadmap always gives the same intervals.
const SEED: u64 = 0x5eed_2027_0101;

/// One number a score is made of: its input's name and estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreInput {
    pub name: String,
    pub estimate: Estimate,
}

/// How a framework turns its inputs' values (in [`score_inputs`]'s order) into a score.
#[derive(Clone, Debug, PartialEq)]
enum Formula {
    Ratio,
    Rice,
    IceProduct,
    IceAverage,
    Wsjf,
    /// Per criterion: its share of the weights, its scale's bounds and whether it is a cost.
    Weighted(Vec<(f64, (f64, f64), bool)>),
}

impl Formula {
    fn of(roadmap: &Roadmap) -> Formula {
        match roadmap.framework {
            Framework::EffortImpact => Formula::Ratio,
            Framework::Rice => Formula::Rice,
            Framework::Ice if roadmap.ice_average => Formula::IceAverage,
            Framework::Ice => Formula::IceProduct,
            Framework::Wsjf => Formula::Wsjf,
            Framework::Weighted => Formula::Weighted(weighted_parts(&roadmap.criteria, None)),
        }
    }

    fn score(&self, values: &[f64]) -> f64 {
        match self {
            Formula::Ratio => values[0] / values[1],
            Formula::Rice => values[0] * values[1] * values[2] / 100.0 / values[3],
            Formula::IceProduct => values[0] * values[1] * values[2],
            Formula::IceAverage => (values[0] + values[1] + values[2]) / 3.0,
            Formula::Wsjf => (values[0] + values[1] + values[2]) / values[3],
            Formula::Weighted(parts) => {
                100.0
                    * parts
                        .iter()
                        .zip(values)
                        .map(|((share, (least, most), cost), value)| {
                            let fraction = if most > least {
                                ((value - least) / (most - least)).clamp(0.0, 1.0)
                            } else {
                                0.0
                            };
                            share * if *cost { 1.0 - fraction } else { fraction }
                        })
                        .sum::<f64>()
            }
        }
    }
}

/// Each criterion's share of the weights (one criterion's weight replaced by `weight` where
/// given), bounds and direction.
fn weighted_parts(criteria: &[Criterion], weight: Option<(usize, f64)>) -> Vec<(f64, (f64, f64), bool)> {
    let weight_of = |index: usize, criterion: &Criterion| match weight {
        Some((at, weight)) if at == index => weight,
        _ => criterion.weight.max(0.0),
    };
    let total: f64 = criteria
        .iter()
        .enumerate()
        .map(|(index, criterion)| weight_of(index, criterion))
        .sum();
    criteria
        .iter()
        .enumerate()
        .map(|(index, criterion)| {
            let share = if total > 0.0 {
                weight_of(index, criterion) / total
            } else {
                0.0
            };
            (
                share,
                criterion.scale.bounds(),
                criterion.direction == Direction::Cost,
            )
        })
        .collect()
}

/// An initiative's inputs under the roadmap's framework, in the formula's order; `None` while
/// any is missing (it has no score, and no rank to simulate).
pub fn score_inputs(roadmap: &Roadmap, initiative: &Initiative) -> Option<Vec<ScoreInput>> {
    let input = |name: &str, estimate: Option<Estimate>| {
        estimate.map(|estimate| ScoreInput {
            name: name.to_string(),
            estimate,
        })
    };
    let point = |value: f64| Some(Estimate::point(value));
    let inputs: Vec<Option<ScoreInput>> = match roadmap.framework {
        Framework::EffortImpact => vec![
            input("Impact", Some(initiative.impact_estimate())),
            input("Effort", Some(initiative.effort_estimate())),
        ],
        Framework::Rice => {
            let rice = &initiative.rice;
            vec![
                input("Reach", rice.reach),
                input(
                    "RICE impact",
                    rice.impact.map(|impact| Estimate::point(impact.value())),
                ),
                input(
                    "Confidence",
                    rice.confidence
                        .map(|confidence| Estimate::point(f64::from(confidence.percent()))),
                ),
                input(
                    "Effort (person-months)",
                    rice.effort.filter(|effort| effort.low > 0.0),
                ),
            ]
        }
        Framework::Ice => vec![
            input("ICE impact", initiative.ice.impact),
            input("ICE confidence", initiative.ice.confidence),
            input("Ease", initiative.ice.ease),
        ],
        Framework::Wsjf => {
            let wsjf = &initiative.wsjf;
            vec![
                input("Business value", wsjf.business_value),
                input(
                    "Time criticality",
                    wsjf.time_criticality
                        .or_else(|| point(proposed_time_criticality(initiative))),
                ),
                input("Risk reduction", wsjf.risk_reduction),
                input(
                    "Job size",
                    wsjf.job_size.map(|size| Estimate::point(f64::from(size.value()))),
                ),
            ]
        }
        Framework::Weighted => {
            if roadmap.criteria.is_empty() || roadmap.criteria.iter().all(|criterion| criterion.weight <= 0.0)
            {
                return None;
            }
            roadmap
                .criteria
                .iter()
                .map(|criterion| {
                    input(
                        criterion.display_name(),
                        initiative.criteria.get(&criterion.id).copied(),
                    )
                })
                .collect()
        }
    };
    inputs.into_iter().collect()
}

/// A small, fast, seedable generator (SplitMix64): the same seed, the same draws everywhere.
#[derive(Clone, Debug)]
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A triangular draw between low and high, peaking at likely; a point is itself.
fn triangular(estimate: &Estimate, uniform: f64) -> f64 {
    let Estimate { low, likely, high } = *estimate;
    if high <= low {
        return likely;
    }
    let cut = (likely - low) / (high - low);
    if uniform < cut {
        low + (uniform * (high - low) * (likely - low)).sqrt()
    } else {
        high - ((1.0 - uniform) * (high - low) * (high - likely)).sqrt()
    }
}

/// One initiative as simulated.
#[derive(Clone, Debug)]
struct Simulated {
    index: usize,
    inputs: Vec<ScoreInput>,
    /// Its score with every input at its PERT mean (the ranked list's score).
    mean_score: f64,
}

/// Each initiative's place in the order, over all draws.
#[derive(Clone, Debug, PartialEq)]
pub struct RankInterval {
    /// Position in `roadmap.initiatives`.
    pub index: usize,
    /// Its rank with every estimate at its mean: the ranked list's rank.
    pub likely_rank: usize,
    /// 10th and 90th percentile of its rank over the draws.
    pub low_rank: usize,
    pub high_rank: usize,
    /// Share of draws in which it is in the top K.
    pub top_chance: f64,
}

/// A close call, and the estimate that would settle it most.
#[derive(Clone, Debug, PartialEq)]
pub struct CloseCall {
    pub index: usize,
    pub top_chance: f64,
    /// Its own input that, narrowed to its likely value, moves the chance furthest from a coin
    /// toss, and the chance then; `None` when none of its own inputs is a range.
    pub settled_by: Option<(String, f64)>,
}

/// The whole answer: intervals by likely rank, the close calls, and the run's size.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankStability {
    pub intervals: Vec<RankInterval>,
    pub close_calls: Vec<CloseCall>,
    pub top_k: usize,
    pub draws: usize,
}

/// A run of the simulation that can be done in slices: `step` a few draws at a time,
/// `summarise` a few initiatives at a time once the draws are done, then `finish`. The ranks
/// of every draw are kept (2 bytes each) for the percentiles.
pub struct StabilityRun {
    simulated: Vec<Simulated>,
    formula: Formula,
    top_k: usize,
    draws: usize,
    done: usize,
    random: Draws,
    /// Per simulated initiative, its rank in each draw (1-based).
    ranks: Vec<Vec<u16>>,
    /// Per draw, the scores of the K-th and (K+1)-th best: what an initiative has to beat.
    thresholds: Vec<(f64, f64)>,
    /// Seeds the draws taken again when one input is narrowed.
    narrowed_seed: u64,
    /// This draw's score of each simulated initiative, and their order.
    scores: Vec<f64>,
    order: Vec<u32>,
    /// The summary so far, by likely rank: summarising 10,000 initiatives at once would hold
    /// the page for a quarter of a second.
    intervals: Vec<RankInterval>,
    close_calls: Vec<CloseCall>,
}

/// The most initiatives a run ranks (ranks are kept in two bytes).
pub const MOST_SIMULATED: usize = u16::MAX as usize;

impl StabilityRun {
    /// Prepares a run over the initiatives that have a score; `top_k` is held to 1..=their count.
    pub fn new(roadmap: &Roadmap, top_k: usize, draws: usize) -> StabilityRun {
        let formula = Formula::of(roadmap);
        let mut simulated: Vec<Simulated> = roadmap
            .initiatives
            .iter()
            .enumerate()
            .filter_map(|(index, initiative)| {
                let inputs = score_inputs(roadmap, initiative)?;
                let means: Vec<f64> = inputs.iter().map(|input| input.estimate.mean()).collect();
                let mean_score = formula.score(&means);
                mean_score.is_finite().then_some(Simulated {
                    index,
                    inputs,
                    mean_score,
                })
            })
            .take(MOST_SIMULATED)
            .collect();
        // Likely order: by mean score, ties by title then roadmap order, as the ranked list.
        let title = |index: usize| roadmap.initiatives[index].display_title();
        simulated.sort_by(|a, b| {
            b.mean_score
                .total_cmp(&a.mean_score)
                .then_with(|| title(a.index).cmp(title(b.index)))
                .then(a.index.cmp(&b.index))
        });
        let count = simulated.len();
        StabilityRun {
            top_k: top_k.clamp(1, count.max(1)),
            draws,
            done: 0,
            random: Draws(SEED),
            // One list per initiative, each room for every draw up front (`vec![v; n]` would
            // clone without the room, and 10,000 lists would grow together mid-run).
            ranks: (0..count).map(|_| Vec::with_capacity(draws)).collect(),
            thresholds: Vec::with_capacity(draws),
            narrowed_seed: SEED ^ 0xa5a5_a5a5,
            scores: vec![0.0; count],
            order: (0..count as u32).collect(),
            intervals: Vec::with_capacity(count),
            close_calls: Vec::new(),
            simulated,
            formula,
        }
    }

    /// How many initiatives the run ranks: those with a score.
    pub fn simulated_count(&self) -> usize {
        self.simulated.len()
    }

    /// Share of the draws done, 0–1.
    pub fn progress(&self) -> f64 {
        if self.draws == 0 {
            1.0
        } else {
            self.done as f64 / self.draws as f64
        }
    }

    pub fn is_done(&self) -> bool {
        self.done >= self.draws
    }

    /// Whether every draw is done and every initiative summarised: `finish` is then quick.
    pub fn is_summarised(&self) -> bool {
        self.is_done() && self.intervals.len() == self.simulated.len()
    }

    /// Runs up to `draws` more draws.
    pub fn step(&mut self, draws: usize) {
        let until = (self.done + draws).min(self.draws);
        let mut values = Vec::new();
        while self.done < until {
            for (slot, initiative) in self.simulated.iter().enumerate() {
                values.clear();
                for input in &initiative.inputs {
                    let uniform = if input.estimate.is_range() {
                        self.random.next()
                    } else {
                        0.5
                    };
                    values.push(triangular(&input.estimate, uniform));
                }
                self.scores[slot] = self.formula.score(&values);
            }
            let scores = &self.scores;
            // Equal scores keep the likely order (the simulated list is sorted by it).
            self.order
                .sort_unstable_by(|&a, &b| scores[b as usize].total_cmp(&scores[a as usize]).then(a.cmp(&b)));
            for (place, &slot) in self.order.iter().enumerate() {
                self.ranks[slot as usize].push(u16::try_from(place + 1).unwrap_or(u16::MAX));
            }
            let at = |place: usize| {
                self.order
                    .get(place)
                    .map_or(f64::NEG_INFINITY, |&slot| scores[slot as usize])
            };
            self.thresholds.push((at(self.top_k - 1), at(self.top_k)));
            self.done += 1;
        }
    }

    /// Summarises up to `count` more initiatives, in likely order: the rank interval, the
    /// chance of the top K and, for a close call, what would settle it. Nothing to summarise
    /// before every draw is done.
    pub fn summarise(&mut self, count: usize) {
        if !self.is_done() {
            return;
        }
        let from = self.intervals.len();
        let until = from.saturating_add(count).min(self.simulated.len());
        for slot in from..until {
            let interval = self.interval(slot);
            if (CLOSE_LEAST..=CLOSE_MOST).contains(&interval.top_chance) {
                self.close_calls.push(CloseCall {
                    index: interval.index,
                    top_chance: interval.top_chance,
                    settled_by: self.settling_input(slot, interval.top_chance),
                });
            }
            self.intervals.push(interval);
        }
    }

    fn interval(&self, slot: usize) -> RankInterval {
        // Two selections instead of a sort: O(draws) per initiative.
        let mut ranks = self.ranks[slot].clone();
        let mut percentile = |share: f64| {
            if ranks.is_empty() {
                return slot + 1;
            }
            let at = ((ranks.len() - 1) as f64 * share).round() as usize;
            usize::from(*ranks.select_nth_unstable(at).1)
        };
        let (low_rank, high_rank) = (percentile(0.1), percentile(0.9));
        let in_top = self.ranks[slot]
            .iter()
            .filter(|&&rank| usize::from(rank) <= self.top_k)
            .count();
        let top_chance = if self.done == 0 {
            0.0
        } else {
            in_top as f64 / self.done as f64
        };
        RankInterval {
            index: self.simulated[slot].index,
            likely_rank: slot + 1,
            low_rank,
            high_rank,
            top_chance,
        }
    }

    /// The intervals and close calls (runs and summarises what is left first).
    pub fn finish(mut self) -> RankStability {
        if !self.is_done() {
            self.step(self.draws);
        }
        self.summarise(self.simulated.len());
        RankStability {
            intervals: self.intervals,
            close_calls: self.close_calls,
            top_k: self.top_k,
            draws: self.done,
        }
    }

    /// Which of the initiative's own ranged inputs, fixed at its likely value, moves its chance
    /// of the top K furthest from a coin toss: each draw's score is taken again with that input
    /// narrowed, against what it had to beat in that draw.
    fn settling_input(&self, slot: usize, chance: f64) -> Option<(String, f64)> {
        let initiative = &self.simulated[slot];
        let mut best: Option<(String, f64)> = None;
        for (narrowed, input) in initiative.inputs.iter().enumerate() {
            if !input.estimate.is_range() {
                continue;
            }
            let mut random = Draws(self.narrowed_seed ^ ((slot as u64) << 8) ^ narrowed as u64);
            let mut values = Vec::with_capacity(initiative.inputs.len());
            let mut in_top = 0usize;
            for (draw, &(kth, next)) in self.thresholds.iter().enumerate() {
                values.clear();
                for (position, each) in initiative.inputs.iter().enumerate() {
                    let value = if position == narrowed || !each.estimate.is_range() {
                        each.estimate.likely
                    } else {
                        triangular(&each.estimate, random.next())
                    };
                    values.push(value);
                }
                let score = self.formula.score(&values);
                // What it had to beat: the K-th best of the others in that draw.
                let was_in = usize::from(self.ranks[slot][draw]) <= self.top_k;
                let bar = if was_in { next } else { kth };
                if score > bar {
                    in_top += 1;
                }
            }
            let narrowed_chance = in_top as f64 / self.thresholds.len().max(1) as f64;
            let gain = (narrowed_chance - 0.5).abs() - (chance - 0.5).abs();
            if best
                .as_ref()
                .is_none_or(|(_, best_chance)| gain > (best_chance - 0.5).abs() - (chance - 0.5).abs())
            {
                best = Some((input.name.clone(), narrowed_chance));
            }
        }
        best
    }
}

/// The whole simulation at once (for tests and small roadmaps).
pub fn rank_stability(roadmap: &Roadmap, top_k: usize, draws: usize) -> RankStability {
    StabilityRun::new(roadmap, top_k, draws).finish()
}

/// The default K: the first phase's size, or 10 when it holds none.
pub fn default_top_k(roadmap: &Roadmap) -> usize {
    let first = roadmap.phases.first().map(|phase| &phase.id);
    let size = roadmap
        .initiatives
        .iter()
        .filter(|initiative| initiative.phase.as_ref() == first && first.is_some())
        .count();
    if size == 0 { 10 } else { size }
}

/// One bar of a tornado: an input, and the initiative's rank with it at its low and high end
/// (every other estimate at its mean).
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub input: String,
    pub estimate: Estimate,
    pub rank_at_low: usize,
    pub rank_at_high: usize,
}

impl TornadoBar {
    pub fn swing(&self) -> usize {
        self.rank_at_low.abs_diff(self.rank_at_high)
    }
}

/// Which of the initiative's ranged inputs moves its rank most, largest swing first.
pub fn tornado(roadmap: &Roadmap, index: usize) -> Vec<TornadoBar> {
    let formula = Formula::of(roadmap);
    let Some(inputs) = roadmap
        .initiatives
        .get(index)
        .and_then(|initiative| score_inputs(roadmap, initiative))
    else {
        return Vec::new();
    };
    // Without a ranged input nothing moves its rank: the others need not be scored (a selection
    // among 10,000 stays cheap).
    if !inputs.iter().any(|input| input.estimate.is_range()) {
        return Vec::new();
    }
    let title = |index: usize| roadmap.initiatives[index].display_title();
    let others: Vec<(usize, f64)> = roadmap
        .initiatives
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .filter_map(|(other, initiative)| {
            let inputs = score_inputs(roadmap, initiative)?;
            let means: Vec<f64> = inputs.iter().map(|input| input.estimate.mean()).collect();
            Some((other, formula.score(&means)))
        })
        .collect();
    let rank_of = |score: f64| {
        1 + others
            .iter()
            .filter(|(other, other_score)| match other_score.total_cmp(&score) {
                Ordering::Greater => true,
                Ordering::Equal => (title(*other), *other) < (title(index), index),
                Ordering::Less => false,
            })
            .count()
    };
    let means: Vec<f64> = inputs.iter().map(|input| input.estimate.mean()).collect();
    let mut bars: Vec<TornadoBar> = inputs
        .iter()
        .enumerate()
        .filter(|(_, input)| input.estimate.is_range())
        .map(|(position, input)| {
            let with = |value: f64| {
                let mut values = means.clone();
                values[position] = value;
                rank_of(formula.score(&values))
            };
            TornadoBar {
                input: input.name.clone(),
                estimate: input.estimate,
                rank_at_low: with(input.estimate.low),
                rank_at_high: with(input.estimate.high),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.swing().cmp(&a.swing()).then_with(|| a.input.cmp(&b.input)));
    bars
}

/// Where the top K changes as one criterion's weight moves, and who enters or leaves.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightTipping {
    pub criterion: usize,
    /// Its share of the weights now, and where the top K first changes (both in percent).
    pub share_now: f64,
    pub share_then: f64,
    pub entering: Vec<usize>,
    pub leaving: Vec<usize>,
}

impl WeightTipping {
    /// "Raise Strategy fit from 30 % to 41 % and Lakehouse enters the top 10".
    pub fn sentence(&self, roadmap: &Roadmap, top_k: usize) -> String {
        let name = roadmap.criteria[self.criterion].display_name();
        let verb = if self.share_then > self.share_now {
            "Raise"
        } else {
            "Lower"
        };
        let titles = |indexes: &[usize]| {
            indexes
                .iter()
                .map(|&index| roadmap.initiatives[index].display_title().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut sentence = format!(
            "{verb} {name} from {} % to {} %",
            number(self.share_now),
            number(self.share_then)
        );
        if !self.entering.is_empty() {
            let enters = if self.entering.len() == 1 {
                "enters"
            } else {
                "enter"
            };
            sentence.push_str(&format!(
                " and {} {enters} the top {top_k}",
                titles(&self.entering)
            ));
        }
        if !self.leaving.is_empty() {
            let leaves = if self.leaving.len() == 1 {
                "leaves"
            } else {
                "leave"
            };
            sentence.push_str(&format!(" and {} {leaves} it", titles(&self.leaving)));
        }
        sentence
    }
}

/// For each weighted criterion, the nearest share of the weights (in whole percents, a step up
/// then a step down, further each time) at which the top K by mean score changes; `None` where no share from 0 to 100 % does.
pub fn weight_sensitivity(roadmap: &Roadmap, top_k: usize) -> Vec<Option<WeightTipping>> {
    if roadmap.framework != Framework::Weighted {
        return Vec::new();
    }
    let scored: Vec<(usize, Vec<f64>)> = roadmap
        .initiatives
        .iter()
        .enumerate()
        .filter_map(|(index, initiative)| {
            let inputs = score_inputs(roadmap, initiative)?;
            Some((index, inputs.iter().map(|input| input.estimate.mean()).collect()))
        })
        .collect();
    let title = |index: usize| roadmap.initiatives[index].display_title();
    let top = |parts: &[(f64, (f64, f64), bool)]| {
        let formula = Formula::Weighted(parts.to_vec());
        let mut order: Vec<(usize, f64)> = scored
            .iter()
            .map(|(index, values)| (*index, formula.score(values)))
            .collect();
        order.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| title(a.0).cmp(title(b.0)))
                .then(a.0.cmp(&b.0))
        });
        let mut top: Vec<usize> = order.into_iter().take(top_k).map(|(index, _)| index).collect();
        top.sort_unstable();
        top
    };
    let total: f64 = roadmap
        .criteria
        .iter()
        .map(|criterion| criterion.weight.max(0.0))
        .sum();
    let now_top = top(&weighted_parts(&roadmap.criteria, None));
    (0..roadmap.criteria.len())
        .map(|criterion| {
            let share_now = if total > 0.0 {
                roadmap.criteria[criterion].weight.max(0.0) / total * 100.0
            } else {
                0.0
            };
            let others = total - roadmap.criteria[criterion].weight.max(0.0);
            // The weight giving this criterion `share` percent of the total, others unchanged.
            let weight_for = |share: f64| {
                if share >= 100.0 {
                    f64::MAX / 4.0
                } else {
                    others * share / (100.0 - share)
                }
            };
            let start = share_now.round() as i64;
            let steps = (1..=100).flat_map(|step| [start + step, start - step]);
            steps.filter(|share| (0..=100).contains(share)).find_map(|share| {
                let share = share as f64;
                if others <= 0.0 {
                    return None;
                }
                let then_top = top(&weighted_parts(
                    &roadmap.criteria,
                    Some((criterion, weight_for(share))),
                ));
                (then_top != now_top).then(|| WeightTipping {
                    criterion,
                    share_now,
                    share_then: share,
                    entering: then_top
                        .iter()
                        .filter(|index| !now_top.contains(index))
                        .copied()
                        .collect(),
                    leaving: now_top
                        .iter()
                        .filter(|index| !then_top.contains(index))
                        .copied()
                        .collect(),
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Confidence, CriterionScale, RiceImpact, Score, ScoreRange};

    /// A RICE roadmap: each initiative's reach as (low, likely, high), the rest alike.
    fn rice(reaches: &[(f64, f64, f64)]) -> Roadmap {
        let mut roadmap = Roadmap::new("RICE");
        roadmap.framework = Framework::Rice;
        for (number, &(low, likely, high)) in reaches.iter().enumerate() {
            let id = roadmap.add_initiative(format!("Initiative {number}"));
            roadmap.update_initiative(&id, |initiative| {
                initiative.rice.reach = Some(Estimate::new(low, likely, high).expect("ordered"));
                initiative.rice.impact = Some(RiceImpact::High);
                initiative.rice.confidence = Some(Confidence::High);
                initiative.rice.effort = Some(Estimate::point(2.0));
            });
        }
        roadmap
    }

    #[test]
    fn the_same_roadmap_gives_the_same_intervals() {
        let roadmap = rice(&[
            (100.0, 500.0, 900.0),
            (300.0, 450.0, 600.0),
            (400.0, 420.0, 800.0),
            (10.0, 20.0, 30.0),
        ]);
        assert_eq!(
            rank_stability(&roadmap, 2, DRAWS),
            rank_stability(&roadmap, 2, DRAWS)
        );
    }

    #[test]
    fn exact_estimates_give_intervals_of_zero_width_at_the_likely_rank() {
        let roadmap = rice(&[
            (100.0, 100.0, 100.0),
            (300.0, 300.0, 300.0),
            (200.0, 200.0, 200.0),
        ]);
        let stability = rank_stability(&roadmap, 1, 500);
        for interval in &stability.intervals {
            assert_eq!(
                (interval.low_rank, interval.high_rank),
                (interval.likely_rank, interval.likely_rank)
            );
        }
        let ranks: Vec<(usize, usize)> = stability
            .intervals
            .iter()
            .map(|interval| (interval.index, interval.likely_rank))
            .collect();
        assert_eq!(ranks, [(1, 1), (2, 2), (0, 3)]);
        assert_eq!(stability.intervals[0].top_chance, 1.0);
        assert!(stability.close_calls.is_empty());
    }

    #[test]
    fn an_initiative_better_over_its_whole_range_never_ranks_below() {
        let roadmap = rice(&[
            (1000.0, 1500.0, 2000.0),
            (2000.0, 3000.0, 4000.0),
            (500.0, 1800.0, 5000.0),
        ]);
        let mut run = StabilityRun::new(&roadmap, 1, 800);
        run.step(800);
        let slot_of = |index: usize| {
            run.simulated
                .iter()
                .position(|simulated| simulated.index == index)
                .expect("simulated")
        };
        let (better, worse) = (slot_of(1), slot_of(0));
        assert!(
            run.ranks[better]
                .iter()
                .zip(&run.ranks[worse])
                .all(|(better, worse)| better < worse)
        );
    }

    #[test]
    fn overlapping_ranges_are_too_close_to_call_and_the_own_range_settles_it() {
        // Two initiatives for one place: the wide one straddles the narrow one, though its
        // likely reach beats the narrow one's whole range.
        let roadmap = rice(&[
            (300.0, 1100.0, 1500.0),
            (900.0, 1000.0, 1100.0),
            (10.0, 20.0, 30.0),
        ]);
        let stability = rank_stability(&roadmap, 1, DRAWS);
        let close: Vec<usize> = stability.close_calls.iter().map(|call| call.index).collect();
        assert_eq!(close, [0, 1]);
        let wide = &stability.close_calls[0];
        assert!((CLOSE_LEAST..=CLOSE_MOST).contains(&wide.top_chance));
        let (input, narrowed) = wide.settled_by.clone().expect("its reach is a range");
        assert_eq!(input, "Reach");
        assert!(narrowed > 0.99, "at its likely reach it always wins: {narrowed}");
        let third = stability
            .intervals
            .iter()
            .find(|interval| interval.index == 2)
            .expect("ranked");
        assert_eq!((third.low_rank, third.high_rank, third.top_chance), (3, 3, 0.0));
    }

    #[test]
    fn the_run_in_slices_equals_the_run_at_once() {
        let roadmap = rice(&[
            (100.0, 500.0, 900.0),
            (300.0, 450.0, 600.0),
            (400.0, 420.0, 800.0),
        ]);
        let mut sliced = StabilityRun::new(&roadmap, 1, 300);
        assert_eq!(sliced.simulated_count(), 3);
        // Nothing to summarise while draws are left: a summary then would count too few.
        sliced.summarise(3);
        assert!(!sliced.is_summarised());
        while !sliced.is_done() {
            sliced.step(7);
        }
        assert_eq!(sliced.progress(), 1.0);
        let mut summaries = 0;
        while !sliced.is_summarised() {
            sliced.summarise(2);
            summaries += 1;
        }
        assert_eq!(summaries, 2, "two initiatives, then the last one");
        let at_once = rank_stability(&roadmap, 1, 300);
        assert!(
            !at_once.close_calls.is_empty(),
            "the example has a close call to settle"
        );
        assert_eq!(sliced.finish(), at_once);
    }

    #[test]
    fn initiatives_missing_inputs_are_left_out_and_k_is_held_to_the_scored() {
        let mut roadmap = rice(&[(100.0, 500.0, 900.0), (300.0, 450.0, 600.0)]);
        roadmap.add_initiative("Unscored");
        let stability = rank_stability(&roadmap, 10, 100);
        assert_eq!(stability.intervals.len(), 2);
        assert_eq!(stability.top_k, 2);
    }

    #[test]
    fn the_tornado_puts_the_input_that_moves_the_rank_most_first() {
        let mut roadmap = rice(&[
            (100.0, 500.0, 900.0),
            (450.0, 450.0, 450.0),
            (480.0, 480.0, 480.0),
        ]);
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.rice.effort = Some(Estimate::new(1.9, 2.0, 2.1).expect("ordered"));
        });
        let bars = tornado(&roadmap, 0);
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[0].input, "Reach");
        assert_eq!((bars[0].rank_at_low, bars[0].rank_at_high), (3, 1));
        assert!(bars[0].swing() >= bars[1].swing());
    }

    #[test]
    fn weight_sensitivity_names_the_share_where_the_top_k_changes_and_who_enters() {
        let mut roadmap = Roadmap::new("Weighted");
        roadmap.framework = Framework::Weighted;
        let fit = roadmap.add_criterion();
        let cost = roadmap.add_criterion();
        roadmap.update_criterion(&fit, |criterion| {
            criterion.name = "Strategy fit".into();
            criterion.weight = 30.0;
        });
        roadmap.update_criterion(&cost, |criterion| {
            criterion.name = "Cost".into();
            criterion.weight = 70.0;
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Percent;
        });
        for (title, fit_value, cost_value) in [("Lakehouse", 10.0, 60.0), ("Data catalog", 2.0, 20.0)] {
            let id = roadmap.add_initiative(title);
            roadmap.update_initiative(&id, |initiative| {
                initiative
                    .criteria
                    .insert(fit.clone(), Estimate::point(fit_value));
                initiative
                    .criteria
                    .insert(cost.clone(), Estimate::point(cost_value));
            });
        }
        let tipping = weight_sensitivity(&roadmap, 1);
        let fit_tipping = tipping[0].clone().expect("raising strategy fit tips it");
        // Lakehouse 100 × (s + (1 − s) × 0.4) against Data catalog 100 × (s × 1/9 + (1 − s) × 0.8):
        // equal at s ≈ 31 %.
        assert_eq!(fit_tipping.share_then, 32.0);
        assert_eq!(fit_tipping.entering, [0]);
        assert_eq!(fit_tipping.leaving, [1]);
        assert_eq!(
            fit_tipping.sentence(&roadmap, 1),
            "Raise Strategy fit from 30 % to 32 % and Lakehouse enters the top 1 and Data catalog leaves it"
        );
    }

    #[test]
    fn the_default_k_is_the_first_phase_size() {
        let mut roadmap = rice(&[(1.0, 1.0, 1.0), (2.0, 2.0, 2.0), (3.0, 3.0, 3.0)]);
        assert_eq!(default_top_k(&roadmap), 10);
        let first = roadmap.phases[0].id.clone();
        for id in [
            roadmap.initiatives[0].id.clone(),
            roadmap.initiatives[2].id.clone(),
        ] {
            roadmap.assign_phase(&id, Some(first.clone()));
        }
        assert_eq!(default_top_k(&roadmap), 2);
    }

    #[test]
    fn triangular_draws_stay_within_the_range_and_peak_at_likely() {
        let estimate = Estimate::new(2.0, 3.0, 10.0).expect("ordered");
        let mut random = Draws(7);
        let values: Vec<f64> = (0..5_000).map(|_| triangular(&estimate, random.next())).collect();
        assert!(values.iter().all(|value| (2.0..=10.0).contains(value)));
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        assert!(
            (mean - 5.0).abs() < 0.15,
            "a triangular mean is (low + likely + high) ÷ 3: {mean}"
        );
        assert_eq!(triangular(&Estimate::point(4.0), 0.9), 4.0);
    }

    /// One initiative with inputs under every framework (ranges included), and two criteria.
    fn every_framework() -> Roadmap {
        let mut roadmap = Roadmap::new("Every framework");
        let fit = roadmap.add_criterion();
        let cost = roadmap.add_criterion();
        roadmap.update_criterion(&fit, |criterion| criterion.weight = 30.0);
        roadmap.update_criterion(&cost, |criterion| {
            criterion.weight = 70.0;
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Percent;
        });
        let id = roadmap.add_initiative("Lakehouse");
        roadmap.update_initiative(&id, |initiative| {
            initiative.rice.reach = Some(Estimate::new(900.0, 1300.0, 2500.0).expect("ordered"));
            initiative.rice.impact = Some(RiceImpact::Low);
            initiative.rice.confidence = Some(Confidence::Medium);
            initiative.rice.effort = Some(Estimate::new(2.0, 3.0, 7.0).expect("ordered"));
            initiative.ice.impact = Some(Estimate::point(7.0));
            initiative.ice.confidence = Some(Estimate::new(3.0, 4.0, 8.0).expect("ordered"));
            initiative.ice.ease = Some(Estimate::point(6.0));
            initiative.wsjf.business_value = Some(Estimate::point(8.0));
            initiative.wsjf.time_criticality = Some(Estimate::new(2.0, 5.0, 11.0).expect("ordered"));
            initiative.wsjf.risk_reduction = Some(Estimate::point(3.0));
            initiative.wsjf.job_size = crate::model::JobSize::new(13.0);
            initiative.criteria.insert(fit.clone(), Estimate::point(7.0));
            initiative
                .criteria
                .insert(cost.clone(), Estimate::new(10.0, 30.0, 80.0).expect("ordered"));
            initiative.effort_range =
                ScoreRange::around(initiative.effort, Score::clamped(3.0), Score::clamped(9.5));
        });
        roadmap
    }

    /// The first initiative's simulated score with every input at its mean, and its own score.
    fn simulated_and_own(roadmap: &Roadmap) -> (f64, f64) {
        let initiative = &roadmap.initiatives[0];
        let means: Vec<f64> = score_inputs(roadmap, initiative)
            .expect("every input is given")
            .iter()
            .map(|input| input.estimate.mean())
            .collect();
        let own = crate::model::framework_score(roadmap, initiative)
            .expect("scored")
            .value;
        (Formula::of(roadmap).score(&means), own)
    }

    #[test]
    fn the_simulated_score_at_the_means_is_the_frameworks_own_score() {
        let mut roadmap = every_framework();
        for (framework, average) in [
            (Framework::EffortImpact, false),
            (Framework::Rice, false),
            (Framework::Ice, false),
            (Framework::Ice, true),
            (Framework::Wsjf, false),
            (Framework::Weighted, false),
        ] {
            roadmap.framework = framework;
            roadmap.ice_average = average;
            let (simulated, own) = simulated_and_own(&roadmap);
            assert!(
                (simulated - own).abs() < 1e-9,
                "{framework:?} (average {average}): {simulated} against {own}"
            );
        }
    }

    #[test]
    fn a_money_scale_without_a_most_places_nothing_in_the_simulation_as_in_the_score() {
        let mut roadmap = every_framework();
        roadmap.framework = Framework::Weighted;
        let budget = roadmap.add_criterion();
        roadmap.update_criterion(&budget, |criterion| {
            criterion.weight = 50.0;
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Money { most: 0.0 };
        });
        let id = roadmap.initiatives[0].id.clone();
        for value in [0.0, 5_000.0] {
            roadmap.update_initiative(&id, |initiative| {
                initiative.criteria.insert(budget.clone(), Estimate::point(value));
            });
            let (simulated, own) = simulated_and_own(&roadmap);
            // The scale has no room, so the cost counts as none spent: its whole share.
            assert!(
                (simulated - own).abs() < 1e-9,
                "budget {value}: {simulated} against {own}"
            );
        }
    }

    #[test]
    fn progress_is_the_share_of_draws_done_and_a_run_of_no_draws_is_done_at_once() {
        let roadmap = rice(&[(100.0, 500.0, 900.0), (300.0, 450.0, 600.0)]);
        let mut run = StabilityRun::new(&roadmap, 1, 200);
        assert_eq!((run.progress(), run.is_done()), (0.0, false));
        run.step(50);
        assert_eq!((run.progress(), run.is_done()), (0.25, false));
        run.step(1_000);
        assert_eq!((run.progress(), run.is_done()), (1.0, true));
        assert_eq!(run.finish().draws, 200);
        let none = StabilityRun::new(&roadmap, 1, 0);
        assert_eq!((none.progress(), none.is_done()), (1.0, true));
        let stability = none.finish();
        assert_eq!((stability.draws, stability.intervals.len()), (0, 2));
        // Without draws each stays at its likely rank, with no chance counted.
        for interval in &stability.intervals {
            assert_eq!(
                (interval.low_rank, interval.high_rank, interval.top_chance),
                (interval.likely_rank, interval.likely_rank, 0.0)
            );
        }
        assert!(stability.close_calls.is_empty());
    }

    #[test]
    fn with_a_handful_of_draws_the_interval_runs_from_the_best_to_the_worst_rank_drawn() {
        let roadmap = rice(&[
            (100.0, 500.0, 900.0),
            (300.0, 450.0, 600.0),
            (400.0, 420.0, 800.0),
        ]);
        let mut run = StabilityRun::new(&roadmap, 1, 4);
        run.step(4);
        let drawn: Vec<(usize, usize)> = run
            .ranks
            .iter()
            .map(|ranks| {
                let ranks = ranks.iter().map(|&rank| usize::from(rank));
                (ranks.clone().min().expect("drawn"), ranks.max().expect("drawn"))
            })
            .collect();
        assert!(drawn.iter().any(|(best, worst)| best != worst), "{drawn:?}");
        let intervals: Vec<(usize, usize)> = run
            .finish()
            .intervals
            .iter()
            .map(|interval| (interval.low_rank, interval.high_rank))
            .collect();
        // Of four draws the 10th percentile is the first and the 90th the last.
        assert_eq!(intervals, drawn);
    }

    #[test]
    fn the_draws_are_splitmix64_so_every_machine_draws_the_same() {
        // SplitMix64's published first outputs from seed 0 (0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
        // 0x06c45d188009454f), each as its top 53 bits over 2^53.
        let mut random = Draws(0);
        let drawn: Vec<f64> = (0..3).map(|_| random.next()).collect();
        assert_eq!(
            drawn,
            [0.8833108082136426, 0.43152799704850997, 0.026433771592597743]
        );
    }

    #[test]
    fn a_triangular_draw_is_the_uniforms_quantile_of_the_triangle() {
        let estimate = Estimate::new(3.0, 5.0, 11.0).expect("ordered");
        // The peak at 5 has a quarter of the area below it: below, low + √(u × 8 × 2); above,
        // high − √((1 − u) × 8 × 6).
        for (uniform, expected) in [
            (0.0, 3.0),
            (0.125, 3.0 + 2.0_f64.sqrt()),
            (0.2, 3.0 + 3.2_f64.sqrt()),
            (0.225, 3.0 + 3.6_f64.sqrt()),
            (0.25, 5.0),
            (0.5, 11.0 - 24.0_f64.sqrt()),
            (1.0, 11.0),
        ] {
            let drawn = triangular(&estimate, uniform);
            assert!(
                (drawn - expected).abs() < 1e-12,
                "at {uniform}: {drawn} against {expected}"
            );
        }
    }

    #[test]
    fn weighted_criteria_all_without_weight_give_nothing_to_simulate() {
        let mut roadmap = every_framework();
        roadmap.framework = Framework::Weighted;
        assert!(score_inputs(&roadmap, &roadmap.initiatives[0]).is_some());
        let ids: Vec<_> = roadmap
            .criteria
            .iter()
            .map(|criterion| criterion.id.clone())
            .collect();
        roadmap.update_criterion(&ids[0], |criterion| criterion.weight = 0.0);
        assert!(
            score_inputs(&roadmap, &roadmap.initiatives[0]).is_some(),
            "one weight is enough"
        );
        roadmap.update_criterion(&ids[1], |criterion| criterion.weight = 0.0);
        assert_eq!(score_inputs(&roadmap, &roadmap.initiatives[0]), None);
        assert!(rank_stability(&roadmap, 1, 100).intervals.is_empty());
    }

    #[test]
    fn at_its_likely_value_a_tie_with_the_one_ahead_does_not_win_the_place() {
        // Initiative 0's likely reach scores exactly what initiative 1 scores; its mean is lower.
        let roadmap = rice(&[(300.0, 1000.0, 1500.0), (1000.0, 1000.0, 1000.0)]);
        let stability = rank_stability(&roadmap, 1, DRAWS);
        let call = |index: usize| {
            stability
                .close_calls
                .iter()
                .find(|call| call.index == index)
                .cloned()
                .expect("a close call")
        };
        let ranged = call(0);
        assert!(
            (ranged.top_chance - 5.0 / 12.0).abs() < 0.05,
            "a reach above 1,000 is 5/12 of the triangle: {}",
            ranged.top_chance
        );
        assert_eq!(ranged.settled_by, Some(("Reach".to_string(), 0.0)));
        assert_eq!(call(1).settled_by, None, "nothing of its own is a range");
    }

    #[test]
    fn the_tornado_breaks_a_tie_as_the_ranked_list_does() {
        // At its low reach initiative 1 scores what initiative 0 does, whose title comes first.
        let roadmap = rice(&[(450.0, 450.0, 450.0), (450.0, 500.0, 900.0)]);
        let bars = tornado(&roadmap, 1);
        assert_eq!(bars.len(), 1);
        assert_eq!((bars[0].rank_at_low, bars[0].rank_at_high), (2, 1));
    }

    /// A weighted roadmap: "Strategy fit" (1–10, weight 30) and "Cost" (percent, weight 70), and
    /// initiatives as (title, fit, cost).
    fn fit_and_cost(initiatives: &[(&str, f64, f64)]) -> Roadmap {
        let mut roadmap = Roadmap::new("Weighted");
        roadmap.framework = Framework::Weighted;
        let fit = roadmap.add_criterion();
        let cost = roadmap.add_criterion();
        roadmap.update_criterion(&fit, |criterion| {
            criterion.name = "Strategy fit".into();
            criterion.weight = 30.0;
        });
        roadmap.update_criterion(&cost, |criterion| {
            criterion.name = "Cost".into();
            criterion.weight = 70.0;
            criterion.direction = Direction::Cost;
            criterion.scale = CriterionScale::Percent;
        });
        for &(title, fit_value, cost_value) in initiatives {
            let id = roadmap.add_initiative(title);
            roadmap.update_initiative(&id, |initiative| {
                initiative
                    .criteria
                    .insert(fit.clone(), Estimate::point(fit_value));
                initiative
                    .criteria
                    .insert(cost.clone(), Estimate::point(cost_value));
            });
        }
        roadmap
    }

    #[test]
    fn weight_sensitivity_also_looks_down_and_says_lower() {
        let roadmap = fit_and_cost(&[("Lakehouse", 10.0, 60.0), ("Data catalog", 2.0, 20.0)]);
        let tipping = weight_sensitivity(&roadmap, 1);
        let cost_tipping = tipping[1].clone().expect("lowering cost tips it");
        // Cost at 68 % leaves strategy fit 32 %, past the 31 % where the two are equal.
        assert_eq!((cost_tipping.share_now, cost_tipping.share_then), (70.0, 68.0));
        assert_eq!(
            cost_tipping.sentence(&roadmap, 1),
            "Lower Cost from 70 % to 68 % and Lakehouse enters the top 1 and Data catalog leaves it"
        );
    }

    #[test]
    fn weight_sensitivity_reaches_a_whole_share_and_none_where_no_share_tips_it() {
        // Equal fit: only with all of the weight on fit do the two tie, and the title decides.
        let roadmap = fit_and_cost(&[("Zebra", 5.0, 10.0), ("Alpha", 5.0, 60.0)]);
        let tipping = weight_sensitivity(&roadmap, 1);
        let shares: Vec<Option<f64>> = tipping
            .iter()
            .map(|tipping| tipping.as_ref().map(|tipping| tipping.share_then))
            .collect();
        assert_eq!(shares, [Some(100.0), Some(0.0)]);
        assert_eq!(
            tipping[0].as_ref().map(|tipping| tipping.entering.clone()),
            Some(vec![1])
        );
        // Better on both criteria: no share of either moves it from the top.
        let roadmap = fit_and_cost(&[("Zebra", 9.0, 10.0), ("Alpha", 5.0, 60.0)]);
        assert_eq!(weight_sensitivity(&roadmap, 1), [None, None]);
    }

    /// Initiative 0 with `reach` and `effort` ranges against initiative 1 scoring 740 (reach 925,
    /// effort 2), for the top 1.
    fn against_740(reach: (f64, f64, f64), effort: (f64, f64, f64)) -> Roadmap {
        let mut roadmap = rice(&[reach, (925.0, 925.0, 925.0)]);
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            let (low, likely, high) = effort;
            initiative.rice.effort = Some(Estimate::new(low, likely, high).expect("ordered"));
        });
        roadmap
    }

    fn settled(roadmap: &Roadmap) -> (f64, Option<(String, f64)>) {
        let stability = rank_stability(roadmap, 1, DRAWS);
        let call = stability
            .close_calls
            .iter()
            .find(|call| call.index == 0)
            .expect("a close call");
        (call.top_chance, call.settled_by.clone())
    }

    #[test]
    fn the_input_that_settles_a_close_call_is_named_wherever_it_is_listed() {
        // A long tail of high effort makes it close; at its likely effort it always scores
        // about 800, while its reach barely moves it.
        let (chance, settled_by) = settled(&against_740((990.0, 1000.0, 1010.0), (1.95, 2.0, 3.0)));
        assert!((0.25..0.45).contains(&chance), "{chance}");
        assert_eq!(settled_by, Some(("Effort (person-months)".to_string(), 1.0)));
        // A long tail of low reach, listed first, and an effort that barely moves it.
        let (chance, settled_by) = settled(&against_740((400.0, 1000.0, 1000.0), (1.99, 2.0, 2.01)));
        assert!((0.2..0.3).contains(&chance), "{chance}");
        assert_eq!(settled_by, Some(("Reach".to_string(), 1.0)));
    }

    #[test]
    fn inputs_that_cannot_move_the_score_settle_nothing_and_the_first_is_named() {
        // Two ranged criteria of weight 0 beside the one that counts: narrowing either leaves
        // the score and so the chance as they are.
        let mut roadmap = Roadmap::new("Weighted");
        roadmap.framework = Framework::Weighted;
        let ids: Vec<_> = (0..3).map(|_| roadmap.add_criterion()).collect();
        for (id, (name, weight)) in ids.iter().zip([("Fit", 10.0), ("Reuse", 0.0), ("Morale", 0.0)]) {
            roadmap.update_criterion(id, |criterion| {
                criterion.name = name.into();
                criterion.weight = weight;
            });
        }
        for (title, values) in [
            (
                "Fixed",
                [
                    Estimate::point(5.5),
                    Estimate::new(1.0, 5.0, 10.0).expect("ordered"),
                    Estimate::new(1.0, 5.0, 10.0).expect("ordered"),
                ],
            ),
            (
                "Spread",
                [
                    Estimate::new(1.0, 5.5, 10.0).expect("ordered"),
                    Estimate::point(1.0),
                    Estimate::point(1.0),
                ],
            ),
        ] {
            let id = roadmap.add_initiative(title);
            roadmap.update_initiative(&id, |initiative| {
                for (criterion, value) in ids.iter().zip(values) {
                    initiative.criteria.insert(criterion.clone(), value);
                }
            });
        }
        let stability = rank_stability(&roadmap, 1, DRAWS);
        let fixed = stability
            .close_calls
            .iter()
            .find(|call| call.index == 0)
            .expect("a close call");
        assert!((0.4..0.6).contains(&fixed.top_chance), "{}", fixed.top_chance);
        assert_eq!(fixed.settled_by, Some(("Reuse".to_string(), fixed.top_chance)));
    }
}
