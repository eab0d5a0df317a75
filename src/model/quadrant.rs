//! The four quadrants of the effort-vs-impact grid.

use serde::{Deserialize, Serialize};

use super::Score;

/// One quarter of the grid; effort runs left (low) to right, impact bottom (low) to top.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    QuickWins,
    BigBets,
    FillIns,
    MoneyPits,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWins,
        Quadrant::BigBets,
        Quadrant::FillIns,
        Quadrant::MoneyPits,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Quadrant::QuickWins => "Quick wins",
            Quadrant::BigBets => "Big bets",
            Quadrant::FillIns => "Fill-ins",
            Quadrant::MoneyPits => "Money pits",
        }
    }

    /// CSS class suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::QuickWins => "quick-wins",
            Quadrant::BigBets => "big-bets",
            Quadrant::FillIns => "fill-ins",
            Quadrant::MoneyPits => "money-pits",
        }
    }

    /// One line of advice shown under the label.
    pub fn hint(self) -> &'static str {
        match self {
            Quadrant::QuickWins => "High impact, low effort: do these first",
            Quadrant::BigBets => "High impact, high effort: plan them well",
            Quadrant::FillIns => "Low impact, low effort: when there is slack",
            Quadrant::MoneyPits => "Low impact, high effort: question these",
        }
    }
}

/// Where the grid splits into quadrants; a score equal to the split counts as high.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuadrantSplit {
    pub effort: Score,
    pub impact: Score,
}

impl Default for QuadrantSplit {
    fn default() -> Self {
        QuadrantSplit {
            effort: Score::CENTRE,
            impact: Score::CENTRE,
        }
    }
}

impl QuadrantSplit {
    pub fn quadrant(&self, effort: Score, impact: Score) -> Quadrant {
        match (effort >= self.effort, impact >= self.impact) {
            (false, true) => Quadrant::QuickWins,
            (true, true) => Quadrant::BigBets,
            (false, false) => Quadrant::FillIns,
            (true, false) => Quadrant::MoneyPits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(value: f64) -> Score {
        Score::clamped(value)
    }

    #[test]
    fn corners_fall_in_their_quadrants() {
        let split = QuadrantSplit::default();
        assert_eq!(split.quadrant(score(1.0), score(10.0)), Quadrant::QuickWins);
        assert_eq!(split.quadrant(score(10.0), score(10.0)), Quadrant::BigBets);
        assert_eq!(split.quadrant(score(1.0), score(1.0)), Quadrant::FillIns);
        assert_eq!(split.quadrant(score(10.0), score(1.0)), Quadrant::MoneyPits);
    }

    #[test]
    fn a_score_on_the_split_counts_as_high() {
        let split = QuadrantSplit::default();
        assert_eq!(split.quadrant(score(5.4), score(5.5)), Quadrant::QuickWins);
        assert_eq!(split.quadrant(score(5.5), score(5.4)), Quadrant::MoneyPits);
    }

    #[test]
    fn moving_the_split_moves_the_boundary() {
        let split = QuadrantSplit {
            effort: score(3.0),
            impact: score(8.0),
        };
        assert_eq!(split.quadrant(score(4.0), score(9.0)), Quadrant::BigBets);
        assert_eq!(split.quadrant(score(2.0), score(7.0)), Quadrant::FillIns);
    }

    #[test]
    fn each_quadrant_has_a_style_in_the_stylesheet() {
        // The grid and the cards hang their colours on these class names.
        let stylesheet = include_str!("../../style/main.css");
        for quadrant in Quadrant::ALL {
            let class = format!(".quadrant-{} ", quadrant.as_str());
            assert!(stylesheet.contains(&class), "no {class} rule");
        }
        assert_eq!(Quadrant::QuickWins.as_str(), "quick-wins");
    }

    #[test]
    fn labels_and_hints_say_what_the_design_says() {
        // DESIGN.md: Quick wins (high impact, low effort), Big bets (high impact, high effort),
        // Fill-ins (low impact, low effort), Money pits (low impact, high effort).
        let expected = [
            ("Quick wins", "High impact, low effort"),
            ("Big bets", "High impact, high effort"),
            ("Fill-ins", "Low impact, low effort"),
            ("Money pits", "Low impact, high effort"),
        ];
        for (quadrant, (label, levels)) in Quadrant::ALL.into_iter().zip(expected) {
            assert_eq!(quadrant.label(), label);
            assert!(quadrant.hint().starts_with(levels), "{}", quadrant.hint());
        }
    }
}
