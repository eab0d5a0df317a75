//! Consensus without a server: every participant scores a copy of the roadmap in their own
//! browser and exports it; the lead merges the files. Per initiative: each participant's effort
//! and impact, the median, mean, minimum and maximum, and how much people disagree. The result
//! does not depend on the order the files come in.

use std::collections::{HashMap, HashSet};

use super::{InitiativeId, Roadmap, Score, ScoreRange};

/// One participant's file, already read and checked like any import.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantFile {
    /// The file name, which names the participant.
    pub file_name: String,
    pub roadmap: Roadmap,
}

/// A file that was left out of the merge, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub file_name: String,
    pub reason: String,
}

/// Effort and impact as one participant scored an initiative.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    pub effort: Score,
    pub impact: Score,
}

/// The spread of one score across participants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub median: Score,
    pub mean: Score,
    pub min: Score,
    pub max: Score,
}

impl Spread {
    fn of(values: &mut [f64]) -> Spread {
        values.sort_by(f64::total_cmp);
        let middle = values.len() / 2;
        let median = if values.len().is_multiple_of(2) {
            (values[middle - 1] + values[middle]) / 2.0
        } else {
            values[middle]
        };
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        Spread {
            median: Score::clamped(median),
            mean: Score::clamped(mean),
            min: Score::clamped(values[0]),
            max: Score::clamped(values[values.len() - 1]),
        }
    }

    /// The participants' lowest to highest around the median; `None` where they all agree.
    pub fn as_range(&self) -> Option<ScoreRange> {
        ScoreRange::around(self.median, self.min, self.max)
    }

    /// Maximum minus minimum, in score points.
    pub fn range(&self) -> f64 {
        ((self.max.value() - self.min.value()) * 10.0).round() / 10.0
    }
}

/// Every participant's scores of one initiative and their spread.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeConsensus {
    pub id: InitiativeId,
    pub title: String,
    /// One entry per participant, in `Consensus::participants` order.
    pub scores: Vec<Scored>,
    pub effort: Spread,
    pub impact: Spread,
}

impl InitiativeConsensus {
    /// How much the participants disagree: the effort range plus the impact range.
    pub fn disagreement(&self) -> f64 {
        ((self.effort.range() + self.impact.range()) * 10.0).round() / 10.0
    }
}

/// What to keep for an initiative when the consensus is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Keep {
    #[default]
    Median,
    /// The median, with the participants' lowest and highest as its range.
    MedianAndSpread,
    Mean,
    /// One participant's scores, by index into `Consensus::participants`.
    Participant(usize),
}

/// The merged scores: participants in name order, initiatives most disputed first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consensus {
    pub participants: Vec<String>,
    pub initiatives: Vec<InitiativeConsensus>,
    pub left_out: Vec<LeftOut>,
}

/// `Dana.stackplan.json` → `Dana`.
fn participant_name(file_name: &str) -> String {
    let stem = file_name
        .strip_suffix(".stackplan.json")
        .or_else(|| file_name.strip_suffix(".json"))
        .unwrap_or(file_name);
    stem.trim().to_string()
}

/// Merges participants' copies of `roadmap`. A file is left out, with the reason, when it holds
/// an initiative the roadmap does not (another roadmap, or one edited apart) or none of its
/// initiatives. An initiative counts only the participants whose file holds it.
pub fn merge_scores(roadmap: &Roadmap, files: &[ParticipantFile]) -> Consensus {
    let (kept, left_out) = sort_files(roadmap, files);
    let participants: Vec<String> = kept.iter().map(|(name, _)| name.clone()).collect();
    let initiatives = if participants.is_empty() {
        Vec::new()
    } else {
        merged_initiatives(roadmap, &kept)
    };
    Consensus {
        participants,
        initiatives,
        left_out,
    }
}

/// The files to merge, each with its participant's name, and those left out with the reason;
/// both sorted so the order the files came in never matters.
fn sort_files<'f>(
    roadmap: &Roadmap,
    files: &'f [ParticipantFile],
) -> (Vec<(String, &'f ParticipantFile)>, Vec<LeftOut>) {
    let known: HashSet<&InitiativeId> = roadmap
        .initiatives
        .iter()
        .map(|initiative| &initiative.id)
        .collect();
    let mut left_out = Vec::new();
    let mut kept: Vec<(String, &ParticipantFile)> = Vec::new();
    for file in files {
        match why_left_out(&known, file) {
            Some(reason) => left_out.push(LeftOut {
                file_name: file.file_name.clone(),
                reason,
            }),
            None => kept.push((participant_name(&file.file_name), file)),
        }
    }
    // Name order, then file content: the order the files came in never matters.
    kept.sort_by(|(a_name, a), (b_name, b)| {
        a_name
            .cmp(b_name)
            .then_with(|| super::export(&a.roadmap).cmp(&super::export(&b.roadmap)))
    });
    left_out.sort_by(|a, b| {
        a.file_name
            .cmp(&b.file_name)
            .then_with(|| a.reason.cmp(&b.reason))
    });
    (kept, left_out)
}

/// Why a file cannot be merged: it holds no initiatives, or some the roadmap (`known`) does not.
fn why_left_out(known: &HashSet<&InitiativeId>, file: &ParticipantFile) -> Option<String> {
    let unknown: Vec<&str> = file
        .roadmap
        .initiatives
        .iter()
        .filter(|initiative| !known.contains(&initiative.id))
        .map(|initiative| initiative.id.as_str())
        .collect();
    if file.roadmap.initiatives.is_empty() {
        Some("it holds no initiatives".to_string())
    } else if unknown.len() == file.roadmap.initiatives.len() {
        Some("it shares no initiative with this roadmap (it is another roadmap)".to_string())
    } else if !unknown.is_empty() {
        let named = unknown.iter().take(5).copied().collect::<Vec<_>>().join(", ");
        let more = unknown.len().saturating_sub(5);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        Some(format!(
            "it holds initiatives this roadmap does not have (ids {named}{more})"
        ))
    } else {
        None
    }
}

/// Every initiative that all `kept` files hold, with each participant's scores and their
/// spread, most disputed first.
fn merged_initiatives(roadmap: &Roadmap, kept: &[(String, &ParticipantFile)]) -> Vec<InitiativeConsensus> {
    let by_participant: Vec<HashMap<&InitiativeId, Scored>> = kept
        .iter()
        .map(|(_, file)| {
            file.roadmap
                .initiatives
                .iter()
                .map(|initiative| {
                    (
                        &initiative.id,
                        Scored {
                            effort: initiative.effort,
                            impact: initiative.impact,
                        },
                    )
                })
                .collect()
        })
        .collect();
    let mut initiatives: Vec<InitiativeConsensus> = roadmap
        .initiatives
        .iter()
        .filter_map(|initiative| {
            let scores: Vec<Scored> = by_participant
                .iter()
                .map(|scores| scores.get(&initiative.id).copied())
                .collect::<Option<Vec<_>>>()?;
            let mut efforts: Vec<f64> = scores.iter().map(|scored| scored.effort.value()).collect();
            let mut impacts: Vec<f64> = scores.iter().map(|scored| scored.impact.value()).collect();
            Some(InitiativeConsensus {
                id: initiative.id.clone(),
                title: initiative.display_title().to_string(),
                effort: Spread::of(&mut efforts),
                impact: Spread::of(&mut impacts),
                scores,
            })
        })
        .collect();
    initiatives.sort_by(|a, b| {
        b.disagreement()
            .total_cmp(&a.disagreement())
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.as_str().cmp(b.id.as_str()))
    });
    initiatives
}

impl Consensus {
    /// The scores `keep` picks for one initiative.
    pub fn kept(&self, initiative: &InitiativeConsensus, keep: &Keep) -> Scored {
        match keep {
            Keep::Median | Keep::MedianAndSpread => Scored {
                effort: initiative.effort.median,
                impact: initiative.impact.median,
            },
            Keep::Mean => Scored {
                effort: initiative.effort.mean,
                impact: initiative.impact.mean,
            },
            Keep::Participant(index) => initiative.scores.get(*index).copied().unwrap_or(Scored {
                effort: initiative.effort.median,
                impact: initiative.impact.median,
            }),
        }
    }

    /// Sets every merged initiative's scores to what `keep` picks for it.
    pub fn apply(&self, roadmap: &mut Roadmap, keep: impl Fn(&InitiativeId) -> Keep) {
        for initiative in &self.initiatives {
            let keep = keep(&initiative.id);
            let scored = self.kept(initiative, &keep);
            roadmap.update_initiative(&initiative.id, |target| {
                target.effort = scored.effort;
                target.impact = scored.impact;
                if keep == Keep::MedianAndSpread {
                    target.effort_range = initiative.effort.as_range();
                    target.impact_range = initiative.impact.as_range();
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> (Roadmap, [InitiativeId; 3]) {
        let mut roadmap = Roadmap::new("Plan");
        let ids = ["Lake", "Catalog", "Ledger"].map(|title| roadmap.add_initiative(title));
        (roadmap, ids)
    }

    /// A participant's copy with these (effort, impact) per initiative.
    fn copy(name: &str, roadmap: &Roadmap, scores: &[(f64, f64)]) -> ParticipantFile {
        let mut copy = roadmap.clone();
        let ids: Vec<InitiativeId> = copy
            .initiatives
            .iter()
            .map(|initiative| initiative.id.clone())
            .collect();
        for (id, &(effort, impact)) in ids.iter().zip(scores) {
            copy.update_initiative(id, |initiative| {
                initiative.effort = Score::clamped(effort);
                initiative.impact = Score::clamped(impact);
            });
        }
        ParticipantFile {
            file_name: format!("{name}.stackplan.json"),
            roadmap: copy,
        }
    }

    fn three(roadmap: &Roadmap) -> Vec<ParticipantFile> {
        vec![
            copy("Dana", roadmap, &[(7.0, 9.0), (4.0, 6.0), (9.0, 1.0)]),
            copy("Sam", roadmap, &[(3.0, 8.0), (4.0, 6.5), (9.0, 1.5)]),
            copy("Priya", roadmap, &[(8.0, 2.0), (4.5, 6.0), (8.5, 1.0)]),
        ]
    }

    #[test]
    fn every_participant_the_spread_and_the_most_disputed_first() {
        let (roadmap, [lake, catalog, ledger]) = base();
        let consensus = merge_scores(&roadmap, &three(&roadmap));
        assert_eq!(consensus.participants, ["Dana", "Priya", "Sam"]);
        let order: Vec<&InitiativeId> = consensus.initiatives.iter().map(|row| &row.id).collect();
        // Catalog and Ledger tie at 1.0: the title decides.
        assert_eq!(order, [&lake, &catalog, &ledger]);
        let lake_row = &consensus.initiatives[0];
        assert_eq!(
            lake_row.scores[0],
            Scored {
                effort: Score::clamped(7.0),
                impact: Score::clamped(9.0)
            }
        );
        assert_eq!(lake_row.effort.median, Score::clamped(7.0));
        assert_eq!(lake_row.effort.min, Score::clamped(3.0));
        assert_eq!(lake_row.effort.max, Score::clamped(8.0));
        assert_eq!(lake_row.effort.mean, Score::clamped(6.0));
        assert_eq!(lake_row.impact.median, Score::clamped(8.0));
        assert_eq!(lake_row.impact.mean, Score::clamped(6.3));
        assert_eq!(lake_row.disagreement(), 12.0);
        assert_eq!(consensus.initiatives[2].disagreement(), 1.0);
        assert!(consensus.left_out.is_empty());
    }

    #[test]
    fn an_even_number_of_participants_takes_the_middle_two() {
        let (roadmap, _) = base();
        let files = vec![
            copy("A", &roadmap, &[(2.0, 3.0)]),
            copy("B", &roadmap, &[(5.0, 4.0)]),
        ];
        let consensus = merge_scores(&roadmap, &files);
        let row = consensus
            .initiatives
            .iter()
            .find(|row| row.title == "Lake")
            .expect("merged");
        assert_eq!(row.effort.median, Score::clamped(3.5));
        assert_eq!(row.impact.median, Score::clamped(3.5));
    }

    #[test]
    fn files_that_do_not_match_are_left_out_with_the_reason_and_the_rest_merge() {
        let (roadmap, _) = base();
        let mut files = three(&roadmap);
        let other = Roadmap::new("Other");
        let mut stranger = other.clone();
        stranger.add_initiative("A");
        stranger.add_initiative("B");
        stranger.add_initiative("C");
        stranger.add_initiative("D");
        files.push(ParticipantFile {
            file_name: "other.json".into(),
            roadmap: stranger,
        });
        let mut extended = roadmap.clone();
        extended.add_initiative("Extra");
        files.push(ParticipantFile {
            file_name: "extended.stackplan.json".into(),
            roadmap: extended,
        });
        files.push(ParticipantFile {
            file_name: "empty.json".into(),
            roadmap: other,
        });
        let consensus = merge_scores(&roadmap, &files);
        assert_eq!(consensus.participants.len(), 3);
        let reasons: Vec<(&str, &str)> = consensus
            .left_out
            .iter()
            .map(|left| (left.file_name.as_str(), left.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("empty.json", "it holds no initiatives"),
                (
                    "extended.stackplan.json",
                    "it holds initiatives this roadmap does not have (ids i4)"
                ),
                (
                    "other.json",
                    "it holds initiatives this roadmap does not have (ids i4)"
                ),
            ]
        );
    }

    #[test]
    fn a_roadmap_sharing_no_initiative_is_called_another_roadmap() {
        let (roadmap, _) = base();
        let mut other = Roadmap::new("Other");
        for _ in 0..5 {
            other.add_initiative("x");
        }
        other.initiatives.drain(..3);
        let consensus = merge_scores(
            &roadmap,
            &[ParticipantFile {
                file_name: "o.json".into(),
                roadmap: other,
            }],
        );
        assert_eq!(
            consensus.left_out[0].reason,
            "it shares no initiative with this roadmap (it is another roadmap)"
        );
        assert!(consensus.initiatives.is_empty());
    }

    #[test]
    fn an_initiative_missing_from_one_file_is_not_merged() {
        let (roadmap, [lake, _, ledger]) = base();
        let mut files = three(&roadmap);
        files[0].roadmap.remove_initiative(&ledger);
        let consensus = merge_scores(&roadmap, &files);
        assert_eq!(consensus.initiatives.len(), 2);
        assert!(consensus.initiatives.iter().any(|row| row.id == lake));
    }

    #[test]
    fn applying_sets_the_kept_scores_per_initiative() {
        let (mut roadmap, [lake, catalog, ledger]) = base();
        let consensus = merge_scores(&roadmap, &three(&roadmap));
        let sam = consensus
            .participants
            .iter()
            .position(|name| name == "Sam")
            .expect("Sam");
        consensus.apply(&mut roadmap, |id| {
            if *id == catalog {
                Keep::Participant(sam)
            } else if *id == ledger {
                Keep::Mean
            } else {
                Keep::Median
            }
        });
        let scores = |id: &InitiativeId| {
            let initiative = roadmap.initiative(id).expect("present");
            (initiative.effort.value(), initiative.impact.value())
        };
        assert_eq!(scores(&lake), (7.0, 8.0));
        assert_eq!(scores(&catalog), (4.0, 6.5));
        assert_eq!(scores(&ledger), (8.8, 1.2));
    }

    #[test]
    fn the_spread_can_be_kept_as_the_range_around_the_median() {
        let (mut roadmap, [lake, catalog, _]) = base();
        let consensus = merge_scores(&roadmap, &three(&roadmap));
        consensus.apply(&mut roadmap, |id| {
            if *id == lake {
                Keep::MedianAndSpread
            } else {
                Keep::Median
            }
        });
        let lake = roadmap.initiative(&lake).expect("present");
        let at = Score::clamped;
        assert_eq!((lake.effort, lake.impact), (at(7.0), at(8.0)));
        assert_eq!(
            lake.effort_range,
            Some(ScoreRange {
                low: at(3.0),
                high: at(8.0)
            })
        );
        assert_eq!(
            lake.impact_range,
            Some(ScoreRange {
                low: at(2.0),
                high: at(9.0)
            })
        );
        let catalog = roadmap.initiative(&catalog).expect("present");
        assert_eq!(
            (catalog.effort_range, catalog.impact_range),
            (None, None),
            "the median alone"
        );
    }

    #[test]
    fn participants_are_named_by_their_file() {
        assert_eq!(participant_name("Dana.stackplan.json"), "Dana");
        assert_eq!(participant_name("sam.json"), "sam");
        assert_eq!(participant_name("notes"), "notes");
    }

    // proptest runs natively only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn scores() -> impl Strategy<Value = Vec<Vec<(u8, u8)>>> {
            prop::collection::vec(prop::collection::vec((10u8..=100, 10u8..=100), 3), 1..6)
        }

        fn files(roadmap: &Roadmap, all: &[Vec<(u8, u8)>]) -> Vec<ParticipantFile> {
            all.iter()
                .enumerate()
                .map(|(index, tenths)| {
                    let scores: Vec<(f64, f64)> = tenths
                        .iter()
                        .map(|&(effort, impact)| (f64::from(effort) / 10.0, f64::from(impact) / 10.0))
                        .collect();
                    copy(&format!("P{}", index % 3), roadmap, &scores)
                })
                .collect()
        }

        proptest! {
            #[test]
            fn the_order_of_files_does_not_matter(all in scores(), shuffle in any::<prop::sample::Index>()) {
                let (roadmap, _) = base();
                let files = files(&roadmap, &all);
                let mut rotated = files.clone();
                rotated.rotate_left(shuffle.index(files.len()));
                let mut reversed = files.clone();
                reversed.reverse();
                let merged = merge_scores(&roadmap, &files);
                prop_assert_eq!(&merge_scores(&roadmap, &rotated), &merged);
                prop_assert_eq!(&merge_scores(&roadmap, &reversed), &merged);
            }

            #[test]
            fn the_median_of_identical_scores_is_those_scores(tenths in prop::collection::vec((10u8..=100, 10u8..=100), 3), count in 1usize..6) {
                let (roadmap, _) = base();
                let consensus = merge_scores(&roadmap, &files(&roadmap, &vec![tenths.clone(); count]));
                for row in &consensus.initiatives {
                    let position = roadmap.initiatives.iter().position(|initiative| initiative.id == row.id).expect("known");
                    let (effort, impact) = tenths[position];
                    prop_assert_eq!(row.effort.median.value(), f64::from(effort) / 10.0);
                    prop_assert_eq!(row.impact.median.value(), f64::from(impact) / 10.0);
                    prop_assert_eq!(row.disagreement(), 0.0);
                }
            }

            #[test]
            fn the_median_lies_between_the_minimum_and_the_maximum(all in scores()) {
                let (roadmap, _) = base();
                for row in merge_scores(&roadmap, &files(&roadmap, &all)).initiatives {
                    for spread in [row.effort, row.impact] {
                        prop_assert!(spread.min <= spread.median && spread.median <= spread.max);
                        prop_assert!(spread.min <= spread.mean && spread.mean <= spread.max);
                    }
                }
            }
        }
    }
}
