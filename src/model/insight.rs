//! The numbers behind the Insight charts and their text alternatives: one pass over the
//! roadmap per chart, no drawing.

use super::{OUTLINE_GOALS, Outline, Quadrant, Roadmap, Score, Urgency};

/// One initiative on the effort-vs-impact chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixPoint {
    pub title: String,
    pub effort: Score,
    pub impact: Score,
    /// Position of its phase in the roadmap's phase order; `None` when unphased.
    pub phase: Option<usize>,
    pub urgency: Urgency,
    pub quick_win: bool,
}

/// Every initiative as a chart point, in roadmap order.
pub fn matrix_points(roadmap: &Roadmap) -> Vec<MatrixPoint> {
    roadmap
        .initiatives
        .iter()
        .map(|initiative| MatrixPoint {
            title: initiative.title.clone(),
            effort: initiative.effort,
            impact: initiative.impact,
            phase: initiative
                .phase
                .as_ref()
                .and_then(|phase| roadmap.phases.iter().position(|candidate| &candidate.id == phase)),
            urgency: initiative.urgency,
            quick_win: initiative.quick_win,
        })
        .collect()
}

/// One phase on the phase load chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseFigures {
    pub name: String,
    pub count: usize,
    pub effort: f64,
    pub impact: f64,
    pub capacity: Option<f64>,
}

impl PhaseFigures {
    /// Effort beyond the capacity, when there is any.
    pub fn over_capacity(&self) -> Option<f64> {
        self.capacity
            .map(|capacity| self.effort - capacity)
            .filter(|over| *over > 1e-9)
    }
}

/// Every phase's count, total effort, total impact and capacity, in phase order.
pub fn phase_figures(roadmap: &Roadmap) -> Vec<PhaseFigures> {
    let mut figures: Vec<PhaseFigures> = roadmap
        .phases
        .iter()
        .map(|phase| PhaseFigures {
            name: phase.name.clone(),
            count: 0,
            effort: 0.0,
            impact: 0.0,
            capacity: phase.capacity,
        })
        .collect();
    for initiative in &roadmap.initiatives {
        let Some(position) = initiative
            .phase
            .as_ref()
            .and_then(|phase| roadmap.phases.iter().position(|candidate| &candidate.id == phase))
        else {
            continue;
        };
        let phase = &mut figures[position];
        phase.count += 1;
        phase.effort += initiative.effort.value();
        phase.impact += initiative.impact.value();
    }
    // Sums of tenths, shown to one decimal.
    for phase in &mut figures {
        phase.effort = (phase.effort * 10.0).round() / 10.0;
        phase.impact = (phase.impact * 10.0).round() / 10.0;
    }
    figures
}

/// How many initiatives sit in each quadrant (in `Quadrant::ALL` order) and at each urgency
/// level (in `Urgency::ALL` order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub quadrants: [usize; 4],
    pub urgencies: [usize; 5],
}

pub fn counts(roadmap: &Roadmap) -> Counts {
    let mut counts = Counts::default();
    for initiative in &roadmap.initiatives {
        let quadrant = initiative.quadrant(&roadmap.quadrant_split);
        if let Some(index) = Quadrant::ALL.iter().position(|candidate| *candidate == quadrant) {
            counts.quadrants[index] += 1;
        }
        if let Some(index) = Urgency::ALL
            .iter()
            .position(|candidate| *candidate == initiative.urgency)
        {
            counts.urgencies[index] += 1;
        }
    }
    counts
}

/// How many initiatives taken from one part of the outline are phased, and how many not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub heading: String,
    pub phased: usize,
    pub unphased: usize,
}

impl Coverage {
    pub fn total(&self) -> usize {
        self.phased + self.unphased
    }
}

/// One area of the outline (a second-level heading such as Data or Cloud): the initiatives
/// from anywhere inside it, and the same for each of its sub-areas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaCoverage {
    pub area: Coverage,
    pub sub_areas: Vec<Coverage>,
}

/// Which areas and sub-areas of `outline` the roadmap's initiatives come from, by their
/// origins; initiatives from another outline, or written by hand, count nowhere.
pub fn outline_coverage(outline: &Outline, roadmap: &Roadmap) -> Vec<AreaCoverage> {
    let empty = |heading: &str| Coverage {
        heading: heading.to_string(),
        phased: 0,
        unphased: 0,
    };
    let mut areas: Vec<AreaCoverage> = Vec::new();
    // Entries come in document order, so a sub-area's area is the last one seen.
    for entry in &outline.entries {
        match entry.depth {
            2 => areas.push(AreaCoverage {
                area: empty(&entry.heading),
                sub_areas: Vec::new(),
            }),
            3 => {
                if let Some(area) = areas.last_mut() {
                    area.sub_areas.push(empty(&entry.heading));
                }
            }
            _ => {}
        }
    }
    let title = outline.title();
    for initiative in &roadmap.initiatives {
        let Some(origin) = initiative
            .origin
            .as_ref()
            .filter(|origin| origin.catalog == title)
        else {
            continue;
        };
        let Some(area) = origin
            .path
            .get(1)
            .and_then(|heading| areas.iter_mut().find(|area| &area.area.heading == heading))
        else {
            continue;
        };
        let count = |coverage: &mut Coverage| {
            if initiative.phase.is_some() {
                coverage.phased += 1;
            } else {
                coverage.unphased += 1;
            }
        };
        count(&mut area.area);
        if let Some(sub_area) = origin.path.get(2).and_then(|heading| {
            area.sub_areas
                .iter_mut()
                .find(|sub_area| &sub_area.heading == heading)
        }) {
            count(sub_area);
        }
    }
    areas
}

/// One business goal and the initiatives that serve it.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalServed {
    pub goal: String,
    /// Titles, in roadmap order.
    pub initiatives: Vec<String>,
    pub effort: f64,
    pub impact: f64,
}

/// Which goals the roadmap serves: the outline's three first (listed even when nothing serves
/// them, so a gap shows), then the user's own goals in the order they first appear.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalAlignment {
    pub goals: Vec<GoalServed>,
    /// Titles of the initiatives that serve no goal.
    pub serving_none: Vec<String>,
}

pub fn goal_alignment(roadmap: &Roadmap) -> GoalAlignment {
    let served = |goal: &str| GoalServed {
        goal: goal.to_string(),
        initiatives: Vec::new(),
        effort: 0.0,
        impact: 0.0,
    };
    let mut alignment = GoalAlignment {
        goals: OUTLINE_GOALS.iter().map(|goal| served(goal)).collect(),
        serving_none: Vec::new(),
    };
    for initiative in &roadmap.initiatives {
        let goals: Vec<&str> = initiative
            .goals
            .iter()
            .map(|goal| goal.trim())
            .filter(|goal| !goal.is_empty())
            .collect();
        if goals.is_empty() {
            alignment.serving_none.push(initiative.title.clone());
            continue;
        }
        for (at, goal) in goals.iter().enumerate() {
            // An initiative naming a goal twice serves it once.
            if goals[..at].contains(goal) {
                continue;
            }
            let index = match alignment.goals.iter().position(|known| known.goal == *goal) {
                Some(index) => index,
                None => {
                    alignment.goals.push(served(goal));
                    alignment.goals.len() - 1
                }
            };
            let entry = &mut alignment.goals[index];
            entry.initiatives.push(initiative.title.clone());
            entry.effort += initiative.effort.value();
            entry.impact += initiative.impact.value();
        }
    }
    for goal in &mut alignment.goals {
        goal.effort = (goal.effort * 10.0).round() / 10.0;
        goal.impact = (goal.impact * 10.0).round() / 10.0;
    }
    alignment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Roadmap {
        let mut roadmap = Roadmap::new("Plan");
        let phases: Vec<_> = roadmap.phases.iter().map(|phase| phase.id.clone()).collect();
        roadmap.update_phase(&phases[0], |phase| phase.capacity = Some(5.0));
        for (title, effort, impact, phase, urgency) in [
            ("Lake", 4.0, 9.0, Some(0), Urgency::High),
            ("Catalog", 2.5, 7.0, Some(0), Urgency::None),
            ("Kafka", 8.0, 8.0, Some(2), Urgency::Critical),
            ("Ledger", 9.0, 1.5, None, Urgency::None),
        ] {
            let id = roadmap.add_initiative(title);
            roadmap.update_initiative(&id, |initiative| {
                initiative.effort = Score::clamped(effort);
                initiative.impact = Score::clamped(impact);
                initiative.phase = phase.map(|index: usize| phases[index].clone());
                initiative.urgency = urgency;
            });
        }
        roadmap
    }

    #[test]
    fn coverage_counts_areas_and_sub_areas_phased_and_not() {
        let outline =
            Outline::parse("# Stacks\n## Data\n### Lake\n#### Iceberg\n### Warehouse\n## Cloud\n### IAC\n")
                .expect("outline");
        let mut roadmap = Roadmap::new("Plan");
        let phase = roadmap.phases[0].id.clone();
        for (entry, phased) in [(3, true), (3, false), (2, false), (6, true)] {
            let id = roadmap.add_from_catalog(outline.entries[entry].heading.clone(), outline.origin(entry));
            if phased {
                roadmap.assign_phase(&id, Some(phase.clone()));
            }
        }
        // Written by hand, and from another outline: counted nowhere.
        roadmap.add_initiative("Hand-written");
        let mut other = outline.origin(2);
        other.catalog = "Another outline".into();
        roadmap.add_from_catalog("Elsewhere", other);

        let coverage = outline_coverage(&outline, &roadmap);
        type Row<'a> = (&'a str, usize, usize);
        let shape: Vec<(Row, Vec<Row>)> = coverage
            .iter()
            .map(|area| {
                let subs = area
                    .sub_areas
                    .iter()
                    .map(|sub| (sub.heading.as_str(), sub.phased, sub.unphased))
                    .collect();
                (
                    (area.area.heading.as_str(), area.area.phased, area.area.unphased),
                    subs,
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (("Data", 1, 2), vec![("Lake", 1, 2), ("Warehouse", 0, 0)]),
                (("Cloud", 1, 0), vec![("IAC", 1, 0)]),
            ]
        );
        assert_eq!(coverage[0].area.total(), 3);
    }

    #[test]
    fn goals_list_what_serves_them_flag_gaps_and_name_initiatives_serving_none() {
        let mut roadmap = sample();
        let ids: Vec<_> = roadmap
            .initiatives
            .iter()
            .map(|initiative| initiative.id.clone())
            .collect();
        let goals = |list: &[&str]| list.iter().map(|goal| goal.to_string()).collect::<Vec<_>>();
        roadmap.update_initiative(&ids[0], |lake| {
            lake.goals = goals(&["Market expansion", "Cut costs"])
        });
        roadmap.update_initiative(&ids[1], |catalog| {
            catalog.goals = goals(&[" Market expansion ", "Market expansion"])
        });
        roadmap.update_initiative(&ids[2], |kafka| kafka.goals = goals(&["  "]));
        let alignment = goal_alignment(&roadmap);
        let summary: Vec<(&str, Vec<&str>, f64, f64)> = alignment
            .goals
            .iter()
            .map(|goal| {
                let titles = goal.initiatives.iter().map(String::as_str).collect();
                (goal.goal.as_str(), titles, goal.effort, goal.impact)
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("Customer retention and loyalty", vec![], 0.0, 0.0),
                ("Market expansion", vec!["Lake", "Catalog"], 6.5, 16.0),
                ("Product development", vec![], 0.0, 0.0),
                ("Cut costs", vec!["Lake"], 4.0, 9.0),
            ]
        );
        assert_eq!(alignment.serving_none, ["Kafka", "Ledger"]);
    }

    #[test]
    fn points_carry_their_phase_position_urgency_and_mark() {
        let points = matrix_points(&sample());
        let summary: Vec<(&str, Option<usize>, Urgency)> = points
            .iter()
            .map(|point| (point.title.as_str(), point.phase, point.urgency))
            .collect();
        assert_eq!(
            summary,
            [
                ("Lake", Some(0), Urgency::High),
                ("Catalog", Some(0), Urgency::None),
                ("Kafka", Some(2), Urgency::Critical),
                ("Ledger", None, Urgency::None),
            ]
        );
    }

    #[test]
    fn phase_figures_sum_each_phase_and_flag_only_what_exceeds_its_capacity() {
        let figures = phase_figures(&sample());
        let first = &figures[0];
        assert_eq!((first.count, first.effort, first.impact), (2, 6.5, 16.0));
        assert_eq!(first.over_capacity(), Some(1.5));
        assert_eq!((figures[1].count, figures[1].effort), (0, 0.0));
        assert_eq!(figures[2].over_capacity(), None, "no capacity, never over");
        let exactly_full = PhaseFigures {
            capacity: Some(6.5),
            ..first.clone()
        };
        assert_eq!(exactly_full.over_capacity(), None);
    }

    #[test]
    fn counts_per_quadrant_and_urgency() {
        let counts = counts(&sample());
        // Quick wins: Lake, Catalog; big bets: Kafka; fill-ins: none; money pits: Ledger.
        assert_eq!(counts.quadrants, [2, 1, 0, 1]);
        assert_eq!(counts.urgencies, [2, 0, 0, 1, 1]);
    }
}
