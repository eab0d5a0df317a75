//! Due dates as the tools write them, one format detected per column.

use serde::{Deserialize, Serialize};

use crate::model::DueDate;

/// How a due date column writes its days. Two-digit years are read as 20yy; a time after
/// the day is ignored, and the day is the one written (a time zone does not move it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// 2026-02-25 (a time after it is allowed).
    Iso,
    /// 2026-02-25T10:17:00.000Z, as Trello and most APIs write it.
    IsoDateTime,
    /// 25/Feb/26 10:17 PM, as Jira exports it (also with four-digit years, or no time).
    Jira,
    /// 25/02/2026 or 25-02-2026.
    DayMonthYear,
    /// 25.02.2026.
    DayMonthYearDots,
    /// 02/25/2026.
    MonthDayYear,
    /// Feb 25, 2026 (or February 25, 2026).
    MonthNameDayYear,
    /// 25 Feb 2026 (or 25 February 2026).
    DayMonthNameYear,
}

impl DateFormat {
    /// Every format in detection order: when several read a whole column (02/03/2026 reads
    /// either way), the earlier one wins, so day/month/year goes before month/day/year.
    pub const ALL: [DateFormat; 8] = [
        DateFormat::IsoDateTime,
        DateFormat::Iso,
        DateFormat::Jira,
        DateFormat::DayMonthYear,
        DateFormat::DayMonthYearDots,
        DateFormat::MonthDayYear,
        DateFormat::MonthNameDayYear,
        DateFormat::DayMonthNameYear,
    ];

    /// The format in words with an example, as the mapping dialog states it.
    pub fn label(self) -> &'static str {
        match self {
            DateFormat::Iso => "year-month-day (2026-02-25)",
            DateFormat::IsoDateTime => "date and time (2026-02-25T10:17:00Z)",
            DateFormat::Jira => "Jira (25/Feb/26 10:17 PM)",
            DateFormat::DayMonthYear => "day/month/year (25/02/2026)",
            DateFormat::DayMonthYearDots => "day.month.year (25.02.2026)",
            DateFormat::MonthDayYear => "month/day/year (02/25/2026)",
            DateFormat::MonthNameDayYear => "month day, year (Feb 25, 2026)",
            DateFormat::DayMonthNameYear => "day month year (25 Feb 2026)",
        }
    }

    /// The day a cell written in this format names; `None` when it is not such a date or
    /// not a real day (31/02/2026).
    pub fn parse(self, text: &str) -> Option<DueDate> {
        let text = text.trim();
        match self {
            DateFormat::Iso => iso(text, false),
            DateFormat::IsoDateTime => iso(text, true),
            DateFormat::Jira => {
                let (day, month, year) = three(first_word(text), '/')?;
                day_of(year, month_name(month)?, number(day)?)
            }
            DateFormat::DayMonthYear => {
                let date = first_word(text);
                let (day, month, year) = three(date, '/').or_else(|| three(date, '-'))?;
                day_of(year, number(month)?, number(day)?)
            }
            DateFormat::DayMonthYearDots => {
                let (day, month, year) = three(first_word(text).trim_end_matches('.'), '.')?;
                day_of(year, number(month)?, number(day)?)
            }
            DateFormat::MonthDayYear => {
                let (month, day, year) = three(first_word(text), '/')?;
                day_of(year, number(month)?, number(day)?)
            }
            DateFormat::MonthNameDayYear => {
                let mut words = text.split([' ', ',']).filter(|word| !word.is_empty());
                let (month, day, year) = (words.next()?, words.next()?, words.next()?);
                day_of(year, month_name(month)?, number(day)?)
            }
            DateFormat::DayMonthNameYear => {
                let mut words = text.split([' ', ',', '-']).filter(|word| !word.is_empty());
                let (day, month, year) = (words.next()?, words.next()?, words.next()?);
                day_of(year, month_name(month)?, number(day)?)
            }
        }
    }

    /// The format that reads a column's non-empty cells: the first that reads them all, else
    /// the one that reads most; `None` when no format reads any.
    pub fn detect<'a>(cells: impl Iterator<Item = &'a str> + Clone) -> Option<DateFormat> {
        let mut best: Option<(DateFormat, usize)> = None;
        for format in DateFormat::ALL {
            let (mut read, mut total) = (0, 0);
            for cell in cells.clone() {
                total += 1;
                if format.parse(cell).is_some() {
                    read += 1;
                }
            }
            if read == total && total > 0 {
                return Some(format);
            }
            if read > 0 && best.is_none_or(|(_, most)| read > most) {
                best = Some((format, read));
            }
        }
        best.map(|(format, _)| format)
    }
}

/// The text up to the first space: the date part of "25/02/2026 10:17".
fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// "2026-02-25", optionally followed by `T` or a space and a time; `with_time` requires one.
fn iso(text: &str, with_time: bool) -> Option<DueDate> {
    let date = text.get(..10)?;
    let rest = &text[10..];
    let timed = rest.starts_with(['T', ' ']) && rest.len() > 1;
    if !timed && (with_time || !rest.is_empty()) {
        return None;
    }
    date.parse().ok()
}

/// Three parts of a date split by `separator`.
fn three(text: &str, separator: char) -> Option<(&str, &str, &str)> {
    let mut parts = text.split(separator);
    let parts = (parts.next()?, parts.next()?, parts.next()?, parts.next());
    match parts {
        (first, second, third, None) => Some((first, second, third)),
        _ => None,
    }
}

/// A day or month of one or two digits.
fn number(text: &str) -> Option<u8> {
    let valid = (1..=2).contains(&text.len()) && text.bytes().all(|byte| byte.is_ascii_digit());
    valid.then(|| text.parse().ok())?
}

/// A month written in English, short or long, in any case ("Feb", "february", "Sept").
fn month_name(text: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = text.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|month| {
        month.len() >= word.len() && month.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    })?;
    Some(position as u8 + 1)
}

/// The day, with two-digit years read as 20yy.
fn day_of(year: &str, month: u8, day: u8) -> Option<DueDate> {
    let year = year.trim_end_matches(',');
    if !year.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let year: u16 = match year.len() {
        2 => 2000 + year.parse::<u16>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    DueDate::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<DueDate> {
        text.parse().ok()
    }

    #[test]
    fn every_format_reads_its_own_example() {
        let expected = day("2026-02-25");
        for (format, text) in [
            (DateFormat::Iso, "2026-02-25"),
            (DateFormat::IsoDateTime, "2026-02-25T10:17:00.000Z"),
            (DateFormat::Jira, "25/Feb/26 10:17 PM"),
            (DateFormat::Jira, "25/Feb/2026"),
            (DateFormat::DayMonthYear, "25/02/2026"),
            (DateFormat::DayMonthYear, "25-02-26"),
            (DateFormat::DayMonthYearDots, "25.02.2026"),
            (DateFormat::MonthDayYear, "02/25/2026"),
            (DateFormat::MonthDayYear, "2/25/2026 9:00"),
            (DateFormat::MonthNameDayYear, "Feb 25, 2026"),
            (DateFormat::MonthNameDayYear, "February 25, 2026 10:17 AM"),
            (DateFormat::DayMonthNameYear, "25 Feb 2026"),
        ] {
            assert_eq!(format.parse(text), expected, "{format:?} {text}");
        }
    }

    #[test]
    fn impossible_days_and_other_formats_are_not_read() {
        assert_eq!(DateFormat::DayMonthYear.parse("31/02/2026"), None);
        assert_eq!(DateFormat::Iso.parse("2026-02-25x"), None);
        assert_eq!(DateFormat::IsoDateTime.parse("2026-02-25"), None);
        assert_eq!(DateFormat::MonthDayYear.parse("25/02/2026"), None);
        assert_eq!(DateFormat::Jira.parse("25/02/2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse("25/02/026"), None);
        assert_eq!(DateFormat::MonthNameDayYear.parse("Ma 25, 2026"), None);
    }

    #[test]
    fn iso_reads_a_date_with_a_time_too() {
        assert_eq!(DateFormat::Iso.parse("2026-02-25 10:17"), day("2026-02-25"));
    }

    #[test]
    fn detection_takes_the_first_format_that_reads_every_cell() {
        let cells = ["02/03/2026", "25/02/2026", ""];
        let non_empty = cells.iter().copied().filter(|cell| !cell.is_empty());
        assert_eq!(DateFormat::detect(non_empty), Some(DateFormat::DayMonthYear));
        let american = ["02/03/2026", "02/25/2026"];
        assert_eq!(
            DateFormat::detect(american.into_iter()),
            Some(DateFormat::MonthDayYear)
        );
        let ambiguous = ["02/03/2026"];
        assert_eq!(
            DateFormat::detect(ambiguous.into_iter()),
            Some(DateFormat::DayMonthYear)
        );
    }

    #[test]
    fn detection_falls_back_to_the_format_that_reads_most() {
        let cells = ["2026-02-25", "2026-03-01", "soon"];
        assert_eq!(DateFormat::detect(cells.into_iter()), Some(DateFormat::Iso));
        assert_eq!(DateFormat::detect(["soon", "later"].into_iter()), None);
        assert_eq!(DateFormat::detect(std::iter::empty()), None);
    }

    #[test]
    fn a_column_of_date_times_is_named_as_such() {
        let cells = ["2026-02-25T10:17:00.000Z", "2026-03-01T00:00:00Z"];
        assert_eq!(
            DateFormat::detect(cells.into_iter()),
            Some(DateFormat::IsoDateTime)
        );
    }
}
