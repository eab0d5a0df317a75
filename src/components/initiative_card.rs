//! A card on the grid: shows an initiative where its scores put it, and moves it by
//! pointer drag or arrow keys.

use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{
    Initiative, InitiativeId, NUDGE_BIG_STEP, NUDGE_STEP, Nudge, QuadrantSplit, QuickWinStatus, Roadmap,
    Score, Urgency,
};
use crate::state::{Planner, use_planner};

/// The initiative with this id as it is now; re-runs only when that initiative changes.
pub(crate) fn watch_initiative(planner: Planner, id: InitiativeId) -> Memo<Option<Initiative>> {
    Memo::new(move |_| {
        let index = planner.positions.with(|positions| positions.get(&id).copied())?;
        planner
            .roadmap
            .with(|roadmap| roadmap.initiatives.get(index).cloned())
    })
}

/// Text read by screen readers: title first (the UI contract), then where it stands.
pub(crate) fn card_label(initiative: &Initiative, split: &QuadrantSplit) -> String {
    let mut label = format!(
        "{}, effort {}, impact {}, {}",
        initiative.display_title(),
        initiative.effort,
        initiative.impact,
        initiative.quadrant(split).label()
    );
    if initiative.urgency != Urgency::None {
        label.push_str(&format!(", urgency {}", initiative.urgency.label()));
    }
    if let Some(due) = initiative.due {
        label.push_str(&format!(", due {due}"));
    }
    match initiative.quick_win_status(split) {
        QuickWinStatus::Marked => label.push_str(", quick win"),
        QuickWinStatus::Inconsistent => label.push_str(", marked quick win but not in Quick wins"),
        QuickWinStatus::Suggested | QuickWinStatus::NotQuickWin => {}
    }
    label
}

/// Urgency, due date and quick-win cues, each with text so none relies on colour alone.
pub(crate) fn card_badges(initiative: &Initiative, split: &QuadrantSplit) -> impl IntoView + use<> {
    let urgency = initiative.urgency;
    let quick_win = initiative.quick_win_status(split);
    view! {
        <span class="badges">
            {(urgency != Urgency::None)
                .then(|| {
                    view! {
                        <span class=format!("badge urgency urgency-{}", urgency.as_str())>
                            <span aria-hidden="true">{urgency.icon()}</span>
                            {urgency.label()}
                        </span>
                    }
                })}
            {initiative.due.map(|due| view! { <span class="badge due">{format!("Due {due}")}</span> })}
            {matches!(quick_win, QuickWinStatus::Marked | QuickWinStatus::Inconsistent)
                .then(|| view! { <span class="badge quick-win">"★ Quick win"</span> })}
            {(quick_win == QuickWinStatus::Inconsistent)
                .then(|| view! { <span class="badge flag">"⚠ Not in Quick wins"</span> })}
        </span>
    }
}

/// A pointer drag in progress.
struct Drag {
    before: Roadmap,
    pointer: i32,
    /// Pointer position minus card centre, so the card does not jump under the pointer.
    grab: (f64, f64),
    start: (f64, f64),
    moved: bool,
}

fn nudge_for(key: &str) -> Option<Nudge> {
    match key {
        "ArrowLeft" => Some(Nudge::LessEffort),
        "ArrowRight" => Some(Nudge::MoreEffort),
        "ArrowDown" => Some(Nudge::LessImpact),
        "ArrowUp" => Some(Nudge::MoreImpact),
        _ => None,
    }
}

#[component]
pub fn InitiativeCard(
    id: InitiativeId,
    plot: NodeRef<html::Div>,
    stack_levels: Memo<HashMap<InitiativeId, usize>>,
) -> impl IntoView {
    let planner = use_planner();
    let initiative = watch_initiative(planner, id.clone());
    let split = Memo::new(move |_| planner.roadmap.with(|roadmap| roadmap.quadrant_split));
    let drag: StoredValue<Option<Drag>, LocalStorage> = StoredValue::new_local(None);
    let selected = {
        let id = id.clone();
        move || planner.is_selected(&id)
    };
    let stack = {
        let id = id.clone();
        move || stack_levels.with(|levels| levels.get(&id).copied().unwrap_or(0))
    };

    let position = move || {
        initiative.with(|initiative| {
            initiative.as_ref().map_or_else(String::new, |initiative| {
                format!(
                    "left:{}%;top:{}%;--stack:{}",
                    initiative.effort.fraction() * 100.0,
                    (1.0 - initiative.impact.fraction()) * 100.0,
                    stack()
                )
            })
        })
    };
    let class = move || {
        initiative.with(|initiative| {
            initiative.as_ref().map_or_else(String::new, |initiative| {
                let split = split.get();
                format!(
                    "card quadrant-card-{} urgency-edge-{}",
                    initiative.quadrant(&split).as_str(),
                    initiative.urgency.as_str()
                )
            })
        })
    };

    let on_pointerdown = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            if event.button() != 0 {
                return;
            }
            let Some(card) = event
                .current_target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let _ = card.set_pointer_capture(event.pointer_id());
            let rect = card.get_bounding_client_rect();
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            drag.set_value(Some(Drag {
                before: planner.roadmap.get_untracked(),
                pointer: event.pointer_id(),
                grab: (
                    x - (rect.left() + rect.width() / 2.0),
                    y - (rect.top() + rect.height() / 2.0),
                ),
                start: (x, y),
                moved: false,
            }));
            planner.select(Some(id.clone()));
        }
    };
    let on_pointermove = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            let Some(grab) = drag
                .try_update_value(|drag| {
                    let drag = drag.as_mut().filter(|drag| drag.pointer == event.pointer_id())?;
                    // A few pixels of wobble is still a click, not a drag.
                    drag.moved |= (x - drag.start.0).hypot(y - drag.start.1) > 3.0;
                    drag.moved.then_some(drag.grab)
                })
                .flatten()
            else {
                return;
            };
            let Some(plot) = plot.get_untracked() else { return };
            let rect = plot.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let effort = Score::from_fraction((x - grab.0 - rect.left()) / rect.width());
            let impact = Score::from_fraction(1.0 - (y - grab.1 - rect.top()) / rect.height());
            planner.preview(|roadmap| {
                roadmap.place(&id, effort, impact);
            });
        }
    };
    let end_drag = move |event: web_sys::PointerEvent| {
        if let Some(finished) = drag.try_update_value(Option::take).flatten() {
            if let Some(card) = event
                .current_target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            {
                let _ = card.release_pointer_capture(finished.pointer);
            }
            planner.record(finished.before);
        }
    };
    let on_keydown = {
        let id = id.clone();
        move |event: web_sys::KeyboardEvent| {
            let Some(nudge) = nudge_for(&event.key()) else {
                return;
            };
            event.prevent_default();
            let step = if event.shift_key() {
                NUDGE_BIG_STEP
            } else {
                NUDGE_STEP
            };
            planner.edit(|roadmap| {
                roadmap.nudge(&id, nudge, step);
            });
        }
    };
    let on_click = {
        let id = id.clone();
        move |_| planner.select(Some(id.clone()))
    };

    view! {
        <button
            type="button"
            id=format!("card-{}", id.as_str())
            class=class
            class=("is-selected", selected)
            style=position
            aria-label=move || initiative.with(|found| found.as_ref().map(|found| card_label(found, &split.get())))
            aria-pressed={
                let selected = selected.clone();
                move || selected().to_string()
            }
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=end_drag
            on:pointercancel=end_drag
            on:keydown=on_keydown
            on:click=on_click
        >
            {move || {
                initiative
                    .get()
                    .map(|initiative| {
                        view! {
                            <span class="card-title">{initiative.display_title().to_string()}</span>
                            {card_badges(&initiative, &split.get())}
                        }
                    })
            }}
        </button>
    }
}
