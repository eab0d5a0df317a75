//! An initiative: one thing the organisation could do, scored and planned.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    CriterionId, DueDate, Estimate, IceInputs, PhaseId, Quadrant, QuadrantSplit, RiceInputs, Score,
    ScoreRange, Urgency, WsjfInputs,
};

/// Stable identifier of an initiative inside its roadmap (`i1`, `i2`, …).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InitiativeId(pub String);

impl InitiativeId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where an initiative came from in a catalog outline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogOrigin {
    /// Title of the outline (its top heading), e.g. "Modern Stacks".
    pub catalog: String,
    /// Heading texts from the outline's top down to the chosen heading.
    pub path: Vec<String>,
}

impl CatalogOrigin {
    /// "Data › Data Tech Stack" — the headings above the chosen one.
    pub fn breadcrumb(&self) -> String {
        let parents = self.path.len().saturating_sub(1);
        self.path
            .iter()
            .take(parents)
            .skip(1)
            .cloned()
            .collect::<Vec<_>>()
            .join(" › ")
    }
}

/// The business goals the Modern Stacks outline names; users may add their own.
pub const OUTLINE_GOALS: [&str; 3] = [
    "Customer retention and loyalty",
    "Market expansion",
    "Product development",
];

/// One initiative on the roadmap; field order is the file format's key order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub id: InitiativeId,
    pub title: String,
    pub description: String,
    pub effort: Score,
    pub impact: Score,
    /// How far effort and impact could lie either side of their scores (a merge's spread, the
    /// framework's ranges, or typed in); optional in format version 1 and left out while a
    /// score is a single point, so files without ranges stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort_range: Option<ScoreRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact_range: Option<ScoreRange>,
    pub quick_win: bool,
    pub urgency: Urgency,
    pub due: Option<DueDate>,
    pub phase: Option<PhaseId>,
    pub origin: Option<CatalogOrigin>,
    pub owner: String,
    pub stakeholders: Vec<String>,
    pub goals: Vec<String>,
    pub budget: Option<f64>,
    pub dependencies: Vec<InitiativeId>,
    pub tags: Vec<String>,
    /// Framework inputs, optional in format version 1 as the maturity audit is: an initiative
    /// without them writes no key, so files without frameworks stay as they were.
    #[serde(default, skip_serializing_if = "RiceInputs::is_empty")]
    pub rice: RiceInputs,
    #[serde(default, skip_serializing_if = "IceInputs::is_empty")]
    pub ice: IceInputs,
    #[serde(default, skip_serializing_if = "WsjfInputs::is_empty")]
    pub wsjf: WsjfInputs,
    /// Values of the roadmap's weighted criteria, by criterion.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub criteria: BTreeMap<CriterionId, Estimate>,
}

/// An initiative's grid scores and their ranges: (effort, impact, effort range, impact range).
pub(crate) type ScoresAndRanges = (Score, Score, Option<ScoreRange>, Option<ScoreRange>);

/// How the quick-win mark relates to where the card sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuickWinStatus {
    /// Marked, and in the Quick wins quadrant.
    Marked,
    /// Not marked, but in the Quick wins quadrant: the grid suggests marking it.
    Suggested,
    /// Marked outside the Quick wins quadrant: flagged, never silently unmarked.
    Inconsistent,
    /// Neither marked nor in the quadrant.
    NotQuickWin,
}

impl Initiative {
    /// A fresh initiative at the centre of the grid.
    pub fn new(id: InitiativeId, title: impl Into<String>) -> Initiative {
        Initiative {
            id,
            title: title.into(),
            description: String::new(),
            effort: Score::CENTRE,
            impact: Score::CENTRE,
            effort_range: None,
            impact_range: None,
            quick_win: false,
            urgency: Urgency::None,
            due: None,
            phase: None,
            origin: None,
            owner: String::new(),
            stakeholders: Vec::new(),
            goals: Vec::new(),
            budget: None,
            dependencies: Vec::new(),
            tags: Vec::new(),
            rice: RiceInputs::default(),
            ice: IceInputs::default(),
            wsjf: WsjfInputs::default(),
            criteria: BTreeMap::new(),
        }
    }

    pub fn quadrant(&self, split: &QuadrantSplit) -> Quadrant {
        split.quadrant(self.effort, self.impact)
    }

    pub fn quick_win_status(&self, split: &QuadrantSplit) -> QuickWinStatus {
        let in_quadrant = self.quadrant(split) == Quadrant::QuickWins;
        match (self.quick_win, in_quadrant) {
            (true, true) => QuickWinStatus::Marked,
            (false, true) => QuickWinStatus::Suggested,
            (true, false) => QuickWinStatus::Inconsistent,
            (false, false) => QuickWinStatus::NotQuickWin,
        }
    }

    /// Keeps the ranges around their scores after `change` ran on an initiative that was
    /// `before`: a range the change left alone moves with its score; one it set stays, unless it
    /// leaves its score outside.
    pub(crate) fn hold_ranges(&mut self, before: ScoresAndRanges) {
        let (effort, impact, effort_range, impact_range) = before;
        self.effort_range = held(self.effort_range, effort_range, effort, self.effort);
        self.impact_range = held(self.impact_range, impact_range, impact, self.impact);
    }

    /// Whether effort or impact has a range.
    pub fn is_ranged(&self) -> bool {
        self.effort_range.is_some() || self.impact_range.is_some()
    }

    /// Effort as an estimate: its score as the likely value, with its range if it has one.
    pub fn effort_estimate(&self) -> Estimate {
        scored(self.effort, self.effort_range)
    }

    /// Impact as an estimate, like `effort_estimate`.
    pub fn impact_estimate(&self) -> Estimate {
        scored(self.impact, self.impact_range)
    }

    /// Effort as the exports write it: "7.5", or "7.5 (5.0–9.0)" with its range.
    pub fn effort_text(&self) -> String {
        score_text(self.effort, self.effort_range)
    }

    /// Impact as the exports write it, like `effort_text`.
    pub fn impact_text(&self) -> String {
        score_text(self.impact, self.impact_range)
    }

    pub(crate) fn scores_and_ranges(&self) -> ScoresAndRanges {
        (self.effort, self.impact, self.effort_range, self.impact_range)
    }

    /// Title shown to people; an untitled initiative still needs a readable name.
    pub fn display_title(&self) -> &str {
        let title = self.title.trim();
        if title.is_empty() {
            "Untitled initiative"
        } else {
            title
        }
    }
}

fn score_text(score: Score, range: Option<ScoreRange>) -> String {
    match range {
        Some(range) => format!("{score} ({}–{})", range.low, range.high),
        None => score.to_string(),
    }
}

fn scored(score: Score, range: Option<ScoreRange>) -> Estimate {
    range.map_or_else(|| Estimate::point(score.value()), |range| range.estimate(score))
}

/// A range after its score moved from `from` to `to` (see `Initiative::hold_ranges`).
fn held(range: Option<ScoreRange>, before: Option<ScoreRange>, from: Score, to: Score) -> Option<ScoreRange> {
    let range = range?;
    if before == Some(range) && from != to {
        range.carried(from, to)
    } else {
        range.contains(to).then_some(range)
    }
}

/// Splits a comma-separated field ("ops, data team") into trimmed, non-empty entries.
pub fn split_list(text: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for entry in text.split(',').map(str::trim).filter(|entry| !entry.is_empty()) {
        if !entries.iter().any(|known| known == entry) {
            entries.push(entry.to_string());
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(effort: f64, impact: f64, quick_win: bool) -> Initiative {
        let mut initiative = Initiative::new(InitiativeId("i1".into()), "Adopt a data catalog");
        initiative.effort = Score::clamped(effort);
        initiative.impact = Score::clamped(impact);
        initiative.quick_win = quick_win;
        initiative
    }

    #[test]
    fn quick_win_is_suggested_inside_the_quadrant() {
        let split = QuadrantSplit::default();
        assert_eq!(
            at(2.0, 9.0, false).quick_win_status(&split),
            QuickWinStatus::Suggested
        );
        assert_eq!(
            at(2.0, 9.0, true).quick_win_status(&split),
            QuickWinStatus::Marked
        );
    }

    #[test]
    fn quick_win_outside_quadrant_is_flagged() {
        let split = QuadrantSplit::default();
        let initiative = at(9.0, 9.0, true);
        assert_eq!(initiative.quick_win_status(&split), QuickWinStatus::Inconsistent);
        assert!(initiative.quick_win, "the mark is flagged, not overridden");
    }

    #[test]
    fn untitled_initiatives_get_a_readable_name() {
        let mut initiative = at(1.0, 1.0, false);
        initiative.title = "   ".into();
        assert_eq!(initiative.display_title(), "Untitled initiative");
    }

    #[test]
    fn lists_split_on_commas_without_blanks_or_repeats() {
        assert_eq!(split_list(" ops, data team,,ops "), vec!["ops", "data team"]);
        assert!(split_list(" , ").is_empty());
    }

    #[test]
    fn breadcrumb_shows_the_headings_between_top_and_item() {
        let origin = CatalogOrigin {
            catalog: "Modern Stacks".into(),
            path: vec![
                "Modern Stacks".into(),
                "Data".into(),
                "Data Tech Stack".into(),
                "Data Catalog".into(),
            ],
        };
        assert_eq!(origin.breadcrumb(), "Data › Data Tech Stack");
    }
}
