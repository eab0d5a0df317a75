//! An initiative on the board: a mark at its scores with its title placed beside it, moved by
//! pointer drag (coalesced to animation frames) or arrow keys; and the badges its phase-board
//! card shares.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::DomId;
use super::board_tips::tip_opens_left;
use crate::model::{
    BoardGeometry, Initiative, InitiativeId, NUDGE_BIG_STEP, NUDGE_STEP, Nudge, PlacedLabel, QuadrantSplit,
    QuickWinStatus, Score, Urgency, card_label, short_label,
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

/// Where the board puts a mark: its centre and its title's place, in pixels of the plot.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MarkPlace {
    pub at: (f64, f64),
    pub label: Option<PlacedLabel>,
}

/// A pointer drag in progress.
struct Drag {
    id: InitiativeId,
    mark: web_sys::HtmlElement,
    pointer: i32,
    /// Pointer position minus mark centre, so the mark does not jump under the pointer.
    grab: (f64, f64),
    /// The plot's top-left corner on screen, read once when the pointer goes down.
    plot: (f64, f64),
    start: (f64, f64),
    moved: bool,
    /// A finger holds the mark (not a mouse or a pen).
    touch: bool,
    /// The mark follows the pointer. A mouse or pen lifts it at once; a finger must rest on it
    /// for `LONG_PRESS_MS` first, so that a swipe across the board still scrolls the page.
    lifted: bool,
    /// The latest pointer position not yet shown; moves between two frames are coalesced.
    pending: Option<(f64, f64)>,
}

impl Drag {
    /// Where the mark's centre is, in pixels of the plot, with the pointer at `(x, y)` on
    /// screen. At `start` that is where the mark rests.
    fn in_plot(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x - self.grab.0 - self.plot.0, y - self.grab.1 - self.plot.1)
    }
}

/// How long a finger rests on a mark before it picks the mark up.
const LONG_PRESS_MS: u64 = 400;
/// How far a finger may wander during that press before the press counts as a scroll.
const PRESS_SLOP_PX: f64 = 8.0;

/// A dragged mark's stand-in in the drag layer and the animation that holds it where the drag
/// has taken it.
struct Held {
    stand_in: web_sys::Element,
    animation: web_sys::Animation,
}

/// The mark (and its initiative) that holds this event target, if any.
pub(crate) fn mark_at(target: Option<web_sys::EventTarget>) -> Option<(web_sys::HtmlElement, InitiativeId)> {
    use wasm_bindgen::JsCast;
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let mark = element.closest(".mark").ok()??;
    let id = DomId::initiative_of_mark(&mark.id())?;
    Some((mark.dyn_into().ok()?, id))
}

/// Moves the initiative one step if `event` is an arrow key (Shift: a big step), selecting
/// it first: the selected mark always stands apart, so the keyboard never loses it.
/// Returns whether it moved.
pub(crate) fn nudge_by_key(planner: Planner, id: &InitiativeId, event: &web_sys::KeyboardEvent) -> bool {
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

/// An initiative on the board: a mark at its scores (shape: urgency, fill: phase, ring: quick
/// win) and its title where the board placed it. While dragged, only its position changes.
#[component]
pub fn InitiativeMark(
    id: InitiativeId,
    place: Signal<Option<MarkPlace>>,
    geometry: Signal<BoardGeometry>,
) -> impl IntoView {
    let planner = use_planner();
    let cell = cell_or_placeholder(planner, &id);
    let is_dragged = {
        let id = id.clone();
        Memo::new(move |_| planner.is_dragged(&id))
    };
    // Where the mark rests; a drag moves its stand-in from there (see `MarkHandling::show_at`).
    let rest = {
        let cell = cell.clone();
        Memo::new(move |_| {
            place
                .with(|place| place.as_ref().map(|place| place.at))
                .unwrap_or_else(|| {
                    cell.with(|initiative| geometry.get().point(initiative.effort, initiative.impact))
                })
        })
    };
    let label = Memo::new(move |_| {
        if is_dragged.get() {
            return None;
        }
        place.with(|place| place.as_ref().and_then(|place| place.label))
    });
    let title = {
        let cell = cell.clone();
        move || cell.with(|initiative| short_label(initiative.display_title()))
    };
    let has_label = Signal::derive(move || label.with(Option::is_some));
    view! {
        <MarkButton id cell rest=rest.into() is_dragged=is_dragged.into() has_label geometry title=title.clone()/>
        {move || label.get().map(|placed| view! { <MarkLabel placed title=title.clone()/> })}
    }
}

/// A placed title, with its leader line when it sits further out.
#[component]
fn MarkLabel(placed: PlacedLabel, title: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    let rect = placed.rect;
    let leader = placed.leader.map(|((x1, y1), (x2, y2))| {
        let length = (x2 - x1).hypot(y2 - y1);
        let angle = (y2 - y1).atan2(x2 - x1).to_degrees();
        let style = format!("left:{x1}px;top:{y1}px;width:{length}px;transform:rotate({angle}deg)");
        view! { <span class="mark-leader" style=style aria-hidden="true"></span> }
    });
    let style = super::rect_style(&rect);
    view! {
        {leader}
        <span class="mark-label" style=style aria-hidden="true">{title}</span>
    }
}

/// How long a drag's animation could hold a mark: far longer than any drag (it is cancelled
/// on the drop).
const HELD_MS: f64 = 86_400_000.0;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// An element as `Element.animate` sees it; web-sys offers that only behind its unstable APIs.
    #[wasm_bindgen(extends = web_sys::Element)]
    type Animatable;

    #[wasm_bindgen(method)]
    fn animate(this: &Animatable, keyframes: &js_sys::Object, duration: f64) -> web_sys::Animation;
}

/// Keyframes that hold a mark moved by `(dx, dy)` pixels from where it rests.
fn held_at(dx: f64, dy: f64) -> js_sys::Object {
    let transform = wasm_bindgen::JsValue::from_str(&format!("translate({dx}px,{dy}px)"));
    let keyframe = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &keyframe,
        &wasm_bindgen::JsValue::from_str("transform"),
        &transform,
    );
    js_sys::Array::of2(&keyframe, &keyframe).into()
}

/// How the board's marks are dragged, nudged and picked: one set of handlers on the board's
/// items for all its marks (see `Grid`), which finds the mark an event reached by its id. Six
/// handlers in every mark took some 8 ms to build for 1,000 initiatives.
#[derive(Clone, Copy)]
pub(crate) struct MarkHandling {
    planner: Planner,
    drag: StoredValue<Option<Drag>, LocalStorage>,
    /// Whether a finger holds a mark: while it does, the board keeps the finger's moves from
    /// scrolling the page.
    pub(crate) held: RwSignal<bool>,
    plot: NodeRef<html::Div>,
    /// The layer above the board's items where a dragged mark's stand-in moves. The board's
    /// marks, titles and chips share one stacking context: a mark moved among them makes the
    /// browser walk all of them on every move (about 3 ms at 10,000 initiatives), a stand-in in
    /// a layer of its own walks none of them.
    layer: NodeRef<html::Div>,
    geometry: Signal<BoardGeometry>,
    /// The dragged mark's stand-in (see `show_at`).
    shown: StoredValue<Option<Held>, LocalStorage>,
}

impl MarkHandling {
    pub(crate) fn new(
        plot: NodeRef<html::Div>,
        layer: NodeRef<html::Div>,
        geometry: Signal<BoardGeometry>,
    ) -> MarkHandling {
        MarkHandling {
            planner: use_planner(),
            drag: StoredValue::new_local(None),
            held: RwSignal::new(false),
            plot,
            layer,
            geometry,
            shown: StoredValue::new_local(None),
        }
    }

    pub(crate) fn down(&self, event: &web_sys::PointerEvent) {
        if event.button() != 0 {
            return;
        }
        let (Some((mark, id)), Some(plot)) = (mark_at(event.target()), self.plot.get_untracked()) else {
            return;
        };
        let touch = event.pointer_type() == "touch";
        let pointer = event.pointer_id();
        let rect = mark.get_bounding_client_rect();
        let plot = plot.get_bounding_client_rect();
        let centre = (rect.left() + rect.width() / 2.0, rect.top() + rect.height() / 2.0);
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        self.drag.set_value(Some(Drag {
            id: id.clone(),
            mark: mark.clone(),
            pointer,
            grab: (x - centre.0, y - centre.1),
            plot: (plot.left(), plot.top()),
            start: (x, y),
            moved: false,
            touch,
            lifted: !touch,
            pending: None,
        }));
        if !touch {
            let _ = mark.set_pointer_capture(pointer);
            // Focus comes here now, while the page is as it was, not on the mousedown after
            // the selection: selecting may take away the mark that had focus (one standing
            // apart from its chip), and removing a focused element in mid-update makes the
            // browser restyle and lay out the page at once (5 ms at 10,000 initiatives).
            let _ = mark.focus();
            self.planner.select(Some(id));
            return;
        }
        let this = *self;
        set_timeout(
            move || this.lift_after_press(pointer),
            std::time::Duration::from_millis(LONG_PRESS_MS),
        );
    }

    /// A finger that rested on the mark long enough picks it up: its stand-in shows it lifted,
    /// where it rests.
    fn lift_after_press(&self, pointer: i32) {
        let lifted = self
            .drag
            .try_update_value(|slot| match slot {
                Some(press) if press.pointer == pointer && !press.lifted => {
                    press.lifted = true;
                    Some(press.id.clone())
                }
                _ => None,
            })
            .flatten();
        if let Some(id) = lifted {
            self.held.set(true);
            self.shown.set_value(self.stand_in(&held_at(0.0, 0.0)));
            self.planner.select(Some(id));
        }
    }

    pub(crate) fn moved(&self, event: &web_sys::PointerEvent) {
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        let first_of_frame = self
            .drag
            .try_update_value(|slot| {
                let current = slot.as_mut().filter(|drag| drag.pointer == event.pointer_id())?;
                let distance = (x - current.start.0).hypot(y - current.start.1);
                if !current.lifted {
                    // A finger that moves before the mark is lifted is scrolling the page.
                    if distance > PRESS_SLOP_PX {
                        *slot = None;
                    }
                    return None;
                }
                // A few pixels of wobble is still a click, not a drag.
                current.moved |= distance > 3.0;
                if !current.moved {
                    return None;
                }
                Some(current.pending.replace((x, y)).is_none())
            })
            .flatten();
        if first_of_frame == Some(true) {
            let this = *self;
            request_animation_frame(move || this.show_pending());
        }
    }

    /// Shows the latest pointer position: once per animation frame however many moves came.
    fn show_pending(&self) {
        let Some((id, x, y)) = self
            .drag
            .try_update_value(|slot| {
                let drag = slot.as_mut()?;
                let pointer = drag.pending.take()?;
                let (x, y) = drag.in_plot(pointer);
                Some((drag.id.clone(), x, y))
            })
            .flatten()
        else {
            return;
        };
        let (effort, impact) = self.geometry.with_untracked(|geometry| geometry.scores_at(x, y));
        self.planner.drag_to(&id, effort, impact);
        self.show_at(effort, impact);
    }

    /// Moves the mark's stand-in to these scores. The mark itself stays (hidden) among the
    /// others; the stand-in, in the drag layer, moves by its own transform, held by a paused Web
    /// Animation rather than an inline style: the compositor takes an animation's new keyframes
    /// as they are, where a changed style makes the browser sort the plot's layers again on
    /// every move. Written to the one element, not through the views: a step re-runs no view
    /// and lays out or repaints nothing (the Inspector's fields follow on the drop).
    fn show_at(&self, effort: Score, impact: Score) {
        let Some((x, y)) = self
            .drag
            .with_value(|slot| slot.as_ref().map(|drag| drag.in_plot(drag.start)))
        else {
            return;
        };
        let (to_x, to_y) = self
            .geometry
            .with_untracked(|geometry| geometry.point(effort, impact));
        let keyframes = held_at(to_x - x, to_y - y);
        let moved = self.shown.with_value(|shown| {
            shown
                .as_ref()
                .and_then(|held| held.animation.effect())
                .and_then(|effect| wasm_bindgen::JsCast::dyn_into::<web_sys::KeyframeEffect>(effect).ok())
                .map(|effect| effect.set_keyframes(Some(&keyframes)))
                .is_some()
        });
        if !moved {
            self.shown.set_value(self.stand_in(&keyframes));
        }
    }

    /// A stand-in for the dragged mark in the drag layer: its look and place, and its title
    /// beside it.
    fn stand_in(&self, keyframes: &js_sys::Object) -> Option<Held> {
        let (mark, id, touch) = self.drag.with_value(|slot| {
            slot.as_ref()
                .map(|drag| (drag.mark.clone(), drag.id.clone(), drag.touch))
        })?;
        let layer = self.layer.get_untracked()?;
        let document = leptos::prelude::document();
        let stand_in = document.create_element("span").ok()?;
        let look = mark.get_attribute("class").unwrap_or_default();
        let lifted = if touch { " is-lifted" } else { "" };
        let _ = stand_in.set_attribute("class", &format!("{look} is-dragged{lifted}"));
        let _ = stand_in.set_attribute("style", &mark.get_attribute("style").unwrap_or_default());
        let tip = document.create_element("span").ok()?;
        tip.set_class_name("mark-tip");
        let title = self
            .planner
            .cell(&id)
            .map(|cell| cell.with_untracked(|initiative| short_label(initiative.display_title())));
        tip.set_text_content(title.as_deref());
        let _ = stand_in.append_child(&tip);
        let _ = layer.append_child(&stand_in);
        let animatable: &Animatable = wasm_bindgen::JsCast::unchecked_ref(&stand_in);
        let animation = animatable.animate(keyframes, HELD_MS);
        // Paused, it holds its keyframes without a style update in every frame.
        let _ = animation.pause();
        Some(Held { stand_in, animation })
    }

    /// Back at rest: the stand-in goes, and the layout places the mark at its (possibly new)
    /// scores.
    fn clear_shown(&self) {
        if let Some(held) = self.shown.try_update_value(Option::take).flatten() {
            held.animation.cancel();
            held.stand_in.remove();
        }
    }

    /// The pointer of the drag went up (`dropped`) or was cancelled.
    pub(crate) fn end(&self, event: &web_sys::PointerEvent, dropped: bool) {
        let (ours, pending) = self.drag.with_value(|slot| {
            slot.as_ref()
                .filter(|drag| drag.pointer == event.pointer_id())
                .map_or((false, false), |drag| (true, drag.pending.is_some()))
        });
        if !ours {
            return;
        }
        if self.held.get_untracked() {
            self.held.set(false);
        }
        if dropped && pending {
            self.show_pending();
        }
        if let Some(finished) = self.drag.try_update_value(Option::take).flatten() {
            let _ = finished.mark.release_pointer_capture(finished.pointer);
            self.clear_shown();
            if dropped {
                self.planner.drop_drag();
            } else {
                self.planner.cancel_drag();
            }
        }
    }

    /// An arrow key on a mark moves it.
    pub(crate) fn key(&self, event: &web_sys::KeyboardEvent) {
        if let Some((_, id)) = mark_at(event.target()) {
            nudge_by_key(self.planner, &id, event);
        }
    }

    /// A click (or Enter, or Space) on a mark selects it.
    pub(crate) fn click(&self, event: &web_sys::MouseEvent) {
        if let Some((_, id)) = mark_at(event.target()) {
            self.planner.select(Some(id));
        }
    }
}

/// The mark itself: a button named with the initiative's title, scores, quadrant and urgency.
#[component]
fn MarkButton(
    id: InitiativeId,
    cell: InitiativeCell,
    rest: Signal<(f64, f64)>,
    is_dragged: Signal<bool>,
    has_label: Signal<bool>,
    geometry: Signal<BoardGeometry>,
    title: impl Fn() -> String + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let planner = use_planner();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| planner.is_selected(&id))
    };
    let class = mark_class(
        look_class(planner, cell.clone()),
        [selected.into(), is_dragged, has_label],
        rest,
        geometry,
    );
    let label = move || {
        let split = planner.split();
        cell.with(|initiative| card_label(initiative, &split))
    };
    let position = move || {
        let (x, y) = rest.get();
        format!("left:{x}px;top:{y}px")
    };
    // Dragged, nudged and picked by the board's handlers (see `MarkHandling`).
    view! {
        <button
            type="button"
            id=DomId::Mark(&id).to_string()
            class=class
            style=position
            aria-label=label
            aria-pressed=move || selected.get().to_string()
        >
            // Its title when the board left it off: only while it is worked on (the board's own
            // tips show it on hover and focus), and inside it so that it moves with a drag.
            {move || {
                ((selected.get() || is_dragged.get()) && !has_label.get())
                    .then(|| view! { <span class="mark-tip" aria-hidden="true">{title.clone()}</span> })
            }}
        </button>
    }
}

/// The mark's whole class: its look, then whether it is selected, dragged and labelled, and
/// whether its tip opens to the left. One class attribute, not one per state: each reactive
/// attribute is an effect of its own, and a thousand marks are built at once when a roadmap
/// opens.
fn mark_class(
    look: impl Fn() -> String + Send + Sync + 'static,
    [selected, dragged, labelled]: [Signal<bool>; 3],
    rest: Signal<(f64, f64)>,
    geometry: Signal<BoardGeometry>,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let tip_left = geometry.with(|geometry| tip_opens_left(rest.get().0, geometry));
        let states = [
            (selected.get(), " is-selected"),
            (dragged.get(), " is-dragged"),
            (labelled.get(), " has-label"),
            (tip_left, " tip-left"),
        ];
        states
            .into_iter()
            .filter(|(on, _)| *on)
            .fold(look(), |class, (_, state)| class + state)
    }
}

/// The mark's classes: its shape (urgency), fill (phase) and quick-win ring.
fn look_class(planner: Planner, cell: InitiativeCell) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let split = planner.split();
        let fill = planner.with_phases(|phases| {
            cell.with(|initiative| {
                initiative
                    .phase
                    .as_ref()
                    .and_then(|phase| phases.iter().position(|candidate| &candidate.id == phase))
            })
        });
        cell.with(|initiative| {
            // A quick win marked outside Quick wins gets a dashed ring: flagged, not overridden.
            let ring = match initiative.quick_win_status(&split) {
                QuickWinStatus::Marked => " is-quick-win",
                QuickWinStatus::Inconsistent => " is-quick-win is-flagged",
                QuickWinStatus::Suggested | QuickWinStatus::NotQuickWin => "",
            };
            let fill = fill.map_or_else(
                || "fill-none".to_string(),
                |index| format!("fill-{}", index % PHASE_FILLS),
            );
            format!("mark shape-{} {fill}{ring}", initiative.urgency.as_str())
        })
    }
}

/// How many phase fills the stylesheet has (the charts' palette); more phases repeat them.
const PHASE_FILLS: usize = 6;
