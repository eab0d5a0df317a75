//! The title of a mark the board left unlabelled, shown while the pointer rests on the mark or
//! the keyboard focus is on it. One tip for the whole board follows the pointer and one the
//! focus, found by delegated events on the plot: a hidden tip in every mark made a tenth of
//! the board's first render at 1,000 initiatives. (The selected mark shows its own tip, which
//! moves with it while it is dragged.)

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::initiative_mark::mark_at;
use super::set_if_changed;
use crate::model::{BoardGeometry, InitiativeId, short_label};
use crate::state::use_planner;

/// The marks the pointer and the keyboard focus are on.
#[derive(Clone, Copy)]
pub(crate) struct PointedMarks {
    hovered: RwSignal<Option<InitiativeId>>,
    focused: RwSignal<Option<InitiativeId>>,
}

impl PointedMarks {
    pub(crate) fn new() -> PointedMarks {
        PointedMarks {
            hovered: RwSignal::new(None),
            focused: RwSignal::new(None),
        }
    }

    /// `pointerover` on the plot: the pointer entered an element, maybe a mark.
    pub(crate) fn pointer_over(&self, event: &web_sys::PointerEvent) {
        set_if_changed(self.hovered, mark_of(event.target()));
    }

    /// `pointerout` on the plot: the pointer left for an element, maybe another mark or none
    /// on the board.
    pub(crate) fn pointer_out(&self, event: &web_sys::PointerEvent) {
        set_if_changed(self.hovered, mark_of(event.related_target()));
    }

    /// `focusin` on the plot: a tip shows for focus the keyboard brought, as `:focus-visible`
    /// decides; a mark focused by a click is selected and shows its own.
    pub(crate) fn focus_in(&self, event: &web_sys::FocusEvent) {
        let visible = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
        set_if_changed(self.focused, visible.then(|| mark_of(event.target())).flatten());
    }

    pub(crate) fn focus_out(&self) {
        set_if_changed(self.focused, None);
    }
}

/// The initiative whose mark holds this event target.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<InitiativeId> {
    mark_at(target).map(|(_, id)| id)
}

/// Whether a tip opens to the left of a mark at `x`: near the right edge it would leave the plot.
pub(crate) fn tip_opens_left(x: f64, geometry: &BoardGeometry) -> bool {
    x > geometry.width * 0.6
}

/// The tips for the pointed marks. `unlabelled_at` gives where an unlabelled mark rests on the
/// plot (none for a labelled mark or one in a chip).
#[component]
pub(crate) fn BoardTips<F>(
    pointed: PointedMarks,
    geometry: Signal<BoardGeometry>,
    unlabelled_at: F,
) -> impl IntoView
where
    F: Fn(&InitiativeId) -> Option<(f64, f64)> + Copy + Send + Sync + 'static,
{
    let focused = Signal::derive(move || {
        let focused = pointed.focused.get();
        // The pointer's tip already shows that one.
        focused.filter(|id| pointed.hovered.with(|hovered| hovered.as_ref() != Some(id)))
    });
    view! {
        <PointedTip mark=pointed.hovered.into() geometry unlabelled_at/>
        <PointedTip mark=focused geometry unlabelled_at/>
    }
}

#[component]
fn PointedTip<F>(
    mark: Signal<Option<InitiativeId>>,
    geometry: Signal<BoardGeometry>,
    unlabelled_at: F,
) -> impl IntoView
where
    F: Fn(&InitiativeId) -> Option<(f64, f64)> + Copy + Send + Sync + 'static,
{
    let planner = use_planner();
    let tip = Memo::new(move |_| {
        let id = mark.get()?;
        if planner.is_selected(&id) {
            return None;
        }
        let at = unlabelled_at(&id)?;
        Some((id, at))
    });
    move || {
        tip.get().map(|(id, (x, y))| {
            let class = if geometry.with(|geometry| tip_opens_left(x, geometry)) {
                "mark-tip board-tip tip-left"
            } else {
                "mark-tip board-tip"
            };
            let title = move || {
                planner
                    .cell(&id)
                    .map(|cell| cell.with(|initiative| short_label(initiative.display_title())))
            };
            view! {
                <span class=class style=format!("left:{x}px;top:{y}px") aria-hidden="true">{title}</span>
            }
        })
    }
}
