//! How a number or size column becomes a 1–10 effort or impact score.

use serde::{Deserialize, Serialize};

use super::values::{read_number, read_size};
use crate::model::Score;

/// The rule that puts a column's values onto 1–10; the dialog always states it. A bigger
/// value stays bigger: a larger estimate is more effort, never inverted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleRule {
    /// Values are scores already; outside 1–10 they stick to the edge.
    OneToTen,
    /// The column's lowest value is 1, its highest 10.
    ColumnRange,
    /// Story points 1–21, linearly.
    StoryPoints,
    /// Fibonacci points 1, 2, 3, 5, 8, 13, 21 evenly spaced, in between interpolated.
    Fibonacci,
    /// T-shirt sizes XS, S, M, L, XL evenly spaced.
    TShirt,
    /// Percentages 0–100, linearly.
    Percent,
}

/// A column's lowest and highest number, which [`ScaleRule::ColumnRange`] stretches onto 1–10.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lowest: f64,
    pub highest: f64,
}

/// A cell read as a scale value: a number (percent sign dropped) or a T-shirt size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Amount {
    Number(f64),
    Size(f64),
}

const FIBONACCI: [f64; 7] = [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0];

impl ScaleRule {
    pub const ALL: [ScaleRule; 6] = [
        ScaleRule::OneToTen,
        ScaleRule::ColumnRange,
        ScaleRule::StoryPoints,
        ScaleRule::Fibonacci,
        ScaleRule::TShirt,
        ScaleRule::Percent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScaleRule::OneToTen => "1–10 as is",
            ScaleRule::ColumnRange => "The column's lowest to highest",
            ScaleRule::StoryPoints => "Story points 1–21",
            ScaleRule::Fibonacci => "Fibonacci 1–21",
            ScaleRule::TShirt => "T-shirt XS–XL",
            ScaleRule::Percent => "Percent 0–100",
        }
    }

    /// The score a value lands on. A T-shirt size means the same under every rule; a number
    /// under the T-shirt rule is not a size, so `None`.
    pub(super) fn score(self, amount: Amount, range: Option<Range>) -> Option<Score> {
        let number = match (self, amount) {
            (_, Amount::Size(value)) => return Some(Score::clamped(value)),
            (ScaleRule::TShirt, Amount::Number(_)) => return None,
            (_, Amount::Number(number)) => number,
        };
        Some(match self {
            ScaleRule::OneToTen | ScaleRule::TShirt => Score::clamped(number),
            ScaleRule::ColumnRange => match range {
                Some(Range { lowest, highest }) if highest > lowest => {
                    Score::from_fraction((number - lowest) / (highest - lowest))
                }
                _ => Score::CENTRE,
            },
            ScaleRule::StoryPoints => Score::from_fraction((number - 1.0) / 20.0),
            ScaleRule::Fibonacci => Score::clamped(fibonacci(number)),
            ScaleRule::Percent => Score::from_fraction(number / 100.0),
        })
    }

    /// The rule proposed for a column from its values: sizes → T-shirt; a story-points name →
    /// story points; a % sign → percent; all within 0–10 → as is; only Fibonacci numbers →
    /// Fibonacci; all within 0–100 → percent; anything else → the column's range.
    pub(super) fn propose<'a>(column_name: &str, cells: impl Iterator<Item = &'a str>) -> ScaleRule {
        let (mut sizes, mut numbers, mut percent) = (0usize, Vec::new(), false);
        for cell in cells {
            match read_scale_value(cell) {
                Some(Amount::Size(_)) => sizes += 1,
                Some(Amount::Number(number)) => {
                    numbers.push(number);
                    percent |= cell.contains('%');
                }
                None => {}
            }
        }
        let name = column_name.to_lowercase();
        let within = |low: f64, high: f64| numbers.iter().all(|&number| (low..=high).contains(&number));
        if sizes == 0 && numbers.is_empty() {
            ScaleRule::OneToTen
        } else if sizes >= numbers.len() {
            ScaleRule::TShirt
        } else if name.contains("story point") || name == "points" || name == "sp" {
            ScaleRule::StoryPoints
        } else if percent {
            ScaleRule::Percent
        } else if within(0.0, 10.0) {
            ScaleRule::OneToTen
        } else if numbers
            .iter()
            .all(|number| *number == 0.0 || FIBONACCI.contains(number))
        {
            ScaleRule::Fibonacci
        } else if within(0.0, 100.0) {
            ScaleRule::Percent
        } else {
            ScaleRule::ColumnRange
        }
    }

    /// The rule in words with its numbers, as the dialog states it next to the column.
    pub(super) fn note(self, range: Option<Range>) -> String {
        let points = |pairs: &[(&str, f64)]| -> String {
            pairs
                .iter()
                .map(|(from, value)| format!("{from} → {}", Score::clamped(*value)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            ScaleRule::OneToTen => "1–10 as is: values below 1 count as 1, above 10 as 10".to_string(),
            ScaleRule::ColumnRange => match range {
                Some(Range { lowest, highest }) if highest > lowest => format!(
                    "The column's lowest to highest, {} to {}, onto 1–10",
                    plain(lowest),
                    plain(highest)
                ),
                Some(Range { lowest, .. }) => {
                    format!(
                        "The column's lowest to highest: every value is {}, so each lands on 5.5",
                        plain(lowest)
                    )
                }
                None => "The column's lowest to highest: the column has no numbers yet".to_string(),
            },
            ScaleRule::StoryPoints => format!(
                "Story points 1–21 onto 1–10: {}",
                points(&[("1", 1.0), ("21", 10.0)])
            ),
            ScaleRule::Fibonacci => {
                let pairs: Vec<(String, f64)> = FIBONACCI
                    .iter()
                    .map(|&number| (plain(number), fibonacci(number)))
                    .collect();
                let pairs: Vec<(&str, f64)> = pairs
                    .iter()
                    .map(|(from, value)| (from.as_str(), *value))
                    .collect();
                format!("Fibonacci 1–21 onto 1–10: {}", points(&pairs))
            }
            ScaleRule::TShirt => format!(
                "T-shirt XS–XL onto 1–10: {}",
                points(&[("XS", 1.0), ("S", 3.25), ("M", 5.5), ("L", 7.75), ("XL", 10.0)])
            ),
            ScaleRule::Percent => format!(
                "Percent 0–100 onto 1–10: {}",
                points(&[("0", 1.0), ("50", 5.5), ("100", 10.0)])
            ),
        }
    }
}

/// A score cell read: a T-shirt size, or a number with an optional % sign.
pub(super) fn read_scale_value(cell: &str) -> Option<Amount> {
    if let Some(size) = read_size(cell) {
        return Some(Amount::Size(size));
    }
    let cell = cell.trim();
    let number = cell.strip_suffix('%').unwrap_or(cell);
    read_number(number).map(Amount::Number)
}

/// The lowest and highest number among cells; `None` when none is a number.
pub(super) fn range_of<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Range> {
    cells
        .filter_map(|cell| match read_scale_value(cell) {
            Some(Amount::Number(number)) => Some(number),
            _ => None,
        })
        .fold(None, |range: Option<Range>, number| {
            Some(match range {
                None => Range {
                    lowest: number,
                    highest: number,
                },
                Some(Range { lowest, highest }) => Range {
                    lowest: lowest.min(number),
                    highest: highest.max(number),
                },
            })
        })
}

/// Fibonacci points onto 1–10: each of 1, 2, 3, 5, 8, 13, 21 one step of 1.5 further,
/// straight lines in between, the ends held.
fn fibonacci(number: f64) -> f64 {
    if number <= FIBONACCI[0] {
        return 1.0;
    }
    for (step, pair) in FIBONACCI.windows(2).enumerate() {
        let (low, high) = (pair[0], pair[1]);
        if number <= high {
            return 1.0 + 1.5 * (step as f64 + (number - low) / (high - low));
        }
    }
    10.0
}

/// A number as people write it: no ".0" on whole numbers.
fn plain(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(rule: ScaleRule, number: f64, range: Option<Range>) -> f64 {
        rule.score(Amount::Number(number), range)
            .map_or(-1.0, Score::value)
    }

    #[test]
    fn one_to_ten_keeps_values_and_holds_the_edges() {
        assert_eq!(scored(ScaleRule::OneToTen, 7.25, None), 7.3);
        assert_eq!(scored(ScaleRule::OneToTen, 0.0, None), 1.0);
        assert_eq!(scored(ScaleRule::OneToTen, 12.0, None), 10.0);
    }

    #[test]
    fn column_range_stretches_lowest_to_highest() {
        let range = Some(Range {
            lowest: 2.0,
            highest: 40.0,
        });
        assert_eq!(scored(ScaleRule::ColumnRange, 2.0, range), 1.0);
        assert_eq!(scored(ScaleRule::ColumnRange, 40.0, range), 10.0);
        assert_eq!(scored(ScaleRule::ColumnRange, 21.0, range), 5.5);
        let flat = Some(Range {
            lowest: 7.0,
            highest: 7.0,
        });
        assert_eq!(scored(ScaleRule::ColumnRange, 7.0, flat), 5.5);
    }

    #[test]
    fn story_points_and_percent_are_linear() {
        assert_eq!(scored(ScaleRule::StoryPoints, 1.0, None), 1.0);
        assert_eq!(scored(ScaleRule::StoryPoints, 21.0, None), 10.0);
        assert_eq!(scored(ScaleRule::StoryPoints, 11.0, None), 5.5);
        assert_eq!(scored(ScaleRule::Percent, 0.0, None), 1.0);
        assert_eq!(scored(ScaleRule::Percent, 40.0, None), 4.6);
        assert_eq!(scored(ScaleRule::Percent, 100.0, None), 10.0);
    }

    #[test]
    fn fibonacci_points_are_evenly_spaced_and_interpolated() {
        let scores = FIBONACCI.map(|number| scored(ScaleRule::Fibonacci, number, None));
        assert_eq!(scores, [1.0, 2.5, 4.0, 5.5, 7.0, 8.5, 10.0]);
        assert_eq!(scored(ScaleRule::Fibonacci, 4.0, None), 4.8);
        assert_eq!(scored(ScaleRule::Fibonacci, 40.0, None), 10.0);
        assert_eq!(scored(ScaleRule::Fibonacci, 0.0, None), 1.0);
    }

    #[test]
    fn sizes_mean_the_same_under_every_rule_and_numbers_are_no_sizes() {
        for rule in ScaleRule::ALL {
            assert_eq!(rule.score(Amount::Size(7.75), None), Some(Score::clamped(7.75)));
        }
        assert_eq!(ScaleRule::TShirt.score(Amount::Number(3.0), None), None);
    }

    #[test]
    fn proposals_follow_the_values() {
        let propose = |name: &str, cells: &[&str]| ScaleRule::propose(name, cells.iter().copied());
        assert_eq!(propose("Effort", &[]), ScaleRule::OneToTen);
        assert_eq!(propose("Effort", &["3", "7.5", "10"]), ScaleRule::OneToTen);
        assert_eq!(propose("Size", &["XS", "M", "XL", "?"]), ScaleRule::TShirt);
        assert_eq!(
            propose("Custom field (Story point estimate)", &["1", "3", "5"]),
            ScaleRule::StoryPoints
        );
        assert_eq!(propose("Confidence", &["40%", "80%"]), ScaleRule::Percent);
        assert_eq!(propose("Estimate", &["1", "2", "13", "21"]), ScaleRule::Fibonacci);
        assert_eq!(propose("Score", &["12", "55", "99"]), ScaleRule::Percent);
        assert_eq!(propose("Hours", &["2", "40", "400"]), ScaleRule::ColumnRange);
    }

    #[test]
    fn notes_state_the_rule_with_its_numbers() {
        let range = Some(Range {
            lowest: 2.0,
            highest: 40.0,
        });
        assert_eq!(
            ScaleRule::StoryPoints.note(None),
            "Story points 1–21 onto 1–10: 1 → 1.0, 21 → 10.0"
        );
        assert_eq!(
            ScaleRule::ColumnRange.note(range),
            "The column's lowest to highest, 2 to 40, onto 1–10"
        );
        assert_eq!(
            ScaleRule::Fibonacci.note(None),
            "Fibonacci 1–21 onto 1–10: 1 → 1.0, 2 → 2.5, 3 → 4.0, 5 → 5.5, 8 → 7.0, 13 → 8.5, 21 → 10.0"
        );
        assert_eq!(
            ScaleRule::TShirt.note(None),
            "T-shirt XS–XL onto 1–10: XS → 1.0, S → 3.3, M → 5.5, L → 7.8, XL → 10.0"
        );
    }

    #[test]
    fn the_range_spans_the_numbers_only() {
        let cells = ["5", "x", "", "-2", "40%", "M"];
        assert_eq!(
            range_of(cells.into_iter()),
            Some(Range {
                lowest: -2.0,
                highest: 40.0
            })
        );
        assert_eq!(range_of(["a"].into_iter()), None);
    }
}
