//! How soon an initiative must happen: an urgency level and an optional due date.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Urgency levels, least to most urgent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    #[default]
    None,
    Low,
    Medium,
    High,
    Critical,
}

impl Urgency {
    pub const ALL: [Urgency; 5] = [
        Urgency::None,
        Urgency::Low,
        Urgency::Medium,
        Urgency::High,
        Urgency::Critical,
    ];

    /// Stable key used in files, CSS classes and form values.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::None => "none",
            Urgency::Low => "low",
            Urgency::Medium => "medium",
            Urgency::High => "high",
            Urgency::Critical => "critical",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Urgency::None => "No urgency",
            Urgency::Low => "Low",
            Urgency::Medium => "Medium",
            Urgency::High => "High",
            Urgency::Critical => "Critical",
        }
    }

    /// A text cue so urgency never relies on colour alone.
    pub fn icon(self) -> &'static str {
        match self {
            Urgency::None => "",
            Urgency::Low => "▁",
            Urgency::Medium => "▃",
            Urgency::High => "▆",
            Urgency::Critical => "‼",
        }
    }

    pub fn from_key(key: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|urgency| urgency.as_str() == key)
    }
}

/// A calendar day written `YYYY-MM-DD`, as `<input type="date">` gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DueDate {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a date written YYYY-MM-DD, not \"{0}\"")]
pub struct DueDateError(String);

impl DueDate {
    /// The day, if it exists (year 1–9999, a real month and day of that month).
    pub fn new(year: u16, month: u8, day: u8) -> Option<DueDate> {
        let days_in_month = super::calendar::days_in_month(year, month)?;
        ((1..=9999).contains(&year) && (1..=days_in_month).contains(&day)).then_some(DueDate {
            year,
            month,
            day,
        })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 (January) to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl FromStr for DueDate {
    type Err = DueDateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DueDateError(text.chars().take(40).collect());
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(error());
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        match (year, month, day) {
            (Some(year), Some(month), Some(day)) => {
                DueDate::new(year, month as u8, day as u8).ok_or_else(error)
            }
            _ => Err(error()),
        }
    }
}

impl fmt::Display for DueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for DueDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DueDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgency_orders_from_none_to_critical() {
        assert!(Urgency::None < Urgency::Low);
        assert!(Urgency::High < Urgency::Critical);
    }

    #[test]
    fn urgency_keys_round_trip() {
        for urgency in Urgency::ALL {
            assert_eq!(Urgency::from_key(urgency.as_str()), Some(urgency));
        }
        assert_eq!(Urgency::from_key("urgent"), None);
    }

    #[test]
    fn every_urgency_but_none_has_its_own_text_cue() {
        // DESIGN.md: urgency shows as colour plus a text cue, never colour alone.
        assert_eq!(Urgency::None.icon(), "");
        let cues: std::collections::HashSet<&str> =
            Urgency::ALL[1..].iter().map(|urgency| urgency.icon()).collect();
        assert_eq!(cues.len(), 4, "{cues:?}");
        assert!(!cues.contains(""));
    }

    #[test]
    fn urgency_labels_are_the_levels_the_design_names() {
        let labels = Urgency::ALL.map(Urgency::label);
        assert_eq!(labels, ["No urgency", "Low", "Medium", "High", "Critical"]);
    }

    #[test]
    fn due_date_parses_and_prints_iso_days() {
        let date: DueDate = "2027-02-28".parse().expect("valid date");
        assert_eq!(date.to_string(), "2027-02-28");
        assert!("2028-02-29".parse::<DueDate>().is_ok());
    }

    #[test]
    fn due_date_refuses_impossible_days() {
        for text in [
            "2027-02-29",
            "2027-13-01",
            "2027-04-31",
            "27-01-01",
            "2027-1-01",
            "soon",
            "2027-01-0a",
            "٢٠٢٧-01-01",
        ] {
            assert!(text.parse::<DueDate>().is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn due_date_refuses_any_separator_but_a_hyphen() {
        for text in [
            "2026/05-01",
            "2026-05/01",
            "2026/05/01",
            "2026.05.01",
            "2026 05-01",
            "2026-05 01",
            "2026-05-01 ",
            "20260501",
        ] {
            assert!(text.parse::<DueDate>().is_err(), "{text} should be refused");
        }
    }
}
