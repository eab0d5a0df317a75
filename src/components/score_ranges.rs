//! Ranges on the board: how far a ranged initiative's effort and impact could lie (a merge's
//! spread, the framework's ranges, or typed in), drawn under the marks as whiskers or as
//! ellipses, as the user chooses.

use leptos::prelude::*;

use crate::model::{BoardGeometry, Rect};
use crate::state::use_planner;

/// How the board draws ranges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum RangeStyle {
    #[default]
    Whiskers,
    Ellipses,
    Hidden,
}

impl RangeStyle {
    const ALL: [RangeStyle; 3] = [RangeStyle::Whiskers, RangeStyle::Ellipses, RangeStyle::Hidden];

    fn key(self) -> &'static str {
        match self {
            RangeStyle::Whiskers => "whiskers",
            RangeStyle::Ellipses => "ellipses",
            RangeStyle::Hidden => "hidden",
        }
    }

    fn label(self) -> &'static str {
        match self {
            RangeStyle::Whiskers => "Whiskers",
            RangeStyle::Ellipses => "Ellipses",
            RangeStyle::Hidden => "Hidden",
        }
    }
}

/// The select **Ranges**, shown while some initiative has a range.
#[component]
pub(super) fn RangeChoice(style: RwSignal<RangeStyle>) -> impl IntoView {
    let planner = use_planner();
    let ranged = Memo::new(move |_| {
        planner.track_board();
        planner.with_roadmap(|roadmap| {
            roadmap
                .initiatives
                .iter()
                .any(|initiative| initiative.is_ranged())
        })
    });
    let options = RangeStyle::ALL
        .map(|choice| view! { <option value=choice.key()>{choice.label()}</option> })
        .collect_view();
    view! {
        <label class="show-ranges" hidden=move || !ranged.get()>
            "Ranges"
            <select
                prop:value=move || style.get().key()
                on:change=move |event| {
                    let key = event_target_value(&event);
                    if let Some(choice) = RangeStyle::ALL.into_iter().find(|choice| choice.key() == key) {
                        style.set(choice);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}

/// Each ranged initiative's range around its mark: a whisker along each ranged axis with caps
/// at its ends, or an ellipse through the ends. Laid out again only when the board changes
/// (a drop, not a pointer move) or the plot is resized; a dragged mark's range hides until
/// the drop.
#[component]
pub(super) fn ScoreRanges(geometry: Signal<BoardGeometry>, style: RwSignal<RangeStyle>) -> impl IntoView {
    let planner = use_planner();
    let spans = Memo::new(move |_| {
        if style.get() == RangeStyle::Hidden {
            return Vec::new();
        }
        planner.track_board();
        let geometry = geometry.get();
        planner.with_roadmap(|roadmap| {
            roadmap
                .initiatives
                .iter()
                .filter_map(|initiative| {
                    let scores = (initiative.effort, initiative.impact);
                    let span =
                        geometry.range_span(scores, (initiative.effort_range, initiative.impact_range))?;
                    Some((initiative.id.clone(), geometry.point(scores.0, scores.1), span))
                })
                .collect::<Vec<_>>()
        })
    });
    let shapes = move || {
        let cap = geometry.with(|geometry| geometry.mark_radius * 0.6);
        let style = style.get();
        spans.with(|spans| {
            spans
                .iter()
                .map(|(id, at, span)| {
                    // A dragged mark leaves its range behind until the drop: hidden meanwhile.
                    let id = id.clone();
                    let hidden = move || planner.is_dragged(&id).then_some("hidden");
                    match style {
                        RangeStyle::Ellipses => ellipse(*span, cap, hidden).into_any(),
                        RangeStyle::Whiskers | RangeStyle::Hidden => {
                            view! { <path d=whiskers(*at, *span, cap) visibility=hidden></path> }.into_any()
                        }
                    }
                })
                .collect_view()
        })
    };
    view! {
        <svg class="score-ranges" aria-hidden="true" hidden=move || style.get() == RangeStyle::Hidden>
            {shapes}
        </svg>
    }
}

/// An ellipse through the range's ends, never thinner than a cap across an axis without one.
fn ellipse(
    span: Rect,
    cap: f64,
    hidden: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) -> impl IntoView {
    let (cx, cy) = ((span.left + span.right) / 2.0, (span.top + span.bottom) / 2.0);
    let (rx, ry) = ((span.width() / 2.0).max(cap), (span.height() / 2.0).max(cap));
    view! { <ellipse cx=format!("{cx:.1}") cy=format!("{cy:.1}") rx=format!("{rx:.1}") ry=format!("{ry:.1}") visibility=hidden></ellipse> }
}

/// A line along each ranged axis through the mark, with a cap across each end.
fn whiskers((x, y): (f64, f64), span: Rect, cap: f64) -> String {
    let mut path = String::new();
    if span.width() > 0.0 {
        path.push_str(&format!(
            "M{:.1} {y:.1}H{:.1}M{:.1} {:.1}V{:.1}M{:.1} {:.1}V{:.1}",
            span.left,
            span.right,
            span.left,
            y - cap,
            y + cap,
            span.right,
            y - cap,
            y + cap
        ));
    }
    if span.height() > 0.0 {
        path.push_str(&format!(
            "M{x:.1} {:.1}V{:.1}M{:.1} {:.1}H{:.1}M{:.1} {:.1}H{:.1}",
            span.top,
            span.bottom,
            x - cap,
            span.top,
            x + cap,
            x - cap,
            span.bottom,
            x + cap
        ));
    }
    path
}
