//! The Rank stability chart drawn with plotters: one row per initiative in likely order, a bar
//! from its 10th to its 90th percentile rank, a dot at its likely rank, close calls in their
//! own colour, and a line after rank K. No browser code here: tested through the SVG backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::{Scale, Theme};
use crate::model::RankInterval;

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Height of one row, and of the axis above the rows (CSS pixels).
pub const ROW: f64 = 20.0;
pub const AXIS: f64 = 46.0;
/// Width of the titles' column.
const TITLES: f64 = 190.0;
/// Rows drawn at most; the table beside lists every initiative.
pub const ROWS_DRAWN: usize = 30;

/// One row to draw: the initiative's title, its interval, and whether it is a close call.
#[derive(Clone, Debug, PartialEq)]
pub struct StabilityRow {
    pub title: String,
    pub interval: RankInterval,
    pub close: bool,
}

/// The chart's height for `rows` rows.
pub fn stability_height(rows: usize) -> f64 {
    AXIS + rows.clamp(1, ROWS_DRAWN) as f64 * ROW + 8.0
}

/// A title cut to the titles' column.
fn fitted(title: &str) -> String {
    let most = (TITLES / (12.0 * 0.56)) as usize;
    if title.chars().count() <= most {
        title.to_string()
    } else {
        let cut: String = title.chars().take(most - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Draws `rows` (in likely order) across ranks 1 to the largest shown, with the top-K line.
pub fn draw_rank_stability<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[StabilityRow],
    top_k: usize,
    theme: &Theme,
    scale: Scale,
) -> Drawn<DB> {
    area.fill(&theme.background)?;
    let width = f64::from(area.dim_in_pixel().0) / scale.0;
    let shown = &rows[..rows.len().min(ROWS_DRAWN)];
    let most_rank = shown
        .iter()
        .map(|row| row.interval.high_rank)
        .max()
        .unwrap_or(1)
        .max(top_k + 1);
    let (left, right) = (TITLES + 8.0, (width - 12.0).max(TITLES + 20.0));
    let x = |rank: f64| left + (rank - 0.5) / most_rank as f64 * (right - left);
    let label = scale.font(11.0, &theme.muted);
    // Rank ticks: about eight of them, at round steps.
    let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
        .into_iter()
        .find(|step| most_rank / step <= 8)
        .unwrap_or(10_000);
    let bottom = AXIS + shown.len().max(1) as f64 * ROW;
    for rank in (1..=most_rank).filter(|rank| *rank == 1 || rank % step == 0) {
        let at = scale.px(x(rank as f64));
        area.draw(&PathElement::new(
            vec![(at, scale.px(AXIS - 6.0)), (at, scale.px(bottom))],
            theme.line.stroke_width(scale.px(1.0).max(1) as u32),
        ))?;
        area.draw(&Text::new(
            rank.to_string(),
            (at, scale.px(AXIS - 8.0)),
            label.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
    }
    let cut = scale.px(x(top_k as f64 + 0.5));
    area.draw(&PathElement::new(
        vec![(cut, scale.px(4.0)), (cut, scale.px(bottom))],
        theme.ink.stroke_width(scale.px(1.5).max(1) as u32),
    ))?;
    area.draw(&Text::new(
        format!("top {top_k}"),
        // Above the rank labels, where no tick label can sit under it.
        (cut + scale.px(4.0), scale.px(4.0)),
        scale.font(11.0, &theme.ink).pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    for (place, row) in shown.iter().enumerate() {
        let middle = AXIS + place as f64 * ROW + ROW / 2.0;
        let color = if row.close {
            theme.phases[2]
        } else {
            theme.phases[0]
        };
        area.draw(&Text::new(
            fitted(&row.title),
            (scale.px(TITLES), scale.px(middle)),
            scale
                .font(12.0, &theme.ink)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        let (from, to) = (
            x(row.interval.low_rank as f64 - 0.35),
            x(row.interval.high_rank as f64 + 0.35),
        );
        area.draw(&Rectangle::new(
            [
                (scale.px(from), scale.px(middle - 5.0)),
                (scale.px(to), scale.px(middle + 5.0)),
            ],
            color.mix(0.45).filled(),
        ))?;
        area.draw(&Circle::new(
            (scale.px(x(row.interval.likely_rank as f64)), scale.px(middle)),
            scale.px(4.0).max(2),
            color.filled(),
        ))?;
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, likely: usize, low: usize, high: usize, close: bool) -> StabilityRow {
        StabilityRow {
            title: title.to_string(),
            interval: RankInterval {
                index: likely - 1,
                likely_rank: likely,
                low_rank: low,
                high_rank: high,
                top_chance: 0.5,
            },
            close,
        }
    }

    #[test]
    fn the_chart_names_each_row_marks_the_top_k_and_colours_close_calls() {
        let rows = [
            row("Lakehouse <raw>", 1, 1, 2, false),
            row("Churn model", 2, 1, 4, true),
            row("Data catalog", 3, 2, 4, true),
        ];
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (800, 120)).into_drawing_area();
            draw_rank_stability(&area, &rows, 2, &Theme::LIGHT, Scale(1.0)).expect("drawn");
        }
        for text in ["Lakehouse &lt;raw&gt;", "Churn model", "Data catalog", "top 2"] {
            assert!(svg.contains(text), "{text} missing");
        }
        let close = Theme::LIGHT.phases[2];
        assert!(svg.contains(&format!("#{:02X}{:02X}{:02X}", close.0, close.1, close.2)));
    }

    #[test]
    fn long_lists_draw_their_first_rows_and_the_height_follows() {
        assert_eq!(stability_height(0), AXIS + ROW + 8.0);
        assert_eq!(stability_height(3), AXIS + 3.0 * ROW + 8.0);
        assert_eq!(stability_height(500), stability_height(ROWS_DRAWN));
        assert!(fitted(&"x".repeat(100)).ends_with('…'));
    }
}
