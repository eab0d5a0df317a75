//! Calendar arithmetic on [`DueDate`] days (the proleptic Gregorian calendar, years 1–9999),
//! and the quick set-ups that give phases their dates: quarters and sprints.
//!
//! Days are counted with Howard Hinnant's `days_from_civil`, so adding days or months is exact
//! across month ends, year ends and leap days without a date crate in the bundle.

use super::DueDate;

/// Whether February of `year` has 29 days.
pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// How many days `month` (1–12) of `year` has; `None` for a month that does not exist.
pub fn days_in_month(year: u16, month: u8) -> Option<u8> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// The day of the week, for sprints that should start on a Monday and for calendars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
}

/// Days since 1970-01-01 (negative before), as the Unix clock counts them.
fn days_from_civil(date: DueDate) -> i64 {
    let (month, day) = (i64::from(date.month()), i64::from(date.day()));
    let year = i64::from(date.year()) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day `days` after 1970-01-01; `None` outside years 1–9999.
fn civil_from_days(days: i64) -> Option<DueDate> {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    DueDate::new(u16::try_from(year).ok()?, month as u8, day as u8)
}

impl DueDate {
    /// Days since 1970-01-01 (negative before): differences of two days are day counts.
    pub fn day_number(self) -> i64 {
        days_from_civil(self)
    }

    /// The day of a Unix day number; `None` outside years 1–9999.
    pub fn from_day_number(days: i64) -> Option<DueDate> {
        civil_from_days(days)
    }

    /// The day `days` later (earlier when negative); `None` past year 9999 or before year 1.
    pub fn add_days(self, days: i64) -> Option<DueDate> {
        civil_from_days(days_from_civil(self).checked_add(days)?)
    }

    /// The same day `months` later, kept inside shorter months: 31 January + 1 month is
    /// 28 (or 29) February.
    pub fn add_months(self, months: i64) -> Option<DueDate> {
        let index = i64::from(self.year()) * 12 + i64::from(self.month()) - 1 + months;
        let year = u16::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day().min(days_in_month(year, month)?);
        DueDate::new(year, month, day)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(days_from_civil(self) + 3).rem_euclid(7) as usize]
    }

    /// The first day of the calendar quarter holding this day (1 January, 1 April, …).
    pub fn quarter_start(self) -> DueDate {
        let month = (self.month() - 1) / 3 * 3 + 1;
        DueDate::new(self.year(), month, 1).unwrap_or(self)
    }

    /// The last day of this day's month.
    pub fn month_end(self) -> Option<DueDate> {
        DueDate::new(
            self.year(),
            self.month(),
            days_in_month(self.year(), self.month())?,
        )
    }

    /// The quarter as people write it: "Q2 2027".
    pub fn quarter_label(self) -> String {
        format!("Q{} {}", (self.month() - 1) / 3 + 1, self.year())
    }
}

/// A run of phases' dates from one day: "Quarters from <date>" or "Sprints of N weeks".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseCalendar {
    /// The calendar quarter holding `from`, then the quarters after it.
    Quarters { from: DueDate },
    /// Spans of `weeks` weeks, the first starting on `from`.
    Sprints { from: DueDate, weeks: u8 },
}

/// Longest sprint the quick set-up offers: a year.
pub const MAX_SPRINT_WEEKS: u8 = 52;

impl PhaseCalendar {
    /// The first `count` spans as (start, end), both days included; shorter when the spans
    /// would run past year 9999, and empty for sprints of no weeks.
    pub fn spans(self, count: usize) -> Vec<(DueDate, DueDate)> {
        let mut spans = Vec::with_capacity(count);
        for index in 0..count as i64 {
            let span = match self {
                PhaseCalendar::Quarters { from } => {
                    let start = from.quarter_start().add_months(index * 3);
                    start.zip(start.and_then(|start| start.add_months(2)?.month_end()))
                }
                PhaseCalendar::Sprints { from, weeks } if weeks > 0 => {
                    let length = i64::from(weeks) * 7;
                    from.add_days(index * length)
                        .zip(from.add_days((index + 1) * length - 1))
                }
                PhaseCalendar::Sprints { .. } => None,
            };
            match span {
                Some(span) => spans.push(span),
                None => break,
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> DueDate {
        text.parse().expect("a valid day")
    }

    fn spans(calendar: PhaseCalendar, count: usize) -> Vec<(String, String)> {
        calendar
            .spans(count)
            .into_iter()
            .map(|(start, end)| (start.to_string(), end.to_string()))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(start, end)| (start.to_string(), end.to_string()))
            .collect()
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2028) && is_leap_year(2000) && is_leap_year(2400));
        assert!(!is_leap_year(2027) && !is_leap_year(1900) && !is_leap_year(2100));
        assert_eq!(days_in_month(2028, 2), Some(29));
        assert_eq!(days_in_month(2100, 2), Some(28));
        assert_eq!(days_in_month(2027, 4), Some(30));
        assert_eq!(days_in_month(2027, 13), None);
        assert_eq!(days_in_month(2027, 0), None);
    }

    #[test]
    fn day_numbers_count_from_the_unix_epoch() {
        assert_eq!(day("1970-01-01").day_number(), 0);
        assert_eq!(day("2000-03-01").day_number(), 11_017);
        assert_eq!(day("1969-12-31").day_number(), -1);
        for text in ["0001-01-01", "1600-02-29", "2028-02-29", "9999-12-31"] {
            let date = day(text);
            assert_eq!(DueDate::from_day_number(date.day_number()), Some(date), "{text}");
        }
        assert_eq!(DueDate::from_day_number(day("9999-12-31").day_number() + 1), None);
        assert_eq!(DueDate::from_day_number(day("0001-01-01").day_number() - 1), None);
    }

    #[test]
    fn adding_days_crosses_month_and_year_ends_and_leap_days() {
        assert_eq!(day("2027-12-31").add_days(1), Some(day("2028-01-01")));
        assert_eq!(day("2028-02-28").add_days(1), Some(day("2028-02-29")));
        assert_eq!(day("2027-02-28").add_days(1), Some(day("2027-03-01")));
        assert_eq!(day("2028-03-01").add_days(-1), Some(day("2028-02-29")));
        assert_eq!(day("2027-01-01").add_days(365), Some(day("2028-01-01")));
        assert_eq!(day("2028-01-01").add_days(365), Some(day("2028-12-31")));
        assert_eq!(day("9999-12-31").add_days(1), None);
        assert_eq!(day("2027-05-05").add_days(i64::MAX), None);
    }

    #[test]
    fn adding_months_keeps_the_day_inside_shorter_months() {
        assert_eq!(day("2027-01-31").add_months(1), Some(day("2027-02-28")));
        assert_eq!(day("2028-01-31").add_months(1), Some(day("2028-02-29")));
        assert_eq!(day("2027-11-15").add_months(3), Some(day("2028-02-15")));
        assert_eq!(day("2027-03-31").add_months(-1), Some(day("2027-02-28")));
        assert_eq!(day("9999-11-01").add_months(2), None);
        assert_eq!(day("0001-01-01").add_months(-1), None);
    }

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(day("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(day("2027-01-04").weekday(), Weekday::Monday);
        assert_eq!(day("2028-02-29").weekday(), Weekday::Tuesday);
        assert_eq!(day("2026-12-06").weekday(), Weekday::Sunday);
    }

    #[test]
    fn quarters_start_at_the_quarter_holding_the_day() {
        assert_eq!(day("2027-05-17").quarter_start(), day("2027-04-01"));
        assert_eq!(day("2027-12-31").quarter_start(), day("2027-10-01"));
        assert_eq!(day("2027-01-01").quarter_start(), day("2027-01-01"));
        assert_eq!(day("2027-09-30").quarter_label(), "Q3 2027");
        assert_eq!(day("2028-02-03").month_end(), Some(day("2028-02-29")));
    }

    #[test]
    fn quarters_run_on_across_a_year_end_and_a_leap_year() {
        let quarters = PhaseCalendar::Quarters {
            from: day("2027-11-20"),
        };
        assert_eq!(
            spans(quarters, 4),
            pairs(&[
                ("2027-10-01", "2027-12-31"),
                ("2028-01-01", "2028-03-31"),
                ("2028-04-01", "2028-06-30"),
                ("2028-07-01", "2028-09-30"),
            ])
        );
        // Every quarter starts the day after the previous one ends.
        let many = PhaseCalendar::Quarters {
            from: day("2099-02-02"),
        }
        .spans(12);
        for pair in many.windows(2) {
            assert_eq!(pair[0].1.add_days(1), Some(pair[1].0));
        }
    }

    #[test]
    fn sprints_are_whole_weeks_back_to_back_across_a_leap_day() {
        let sprints = PhaseCalendar::Sprints {
            from: day("2028-02-14"),
            weeks: 2,
        };
        assert_eq!(
            spans(sprints, 3),
            pairs(&[
                ("2028-02-14", "2028-02-27"),
                ("2028-02-28", "2028-03-12"),
                ("2028-03-13", "2028-03-26"),
            ])
        );
        let over_new_year = PhaseCalendar::Sprints {
            from: day("2027-12-20"),
            weeks: 3,
        };
        assert_eq!(
            spans(over_new_year, 2),
            pairs(&[("2027-12-20", "2028-01-09"), ("2028-01-10", "2028-01-30")])
        );
    }

    #[test]
    fn spans_stop_at_the_end_of_the_calendar_and_need_weeks() {
        let late = PhaseCalendar::Quarters {
            from: day("9999-08-01"),
        };
        assert_eq!(
            spans(late, 3),
            pairs(&[("9999-07-01", "9999-09-30"), ("9999-10-01", "9999-12-31")])
        );
        let none = PhaseCalendar::Sprints {
            from: day("2027-01-04"),
            weeks: 0,
        };
        assert!(none.spans(3).is_empty());
        assert!(
            PhaseCalendar::Quarters {
                from: day("2027-01-04")
            }
            .spans(0)
            .is_empty()
        );
    }
}
