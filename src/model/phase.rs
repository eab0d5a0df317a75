//! Phases: ordered stages of the roadmap that initiatives are grouped into.

use serde::{Deserialize, Serialize};

use super::DueDate;

/// Stable identifier of a phase inside its roadmap (`p1`, `p2`, …).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhaseId(pub String);

impl PhaseId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One phase; field order is the file format's key order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: PhaseId,
    pub name: String,
    /// Effort points the phase can hold; `None` means no limit was set.
    pub capacity: Option<f64>,
    /// First day of the phase. Optional in format version 1: an undated phase (Now / Next /
    /// Later) writes no date fields, so files without dates stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<DueDate>,
    /// Last day of the phase, included; never before `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<DueDate>,
}

/// A phase would end before it starts; the dates are refused, not swapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the end {end} is before the start {start}")]
pub struct EndBeforeStart {
    pub start: DueDate,
    pub end: DueDate,
}

impl Phase {
    /// An undated phase without a capacity.
    pub fn new(id: PhaseId, name: impl Into<String>) -> Phase {
        Phase {
            id,
            name: name.into(),
            capacity: None,
            start: None,
            end: None,
        }
    }

    /// Name shown to people; a blank name still needs a readable one.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() { "Untitled phase" } else { name }
    }

    /// Refuses an end before a start; either may be missing.
    pub fn check_dates(start: Option<DueDate>, end: Option<DueDate>) -> Result<(), EndBeforeStart> {
        match (start, end) {
            (Some(start), Some(end)) if end < start => Err(EndBeforeStart { start, end }),
            _ => Ok(()),
        }
    }

    /// Sets both dates, or changes nothing when the end would come before the start.
    pub fn set_dates(&mut self, start: Option<DueDate>, end: Option<DueDate>) -> Result<(), EndBeforeStart> {
        Phase::check_dates(start, end)?;
        self.start = start;
        self.end = end;
        Ok(())
    }

    /// Both days of a dated phase; `None` while either is missing.
    pub fn span(&self) -> Option<(DueDate, DueDate)> {
        self.start.zip(self.end)
    }

    /// The dates in words for documents and print: "2027-01-01 to 2027-03-31",
    /// "from 2027-01-01", "until 2027-03-31"; `None` for an undated phase.
    pub fn dates_text(&self) -> Option<String> {
        match (self.start, self.end) {
            (Some(start), Some(end)) => Some(format!("{start} to {end}")),
            (Some(start), None) => Some(format!("from {start}")),
            (None, Some(end)) => Some(format!("until {end}")),
            (None, None) => None,
        }
    }
}

/// How full a phase is, for the "less is more" warning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhaseLoad {
    pub effort: f64,
    pub count: usize,
    pub capacity: Option<f64>,
}

impl PhaseLoad {
    pub fn is_over_capacity(&self) -> bool {
        self.capacity
            .is_some_and(|capacity| self.effort > capacity + 1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> DueDate {
        text.parse().expect("a valid day")
    }

    #[test]
    fn an_end_before_the_start_is_refused_and_nothing_changes() {
        let mut phase = Phase::new(PhaseId("p1".into()), "Phase 1");
        assert_eq!(
            phase.set_dates(Some(day("2027-01-01")), Some(day("2027-03-31"))),
            Ok(())
        );
        let refused = phase.set_dates(Some(day("2027-03-01")), Some(day("2027-01-01")));
        assert_eq!(
            refused.map_err(|error| error.to_string()),
            Err("the end 2027-01-01 is before the start 2027-03-01".to_string())
        );
        assert_eq!(phase.span(), Some((day("2027-01-01"), day("2027-03-31"))));
        // A one-day phase, and a phase with one date only, are fine.
        assert!(Phase::check_dates(Some(day("2027-05-05")), Some(day("2027-05-05"))).is_ok());
        assert!(Phase::check_dates(None, Some(day("2027-05-05"))).is_ok());
    }

    #[test]
    fn dates_read_as_words_whichever_are_set() {
        let mut phase = Phase::new(PhaseId("p1".into()), "  ");
        assert_eq!(phase.display_name(), "Untitled phase");
        assert_eq!(phase.dates_text(), None);
        phase.start = Some(day("2027-01-01"));
        assert_eq!(phase.dates_text().as_deref(), Some("from 2027-01-01"));
        phase.end = Some(day("2027-03-31"));
        assert_eq!(phase.dates_text().as_deref(), Some("2027-01-01 to 2027-03-31"));
        phase.start = None;
        assert_eq!(phase.dates_text().as_deref(), Some("until 2027-03-31"));
        assert_eq!(phase.span(), None);
    }

    #[test]
    fn load_over_capacity_warns_only_when_exceeded() {
        let load = |effort, capacity| PhaseLoad {
            effort,
            count: 2,
            capacity,
        };
        assert!(load(12.5, Some(12.0)).is_over_capacity());
        assert!(!load(12.0, Some(12.0)).is_over_capacity());
        assert!(!load(99.0, None).is_over_capacity());
    }
}
