//! The timeline planned in pixels: phases as bands on a time axis (undated phases as a
//! Now / Next / Later strip before the dated ones), initiatives as bars inside their phase in
//! planning priority (bar length shows effort), due dates as ticks, today as a line, and
//! dependency arrows finish → start, red where the plan is broken. The page's canvas, the PNG
//! and SVG exports and the drag handles over the canvas all read one plan.

use std::collections::HashMap;

use super::phasing::Priority;
use super::{Conflict, DueDate, InitiativeId, Rect, Roadmap, conflicts};

/// Height of the time axis above the bands (its labels).
pub const AXIS_HEIGHT: f64 = 26.0;
/// Height of a band's head (the phase's name) above its bars.
pub const BAND_HEAD: f64 = 20.0;
/// Bars are never drawn taller than this (a row, gap included).
pub const ROW_MOST: f64 = 22.0;
/// Below this a row is too thin to tell bars apart: a band shows its count instead.
pub const ROW_LEAST: f64 = 2.0;
/// A title is written on its bar from this row height up.
pub const TITLE_ROW: f64 = 14.0;
/// Vertical gap between tracks of bands that overlap in time.
const TRACK_GAP: f64 = 8.0;
/// Horizontal gap between the undated strip's columns, and around the plot.
const GAP: f64 = 6.0;
/// The canvas heights the page draws at: the timeline grows with its rows between these.
pub const HEIGHT_LEAST: f64 = 140.0;
pub const HEIGHT_MOST: f64 = 640.0;
/// Today is drawn when it lies within this many days of the planned range.
const TODAY_REACH: i64 = 183;

/// The dated part of the picture: which day is at which x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    /// Day number (days since 1970-01-01) at `left`.
    pub first_day: i64,
    /// Day number at `right`: the day after the last day shown.
    pub end_day: i64,
    pub left: f64,
    pub right: f64,
}

impl TimeAxis {
    /// The x where `day` begins.
    pub fn x_of(&self, day: DueDate) -> f64 {
        self.x_of_day(day.day_number())
    }

    fn x_of_day(&self, day: i64) -> f64 {
        let span = (self.end_day - self.first_day).max(1) as f64;
        self.left + (day - self.first_day) as f64 / span * (self.right - self.left)
    }

    /// The day whose beginning is nearest to `x` (dragging an edge); held inside years 1–9999.
    pub fn day_at(&self, x: f64) -> Option<DueDate> {
        let span = (self.end_day - self.first_day).max(1) as f64;
        let width = (self.right - self.left).max(1.0);
        let day = self.first_day as f64 + (x - self.left) / width * span;
        DueDate::from_day_number(day.round() as i64)
    }

    /// Labelled ticks: months, quarters or years, whichever leaves room for their labels.
    pub fn ticks(&self) -> Vec<(f64, String)> {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let Some(first) = DueDate::from_day_number(self.first_day) else {
            return Vec::new();
        };
        let days = (self.end_day - self.first_day).max(1) as f64;
        let px_per_month = (self.right - self.left) / days * 30.44;
        let (step, label): (i64, fn(DueDate) -> String) = if px_per_month >= 56.0 {
            (1, |day| {
                format!("{} {}", MONTHS[usize::from(day.month() - 1)], day.year())
            })
        } else if px_per_month * 3.0 >= 56.0 {
            (3, DueDate::quarter_label)
        } else {
            (12, |day| day.year().to_string())
        };
        let mut tick = match DueDate::new(first.year(), first.month(), 1) {
            Some(day) if step == 3 => day.quarter_start(),
            Some(day) if step == 12 => DueDate::new(day.year(), 1, 1).unwrap_or(day),
            Some(day) => day,
            None => return Vec::new(),
        };
        if tick.day_number() < self.first_day {
            tick = tick.add_months(step).unwrap_or(tick);
        }
        let mut ticks = Vec::new();
        while tick.day_number() < self.end_day {
            ticks.push((self.x_of(tick), label(tick)));
            match tick.add_months(step) {
                Some(next) => tick = next,
                None => break,
            }
        }
        ticks
    }
}

/// One phase's band.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBand {
    /// Position in `roadmap.phases`.
    pub phase: usize,
    pub name: String,
    /// Its dates, for a dated phase (drawn on the axis); `None` in the undated strip.
    pub span: Option<(DueDate, DueDate)>,
    pub rect: Rect,
    /// Initiatives in it.
    pub count: usize,
    /// Whether its bars are too thin to draw one by one: the band shows `count` instead.
    pub aggregated: bool,
}

/// One initiative's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    /// Position in `roadmap.initiatives`.
    pub initiative: usize,
    pub id: InitiativeId,
    /// Position of its band in the plan's `bands`.
    pub band: usize,
    pub rect: Rect,
    /// The title as it fits on the bar; empty when rows are too thin for text.
    pub label: String,
    /// Its due date comes before its phase is over.
    pub late: bool,
}

/// A due date on the axis, at the end of its day, across its bar's row.
#[derive(Clone, Debug, PartialEq)]
pub struct DueTick {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
    pub late: bool,
}

/// A dependency drawn from the end of what is waited for to the start of what waits.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineArrow {
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// Red: the dependant sits in an earlier phase, or its phase ends after its due date.
    pub broken: bool,
    /// How many dependencies it stands for (between aggregated bands, all of one pair of phases).
    pub count: usize,
}

/// Everything the timeline draws, in pixels of a `size` picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelinePlan {
    pub size: (f64, f64),
    /// `None` when no phase has both dates: the picture is the undated strip alone.
    pub axis: Option<TimeAxis>,
    /// Undated phases first (in roadmap order), then dated ones by start.
    pub bands: Vec<TimelineBand>,
    pub bars: Vec<TimelineBar>,
    pub due_ticks: Vec<DueTick>,
    pub arrows: Vec<TimelineArrow>,
    pub today: Option<f64>,
    /// Height of one bar's row (gap included).
    pub row: f64,
}

impl TimelinePlan {
    /// The band holding a point, for dropping a dragged bar: the nearest band across when the
    /// point is between bands of one height.
    pub fn band_at(&self, x: f64, y: f64) -> Option<&TimelineBand> {
        let within = |band: &&TimelineBand| y >= band.rect.top && y <= band.rect.bottom;
        self.bands
            .iter()
            .filter(within)
            .min_by(|a, b| distance_across(&a.rect, x).total_cmp(&distance_across(&b.rect, x)))
    }

    /// Whether the plan draws bars one by one (else each band shows its count).
    pub fn shows_bars(&self) -> bool {
        !self.bars.is_empty()
    }
}

fn distance_across(rect: &Rect, x: f64) -> f64 {
    if x < rect.left {
        rect.left - x
    } else if x > rect.right {
        x - rect.right
    } else {
        0.0
    }
}

/// The phases laid out in tracks: bands that overlap in time go one under another.
struct Tracks {
    /// Per phase: its track, or `None` while the phase is not laid out yet.
    track_of: Vec<usize>,
    /// Per track: its height in rows (its fullest phase).
    rows: Vec<usize>,
}

/// Undated phases share the first track (the strip places them side by side); dated ones take
/// the first track that is free by their start, in order of start.
fn tracks(roadmap: &Roadmap, counts: &[usize]) -> Tracks {
    let mut track_of = vec![0; roadmap.phases.len()];
    let mut ends: Vec<Option<DueDate>> = vec![None];
    for (index, (start, end)) in dated_in_order(roadmap) {
        let free = ends.iter().position(|last| last.is_none_or(|last| last < start));
        let track = free.unwrap_or_else(|| {
            ends.push(None);
            ends.len() - 1
        });
        ends[track] = Some(end);
        track_of[index] = track;
    }
    let mut rows = vec![1; ends.len()];
    for (phase, track) in track_of.iter().enumerate() {
        rows[*track] = rows[*track].max(counts[phase]);
    }
    Tracks { track_of, rows }
}

/// Dated phases (both dates) by start, then by their place in the roadmap.
fn dated_in_order(roadmap: &Roadmap) -> Vec<(usize, (DueDate, DueDate))> {
    let mut dated: Vec<(usize, (DueDate, DueDate))> = roadmap
        .phases
        .iter()
        .enumerate()
        .filter_map(|(index, phase)| Some((index, phase.span()?)))
        .collect();
    dated.sort_by_key(|&(index, (start, _))| (start, index));
    dated
}

/// How many initiatives each phase holds: all the height needs, without ordering them.
fn counts(roadmap: &Roadmap) -> Vec<usize> {
    let phase_index = roadmap.phase_positions();
    let mut counts = vec![0; roadmap.phases.len()];
    for phase in roadmap
        .initiatives
        .iter()
        .filter_map(|initiative| initiative.phase.as_ref())
    {
        if let Some(&index) = phase_index.get(phase) {
            counts[index] += 1;
        }
    }
    counts
}

fn counts_of(members: &[Vec<usize>]) -> Vec<usize> {
    members.iter().map(Vec::len).collect()
}

/// Each phase's initiatives (positions in `roadmap.initiatives`), in planning priority.
fn members(roadmap: &Roadmap) -> Vec<Vec<usize>> {
    let phase_index = roadmap.phase_positions();
    let mut members = vec![Vec::new(); roadmap.phases.len()];
    for (position, initiative) in roadmap.initiatives.iter().enumerate() {
        if let Some(&phase) = initiative.phase.as_ref().and_then(|phase| phase_index.get(phase)) {
            members[phase].push(position);
        }
    }
    let priority = Priority::of(roadmap);
    for list in &mut members {
        list.sort_by(|&a, &b| priority.cmp(a, b).then(a.cmp(&b)));
    }
    members
}

/// The height, between [`HEIGHT_LEAST`] and [`HEIGHT_MOST`], at which every bar gets a
/// readable row where it can: O(n), so the page can keep the picture's room before it is drawn.
pub fn timeline_height(roadmap: &Roadmap) -> f64 {
    fitted_height(&tracks(roadmap, &counts(roadmap)))
}

fn fitted_height(tracks: &Tracks) -> f64 {
    let rows: usize = tracks.rows.iter().sum();
    let wanted =
        AXIS_HEIGHT + tracks.rows.len() as f64 * (BAND_HEAD + TRACK_GAP) + rows as f64 * ROW_MOST + GAP;
    wanted.clamp(HEIGHT_LEAST, HEIGHT_MOST)
}

/// Lays the roadmap out in a `size` picture (CSS pixels); `today` draws its line when it is
/// near the planned range. O(n log n) in initiatives plus dependencies.
pub fn plan_timeline(roadmap: &Roadmap, today: Option<DueDate>, size: (f64, f64)) -> TimelinePlan {
    let members = members(roadmap);
    let tracks = tracks(roadmap, &counts_of(&members));
    lay_out(roadmap, today, size, &members, &tracks)
}

/// Lays the roadmap out `width` pixels wide and as tall as its rows ask (between
/// [`HEIGHT_LEAST`] and [`HEIGHT_MOST`]): the page's picture and the exports.
pub fn plan_timeline_fitted(roadmap: &Roadmap, today: Option<DueDate>, width: f64) -> TimelinePlan {
    let members = members(roadmap);
    let tracks = tracks(roadmap, &counts_of(&members));
    lay_out(roadmap, today, (width, fitted_height(&tracks)), &members, &tracks)
}

fn lay_out(
    roadmap: &Roadmap,
    today: Option<DueDate>,
    size: (f64, f64),
    members: &[Vec<usize>],
    tracks: &Tracks,
) -> TimelinePlan {
    let (width, height) = (size.0.max(1.0), size.1.max(1.0));
    let track_count = tracks.rows.len();
    let total_rows: usize = tracks.rows.iter().sum();
    let room = (height - AXIS_HEIGHT - GAP - track_count as f64 * (BAND_HEAD + TRACK_GAP)).max(0.0);
    let fitted = room / total_rows.max(1) as f64;
    let aggregated = fitted < ROW_LEAST;
    // Aggregated, each track is one row tall: its bands show their counts.
    let row = if aggregated {
        (room / track_count as f64).min(ROW_MOST)
    } else {
        fitted.min(ROW_MOST)
    };
    let track_rows = |track: usize| if aggregated { 1 } else { tracks.rows[track] };
    let mut track_top = Vec::with_capacity(track_count);
    let mut top = AXIS_HEIGHT;
    for track in 0..track_count {
        track_top.push(top);
        top += BAND_HEAD + track_rows(track) as f64 * row + TRACK_GAP;
    }

    let undated: Vec<usize> = (0..roadmap.phases.len())
        .filter(|&index| roadmap.phases[index].span().is_none())
        .collect();
    let dated = dated_in_order(roadmap);
    let axis = time_axis(roadmap, &dated, members, today, width, undated.len());
    let column_width = match axis {
        Some(axis) if !undated.is_empty() => (axis.left - GAP) / undated.len() as f64,
        Some(_) => 0.0,
        None => (width - GAP) / undated.len().max(1) as f64,
    };

    let mut plan = TimelinePlan {
        size: (width, height),
        axis,
        row,
        ..TimelinePlan::default()
    };
    let band_of_phase = |index: usize, column: Option<usize>| {
        let track = tracks.track_of[index];
        let (left, right) = match (column, axis, roadmap.phases[index].span()) {
            (None, Some(axis), Some((start, end))) => (axis.x_of(start), axis.x_of_day(end.day_number() + 1)),
            (column, _, _) => {
                let left = GAP + column.unwrap_or(0) as f64 * column_width;
                (left, left + column_width - GAP)
            }
        };
        let top = track_top[track];
        let bottom = top + BAND_HEAD + track_rows(track) as f64 * row;
        TimelineBand {
            phase: index,
            name: roadmap.phases[index].display_name().to_string(),
            span: roadmap.phases[index].span(),
            rect: Rect::new(left, top, right.max(left + 1.0), bottom),
            count: members[index].len(),
            aggregated,
        }
    };
    for (column, &index) in undated.iter().enumerate() {
        plan.bands.push(band_of_phase(index, Some(column)));
    }
    for &(index, _) in &dated {
        plan.bands.push(band_of_phase(index, None));
    }

    let found = conflicts(roadmap);
    let late: std::collections::HashSet<&InitiativeId> = found
        .iter()
        .filter(|conflict| !conflict.is_dependency_order())
        .map(Conflict::initiative)
        .collect();
    if !aggregated {
        lay_bars(roadmap, members, &late, &mut plan);
    }
    plan.arrows = arrows(roadmap, &plan, &late);
    plan.today = match (axis, today) {
        (Some(axis), Some(today)) => {
            let x = axis.x_of(today);
            (x >= axis.left && x <= axis.right).then_some(x)
        }
        _ => None,
    };
    plan
}

/// The dated range (dated phases and the due dates of their initiatives, and today when it is
/// near), right of the undated strip; `None` when no phase is dated.
fn time_axis(
    roadmap: &Roadmap,
    dated: &[(usize, (DueDate, DueDate))],
    members: &[Vec<usize>],
    today: Option<DueDate>,
    width: f64,
    undated: usize,
) -> Option<TimeAxis> {
    let mut first = dated.iter().map(|(_, (start, _))| start.day_number()).min()?;
    let mut last = dated.iter().map(|(_, (_, end))| end.day_number()).max()?;
    for (index, _) in dated {
        for &position in &members[*index] {
            if let Some(due) = roadmap.initiatives[position].due {
                first = first.min(due.day_number());
                last = last.max(due.day_number());
            }
        }
    }
    if let Some(today) = today.map(DueDate::day_number)
        && today >= first - TODAY_REACH
        && today <= last + TODAY_REACH
    {
        first = first.min(today);
        last = last.max(today);
    }
    // A little room either side, so the first and last edges can be grabbed.
    let pad = ((last - first) / 50).max(2);
    let strip = if undated == 0 {
        0.0
    } else {
        let column = (width * 0.12).clamp(72.0, 150.0);
        (undated as f64 * column).min(width * 0.4)
    };
    Some(TimeAxis {
        first_day: first - pad,
        end_day: last + 1 + pad,
        left: strip + GAP,
        right: (width - GAP).max(strip + GAP + 1.0),
    })
}

/// Each initiative's bar, one row each under its band's head; length by effort.
fn lay_bars(
    roadmap: &Roadmap,
    members: &[Vec<usize>],
    late: &std::collections::HashSet<&InitiativeId>,
    plan: &mut TimelinePlan,
) {
    let row = plan.row;
    let gap = (row * 0.2).min(3.0);
    for (band_index, band) in plan.bands.iter().enumerate() {
        let inner = band.rect.width() - 4.0;
        for (slot, &position) in members[band.phase].iter().enumerate() {
            let initiative = &roadmap.initiatives[position];
            let top = band.rect.top + BAND_HEAD + slot as f64 * row;
            let length = inner * (0.3 + 0.7 * initiative.effort.fraction());
            let rect = Rect::new(
                band.rect.left + 2.0,
                top + gap / 2.0,
                band.rect.left + 2.0 + length.max(2.0),
                top + row - gap / 2.0,
            );
            let label = if row >= TITLE_ROW {
                fit_text(initiative.display_title(), inner - 8.0, row)
            } else {
                String::new()
            };
            let is_late = late.contains(&initiative.id);
            if let (Some(axis), Some(due)) = (plan.axis, initiative.due)
                && band.span.is_some()
            {
                plan.due_ticks.push(DueTick {
                    x: axis.x_of_day(due.day_number() + 1),
                    top: rect.top - gap / 2.0,
                    bottom: rect.bottom + gap / 2.0,
                    late: is_late,
                });
            }
            plan.bars.push(TimelineBar {
                initiative: position,
                id: initiative.id.clone(),
                band: band_index,
                rect,
                label,
                late: is_late,
            });
        }
    }
}

/// The title cut to `width` pixels of text on a row this tall (an average glyph is a little
/// over half the font size wide).
fn fit_text(title: &str, width: f64, row: f64) -> String {
    let font = font_for_row(row);
    let fits = (width / (font * 0.56)).floor().max(0.0) as usize;
    if title.chars().count() <= fits {
        title.to_string()
    } else if fits <= 1 {
        String::new()
    } else {
        let cut: String = title.chars().take(fits - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The font size for bar titles on a row of this height.
pub fn font_for_row(row: f64) -> f64 {
    (row * 0.62).clamp(9.0, 13.0)
}

/// Finish → start arrows: bar to bar, or, where bands show counts, band to band with the
/// number of dependencies between the two phases.
fn arrows(
    roadmap: &Roadmap,
    plan: &TimelinePlan,
    late: &std::collections::HashSet<&InitiativeId>,
) -> Vec<TimelineArrow> {
    let bar_of: HashMap<usize, &TimelineBar> = plan.bars.iter().map(|bar| (bar.initiative, bar)).collect();
    let band_of_phase: HashMap<usize, &TimelineBand> =
        plan.bands.iter().map(|band| (band.phase, band)).collect();
    let position = roadmap.initiative_positions();
    let phase_index = roadmap.phase_positions();
    let phase_of = |position: usize| {
        roadmap.initiatives[position]
            .phase
            .as_ref()
            .and_then(|phase| phase_index.get(phase).copied())
    };
    let mut arrows = Vec::new();
    let mut between: HashMap<(usize, usize), (usize, bool)> = HashMap::new();
    for (waiting, initiative) in roadmap.initiatives.iter().enumerate() {
        let Some(waiting_phase) = phase_of(waiting) else {
            continue;
        };
        for dependency in &initiative.dependencies {
            let Some(&awaited) = position.get(dependency) else {
                continue;
            };
            let Some(awaited_phase) = phase_of(awaited) else {
                continue;
            };
            let broken = awaited_phase > waiting_phase || late.contains(&initiative.id);
            match (bar_of.get(&awaited), bar_of.get(&waiting)) {
                (Some(from), Some(to)) => arrows.push(TimelineArrow {
                    from: (from.rect.right, mid(&from.rect)),
                    to: (to.rect.left, mid(&to.rect)),
                    broken,
                    count: 1,
                }),
                _ if awaited_phase != waiting_phase => {
                    let entry = between
                        .entry((awaited_phase, waiting_phase))
                        .or_insert((0, false));
                    entry.0 += 1;
                    entry.1 |= broken;
                }
                _ => {}
            }
        }
    }
    let mut pairs: Vec<_> = between.into_iter().collect();
    pairs.sort_by_key(|&(pair, _)| pair);
    for ((awaited, waiting), (count, broken)) in pairs {
        let (Some(from), Some(to)) = (band_of_phase.get(&awaited), band_of_phase.get(&waiting)) else {
            continue;
        };
        arrows.push(TimelineArrow {
            from: (from.rect.right, mid(&from.rect)),
            to: (to.rect.left, mid(&to.rect)),
            broken,
            count,
        });
    }
    arrows
}

fn mid(rect: &Rect) -> f64 {
    (rect.top + rect.bottom) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhaseCalendar, Score};

    fn day(text: &str) -> DueDate {
        text.parse().expect("a valid day")
    }

    const SIZE: (f64, f64) = (1000.0, 400.0);

    /// Three quarters of 2027 and one undated phase ("Later"), with `per_phase` initiatives in
    /// each dated phase.
    fn quarters(per_phase: usize) -> Roadmap {
        let mut roadmap = Roadmap::new("Data 2027");
        roadmap.schedule_phases(PhaseCalendar::Quarters {
            from: day("2027-01-01"),
        });
        let later = roadmap.add_phase(Some("Later".into()));
        roadmap.update_phase(&later, |phase| {
            phase.start = None;
            phase.end = None;
        });
        for phase in 0..3 {
            let phase_id = roadmap.phases[phase].id.clone();
            for number in 0..per_phase {
                let id = roadmap.add_initiative(format!("Initiative {phase}.{number}"));
                roadmap.assign_phase(&id, Some(phase_id.clone()));
            }
        }
        roadmap
    }

    fn band<'a>(plan: &'a TimelinePlan, name: &str) -> &'a TimelineBand {
        plan.bands
            .iter()
            .find(|band| band.name == name)
            .expect("a band of that name")
    }

    #[test]
    fn undated_phases_come_first_as_a_strip_before_the_time_axis() {
        let roadmap = quarters(2);
        let plan = plan_timeline(&roadmap, None, SIZE);
        let axis = plan.axis.expect("dated phases give a time axis");
        assert_eq!(plan.bands[0].name, "Later");
        assert_eq!(plan.bands[0].span, None);
        assert!(plan.bands[0].rect.right <= axis.left);
        for band in &plan.bands[1..] {
            let (start, end) = band.span.expect("dated");
            assert!((band.rect.left - axis.x_of(start)).abs() < 1e-9);
            assert!(band.rect.right > axis.x_of(end));
            assert!(band.rect.left >= axis.left && band.rect.right <= axis.right);
        }
    }

    #[test]
    fn consecutive_quarters_share_one_track_and_overlapping_phases_do_not() {
        let mut roadmap = quarters(1);
        let plan = plan_timeline(&roadmap, None, SIZE);
        let top = plan.bands[1].rect.top;
        assert!(plan.bands[1..].iter().all(|band| band.rect.top == top));
        // The second quarter now starts inside the first.
        let second = roadmap.phases[1].id.clone();
        roadmap.update_phase(&second, |phase| phase.start = Some(day("2027-03-01")));
        let plan = plan_timeline(&roadmap, None, SIZE);
        let (first, second) = (
            band(&plan, &roadmap.phases[0].name),
            band(&plan, &roadmap.phases[1].name),
        );
        assert!(!first.rect.overlaps(&second.rect));
        assert!(second.rect.top > first.rect.bottom);
    }

    #[test]
    fn bars_sit_inside_their_band_in_priority_order_and_grow_with_effort() {
        let mut roadmap = quarters(3);
        let ids: Vec<InitiativeId> = roadmap
            .initiatives
            .iter()
            .map(|initiative| initiative.id.clone())
            .collect();
        roadmap.update_initiative(&ids[2], |initiative| {
            initiative.urgency = crate::model::Urgency::Critical
        });
        roadmap.update_initiative(&ids[1], |initiative| initiative.effort = Score::MAX);
        let plan = plan_timeline(&roadmap, None, SIZE);
        assert_eq!(plan.bars.len(), 9);
        for bar in &plan.bars {
            assert!(bar.rect.lies_within(&plan.bands[bar.band].rect), "{bar:?}");
        }
        let first_band: Vec<&TimelineBar> = plan.bars.iter().filter(|bar| bar.band == 1).collect();
        assert_eq!(first_band[0].id, ids[2], "the critical one comes first");
        assert!(first_band[0].rect.top < first_band[1].rect.top);
        let widest = first_band
            .iter()
            .max_by(|a, b| a.rect.width().total_cmp(&b.rect.width()));
        assert_eq!(widest.map(|bar| &bar.id), Some(&ids[1]));
        assert!(
            first_band.iter().all(|bar| !bar.label.is_empty()),
            "rows are tall enough for titles"
        );
    }

    #[test]
    fn under_a_framework_bars_go_by_its_score_the_unscored_last() {
        let mut roadmap = quarters(3);
        let ids: Vec<InitiativeId> = roadmap
            .initiatives
            .iter()
            .map(|initiative| initiative.id.clone())
            .collect();
        roadmap.framework = crate::model::Framework::Ice;
        for (id, value) in [(&ids[0], 2.0), (&ids[1], 9.0)] {
            roadmap.update_initiative(id, |initiative| {
                let value = Some(crate::model::Estimate::point(value));
                initiative.ice = crate::model::IceInputs {
                    impact: value,
                    confidence: value,
                    ease: value,
                };
            });
        }
        let first_band = |roadmap: &Roadmap| -> Vec<InitiativeId> {
            let plan = plan_timeline(roadmap, None, SIZE);
            let mut bars: Vec<&TimelineBar> = plan.bars.iter().filter(|bar| bar.band == 1).collect();
            bars.sort_by(|a, b| a.rect.top.total_cmp(&b.rect.top));
            bars.into_iter().map(|bar| bar.id.clone()).collect()
        };
        assert_eq!(
            first_band(&roadmap),
            [ids[1].clone(), ids[0].clone(), ids[2].clone()]
        );
        roadmap.framework = crate::model::Framework::EffortImpact;
        assert_eq!(first_band(&roadmap), ids[..3]);
    }

    #[test]
    fn bars_thinner_than_two_pixels_are_counted_per_phase_instead() {
        let roadmap = quarters(400);
        let plan = plan_timeline(&roadmap, None, SIZE);
        assert!(!plan.shows_bars());
        assert!(plan.bands.iter().all(|band| band.aggregated));
        assert_eq!(band(&plan, &roadmap.phases[0].name).count, 400);
        let thin = plan_timeline(&quarters(30), None, SIZE);
        assert!(thin.shows_bars());
        assert!(thin.row >= ROW_LEAST);
    }

    #[test]
    fn a_dependency_in_the_wrong_order_is_a_red_arrow_finish_to_start() {
        let mut roadmap = quarters(1);
        let waiting = roadmap.initiatives[0].id.clone(); // in the first quarter
        let awaited = roadmap.initiatives[2].id.clone(); // in the third
        roadmap.set_dependency(&waiting, &awaited, true);
        let plan = plan_timeline(&roadmap, None, SIZE);
        let bar = |id: &InitiativeId| plan.bars.iter().find(|bar| &bar.id == id).expect("a bar");
        assert_eq!(plan.arrows.len(), 1);
        let arrow = &plan.arrows[0];
        assert!(arrow.broken);
        assert_eq!(arrow.from.0, bar(&awaited).rect.right);
        assert_eq!(arrow.to.0, bar(&waiting).rect.left);
        // Waiting in the last quarter instead, it is met.
        let last = roadmap.phases[2].id.clone();
        roadmap.assign_phase(&waiting, Some(last));
        let plan = plan_timeline(&roadmap, None, SIZE);
        assert!(!plan.arrows[0].broken);
    }

    #[test]
    fn a_due_date_before_the_phase_ends_makes_the_bar_and_its_arrows_red() {
        let mut roadmap = quarters(1);
        let (first, second) = (
            roadmap.initiatives[0].id.clone(),
            roadmap.initiatives[1].id.clone(),
        );
        roadmap.set_dependency(&second, &first, true);
        roadmap.update_initiative(&second, |initiative| initiative.due = Some(day("2027-05-01")));
        let plan = plan_timeline(&roadmap, None, SIZE);
        let late = plan.bars.iter().find(|bar| bar.id == second).expect("a bar");
        assert!(late.late);
        assert!(plan.arrows[0].broken);
        assert_eq!(plan.due_ticks.len(), 1);
        let axis = plan.axis.expect("dated");
        assert!((plan.due_ticks[0].x - axis.x_of(day("2027-05-02"))).abs() < 1e-9);
        assert!(plan.due_ticks[0].late);
    }

    #[test]
    fn aggregated_bands_draw_one_arrow_per_pair_of_phases_with_its_count() {
        let mut roadmap = quarters(400);
        let in_first: Vec<InitiativeId> = roadmap.initiatives[..3]
            .iter()
            .map(|initiative| initiative.id.clone())
            .collect();
        let in_second = roadmap.initiatives[400].id.clone();
        for id in &in_first {
            roadmap.set_dependency(id, &in_second, true);
        }
        let plan = plan_timeline(&roadmap, None, SIZE);
        assert_eq!(plan.arrows.len(), 1);
        assert_eq!(plan.arrows[0].count, 3);
        assert!(plan.arrows[0].broken);
    }

    #[test]
    fn today_is_drawn_near_the_plan_and_left_out_far_from_it() {
        let roadmap = quarters(1);
        let near = plan_timeline(&roadmap, Some(day("2026-12-03")), SIZE);
        let axis = near.axis.expect("dated");
        assert_eq!(near.today, Some(axis.x_of(day("2026-12-03"))));
        let far = plan_timeline(&roadmap, Some(day("2030-01-01")), SIZE);
        assert_eq!(far.today, None);
    }

    #[test]
    fn without_dates_the_strip_is_the_whole_picture() {
        let mut roadmap = Roadmap::new("Now next later");
        for (phase, name) in roadmap.phases.iter_mut().zip(["Now", "Next", "Later"]) {
            phase.name = name.into();
        }
        let plan = plan_timeline(&roadmap, Some(day("2027-01-01")), SIZE);
        assert_eq!(plan.axis, None);
        assert_eq!(plan.today, None);
        let names: Vec<&str> = plan.bands.iter().map(|band| band.name.as_str()).collect();
        assert_eq!(names, ["Now", "Next", "Later"]);
        assert!(
            plan.bands
                .windows(2)
                .all(|pair| pair[0].rect.right < pair[1].rect.left)
        );
        assert!(plan.bands.last().is_some_and(|band| band.rect.right <= SIZE.0));
    }

    #[test]
    fn the_day_under_a_point_is_the_inverse_of_where_a_day_is_drawn() {
        let plan = plan_timeline(&quarters(1), None, SIZE);
        let axis = plan.axis.expect("dated");
        for text in ["2027-01-01", "2027-02-28", "2027-07-15", "2027-09-30"] {
            assert_eq!(axis.day_at(axis.x_of(day(text))), Some(day(text)));
        }
    }

    #[test]
    fn the_band_under_a_point_is_found_for_a_drop() {
        let roadmap = quarters(2);
        let plan = plan_timeline(&roadmap, None, SIZE);
        for band in &plan.bands {
            let centre = (
                (band.rect.left + band.rect.right) / 2.0,
                (band.rect.top + band.rect.bottom) / 2.0,
            );
            assert_eq!(
                plan.band_at(centre.0, centre.1).map(|found| found.phase),
                Some(band.phase)
            );
        }
        assert_eq!(plan.band_at(10.0, 1.0), None, "the axis is no band");
    }

    #[test]
    fn axis_ticks_are_months_quarters_or_years_as_room_allows() {
        let roadmap = quarters(1);
        let wide = plan_timeline(&roadmap, None, (1600.0, 400.0));
        let labels: Vec<String> = wide
            .axis
            .expect("dated")
            .ticks()
            .into_iter()
            .map(|(_, label)| label)
            .collect();
        assert_eq!(labels.first().map(String::as_str), Some("Jan 2027"));
        assert!(labels.contains(&"Sep 2027".to_string()));
        let narrow = plan_timeline(&roadmap, None, (420.0, 400.0));
        let labels: Vec<String> = narrow
            .axis
            .expect("dated")
            .ticks()
            .into_iter()
            .map(|(_, label)| label)
            .collect();
        assert_eq!(labels[..3], ["Q1 2027", "Q2 2027", "Q3 2027"]);
    }

    #[test]
    fn the_height_grows_with_rows_within_its_bounds() {
        let height = |roadmap: &Roadmap| {
            let planned = plan_timeline_fitted(roadmap, None, SIZE.0).size.1;
            assert_eq!(
                timeline_height(roadmap),
                planned,
                "the room kept is the room drawn"
            );
            planned
        };
        assert_eq!(height(&Roadmap::new("Empty")), HEIGHT_LEAST);
        let ten = height(&quarters(10));
        assert!(ten > HEIGHT_LEAST && ten < HEIGHT_MOST, "{ten}");
        assert_eq!(height(&quarters(200)), HEIGHT_MOST);
    }

    #[test]
    fn long_titles_are_cut_to_their_bar() {
        assert_eq!(fit_text("Churn model", 500.0, 20.0), "Churn model");
        let cut = fit_text("A very long initiative title that runs on and on", 80.0, 20.0);
        assert!(cut.ends_with('…') && cut.chars().count() < 15, "{cut}");
    }
}
