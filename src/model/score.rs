//! Effort and impact scores: 1–10 with at most one decimal place.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A 1–10 score kept in tenths, so equality, sorting and JSON output are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

/// Why a number cannot be a score.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum ScoreError {
    #[error("must be a number, not {0}")]
    NotFinite(f64),
    #[error("must be between 1 and 10, not {0}")]
    OutOfRange(f64),
    #[error("may have at most one decimal place, not {0}")]
    TooPrecise(f64),
}

impl Score {
    pub const MIN: Score = Score(10);
    pub const MAX: Score = Score(100);
    /// Where a new initiative lands: the centre of the grid.
    pub const CENTRE: Score = Score(55);

    /// A score from a number that must already be exact to one decimal place (file input).
    pub fn exact(value: f64) -> Result<Score, ScoreError> {
        let tenths = Self::checked_tenths(value)?;
        if (value * 10.0 - tenths).abs() > 1e-6 {
            return Err(ScoreError::TooPrecise(value));
        }
        Ok(Score(tenths as u8))
    }

    /// A score from any number in range, rounded to one decimal place (typed or dragged input).
    pub fn rounded(value: f64) -> Result<Score, ScoreError> {
        Self::checked_tenths(value).map(|tenths| Score(tenths as u8))
    }

    /// The nearest score to any finite number: out-of-range values stick to the edge.
    pub fn clamped(value: f64) -> Score {
        if value.is_nan() {
            return Score::CENTRE;
        }
        Score((value.clamp(1.0, 10.0) * 10.0).round() as u8)
    }

    fn checked_tenths(value: f64) -> Result<f64, ScoreError> {
        if !value.is_finite() {
            return Err(ScoreError::NotFinite(value));
        }
        let tenths = (value * 10.0).round();
        if !(10.0..=100.0).contains(&tenths) {
            return Err(ScoreError::OutOfRange(value));
        }
        Ok(tenths)
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// This score moved by `delta`, held inside 1–10.
    pub fn moved_by(self, delta: f64) -> Score {
        Score::clamped(self.value() + delta)
    }

    /// Position along a 1–10 axis as a fraction 0.0–1.0.
    pub fn fraction(self) -> f64 {
        (self.value() - 1.0) / 9.0
    }

    /// The score at a fraction 0.0–1.0 along an axis (pointer placement).
    pub fn from_fraction(fraction: f64) -> Score {
        Score::clamped(1.0 + fraction * 9.0)
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.value())
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Score::exact(value).map_err(serde::de::Error::custom)
    }
}

/// How far a grid score could lie either side of the initiative's own: low ≤ score ≤ high.
/// Kept beside the score (not in place of it), so files without ranges stay as they were.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    pub low: Score,
    pub high: Score,
}

impl ScoreRange {
    /// The range around `score` with ends `low` and `high` in either order; `None` when it is a
    /// single point or leaves `score` outside (a range says where the score could be).
    pub fn around(score: Score, low: Score, high: Score) -> Option<ScoreRange> {
        let (low, high) = (low.min(high), low.max(high));
        (low < high && low <= score && score <= high).then_some(ScoreRange { low, high })
    }

    pub fn contains(self, score: Score) -> bool {
        self.low <= score && score <= self.high
    }

    /// The range carried along when its score moves from `from` to `to`: shifted by the same
    /// amount, then held inside 1–10 (a range pushed against an edge narrows rather than leave
    /// the grid or its score).
    pub fn carried(self, from: Score, to: Score) -> Option<ScoreRange> {
        let delta = to.value() - from.value();
        ScoreRange::around(
            to,
            self.low.moved_by(delta).min(to),
            self.high.moved_by(delta).max(to),
        )
    }

    /// The range as an estimate whose likely value is `score`.
    pub fn estimate(self, score: Score) -> crate::model::Estimate {
        crate::model::Estimate {
            low: self.low.value().min(score.value()),
            likely: score.value(),
            high: self.high.value().max(score.value()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_accepts_one_decimal_place() {
        assert_eq!(Score::exact(7.5).map(Score::value), Ok(7.5));
        assert_eq!(Score::exact(1.0), Ok(Score::MIN));
        assert_eq!(Score::exact(10.0), Ok(Score::MAX));
    }

    #[test]
    fn exact_refuses_more_precision_and_out_of_range() {
        assert_eq!(Score::exact(5.55), Err(ScoreError::TooPrecise(5.55)));
        assert_eq!(Score::exact(0.9), Err(ScoreError::OutOfRange(0.9)));
        assert_eq!(Score::exact(11.0), Err(ScoreError::OutOfRange(11.0)));
        assert!(matches!(Score::exact(f64::NAN), Err(ScoreError::NotFinite(_))));
        assert!(matches!(
            Score::exact(f64::INFINITY),
            Err(ScoreError::NotFinite(_))
        ));
    }

    #[test]
    fn rounded_keeps_one_decimal() {
        assert_eq!(Score::rounded(5.55).map(Score::value), Ok(5.6));
        assert_eq!(Score::rounded(3.04).map(Score::value), Ok(3.0));
        assert!(Score::rounded(10.2).is_err());
    }

    #[test]
    fn moves_stop_at_the_edges() {
        assert_eq!(Score::MAX.moved_by(0.5), Score::MAX);
        assert_eq!(Score::MIN.moved_by(-2.0), Score::MIN);
        assert_eq!(Score::CENTRE.moved_by(0.5).value(), 6.0);
    }

    #[test]
    fn fraction_round_trips_through_the_axis() {
        for tenths in 10..=100u8 {
            let score = Score(tenths);
            assert_eq!(Score::from_fraction(score.fraction()), score);
        }
    }

    #[test]
    fn serializes_as_a_plain_number() {
        assert_eq!(serde_json::to_string(&Score::CENTRE).ok().as_deref(), Some("5.5"));
        assert_eq!(serde_json::to_string(&Score::MIN).ok().as_deref(), Some("1.0"));
        let parsed: Result<Score, _> = serde_json::from_str("12");
        assert!(parsed.is_err());
    }

    #[test]
    fn displays_with_one_decimal() {
        assert_eq!(Score::MAX.to_string(), "10.0");
    }

    fn at(value: f64) -> Score {
        Score::clamped(value)
    }

    #[test]
    fn a_range_holds_its_score_and_is_never_a_point() {
        let range = ScoreRange::around(at(5.0), at(7.0), at(3.0));
        assert_eq!(
            range,
            Some(ScoreRange {
                low: at(3.0),
                high: at(7.0)
            })
        );
        assert_eq!(ScoreRange::around(at(5.0), at(5.0), at(5.0)), None);
        assert_eq!(ScoreRange::around(at(8.0), at(3.0), at(7.0)), None);
        assert!(range.is_some_and(|range| range.contains(at(3.0)) && range.contains(at(7.0))));
        assert!(range.is_some_and(|range| !range.contains(at(7.1)) && !range.contains(at(2.9))));
    }

    #[test]
    fn a_range_moves_with_its_score_and_narrows_at_the_edge() {
        let range = ScoreRange {
            low: at(3.0),
            high: at(7.0),
        };
        assert_eq!(
            range.carried(at(5.0), at(6.0)),
            Some(ScoreRange {
                low: at(4.0),
                high: at(8.0)
            })
        );
        assert_eq!(
            range.carried(at(5.0), at(9.0)),
            Some(ScoreRange {
                low: at(7.0),
                high: at(10.0)
            })
        );
        assert_eq!(
            ScoreRange {
                low: at(9.0),
                high: at(10.0)
            }
            .carried(at(9.0), at(10.0)),
            None,
            "pushed onto the edge it is a point, so no range"
        );
        let estimate = range.estimate(at(4.0));
        assert_eq!((estimate.low, estimate.likely, estimate.high), (3.0, 4.0, 7.0));
    }
}
