//! The roadmap's dates as an iCalendar file (RFC 5545) for those who ask "when?": one all-day
//! event per dated phase and one per due date. Each event's UID comes from the roadmap's id and
//! the phase's or initiative's id, so importing a later export into the same calendar updates
//! the events instead of adding copies.

use super::{DueDate, Roadmap};

/// The product that wrote the file, as RFC 5545 asks every calendar to name.
const PRODUCT: &str = "-//Stackplan//Roadmap planner//EN";
/// Longest line in octets before it is folded (RFC 5545 §3.1), line break excluded.
const LINE_OCTETS: usize = 75;

/// A moment in UTC to the second, for DTSTAMP: when the file was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    day: DueDate,
    second_of_day: u32,
}

impl Stamp {
    /// The moment `millis` after 1970-01-01T00:00:00Z, as the browser's clock gives it;
    /// `None` for a clock outside years 1–9999 or not a number.
    pub fn from_unix_millis(millis: f64) -> Option<Stamp> {
        if !millis.is_finite() {
            return None;
        }
        let seconds = (millis / 1000.0).floor() as i64;
        let day = DueDate::from_day_number(seconds.div_euclid(86_400))?;
        let second_of_day = seconds.rem_euclid(86_400) as u32;
        Some(Stamp { day, second_of_day })
    }

    /// `20270101T093000Z`.
    fn write(self) -> String {
        let (hours, minutes, seconds) = (
            self.second_of_day / 3600,
            self.second_of_day / 60 % 60,
            self.second_of_day % 60,
        );
        format!("{}T{hours:02}{minutes:02}{seconds:02}Z", compact(self.day))
    }
}

/// `2027-01-01` as iCalendar writes a DATE: `20270101`.
fn compact(day: DueDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// One all-day event, its days both included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub first_day: DueDate,
    pub last_day: DueDate,
}

/// The events of the roadmap kept as `roadmap_id`: each phase with both dates, in phase order,
/// then each initiative's due date, in roadmap order.
pub fn calendar_events(roadmap: &Roadmap, roadmap_id: &str) -> Vec<CalendarEvent> {
    let roadmap_id: String = roadmap_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let uid = |kind: &str, id: &str| format!("{roadmap_id}-{kind}-{id}@stackplan");
    let name = roadmap.display_name();
    let mut events = Vec::new();
    for phase in &roadmap.phases {
        let Some((first_day, last_day)) = phase.span() else {
            continue;
        };
        let titles: Vec<&str> = roadmap
            .initiatives_in(Some(&phase.id))
            .map(|initiative| initiative.display_title())
            .collect();
        let description = match titles.as_slice() {
            [] => format!("A phase of the roadmap {name}, with no initiatives yet."),
            titles => format!(
                "A phase of the roadmap {name}.\nInitiatives: {}.",
                titles.join(", ")
            ),
        };
        events.push(CalendarEvent {
            uid: uid("phase", phase.id.as_str()),
            summary: format!("{} ({name})", phase.display_name()),
            description,
            first_day,
            last_day,
        });
    }
    for initiative in &roadmap.initiatives {
        let Some(due) = initiative.due else {
            continue;
        };
        let phase = initiative
            .phase
            .as_ref()
            .and_then(|id| roadmap.phase(id))
            .map_or("no phase yet", |phase| phase.display_name());
        events.push(CalendarEvent {
            uid: uid("due", initiative.id.as_str()),
            summary: format!("Due: {} ({name})", initiative.display_title()),
            description: format!(
                "{} is due. Phase: {phase}. Urgency: {}.",
                initiative.display_title(),
                initiative.urgency.label().to_lowercase()
            ),
            first_day: due,
            last_day: due,
        });
    }
    events
}

/// The calendar file: CRLF line ends, long lines folded, text escaped, written at `stamp`.
pub fn to_icalendar(roadmap: &Roadmap, roadmap_id: &str, stamp: Stamp) -> String {
    let mut file = String::new();
    let mut line = |text: &str| fold_into(&mut file, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODUCT}"));
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", escape_text(roadmap.display_name())));
    let stamp = stamp.write();
    for event in calendar_events(roadmap, roadmap_id) {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", event.uid));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(event.first_day)));
        // DTEND is the day after the last (exclusive); past 9999-12-31 a duration says the same.
        match event.last_day.add_days(1) {
            Some(after) => line(&format!("DTEND;VALUE=DATE:{}", compact(after))),
            None => {
                let days = event.last_day.day_number() - event.first_day.day_number() + 1;
                line(&format!("DURATION:P{days}D"))
            }
        }
        line(&format!("SUMMARY:{}", escape_text(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape_text(&event.description)));
        // All-day planning events inform; they do not make anyone look busy.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    file
}

/// `Data-2027.stackplan.json` → `Data-2027.ics`.
pub fn calendar_file_name(roadmap: &Roadmap) -> String {
    let name = super::file_name(roadmap);
    format!("{}.ics", name.strip_suffix(".stackplan.json").unwrap_or(&name))
}

/// A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon and comma escaped, line
/// breaks as `\n`, and other control characters (which TEXT may not hold) as spaces.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {
                characters.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\t' => escaped.push('\t'),
            control if control.is_control() => escaped.push(' '),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Writes one content line ending in CRLF, folded so that no line is longer than 75 octets:
/// each fold is CRLF and a space, and never splits a UTF-8 character.
fn fold_into(file: &mut String, line: &str) {
    let mut rest = line;
    // The first line has 75 octets; each continuation line spends one on its leading space.
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        file.push_str(&rest[..cut]);
        file.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    file.push_str(rest);
    file.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InitiativeId, PhaseCalendar, Urgency};

    fn day(text: &str) -> DueDate {
        text.parse().expect("a valid day")
    }

    fn stamp() -> Stamp {
        // 2026-12-02T17:11:29Z.
        Stamp::from_unix_millis(1_796_231_489_000.0).expect("a time")
    }

    fn folded(line: &str) -> String {
        let mut file = String::new();
        fold_into(&mut file, line);
        file
    }

    /// The content lines again, folds undone (RFC 5545 §3.1 "unfolding").
    fn unfolded(file: &str) -> Vec<String> {
        file.replace("\r\n ", "")
            .split("\r\n")
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn roadmap() -> (Roadmap, InitiativeId) {
        let mut roadmap = Roadmap::new("Data 2027");
        roadmap.schedule_phases(PhaseCalendar::Quarters {
            from: day("2027-02-10"),
        });
        let third = roadmap.phases[2].id.clone();
        roadmap.update_phase(&third, |phase| phase.end = None);
        let churn = roadmap.add_initiative("Churn model, v2; with \\ care");
        let first = roadmap.phases[0].id.clone();
        roadmap.update_initiative(&churn, |initiative| {
            initiative.due = Some(day("2027-03-31"));
            initiative.urgency = Urgency::High;
            initiative.phase = Some(first);
        });
        roadmap.add_initiative("No date");
        (roadmap, churn)
    }

    #[test]
    fn stamps_are_utc_to_the_second() {
        assert_eq!(stamp().write(), "20261202T171129Z");
        assert_eq!(
            Stamp::from_unix_millis(0.0).map(Stamp::write).as_deref(),
            Some("19700101T000000Z")
        );
        assert_eq!(
            Stamp::from_unix_millis(-1.0).map(Stamp::write).as_deref(),
            Some("19691231T235959Z")
        );
        assert_eq!(Stamp::from_unix_millis(f64::NAN), None);
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(escape_text("one\r\ntwo\rthree"), "one\\ntwo\\nthree");
        assert_eq!(escape_text("tab\there\u{7}bell: ok"), "tab\there bell: ok");
        assert_eq!(escape_text("Jörg 📊"), "Jörg 📊");
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = "x".repeat(75);
        assert_eq!(folded(&line), format!("{line}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_leading_space() {
        // 75 octets, then 74 after each fold's space.
        let line = "y".repeat(75 + 74 + 74);
        let file = folded(&line);
        let lines: Vec<&str> = file.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(
            lines.iter().map(|line| line.len()).collect::<Vec<_>>(),
            [75, 75, 75]
        );
        assert!(lines[1..].iter().all(|line| line.starts_with(' ')));
        assert_eq!(unfolded(&file), [line]);
    }

    #[test]
    fn folding_never_splits_a_multi_byte_character() {
        // "é" is 2 octets and "📊" 4: a fold on an odd octet would cut one in half.
        for prefix in ["", "a", "ab", "abc"] {
            let line = format!("SUMMARY:{prefix}{}", "é📊".repeat(40));
            let file = folded(&line);
            for physical in file.split("\r\n") {
                assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
            }
            assert_eq!(unfolded(&file), vec![line], "the fold is undone exactly");
        }
    }

    #[test]
    fn every_line_ends_in_crlf() {
        let (roadmap, _) = roadmap();
        let file = to_icalendar(&roadmap, "r42", stamp());
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(!file.replace("\r\n", "").contains('\n'));
        assert!(!file.replace("\r\n", "").contains('\r'));
    }

    #[test]
    fn dated_phases_and_due_dates_become_all_day_events() {
        let (roadmap, _) = roadmap();
        let lines = unfolded(&to_icalendar(&roadmap, "r42", stamp()));
        let expected_head = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stackplan//Roadmap planner//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Data 2027",
            "BEGIN:VEVENT",
            "UID:r42-phase-p1@stackplan",
            "DTSTAMP:20261202T171129Z",
            "DTSTART;VALUE=DATE:20270101",
            "DTEND;VALUE=DATE:20270401",
            "SUMMARY:Phase 1 (Data 2027)",
            "DESCRIPTION:A phase of the roadmap Data 2027.\\nInitiatives: Churn model\\, v2\\; with \\\\ care.",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ];
        assert_eq!(lines[..expected_head.len()], expected_head);
        // Phase 3 has no end: it is not in the calendar. The due date is a one-day event.
        let uids: Vec<&str> = lines
            .iter()
            .filter_map(|line| line.strip_prefix("UID:"))
            .collect();
        assert_eq!(
            uids,
            [
                "r42-phase-p1@stackplan",
                "r42-phase-p2@stackplan",
                "r42-due-i1@stackplan"
            ]
        );
        let due = lines
            .iter()
            .position(|line| line == "UID:r42-due-i1@stackplan")
            .expect("due event");
        assert_eq!(lines[due + 2], "DTSTART;VALUE=DATE:20270331");
        assert_eq!(lines[due + 3], "DTEND;VALUE=DATE:20270401");
        assert_eq!(
            lines[due + 4],
            "SUMMARY:Due: Churn model\\, v2\\; with \\\\ care (Data 2027)"
        );
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    }

    #[test]
    fn uids_stay_the_same_across_exports_and_edits() {
        let (mut roadmap, churn) = roadmap();
        let uids = |roadmap: &Roadmap| -> Vec<String> {
            calendar_events(roadmap, "r42")
                .into_iter()
                .map(|event| event.uid)
                .collect()
        };
        let before = uids(&roadmap);
        let later = Stamp::from_unix_millis(1_900_000_000_000.0).expect("a time");
        assert_ne!(
            to_icalendar(&roadmap, "r42", stamp()),
            to_icalendar(&roadmap, "r42", later),
            "only DTSTAMP differs"
        );
        // Renaming and moving dates keeps each event's identity, so calendars update it.
        roadmap.phases[0].name = "Foundations".into();
        roadmap.schedule_phases(PhaseCalendar::Sprints {
            from: day("2027-01-04"),
            weeks: 2,
        });
        roadmap.update_initiative(&churn, |initiative| initiative.title = "Churn".into());
        let third = roadmap.phases[2].id.clone();
        roadmap.update_phase(&third, |phase| phase.end = None);
        assert_eq!(uids(&roadmap), before);
        // Another roadmap's events never collide with these.
        assert!(
            calendar_events(&roadmap, "r7")
                .iter()
                .all(|event| !before.contains(&event.uid))
        );
        // Whatever a stored roadmap id holds, a UID stays one plain token.
        assert_eq!(
            calendar_events(&roadmap, "r 4\r\n2;x")[0].uid,
            "r42x-phase-p1@stackplan"
        );
    }

    #[test]
    fn a_phase_ending_on_the_last_day_of_the_calendar_lasts_by_duration() {
        let mut roadmap = Roadmap::new("Far");
        let first = roadmap.phases[0].id.clone();
        roadmap.update_phase(&first, |phase| {
            phase.start = Some(day("9999-12-30"));
            phase.end = Some(day("9999-12-31"));
        });
        let lines = unfolded(&to_icalendar(&roadmap, "r1", stamp()));
        assert!(lines.contains(&"DURATION:P2D".to_string()), "{lines:?}");
    }

    #[test]
    fn a_roadmap_without_dates_has_no_events() {
        let mut roadmap = Roadmap::new("Undated");
        roadmap.add_initiative("Someday");
        assert!(calendar_events(&roadmap, "r1").is_empty());
        assert_eq!(calendar_file_name(&roadmap), "Undated.ics");
    }
}
