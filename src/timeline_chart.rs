//! The Timeline chart drawn with plotters from a [`TimelinePlan`]: the page's canvas, the SVG
//! export (a string) and the PNG export share it. No browser code here, so the drawing is
//! tested natively through the SVG backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::{Scale, Theme};
use crate::model::{AXIS_HEIGHT, BAND_HEAD, TimelineArrow, TimelineBand, TimelinePlan, font_for_row};

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// `share` of `over` laid on `under`: the tints of bands and bars.
fn mix(under: RGBColor, over: RGBColor, share: f64) -> RGBColor {
    let blend = |a: u8, b: u8| (f64::from(a) * (1.0 - share) + f64::from(b) * share).round() as u8;
    RGBColor(
        blend(under.0, over.0),
        blend(under.1, over.1),
        blend(under.2, over.2),
    )
}

/// Draws the plan (laid out in CSS pixels) at `scale`.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plan: &TimelinePlan,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    area.fill(&theme.background)?;
    let at = |(x, y): (f64, f64)| (scale.px(x), scale.px(y));
    draw_axis(area, plan, theme, scale)?;
    for band in &plan.bands {
        draw_band(area, band, theme, scale)?;
    }
    let bar_font = scale.font(font_for_row(plan.row), &theme.ink);
    for bar in &plan.bars {
        let band = &plan.bands[bar.band];
        let color = theme.phase(Some(band.phase));
        let (left, top) = at((bar.rect.left, bar.rect.top));
        let (right, bottom) = at((bar.rect.right, bar.rect.bottom));
        area.draw(&Rectangle::new(
            [(left, top), (right, bottom)],
            mix(theme.background, color, 0.38).filled(),
        ))?;
        let accent = scale.px(3.0).max(1);
        area.draw(&Rectangle::new(
            [(left, top), (left + accent, bottom)],
            color.filled(),
        ))?;
        if bar.late {
            area.draw(&Rectangle::new(
                [(left, top), (right, bottom)],
                theme.over.stroke_width(scale.px(1.5).max(1) as u32),
            ))?;
        }
        if !bar.label.is_empty() {
            let middle = (top + bottom) / 2;
            area.draw(&Text::new(
                bar.label.clone(),
                (left + accent + scale.px(4.0), middle),
                bar_font.pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    for tick in &plan.due_ticks {
        let color = if tick.late { theme.over } else { theme.ink };
        let x = scale.px(tick.x);
        area.draw(&PathElement::new(
            vec![(x, scale.px(tick.top)), (x, scale.px(tick.bottom))],
            color.stroke_width(scale.px(2.0).max(1) as u32),
        ))?;
    }
    for arrow in &plan.arrows {
        draw_arrow(area, arrow, plan.row, theme, scale)?;
    }
    if let Some(today) = plan.today {
        let x = scale.px(today);
        let color = theme.phases[4];
        area.draw(&PathElement::new(
            vec![(x, scale.px(AXIS_HEIGHT - 6.0)), (x, scale.px(plan.size.1))],
            color.stroke_width(scale.px(1.5).max(1) as u32),
        ))?;
        // At the foot of the line, clear of the axis labels.
        area.draw(&Text::new(
            "Today",
            (x + scale.px(3.0), scale.px(plan.size.1 - 4.0)),
            scale.font(11.0, &color).pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))?;
    }
    area.present()
}

/// The time axis: a faint line and a label per month, quarter or year; "Undated" over the strip.
fn draw_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plan: &TimelinePlan,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let label = scale
        .font(11.0, &theme.muted)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    let bottom = scale.px(plan.size.1);
    if let Some(axis) = plan.axis {
        for (x, text) in axis.ticks() {
            // A label that would run off the right edge is left off (its line stays).
            let fits = x + 3.0 + text.chars().count() as f64 * 11.0 * 0.56 <= plan.size.0;
            let x = scale.px(x);
            area.draw(&PathElement::new(
                vec![(x, scale.px(AXIS_HEIGHT - 4.0)), (x, bottom)],
                theme.line.stroke_width(scale.px(1.0).max(1) as u32),
            ))?;
            if fits {
                area.draw(&Text::new(
                    text,
                    (x + scale.px(3.0), scale.px(AXIS_HEIGHT - 6.0)),
                    label.clone(),
                ))?;
            }
        }
    }
    let strip = plan.bands.iter().filter(|band| band.span.is_none());
    if let Some(first) = strip.clone().next() {
        let text = if plan.axis.is_some() {
            "Undated"
        } else {
            "Undated phases"
        };
        area.draw(&Text::new(
            text,
            (scale.px(first.rect.left), scale.px(AXIS_HEIGHT - 6.0)),
            label.clone(),
        ))?;
    }
    Ok(())
}

/// A phase's band: a tint in its colour, its name (and count when its bars are not drawn).
fn draw_band<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    band: &TimelineBand,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let color = theme.phase(Some(band.phase));
    let (left, top) = (scale.px(band.rect.left), scale.px(band.rect.top));
    let (right, bottom) = (scale.px(band.rect.right), scale.px(band.rect.bottom));
    area.draw(&Rectangle::new(
        [(left, top), (right, bottom)],
        mix(theme.background, color, 0.1).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(left, top), (right, bottom)],
        color.stroke_width(scale.px(1.0).max(1) as u32),
    ))?;
    let head = match (band.aggregated, band.count) {
        (true, 1) => format!("{} · 1 initiative", band.name),
        (true, count) => format!("{} · {count} initiatives", band.name),
        (false, _) => band.name.clone(),
    };
    let room = (band.rect.width() - 8.0).max(0.0);
    let fits = (room / (12.0 * 0.56)).floor() as usize;
    let head = if head.chars().count() <= fits {
        head
    } else if fits > 1 {
        let cut: String = head.chars().take(fits - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        String::new()
    };
    area.draw(&Text::new(
        head,
        (left + scale.px(4.0), top + scale.px(BAND_HEAD / 2.0)),
        scale
            .font(12.0, &theme.ink)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))
}

/// A finish → start arrow: across, down or up, across, with its head at the start of what
/// waits; a count where it stands for several dependencies.
fn draw_arrow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    arrow: &TimelineArrow,
    row: f64,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let color = if arrow.broken { theme.over } else { theme.met };
    let ((x1, y1), (x2, y2)) = (arrow.from, arrow.to);
    let step = 8.0;
    let path: Vec<(f64, f64)> = if x2 >= x1 + 2.0 * step {
        let middle = (x1 + x2) / 2.0;
        vec![(x1, y1), (middle, y1), (middle, y2), (x2, y2)]
    } else {
        // Backwards: out to the right, along the gap between rows, back in from the left.
        // Along the gap next to the dependant's row, on the side the other bar is not.
        let between = if y2 > y1 { y2 - row / 2.0 } else { y2 + row / 2.0 };
        vec![
            (x1, y1),
            (x1 + step, y1),
            (x1 + step, between),
            (x2 - step, between),
            (x2 - step, y2),
            (x2, y2),
        ]
    };
    let width = scale.px(if arrow.broken { 2.0 } else { 1.5 }).max(1) as u32;
    area.draw(&PathElement::new(
        path.iter()
            .map(|&(x, y)| (scale.px(x), scale.px(y)))
            .collect::<Vec<_>>(),
        color.stroke_width(width),
    ))?;
    let head = 6.0;
    area.draw(&Polygon::new(
        vec![
            (scale.px(x2), scale.px(y2)),
            (scale.px(x2 - head), scale.px(y2 - head / 2.0)),
            (scale.px(x2 - head), scale.px(y2 + head / 2.0)),
        ],
        color.filled(),
    ))?;
    if arrow.count > 1 {
        let (x, y) = path[path.len() / 2];
        area.draw(&Text::new(
            format!("×{}", arrow.count),
            (scale.px(x + 3.0), scale.px(y - 3.0)),
            scale.font(11.0, &color).pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))?;
    }
    Ok(())
}

/// The timeline as an SVG document, for "Export timeline SVG": the plan is laid out at 800 CSS
/// pixels wide and drawn at twice that.
pub fn timeline_svg(plan: &TimelinePlan) -> Result<String, String> {
    let size = export_size(plan);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_timeline(&area, plan, &Theme::LIGHT, Scale(EXPORT_SCALE)).map_err(|error| error.to_string())?;
    }
    Ok(svg)
}

/// Exported pictures are drawn at this multiple of the plan's size.
pub const EXPORT_SCALE: f64 = 2.0;
/// The width (CSS pixels) exports are laid out at.
pub const EXPORT_WIDTH: f64 = 800.0;

/// The pixel size of an exported picture of `plan`.
pub fn export_size(plan: &TimelinePlan) -> (u32, u32) {
    let (width, height) = plan.size;
    (
        (width * EXPORT_SCALE).round() as u32,
        (height * EXPORT_SCALE).round() as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DueDate, PhaseCalendar, Roadmap, plan_timeline};

    fn planned() -> Roadmap {
        let mut roadmap = Roadmap::new("Data 2027");
        roadmap.schedule_phases(PhaseCalendar::Quarters {
            from: "2027-01-01".parse().expect("a day"),
        });
        let first = roadmap.phases[0].id.clone();
        let last = roadmap.phases[2].id.clone();
        let churn = roadmap.add_initiative("Churn model");
        let lake = roadmap.add_initiative("Data Lake <raw>");
        roadmap.assign_phase(&churn, Some(first));
        roadmap.assign_phase(&lake, Some(last));
        roadmap.set_dependency(&churn, &lake, true);
        roadmap
    }

    fn svg_of(roadmap: &Roadmap) -> String {
        let today: Option<DueDate> = "2027-02-01".parse().ok();
        let plan = plan_timeline(roadmap, today, (EXPORT_WIDTH, 300.0));
        timeline_svg(&plan).expect("an SVG")
    }

    #[test]
    fn the_svg_names_phases_and_bars_escapes_titles_and_draws_a_red_arrow_for_a_broken_order() {
        let svg = svg_of(&planned());
        assert!(
            svg.starts_with("<svg") && svg.contains(r#"width="1600""#),
            "{}",
            &svg[..80]
        );
        for text in [
            "Phase 1",
            "Phase 3",
            "Churn model",
            "Data Lake &lt;raw&gt;",
            "Today",
            "Jan 2027",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        let red = format!(
            "#{:02X}{:02X}{:02X}",
            Theme::LIGHT.over.0,
            Theme::LIGHT.over.1,
            Theme::LIGHT.over.2
        );
        let green = format!(
            "#{:02X}{:02X}{:02X}",
            Theme::LIGHT.met.0,
            Theme::LIGHT.met.1,
            Theme::LIGHT.met.2
        );
        assert!(svg.contains(&red), "a broken arrow is red");
        assert!(!svg.contains(&green));
    }

    #[test]
    fn a_met_dependency_is_green() {
        let mut roadmap = planned();
        let (churn, middle) = (roadmap.initiatives[0].id.clone(), roadmap.phases[2].id.clone());
        roadmap.assign_phase(&churn, Some(middle));
        let svg = svg_of(&roadmap);
        let green = format!(
            "#{:02X}{:02X}{:02X}",
            Theme::LIGHT.met.0,
            Theme::LIGHT.met.1,
            Theme::LIGHT.met.2
        );
        let red = format!(
            "#{:02X}{:02X}{:02X}",
            Theme::LIGHT.over.0,
            Theme::LIGHT.over.1,
            Theme::LIGHT.over.2
        );
        assert!(svg.contains(&green));
        assert!(!svg.contains(&red));
    }

    #[test]
    fn counted_bands_say_how_many_initiatives_they_hold() {
        let mut roadmap = planned();
        let first = roadmap.phases[0].id.clone();
        for number in 0..600 {
            let id = roadmap.add_initiative(format!("Bulk {number}"));
            roadmap.assign_phase(&id, Some(first.clone()));
        }
        let svg = svg_of(&roadmap);
        assert!(
            svg.contains("601 initiatives"),
            "the first quarter shows its count"
        );
        assert!(!svg.contains("Bulk 1<"), "no bar is drawn one by one");
    }
}
