//! Dependencies drawn on the board ("Show dependencies"): a curve from an initiative to what it
//! waits for, bent to one side or the other where a straight line would cross a title.

use super::Rect;

/// One dependency's curve: a quadratic Bézier from the waiting mark's edge to the edge of the
/// mark it waits for (where its arrowhead goes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DependencyLine {
    pub from: (f64, f64),
    pub control: (f64, f64),
    pub to: (f64, f64),
    /// Titles the curve still crosses (none where any candidate avoids them all).
    pub crossings: usize,
}

/// How far a curve may bend, as fractions of the distance between the marks: straight first,
/// then a little either way, then more (never so far that it reads as a detour).
const BENDS: [f64; 5] = [0.0, 0.2, -0.2, 0.4, -0.4];
/// Straight pieces a curve is checked in.
const PIECES: usize = 12;

/// The curve from the mark at `from` to the mark at `to` (centres; both drawn with `radius`)
/// that crosses the fewest of `titles`, the straightest among equals; `None` when the marks
/// touch.
pub fn route_dependency(
    from: (f64, f64),
    to: (f64, f64),
    radius: f64,
    titles: &[Rect],
) -> Option<DependencyLine> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.hypot(dy);
    if !length.is_finite() || length <= 2.0 * radius + 1.0 {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    // From edge to edge, leaving room for the arrowhead's tip to touch the mark.
    let start = (from.0 + ux * radius, from.1 + uy * radius);
    let end = (to.0 - ux * radius, to.1 - uy * radius);
    let middle = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
    let span = length - 2.0 * radius;
    BENDS
        .iter()
        .map(|&bend| {
            // The normal (-uy, ux); a Bézier's apex is half its control point's offset.
            let offset = 2.0 * bend * span / 2.0;
            let control = (middle.0 - uy * offset, middle.1 + ux * offset);
            let crossings = titles
                .iter()
                .filter(|title| crosses(start, control, end, title))
                .count();
            DependencyLine {
                from: start,
                control,
                to: end,
                crossings,
            }
        })
        // `min_by_key` keeps the first of equals: the straightest, as BENDS is ordered.
        .min_by_key(|line| line.crossings)
}

/// Whether the curve passes through `title`, checked piece by piece after a bounding-box test.
fn crosses(start: (f64, f64), control: (f64, f64), end: (f64, f64), title: &Rect) -> bool {
    let xs = [start.0, control.0, end.0];
    let ys = [start.1, control.1, end.1];
    let bounds = Rect::new(
        xs.iter().copied().fold(f64::INFINITY, f64::min),
        ys.iter().copied().fold(f64::INFINITY, f64::min),
        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let touches_box = title.left <= bounds.right
        && bounds.left <= title.right
        && title.top <= bounds.bottom
        && bounds.top <= title.bottom;
    if !touches_box {
        return false;
    }
    let at = |t: f64| {
        let u = 1.0 - t;
        (
            u * u * start.0 + 2.0 * u * t * control.0 + t * t * end.0,
            u * u * start.1 + 2.0 * u * t * control.1 + t * t * end.1,
        )
    };
    (0..PIECES).any(|piece| {
        let (a, b) = (piece as f64 / PIECES as f64, (piece + 1) as f64 / PIECES as f64);
        title.crossed_by(at(a), at(b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clear_path_is_a_straight_line_from_edge_to_edge() {
        let line = route_dependency((0.0, 0.0), (100.0, 0.0), 5.0, &[]).expect("a line");
        assert_eq!(line.from, (5.0, 0.0));
        assert_eq!(line.to, (95.0, 0.0));
        assert_eq!(line.control, (50.0, 0.0));
        assert_eq!(line.crossings, 0);
    }

    #[test]
    fn a_title_in_the_way_bends_the_line_around_it() {
        let title = Rect::new(40.0, -6.0, 60.0, 6.0);
        let line = route_dependency((0.0, 0.0), (100.0, 0.0), 5.0, &[title]).expect("a line");
        assert_eq!(line.crossings, 0);
        assert!(line.control.1.abs() > 6.0, "{line:?}");
        assert!(!crosses(line.from, line.control, line.to, &title));
    }

    #[test]
    fn titles_on_both_sides_pick_the_side_with_fewer() {
        let in_the_way = Rect::new(40.0, -6.0, 60.0, 6.0);
        // Below the line (y grows downwards) a wide title, above a clear sky.
        let below = Rect::new(0.0, 8.0, 100.0, 40.0);
        let line = route_dependency((0.0, 0.0), (100.0, 0.0), 5.0, &[in_the_way, below]).expect("a line");
        assert_eq!(line.crossings, 0);
        assert!(line.control.1 < 0.0, "bends upwards: {line:?}");
    }

    #[test]
    fn where_nothing_avoids_a_title_the_straight_line_is_kept() {
        let everywhere = Rect::new(-500.0, -500.0, 500.0, 500.0);
        let line = route_dependency((0.0, 0.0), (100.0, 0.0), 5.0, &[everywhere]).expect("a line");
        assert_eq!(line.crossings, 1);
        assert_eq!(line.control, (50.0, 0.0));
    }

    #[test]
    fn touching_marks_have_no_line() {
        assert_eq!(route_dependency((0.0, 0.0), (8.0, 0.0), 5.0, &[]), None);
        assert_eq!(route_dependency((0.0, 0.0), (f64::NAN, 0.0), 5.0, &[]), None);
    }
}
