//! The Insight charts drawn with plotters on any backend: the page's canvases, the SVG export
//! (a string) and the PNG export (a presentation-size canvas). No browser code here, so the
//! drawing is tested natively through the SVG backend.

use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::model::{
    AreaCoverage, BoardGeometry, BoardItem, BoardMark, BoardPlan, Counts, MATURITY_MAX, MATURITY_STEPS,
    MatrixPoint, MaturityAspect, MaturityAudit, MaturityGroup, PhaseFigures, PlacedLabel, Quadrant,
    QuadrantSplit, Rect, Urgency, plan_board,
};

/// Colours for one colour scheme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub line: RGBColor,
    /// Quadrant tints in `Quadrant::ALL` order.
    pub quadrants: [RGBColor; 4],
    /// Phase colours, repeated when there are more phases; unphased points use `muted`.
    pub phases: [RGBColor; 6],
    pub over: RGBColor,
    /// A promise kept: a met dependency on the timeline.
    pub met: RGBColor,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        ink: RGBColor(27, 31, 42),
        muted: RGBColor(89, 98, 116),
        line: RGBColor(214, 219, 228),
        quadrants: [
            RGBColor(229, 246, 236),
            RGBColor(230, 239, 255),
            RGBColor(241, 242, 245),
            RGBColor(253, 236, 234),
        ],
        phases: [
            RGBColor(79, 70, 229),
            RGBColor(13, 148, 136),
            RGBColor(217, 119, 6),
            RGBColor(190, 24, 93),
            RGBColor(37, 99, 235),
            RGBColor(101, 163, 13),
        ],
        over: RGBColor(185, 28, 28),
        met: RGBColor(21, 128, 61),
    };

    pub const DARK: Theme = Theme {
        background: RGBColor(24, 28, 38),
        ink: RGBColor(230, 233, 240),
        muted: RGBColor(156, 164, 180),
        line: RGBColor(55, 62, 78),
        quadrants: [
            RGBColor(18, 41, 29),
            RGBColor(22, 33, 58),
            RGBColor(33, 37, 46),
            RGBColor(52, 24, 24),
        ],
        phases: [
            RGBColor(165, 160, 255),
            RGBColor(94, 234, 212),
            RGBColor(251, 191, 36),
            RGBColor(244, 114, 182),
            RGBColor(147, 197, 253),
            RGBColor(190, 242, 100),
        ],
        over: RGBColor(248, 113, 113),
        met: RGBColor(74, 222, 128),
    };

    pub(crate) fn phase(&self, phase: Option<usize>) -> RGBColor {
        phase.map_or(self.muted, |index| self.phases[index % self.phases.len()])
    }
}

/// Sizes in CSS pixels times `scale` (the device pixel ratio, or larger for export).
#[derive(Clone, Copy, Debug)]
pub struct Scale(pub f64);

impl Scale {
    pub(crate) fn px(self, css: f64) -> i32 {
        (css * self.0).round() as i32
    }

    pub(crate) fn font(self, css: f64, color: &RGBColor) -> TextStyle<'static> {
        ("sans-serif", css * self.0).into_font().color(color)
    }
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Short names for the legend of marker shapes.
fn urgency_shape(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::None => "● none",
        Urgency::Low => "■ low",
        Urgency::Medium => "▲ medium",
        Urgency::High => "◆ high",
        Urgency::Critical => "▼ critical",
    }
}

/// A title cut to fit a label.
fn short(title: &str) -> String {
    const MAX: usize = 24;
    if title.chars().count() <= MAX {
        title.to_string()
    } else {
        let cut: String = title.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The effort-vs-impact chart: quadrants at the roadmap's split, one marker per initiative
/// (colour: phase; shape: urgency; ring: quick win) at its exact scores, coinciding ones gathered
/// into a "+N" chip, and as many titles as fit without overlapping (the board's placement rule,
/// [`plan_board`]).
pub fn draw_matrix<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[MatrixPoint],
    split: QuadrantSplit,
    phase_names: &[String],
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    area.fill(&theme.background)?;
    let (width, _) = area.dim_in_pixel();
    let legend_height = scale.px(38.0);
    let (plot_area, legend_area) = area.split_vertically(area.dim_in_pixel().1 as i32 - legend_height);
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(scale.px(10.0))
        .caption("Effort vs impact", scale.font(16.0, &theme.ink))
        .x_label_area_size(scale.px(34.0))
        .y_label_area_size(scale.px(34.0))
        .build_cartesian_2d(1f64..10f64, 1f64..10f64)?;
    draw_quadrants(&mut chart, split, theme, scale)?;

    let style = MatrixStyle::new(theme, scale);
    let titles: Vec<String> = points.iter().map(|point| short(&point.title)).collect();
    // Drawn in pixels from here, relative to the whole area.
    let board = area.strip_coord_spec();
    let layout = plan_marks(&chart, points, &titles, style, board.get_base_pixel());
    draw_leaders(&board, &layout, style)?;
    draw_marks(&board, &layout, points, &titles, style)?;
    draw_legend(&legend_area, phase_names, style, (width as i32, legend_height))?;
    area.present()
}

/// The matrix's chart: effort across and impact up, both 1–10.
type MatrixChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Where each quadrant's name goes: its outer corner, and how the text hangs from it.
fn quadrant_corner(quadrant: Quadrant) -> ((f64, f64), Pos) {
    match quadrant {
        Quadrant::QuickWins => ((1.1, 9.85), Pos::new(HPos::Left, VPos::Top)),
        Quadrant::BigBets => ((9.9, 9.85), Pos::new(HPos::Right, VPos::Top)),
        Quadrant::FillIns => ((1.1, 1.15), Pos::new(HPos::Left, VPos::Bottom)),
        Quadrant::MoneyPits => ((9.9, 1.15), Pos::new(HPos::Right, VPos::Bottom)),
    }
}

/// The quadrant tints, the axes, the split lines and the quadrant names.
fn draw_quadrants<DB: DrawingBackend>(
    chart: &mut MatrixChart<'_, DB>,
    split: QuadrantSplit,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let (effort_split, impact_split) = (split.effort.value(), split.impact.value());
    let quadrant_boxes = [
        ((1.0, impact_split), (effort_split, 10.0)),
        ((effort_split, impact_split), (10.0, 10.0)),
        ((1.0, 1.0), (effort_split, impact_split)),
        ((effort_split, 1.0), (10.0, impact_split)),
    ];
    chart.draw_series(
        quadrant_boxes
            .iter()
            .zip(theme.quadrants)
            .map(|((from, to), color)| Rectangle::new([*from, *to], color.filled())),
    )?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc("Effort →")
        .y_desc("Impact →")
        .x_labels(10)
        .y_labels(10)
        .axis_style(theme.muted)
        .label_style(scale.font(11.0, &theme.muted))
        .axis_desc_style(scale.font(12.0, &theme.ink))
        .x_label_formatter(&|value| format!("{value:.0}"))
        .y_label_formatter(&|value| format!("{value:.0}"))
        .draw()?;
    let split_style = theme.muted.stroke_width(scale.px(1.0).max(1) as u32);
    chart.draw_series([
        PathElement::new(vec![(effort_split, 1.0), (effort_split, 10.0)], split_style),
        PathElement::new(vec![(1.0, impact_split), (10.0, impact_split)], split_style),
    ])?;
    // Quadrant names in their outer corners.
    chart.draw_series(Quadrant::ALL.into_iter().map(|quadrant| {
        let (at, anchor) = quadrant_corner(quadrant);
        Text::new(quadrant.label(), at, scale.font(12.0, &theme.muted).pos(anchor))
    }))?;
    Ok(())
}

/// The colours, the scale and the marker sizes in device pixels, shared by the matrix's steps.
#[derive(Clone, Copy)]
struct MatrixStyle<'a> {
    theme: &'a Theme,
    scale: Scale,
    radius: i32,
    /// How far the quick-win ring sits outside the marker.
    ring: i32,
    /// The label font's size.
    font_px: f64,
}

impl<'a> MatrixStyle<'a> {
    /// The sizes for `scale`: markers never shrink below 3 pixels.
    fn new(theme: &'a Theme, scale: Scale) -> MatrixStyle<'a> {
        MatrixStyle {
            theme,
            scale,
            radius: scale.px(5.0).max(3),
            ring: scale.px(3.0),
            font_px: 12.0 * scale.0,
        }
    }

    /// A text's width in the label font, estimated from its length.
    fn text_width(&self, text: &str) -> f64 {
        text.chars().count() as f64 * self.font_px * 0.55
    }
}

/// The board's plan for the matrix, and where the plot's top-left corner sits.
struct MatrixLayout {
    plan: BoardPlan,
    geometry: BoardGeometry,
    /// The plot's corner in backend pixels.
    corner: (f64, f64),
    /// The drawing area's own origin in backend pixels.
    base: (i32, i32),
}

impl MatrixLayout {
    /// A point of the plan (pixels from the plot's corner) in the drawing area's pixels.
    fn at_pixel(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            (self.corner.0 + x).round() as i32 - self.base.0,
            (self.corner.1 + y).round() as i32 - self.base.1,
        )
    }
}

/// Places marks, chips and titles by the board's rule, keeping the quadrant names clear.
fn plan_marks<DB: DrawingBackend>(
    chart: &MatrixChart<'_, DB>,
    points: &[MatrixPoint],
    titles: &[String],
    style: MatrixStyle<'_>,
    base: (i32, i32),
) -> MatrixLayout {
    let pixel = |at: (f64, f64)| {
        let (x, y) = chart.backend_coord(&at);
        (f64::from(x), f64::from(y))
    };
    // The board's rule places marks, chips and titles; the chart's axes map 1–10 onto the
    // plot exactly, so no inset.
    let (plot_left, plot_top) = pixel((1.0, 10.0));
    let (plot_right, plot_bottom) = pixel((10.0, 1.0));
    let geometry = BoardGeometry {
        width: plot_right - plot_left,
        height: plot_bottom - plot_top,
        inset: 0.0,
        mark_radius: f64::from(style.radius + style.ring),
        label_height: style.font_px * 1.2,
        gap: f64::from(style.scale.px(2.0).max(1)),
    };
    let obstacles = quadrant_name_boxes(pixel, (plot_left, plot_top), style);
    let marks: Vec<BoardMark> = points
        .iter()
        .zip(titles)
        .map(|(point, title)| BoardMark {
            label: title,
            label_width: style.text_width(title),
            effort: point.effort,
            impact: point.impact,
            urgency: point.urgency,
            quick_win: point.quick_win,
        })
        .collect();
    MatrixLayout {
        plan: plan_board(&marks, &geometry, &obstacles),
        geometry,
        corner: (plot_left, plot_top),
        base,
    }
}

/// The boxes the quadrant names take, relative to the plot's `corner`: they keep their
/// corners, so no title goes over them.
fn quadrant_name_boxes(
    pixel: impl Fn((f64, f64)) -> (f64, f64),
    (plot_left, plot_top): (f64, f64),
    style: MatrixStyle<'_>,
) -> Vec<Rect> {
    Quadrant::ALL
        .into_iter()
        .map(|quadrant| {
            let (at, anchor) = quadrant_corner(quadrant);
            let (x, y) = pixel(at);
            let (width, height) = (style.text_width(quadrant.label()), style.font_px * 1.3);
            let left = if matches!(anchor.h_pos, HPos::Left) {
                x
            } else {
                x - width
            };
            let top = if matches!(anchor.v_pos, VPos::Top) {
                y
            } else {
                y - height
            };
            Rect::new(
                left - plot_left,
                top - plot_top,
                left - plot_left + width,
                top - plot_top + height,
            )
        })
        .collect()
}

/// The leader lines of titles set further out, under everything else.
fn draw_leaders<DB: DrawingBackend>(
    board: &DrawingArea<DB, Shift>,
    layout: &MatrixLayout,
    style: MatrixStyle<'_>,
) -> Drawn<DB> {
    let thin = style.theme.muted.stroke_width(1);
    for item in &layout.plan.items {
        if let BoardItem::Mark {
            label:
                Some(PlacedLabel {
                    leader: Some((from, to)),
                    ..
                }),
            ..
        } = item
        {
            board.draw(&PathElement::new(
                vec![layout.at_pixel(*from), layout.at_pixel(*to)],
                thin,
            ))?;
        }
    }
    Ok(())
}

/// Each mark with its title, and each chip with its count, in the plan's order.
fn draw_marks<DB: DrawingBackend>(
    board: &DrawingArea<DB, Shift>,
    layout: &MatrixLayout,
    points: &[MatrixPoint],
    titles: &[String],
    style: MatrixStyle<'_>,
) -> Drawn<DB> {
    let (theme, scale) = (style.theme, style.scale);
    let label_font = scale
        .font(12.0, &theme.ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let chip_radius = layout.geometry.chip_radius().round() as i32;
    let chip_font = scale
        .font(10.0, &theme.background)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for item in &layout.plan.items {
        match item {
            BoardItem::Mark { index, at, label } => {
                draw_marker(board, &points[*index], layout.at_pixel(*at), style)?;
                if let Some(label) = label {
                    let middle = (label.rect.top + label.rect.bottom) / 2.0;
                    board.draw(&Text::new(
                        titles[*index].clone(),
                        layout.at_pixel((label.rect.left, middle)),
                        label_font.clone(),
                    ))?;
                }
            }
            // Initiatives that coincide: one chip with their count.
            BoardItem::Cluster { members, at } => {
                let centre = layout.at_pixel(*at);
                board.draw(&Circle::new(centre, chip_radius, theme.ink.filled()))?;
                board.draw(&Text::new(
                    format!("+{}", members.len()),
                    centre,
                    chip_font.clone(),
                ))?;
            }
        }
    }
    Ok(())
}

/// One initiative's marker at `centre`: its quick-win ring, and its phase colour in the
/// shape of its urgency.
fn draw_marker<DB: DrawingBackend>(
    board: &DrawingArea<DB, Shift>,
    point: &MatrixPoint,
    centre: (i32, i32),
    style: MatrixStyle<'_>,
) -> Drawn<DB> {
    let (theme, r) = (style.theme, style.radius);
    let at = EmptyElement::at(centre);
    if point.quick_win {
        let ring = theme.ink.stroke_width(style.scale.px(1.5).max(1) as u32);
        board.draw(&Circle::new(centre, r + style.ring, ring))?;
    }
    // A marker shape per urgency level, so urgency never relies on colour.
    let fill = theme.phase(point.phase).filled();
    match point.urgency {
        Urgency::None => board.draw(&(at + Circle::new((0, 0), r, fill)))?,
        Urgency::Low => board.draw(&(at + Rectangle::new([(-r, -r), (r, r)], fill)))?,
        Urgency::Medium => {
            board.draw(&(at + Polygon::new(vec![(0, -r - 1), (r + 1, r), (-r - 1, r)], fill)))?
        }
        Urgency::High => {
            board.draw(&(at + Polygon::new(vec![(0, -r - 2), (r + 2, 0), (0, r + 2), (-r - 2, 0)], fill)))?
        }
        Urgency::Critical => {
            board.draw(&(at + Polygon::new(vec![(-r - 1, -r), (r + 1, -r), (0, r + 2)], fill)))?
        }
    }
    Ok(())
}

/// The legend row: phase colours, then urgency shapes and the quick-win ring, as many as fit
/// the area's `width`.
fn draw_legend<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    phase_names: &[String],
    style: MatrixStyle<'_>,
    (width, legend_height): (i32, i32),
) -> Drawn<DB> {
    let (theme, scale, radius) = (style.theme, style.scale, style.radius);
    let mut x = scale.px(12.0);
    let y = legend_height / 2;
    let legend_font = scale
        .font(11.0, &theme.ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut entries: Vec<(String, Option<RGBColor>)> = phase_names
        .iter()
        .enumerate()
        .map(|(index, name)| (short(name), Some(theme.phase(Some(index)))))
        .collect();
    entries.push(("Unphased".to_string(), Some(theme.muted)));
    entries.extend(Urgency::ALL.map(|urgency| (urgency_shape(urgency).to_string(), None)));
    entries.push(("◯ quick win".to_string(), None));
    for (label, color) in entries {
        if let Some(color) = color {
            legend_area.draw(&Rectangle::new(
                [(x, y - radius), (x + 2 * radius, y + radius)],
                color.filled(),
            ))?;
            x += 2 * radius + scale.px(4.0);
        }
        legend_area.draw(&Text::new(label.clone(), (x, y), legend_font.clone()))?;
        x += (label.chars().count() as f64 * style.font_px * 0.6) as i32 + scale.px(14.0);
        if x > width {
            break;
        }
    }
    Ok(())
}

/// Per phase: total effort against its capacity (a marked line; "over by" in words when
/// exceeded) and total impact.
pub fn draw_phase_load<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    phases: &[PhaseFigures],
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    area.fill(&theme.background)?;
    let chart = phase_load_chart(area, phases, theme, scale)?;
    // Bars are laid out in pixels inside each phase's segment: effort left, impact right.
    let plot = area.strip_coord_spec();
    let (base_x, base_y) = plot.get_base_pixel();
    let pixel = |at: (SegmentValue<usize>, f64)| {
        let (x, y) = chart.backend_coord(&at);
        (x - base_x, y - base_y)
    };
    let value_font = scale
        .font(12.0, &theme.ink)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    for (index, phase) in phases.iter().enumerate() {
        let (x0, floor) = pixel((SegmentValue::Exact(index), 0.0));
        let (x1, _) = pixel((SegmentValue::Exact(index + 1), 0.0));
        let gap = (x1 - x0) / 8;
        let slot = PhaseSlot {
            effort_left: x0 + gap,
            bar: (x1 - x0 - 3 * gap) / 2,
            gap,
            floor,
        };
        let height = |value: f64| pixel((SegmentValue::Exact(index), value)).1;
        draw_phase_bars(&plot, &slot, height, phase, theme.phase(Some(index)), &value_font)?;
        if let Some(capacity) = phase.capacity {
            draw_capacity(&plot, &slot, height(capacity), phase, capacity, theme, scale)?;
        }
    }
    draw_load_legend(&plot, area.dim_in_pixel().0 as i32, theme, scale)?;
    area.present()
}

/// The phase-load chart's frame: one segment per phase, points up to a quarter above the
/// largest figure, with its caption, axes and grid lines.
fn phase_load_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    phases: &[PhaseFigures],
    theme: &Theme,
    scale: Scale,
) -> Result<PhaseLoadChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let top = phases
        .iter()
        .map(|phase| phase.effort.max(phase.impact).max(phase.capacity.unwrap_or(0.0)))
        .fold(10.0, f64::max)
        * 1.25;
    let count = phases.len().max(1);
    let mut chart = ChartBuilder::on(area)
        .margin(scale.px(10.0))
        .caption("Phase load", scale.font(16.0, &theme.ink))
        .x_label_area_size(scale.px(30.0))
        .y_label_area_size(scale.px(40.0))
        // A segmented range includes its end: `0..count - 1` is `count` segments.
        .build_cartesian_2d((0..count - 1).into_segmented(), 0f64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.line)
        .axis_style(theme.muted)
        .y_desc("Points")
        .label_style(scale.font(12.0, &theme.muted))
        .axis_desc_style(scale.font(12.0, &theme.ink))
        .y_label_formatter(&|value| format!("{value:.0}"))
        .x_label_formatter(&|value| match value {
            SegmentValue::CenterOf(index) => phases
                .get(*index)
                .map(|phase| short(&phase.name))
                .unwrap_or_default(),
            _ => String::new(),
        })
        .draw()?;
    Ok(chart)
}

/// The phase-load chart: one segment per phase across, effort and impact points up.
type PhaseLoadChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordf64>>;

/// Where one phase's bars go, in pixels.
struct PhaseSlot {
    /// The effort bar's left edge; the impact bar follows a `gap` after it.
    effort_left: i32,
    bar: i32,
    gap: i32,
    /// The pixel row of zero points.
    floor: i32,
}

impl PhaseSlot {
    /// The impact bar's left edge, a gap after the effort bar.
    fn impact_left(&self) -> i32 {
        self.effort_left + self.bar + self.gap
    }
}

/// One phase's effort bar (solid) and impact bar (tinted, outlined), each topped by its
/// figure; `height` maps points to a pixel row.
fn draw_phase_bars<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    slot: &PhaseSlot,
    height: impl Fn(f64) -> i32,
    phase: &PhaseFigures,
    color: RGBColor,
    value_font: &TextStyle<'_>,
) -> Drawn<DB> {
    let (effort_left, impact_left, bar, floor) = (slot.effort_left, slot.impact_left(), slot.bar, slot.floor);
    plot.draw(&Rectangle::new(
        [(effort_left, height(phase.effort)), (effort_left + bar, floor)],
        color.filled(),
    ))?;
    plot.draw(&Rectangle::new(
        [(impact_left, height(phase.impact)), (impact_left + bar, floor)],
        color.mix(0.35).filled(),
    ))?;
    plot.draw(&Rectangle::new(
        [(impact_left, height(phase.impact)), (impact_left + bar, floor)],
        color.stroke_width(1),
    ))?;
    for (value, left) in [(phase.effort, effort_left), (phase.impact, impact_left)] {
        plot.draw(&Text::new(
            format!("{value}"),
            (left + bar / 2, height(value) - 2),
            value_font.clone(),
        ))?;
    }
    Ok(())
}

/// A phase's capacity as a line across its effort bar at pixel row `y`, labelled with the
/// capacity, or in the warning colour with how far the effort is over it.
fn draw_capacity<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    slot: &PhaseSlot,
    y: i32,
    phase: &PhaseFigures,
    capacity: f64,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let (effort_left, bar, gap) = (slot.effort_left, slot.bar, slot.gap);
    let over = phase.over_capacity();
    let line_color = if over.is_some() { theme.over } else { theme.ink };
    plot.draw(&PathElement::new(
        vec![(effort_left - gap / 2, y), (effort_left + bar + gap / 2, y)],
        line_color.stroke_width(scale.px(2.0).max(1) as u32),
    ))?;
    let label = match over {
        Some(over) => format!("⚠ over capacity by {}", (over * 10.0).round() / 10.0),
        None => format!("capacity {capacity}"),
    };
    let label_at = (effort_left - gap / 2, y - scale.px(16.0));
    let label_font = scale
        .font(12.0, &line_color)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    plot.draw(&Text::new(label, label_at, label_font))
}

/// The legend in the top right of an area `width` pixels wide: which bar is which.
fn draw_load_legend<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    width: i32,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let (right, top_edge) = (width - scale.px(12.0), scale.px(34.0));
    let swatch = scale.px(10.0);
    let legend_font = scale
        .font(12.0, &theme.ink)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for (row, (label, fill)) in [("effort", theme.ink.mix(0.9)), ("impact", theme.ink.mix(0.3))]
        .into_iter()
        .enumerate()
    {
        let y = top_edge + row as i32 * scale.px(16.0);
        plot.draw(&Rectangle::new(
            [(right - swatch, y - swatch / 2), (right, y + swatch / 2)],
            fill.filled(),
        ))?;
        plot.draw(&Text::new(
            label,
            (right - swatch - scale.px(4.0), y),
            legend_font.clone(),
        ))?;
    }
    Ok(())
}

/// Counts per quadrant (left) and per urgency level (right), each bar labelled with its count.
pub fn draw_counts<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    counts: &Counts,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    area.fill(&theme.background)?;
    let (width, _) = area.dim_in_pixel();
    let (left, right) = area.split_horizontally(width as i32 / 2);
    let quadrant_names: Vec<String> = Quadrant::ALL
        .iter()
        .map(|quadrant| quadrant.label().to_string())
        .collect();
    let urgency_names: Vec<String> = Urgency::ALL
        .iter()
        .map(|urgency| urgency.as_str().to_string())
        .collect();
    let urgency_colors = [theme.muted.mix(0.25); 5];
    counts_panel(
        &left,
        "Initiatives per quadrant",
        &quadrant_names,
        &counts.quadrants,
        &theme.quadrants.map(|color| color.mix(1.0)),
        theme,
        scale,
    )?;
    counts_panel(
        &right,
        "Initiatives per urgency",
        &urgency_names,
        &counts.urgencies,
        &urgency_colors,
        theme,
        scale,
    )?;
    area.present()
}

fn counts_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    names: &[String],
    values: &[usize],
    fills: &[RGBAColor],
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let most = values.iter().copied().max().unwrap_or(0).max(1);
    // Whole numbers on the axis: at most about five ticks.
    let top = (most as f64 * 1.25).ceil() as usize + 1;
    let mut chart = ChartBuilder::on(area)
        .margin(scale.px(10.0))
        .caption(title, scale.font(14.0, &theme.ink))
        .x_label_area_size(scale.px(28.0))
        .y_label_area_size(scale.px(40.0))
        .build_cartesian_2d((0..names.len().max(1) - 1).into_segmented(), 0usize..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.line)
        .axis_style(theme.muted)
        .y_labels(top.min(6))
        .label_style(scale.font(12.0, &theme.muted))
        .x_label_formatter(&|value| match value {
            SegmentValue::CenterOf(index) => names.get(*index).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .draw()?;
    chart.draw_series(values.iter().enumerate().map(|(index, value)| {
        let fill = fills.get(index).copied().unwrap_or(theme.muted.mix(0.25));
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(index), 0),
                (SegmentValue::Exact(index + 1), *value),
            ],
            fill.filled(),
        );
        let inset = scale.px(10.0).max(2) as u32;
        bar.set_margin(0, 0, inset, inset);
        bar
    }))?;
    chart.draw_series(values.iter().enumerate().map(|(index, value)| {
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(index), 0),
                (SegmentValue::Exact(index + 1), *value),
            ],
            theme.muted.stroke_width(1),
        );
        let inset = scale.px(10.0).max(2) as u32;
        bar.set_margin(0, 0, inset, inset);
        bar
    }))?;
    let value_font = scale
        .font(12.0, &theme.ink)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    chart.draw_series(values.iter().enumerate().map(|(index, value)| {
        EmptyElement::at((SegmentValue::CenterOf(index), *value))
            + Text::new(value.to_string(), (0, -3), value_font.clone())
    }))?;
    Ok(())
}

/// Clears a list chart to its background and writes its title centred on top; returns the
/// chart's width in pixels.
fn titled<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    theme: &Theme,
    scale: Scale,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
    let width = area.dim_in_pixel().0 as i32;
    area.draw(&Text::new(
        title,
        (width / 2, scale.px(8.0)),
        scale
            .font(16.0, &theme.ink)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    Ok(width)
}

/// Height in CSS pixels of one row of the coverage chart, and of its title and legend.
pub const COVERAGE_ROW: f64 = 20.0;
pub const COVERAGE_HEAD: f64 = 48.0;

/// Which areas and sub-areas of the outline the roadmap covers: one row each, a bar of the
/// initiatives from it (solid: phased; light: not phased yet) and the counts in words.
pub fn draw_coverage<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    coverage: &[AreaCoverage],
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let width = titled(area, "Outline coverage", theme, scale)?;
    let phased_fill = theme.phases[0].filled();
    let unphased_fill = theme.phases[0].mix(0.3).filled();
    let legend_font = scale
        .font(12.0, &theme.ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let swatch = scale.px(10.0);
    let legend_y = scale.px(34.0);
    let mut x = scale.px(12.0);
    for (label, fill) in [("phased", phased_fill), ("not phased yet", unphased_fill)] {
        area.draw(&Rectangle::new(
            [(x, legend_y - swatch / 2), (x + swatch, legend_y + swatch / 2)],
            fill,
        ))?;
        area.draw(&Text::new(
            label,
            (x + swatch + scale.px(4.0), legend_y),
            legend_font.clone(),
        ))?;
        x += swatch + scale.px(24.0) + (label.len() as f64 * 12.0 * scale.0 * 0.55) as i32;
    }

    let label_width = width * 2 / 5;
    let words_width = scale.px(150.0);
    let bar_room = (width - label_width - words_width - scale.px(24.0)).max(scale.px(40.0));
    let most = coverage
        .iter()
        .flat_map(|area| std::iter::once(&area.area).chain(&area.sub_areas))
        .map(|row| row.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let row_height = scale.px(COVERAGE_ROW);
    let mut y = scale.px(COVERAGE_HEAD);
    for area_coverage in coverage {
        let rows = std::iter::once((&area_coverage.area, true))
            .chain(area_coverage.sub_areas.iter().map(|sub| (sub, false)));
        for (row, is_area) in rows {
            let middle = y + row_height / 2;
            let (indent, size, color) = if is_area {
                (12.0, 13.0, theme.ink)
            } else {
                (28.0, 12.0, theme.muted)
            };
            area.draw(&Text::new(
                short(&row.heading),
                (scale.px(indent), middle),
                scale.font(size, &color).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            let left = label_width;
            let unit = f64::from(bar_room) / most as f64;
            let phased = (row.phased as f64 * unit).round() as i32;
            let unphased = (row.unphased as f64 * unit).round() as i32;
            let (top, bottom) = (y + row_height / 5, y + row_height - row_height / 5);
            if phased > 0 {
                area.draw(&Rectangle::new(
                    [(left, top), (left + phased, bottom)],
                    phased_fill,
                ))?;
            }
            if unphased > 0 {
                area.draw(&Rectangle::new(
                    [(left + phased, top), (left + phased + unphased, bottom)],
                    unphased_fill,
                ))?;
            }
            let words = match (row.phased, row.unphased) {
                (0, 0) => "not covered".to_string(),
                (phased, 0) => format!("{phased} phased"),
                (0, unphased) => format!("{unphased} not phased"),
                (phased, unphased) => format!("{phased} phased · {unphased} not"),
            };
            area.draw(&Text::new(
                words,
                (left + phased + unphased + scale.px(6.0), middle),
                scale
                    .font(12.0, &theme.ink)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            y += row_height;
        }
    }
    area.present()
}

/// The coverage chart's height in CSS pixels: a row per area and sub-area.
pub fn coverage_height(coverage: &[AreaCoverage]) -> f64 {
    let rows: usize = coverage.iter().map(|area| 1 + area.sub_areas.len()).sum();
    COVERAGE_HEAD + rows as f64 * COVERAGE_ROW + 8.0
}

/// Height in CSS pixels of one row of the data-maturity chart.
const MATURITY_ROW: f64 = 22.0;
/// The data-maturity chart's height in CSS pixels: a title, two group headings, ten rows and
/// the scale under them.
pub const MATURITY_HEIGHT: f64 = COVERAGE_HEAD + 12.0 * MATURITY_ROW + 28.0;

/// The data-maturity audit: a bar per level and dimension on the 0–5 scale, over a track of
/// the whole scale, with the score and its meaning in words (or "not scored").
pub fn draw_maturity<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    audit: &MaturityAudit,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    let width = titled(area, "Data maturity", theme, scale)?;
    let label_width = scale.px(170.0).min(width / 3);
    let words_width = scale.px(190.0).min(width / 3);
    let track = (width - label_width - words_width - scale.px(20.0)).max(scale.px(40.0));
    let step = f64::from(track) / f64::from(MATURITY_MAX);
    let row_height = scale.px(MATURITY_ROW);
    let left_font =
        |size: f64, color: &RGBColor| scale.font(size, color).pos(Pos::new(HPos::Left, VPos::Center));
    let mut y = scale.px(COVERAGE_HEAD) - row_height;
    for (group, heading) in [
        (MaturityGroup::Level, "Analytics levels"),
        (MaturityGroup::Dimension, "Dimensions"),
    ] {
        let heading = match audit.average(group) {
            Some(average) => format!("{heading} · average {:.1}", average),
            None => heading.to_string(),
        };
        area.draw(&Text::new(
            heading,
            (scale.px(12.0), y + row_height / 2),
            left_font(13.0, &theme.ink),
        ))?;
        y += row_height;
        for aspect in MaturityAspect::ALL
            .into_iter()
            .filter(|aspect| aspect.group() == group)
        {
            let middle = y + row_height / 2;
            area.draw(&Text::new(
                aspect.label(),
                (scale.px(24.0), middle),
                left_font(12.0, &theme.muted),
            ))?;
            let (top, bottom) = (y + row_height / 5, y + row_height - row_height / 5);
            area.draw(&Rectangle::new(
                [(label_width, top), (label_width + track, bottom)],
                theme.line.mix(0.6).filled(),
            ))?;
            let words = match audit.score(aspect) {
                Some(score) => {
                    let filled = (f64::from(score) * step).round() as i32;
                    if filled > 0 {
                        area.draw(&Rectangle::new(
                            [(label_width, top), (label_width + filled, bottom)],
                            theme.phases[0].filled(),
                        ))?;
                    }
                    let meaning = MATURITY_STEPS[usize::from(score)];
                    let name = meaning.split_once(':').map_or(meaning, |(name, _)| name);
                    format!("{score} · {name}")
                }
                None => "not scored".to_string(),
            };
            area.draw(&Text::new(
                words,
                (label_width + track + scale.px(8.0), middle),
                left_font(12.0, &theme.ink),
            ))?;
            y += row_height;
        }
    }
    // The scale under the bars: a tick and number at every step.
    let axis_y = y + scale.px(4.0);
    for score in 0..=MATURITY_MAX {
        let x = label_width + (f64::from(score) * step).round() as i32;
        area.draw(&PathElement::new(
            vec![(x, axis_y), (x, axis_y + scale.px(4.0))],
            theme.muted,
        ))?;
        area.draw(&Text::new(
            score.to_string(),
            (x, axis_y + scale.px(6.0)),
            scale
                .font(11.0, &theme.muted)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    area.present()
}

/// The effort-vs-impact chart as an SVG document, for "Export SVG".
pub fn matrix_svg(
    points: &[MatrixPoint],
    split: QuadrantSplit,
    phase_names: &[String],
    size: (u32, u32),
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_matrix(
            &area,
            points,
            split,
            phase_names,
            &Theme::LIGHT,
            Scale(f64::from(size.0) / 800.0),
        )
        .map_err(|error| error.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    /// Whether the SVG writes `text` as a text element (plotters puts it on its own line).
    fn has_text(svg: &str, text: &str) -> bool {
        svg.contains(&format!(">{text}<")) || svg.contains(&format!(">\n{text}\n<"))
    }

    fn points() -> Vec<MatrixPoint> {
        [
            ("Data Lake", 7.5, 9.0, Some(0), Urgency::High, false),
            ("Data Catalog", 4.0, 6.5, Some(1), Urgency::Medium, true),
            ("Archive <legacy>", 9.0, 1.5, None, Urgency::None, false),
        ]
        .into_iter()
        .map(|(title, effort, impact, phase, urgency, quick_win)| MatrixPoint {
            title: title.to_string(),
            effort: Score::clamped(effort),
            impact: Score::clamped(impact),
            phase,
            urgency,
            quick_win,
        })
        .collect()
    }

    #[test]
    fn the_svg_export_writes_titles_labels_and_legend_as_text() {
        let phases = ["Foundations".to_string(), "Scale".to_string()];
        let svg = matrix_svg(&points(), QuadrantSplit::default(), &phases, (1600, 900)).expect("draws");
        assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
        assert!(svg.contains(r#"width="1600""#) && svg.contains(r#"height="900""#));
        for text in [
            "Effort vs impact",
            "Quick wins",
            "Money pits",
            "Data Lake",
            "Foundations",
            "▲ medium",
        ] {
            assert!(has_text(&svg, text), "no {text} in the SVG");
        }
        assert!(has_text(&svg, "Archive &lt;legacy&gt;"), "titles are escaped");
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn coinciding_initiatives_show_as_one_chip_with_their_count() {
        let mut points = points();
        for title in ["Twin one", "Twin two"] {
            points.push(MatrixPoint {
                title: title.to_string(),
                effort: Score::clamped(2.0),
                impact: Score::clamped(2.5),
                phase: None,
                urgency: Urgency::Low,
                quick_win: false,
            });
        }
        let svg = matrix_svg(&points, QuadrantSplit::default(), &[], (1600, 900)).expect("draws");
        assert!(has_text(&svg, "+2"), "one chip for both");
        assert!(
            !has_text(&svg, "Twin one") && !has_text(&svg, "Twin two"),
            "a chip has no title"
        );
        assert!(has_text(&svg, "Data Lake") && has_text(&svg, "Data Catalog"));
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(short("Data Lake"), "Data Lake");
        assert_eq!(
            short("Self-service BI dashboards for every team"),
            "Self-service BI dashboa…"
        );
    }

    #[test]
    fn the_phase_load_chart_says_over_capacity_in_words() {
        let phases = [
            PhaseFigures {
                name: "Now".into(),
                count: 3,
                effort: 12.5,
                impact: 20.0,
                capacity: Some(10.0),
            },
            PhaseFigures {
                name: "Next".into(),
                count: 1,
                effort: 4.0,
                impact: 8.0,
                capacity: Some(10.0),
            },
        ];
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (800, 400)).into_drawing_area();
            draw_phase_load(&area, &phases, &Theme::DARK, Scale(1.0)).expect("draws");
        }
        for text in [
            "Phase load",
            "Now",
            "⚠ over capacity by 2.5",
            "capacity 10",
            "12.5",
            "20",
            "effort",
            "impact",
        ] {
            assert!(has_text(&svg, text), "no {text}");
        }
    }

    #[test]
    fn the_coverage_chart_names_every_area_and_says_what_is_not_covered() {
        use crate::model::Coverage;
        let row = |heading: &str, phased, unphased| Coverage {
            heading: heading.into(),
            phased,
            unphased,
        };
        let coverage = [
            AreaCoverage {
                area: row("Data", 1, 2),
                sub_areas: vec![row("Lake", 1, 2), row("Warehouse", 0, 0)],
            },
            AreaCoverage {
                area: row("Cloud", 0, 0),
                sub_areas: vec![row("IAC", 0, 0)],
            },
        ];
        let mut svg = String::new();
        {
            let height = coverage_height(&coverage) as u32;
            let area = SVGBackend::with_string(&mut svg, (800, height)).into_drawing_area();
            draw_coverage(&area, &coverage, &Theme::LIGHT, Scale(1.0)).expect("draws");
        }
        for text in [
            "Outline coverage",
            "Data",
            "Lake",
            "Warehouse",
            "Cloud",
            "IAC",
            "1 phased · 2 not",
            "not covered",
        ] {
            assert!(has_text(&svg, text), "no {text}");
        }
    }

    /// The maturity chart of an audit scoring descriptive 4, diagnostic 1 and culture 0.
    fn maturity_svg() -> String {
        let mut audit = MaturityAudit::default();
        audit.set(MaturityAspect::Descriptive, Some(4));
        audit.set(MaturityAspect::Diagnostic, Some(1));
        audit.set(MaturityAspect::Culture, Some(0));
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (800, MATURITY_HEIGHT as u32)).into_drawing_area();
            draw_maturity(&area, &audit, &Theme::DARK, Scale(1.0)).expect("draws");
        }
        svg
    }

    #[test]
    fn the_maturity_chart_names_every_aspect_with_its_score_in_words() {
        let svg = maturity_svg();
        for aspect in MaturityAspect::ALL {
            assert!(
                has_text(&svg, &aspect.label().replace('&', "&amp;")),
                "no {aspect}"
            );
        }
        for text in [
            "Data maturity",
            "Analytics levels · average 2.5",
            "Dimensions · average 0.0",
            "4 · Managed",
            "1 · Ad hoc",
            "0 · Absent",
            "not scored",
        ] {
            assert!(has_text(&svg, text), "no {text}");
        }
    }

    /// The value of `name="…"` in one SVG tag.
    fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[start..].split('"').next()
    }

    /// Every `<text>` element as (x, its text), in drawing order.
    fn texts(svg: &str) -> Vec<(i32, String)> {
        texts_in_colour(svg)
            .into_iter()
            .map(|(x, text, _)| (x, text))
            .collect()
    }

    /// Every `<text>` element as (x, its text, its fill), in drawing order.
    fn texts_in_colour(svg: &str) -> Vec<(i32, String, String)> {
        svg.split("<text")
            .skip(1)
            .filter_map(|element| {
                let (tag, rest) = element.split_once('>')?;
                let x = attribute(tag, "x")?.parse().ok()?;
                let fill = attribute(tag, "fill")?.to_string();
                Some((x, rest.split("</text>").next()?.trim().to_string(), fill))
            })
            .collect()
    }

    /// Every `<rect>` as (x, width, opacity).
    fn rects(svg: &str) -> Vec<(i32, i32, String)> {
        svg.split("<rect")
            .skip(1)
            .filter_map(|element| {
                let tag = element.split('>').next()?;
                Some((
                    attribute(tag, "x")?.parse().ok()?,
                    attribute(tag, "width")?.parse().ok()?,
                    attribute(tag, "opacity")?.to_string(),
                ))
            })
            .collect()
    }

    #[test]
    fn the_maturity_scale_numbers_every_step_and_each_bar_ends_at_its_score() {
        let svg = maturity_svg();
        // The scale is the run of numbers drawn last: 0 to 5, once each, left to right.
        let numbers: Vec<(i32, String)> = texts(&svg)
            .into_iter()
            .rev()
            .take_while(|(_, text)| text.parse::<u8>().is_ok())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let labels: Vec<&str> = numbers.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(labels, ["0", "1", "2", "3", "4", "5"]);
        let ticks: Vec<i32> = numbers.iter().map(|&(x, _)| x).collect();
        let step = ticks[1] - ticks[0];
        assert!(step > 0);
        for pair in ticks.windows(2) {
            assert!((pair[1] - pair[0] - step).abs() <= 1, "uneven steps {ticks:?}");
        }
        // Every track runs from 0 to 5; a filled bar from 0 to its score (none for 0).
        let bars: Vec<(i32, i32, String)> =
            rects(&svg).into_iter().filter(|&(x, ..)| x == ticks[0]).collect();
        let tracks: Vec<_> = bars.iter().filter(|(.., opacity)| opacity != "1").collect();
        assert_eq!(tracks.len(), MaturityAspect::ALL.len());
        assert!(
            tracks.iter().all(|&&(x, width, _)| x + width == ticks[5]),
            "{tracks:?}"
        );
        let filled: Vec<i32> = bars
            .iter()
            .filter(|(.., opacity)| opacity == "1")
            .map(|&(x, width, _)| x + width)
            .collect();
        assert_eq!(filled, [ticks[4], ticks[1]]);
    }

    #[test]
    fn the_counts_chart_writes_every_count() {
        let counts = Counts {
            quadrants: [2, 1, 0, 7],
            urgencies: [3, 0, 4, 1, 2],
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (800, 300)).into_drawing_area();
            draw_counts(&area, &counts, &Theme::LIGHT, Scale(1.0)).expect("draws");
        }
        for text in [
            "Initiatives per quadrant",
            "Initiatives per urgency",
            "Fill-ins",
            "critical",
        ] {
            assert!(has_text(&svg, text), "no {text}");
        }
        // The counts are written in ink above their bars; the axis numbers are muted, so a
        // count the axis happens to show is not mistaken for it.
        let ink = Theme::LIGHT.ink;
        let ink = format!("#{:02X}{:02X}{:02X}", ink.0, ink.1, ink.2);
        let written: Vec<String> = texts_in_colour(&svg)
            .into_iter()
            .filter(|(_, text, fill)| *fill == ink && text.parse::<usize>().is_ok())
            .map(|(_, text, _)| text)
            .collect();
        assert_eq!(written, ["2", "1", "0", "7", "3", "0", "4", "1", "2"]);
    }
}
