//! What the grid shows: a card per initiative where its scores put it, moved by pointer drag
//! or arrow keys, and a cluster chip where cards crowd too much to show apart.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::focus_later;
use crate::model::{
    Initiative, InitiativeId, NUDGE_BIG_STEP, NUDGE_STEP, Nudge, QuadrantSplit, QuickWinStatus, Score, Spot,
    Urgency, card_label,
};
use crate::state::{InitiativeCell, Planner, use_planner};

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

/// The cell of an initiative a view is made for. A list can still hold an id for a moment
/// after the initiative is gone (removed before the list updates); its view then shows an
/// empty placeholder until it is dropped.
pub(crate) fn cell_or_placeholder(planner: Planner, id: &InitiativeId) -> InitiativeCell {
    planner
        .cell(id)
        .unwrap_or_else(|| ArcRwSignal::new(Arc::new(Initiative::new(id.clone(), ""))))
}

pub(crate) fn grid_card_id(id: &InitiativeId) -> String {
    format!("card-{}", id.as_str())
}

/// A pointer drag in progress.
struct Drag {
    pointer: i32,
    /// Pointer position minus card centre, so the card does not jump under the pointer.
    grab: (f64, f64),
    start: (f64, f64),
    moved: bool,
    /// The card follows the pointer. A mouse or pen lifts it at once; a finger must rest on it
    /// for `LONG_PRESS_MS` first, so that a swipe across the grid still scrolls the page.
    lifted: bool,
}

/// How long a finger rests on a card before it picks the card up.
const LONG_PRESS_MS: u64 = 400;
/// How far a finger may wander during that press before the press counts as a scroll.
const PRESS_SLOP_PX: f64 = 8.0;

/// Whether a finger is holding a card on the grid: while it is, the grid keeps the finger's
/// moves from scrolling the page.
#[derive(Clone, Copy)]
pub(crate) struct CardHeld(pub RwSignal<bool>);

/// Moves the initiative one step if `event` is an arrow key (Shift: a big step), selecting
/// it first: the selected card is always shown apart, so the keyboard never loses it.
/// Returns whether it moved.
fn nudge_by_key(planner: Planner, id: &InitiativeId, event: &web_sys::KeyboardEvent) -> bool {
    let nudge = match event.key().as_str() {
        "ArrowLeft" => Nudge::LessEffort,
        "ArrowRight" => Nudge::MoreEffort,
        "ArrowDown" => Nudge::LessImpact,
        "ArrowUp" => Nudge::MoreImpact,
        _ => return false,
    };
    let step = if event.shift_key() {
        NUDGE_BIG_STEP
    } else {
        NUDGE_STEP
    };
    event.prevent_default();
    planner.select(Some(id.clone()));
    planner.edit(|roadmap| {
        roadmap.nudge(id, nudge, step);
    });
    true
}

#[component]
pub fn InitiativeCard(id: InitiativeId, at: Signal<Spot>, plot: NodeRef<html::Div>) -> impl IntoView {
    let planner = use_planner();
    let cell = cell_or_placeholder(planner, &id);
    let drag: StoredValue<Option<Drag>, LocalStorage> = StoredValue::new_local(None);
    let lifted = RwSignal::new(false);
    let held = use_context::<CardHeld>();
    let button = NodeRef::<html::Button>::new();
    let selected = {
        let id = id.clone();
        move || planner.is_selected(&id)
    };
    let position = move || {
        let at = at.get();
        format!("left:{}%;top:{}%", at.x * 100.0, at.y * 100.0)
    };
    let class = {
        let cell = cell.clone();
        move || {
            let split = planner.split();
            cell.with(|initiative| {
                format!(
                    "card quadrant-card-{} urgency-edge-{}",
                    initiative.quadrant(&split).as_str(),
                    initiative.urgency.as_str()
                )
            })
        }
    };
    let label = {
        let cell = cell.clone();
        move || {
            let split = planner.split();
            cell.with(|initiative| card_label(initiative, &split))
        }
    };

    let on_pointerdown = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            if event.button() != 0 {
                return;
            }
            let Some(card) = button.get_untracked() else {
                return;
            };
            let touch = event.pointer_type() == "touch";
            let pointer = event.pointer_id();
            let rect = card.get_bounding_client_rect();
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            drag.set_value(Some(Drag {
                pointer,
                grab: (
                    x - (rect.left() + rect.width() / 2.0),
                    y - (rect.top() + rect.height() / 2.0),
                ),
                start: (x, y),
                moved: false,
                lifted: !touch,
            }));
            if !touch {
                let _ = card.set_pointer_capture(pointer);
                planner.select(Some(id.clone()));
                return;
            }
            let id = id.clone();
            set_timeout(
                move || {
                    let lift = drag
                        .try_update_value(|slot| match slot {
                            Some(press) if press.pointer == pointer && !press.lifted => {
                                press.lifted = true;
                                true
                            }
                            _ => false,
                        })
                        .unwrap_or(false);
                    if lift {
                        lifted.set(true);
                        if let Some(CardHeld(held)) = held {
                            held.set(true);
                        }
                        planner.select(Some(id));
                    }
                },
                std::time::Duration::from_millis(LONG_PRESS_MS),
            );
        }
    };
    let on_pointermove = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            let Some(grab) = drag
                .try_update_value(|slot| {
                    let current = slot.as_mut().filter(|drag| drag.pointer == event.pointer_id())?;
                    let distance = (x - current.start.0).hypot(y - current.start.1);
                    if !current.lifted {
                        // A finger that moves before the card is lifted is scrolling the page.
                        if distance > PRESS_SLOP_PX {
                            *slot = None;
                        }
                        return None;
                    }
                    // A few pixels of wobble is still a click, not a drag.
                    current.moved |= distance > 3.0;
                    current.moved.then_some(current.grab)
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
            planner.preview(&id, |roadmap| {
                roadmap.place(&id, effort, impact);
            });
        }
    };
    let end_drag = move |_: web_sys::PointerEvent| {
        if lifted.get_untracked() {
            lifted.set(false);
            if let Some(CardHeld(held)) = held {
                held.set(false);
            }
        }
        if let Some(finished) = drag.try_update_value(Option::take).flatten() {
            if let Some(card) = button.get_untracked() {
                let _ = card.release_pointer_capture(finished.pointer);
            }
            planner.finish_gesture();
        }
    };
    let on_keydown = {
        let id = id.clone();
        move |event: web_sys::KeyboardEvent| {
            nudge_by_key(planner, &id, &event);
        }
    };
    let on_click = {
        let id = id.clone();
        move |_| planner.select(Some(id.clone()))
    };
    let content = move || {
        let split = planner.split();
        cell.with(|initiative| {
            // Compact cards keep the cues as icons before the title (the name says them in words).
            let quick_win = matches!(
                initiative.quick_win_status(&split),
                QuickWinStatus::Marked | QuickWinStatus::Inconsistent
            );
            let cues = format!("{}{}", initiative.urgency.icon(), if quick_win { "★" } else { "" });
            view! {
                <span class="card-line">
                    {(!cues.is_empty()).then(|| view! { <span class="card-cues" aria-hidden="true">{cues}</span> })}
                    <span class="card-title">{initiative.display_title().to_string()}</span>
                </span>
                {card_badges(initiative, &split)}
            }
        })
    };

    view! {
        <button
            type="button"
            node_ref=button
            id=grid_card_id(&id)
            class=class
            class=("is-selected", selected.clone())
            class=("is-lifted", move || lifted.get())
            style=position
            aria-label=label
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
            {content}
        </button>
    }
}

/// Which cluster's list is open on the grid, named by its first member.
#[derive(Clone, Copy)]
pub(crate) struct OpenCluster(pub RwSignal<Option<InitiativeId>>);

/// How many members a cluster's list shows; more would not read as a list.
const CLUSTER_LIST_LIMIT: usize = 100;

fn chip_id(first: &InitiativeId) -> String {
    format!("cluster-{}", first.as_str())
}

/// Initiatives too crowded to show apart: a chip ("+12") that opens a list of them.
#[component]
pub fn ClusterChip(
    first: InitiativeId,
    count: Signal<usize>,
    members: Signal<Vec<InitiativeId>>,
    at: Signal<Spot>,
) -> impl IntoView {
    let planner = use_planner();
    let OpenCluster(open_cluster) = expect_context::<OpenCluster>();
    let is_open = {
        let first = first.clone();
        Memo::new(move |_| open_cluster.with(|open| open.as_ref() == Some(&first)))
    };
    let count = move || count.get();
    let position = move || {
        let at = at.get();
        format!("left:{}%;top:{}%", at.x * 100.0, at.y * 100.0)
    };
    let label = move || {
        let at = at.get();
        format!(
            "Cluster of {} initiatives near effort {}, impact {}",
            count(),
            Score::from_fraction(at.x),
            Score::from_fraction(1.0 - at.y)
        )
    };
    let toggle = {
        let first = first.clone();
        move |_| {
            open_cluster.update(|open| {
                *open = if open.as_ref() == Some(&first) {
                    None
                } else {
                    Some(first.clone())
                }
            })
        }
    };
    let close = {
        let first = first.clone();
        move || {
            open_cluster.set(None);
            focus_later(chip_id(&first));
        }
    };
    // Lists the members by name; each can be selected (it then leaves the cluster as the
    // selected card) or moved with the arrow keys.
    let member_list = move || {
        let members = members.get();
        let hidden = members.len().saturating_sub(CLUSTER_LIST_LIMIT);
        let close = close.clone();
        let entries = members
            .into_iter()
            .take(CLUSTER_LIST_LIMIT)
            .map(|id| {
                let cell = cell_or_placeholder(planner, &id);
                let label = Memo::new(move |_| {
                    let split = planner.split();
                    cell.with(|initiative| card_label(initiative, &split))
                });
                let pick = {
                    let id = id.clone();
                    move |_| {
                        planner.select(Some(id.clone()));
                        open_cluster.set(None);
                        focus_later(grid_card_id(&id));
                    }
                };
                let on_keydown = {
                    let id = id.clone();
                    move |event: web_sys::KeyboardEvent| {
                        // Selected, it now stands apart on the grid: the list closes and the
                        // keyboard stays on the card.
                        if nudge_by_key(planner, &id, &event) {
                            open_cluster.set(None);
                            focus_later(grid_card_id(&id));
                        }
                    }
                };
                view! {
                    <li>
                        <button type="button" class="cluster-member" aria-label=label on:click=pick on:keydown=on_keydown>
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        // Opens towards the middle of the plot, so it is never cut off at an edge.
        let at = at.get_untracked();
        let placement = format!(
            "cluster-list {} {}",
            if at.y > 0.5 { "opens-up" } else { "opens-down" },
            if at.x < 0.3 {
                "opens-right"
            } else if at.x > 0.7 {
                "opens-left"
            } else {
                "opens-centre"
            }
        );
        view! {
            <div
                class=placement
                role="dialog"
                aria-label=format!("Cluster of {} initiatives", count())
                on:keydown=move |event: web_sys::KeyboardEvent| {
                    if event.key() == "Escape" {
                        event.stop_propagation();
                        close();
                    }
                }
            >
                <p class="cluster-note">"Pick one to bring it out, or move it with the arrow keys."</p>
                <ul>{entries}</ul>
                {(hidden > 0).then(|| view! { <p class="cluster-note">{format!("and {hidden} more here")}</p> })}
            </div>
        }
    };

    view! {
        <div class="cluster" style=position class=("is-open", is_open)>
            <button
                type="button"
                class="cluster-chip"
                id=chip_id(&first)
                aria-label=label
                aria-expanded=move || is_open.get().to_string()
                on:click=toggle
            >
                {move || format!("+{}", count())}
            </button>
            <Show when=move || is_open.get()>{member_list.clone()}</Show>
        </div>
    }
}

/// The selected card's "Move to…" choice of phase, shown beside the card on phones and
/// tablets, where the Inspector is a long scroll away.
#[component]
pub fn CardMoveMenu() -> impl IntoView {
    let planner = use_planner();
    move || {
        let id = planner.selected()?;
        let cell = planner.cell(&id)?;
        Some(view! { <MoveMenu id cell/> })
    }
}

#[component]
fn MoveMenu(id: InitiativeId, cell: InitiativeCell) -> impl IntoView {
    let planner = use_planner();
    let style = {
        let cell = cell.clone();
        move || {
            cell.with(|initiative| {
                let x = (initiative.effort.value() - 1.0) / 9.0 * 100.0;
                let y = (1.0 - (initiative.impact.value() - 1.0) / 9.0) * 100.0;
                // Centred under the card, but never past the plot's sides.
                format!("left:clamp(0%, calc({x}% - var(--move-menu-width) / 2), calc(100% - var(--move-menu-width)));top:{y}%")
            })
        }
    };
    // Below the card, or above it near the bottom edge.
    let above = {
        let cell = cell.clone();
        move || cell.with(|initiative| initiative.impact.value() < 3.0)
    };
    let label = {
        let cell = cell.clone();
        move || cell.with(|initiative| format!("Move {} to…", initiative.display_title()))
    };
    let options = move || {
        let current = cell.with(|initiative| initiative.phase.clone());
        let unphased = current.is_none();
        let phases = planner.with_phases(|phases| {
            phases
                .iter()
                .map(|phase| {
                    let selected = current.as_ref() == Some(&phase.id);
                    view! { <option value=phase.id.0.clone() selected=selected>{phase.name.clone()}</option> }
                })
                .collect_view()
        });
        view! {
            <option value="" selected=unphased>"Unphased"</option>
            {phases}
        }
    };
    view! {
        <div class="move-menu" class=("is-above", above) style=style>
            <span class="move-menu-label" aria-hidden="true">"Move to…"</span>
            <select
                aria-label=label
                on:change=move |event| {
                    let value = event_target_value(&event);
                    let phase = (!value.is_empty()).then_some(crate::model::PhaseId(value));
                    planner.edit(|roadmap| {
                        roadmap.assign_phase(&id, phase);
                    });
                }
            >
                {options}
            </select>
        </div>
    }
}
